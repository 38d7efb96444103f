import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function cli(args: string[], cwd: string): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Stdout is one JSON document and nothing else: JSON.parse takes all of it. */
function onlyJson(run: Run): unknown {
  let parsed: unknown
  expect(() => (parsed = JSON.parse(run.stdout))).not.toThrow()
  expect(run.stdout.trim().startsWith('{') || run.stdout.trim().startsWith('[')).toBe(true)
  return parsed
}

const OPENAPI = (required: string) =>
  'openapi: 3.1.0\ninfo: { title: shop, version: 1.0.0 }\npaths:\n  /orders:\n    get:\n      ' +
  `responses:\n        '200':\n          description: ok\n          content: { ` +
  `application/json: { schema: { type: object, required: [${required}], ` +
  'properties: { id: { type: string }, total: { type: number } } } } }\n'

let cwd: string
let digest: string
let listing: string
let otherListing: string

beforeAll(() => {
  cwd = writeTree(tempDir('cli-json-'), {
    'build/a.txt': 'a',
    'build/b.txt': 'b',
    'other/a.txt': 'A',
    'api/v1.yaml': OPENAPI('id, total'),
    'api/v2.yaml': OPENAPI('id'),
    '.github/promotion.yml': 'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n'
  })
  const sealed = onlyJson(cli(['seal', 'build', '--json', '--out', 'bundle'], cwd)) as {
    digest: string
    checksumsPath: string
  }
  digest = sealed.digest
  listing = sealed.checksumsPath
  otherListing = (
    onlyJson(cli(['seal', 'other', '--json', '--out', 'other-bundle'], cwd)) as {
      checksumsPath: string
    }
  ).checksumsPath
  expect(cli(['ledger', 'init'], cwd).code).toBe(0)
})

describe('--json: every command writes exactly one JSON document on stdout, and nothing else', () => {
  it('on success (and on an answer that is no, such as files that differ or a refusal)', () => {
    const cases: [string[], number, (json: never) => void][] = [
      [
        ['seal', 'build', '--json', '--out', 'bundle-2'],
        0,
        (j: { digest: string }) => expect(j.digest).toBe(digest)
      ],
      [
        ['verify', 'build', '--digest', digest, '--checksums', listing, '--json'],
        0,
        (j: { verified: boolean }) => expect(j.verified).toBe(true)
      ],
      [
        ['verify', 'other', '--digest', digest, '--json'],
        1,
        (j: { verified: boolean }) => expect(j.verified).toBe(false)
      ],
      [
        ['diff', listing, otherListing, '--json'],
        1,
        (j: { equal: boolean }) => expect(j.equal).toBe(false)
      ],
      [
        ['merge', `one=${listing}`, `two=${otherListing}`, '--subject-name', 'release', '--json'],
        0,
        (j: { parts: unknown[] }) => expect(j.parts).toHaveLength(2)
      ],
      [
        ['promote', digest, '--environment', 'prod', '--path', 'build', '--json'],
        1,
        (j: { allowed: boolean; record: { outcome: string } }) =>
          expect(j).toMatchObject({ allowed: false, record: { outcome: 'refused' } })
      ],
      [
        ['promote', digest, '--environment', 'dev', '--path', 'build', '--json'],
        0,
        (j: { allowed: boolean; record: { outcome: string } }) =>
          expect(j).toMatchObject({ allowed: true, record: { outcome: 'pending' } })
      ],
      [['history', '--json'], 0, (j: unknown[]) => expect(j.length).toBeGreaterThan(0)],
      [
        ['status', '--json'],
        0,
        (j: { environment: string }[]) =>
          expect(j.map((s) => s.environment)).toEqual(['dev', 'prod'])
      ],
      [
        ['contract', 'diff', 'api/v1.yaml', 'api/v2.yaml', '--json'],
        1,
        (j: { changes: unknown[] }) => expect(j.changes.length).toBeGreaterThan(0)
      ],
      [['contract', 'history', '--json'], 0, (j: unknown[]) => expect(Array.isArray(j)).toBe(true)]
    ]
    for (const [args, code, check] of cases) {
      const run = cli(args, cwd)
      expect({ args, code: run.code }).toEqual({ args, code })
      check(onlyJson(run) as never)
    }
  })

  it(
    "promote with a deploy command: the command's output and the pending and confirmation lines go to stderr, " +
      'the result (with its resolution) to stdout',
    () => {
      const run = cli(
        [
          'promote',
          digest,
          '--environment',
          'dev',
          '--path',
          'build',
          '--json',
          '--',
          'sh',
          '-c',
          'echo deploying; echo warn >&2'
        ],
        cwd
      )
      expect(run.code).toBe(0)
      const json = onlyJson(run) as {
        allowed: boolean
        record: { id: string; outcome: string }
        resolution: { outcome: string; resolves: string }
      }
      expect(json).toMatchObject({
        allowed: true,
        record: { outcome: 'pending' },
        resolution: { outcome: 'deployed', resolves: json.record.id }
      })
      expect(run.stderr).toContain('deploying\n')
      expect(run.stderr).toContain('warn\n')
      expect(run.stderr).toMatch(/deployed to dev: live there from/)

      const failed = cli(
        [
          'promote',
          digest,
          '--environment',
          'dev',
          '--path',
          'build',
          '--json',
          '--',
          'sh',
          '-c',
          'echo half-done; exit 4'
        ],
        cwd
      )
      expect(failed.code).toBe(4)
      expect(onlyJson(failed)).toMatchObject({
        allowed: true,
        record: { outcome: 'pending' },
        resolution: { outcome: 'failed', reason: expect.stringContaining('exited 4') }
      })
      expect(failed.stderr).toContain('half-done\n')
    }
  )

  it(
    'on errors: {"error": {"code", "message"}} with the SealError\'s code, the message on stderr too, and the ' +
      'exit code of that code',
    () => {
      const cases: [string[], string, number, string][] = [
        [['seal', 'missing', '--json'], 'bad-input', 2, 'nothing matches "missing"'],
        [['seal', 'build', '--json', '--bogus'], 'usage', 2, "Unknown option '--bogus'"],
        [['verify', 'build', '--digest', 'sha256:nope', '--json'], 'bad-input', 2, 'sha256:nope'],
        [['diff', listing, '--json'], 'usage', 2, 'expected two listings, got 1'],
        [['merge', `one=${listing}`, '--json'], 'usage', 2, '--subject-name is required'],
        [
          ['promote', 'sha256:nope', '--environment', 'dev', '--json'],
          'bad-input',
          2,
          'sha256:nope'
        ],
        [
          ['promote', digest, '--environment', 'dev', '--json', '--path'],
          'usage',
          2,
          "Option '--path <value>' argument missing"
        ],
        [
          ['history', '--limit', '0', '--json'],
          'bad-input',
          2,
          '--limit: "0" is not a positive whole number'
        ],
        [['status', '--policy', 'missing.yml', '--json'], 'unreadable', 2, 'missing.yml'],
        [
          ['contract', 'diff', 'api/none.yaml', 'api/v2.yaml', '--json'],
          'unreadable',
          2,
          'cannot read'
        ],
        [
          ['contract', 'history', '--json', '--ledger', 'file:none.jsonl'],
          'unreadable',
          2,
          'does not exist'
        ],
        [['confirm', 'no-such-record', '--json'], 'bad-input', 2, 'no-such-record'],
        [
          ['veto', digest, '--environment', 'dev', '--json'],
          'usage',
          2,
          '--reason and --environment are required'
        ],
        [['ledger', 'verify', '--head', 'nope', '--json'], 'bad-input', 2, '--head: "nope"'],
        [['verify-record', 'no-such-record', '--json'], 'bad-input', 2, 'no-such-record'],
        [
          ['contract', 'approve', digest, '--json'],
          'usage',
          2,
          '--environment and --reason are required'
        ],
        [['frobnicate', '--json'], 'usage', 2, 'unknown command "frobnicate"']
      ]
      for (const [args, code, exit, message] of cases) {
        const run = cli(args, cwd)
        expect({ args, exit: run.code }).toEqual({ args, exit })
        const json = onlyJson(run) as { error: { code: string; message: string } }
        expect(Object.keys(json)).toEqual(['error'])
        expect(Object.keys(json.error).sort()).toEqual(['code', 'message'])
        expect({ args, code: json.error.code }).toEqual({ args, code })
        expect(json.error.message).toContain(message)
        expect(run.stderr).toContain(message)
      }
    }
  )

  it('files that differ, with --checksums: exit 1, and each file in the result', () => {
    const run = cli(['verify', 'other', '--digest', digest, '--checksums', listing, '--json'], cwd)
    expect(run.code).toBe(1)
    expect(onlyJson(run)).toMatchObject({
      verified: false,
      mismatches: expect.arrayContaining([
        expect.objectContaining({ path: 'a.txt', kind: 'changed' })
      ])
    })
  })
})

describe('--json: the commands that write records or check the ledger print theirs', () => {
  it('veto, confirm, contract approve, ledger init/verify/abandon-stale and verify-record', () => {
    const ws = writeTree(tempDir('cli-json-records-'), {
      'build/a.txt': 'a',
      '.github/promotion.yml': 'environments:\n  dev: {}\n'
    })
    const sealed = onlyJson(cli(['seal', 'build', '--json', '--out', 'bundle'], ws)) as {
      digest: string
    }
    const init = cli(['ledger', 'init', '--json'], ws)
    expect(init.code).toBe(0)
    const created = onlyJson(init) as { location: string; ledger: string; head: string }
    expect(created).toEqual({
      location: expect.stringContaining('ledger.jsonl'),
      ledger: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      head: `1:${created.ledger}`
    })

    const promoted = onlyJson(
      cli(['promote', sealed.digest, '--environment', 'dev', '--path', 'build', '--json'], ws)
    ) as { record: { id: string } }
    const confirm = cli(['confirm', promoted.record.id, '--json'], ws)
    expect(confirm.code).toBe(0)
    expect(onlyJson(confirm)).toMatchObject({
      record: { outcome: 'deployed', resolves: promoted.record.id }
    })

    const other = `sha256:${'1'.repeat(64)}`
    const veto = cli(['veto', other, '--environment', 'dev', '--reason', 'broken', '--json'], ws)
    expect(veto.code).toBe(0)
    expect(onlyJson(veto)).toMatchObject({
      record: { outcome: 'vetoed', digest: other, reason: 'broken' }
    })

    const verified = cli(['ledger', 'verify', '--json'], ws)
    expect(verified.code).toBe(0)
    expect(onlyJson(verified)).toMatchObject({
      intact: true,
      signed: false,
      count: 3,
      ledger: created.ledger,
      head: expect.stringMatching(/^4:sha256:/),
      problems: []
    })

    const abandoned = cli(['ledger', 'abandon-stale', '--environment', 'dev', '--json'], ws)
    expect(abandoned.code).toBe(0)
    expect(onlyJson(abandoned)).toEqual({ abandoned: [] })

    const unsigned = cli(['verify-record', promoted.record.id, '--json'], ws)
    expect(unsigned.code).toBe(1)
    expect(onlyJson(unsigned)).toMatchObject({
      verified: false,
      record: { id: promoted.record.id },
      reason: expect.any(String)
    })

    // A broken chain: exit 1, and the line that broke in the document.
    const file = path.join(ws, '.artifact-seal/ledger.jsonl')
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines[1] = (lines[1] as string).replace('"dev"', '"prod"')
    fs.writeFileSync(file, lines.join('\n'))
    const broken = cli(['ledger', 'verify', '--json'], ws)
    expect(broken.code).toBe(1)
    expect(onlyJson(broken)).toMatchObject({
      intact: false,
      problems: [
        expect.objectContaining({
          line: 3,
          problem: expect.stringContaining('does not follow line 2')
        }),
        expect.objectContaining({ line: 3 })
      ]
    })
  })
})
