// An environment's drift from its records: the newest telling observation decides, an
// acknowledgement ends a drift, unknown observations and other records tell nothing, and
// "since" is the first observation of the drift still going on. Held against a plain model.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { driftStateOf } from '../../../src/core/observe/drift-state.js'
import type { LedgerEntry } from '../../../src/core/promotion/record.js'
import { digest, entry } from '../../../__fixtures__/promotion.js'

type Step = 'matches' | 'drifted' | 'unknown' | 'ack' | 'deployed' | 'other-service-drift'

function recordOf(step: Step, i: number): LedgerEntry {
  const base = {
    digest: digest(1),
    environment: 'production',
    service: 'shop',
    name: 'shop',
    mode: null
  }
  if (step === 'ack') return entry(i, { ...base, outcome: 'acknowledged', reason: 'ok' })
  if (step === 'deployed')
    return entry(i, { ...base, outcome: 'deployed', mode: 'promote', resolves: String(i - 1) })
  const verdict = step === 'other-service-drift' ? 'drifted' : step
  return entry(i, {
    ...base,
    ...(step === 'other-service-drift' ? { service: 'web', name: 'web' } : {}),
    outcome: 'observed',
    observation: { verdict, observed: null, probes: ['url'], rules: [] }
  })
}

/** The model: walk oldest first, keeping the state. */
function model(steps: readonly Step[]): { drifted: boolean; since: number | null } {
  let since: number | null = null
  steps.forEach((step, i) => {
    if (step === 'drifted') since ??= i
    else if (step === 'matches' || step === 'ack') since = null
  })
  return { drifted: since !== null, since }
}

describe('driftStateOf', () => {
  it('agrees with the model on any history (property)', async () => {
    let drifted = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom<Step>(
            'matches',
            'drifted',
            'unknown',
            'ack',
            'deployed',
            'other-service-drift'
          ),
          { maxLength: 30 }
        ),
        async (steps) => {
          const records = steps.map(recordOf)
          const state = await driftStateOf([...records].reverse(), 'shop')
          const want = model(steps)
          expect(state.drifted).toBe(want.drifted)
          expect(state.since?.id ?? null).toBe(
            want.since === null ? null : (records[want.since] as LedgerEntry).id
          )
          if (state.drifted) drifted += 1
        }
      )
    )
    // The property reached both answers.
    expect(drifted).toBeGreaterThan(0)
  })

  it("stops reading at the drift's start: a long history before it is not read", async () => {
    let read = 0
    async function* newestFirst(): AsyncGenerator<LedgerEntry> {
      const steps: Step[] = ['drifted', 'drifted', 'matches']
      for (let i = 0; ; i++) {
        read += 1
        yield recordOf(steps[i] ?? 'deployed', 1000 - i)
      }
    }
    const state = await driftStateOf(newestFirst(), 'shop')
    expect(state.drifted).toBe(true)
    expect(read).toBe(3)
  })
})
