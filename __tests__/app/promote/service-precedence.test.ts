// Which service a promotion is of, from the strongest word on it down: the policy's pin, the
// name given, the signed statement's subject name, the service earlier records that let the
// digest in were of, the default. An unsigned statement's name is a claim: it never picks a
// service, and beside a signature that names another subject it is a swap.
import { afterAll, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { promoteDigest } from '../../../src/app/promote/promote-digest.js'
import type { PromoteRequest } from '../../../src/app/promote/types.js'
import { historyCommand } from '../../../src/cli/history-command.js'
import { ledgerCommand } from '../../../src/cli/ledger-command.js'
import { promoteCommand } from '../../../src/cli/promote-command.js'
import { sealCommand } from '../../../src/cli/seal-command.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { T0, digest, newRecord } from '../../../__fixtures__/promotion.js'
import { fakeTerminal } from '../../helpers/terminal.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const KEYS = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
})
const LISTED = 'services: [api, web]\nenvironments:\n  staging: {}\n'
const LEDGER = ['--policy', 'promotion.yml', '--ledger', 'file:ledger.jsonl']

/** A monorepo workspace with api's build sealed (signed with the key unless `sign` is false) under the name "api". */
async function sealedApi(
  policy = LISTED,
  sign = true
): Promise<{ cwd: string; digest: string; checksums: string; statement: string }> {
  const cwd = writeTree(tempDir(), {
    'services/api/server.js': 'serve()',
    'promotion.yml': policy,
    'signing.pem': KEYS.privateKey,
    'signing.pub': KEYS.publicKey
  })
  const seal = fakeTerminal(cwd)
  const signing = sign ? ['--signing-key', 'signing.pem'] : ['--sign', 'none']
  expect(
    await sealCommand(
      ['services/api', '--subject-name', 'api', '--out', 'bundle', ...signing, '--json'],
      seal
    )
  ).toBe(0)
  const { digest: sealed, checksumsPath } = seal.document()
  expect(await ledgerCommand(['init', '--ledger', 'file:ledger.jsonl'], fakeTerminal(cwd))).toBe(0)
  return {
    cwd,
    digest: sealed,
    checksums: checksumsPath,
    statement: path.join(path.dirname(checksumsPath), 'api.intoto.json')
  }
}

/** Rewrites the unsigned statement's subject name, as anyone who handled the seal bundle can. */
function claimName(statementFile: string, name: string): void {
  const statement = JSON.parse(fs.readFileSync(statementFile, 'utf8'))
  statement.subject[0].name = name
  fs.writeFileSync(statementFile, JSON.stringify(statement))
}

async function records(
  cwd: string
): Promise<Array<{ outcome: string; service: string | null; name: string | null }>> {
  const history = fakeTerminal(cwd)
  expect(await historyCommand(['--ledger', 'file:ledger.jsonl', '--json'], history)).toBe(0)
  return history.document()
}

describe('the service of a promotion', () => {
  it(
    'refuses a signed seal whose unsigned statement was edited to name another service (a swap), and records ' +
      'it under the signed name',
    async () => {
      const { cwd, digest: sealed, checksums, statement } = await sealedApi()
      claimName(statement, 'web')
      const promote = fakeTerminal(cwd)
      const code = await promoteCommand(
        [
          sealed,
          '--environment',
          'staging',
          '--path',
          'services/api',
          '--checksums',
          checksums,
          '--public-key',
          'signing.pub',
          ...LEDGER,
          '--json'
        ],
        promote
      )
      expect(code).toBe(1)
      const decision = promote.document()
      expect(decision.checks).toEqual([
        expect.objectContaining({
          rule: 'signature',
          passed: false,
          detail: expect.stringContaining('"web"')
        })
      ])
      expect(await records(cwd)).toEqual([
        expect.objectContaining({ outcome: 'refused', service: 'api' })
      ])
    }
  )

  it(
    'takes the signed name when the unsigned statement agrees, and refuses a name given that contradicts it ' +
      'unless the policy pins the service',
    async () => {
      const { cwd, digest: sealed, checksums } = await sealedApi()
      const args = [
        sealed,
        '--environment',
        'staging',
        '--path',
        'services/api',
        '--checksums',
        checksums,
        '--public-key',
        'signing.pub',
        ...LEDGER,
        '--json'
      ]
      await expect(
        promoteCommand([...args, '--subject-name', 'web'], fakeTerminal(cwd))
      ).rejects.toThrowSealError('bad-input', '--subject-name', '"web"', '"api"', 'service:')
      expect(await records(cwd)).toEqual([])
      const promote = fakeTerminal(cwd)
      expect(await promoteCommand(args, promote)).toBe(0)
      expect(promote.document().record).toMatchObject({
        outcome: 'pending',
        service: 'api',
        name: 'api'
      })

      fs.writeFileSync(
        path.join(cwd, 'promotion.yml'),
        'service: shop\nenvironments:\n  staging: {}\n'
      )
      const pinned = fakeTerminal(cwd)
      expect(await promoteCommand([...args, '--subject-name', 'web'], pinned)).toBe(0)
      expect(pinned.document().record).toMatchObject({ service: 'shop' })
    }
  )

  it(
    "never lets an unsigned statement's name pick the service: the name is asked for where the policy lists " +
      'services, and shown as claimed',
    async () => {
      const { cwd, digest: sealed, checksums } = await sealedApi(LISTED, false)
      const args = [
        sealed,
        '--environment',
        'staging',
        '--path',
        'services/api',
        '--checksums',
        checksums,
        ...LEDGER,
        '--json'
      ]
      await expect(promoteCommand(args, fakeTerminal(cwd))).rejects.toThrowSealError(
        'bad-input',
        '--subject-name',
        '"api"',
        'unsigned'
      )
      const named = fakeTerminal(cwd)
      expect(await promoteCommand([...args, '--subject-name', 'api'], named)).toBe(0)
      expect(named.document().record).toMatchObject({ service: 'api', name: 'api' })
      // Once let in as api, a later promotion of the digest is api's: the records that let it in say so.
      fs.writeFileSync(path.join(cwd, 'promotion.yml'), 'environments:\n  staging: {}\n')
      const again = fakeTerminal(cwd)
      expect(await promoteCommand(args, again)).toBe(0)
      expect(again.document().record).toMatchObject({ service: 'api' })
    }
  )

  it('lets an unsigned name pick nothing where a contract rule judges the environment: the service decides the contract compared', async () => {
    const unsigned = await sealedApi('environments:\n  staging:\n    contract: {}\n', false)
    const unnamed = fakeTerminal(unsigned.cwd)
    const args = [
      unsigned.digest,
      '--environment',
      'staging',
      '--path',
      'services/api',
      '--checksums',
      unsigned.checksums
    ]
    expect(await promoteCommand([...args, ...LEDGER, '--json'], unnamed)).toBe(0)
    expect(unnamed.document().record).toMatchObject({ service: null, name: 'api' })
  })

  it('keeps an unsigned and a signed seal of one artifact in one service where the policy lists none', async () => {
    // Two streams would leave the unsigned digest live beside the signed one that replaced it, soaking on.
    const unsigned = await sealedApi('environments:\n  staging: {}\n', false)
    const unnamed = fakeTerminal(unsigned.cwd)
    expect(
      await promoteCommand(
        [
          unsigned.digest,
          '--environment',
          'staging',
          '--path',
          'services/api',
          '--checksums',
          unsigned.checksums,
          ...LEDGER,
          '--json'
        ],
        unnamed
      )
    ).toBe(0)
    expect(unnamed.document().record).toMatchObject({ service: 'api', name: 'api' })
    const signed = await sealedApi('environments:\n  staging: {}\n', true)
    const named = fakeTerminal(signed.cwd)
    expect(
      await promoteCommand(
        [
          signed.digest,
          '--environment',
          'staging',
          '--path',
          'services/api',
          '--checksums',
          signed.checksums,
          '--public-key',
          'signing.pub',
          ...LEDGER,
          '--json'
        ],
        named
      )
    ).toBe(0)
    expect(named.document().record).toMatchObject({ service: 'api' })
  })
})

describe('the service earlier records give a digest', () => {
  const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  const request = (
    d: ReturnType<typeof digest>,
    claimedName: string | null = null
  ): PromoteRequest => ({
    environment: 'staging',
    digest: d,
    rollback: false,
    dryRun: false,
    name: null,
    claimedName,
    environmentUrl: null,
    sealedBy: null,
    requester: { runUrl: null, actor: null },
    inputs: { environment: 'environment', digest: 'expected-digest' },
    artifact: null,
    withoutBytes: { declared: true, missing: '' }
  })

  async function ledgerWith(
    ...written: Array<{
      environment: string
      outcome: 'pending' | 'refused'
      name: string
      service: string
    }>
  ): Promise<FileLedger> {
    let now = T0.getTime()
    const ledger = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
      create: true,
      clock: () => new Date((now += 1000))
    })
    await ledger.init()
    for (const fields of written)
      await ledger.record(
        fields.environment,
        async () => newRecord({ digest: digest(1), ...fields }),
        DEFAULT_PENDING_TIMEOUT_MS
      )
    return ledger
  }

  it('comes only from records that let the digest in: a refused promotion under another name picks nothing', async () => {
    const policy = parsePolicy('environments:\n  dev: {}\n  staging: {}\n', 'policy.yml')
    const refusedOnly = await ledgerWith({
      environment: 'dev',
      outcome: 'refused',
      name: 'web',
      service: 'web'
    })
    expect(
      (await promoteDigest(request(digest(1)), policy, refusedOnly, OPTIONS)).service
    ).toBeNull()
    const letInThenRefused = await ledgerWith(
      { environment: 'dev', outcome: 'pending', name: 'api', service: 'api' },
      { environment: 'dev', outcome: 'refused', name: 'web', service: 'web' }
    )
    const result = await promoteDigest(request(digest(1)), policy, letInThenRefused, OPTIONS)
    expect(result.service).toBe('api')
    expect(result.record).toMatchObject({ service: 'api', name: 'api' })
  })

  it('comes after the signed name and the name given, and an unsigned claim never overrides it', async () => {
    const policy = parsePolicy('environments:\n  dev: {}\n  staging: {}\n', 'policy.yml')
    const ledger = await ledgerWith({
      environment: 'dev',
      outcome: 'pending',
      name: 'api',
      service: 'api'
    })
    const claimed = await promoteDigest(request(digest(1), 'web'), policy, ledger, OPTIONS)
    expect(claimed).toMatchObject({ service: 'api', claimedName: 'web' })
    const given = await promoteDigest(
      { ...request(digest(1)), name: 'api-v2' },
      policy,
      ledger,
      OPTIONS
    )
    expect(given.service).toBe('api-v2')
  })
})
