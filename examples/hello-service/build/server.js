// The built server of the example service. It serves the contract it was sealed with.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const here = new URL('.', import.meta.url)
const config = JSON.parse(readFileSync(new URL('config/production.json', here), 'utf8'))
const page = readFileSync(new URL('public/index.html', here))
const contract = readFileSync(new URL('api/openapi.yaml', here))

const server = createServer((req, res) => {
  if (req.url === '/hello') {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: config.greeting }))
  } else if (req.url === '/openapi.yaml') {
    res.writeHead(200, { 'content-type': 'application/yaml' })
    res.end(contract)
  } else {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(page)
  }
})

server.listen(config.port, config.host, () => console.log(`hello-service on http://${config.host}:${config.port}`))
