// npm run demo: artifact-seal on its embedded defaults (a file ledger), run as a new user
// would see it. It seals the example service with the bundled CLI, changes one byte in a
// copy of it (as a hand-patched server would) and shows the file that differs, then runs
// the whole pipeline: dev → staging → production (refused before the soak, accepted
// after), each deployment confirmed by the deploy command's exit status, a failed deploy
// that never counts as live, a tampered copy refused, a vetoed digest refused, a
// rollback, and the ledger's chain and pinned head catching an edit and a deleted veto. It
// ends with drift: observe catching a file patched in production, then an API changed on
// the running service, with the contract's rule ids. Then one container image beside the
// files (scripts/demo-image.mjs): sealed by tag, promoted by moving tags, a tag moved by hand.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { imageDemo } from './demo-image.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = path.join(root, 'dist', 'cli', 'index.js')
const example = path.join(root, 'examples', 'hello-service', 'build')
const work = mkdtempSync(path.join(tmpdir(), 'artifact-seal-demo-'))
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)

function step(title) {
  console.log(`\n${bold(`▶ ${title}`)}`)
}

/** The policy the demo promotes under: production waits for a soak short enough to watch. */
const SOAK_SECONDS = 2
const POLICY = `environments:
  dev: {}
  staging:
    requires: [dev]
  production:
    requires: [staging]
    soak: ${SOAK_SECONDS}s
    contract:
      breaking: require-major
`

/** What each promotion runs once the gate lets the digest in; its exit status confirms the deployment. */
const DEPLOY_SCRIPT = `#!/bin/sh
# A real one would rsync "$ARTIFACT_SEAL_PATH" to a server or roll out an image.
echo "deploying $ARTIFACT_SEAL_DIGEST to $ARTIFACT_SEAL_ENVIRONMENT (record $ARTIFACT_SEAL_RECORD_ID)"
`

const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))

function artifactSeal(args, { allowFailure = false, quiet = false } = {}) {
  console.log(`$ artifact-seal ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`)
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' })
  if (!quiet) process.stdout.write(run.stdout)
  process.stdout.write(run.stderr)
  if (run.status !== 0 && !allowFailure)
    throw new Error(`artifact-seal ${args[0]} failed with exit code ${run.status}`)
  return run
}

let service = null
try {
  step('Seal the build output of the example service (examples/hello-service/build)')
  cpSync(example, path.join(work, 'build'), { recursive: true })
  artifactSeal([
    'seal',
    'build',
    '--subject-name',
    'hello-service',
    '--contract',
    'api/openapi.yaml',
    '--out',
    'sealed'
  ])
  const sealed = JSON.parse(
    artifactSeal(
      [
        'seal',
        'build',
        '--subject-name',
        'hello-service',
        '--contract',
        'api/openapi.yaml',
        '--out',
        'sealed',
        '--json'
      ],
      { quiet: true }
    ).stdout
  )
  console.log(`digest: ${sealed.digest}  (the same again: sealing is deterministic)`)

  step('A deploy job downloads the same bytes somewhere else: same digest')
  cpSync(path.join(work, 'build'), path.join(work, 'deploy', 'hello-service'), { recursive: true })
  const downloaded = JSON.parse(
    artifactSeal(['seal', 'deploy/hello-service', '--out', 'deployed', '--json'], { quiet: true })
      .stdout
  )
  console.log(
    downloaded.digest === sealed.digest
      ? `✔ identical: ${downloaded.digest}`
      : '✘ the digests differ'
  )

  step('Someone patches one byte of the config on the server')
  const config = path.join(work, 'deploy', 'hello-service', 'config', 'production.json')
  const bytes = readFileSync(config)
  const at = bytes.indexOf('false')
  bytes[at] = 't'.charCodeAt(0) // "false" becomes "talse": one byte, a broken feature flag
  writeFileSync(config, bytes)
  console.log(`changed byte ${at} of config/production.json`)
  const patched = JSON.parse(
    artifactSeal(['seal', 'deploy/hello-service', '--out', 'patched', '--json'], { quiet: true })
      .stdout
  )
  console.log(`sealed  ${sealed.digest}\nnow     ${patched.digest}  ✘ a different artifact`)

  step('Which file differs from the sealed build')
  const diff = artifactSeal(
    ['diff', path.relative(work, sealed.checksumsPath), path.relative(work, patched.checksumsPath)],
    { allowFailure: true }
  )
  console.log(`exit code ${diff.status}: the deploy must stop here`)

  step('Anyone can check the listing without artifact-seal')
  console.log(
    `$ (cd deploy/hello-service && sha256sum --quiet -c ../../${path.relative(work, sealed.checksumsPath)})`
  )
  const check = spawnSync('sha256sum', ['--quiet', '-c', sealed.checksumsPath], {
    cwd: path.join(work, 'deploy', 'hello-service'),
    encoding: 'utf8'
  })
  process.stdout.write(
    check.error ? 'sha256sum is not installed here\n' : check.stdout + check.stderr
  )

  const listing = path.relative(work, sealed.checksumsPath)
  const v1 = sealed.digest
  step('The promotion policy: dev, then staging, then production after a soak in staging')
  mkdirSync(path.join(work, '.github'))
  writeFileSync(path.join(work, '.github', 'promotion.yml'), POLICY)
  console.log(`.github/promotion.yml:\n${POLICY}`)

  step('Create the ledger once (a missing ledger is an error, never an empty history)')
  artifactSeal(['ledger', 'init'])
  writeFileSync(path.join(work, 'deploy.sh'), DEPLOY_SCRIPT)
  console.log(
    `deploy.sh, the deploy command each promotion runs once the gate lets the digest in:\n${DEPLOY_SCRIPT}`
  )

  step('Promote the sealed build to dev, then staging: each is live once deploy.sh succeeds')
  artifactSeal([
    'promote',
    v1,
    '--environment',
    'dev',
    '--path',
    'build',
    '--checksums',
    listing,
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])
  artifactSeal([
    'promote',
    v1,
    '--environment',
    'staging',
    '--path',
    'build',
    '--checksums',
    listing,
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])

  step('Straight on to production: refused, it has not soaked in staging')
  const early = artifactSeal(
    [
      'promote',
      v1,
      '--environment',
      'production',
      '--path',
      'build',
      '--subject-name',
      'hello-service',
      '--',
      'sh',
      'deploy.sh'
    ],
    { allowFailure: true }
  )
  console.log(`exit code ${early.status}`)

  step(`${SOAK_SECONDS} s later: production takes it`)
  await sleep(SOAK_SECONDS)
  artifactSeal([
    'promote',
    v1,
    '--environment',
    'production',
    '--path',
    'build',
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])

  step(
    'The patched copy from before, offered to production as the same digest: refused, naming the file'
  )
  const tampered = artifactSeal(
    [
      'promote',
      v1,
      '--environment',
      'production',
      '--path',
      'deploy/hello-service',
      '--checksums',
      listing,
      '--subject-name',
      'hello-service'
    ],
    {
      allowFailure: true
    }
  )
  console.log(`exit code ${tampered.status}`)

  step('Version 2: a new page, sealed and promoted through dev and staging into production')
  // v1's files are kept for the rollback later, which checks them against v1's digest.
  cpSync(path.join(work, 'build'), path.join(work, 'releases', 'v1'), { recursive: true })
  const page = path.join(work, 'build', 'public', 'index.html')
  writeFileSync(page, readFileSync(page, 'utf8').replace('</body>', '<p>v2</p></body>'))
  const v2 = JSON.parse(
    artifactSeal(
      [
        'seal',
        'build',
        '--subject-name',
        'hello-service',
        '--contract',
        'api/openapi.yaml',
        '--out',
        'sealed-v2',
        '--json'
      ],
      { quiet: true }
    ).stdout
  ).digest
  console.log(`v2: ${v2}`)
  const listingV2 = path.join('sealed-v2', 'hello-service.sha256')
  artifactSeal([
    'promote',
    v2,
    '--environment',
    'dev',
    '--path',
    'build',
    '--checksums',
    listingV2,
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])
  artifactSeal([
    'promote',
    v2,
    '--environment',
    'staging',
    '--path',
    'build',
    '--checksums',
    listingV2,
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])
  await sleep(SOAK_SECONDS)

  step(
    'The first deploy of v2 to production fails: the record says so, and production still runs v1'
  )
  const failedDeploy = artifactSeal(
    [
      'promote',
      v2,
      '--environment',
      'production',
      '--path',
      'build',
      '--subject-name',
      'hello-service',
      '--',
      'sh',
      '-c',
      'echo "deploy: cluster unreachable" >&2; exit 3'
    ],
    {
      allowFailure: true
    }
  )
  console.log(`exit code ${failedDeploy.status}`)
  artifactSeal(['status'])

  step('Run again: this time the deploy goes through')
  artifactSeal([
    'promote',
    v2,
    '--environment',
    'production',
    '--path',
    'build',
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])

  step('Smoke tests fail in production: veto v2')
  artifactSeal([
    'veto',
    v2,
    '--environment',
    'production',
    '--reason',
    'smoke tests failed: /health answers 500',
    '--subject-name',
    'hello-service'
  ])

  step('A vetoed digest is refused everywhere, even where it passed before')
  const vetoed = artifactSeal(
    [
      'promote',
      v2,
      '--environment',
      'staging',
      '--path',
      'build',
      '--subject-name',
      'hello-service'
    ],
    { allowFailure: true }
  )
  console.log(`exit code ${vetoed.status}`)

  step('Roll production back to the last good digest before v2')
  artifactSeal([
    'promote',
    'previous',
    '--rollback',
    '--environment',
    'production',
    '--path',
    'releases/v1',
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])

  step('Who ran what since when, and what runs where now')
  artifactSeal(['history', '--environment', 'production'])
  artifactSeal(['status'])

  step('The ledger is hash-chained: it checks out, and prints its head to keep elsewhere')
  const intact = artifactSeal(['ledger', 'verify'])
  const head = /Head: (\S+)/.exec(intact.stdout)[1]
  const ledgerFile = path.join(work, '.artifact-seal', 'ledger.jsonl')
  const original = readFileSync(ledgerFile, 'utf8')

  step(
    'Someone deletes the last records (the rollback and the veto before it): the chain alone cannot tell, the ' +
      'pinned head can'
  )
  const kept = original.split('\n').filter((line) => line !== '')
  const vetoLine = kept.findIndex((line) => line.includes('"outcome":"vetoed"'))
  writeFileSync(ledgerFile, `${kept.slice(0, vetoLine).join('\n')}\n`)
  artifactSeal(['ledger', 'verify'])
  const cut = artifactSeal(['ledger', 'verify', '--head', head], { allowFailure: true })
  console.log(`exit code ${cut.status}`)

  step('Someone edits a record by hand: the chain breaks at the next line')
  const lines = original.split('\n')
  const refused = lines.findIndex((line) => line.includes('"outcome":"refused"'))
  lines[refused] = lines[refused].replace('"outcome":"refused"', '"outcome":"pending"')
  writeFileSync(ledgerFile, lines.join('\n'))
  console.log(`(turned the refusal in record ${refused + 1} into a pending promotion by hand)`)
  const broken = artifactSeal(['ledger', 'verify'], { allowFailure: true })
  console.log(`exit code ${broken.status}`)
  writeFileSync(ledgerFile, original)
  console.log('(the ledger restored from the copy kept before the edits)')

  const api = path.join(work, 'build', 'api', 'openapi.yaml')
  const contract1 = readFileSync(api, 'utf8')
  /** Seals the build with its contract and takes it through dev and staging, soaked: ready for production. */
  const throughStaging = async (out) => {
    const digest = JSON.parse(
      artifactSeal(
        [
          'seal',
          'build',
          '--subject-name',
          'hello-service',
          '--contract',
          'api/openapi.yaml',
          '--out',
          out,
          '--json'
        ],
        { quiet: true }
      ).stdout
    ).digest
    const listing = path.join(out, 'hello-service.sha256')
    for (const environment of ['dev', 'staging']) {
      artifactSeal(
        [
          'promote',
          digest,
          '--environment',
          environment,
          '--path',
          'build',
          '--checksums',
          listing,
          '--subject-name',
          'hello-service',
          '--',
          'sh',
          'deploy.sh'
        ],
        { quiet: true }
      )
    }
    await sleep(SOAK_SECONDS)
    return { digest, listing }
  }

  step(
    'Version 3 changes the API: its OpenAPI contract (1.5.0) drops the response field "message" of GET /hello'
  )
  writeFileSync(
    api,
    contract1
      .replace('version: 1.4.2', 'version: 1.5.0')
      .replace('required: [message]', 'required: [text]')
      .replace('message:', 'text:')
  )
  writeFileSync(page, readFileSync(page, 'utf8').replace('<p>v2</p>', '<p>v3</p>'))
  const breaking = artifactSeal(['contract', 'diff', 'sealed', 'build/api/openapi.yaml'], {
    allowFailure: true
  })
  console.log(`exit code ${breaking.status}`)
  const v3 = await throughStaging('sealed-v3')
  console.log(`v3: ${v3.digest}, promoted to dev and staging (they judge no contract), soaked`)

  step(
    'Production refuses it: a breaking amendment needs a major version step, and 1.4.2 → 1.5.0 is not one'
  )
  const refusedContract = artifactSeal(
    [
      'promote',
      v3.digest,
      '--environment',
      'production',
      '--path',
      'build',
      '--checksums',
      v3.listing,
      '--subject-name',
      'hello-service',
      '--',
      'sh',
      'deploy.sh'
    ],
    {
      allowFailure: true
    }
  )
  console.log(`exit code ${refusedContract.status}`)

  step('Version 4: the same API as a new major version, 2.0.0: production takes it')
  writeFileSync(api, readFileSync(api, 'utf8').replace('version: 1.5.0', 'version: 2.0.0'))
  writeFileSync(page, readFileSync(page, 'utf8').replace('<p>v3</p>', '<p>v4</p>'))
  const v4 = await throughStaging('sealed-v4')
  artifactSeal([
    'promote',
    v4.digest,
    '--environment',
    'production',
    '--path',
    'build',
    '--checksums',
    v4.listing,
    '--subject-name',
    'hello-service',
    '--',
    'sh',
    'deploy.sh'
  ])

  step("When did production's contract change, from what to what, and who promoted it?")
  artifactSeal(['contract', 'history', '--environment', 'production'])
  artifactSeal(['status'])

  step(
    'Production runs v4 from srv/production, with its listing beside it, and serves its OpenAPI document'
  )
  const served = path.join(work, 'srv', 'production')
  cpSync(path.join(work, 'build'), served, { recursive: true })
  cpSync(path.join(work, v4.listing), path.join(work, 'srv', 'production.sha256'))
  service = await startService(path.join(served, 'api', 'openapi.yaml'))
  const observed = `${POLICY}    observe:
      files: srv/production
      checksums: srv/production.sha256
      contract-url: ${service.url}/openapi.yaml
`
  writeFileSync(path.join(work, '.github', 'promotion.yml'), observed)
  console.log(`.github/promotion.yml, production now says how to observe it:\n${observed}`)
  artifactSeal(['observe', '--record'])

  step('Someone patches a file in production by hand: observe names it')
  const hotPatched = path.join(served, 'config', 'production.json')
  const configBefore = readFileSync(hotPatched, 'utf8')
  writeFileSync(hotPatched, configBefore.replace(/}\s*$/, ', "debug": true }\n'))
  console.log(`exit code ${artifactSeal(['observe', '--record'], { allowFailure: true }).status}`)

  step(
    'The file is put back; then a hotfix on the server renames GET /hello to GET /greeting: observe classifies it'
  )
  writeFileSync(hotPatched, configBefore)
  artifactSeal(['observe', '--record'])
  const servedApi = path.join(served, 'api', 'openapi.yaml')
  writeFileSync(servedApi, readFileSync(servedApi, 'utf8').replace('  /hello:', '  /greeting:'))
  console.log(`exit code ${artifactSeal(['observe', '--record'], { allowFailure: true }).status}`)

  step('When did production stop running what was promoted?')
  artifactSeal(['history', '--environment', 'production'])

  await imageDemo({ work, artifactSeal, step })
} finally {
  service?.stop()
  rmSync(work, { recursive: true, force: true })
}

/** The running service's API description, served by a process of its own (the CLI runs synchronously). */
async function startService(file) {
  const code = `const http = require('node:http'); const fs = require('node:fs');
const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/yaml' }); res.end(fs.readFileSync(${JSON.stringify(file)})) });
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise((resolve) =>
    child.stdout.once('data', (d) => resolve(String(d).trim()))
  )
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() }
}
