// npm run demo: artifact-seal on its embedded default, run as a new user would see it.
// It seals the example service with the bundled CLI, then changes one byte in a copy
// of it (as a hand-patched server would) and shows the digest and the file that differ.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = path.join(root, 'dist', 'cli', 'index.js')
const example = path.join(root, 'examples', 'hello-service', 'build')
const work = mkdtempSync(path.join(tmpdir(), 'artifact-seal-demo-'))
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)

function step(title) {
  console.log(`\n${bold(`▶ ${title}`)}`)
}

function artifactSeal(args, { allowFailure = false, quiet = false } = {}) {
  console.log(`$ artifact-seal ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`)
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' })
  if (!quiet) process.stdout.write(run.stdout)
  process.stdout.write(run.stderr)
  if (run.status !== 0 && !allowFailure) throw new Error(`artifact-seal ${args[0]} failed with exit code ${run.status}`)
  return run
}

try {
  step('Seal the build output of the example service (examples/hello-service/build)')
  cpSync(example, path.join(work, 'build'), { recursive: true })
  artifactSeal(['seal', 'build', '--name', 'hello-service', '--out', 'sealed'])
  const sealed = JSON.parse(artifactSeal(['seal', 'build', '--name', 'hello-service', '--out', 'sealed', '--json'], { quiet: true }).stdout)
  console.log(`digest: ${sealed.digest}  (the same again: sealing is deterministic)`)

  step('A deploy job downloads the same bytes somewhere else: same digest')
  cpSync(path.join(work, 'build'), path.join(work, 'deploy', 'hello-service'), { recursive: true })
  const downloaded = JSON.parse(artifactSeal(['seal', 'deploy/hello-service', '--out', 'deployed', '--json'], { quiet: true }).stdout)
  console.log(downloaded.digest === sealed.digest ? `✔ identical: ${downloaded.digest}` : '✘ the digests differ')

  step('Someone patches one byte of the config on the server')
  const config = path.join(work, 'deploy', 'hello-service', 'config', 'production.json')
  const bytes = readFileSync(config)
  const at = bytes.indexOf('false')
  bytes[at] = 't'.charCodeAt(0) // "false" becomes "talse": one byte, a broken feature flag
  writeFileSync(config, bytes)
  console.log(`changed byte ${at} of config/production.json`)
  const patched = JSON.parse(artifactSeal(['seal', 'deploy/hello-service', '--out', 'patched', '--json'], { quiet: true }).stdout)
  console.log(`sealed  ${sealed.digest}\nnow     ${patched.digest}  ✘ a different artifact`)

  step('Which file differs from the sealed build')
  const diff = artifactSeal(['diff', path.relative(work, sealed.checksumsPath), path.relative(work, patched.checksumsPath)], { allowFailure: true })
  console.log(`exit code ${diff.status}: the deploy must stop here`)

  step('Anyone can check the listing without artifact-seal')
  console.log(`$ (cd deploy/hello-service && sha256sum --quiet -c ../../${path.relative(work, sealed.checksumsPath)})`)
  const check = spawnSync('sha256sum', ['--quiet', '-c', sealed.checksumsPath], { cwd: path.join(work, 'deploy', 'hello-service'), encoding: 'utf8' })
  process.stdout.write(check.error ? 'sha256sum is not installed here\n' : check.stdout + check.stderr)
} finally {
  rmSync(work, { recursive: true, force: true })
}
