// The record codec, and the file ledger reading lines it did not write: a damaged or foreign
// record is always the ledger's own error (fail closed), never a crash and never half a record.
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../../src/core/errors.js'
import { OUTCOMES, type PromotionRecord, serviceOf } from '../../../src/core/promotion/record.js'
import { decodeRecord } from '../../../src/stores/ledger/record-codec.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { lineFields } from '../../../src/stores/ledger/line-fields.js'
import { digest, newRecord } from '../../../__fixtures__/promotion.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const RUNS = { numRuns: 200 }
const damaged = (detail: string): never => {
  throw new SealError('tampered', `damaged: ${detail}`)
}
const text = fc.string({ minLength: 1, maxLength: 20 })
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
const contractRef = fc.record({ digest: fc.nat(1000).map(digest), version: text })

/** Records as the writers make them: every outcome with the fields it goes with. */
const record: fc.Arbitrary<PromotionRecord> = fc
  .record({
    digest: fc.nat(1000).map(digest),
    name: maybe(text),
    environment: text,
    // Absent on a record written before services existed: read as its name.
    service: fc.option(maybe(text), { nil: undefined }),
    outcome: fc.constantFrom(...OUTCOMES),
    rollback: fc.boolean(),
    time: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    runUrl: maybe(fc.webUrl()),
    actor: maybe(text),
    sealedBy: maybe(
      fc.record({ repository: maybe(text), commit: maybe(text), runUrl: maybe(text) })
    ),
    previousDigest: maybe(fc.nat(1000).map(digest)),
    reason: maybe(text),
    environmentUrl: maybe(fc.webUrl()),
    artifact: maybe(fc.record({ name: text, runId: text })),
    resolves: fc.nat(10_000).map(String),
    key: text,
    contract: fc.option(contractRef, { nil: undefined }),
    amendment: fc.option(
      fc.record(
        {
          from: maybe(contractRef),
          to: maybe(contractRef),
          breaking: fc.nat(),
          dangerous: fc.nat(),
          compatible: fc.nat(),
          rules: fc.array(text, { maxLength: 4 }),
          approval: fc.nat(100).map(String)
        },
        { requiredKeys: ['from', 'to', 'breaking', 'dangerous', 'compatible', 'rules'] }
      ),
      { nil: undefined }
    ),
    approves: fc.record({ from: maybe(fc.nat(1000).map(digest)), to: fc.nat(1000).map(digest) }),
    observation: fc.record({
      verdict: fc.constantFrom('matches' as const, 'drifted' as const, 'unknown' as const),
      observed: maybe(text),
      probes: fc.array(text, { maxLength: 4 }),
      rules: fc.array(text, { maxLength: 4 })
    })
  })
  .map(({ rollback, resolves, contract, amendment, approves, observation, service, ...r }) => ({
    ...r,
    ...(service !== undefined ? { service } : {}),
    mode: ['vetoed', 'approved', 'observed', 'acknowledged'].includes(r.outcome)
      ? null
      : rollback
        ? ('rollback' as const)
        : ('promote' as const),
    resolves: ['deployed', 'rolled-back', 'failed', 'abandoned'].includes(r.outcome)
      ? resolves
      : null,
    ...(contract !== undefined ? { contract } : {}),
    ...(amendment !== undefined ? { amendment } : {}),
    ...(r.outcome === 'approved' ? { approves } : {}),
    ...(r.outcome === 'observed' ? { observation } : {})
  }))

describe('decodeRecord (properties)', () => {
  it('reads back every record a writer makes, field for field', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(decodeRecord(JSON.parse(JSON.stringify(r)), damaged)).toEqual({
          ...r,
          service: serviceOf(r)
        })
      }),
      RUNS
    )
  })

  it("throws nothing but the ledger's own error on any JSON, and on any record with one field changed", () => {
    const anyField = fc.oneof(fc.jsonValue(), fc.constant(undefined))
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          decodeRecord(value, damaged)
        } catch (error) {
          expect(error).toBeInstanceOf(SealError)
        }
      }),
      RUNS
    )
    fc.assert(
      fc.property(
        record,
        fc.constantFrom(
          ...Object.keys({
            digest: 1,
            outcome: 1,
            mode: 1,
            time: 1,
            resolves: 1,
            key: 1,
            sealedBy: 1,
            artifact: 1,
            service: 1,
            observation: 1
          })
        ),
        anyField,
        (r, field, value) => {
          const changed = { ...r, [field]: value }
          try {
            const back = decodeRecord(JSON.parse(JSON.stringify(changed)), damaged)
            // Accepted only when the change still makes a record of the same shape (the service always read back).
            expect(Object.keys(back).sort()).toEqual(Object.keys({ ...r, service: null }).sort())
            if (field === 'service')
              expect(
                back.service === null || (typeof back.service === 'string' && back.service !== '')
              ).toBe(true)
          } catch (error) {
            expect(error).toBeInstanceOf(SealError)
          }
        }
      ),
      RUNS
    )
  })
})

describe('the file ledger on lines it did not write (properties)', () => {
  it('refuses any foreign or damaged line with a SealError naming its line, never anything else', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl')
    const ledger = new FileLedger(file, 'ledger')
    await ledger.init()
    const genesis = fs.readFileSync(file, 'utf8')
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string()
        ),
        async (line) => {
          fs.writeFileSync(file, `${genesis}${line.replace(/\n/g, ' ')}\n`)
          try {
            await new FileLedger(file, 'ledger').live('dev', 'hello-service')
          } catch (error) {
            expect(error).toBeInstanceOf(SealError)
            expect((error as Error).message).toMatch(/line 2: /)
            return
          }
          throw new Error(`a foreign line was accepted: ${line}`)
        }
      ),
      { numRuns: 100 }
    )
  })
})

describe('the fields a gate reads without parsing a line (properties)', () => {
  it('are what the whole record says, for any record the ledger writes', async () => {
    const environment = fc.oneof(
      fc.constantFrom('dev', 'staging', 'production'),
      fc.string({ minLength: 1, maxLength: 12 })
    )
    // No service (its name stands for it), the default one, or a name, plain or one JSON escapes.
    const service = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom('api', 'web'),
      fc.string({ minLength: 1, maxLength: 12 })
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(5), environment, service, fc.boolean()), {
          minLength: 1,
          maxLength: 12
        }),
        async (steps) => {
          const file = path.join(tempDir(), 'ledger.jsonl')
          const ledger = new FileLedger(file, 'ledger', { create: true })
          const written = []
          for (const [n, env, of, confirm] of steps) {
            const made = newRecord({
              digest: digest(n),
              environment: env,
              ...(of === undefined ? {} : { service: of })
            })
            // Decided against what the service runs, so the confirmation lands.
            const { entry } = await ledger.record(
              env,
              async (view) => ({
                ...made,
                previousDigest: (await view.live(env, serviceOf(made)))?.digest ?? null
              }),
              Number.MAX_SAFE_INTEGER
            )
            written.push(entry)
            if (confirm && entry)
              written.push(
                await ledger.resolve({
                  id: entry.id,
                  outcome: 'confirmed',
                  reason: null,
                  runUrl: null,
                  actor: null
                })
              )
          }
          for (const line of fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(1)) {
            const fields = lineFields(line)
            const record = JSON.parse(line).record
            if (fields !== null) {
              expect(fields).toMatchObject({
                digest: record.digest,
                environment: record.environment,
                outcome: record.outcome,
                time: record.time,
                resolves: record.resolves,
                service: record.service
              })
            } else {
              // Only a name JSON escapes is read whole.
              const escapes = (value: string | null) =>
                value !== null && JSON.stringify(value) !== `"${value}"`
              expect(escapes(record.environment) || escapes(record.service)).toBe(true)
            }
          }
          const fresh = new FileLedger(file, 'ledger')
          const back = []
          for await (const e of fresh.entries()) back.unshift(e)
          expect(back).toEqual(written)
          expect((await fresh.verifyChain()).problems).toEqual([])
        }
      ),
      { numRuns: 60 }
    )
  })

  it('that a key repeated later in the line makes differ: ledger verify reports the line', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl')
    const ledger = new FileLedger(file, 'ledger', { create: true })
    await ledger.record('dev', async () => newRecord({ digest: digest(1), environment: 'dev' }), 1)
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines[1] = (lines[1] as string).replace(/}}$/, `,"environment":"production"}}`)
    fs.writeFileSync(file, lines.join('\n'))
    const { problems } = await new FileLedger(file, 'ledger').verifyChain()
    expect(problems).toEqual([
      {
        line: 2,
        problem: expect.stringContaining(
          'its fields, read as a gate reads them, do not say what its record says'
        )
      }
    ])
  })
})
