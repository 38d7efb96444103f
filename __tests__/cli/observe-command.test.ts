// The observer in-process on a file ledger, against a loopback service that plays the deployed
// application: drift through each probe kind, recovery, flapping, acknowledgement, and every
// kind of bad answer a probe can get, each "unknown" with its reason and never a match.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { confirmCommand } from '../../src/cli/confirm-command.js'
import { contractHistoryCommand } from '../../src/cli/contract-history-command.js'
import { driftCommand } from '../../src/cli/drift-command.js'
import { historyCommand } from '../../src/cli/history-command.js'
import { ledgerCommand } from '../../src/cli/ledger-command.js'
import { observeCommand } from '../../src/cli/observe-command.js'
import { promoteCommand } from '../../src/cli/promote-command.js'
import { sealCommand } from '../../src/cli/seal-command.js'
import { type DeployedApp, startDeployedApp } from '../helpers/deployed-app.js'
import { manifestTypesOf, writeTestImage } from '../helpers/oci-layout.js'
import { OciRegistryHost } from '../hosts/oci-registry-host.js'
import { fakeTerminal } from '../helpers/terminal.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

export const OPENAPI = {
  openapi: '3.0.3',
  info: { title: 'shop', version: '1.0.0' },
  paths: {
    '/orders': {
      get: {
        responses: {
          '200': {
            description: 'the orders',
            content: {
              'application/json': { schema: { type: 'array', items: { type: 'string' } } }
            }
          }
        }
      }
    },
    '/orders/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'one order',
            content: { 'application/json': { schema: { type: 'string' } } }
          }
        }
      }
    }
  }
}

const LEDGER = ['--ledger', 'file:ledger.jsonl']

let app: DeployedApp
beforeEach(async () => {
  app = await startDeployedApp()
})
afterEach(async () => {
  await app.close()
})

/** A sealed site with its contract, live in production (the policy's observe entries as given). */
async function deployed(observe: string): Promise<{ cwd: string; digest: string }> {
  return deployedWith(
    `service: shop\nenvironments:\n  production:\n    contract: {}\n${observe}`,
    'production'
  )
}

async function deployedWith(
  policy: string,
  environment: string
): Promise<{ cwd: string; digest: string }> {
  const cwd = writeTree(tempDir(), {
    'site/index.html': '<p>v1</p>',
    'site/app.js': 'console.log(1)\n',
    'site/openapi.json': JSON.stringify(OPENAPI, null, 2)
  })
  const seal = fakeTerminal(cwd)
  expect(
    await sealCommand(
      [
        'site',
        '--subject-name',
        'shop',
        '--contract',
        'openapi.json',
        '--out',
        'bundle',
        '--sign',
        'none',
        '--json'
      ],
      seal
    )
  ).toBe(0)
  const { digest, checksumsPath } = seal.document()
  fs.writeFileSync(path.join(cwd, 'promotion.yml'), policy)
  expect(await ledgerCommand(['init', ...LEDGER], fakeTerminal(cwd))).toBe(0)
  const promote = fakeTerminal(cwd)
  expect(
    await promoteCommand(
      [
        digest,
        '--environment',
        environment,
        '--path',
        'site',
        '--checksums',
        checksumsPath,
        '--policy',
        'promotion.yml',
        ...LEDGER,
        '--json'
      ],
      promote
    )
  ).toBe(0)
  expect(await confirmCommand([promote.document().record.id, ...LEDGER], fakeTerminal(cwd))).toBe(0)
  return { cwd, digest }
}

async function observe(
  cwd: string,
  ...extra: string[]
): Promise<{
  code: number
  report: { drifted: boolean; environments: Record<string, unknown>[] }
}> {
  const terminal = fakeTerminal(cwd)
  const code = await observeCommand(
    ['--policy', 'promotion.yml', ...LEDGER, '--json', ...extra],
    terminal
  )
  return { code, report: terminal.document() }
}

describe('artifact-seal observe: url + pointer', () => {
  it(
    "matches while the service reports the live digest, drifts when it reports another, and keeps the drift's " +
      'start while it lasts',
    async () => {
      const { cwd, digest } = await deployed(
        `    observe:\n      url: ${'URL'}\n      pointer: /build/digest\n`.replace(
          'URL',
          app.url('/version')
        )
      )
      app.set('/version', { kind: 'json', body: { build: { digest } } })
      const first = await observe(cwd, '--record')
      expect(first.code).toBe(0)
      expect(first.report.environments).toEqual([
        expect.objectContaining({
          environment: 'production',
          service: 'shop',
          expected: digest,
          observed: digest,
          verdict: 'matches',
          since: null
        })
      ])

      const other = `sha256:${'b'.repeat(64)}`
      app.set('/version', { kind: 'json', body: { build: { digest: other } } })
      const drift = await observe(cwd, '--record')
      expect(drift.code).toBe(1)
      expect(drift.report).toMatchObject({
        drifted: true,
        environments: [{ verdict: 'drifted', expected: digest, observed: other }]
      })
      const since = drift.report.environments[0]?.since
      expect(typeof since).toBe('string')
      const again = await observe(cwd, '--record')
      expect(again.report.environments[0]).toMatchObject({ verdict: 'drifted', since })

      // Recovery, then flapping: a new drift starts a new "since".
      app.set('/version', { kind: 'json', body: { build: { digest } } })
      expect((await observe(cwd, '--record')).report.environments[0]).toMatchObject({
        verdict: 'matches',
        since: null
      })
      app.set('/version', { kind: 'json', body: { build: { digest: other } } })
      const flapped = await observe(cwd, '--record')
      expect(flapped.report.environments[0]?.verdict).toBe('drifted')
      expect(flapped.report.environments[0]?.since).not.toBe(since)

      const history = fakeTerminal(cwd)
      expect(await historyCommand([...LEDGER, '--json'], history)).toBe(0)
      const observations = history
        .document()
        .filter((e: { outcome: string }) => e.outcome === 'observed')
      expect(
        observations.map((e: { observation: { verdict: string } }) => e.observation.verdict)
      ).toEqual(['drifted', 'matches', 'drifted', 'drifted', 'matches'])
    }
  )

  it('an acknowledged drift is recorded with its reason; a drift that is not there cannot be acknowledged', async () => {
    const { cwd, digest } = await deployed(`    observe: { url: ${app.url('/version')} }\n`)
    app.set('/version', { kind: 'json', body: { digest } })
    await observe(cwd, '--record')
    await expect(
      driftCommand(
        ['ack', '--environment', 'production', '--reason', 'hotfix', ...LEDGER],
        fakeTerminal(cwd)
      )
    ).rejects.toThrowSealError('bad-input', '--environment', '"production"')
    app.set('/version', { kind: 'json', body: { digest: 'a'.repeat(64) } })
    expect((await observe(cwd, '--record')).code).toBe(1)
    // With --signing-key the file ledger's checkpoint is signed again for its new head, as a veto's is.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    fs.writeFileSync(path.join(cwd, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }))
    const checkpoint = path.join(cwd, 'ledger.jsonl.checkpoint.sigstore.json')
    expect(fs.existsSync(checkpoint)).toBe(false)
    const ack = fakeTerminal(cwd)
    expect(
      await driftCommand(
        [
          'ack',
          '--environment',
          'production',
          '--reason',
          'hotfix 123 applied by hand',
          ...LEDGER,
          '--signing-key',
          'key.pem',
          '--json'
        ],
        ack
      )
    ).toBe(0)
    expect(ack.document()).toMatchObject({
      outcome: 'acknowledged',
      environment: 'production',
      service: 'shop',
      digest,
      reason: 'hotfix 123 applied by hand'
    })
    const signed = fs.readFileSync(checkpoint, 'utf8')
    expect((await observe(cwd, '--record', '--signing-key', 'key.pem')).code).toBe(1)
    expect(fs.readFileSync(checkpoint, 'utf8')).not.toBe(signed)
  })

  it.each([
    [
      'a status other than 2xx',
      { kind: 'text', body: 'down for maintenance', type: 'text/plain', status: 503 },
      /HTTP 503/
    ],
    [
      'a body that is not JSON',
      { kind: 'text', body: '<html>login</html>', type: 'text/html', status: 200 },
      /not JSON/
    ],
    [
      'a digest in the wrong form',
      { kind: 'json', body: { digest: 'md5:0123' } },
      /not one sha256 digest/
    ],
    [
      'no text at the pointer',
      { kind: 'json', body: { digest: { value: 'x' } } },
      /at "\/digest", not the digest/
    ],
    ['a body without end', { kind: 'endless' }, /more than 65536 bytes/]
  ] as const)('is unknown, never a match, on %s', async (_what, answer, reason) => {
    const { cwd, digest } = await deployed(`    observe: { url: ${app.url('/version')} }\n`)
    app.set('/version', answer)
    const { code, report } = await observe(cwd)
    expect(code).toBe(0)
    expect(report).toMatchObject({
      drifted: false,
      environments: [{ verdict: 'unknown', expected: digest, observed: null, since: null }]
    })
    expect(report.environments[0]?.reason).toMatch(reason)
  })

  it('is unknown when the service cannot be reached, or does not answer within the timeout', async () => {
    const { cwd } = await deployed(
      `    observe:\n      - { service: shop, url: ${app.url('/version')}, timeout: 300ms }\n`
    )
    app.set('/version', { kind: 'hang' })
    const hung = await observe(cwd)
    expect(hung.report.environments[0]).toMatchObject({ verdict: 'unknown' })
    expect(hung.report.environments[0]?.reason).toMatch(/did not answer in full within 300 ms/)
    await app.close()
    const gone = await observe(cwd)
    expect(gone.report.environments[0]?.reason).toMatch(/cannot be reached \(ECONNREFUSED\)/)
    app = await startDeployedApp()
  })
})

describe('artifact-seal observe: command', () => {
  it(
    'reads the digests a command prints (an image id included), and is unknown on garbage, failure, a flood ' +
      'or a hang',
    async () => {
      const { cwd, digest } = await deployed(
        `    observe:\n      command: sh ./probe.sh\n      timeout: 2s\n`
      )
      const probe = (script: string): void => fs.writeFileSync(path.join(cwd, 'probe.sh'), script)
      probe(`echo "ghcr.io/acme/shop@${digest}"\necho ${digest.slice(7)}\n`)
      expect((await observe(cwd)).report.environments[0]).toMatchObject({
        verdict: 'matches',
        observed: digest
      })
      probe(`echo ${digest}; echo sha256:${'c'.repeat(64)}\n`)
      const half = await observe(cwd)
      expect(half.code).toBe(1)
      expect(half.report.environments[0]).toMatchObject({
        verdict: 'drifted',
        observed: `${digest} sha256:${'c'.repeat(64)}`
      })
      for (const [script, reason] of [
        ['echo "Error from server (NotFound)"\n', /not a digest/],
        ['echo boom >&2; exit 3\n', /exited with 3: "boom"/],
        ['yes sha256:abc\n', /more than 65536 bytes/],
        ['exec sleep 600\n', /did not finish within 2000 ms/]
      ] as const) {
        probe(script)
        const { code, report } = await observe(cwd)
        expect(code).toBe(0)
        expect(report.environments[0]).toMatchObject({ verdict: 'unknown', observed: null })
        expect(report.environments[0]?.reason).toMatch(reason)
      }
    }
  )
})

describe('artifact-seal observe: files', () => {
  it("names the files patched on the host, proven against the live digest's listing", async () => {
    const { cwd, digest } = await deployed(
      `    observe: { files: site, checksums: bundle/shop.sha256 }\n`
    )
    expect(fs.existsSync(path.join(cwd, 'bundle/shop.sha256'))).toBe(true)
    expect((await observe(cwd)).report.environments[0]).toMatchObject({
      verdict: 'matches',
      observed: digest
    })
    fs.writeFileSync(path.join(cwd, 'site/app.js'), 'console.log("patched")\n')
    fs.writeFileSync(path.join(cwd, 'site/debug.js'), 'debugger\n')
    const { code, report } = await observe(cwd)
    expect(code).toBe(1)
    expect(report.environments[0]).toMatchObject({ verdict: 'drifted' })
    const probe = (report.environments[0]?.probes as { probe: string; items: string[] }[])[0]
    expect(probe?.items).toEqual(['changed "app.js"', 'added "debug.js"'])
  })
})

describe('artifact-seal observe: contract-url', () => {
  it("classifies the served contract against the sealed one with the gate's rule ids; an HTML page is unknown", async () => {
    const { cwd } = await deployed(`    observe: { contract-url: ${app.url('/openapi.json')} }\n`)
    app.set('/openapi.json', { kind: 'json', body: OPENAPI })
    expect((await observe(cwd)).report.environments[0]).toMatchObject({ verdict: 'matches' })
    const changed = structuredClone(OPENAPI) as { paths: Record<string, unknown> }
    delete changed.paths['/orders/{id}']
    app.set('/openapi.json', { kind: 'json', body: changed })
    const { code, report } = await observe(cwd, '--record')
    expect(code).toBe(1)
    const env = report.environments[0] as {
      verdict: string
      contractChanges: { rule: string; severity: string }[]
    }
    expect(env.verdict).toBe('drifted')
    expect(env.contractChanges).toContainEqual(
      expect.objectContaining({ severity: 'breaking', rule: expect.stringMatching(/removed/) })
    )
    // contract history shows the drift in its timeline, with the rule ids; history names the verdict.
    const rules = [...new Set(env.contractChanges.map((c) => c.rule))]
    const contract = fakeTerminal(cwd)
    expect(await contractHistoryCommand([...LEDGER], contract)).toBe(0)
    expect(contract.stdout()).toMatch(
      new RegExp(
        'Contract drift observed: 1 record\\n.*production \\(shop\\)  served contract differs from the sealed ' +
          `one of sha256:[0-9a-f]{12}…: ${rules.join(', ')}`
      )
    )
    const history = fakeTerminal(cwd)
    expect(await historyCommand([...LEDGER], history)).toBe(0)
    expect(history.stdout()).toMatch(
      /production\s+observed\s+sha256:[0-9a-f]{64} shop .*\(drifted: contract-url: the served contract differs/
    )
    app.set('/openapi.json', {
      kind: 'text',
      body: '<!doctype html><title>Sign in</title>',
      type: 'text/html'
    })
    const html = await observe(cwd)
    expect(html.report.environments[0]).toMatchObject({ verdict: 'unknown' })
    expect(html.report.environments[0]?.reason).toMatch(/no OpenAPI document/)
  })
})

describe('drift: block in the gate', () => {
  const policy = (rule: string, url: string): string =>
    `service: shop\nenvironments:\n  staging:\n    drift: ${rule}\n    observe: { url: ${url} }\n  ` +
    'production:\n    requires: [staging]\n'

  async function promoteToProduction(
    cwd: string,
    digest: string
  ): Promise<{
    code: number
    decision: {
      allowed: boolean
      checks: { rule: string; environment: string; passed: boolean; detail: string }[]
    }
  }> {
    const terminal = fakeTerminal(cwd)
    const code = await promoteCommand(
      [
        digest,
        '--environment',
        'production',
        '--digest-only',
        '--policy',
        'promotion.yml',
        ...LEDGER,
        '--json',
        '--dry-run'
      ],
      terminal
    )
    return { code, decision: terminal.document() }
  }

  it(
    'refuses a promotion that requires a drifted environment until it matches again or the drift is ' +
      'acknowledged',
    async () => {
      const { cwd, digest } = await deployedWith(policy('block', app.url('/staging')), 'staging')
      app.set('/staging', { kind: 'json', body: { digest } })
      expect((await observe(cwd, '--record')).code).toBe(0)
      expect((await promoteToProduction(cwd, digest)).decision.allowed).toBe(true)

      app.set('/staging', { kind: 'json', body: { digest: `sha256:${'d'.repeat(64)}` } })
      expect((await observe(cwd, '--record')).code).toBe(1)
      const refused = await promoteToProduction(cwd, digest)
      expect(refused.code).toBe(1)
      expect(refused.decision.allowed).toBe(false)
      expect(refused.decision.checks).toContainEqual(
        expect.objectContaining({
          rule: 'drift',
          environment: 'staging',
          passed: false,
          detail: expect.stringContaining('drift ack --environment staging')
        })
      )
      // An observation that could not tell changes nothing: still drifted.
      app.set('/staging', { kind: 'text', body: 'oops', type: 'text/plain', status: 500 })
      await observe(cwd, '--record')
      expect((await promoteToProduction(cwd, digest)).decision.allowed).toBe(false)

      // Matching again lifts it; so does an acknowledgement of a new drift.
      app.set('/staging', { kind: 'json', body: { digest } })
      await observe(cwd, '--record')
      expect((await promoteToProduction(cwd, digest)).decision.allowed).toBe(true)
      app.set('/staging', { kind: 'json', body: { digest: `sha256:${'e'.repeat(64)}` } })
      await observe(cwd, '--record')
      expect((await promoteToProduction(cwd, digest)).decision.allowed).toBe(false)
      expect(
        await driftCommand(
          ['ack', '--environment', 'staging', '--reason', 'canary pod, expected', ...LEDGER],
          fakeTerminal(cwd)
        )
      ).toBe(0)
      expect((await promoteToProduction(cwd, digest)).decision.allowed).toBe(true)
    }
  )

  it('with drift: warn, drift is reported and the gate goes on', async () => {
    const { cwd, digest } = await deployedWith(policy('warn', app.url('/staging')), 'staging')
    app.set('/staging', { kind: 'json', body: { digest: `sha256:${'d'.repeat(64)}` } })
    expect((await observe(cwd, '--record')).code).toBe(1)
    const decided = await promoteToProduction(cwd, digest)
    expect(decided.decision.allowed).toBe(true)
    expect(decided.decision.checks.map((c) => c.rule)).not.toContain('drift')
  })
})

describe('artifact-seal observe: image', () => {
  it(
    'matches while the tag names the live digest, drifts when it is moved by hand, is unknown when the ' +
      'registry has no such tag',
    async () => {
      const registry = await new OciRegistryHost().start()
      try {
        const image = writeTestImage(tempDir('layout-'))
        const tag = (digest: string, mediaType: string) =>
          registry.load(
            'acme/shop',
            image.content,
            { production: { digest, mediaType } },
            manifestTypesOf(image)
          )
        tag(image.digests.index, image.mediaTypes.index)
        const cwd = writeTree(tempDir(), {
          'promotion.yml': `service: shop\nenvironments:\n  production:\n    observe:\n      image: ${registry.host}/acme/shop:production\n      timeout: 10s\n`
        })
        expect(await ledgerCommand(['init', ...LEDGER], fakeTerminal(cwd))).toBe(0)
        const promote = fakeTerminal(cwd)
        expect(
          await promoteCommand(
            [
              image.digests.index,
              '--environment',
              'production',
              '--digest-only',
              '--policy',
              'promotion.yml',
              ...LEDGER,
              '--json'
            ],
            promote
          )
        ).toBe(0)
        expect(
          await confirmCommand([promote.document().record.id, ...LEDGER], fakeTerminal(cwd))
        ).toBe(0)

        expect((await observe(cwd)).report.environments[0]).toMatchObject({
          verdict: 'matches',
          observed: image.digests.index
        })
        tag(image.digests.single, image.mediaTypes.manifest)
        const moved = await observe(cwd)
        expect(moved.code).toBe(1)
        expect(moved.report.environments[0]).toMatchObject({
          verdict: 'drifted',
          observed: image.digests.single
        })
        fs.writeFileSync(
          path.join(cwd, 'promotion.yml'),
          `service: shop\nenvironments:\n  production:\n    observe: { image: ${registry.host}/acme/shop:gone }\n`
        )
        const missing = await observe(cwd)
        expect(missing.report.environments[0]).toMatchObject({ verdict: 'unknown', observed: null })
      } finally {
        await registry.close()
      }
    }
  )
})
