// The contract rule inside promoteDigest, on a real file ledger, with the contract sources
// behind their interface: races forced at the point where the contracts are compared, one
// approval raced for by two promotions, and contracts that disagree with what was recorded.
import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { planContract } from '../../../src/app/promote/contract-plan.js'
import type { ContractPlan } from '../../../src/app/promote/types.js'
import { contractSources } from '../../../src/app/promote/contract-sources.js'
import type { ContractSources } from '../../../src/app/promote/types.js'
import * as fs from 'node:fs'
import { loadContract } from '../../../src/app/contract/load-contract.js'
import { promoteDigest } from '../../../src/app/promote/promote-digest.js'
import type { PromoteRequest } from '../../../src/app/promote/types.js'
import type { LoadedContract } from '../../../src/core/contract/classify.js'
import type { Digest } from '../../../src/core/digest.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { approveAmendment } from '../../../src/app/contract/approve-amendment.js'
import { digest } from '../../../__fixtures__/promotion.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
const POLICY = parsePolicy(
  'environments:\n  production:\n    contract: { breaking: require-approval }\n',
  'p.yml'
)
const REQUESTER = { runUrl: null, actor: 'release-bot' }

/** An OpenAPI contract in a directory of its own, loaded as the CLI loads a directory. */
function contract(version: string, required: string): LoadedContract {
  const dir = writeTree(tempDir('contract-'), {
    'openapi.yaml':
      `openapi: 3.1.0\ninfo: { title: shop, version: ${version} }\npaths:\n  /orders:\n    ` +
      `get:\n      responses:\n        '200':\n          description: ` +
      'ok\n          content: { application/json: { schema: { type: object, ' +
      `required: [${required}], properties: { id: { type: string }, total: { type: ` +
      'number } } } } }\n'
  })
  return loadContract(path.join(dir, 'openapi.yaml'), 'test')
}

const V1 = digest(1)
const V2 = digest(2)
const V3 = digest(3)
const CONTRACTS = new Map<Digest, LoadedContract>([
  [V1, contract('1.0.0', 'id, total')],
  [V2, contract('1.1.0', 'id')],
  [V3, contract('1.2.0', 'id, total')]
])

/** Sources that answer from CONTRACTS; `duringBaseline` runs while the live contract is read (the injected pause). */
function sources(duringBaseline: () => Promise<void> = async () => undefined): ContractSources {
  return {
    candidate: async (d) => ({ contract: CONTRACTS.get(d) ?? null, known: true }),
    baseline: async (live) => {
      await duringBaseline()
      return CONTRACTS.get(live.digest) as LoadedContract
    }
  }
}

function request(d: Digest, contractSources: ContractSources): PromoteRequest {
  return {
    environment: 'production',
    digest: d,
    rollback: false,
    dryRun: false,
    name: null,
    environmentUrl: null,
    sealedBy: null,
    requester: REQUESTER,
    inputs: { environment: 'environment', digest: 'expected-digest' },
    artifact: null,
    // The contract rule is what is tested: these promotions say they carry no bytes.
    withoutBytes: { declared: true, missing: '' },
    contract: contractSources
  }
}

async function liveOn(ledger: FileLedger, d: Digest): Promise<void> {
  const result = await promoteDigest(request(d, sources()), POLICY, ledger, OPTIONS)
  expect(result.decision.allowed).toBe(true)
  await ledger.resolve({
    id: result.record?.id as string,
    outcome: 'confirmed',
    reason: null,
    runUrl: null,
    actor: null
  })
}

async function newLedger(): Promise<FileLedger> {
  const ledger = new FileLedger(path.join(tempDir('ledger-'), 'ledger.jsonl'), 'ledger')
  await ledger.init()
  return ledger
}

describe('the contract rule in promoteDigest', () => {
  it(
    'refuses when the live digest changes while the contracts are compared: the comparison was against what ' +
      'the environment no longer runs',
    async () => {
      const ledger = await newLedger()
      await liveOn(ledger, V1)
      // While V2 is compared with V1's contract, another job makes V3 live. Under breaking:
      // allow, the race is the only reason to refuse.
      const allow = parsePolicy(
        'environments:\n  production:\n    contract: { breaking: allow }\n',
        'p.yml'
      )
      const raced = await promoteDigest(
        request(
          V2,
          sources(async () => liveOn(ledger, V3))
        ),
        allow,
        ledger,
        OPTIONS
      )
      expect(raced.decision.allowed).toBe(false)
      expect(raced.decision.checks.filter((c) => !c.passed)).toEqual([
        expect.objectContaining({
          rule: 'contract',
          detail: expect.stringContaining(`live digest changed (to ${V3})`)
        })
      ])
      expect(
        (await promoteDigest(request(V2, sources()), allow, ledger, OPTIONS)).decision.allowed
      ).toBe(true)
      expect((await ledger.live('production', null))?.digest).toBe(V3)
    }
  )

  it('one approval, two promotions at once: exactly one goes through on it, and its record names the approval', async () => {
    const ledger = await newLedger()
    await liveOn(ledger, V1)
    const approval = await approveAmendment(
      {
        digest: V2,
        environment: 'production',
        reason: 'clients moved',
        to: CONTRACTS.get(V2)?.manifest.digest as Digest,
        name: null,
        requester: REQUESTER,
        inputs: {
          from: '--from',
          to: '--to',
          toGives: 'the contract digest',
          digest: 'd',
          name: '--subject-name'
        }
      },
      ledger,
      OPTIONS
    )
    const both = await Promise.all([
      promoteDigest(request(V2, sources()), POLICY, ledger, OPTIONS),
      promoteDigest(request(V2, sources()), POLICY, ledger, OPTIONS)
    ])
    expect(both.map((r) => r.decision.allowed).sort()).toEqual([false, true])
    const winner = both.find((r) => r.decision.allowed)
    expect(winner?.record?.amendment?.approval).toBe(approval.id)
    expect(both.find((r) => !r.decision.allowed)?.decision.reason).toContain('contract approve')
  })

  it('an approval of another amendment than the one the environment would make is refused when it is recorded', async () => {
    const ledger = await newLedger()
    await liveOn(ledger, V1)
    await expect(
      approveAmendment(
        {
          digest: V2,
          environment: 'production',
          reason: 'x',
          from: CONTRACTS.get(V3)?.manifest.digest as Digest,
          to: CONTRACTS.get(V2)?.manifest.digest as Digest,
          name: null,
          requester: REQUESTER,
          inputs: {
            from: '--from',
            to: '--to',
            toGives: 'the contract digest',
            digest: 'd',
            name: '--subject-name'
          }
        },
        ledger,
        OPTIONS
      )
    ).rejects.toThrowSealError('bad-input')
  })
})

describe('planContract: a contract that disagrees with what was recorded or signed is a problem (fail closed)', () => {
  const plan = async (
    overrides: Partial<Parameters<typeof planContract>[0]>
  ): Promise<ContractPlan> => {
    const ledger = await newLedger()
    return planContract(
      {
        environment: 'production',
        service: null,
        digest: V2,
        bytes: null,
        signed: undefined,
        recorded: null,
        compare: true,
        now: async () => new Date(),
        ...overrides
      },
      sources(),
      ledger
    )
  }
  const other = { digest: digest(99), version: '1.1.0' }

  it('the signed statement names another contract than the manifest beside the bytes', async () => {
    expect((await plan({ signed: other })).problem).toContain('the signed statement names')
  })

  it(
    'a manifest whose version was edited (the version is outside the contract digest) disagrees with the ' +
      'record and the signed statement',
    async () => {
      const sealed = CONTRACTS.get(V2)?.manifest as { digest: Digest }
      expect(
        (await plan({ recorded: { digest: sealed.digest, version: '2.0.0' } })).problem
      ).toMatch(/names contract 1\.1\.0 .* an earlier record of the digest names 2\.0\.0/)
      expect(
        (await plan({ signed: { digest: sealed.digest, version: '2.0.0' } })).problem
      ).toContain('the signed statement names 2.0.0')
      expect(
        (await plan({ recorded: { digest: sealed.digest, version: '1.1.0' } })).problem
      ).toBeNull()
    }
  )

  it('an earlier record of the digest names another contract', async () => {
    expect((await plan({ recorded: other })).problem).toContain(
      'an earlier record of the digest names'
    )
  })

  it('the signed statement names a contract and no manifest is there', async () => {
    expect((await plan({ digest: digest(50), signed: other })).problem).toContain(
      'no contract manifest was found'
    )
  })

  it('with nothing claimed and no manifest, the digest carries no contract', async () => {
    expect(await plan({ digest: digest(50) })).toMatchObject({ candidate: null, problem: null })
  })

  it(
    'with no seal bundle beside the bytes and nothing claimed, whether it has a contract is not known: a ' +
      'problem where contracts are compared, nothing where not',
    async () => {
      const ledger = await newLedger()
      const unknown: ContractSources = {
        ...sources(),
        candidate: async () => ({ contract: null, known: false })
      }
      const request = {
        environment: 'production',
        service: null,
        digest: V2,
        bytes: null,
        signed: undefined,
        recorded: null,
        compare: true,
        now: async () => new Date()
      }
      expect((await planContract(request, unknown, ledger)).problem).toContain('is not known')
      expect(await planContract({ ...request, compare: false }, unknown, ledger)).toMatchObject({
        candidate: null,
        problem: null
      })
    }
  )
})

describe('the contracts kept beside a file ledger', () => {
  it(
    'keeps a contract whole, read back by its digest; never one whose text would not come back as its sealed ' +
      'bytes',
    async () => {
      const store = tempDir('store-')
      const sources = contractSources({ store, baseline: null })
      const good = CONTRACTS.get(V1) as LoadedContract
      await sources.keep?.(good)
      const live = {
        environment: 'production',
        digest: V1,
        contract: { digest: good.manifest.digest, version: '1.0.0' },
        artifact: null
      }
      expect((await sources.baseline(live)).manifest.digest).toBe(good.manifest.digest)
      // A file that was not valid UTF-8: its text no longer hashes as sealed, so nothing is kept.
      const other = CONTRACTS.get(V2) as LoadedContract
      await sources.keep?.({ manifest: other.manifest, read: (p) => `${other.read(p)}\uFFFD` })
      expect(
        fs
          .readdirSync(store)
          .filter((f) => f.startsWith(other.manifest.digest.slice('sha256:'.length)))
      ).toEqual([])
      await expect(
        sources.baseline({
          ...live,
          digest: V2,
          contract: { digest: other.manifest.digest, version: '1.1.0' }
        })
      ).rejects.toThrowSealError('unreadable')
    }
  )
})
