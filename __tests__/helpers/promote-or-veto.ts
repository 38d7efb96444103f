// Run as a separate process by the file ledger race test: promotes one digest into an
// environment and vetoes it, at random, through the same app functions the actions use.
import { promoteDigest } from '../../src/app/promote/promote-digest.js'
import { vetoDigest } from '../../src/app/promote/veto.js'
import type { Digest } from '../../src/core/digest.js'
import type { PromotionPolicy } from '../../src/core/promotion/policy.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'

const [file, digest, rounds, writer] = process.argv.slice(2) as [string, Digest, string, string]
const ledger = new FileLedger(file, 'ledger', { lock: { waitMs: 120_000 } })
const policy: PromotionPolicy = {
  source: 'test',
  environments: [
    { name: 'production', requires: [], requiresAny: [], soakMs: 0, soakText: null, signedBy: null }
  ]
}
const options = { pendingTimeoutMs: 60 * 60_000 }
const requester = { runUrl: null, actor: `writer-${writer}` }
let written = 0
for (let i = 0; i < Number(rounds); i++) {
  if (Math.random() < 0.15) {
    await vetoDigest(
      { digest, environment: 'production', reason: `veto ${writer}/${i}`, name: null, requester },
      ledger,
      options
    )
    written += 1
    continue
  }
  const result = await promoteDigest(
    {
      environment: 'production',
      digest,
      rollback: false,
      dryRun: false,
      name: null,
      environmentUrl: null,
      sealedBy: null,
      requester,
      inputs: { environment: 'environment', digest: 'digest' },
      artifact: null,
      withoutBytes: { declared: true, missing: '' }
    },
    policy,
    ledger,
    options
  )
  if (result.record === null) throw new Error(`nothing recorded: ${result.decision.reason}`)
  written += 1
  if (result.decision.allowed) {
    await ledger.resolve({ id: result.record.id, outcome: 'confirmed', reason: null, ...requester })
    written += 1
  }
}
process.stdout.write(`${written}\n`)
