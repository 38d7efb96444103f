// A rollback asks for a signature exactly as a promotion does: when a key, a trusted root or a
// signer is named (signatureRequired), or the environment has a signed-by rule, an unsigned
// seal is refused on the way back too.
import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { promoteDigest } from '../../../src/app/promote/promote-digest.js'
import type { PromoteRequest } from '../../../src/app/promote/types.js'
import type { SignatureCheck } from '../../../src/app/signature/types.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { T0, digest } from '../../../__fixtures__/promotion.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
const UNSIGNED: SignatureCheck = {
  status: 'unsigned',
  detail: 'No .sigstore.json beside the listing.'
}

function request(
  d: ReturnType<typeof digest>,
  rollback: boolean,
  over: Partial<PromoteRequest> = {}
): PromoteRequest {
  return {
    environment: 'production',
    digest: d,
    rollback,
    dryRun: false,
    name: 'shop',
    environmentUrl: null,
    sealedBy: null,
    requester: { runUrl: null, actor: null },
    inputs: { environment: 'environment', digest: 'expected-digest' },
    artifact: null,
    withoutBytes: { declared: true, missing: '' },
    checkSignature: async () => UNSIGNED,
    ...over
  }
}

/** production ran digest 1 then digest 2, each let in unsigned while nothing asked for a signature. */
async function production(): Promise<FileLedger> {
  let now = T0.getTime()
  const ledger = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: () => new Date((now += 60_000))
  })
  const open = parsePolicy('environments:\n  production: {}\n', 'policy.yml')
  for (const d of [digest(1), digest(2)]) {
    const result = await promoteDigest(request(d, false), open, ledger, OPTIONS)
    expect(result.decision.allowed).toBe(true)
    await ledger.resolve({
      id: result.record?.id as string,
      outcome: 'confirmed',
      reason: null,
      runUrl: null,
      actor: null
    })
  }
  return ledger
}

describe('a rollback to an unsigned seal', () => {
  it('is refused when a key, root or signer names whom to trust, as a promotion is', async () => {
    const ledger = await production()
    const policy = parsePolicy('environments:\n  production: {}\n', 'policy.yml')
    const back = await promoteDigest(
      request(digest(1), true, {
        signatureRequired: '--public-key names a signer or what to trust'
      }),
      policy,
      ledger,
      OPTIONS
    )
    expect(back.decision.allowed).toBe(false)
    expect(back.decision.checks).toEqual([
      expect.objectContaining({
        rule: 'signature',
        passed: false,
        detail: expect.stringContaining('--public-key')
      })
    ])
    expect(back.record).toMatchObject({ outcome: 'refused', mode: 'rollback' })
    // Nothing named: the rollback goes through.
    expect(
      (await promoteDigest(request(digest(1), true), policy, ledger, OPTIONS)).decision.allowed
    ).toBe(true)
  })

  it("is refused under the environment's signed-by rule", async () => {
    const ledger = await production()
    const policy = parsePolicy(
      'environments:\n  production:\n    signed-by: { repository: acme/shop }\n',
      'policy.yml'
    )
    const back = await promoteDigest(request(digest(1), true), policy, ledger, OPTIONS)
    expect(back.decision.allowed).toBe(false)
    expect(back.decision.checks.find((c) => c.rule === 'signed-by')).toMatchObject({
      passed: false
    })
  })
})
