import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { build } from 'esbuild'
import { SealError } from '../../../src/core/errors.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { besideLedger } from '../../../src/stores/ledger/beside-ledger.js'
import { hostIdentity } from '../../../src/stores/ledger/file-lock.js'
import { lockOf } from '../../helpers/lock-hosts.js'
import { T0, digest, minutesAfter, newRecord } from '../../../__fixtures__/promotion.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { PROJECT_ROOT } from '../../helpers/runner.js'
import {
  NO_TIMEOUT,
  append,
  collect,
  deploy,
  letIn,
  manualClock,
  veto
} from '../../helpers/ledger-history.js'

afterAll(removeAll)

function newLedger(clock = manualClock(T0)): {
  ledger: FileLedger
  clock: ReturnType<typeof manualClock>
} {
  const ledger = new FileLedger(path.join(tempDir(), 'nested', 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: clock.now
  })
  return { ledger, clock }
}

/** dev ran 1 then 2; staging runs 1. Each deployment confirmed a minute after it was let in. */
async function threeDeployments(): Promise<{
  ledger: FileLedger
  clock: ReturnType<typeof manualClock>
}> {
  const made = newLedger()
  const { ledger, clock } = made
  await letIn(ledger, digest(1), 'dev')
  clock.advance(1)
  await ledger.resolve({ id: '2', outcome: 'confirmed', reason: null, runUrl: null, actor: null })
  clock.advance(4)
  await deploy(ledger, digest(2), 'dev')
  clock.advance(1)
  await deploy(ledger, digest(1), 'staging')
  return made
}

async function bundle(helper: string, dir: string): Promise<string> {
  const script = path.join(dir, `${helper}.mjs`)
  await build({
    entryPoints: [path.join(PROJECT_ROOT, `__tests__/helpers/${helper}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'silent'
  })
  return script
}

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout }))
  })
}

describe('the file ledger: live means deployed', () => {
  it('counts a digest live only from the confirmation of its deployment', async () => {
    const { ledger } = await threeDeployments()
    expect(await ledger.live('dev', 'hello-service')).toEqual({
      digest: digest(2),
      environment: 'dev',
      from: minutesAfter(5),
      until: null,
      recordId: '4'
    })
    expect(await ledger.spans(digest(1), 'dev', 'hello-service')).toEqual([
      {
        digest: digest(1),
        environment: 'dev',
        from: minutesAfter(1),
        until: minutesAfter(5),
        recordId: '2'
      }
    ])
    expect(await ledger.live('production', 'hello-service')).toBeNull()
    expect(
      (await collect(ledger.previouslyLive('dev', 'hello-service'))).map((s) => s.digest)
    ).toEqual([digest(1)])
    expect(
      (await collect(ledger.entries({ digest: digest(1) }))).map((e) => [e.environment, e.outcome])
    ).toEqual([
      ['staging', 'deployed'],
      ['staging', 'pending'],
      ['dev', 'deployed'],
      ['dev', 'pending']
    ])
  })

  it('never counts a pending, failed or abandoned promotion as live', async () => {
    const { ledger, clock } = newLedger()
    const pending = await letIn(ledger, digest(1), 'staging')
    expect(await ledger.live('staging', 'hello-service')).toBeNull()
    expect(await ledger.pending('staging')).toEqual([pending])
    const failed = await ledger.resolve({
      id: pending.id,
      outcome: 'failed',
      reason: 'helm upgrade failed',
      runUrl: null,
      actor: null
    })
    expect(failed).toMatchObject({
      outcome: 'failed',
      resolves: pending.id,
      reason: 'helm upgrade failed'
    })
    expect(await ledger.live('staging', 'hello-service')).toBeNull()
    expect(await ledger.pending('staging')).toEqual([])

    const stale = await letIn(ledger, digest(2), 'staging')
    clock.advance(59)
    expect((await ledger.record('staging', async () => null, 60 * 60_000)).abandoned).toEqual([])
    clock.advance(1)
    const { abandoned } = await ledger.record('staging', async () => null, 60 * 60_000)
    expect(abandoned).toEqual([
      expect.objectContaining({ outcome: 'abandoned', resolves: stale.id, digest: digest(2) })
    ])
    expect(await ledger.live('staging', 'hello-service')).toBeNull()
    await expect(
      ledger.resolve({
        id: stale.id,
        outcome: 'confirmed',
        reason: null,
        runUrl: null,
        actor: null
      })
    ).rejects.toThrowSealError(
      'conflict',
      'ledger',
      `${stale.id}`,
      `${digest(2)}`,
      `${minutesAfter(60)}`,
      `${abandoned[0]?.id}`
    )
  })

  it('refuses to resolve a record twice, a record that is not pending, or one that does not exist', async () => {
    const { ledger } = await threeDeployments()
    await expect(
      ledger.resolve({ id: '2', outcome: 'confirmed', reason: null, runUrl: null, actor: null })
    ).rejects.toThrowSealError('conflict')
    await expect(
      ledger.resolve({ id: '3', outcome: 'confirmed', reason: null, runUrl: null, actor: null })
    ).rejects.toThrowSealError('bad-input')
    await expect(
      ledger.resolve({ id: '99', outcome: 'failed', reason: null, runUrl: null, actor: null })
    ).rejects.toThrowSealError('bad-input')
  })

  it('refuses to confirm a record of another environment than the one given, and records nothing', async () => {
    const { ledger } = newLedger()
    const pending = await letIn(ledger, digest(1), 'staging')
    await expect(
      ledger.resolve({
        id: pending.id,
        outcome: 'confirmed',
        reason: null,
        runUrl: null,
        actor: null,
        environment: 'production'
      })
    ).rejects.toThrowSealError('bad-input', `${ledger.file}`, `${pending.id}`, `${digest(1)}`)
    expect((await ledger.verifyChain()).count).toBe(1)
    expect(
      await ledger.resolve({
        id: pending.id,
        outcome: 'confirmed',
        reason: null,
        runUrl: null,
        actor: null,
        environment: 'staging'
      })
    ).toMatchObject({ outcome: 'deployed' })
  })

  it('records a confirmation of a digest vetoed meanwhile as failed: never live after a veto', async () => {
    const { ledger } = newLedger()
    const pending = await letIn(ledger, digest(1), 'production')
    const vetoed = await veto(ledger, digest(1), 'staging', 'smoke tests failed')
    const confirmation = await ledger.resolve({
      id: pending.id,
      outcome: 'confirmed',
      reason: null,
      runUrl: null,
      actor: null
    })
    expect(confirmation).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining(
        `was vetoed at ${vetoed.time} (record ${vetoed.id}: smoke tests failed)`
      )
    })
    expect(await ledger.live('production', 'hello-service')).toBeNull()
  })

  it('keeps one stretch when the live digest is deployed again: its soak does not restart', async () => {
    const { ledger, clock } = newLedger()
    await deploy(ledger, digest(1), 'staging')
    clock.advance(30)
    await deploy(ledger, digest(1), 'staging')
    clock.advance(30)
    expect(await ledger.spans(digest(1), 'staging', 'hello-service')).toEqual([
      {
        digest: digest(1),
        environment: 'staging',
        from: T0.toISOString(),
        until: null,
        recordId: '2'
      }
    ])
  })
})

describe('the file ledger: a missing, empty or cut ledger', () => {
  it('is an error when missing, unless created on purpose; init creates it once', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl')
    const ledger = new FileLedger(file, 'ledger')
    await expect(ledger.live('dev', 'hello-service')).rejects.toThrowSealError(
      'unreadable',
      'ledger',
      `${file}`
    )
    await expect(letIn(ledger, digest(1), 'dev')).rejects.toThrowSealError('unreadable')
    expect(() => ledger.assertWritable()).toThrowSealError('unreadable')
    const head = await ledger.init()
    expect(head.seq).toBe(1)
    await expect(ledger.init()).rejects.toThrowSealError('bad-input', 'ledger', `${file}`)
    expect(await ledger.live('dev', 'hello-service')).toBeNull()
  })

  it('is an error when emptied, and when its first line was cut off', async () => {
    const { ledger } = await threeDeployments()
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    fs.writeFileSync(ledger.file, '')
    await expect(ledger.veto(digest(1))).rejects.toThrowSealError('tampered')
    fs.writeFileSync(ledger.file, lines.slice(1).join('\n'))
    expect((await ledger.verifyChain()).problems[0]).toEqual({
      line: 1,
      problem: expect.stringContaining('the lines before it were deleted')
    })
  })

  it('prints a head that detects a cut or rewritten tail the chain alone cannot', async () => {
    const { ledger } = newLedger()
    await veto(ledger, digest(1), 'staging')
    const { head } = await ledger.verifyChain()
    expect(head).toEqual({ seq: 2, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) })
    const text = fs.readFileSync(ledger.file, 'utf8')
    await letIn(ledger, digest(2), 'dev')
    expect((await ledger.verifyChain(head)).problems).toEqual([])

    // Delete the last line (the veto): the chain still holds, the pinned head does not.
    fs.writeFileSync(ledger.file, text.split('\n').slice(0, 1).join('\n') + '\n')
    expect((await ledger.verifyChain()).problems).toEqual([])
    expect((await ledger.verifyChain(head)).problems).toEqual([
      {
        line: 1,
        problem: expect.stringContaining(
          `no line hashes to the pinned head ${head.hash} (line 2): the ledger was cut short or rewritten`
        )
      }
    ])
    expect(await ledger.veto(digest(1))).toBeNull()
  })
})

describe('the file ledger: tampering', () => {
  it('chains each line to the one before: an edited line is reported and nothing is read from it', async () => {
    const { ledger } = await threeDeployments()
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    lines[1] = (lines[1] as string).replace(digest(1).slice(-8), digest(9).slice(-8))
    fs.writeFileSync(ledger.file, lines.join('\n'))
    expect((await ledger.verifyChain()).problems[0]).toEqual({
      line: 3,
      problem: expect.stringContaining('does not follow line 2')
    })
    await expect(ledger.live('dev', 'hello-service')).rejects.toThrowSealError('tampered')
    await expect(letIn(ledger, digest(3), 'dev')).rejects.toThrowSealError('tampered')
  })

  it('reports a deleted line, a reordered pair and a cut-short last line', async () => {
    const { ledger } = await threeDeployments()
    const text = fs.readFileSync(ledger.file, 'utf8')
    const lines = text.split('\n')
    fs.writeFileSync(ledger.file, [lines[0], lines[1], lines[3], ''].join('\n'))
    expect((await ledger.verifyChain()).problems.map((p) => p.line)).toEqual([3])
    expect((await ledger.verifyChain()).problems[0]?.problem).toContain(
      'its number is 4, expected 3'
    )

    fs.writeFileSync(ledger.file, [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n'))
    expect((await ledger.verifyChain()).problems[0]).toEqual({
      line: 2,
      problem: expect.stringContaining('its number is 3, expected 2')
    })

    fs.writeFileSync(ledger.file, text.slice(0, -20))
    expect((await ledger.verifyChain()).problems.map((p) => p.problem)).toContainEqual(
      expect.stringContaining('the last line is incomplete')
    )
  })

  it('refuses a record whose fields are not a record, or that follows no pending record', async () => {
    const { ledger } = await threeDeployments()
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    const last = JSON.parse(lines.at(-2) as string)
    last.record.digest = 'sha256:nothex'
    fs.writeFileSync(ledger.file, [...lines.slice(0, -2), JSON.stringify(last), ''].join('\n'))
    expect((await ledger.verifyChain()).problems[0]).toEqual({
      line: 7,
      problem: expect.stringContaining("the record's digest")
    })
  })
})

describe('the file ledger: clocks', () => {
  it('stamps records with its own clock and refuses to write when the clock is behind the last record', async () => {
    const { ledger, clock } = newLedger()
    const entry = await append(ledger, { ...newRecord({ digest: digest(1), environment: 'dev' }) })
    expect(entry.time).toBe(T0.toISOString())
    clock.advance(-5)
    await expect(letIn(ledger, digest(2), 'dev')).rejects.toThrowSealError(
      'refused',
      `${ledger.file}`,
      `${T0.toISOString()}`,
      `${minutesAfter(-5)}`
    )
    // Read afresh, the line itself is refused.
    await expect(
      new FileLedger(ledger.file, 'ledger', { clock: clock.now }).live('dev', 'hello-service')
    ).rejects.toThrowSealError('tampered', 'line 2', `${T0.toISOString()}`, `${minutesAfter(-5)}`)
  })

  it('refuses a ledger with a record dated after now, or out of time order', async () => {
    const ahead = manualClock(new Date(T0.getTime() + 60 * 60_000))
    const { ledger } = newLedger(ahead)
    await letIn(ledger, digest(1), 'dev')
    const behind = new FileLedger(ledger.file, 'ledger', { clock: () => T0 })
    await expect(behind.live('dev', 'hello-service')).rejects.toThrowSealError('tampered', 'line 2')

    const { ledger: ordered, clock } = newLedger()
    await letIn(ordered, digest(1), 'dev')
    clock.advance(10)
    await letIn(ordered, digest(2), 'dev')
    const lines = fs.readFileSync(ordered.file, 'utf8').split('\n')
    const third = JSON.parse(lines[2] as string)
    third.record.time = minutesAfter(-10)
    lines[2] = JSON.stringify(third)
    fs.writeFileSync(ordered.file, lines.join('\n'))
    expect((await ordered.verifyChain()).problems[0]).toEqual({
      line: 3,
      problem: expect.stringContaining(
        `it is dated ${minutesAfter(-10)}, before the record before it`
      )
    })
  })

  it('refuses a time that is not ISO 8601 UTC', async () => {
    const { ledger } = newLedger()
    await letIn(ledger, digest(1), 'dev')
    const lines = fs.readFileSync(ledger.file, 'utf8').split('\n')
    const second = JSON.parse(lines[1] as string)
    second.record.time = 'Sun, 01 Nov 2026 12:00:00 GMT'
    lines[1] = JSON.stringify(second)
    fs.writeFileSync(ledger.file, lines.join('\n'))
    expect((await ledger.verifyChain()).problems[0]?.problem).toContain(
      'is not an ISO 8601 UTC time'
    )
  })
})

describe('the file ledger: limits and failures', () => {
  it('refuses a path that is not a regular file, and a file over the size it reads, without reading it', async () => {
    const device = new FileLedger('/dev/full', 'ledger')
    await expect(device.live('dev', 'hello-service')).rejects.toThrowSealError(
      'unreadable',
      'ledger',
      '"file:/dev/full"'
    )
    const huge = path.join(tempDir(), 'huge.jsonl')
    fs.closeSync(fs.openSync(huge, 'w'))
    fs.truncateSync(huge, 300 * 1024 * 1024) // sparse: no disk used
    await expect(
      new FileLedger(huge, 'ledger').live('dev', 'hello-service')
    ).rejects.toThrowSealError('refused')
  })

  it('names the input and the path when the file cannot be written, and records nothing', async () => {
    const blocker = path.join(tempDir(), 'a-file')
    fs.writeFileSync(blocker, '')
    const ledger = new FileLedger(path.join(blocker, 'ledger.jsonl'), 'ledger', { create: true })
    await expect(letIn(ledger, digest(1), 'dev')).rejects.toThrowSealError(
      'unreadable',
      'ledger',
      `${blocker}`,
      `${blocker}`
    )
  })
})

describe('the file ledger: concurrent writers', () => {
  it('loses nothing when several processes append at once', async () => {
    const dir = tempDir()
    const script = await bundle('append-records', dir)
    const file = path.join(dir, 'ledger.jsonl')
    await new FileLedger(file, 'ledger').init()
    const writers = 4
    const each = 100
    const results = await Promise.all(
      Array.from({ length: writers }, (_, w) => run(script, [file, String(w + 1), String(each)]))
    )
    expect(results.map((r) => r.code)).toEqual(Array(writers).fill(0))
    const ledger = new FileLedger(file, 'ledger')
    expect((await ledger.verifyChain()).count).toBe(writers * each)
    const entries = await collect(ledger.entries())
    for (let w = 1; w <= writers; w++) {
      expect(
        entries
          .filter((e) => e.environment === `writer-${w}`)
          .map((e) => e.digest)
          .reverse()
      ).toEqual(Array.from({ length: each }, (_, i) => digest(w * 100_000 + i)))
    }
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it('lets 8 processes promoting and vetoing one digest lose no record and never make it live after its veto', async () => {
    const dir = tempDir()
    const script = await bundle('promote-or-veto', dir)
    const file = path.join(dir, 'ledger.jsonl')
    await new FileLedger(file, 'ledger').init()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, w) => run(script, [file, digest(7), '25', String(w)]))
    )
    expect(results.map((r) => r.code)).toEqual(Array(8).fill(0))
    const written = results.reduce((sum, r) => sum + Number(r.stdout.trim()), 0)
    const ledger = new FileLedger(file, 'ledger')
    // Reading checks every line: a deployment after the veto would be refused as damage.
    expect(await ledger.verifyChain()).toMatchObject({ count: written, problems: [] })
    const entries = (await collect(ledger.entries())).reverse()
    const vetoAt = entries.findIndex((e) => e.outcome === 'vetoed')
    expect(vetoAt).toBeGreaterThanOrEqual(0)
    expect(
      entries.slice(vetoAt).filter((e) => e.outcome === 'deployed' || e.outcome === 'pending')
    ).toEqual([])
    expect(await ledger.live('production', null)).toEqual(
      vetoAt > 0 && entries.slice(0, vetoAt).some((e) => e.outcome === 'deployed')
        ? expect.objectContaining({ digest: digest(7) })
        : null
    )
  })

  it('takes over a lock left by a process of this host that is gone', async () => {
    const { ledger } = await threeDeployments()
    fs.writeFileSync(`${ledger.file}.lock`, lockOf(hostIdentity() as string, { pid: 999_999_999 }))
    await letIn(ledger, digest(4), 'dev')
    expect((await ledger.verifyChain()).count).toBe(7)
    expect(fs.existsSync(`${ledger.file}.lock`)).toBe(false)
  })
})

describe('the file ledger: a writer that lost its lock', () => {
  it('refuses to append when another writer took its lock while it decided, and writes nothing', async () => {
    const { ledger, clock } = await threeDeployments()
    const before = fs.readFileSync(ledger.file)
    const theirs = lockOf('host-b')
    const attempt = ledger.record(
      'production',
      async () => {
        // Its lease ran out (a paused process, a slow signer) and another host broke in.
        fs.rmSync(`${ledger.file}.lock`)
        fs.writeFileSync(`${ledger.file}.lock`, theirs)
        return newRecord({ digest: digest(1), environment: 'production' })
      },
      NO_TIMEOUT
    )
    await expect(attempt).rejects.toThrow(SealError)
    await expect(attempt).rejects.toThrow(
      /^ledger: "file:.*": this process no longer holds the lock ".*": it is now held by process 4242 on "host-b" .* Nothing was written; run the step again\.$/
    )
    expect(fs.readFileSync(ledger.file)).toEqual(before)
    expect(fs.readFileSync(`${ledger.file}.lock`, 'utf8')).toBe(theirs)
    expect(
      await new FileLedger(ledger.file, 'ledger', { clock: clock.now }).verifyChain()
    ).toMatchObject({ count: 6, problems: [] })
  })

  it('says the ledger must be verified, and writes no checkpoint, when its lock was taken while it appended', async () => {
    const made = await threeDeployments()
    let checks = 0
    const file = made.ledger.file
    const ledger = new FileLedger(file, 'ledger', {
      clock: made.clock.now,
      signHead: async () => 'a signed checkpoint',
      lock: {
        // The check after the append finds the lock taken: as if the writer paused between its check and its write.
        onCheck: () => {
          checks += 1
          if (checks === 2) fs.writeFileSync(`${file}.lock`, lockOf('host-b'))
        }
      }
    })
    const attempt = letIn(ledger, digest(4), 'dev')
    await expect(attempt).rejects.toThrow(SealError)
    await expect(attempt).rejects.toThrow(
      /no longer holds the lock .* The records were appended while it did not hold it, so another writer may have appended at the same place: run "artifact-seal ledger verify --ledger file:.*" before promoting again/
    )
    expect(checks).toBe(2)
    expect(
      (await new FileLedger(file, 'ledger', { clock: made.clock.now }).verifyChain()).count
    ).toBe(7)
    expect(fs.existsSync(besideLedger(file).checkpoint)).toBe(false)
  })
})

describe('the file ledger: the gate reads and writes under one lock', () => {
  it('gives decide a view that no other writer changes before its record is appended', async () => {
    const { ledger, clock } = newLedger()
    // The race, forced: decide goes on only once the other writer has decided to veto and found the lock held.
    let otherWaits: () => void = () => undefined
    const otherWaiting = new Promise<void>((resolve) => (otherWaits = resolve))
    const other = new FileLedger(ledger.file, 'ledger', {
      clock: clock.now,
      lock: { waitMs: 60_000, onBusy: () => otherWaits() }
    })
    let sawVeto: boolean | null = null
    const racing: Promise<unknown>[] = []
    await ledger.record(
      'production',
      async (view) => {
        racing.push(veto(other, digest(1), 'staging'))
        // The veto has asked for the lock, and waits, before this decision reads the view.
        await otherWaiting
        sawVeto = (await view.veto(digest(1))) !== null
        return newRecord({ digest: digest(1), environment: 'production' })
      },
      NO_TIMEOUT
    )
    await Promise.all(racing)
    expect(sawVeto).toBe(false)
    const outcomes = (await collect(ledger.entries())).reverse().map((e) => e.outcome)
    expect(outcomes).toEqual(['pending', 'vetoed'])
  })
})
