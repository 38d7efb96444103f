// "When did the contract change?" from records alone: the walk over what went live, in the
// orders both ledgers give their records, against a model kept from the operations.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { ContractRef } from '../../../src/core/contract/manifest.js'
import type { Digest } from '../../../src/core/digest.js'
import {
  type ContractAmendment,
  contractAmendments,
  contractHistory
} from '../../../src/core/promotion/contract-history.js'
import {
  type Amendment,
  type LedgerEntry,
  type Mode,
  confirmedOutcome
} from '../../../src/core/promotion/record.js'
import { digest, entry, minutesAfter } from '../../../__fixtures__/promotion.js'

const contract = (n: number, version = `${n}.0.0`): ContractRef => ({
  digest: digest(0xc0000 + n),
  version
})
const C1 = contract(1)
const C2 = contract(2)
const C3 = contract(3)

/** Records in the order a file ledger writes them, a minute apart. */
class History {
  readonly written: LedgerEntry[] = []

  private add(fields: Parameters<typeof entry>[1]): LedgerEntry {
    const e = entry(this.written.length + 1, {
      time: minutesAfter(this.written.length + 1),
      ...fields
    })
    this.written.push(e)
    return e
  }

  letIn(
    d: Digest,
    environment: string,
    contractRef: ContractRef | null,
    fields: Partial<LedgerEntry> = {}
  ): LedgerEntry {
    return this.add({
      digest: d,
      environment,
      ...(contractRef === null ? {} : { contract: contractRef }),
      ...fields
    })
  }

  rollBack(
    d: Digest,
    environment: string,
    contractRef: ContractRef | null,
    fields: Partial<LedgerEntry> = {}
  ): LedgerEntry {
    return this.letIn(d, environment, contractRef, { mode: 'rollback', ...fields })
  }

  /** The confirmation as the file ledger writes it: the contract is on the pending record only. */
  confirm(pending: LedgerEntry, actor: string | null = 'release-bot'): LedgerEntry {
    return this.add({
      digest: pending.digest,
      name: pending.name,
      environment: pending.environment,
      outcome: confirmedOutcome(pending.mode),
      mode: pending.mode,
      resolves: pending.id,
      actor,
      runUrl: null
    })
  }

  fail(pending: LedgerEntry): LedgerEntry {
    return this.add({
      digest: pending.digest,
      environment: pending.environment,
      outcome: 'failed',
      mode: pending.mode,
      resolves: pending.id,
      reason: 'helm timed out'
    })
  }

  deploy(
    d: Digest,
    environment: string,
    contractRef: ContractRef | null,
    fields: Partial<LedgerEntry> = {}
  ): LedgerEntry {
    const pending = this.letIn(d, environment, contractRef, fields)
    this.confirm(pending)
    return pending
  }

  /** As `LedgerView.entries` gives them: newest first. */
  get newestFirst(): LedgerEntry[] {
    return [...this.written].reverse()
  }

  /**
   * As the GitHub ledger gives them: newest deployment first, a pending record's resolution
   * (carrying the pending record's fields, as a status of its deployment) just before it.
   */
  get githubOrder(): LedgerEntry[] {
    const resolutions = new Map(
      this.written.filter((e) => e.resolves !== null).map((e) => [e.resolves as string, e])
    )
    const out: LedgerEntry[] = []
    for (const e of this.written) {
      if (e.resolves !== null) continue
      out.push(e)
      const r = resolutions.get(e.id)
      if (r)
        out.push({
          ...e,
          outcome: r.outcome,
          time: r.time,
          runUrl: r.runUrl,
          actor: null,
          reason: r.reason,
          resolves: e.id,
          key: `${e.key}/resolution`,
          id: `${e.id}/statuses/${r.id}`
        })
    }
    return out.reverse()
  }
}

const summary = (a: ContractAmendment) => ({
  environment: a.environment,
  from: a.from?.version ?? null,
  to: a.to?.version ?? null,
  digest: a.digest,
  initial: a.initial,
  mode: a.mode
})
const withoutConfirmation = (list: ContractAmendment[]) =>
  list.map(({ confirmationId: _, ...rest }) => rest)

describe('contract history: every amendment of each environment, from the records', () => {
  it(
    'finds the initial contract, each amendment and none for a deployment that keeps the contract, newest ' +
      'first',
    () => {
      const h = new History()
      const first = h.deploy(digest(1), 'production', C1, {
        actor: 'alice',
        runUrl: 'https://github.com/acme/hello/actions/runs/1'
      })
      h.deploy(digest(2), 'production', C1) // new bytes, same contract
      h.deploy(digest(3), 'production', C2, { actor: 'bob' })
      const found = contractAmendments(h.newestFirst)
      expect(found.map(summary)).toEqual([
        {
          environment: 'production',
          from: '1.0.0',
          to: '2.0.0',
          digest: digest(3),
          initial: false,
          mode: 'promote'
        },
        {
          environment: 'production',
          from: null,
          to: '1.0.0',
          digest: digest(1),
          initial: true,
          mode: 'promote'
        }
      ])
      expect(found[1]).toEqual({
        environment: 'production',
        service: 'hello-service',
        time: minutesAfter(2),
        initial: true,
        from: null,
        to: C1,
        digest: digest(1),
        name: 'hello-service',
        previousDigest: null,
        mode: 'promote',
        actor: 'alice',
        runUrl: 'https://github.com/acme/hello/actions/runs/1',
        recordId: first.id,
        recordUrl: null,
        confirmationId: '2',
        amendment: null
      })
      // When: the confirmation, not the gate's decision. Who: whoever promoted, not the confirmer.
      expect(found[0]).toMatchObject({
        time: minutesAfter(6),
        previousDigest: digest(2),
        actor: 'bob',
        recordId: '5',
        confirmationId: '6'
      })
    }
  )

  it('counts a digest live only once confirmed: pending, failed and refused records change nothing', () => {
    const h = new History()
    h.deploy(digest(1), 'production', C1)
    h.letIn(digest(2), 'production', C2) // never confirmed
    h.fail(h.letIn(digest(3), 'production', C3))
    h.letIn(digest(4), 'production', C2, { outcome: 'refused', reason: 'breaking' })
    h.letIn(digest(5), 'production', null, { outcome: 'vetoed', mode: null })
    expect(contractAmendments(h.newestFirst).map(summary)).toEqual([
      {
        environment: 'production',
        from: null,
        to: '1.0.0',
        digest: digest(1),
        initial: true,
        mode: 'promote'
      }
    ])
  })

  it('takes the confirmation order, not the order the gate let digests in', () => {
    const h = new History()
    const a = h.letIn(digest(1), 'production', C1)
    const b = h.letIn(digest(2), 'production', C2)
    h.confirm(b)
    h.confirm(a) // 1 goes live after 2: the contract goes back to 1.0.0
    const found = contractAmendments(h.newestFirst)
    expect(
      found.map((x) => [x.from?.version ?? null, x.to?.version ?? null, x.digest, x.previousDigest])
    ).toEqual([
      ['2.0.0', '1.0.0', digest(1), digest(2)],
      [null, '2.0.0', digest(2), null]
    ])
    expect(contractAmendments(h.githubOrder).map(summary)).toEqual(found.map(summary))
  })

  it('records a rollback as the reverse amendment', () => {
    const h = new History()
    h.deploy(digest(1), 'production', C1)
    h.deploy(digest(2), 'production', C2)
    h.confirm(h.rollBack(digest(1), 'production', C1))
    const [back, forward] = contractAmendments(h.newestFirst)
    expect(back).toMatchObject({
      mode: 'rollback',
      from: forward?.to,
      to: forward?.from,
      digest: digest(1),
      previousDigest: digest(2)
    })
  })

  it('reads a live record without a contract as no contract: a removal, and a return that is not initial', () => {
    const h = new History()
    h.deploy(digest(1), 'production', null) // recorded before contracts existed
    h.deploy(digest(2), 'production', C1)
    h.deploy(digest(3), 'production', null)
    h.deploy(digest(4), 'production', C2)
    expect(contractAmendments(h.newestFirst).map(summary)).toEqual([
      {
        environment: 'production',
        from: null,
        to: '2.0.0',
        digest: digest(4),
        initial: false,
        mode: 'promote'
      },
      {
        environment: 'production',
        from: '1.0.0',
        to: null,
        digest: digest(3),
        initial: false,
        mode: 'promote'
      },
      {
        environment: 'production',
        from: null,
        to: '1.0.0',
        digest: digest(2),
        initial: true,
        mode: 'promote'
      }
    ])
  })

  it('treats a confirmation of the live digest as continuing its stretch', () => {
    const h = new History()
    h.deploy(digest(1), 'production', C1)
    h.deploy(digest(1), 'production', null) // the same bytes again, from a record that does not name the contract
    expect(contractAmendments(h.newestFirst)).toHaveLength(1)
  })

  it('keeps each service of an environment apart: another service going live amends nothing', () => {
    const h = new History()
    const web = contract(7, '7.0.0')
    h.deploy(digest(1), 'production', C1, { name: 'api' })
    h.deploy(digest(5), 'production', web, { name: 'web' })
    h.deploy(digest(2), 'production', C2, { name: 'api' })
    const found = contractAmendments(h.newestFirst)
    expect(
      found.map((a) => [
        a.service,
        a.initial,
        a.from?.digest ?? null,
        a.to?.digest,
        a.previousDigest
      ])
    ).toEqual([
      ['api', false, C1.digest, C2.digest, digest(1)],
      ['web', true, null, web.digest, null],
      ['api', true, null, C1.digest, null]
    ])
  })

  it('tells a changed contract under the same version apart, and keeps environments apart', () => {
    const h = new History()
    const sameVersion = contract(9, '1.0.0')
    h.deploy(digest(1), 'staging', C1)
    h.deploy(digest(1), 'production', C1)
    h.deploy(digest(2), 'staging', sameVersion)
    const found = contractAmendments(h.newestFirst)
    expect(found.map((a) => [a.environment, a.from?.digest ?? null, a.to?.digest])).toEqual([
      ['staging', C1.digest, sameVersion.digest],
      ['production', null, C1.digest],
      ['staging', null, C1.digest]
    ])
  })

  it(
    "keeps the gate's counts, rules and approval when the record's amendment is this one, and drops them when " +
      'another went live in between',
    () => {
      const h = new History()
      const amendment = (from: ContractRef | null, to: ContractRef): Amendment => ({
        from,
        to,
        breaking: 1,
        dangerous: 0,
        compatible: 2,
        rules: ['response-property-removed'],
        approval: '7'
      })
      h.deploy(digest(1), 'production', C1)
      h.deploy(digest(2), 'production', C2, { amendment: amendment(C1, C2) })
      const stale = h.letIn(digest(3), 'production', C3, { amendment: amendment(C2, C3) })
      h.deploy(digest(4), 'production', C1) // goes live while digest 3 waits
      h.confirm(stale)
      const [third, , second] = contractAmendments(h.newestFirst)
      expect(second).toMatchObject({ to: C2, amendment: amendment(C1, C2) })
      expect(third).toMatchObject({ from: C1, to: C3, amendment: null })
    }
  )

  it('answers the same from the GitHub ledger order, and from an async iterable', async () => {
    const h = new History()
    h.deploy(digest(1), 'dev', C1)
    h.deploy(digest(2), 'dev', C2)
    h.confirm(h.rollBack(digest(1), 'dev', C1))
    const file = contractAmendments(h.newestFirst)
    const github = contractAmendments(h.githubOrder)
    expect(withoutConfirmation(github)).toEqual(withoutConfirmation(file))
    expect(github[0]?.confirmationId).toMatch(/^\d+\/statuses\/\d+$/)
    async function* iterate(): AsyncIterable<LedgerEntry> {
      yield* h.newestFirst
    }
    expect(await contractHistory(iterate())).toEqual(file)
    expect(await contractHistory(h.newestFirst)).toEqual(file)
  })

  it("falls back on a confirmation's own fields when its pending record is not among the entries", () => {
    const h = new History()
    h.deploy(digest(1), 'production', C1)
    // A GitHub confirmation carries the pending record's fields; alone, it still tells the contract.
    const confirmation = h.githubOrder[0] as LedgerEntry
    expect(contractAmendments([confirmation])).toEqual([
      expect.objectContaining({ to: C1, recordId: '1', digest: digest(1), initial: true })
    ])
  })
})

// ---- properties -------------------------------------------------------------------------

const ENVIRONMENTS = ['staging', 'production'] as const
type Environment = (typeof ENVIRONMENTS)[number]
type Then = 'confirm' | 'fail' | 'leave'
type Op =
  | {
      readonly kind: 'promote'
      readonly digest: number
      readonly env: Environment
      readonly then: Then
    }
  | {
      readonly kind: 'rollback'
      readonly back: number
      readonly env: Environment
      readonly then: Then
    }
  | { readonly kind: 'confirm-oldest'; readonly env: Environment }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('promote' as const),
      digest: fc.nat(4),
      env: fc.constantFrom(...ENVIRONMENTS),
      then: fc.constantFrom<Then>('confirm', 'confirm', 'fail', 'leave')
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rollback' as const),
      back: fc.nat(3),
      env: fc.constantFrom(...ENVIRONMENTS),
      then: fc.constantFrom<Then>('confirm', 'leave')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('confirm-oldest' as const),
      env: fc.constantFrom(...ENVIRONMENTS)
    })
  }
)

/** Five digests, each carrying one of three contracts or none; several may share one. */
const contracts = fc.array(fc.constantFrom<ContractRef | null>(null, C1, C2, C3), {
  minLength: 5,
  maxLength: 5
})

interface Model {
  /** Each environment's live digests, in the order they went live (a re-confirmation of the live one left out). */
  readonly live: Map<Environment, { digest: Digest; mode: Mode }[]>
}

/** Plays the operations into records and keeps, beside them, what went live where. */
function play(
  ops: readonly Op[],
  carried: readonly (ContractRef | null)[]
): { history: History; model: Model } {
  const history = new History()
  const model: Model = { live: new Map() }
  const open = new Map<Environment, LedgerEntry[]>()
  const goLive = (pending: LedgerEntry) => {
    history.confirm(pending)
    const env = pending.environment as Environment
    const list = model.live.get(env) ?? []
    if (list.at(-1)?.digest !== pending.digest)
      list.push({ digest: pending.digest, mode: pending.mode as Mode })
    model.live.set(env, list)
  }
  const then = (pending: LedgerEntry, what: Then) => {
    if (what === 'confirm') goLive(pending)
    else if (what === 'fail') history.fail(pending)
    else
      open.set(pending.environment as Environment, [
        ...(open.get(pending.environment as Environment) ?? []),
        pending
      ])
  }
  for (const o of ops) {
    if (o.kind === 'promote') {
      then(history.letIn(digest(o.digest + 1), o.env, carried[o.digest] ?? null), o.then)
    } else if (o.kind === 'rollback') {
      const list = model.live.get(o.env) ?? []
      const earlier = [...new Set(list.slice(0, -1).map((l) => l.digest))].filter(
        (d) => d !== list.at(-1)?.digest
      )
      if (earlier.length === 0) continue
      const d = earlier[earlier.length - 1 - (o.back % earlier.length)] as Digest
      then(
        history.rollBack(d, o.env, carried[Number.parseInt(d.slice(-4), 16) - 1] ?? null),
        o.then
      )
    } else {
      const waiting = open.get(o.env) ?? []
      const oldest = waiting.shift()
      if (oldest !== undefined) goLive(oldest)
    }
  }
  return { history, model }
}

const contractOf = (carried: readonly (ContractRef | null)[], d: Digest): ContractRef | null =>
  carried[Number.parseInt(d.slice(-4), 16) - 1] ?? null

describe('contract history: properties over random pipelines', () => {
  it(
    'finds exactly one amendment per change of contract digest along the live digests, each from the contract ' +
      'before to the one after',
    () => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 40 }), contracts, (ops, carried) => {
          const { history, model } = play(ops, carried)
          const found = contractAmendments(history.newestFirst)
          for (const env of ENVIRONMENTS) {
            const live = model.live.get(env) ?? []
            const expected: {
              from: Digest | null
              to: Digest | null
              digest: Digest
              mode: Mode
            }[] = []
            let before: ContractRef | null = null
            for (const l of live) {
              const now = contractOf(carried, l.digest)
              if ((now?.digest ?? null) !== (before?.digest ?? null))
                expected.push({
                  from: before?.digest ?? null,
                  to: now?.digest ?? null,
                  digest: l.digest,
                  mode: l.mode
                })
              before = now
            }
            const mine = found.filter((a) => a.environment === env).reverse()
            expect(mine.length).toBe(expected.length)
            expect(
              mine.map((a) => ({
                from: a.from?.digest ?? null,
                to: a.to?.digest ?? null,
                digest: a.digest,
                mode: a.mode
              }))
            ).toEqual(expected)
            // A chain: each amendment starts where the one before ended; only the first from no
            // contract at all is initial.
            mine.forEach((a, i) => {
              if (i > 0) expect(a.from).toEqual(mine[i - 1]?.to)
              expect(a.initial).toBe(
                a.from === null && mine.slice(0, i).every((b) => b.to === null)
              )
            })
          }
          // Newest first, and the same answer in the GitHub ledger's order.
          const times = found.map((a) => Date.parse(a.time))
          expect(times).toEqual([...times].sort((x, y) => y - x))
          expect(withoutConfirmation(contractAmendments(history.githubOrder))).toEqual(
            withoutConfirmation(found)
          )
        }),
        { numRuns: 300 }
      )
    }
  )

  it('a rollback to the digest live before makes the reverse of the amendment that replaced it', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 20 }),
        contracts,
        fc.nat(4),
        fc.nat(4),
        fc.constantFrom(...ENVIRONMENTS),
        (ops, carried, x, y, env) => {
          fc.pre(
            x !== y &&
              contractOf(carried, digest(x + 1))?.digest !==
                contractOf(carried, digest(y + 1))?.digest
          )
          const { history } = play(
            [...ops, { kind: 'promote', digest: x, env, then: 'confirm' }],
            carried
          )
          // Whatever ran before, x runs now; y replaces it, then the rollback returns to x.
          history.deploy(digest(y + 1), env, contractOf(carried, digest(y + 1)))
          history.confirm(history.rollBack(digest(x + 1), env, contractOf(carried, digest(x + 1))))
          const [back, forward] = contractAmendments(history.newestFirst).filter(
            (a) => a.environment === env
          )
          expect(back).toMatchObject({
            mode: 'rollback',
            digest: digest(x + 1),
            previousDigest: digest(y + 1)
          })
          expect(back?.from).toEqual(forward?.to)
          expect(back?.to).toEqual(forward?.from)
          expect(forward).toMatchObject({ mode: 'promote', digest: digest(y + 1) })
        }
      ),
      { numRuns: 200 }
    )
  })
})
