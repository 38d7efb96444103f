// npm run bench -- signing: what signing a seal and checking its signature add to a step
// (issue 9). The seal and verify actions of dist/ run on a one-file artifact as a runner
// runs them, each signed case beside its unsigned counterpart; keyless signing talks to
// the test hosts of __tests__/hosts (the job's OIDC token, Fulcio, the timestamp authority
// and GitHub's attestations API) on loopback, so what is measured is the action's own
// work plus a round trip without network latency, not GitHub's or Sigstore's servers.
import { execFile } from 'node:child_process'
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { runnerStep } from './startup-steps.mjs'

const SIGNING_RUNS = 9
const TARGET_SECONDS = 1
const ARTIFACT = 'app.bin'
const ARTIFACT_BYTES = 4096
// The workflow of the hosts' default OIDC claims, which the certificate names.
const SIGNER_WORKFLOW = '.github/workflows/release.yml'

/**
 * The hosts are TypeScript with parameter properties, which node's type stripping
 * rejects: bundled, with their @sigstore/mock handlers, into the scratch directory.
 */
async function startHosts(root, dir) {
  await build({
    absWorkingDir: root,
    entryPoints: {
      'sigstore-host': '__tests__/hosts/sigstore-host.ts',
      'github-api-host': '__tests__/hosts/github-api-host.ts'
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    }
  })
  const [{ startSigstoreHost }, { startGitHubApiHost }] = await Promise.all(
    ['sigstore-host', 'github-api-host'].map(
      (name) => import(pathToFileURL(path.join(dir, `${name}.mjs`)).href)
    )
  )
  const [sig, gh] = await Promise.all([startSigstoreHost(), startGitHubApiHost()])
  return { sig, gh, close: () => Promise.all([sig.close(), gh.close()]) }
}

/**
 * One step in a fresh runner directory, as bench.mjs's start-up section runs one, but
 * asynchronous: the hosts answer from this process's event loop, which a spawnSync
 * would hold still until the step timed out.
 */
function runStep(workDir, step, { keep = false } = {}) {
  const runner = runnerStep(workDir, {
    action: path.basename(path.dirname(step.entry)),
    inputs: step.inputs,
    workspace: step.workspace,
    env: step.env
  })
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [step.entry],
      { cwd: step.workspace, env: runner.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        const elapsed = (performance.now() - started) / 1000
        try {
          if (error)
            throw new Error(
              `${step.label} exited with ${error.code ?? error.signal}\n${stdout.trim()}`
            )
          const outputs = runner.outputs()
          step.check(outputs, stdout)
          resolve({ elapsed, outputs })
        } catch (failure) {
          reject(failure)
        } finally {
          if (!keep) runner.remove()
        }
      }
    )
  })
}

function p256Key() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    hint: createHash('sha256').update(spki).digest('base64')
  }
}

function expect(label, name, actual, wanted, stdout) {
  const ok = typeof wanted === 'function' ? wanted(actual) : actual === wanted
  if (!ok)
    throw new Error(
      `${label}: output ${name} is ${JSON.stringify(actual)}${typeof wanted === 'function' ? '' : `, expected ${JSON.stringify(wanted)}`}\n${stdout}`
    )
}
const nonEmpty = (value) => typeof value === 'string' && value !== ''

function signingCases(kit, workDir, hosts) {
  const { sig, gh } = hosts
  const workspace = path.join(workDir, 'workspace')
  fs.mkdirSync(workspace)
  const content = randomBytes(ARTIFACT_BYTES)
  fs.writeFileSync(path.join(workspace, ARTIFACT), content)
  const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`
  const trustedRoot = path.join(workDir, 'trusted_root.json')
  fs.writeFileSync(trustedRoot, JSON.stringify(sig.trustedRoot()))
  const key = p256Key()
  const keyless = {
    inputs: { sign: 'keyless', 'github-token': gh.token },
    env: { ...sig.runnerEnv(), ...sig.instanceEnv(), GITHUB_API_URL: gh.url }
  }

  const seal = (label, inputs, env, check) => ({
    label,
    entry: path.join(kit.dist, 'seal', 'index.js'),
    workspace,
    inputs: { 'subject-path': ARTIFACT, 'subject-name': 'app', ...inputs },
    env,
    check: (outputs, stdout) => {
      expect(label, 'digest', outputs.digest, digest, stdout)
      check(outputs, stdout)
    }
  })
  const seals = {
    none: seal('seal, sign: none', { sign: 'none' }, {}, (o, out) =>
      expect('seal, sign: none', 'bundle-path', o['bundle-path'], '', out)
    ),
    keyless: seal(
      'seal, sign: keyless (certificate, timestamp, attestation stored)',
      keyless.inputs,
      keyless.env,
      (o, out) => {
        for (const name of ['bundle-path', 'signer', 'attestation-id'])
          expect('seal, sign: keyless', name, o[name], nonEmpty, out)
      }
    ),
    key: seal(
      'seal, sign: key (P-256)',
      { sign: 'key', 'signing-key': key.privatePem },
      {},
      (o, out) => {
        expect('seal, sign: key', 'bundle-path', o['bundle-path'], nonEmpty, out)
        expect('seal, sign: key', 'signer', o.signer, `key:${key.hint}`, out)
      }
    )
  }

  // The verify steps check seals made once beforehand, whose RUNNER_TEMP is kept: a timed
  // seal leaves its bundle in a RUNNER_TEMP that goes with the run.
  const verify = (label, sealed, inputs, signed) => ({
    label,
    entry: path.join(kit.dist, 'verify', 'index.js'),
    workspace,
    inputs: {
      'subject-path': ARTIFACT,
      'expected-digest': digest,
      'checksums-path': sealed['checksums-path'],
      ...inputs
    },
    env: { GITHUB_API_URL: gh.url },
    check: (outputs, stdout) => {
      expect(label, 'verified', outputs.verified, 'true', stdout)
      expect(label, 'signer', outputs.signer, signed ? nonEmpty : '', stdout)
    }
  })
  return {
    seals,
    verifies: (sealed) => ({
      none: verify('verify, unsigned seal', sealed.none, {}, false),
      keyless: verify(
        'verify, keyless seal (trusted root, signer workflow)',
        sealed.keyless,
        {
          'signed-by': `trusted-root: ${JSON.stringify(trustedRoot)}\nworkflow: ${JSON.stringify(SIGNER_WORKFLOW)}`
        },
        true
      ),
      key: verify(
        'verify, keyed seal (public key)',
        sealed.key,
        { 'signed-by': `key: |\n${key.publicPem.trim().replace(/^/gm, '  ')}\n` },
        true
      )
    })
  }
}

export async function measureSigning(kit, workDir) {
  const dir = fs.mkdtempSync(path.join(workDir, 'signing-'))
  const hosts = await startHosts(kit.root, dir)
  try {
    const { seals, verifies } = signingCases(kit, dir, hosts)
    const sealed = {}
    for (const [kind, step] of Object.entries(seals))
      sealed[kind] = (await runStep(dir, step, { keep: true })).outputs
    const checks = verifies(sealed)
    // Each signed case against the unsigned one it is compared with.
    const pairs = [
      ['keyless seal', seals.none, seals.keyless],
      ['keyed seal', seals.none, seals.key],
      ['keyless verify', checks.none, checks.keyless],
      ['keyed verify', checks.none, checks.key]
    ]
    const cases = [seals.none, seals.keyless, seals.key, checks.none, checks.keyless, checks.key]
    const before = kit.cpuSnapshot()
    const times = cases.map(() => [])
    for (let round = 0; round < kit.WARMUP_RUNS + SIGNING_RUNS; round++) {
      for (const [i, c] of cases.entries()) {
        const { elapsed } = await runStep(dir, c)
        if (round >= kit.WARMUP_RUNS) times[i].push(elapsed)
      }
    }
    const load = kit.otherLoad(before)
    const rows = cases.map((c, i) => ({
      label: c.label,
      median: kit.median(times[i]),
      min: Math.min(...times[i])
    }))
    const medianOf = (c) => rows[cases.indexOf(c)].median
    const added = pairs.map(([name, unsigned, signed]) => ({
      name,
      label: signed.label,
      seconds: medianOf(signed) - medianOf(unsigned)
    }))
    console.log(
      `\nsigning and verifying one ${kit.megabytes(ARTIFACT_BYTES)} file with the actions of dist/, against ` +
        `the loopback test hosts, ${SIGNING_RUNS} runs after ${kit.WARMUP_RUNS} ` +
        'warm-up, taking turns'
    )
    kit.table(
      [
        ['step', 'median', 'min', 'added by signing'],
        ...rows.map((r) => {
          const extra = added.find((a) => a.label === r.label)
          return [
            r.label,
            kit.seconds(r.median),
            kit.seconds(r.min),
            extra ? `${extra.seconds < 0 ? '-' : '+'}${kit.seconds(Math.abs(extra.seconds))}` : ''
          ]
        })
      ],
      ['l', 'r', 'r', 'r']
    )
    if (load) console.log(load)
    const worst = added.reduce((a, b) => (b.seconds > a.seconds ? b : a))
    const target = [
      'signing and verifying add under 1 s a step (loopback hosts)',
      added.every((a) => a.seconds < TARGET_SECONDS),
      `most added: ${worst.name} +${kit.seconds(worst.seconds)} (each < ${kit.seconds(TARGET_SECONDS)})`
    ]
    return { rows, added, target }
  } finally {
    await hosts.close()
  }
}
