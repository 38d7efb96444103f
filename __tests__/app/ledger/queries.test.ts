import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import {
  NOTHING_KNOWN,
  artifactOf,
  contractOfLive,
  knownFromHistory,
  lastGoodBefore,
  unusedApproval
} from '../../../src/app/ledger/queries.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { T0, digest, newRecord } from '../../../__fixtures__/promotion.js'
import { append, deploy, letIn, manualClock, veto } from '../../helpers/ledger-history.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

async function ledger(): Promise<FileLedger> {
  const clock = manualClock(T0)
  const file = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: () => {
      clock.advance(1)
      return clock.now()
    }
  })
  await file.init()
  return file
}

const SERVICE = 'hello-service'

describe("what the ledger says beyond the gate's facts", () => {
  it('knows who sealed a digest, its name, its artifact and the contract a promotion let in with', async () => {
    const l = await ledger()
    const contract = { digest: digest(0xc1), version: '1.0.0' }
    await letIn(l, digest(1), 'dev', { artifact: { name: 'shop-sealed', runId: '7' }, contract })
    expect(await knownFromHistory(l, digest(1))).toMatchObject({
      name: 'hello-service',
      artifact: { name: 'shop-sealed', runId: '7' },
      contract,
      sealedBy: { repository: 'acme/hello' }
    })
    expect(await knownFromHistory(l, digest(9))).toEqual(NOTHING_KNOWN)
    expect(await artifactOf(l, digest(1))).toEqual({ name: 'shop-sealed', runId: '7' })
  })

  it('finds the last good digest before the live one, skipping a vetoed one', async () => {
    const l = await ledger()
    await deploy(l, digest(1), 'prod')
    await deploy(l, digest(2), 'prod')
    await deploy(l, digest(3), 'prod')
    expect(await lastGoodBefore(l, 'prod', SERVICE)).toBe(digest(2))
    await veto(l, digest(2), 'prod')
    expect(await lastGoodBefore(l, 'prod', SERVICE)).toBe(digest(1))
  })

  it('reads the contract the record that made a digest live names', async () => {
    const l = await ledger()
    const contract = { digest: digest(0xc2), version: '2.0.0' }
    await deploy(l, digest(4), 'prod', { contract })
    const live = await l.live('prod', SERVICE)
    expect(live).not.toBeNull()
    expect(await contractOfLive(l, live!)).toEqual(contract)
  })

  it('finds an approval of exactly this amendment only until a record uses it', async () => {
    const l = await ledger()
    const from = digest(0xc1)
    const to = digest(0xc2)
    const approval = await append(
      l,
      newRecord({
        digest: digest(5),
        environment: 'prod',
        outcome: 'approved',
        mode: null,
        approves: { from, to }
      })
    )
    expect((await unusedApproval(l, 'prod', SERVICE, from, to))?.id).toBe(approval.id)
    expect(await unusedApproval(l, 'prod', SERVICE, null, to)).toBeNull()
    await letIn(l, digest(5), 'prod', {
      amendment: {
        from: { digest: from, version: '1' },
        to: { digest: to, version: '2' },
        breaking: 1,
        dangerous: 0,
        compatible: 0,
        rules: ['x'],
        approval: approval.id
      }
    })
    expect(await unusedApproval(l, 'prod', SERVICE, from, to)).toBeNull()
  })
})
