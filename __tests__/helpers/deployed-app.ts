// A small HTTP service on loopback that plays the deployed application: it serves the digest it
// was deployed with and its API description, and a test changes either behind the ledger's
// back, or makes it answer as a broken or hostile service would.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export type AppAnswer =
  | { readonly kind: 'json'; readonly body: unknown }
  | {
      readonly kind: 'text'
      readonly body: string
      readonly type: string
      readonly status?: number
    }
  /** Headers, then bytes without end: the probe must stop reading. */
  | { readonly kind: 'endless' }
  /** Takes the request and never answers: the probe's timeout must end it. */
  | { readonly kind: 'hang' }

export interface DeployedApp {
  readonly url: (path: string) => string
  /** What a path answers from now on. */
  set(path: string, answer: AppAnswer): void
  /** Requests received per path. */
  readonly hits: Map<string, number>
  /** Resolves when the next request for the path has arrived. */
  arrived(path: string): Promise<void>
  close(): Promise<void>
}

export async function startDeployedApp(): Promise<DeployedApp> {
  const answers = new Map<string, AppAnswer>()
  const hits = new Map<string, number>()
  const waiting = new Map<string, (() => void)[]>()
  const open = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string
    hits.set(path, (hits.get(path) ?? 0) + 1)
    for (const wake of waiting.get(path) ?? []) wake()
    waiting.delete(path)
    const answer = answers.get(path)
    if (answer === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    switch (answer.kind) {
      case 'json':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body))
        return
      case 'text':
        res
          .writeHead(answer.status ?? 200, {
            'content-type': answer.type,
            'content-length': Buffer.byteLength(answer.body)
          })
          .end(answer.body)
        return
      case 'endless': {
        open.add(res)
        res.writeHead(200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump)
        }
        res.on('close', () => open.delete(res))
        pump()
        return
      }
      case 'hang':
        open.add(res)
        res.on('close', () => open.delete(res))
        return
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, answer) => void answers.set(path, answer),
    hits,
    arrived: (path) =>
      new Promise((resolve) => waiting.set(path, [...(waiting.get(path) ?? []), resolve])),
    close: async () => {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
