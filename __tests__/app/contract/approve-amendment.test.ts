// An approval nothing could use is refused before it is recorded: one for an environment the
// policy does not declare, or for an amendment to a contract the digest does not carry.
import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { approveAmendment } from '../../../src/app/contract/approve-amendment.js'
import type { ApprovalRequest } from '../../../src/app/contract/types.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { T0, digest, newRecord } from '../../../__fixtures__/promotion.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
const POLICY = parsePolicy(
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    contract: { breaking: ' +
    'require-approval }\n',
  'promotion.yml'
)
const C1 = { digest: digest(0xc1), version: '2.0.0' }
const C2 = { digest: digest(0xc2), version: '3.0.0' }

/** Digest 1 was let into staging carrying contract C1. */
async function ledger(): Promise<FileLedger> {
  let now = T0.getTime()
  const l = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: () => new Date((now += 1000))
  })
  await l.init()
  await l.record(
    'staging',
    async () => newRecord({ digest: digest(1), environment: 'staging', contract: C1 }),
    DEFAULT_PENDING_TIMEOUT_MS
  )
  return l
}

const request = (over: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  digest: digest(1),
  environment: 'production',
  reason: 'clients moved to v2',
  name: null,
  policy: POLICY,
  requester: { runUrl: null, actor: 'octocat' },
  inputs: {
    from: '--from',
    to: '--to',
    toGives: 'the contract digest',
    digest: 'contract approve <digest>',
    name: '--name',
    environment: '--environment'
  },
  ...over
})

async function count(l: FileLedger): Promise<number> {
  const outcomes: string[] = []
  for await (const entry of l.entries()) outcomes.push(entry.outcome)
  return outcomes.length
}

describe('contract approve', () => {
  it('refuses an environment the policy does not declare, recording nothing', async () => {
    const l = await ledger()
    await expect(
      approveAmendment(request({ environment: 'prodution' }), l, OPTIONS)
    ).rejects.toThrowSealError(
      'bad-input',
      '--environment',
      '"prodution"',
      'promotion.yml',
      'staging, production'
    )
    expect(await count(l)).toBe(1)
  })

  it('refuses a --to that is not the contract the digest carries, as its records or its seal bundle say', async () => {
    const l = await ledger()
    await expect(approveAmendment(request({ to: C2.digest }), l, OPTIONS)).rejects.toThrowSealError(
      'bad-input',
      '--to',
      C2.digest,
      C1.digest,
      'records'
    )
    await expect(
      approveAmendment(request({ to: C2.digest, sealedContract: C1 }), l, OPTIONS)
    ).rejects.toThrowSealError('bad-input', '--to', 'seal bundle')
    expect(await count(l)).toBe(1)
    const approved = await approveAmendment(request({ to: C1.digest }), l, OPTIONS)
    expect(approved).toMatchObject({
      outcome: 'approved',
      environment: 'production',
      approves: { from: null, to: C1.digest }
    })
  })
})
