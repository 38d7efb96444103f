import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { build } from 'esbuild'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { digest, minutesAfter, record } from '../../__fixtures__/promotion.js'
import { removeAll, tempDir } from '../helpers/trees.js'
import { PROJECT_ROOT } from '../helpers/runner.js'

afterAll(removeAll)

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const e of iterable) all.push(e)
  return all
}

async function threeRecords(): Promise<FileLedger> {
  const ledger = new FileLedger(path.join(tempDir(), 'nested', 'ledger.jsonl'), 'ledger')
  await ledger.append(record({ digest: digest(1), environment: 'dev', time: minutesAfter(0) }))
  await ledger.append(record({ digest: digest(2), environment: 'dev', time: minutesAfter(5) }))
  await ledger.append(record({ digest: digest(1), environment: 'staging', time: minutesAfter(6) }))
  return ledger
}

describe('the file ledger', () => {
  it('appends records and answers the gate from them', async () => {
    const ledger = await threeRecords()
    expect(await ledger.live('dev')).toMatchObject({ digest: digest(2), from: minutesAfter(5), until: null, recordId: '2' })
    expect(await ledger.live('production')).toBeNull()
    expect(await ledger.spans(digest(1), 'dev')).toEqual([{ digest: digest(1), environment: 'dev', from: minutesAfter(0), until: minutesAfter(5), recordId: '1' }])
    expect((await collect(ledger.previouslyLive('dev'))).map((s) => s.digest)).toEqual([digest(1)])
    expect((await collect(ledger.entries())).map((e) => e.id)).toEqual(['3', '2', '1'])
    expect((await collect(ledger.entries({ digest: digest(1) }))).map((e) => e.environment)).toEqual(['staging', 'dev'])
    expect(await ledger.veto(digest(1))).toBeNull()
    await ledger.append(record({ digest: digest(1), environment: 'staging', outcome: 'vetoed', reason: 'broken', time: minutesAfter(7) }))
    expect(await ledger.veto(digest(1))).toMatchObject({ outcome: 'vetoed', reason: 'broken', id: '4' })
    expect(ledger.verifyChain()).toEqual({ count: 4, problems: [] })
  })

  it('is an empty history until the first record creates the file', async () => {
    const ledger = new FileLedger(path.join(tempDir(), 'none.jsonl'), 'ledger')
    expect(await ledger.live('dev')).toBeNull()
    expect(await collect(ledger.entries())).toEqual([])
  })

  it('chains each line to the one before: an edited line is reported and nothing is read from it', async () => {
    const ledger = await threeRecords()
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    lines[0] = (lines[0] as string).replace(digest(1).slice(-8), digest(9).slice(-8))
    fs.writeFileSync(ledger.file, lines.join('\n'))
    expect(ledger.verifyChain().problems).toEqual([{ line: 2, problem: expect.stringContaining('does not follow line 1') }])
    await expect(ledger.live('dev')).rejects.toThrow(/The ledger file:.*cannot be trusted: line 2: .*Nothing is promoted from a damaged ledger/)
    await expect(ledger.append(record({ digest: digest(3), environment: 'dev' }))).rejects.toThrow(/cannot be trusted/)
  })

  it('reports a deleted line and a cut-short last line', async () => {
    const ledger = await threeRecords()
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    fs.writeFileSync(ledger.file, [lines[0], lines[2], ''].join('\n'))
    expect(ledger.verifyChain().problems.map((p) => p.line)).toEqual([2, 2])
    expect(ledger.verifyChain().problems[0]?.problem).toContain('its number is 3, expected 2')

    const torn = await threeRecords()
    fs.writeFileSync(torn.file, fs.readFileSync(torn.file, 'utf8').slice(0, -20))
    expect(torn.verifyChain().problems[0]?.problem).toContain('the last line is incomplete')
  })

  it('refuses a record whose fields are not a record', async () => {
    const ledger = await threeRecords()
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    const last = JSON.parse(lines[2] as string)
    last.record.digest = 'sha256:nothex'
    lines[2] = JSON.stringify(last)
    fs.writeFileSync(ledger.file, lines.join('\n'))
    expect(ledger.verifyChain().problems[0]).toEqual({ line: 3, problem: expect.stringContaining("the record's digest") })
  })

  it('names the input and the path when the file cannot be written, and records nothing', async () => {
    const blocker = path.join(tempDir(), 'a-file')
    fs.writeFileSync(blocker, '')
    const ledger = new FileLedger(path.join(blocker, 'ledger.jsonl'), 'ledger')
    await expect(ledger.append(record({ digest: digest(1), environment: 'dev' }))).rejects.toThrow(
      `ledger: the ledger "file:${blocker}/ledger.jsonl" cannot be written (a part of "${blocker}" is a file, not a directory). Give a path in a writable directory`
    )
  })

  it('loses nothing when several processes append at once', async () => {
    const dir = tempDir()
    const script = path.join(dir, 'append-records.mjs')
    await build({
      entryPoints: [path.join(PROJECT_ROOT, '__tests__/helpers/append-records.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent'
    })
    const file = path.join(dir, 'ledger.jsonl')
    const writers = 4
    const each = 100
    const codes = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        new Promise<number | null>((resolve) => spawn(process.execPath, [script, file, String(w + 1), String(each)], { stdio: 'inherit' }).on('close', resolve))
      )
    )
    expect(codes).toEqual(Array(writers).fill(0))
    const ledger = new FileLedger(file, 'ledger')
    expect(ledger.verifyChain()).toEqual({ count: writers * each, problems: [] })
    const entries = await collect(ledger.entries())
    for (let w = 1; w <= writers; w++) {
      expect(entries.filter((e) => e.environment === `writer-${w}`).map((e) => e.digest).reverse()).toEqual(Array.from({ length: each }, (_, i) => digest(w * 100_000 + i)))
    }
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it('takes over a lock left by a process that is gone', async () => {
    const ledger = await threeRecords()
    fs.writeFileSync(`${ledger.file}.lock`, '999999999\n')
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(`${ledger.file}.lock`, old, old)
    await ledger.append(record({ digest: digest(4), environment: 'dev' }))
    expect(ledger.verifyChain().count).toBe(4)
  })
})
