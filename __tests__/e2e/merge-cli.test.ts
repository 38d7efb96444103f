import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import {
  removeAll,
  shellFileDigest,
  shellTreeDigest,
  tempDir,
  writeTree
} from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' }
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/**
 * A matrix build as the release job sees it: each leg sealed its output under the same
 * artifact name ("app") and uploaded its bundle; the release job downloaded them side by side.
 */
let cwd: string
const legDigests: Record<string, string> = {}

beforeAll(() => {
  cwd = writeTree(fs.realpathSync(tempDir('matrix-')), {
    'build/linux/bin/app': 'ELF',
    'build/linux/share/日本.txt': 'unicode',
    'build/linux/share/\u{1F600}.txt': 'above U+FFFF',
    'build/linux/empty': '',
    'build/windows/bin/app.exe': 'MZ',
    'build/windows/a-c': 'sorts before a/',
    'build/windows/a/b': 'nested',
    'build/tool/tool.tgz': 'one file'
  })
  for (const [leg, subject] of [
    ['linux', 'build/linux'],
    ['windows', 'build/windows'],
    ['tool', 'build/tool/tool.tgz']
  ] as const) {
    const run = cli(
      ['seal', subject, '--subject-name', 'app', '--out', `bundles/${leg}`, '--json'],
      cwd
    )
    expect(run).toMatchObject({ code: 0, stderr: '' })
    legDigests[leg] = JSON.parse(run.stdout).digest
  }
})

/** The tree the merged seal stands for: each leg's files under `<part>/`. */
function layOut(parts: Record<string, string>): string {
  const root = tempDir('laid-out-')
  for (const [name, from] of Object.entries(parts))
    fs.cpSync(path.join(cwd, from), path.join(root, name), { recursive: true })
  return root
}

describe('artifact-seal merge (the bundled CLI)', () => {
  it('merges the legs into one seal that sha256sum -c accepts in the laid-out tree', () => {
    const run = cli(
      [
        'merge',
        'linux=bundles/linux',
        'windows=bundles/windows/app.sha256',
        'tools=bundles/tool/',
        '--subject-name',
        'release',
        '--json'
      ],
      cwd
    )
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const result = JSON.parse(run.stdout)
    const root = layOut({ linux: 'build/linux', windows: 'build/windows', tools: 'build/tool' })
    expect(result).toMatchObject({ name: 'release', digest: shellTreeDigest(root), fileCount: 8 })
    expect(result.checksumsPath).toBe(path.join(cwd, '.seal', 'release', 'release.sha256'))
    expect(result.parts).toEqual([
      {
        name: 'linux',
        digest: legDigests.linux,
        kind: 'tree',
        fileCount: 4,
        checksumsPath: path.join(cwd, 'bundles/linux/app.sha256'),
        statementPath: path.join(cwd, 'bundles/linux/app.intoto.json')
      },
      {
        name: 'windows',
        digest: legDigests.windows,
        kind: 'tree',
        fileCount: 3,
        checksumsPath: path.join(cwd, 'bundles/windows/app.sha256'),
        statementPath: path.join(cwd, 'bundles/windows/app.intoto.json')
      },
      {
        name: 'tools',
        digest: legDigests.tool,
        kind: 'file',
        fileCount: 1,
        checksumsPath: path.join(cwd, 'bundles/tool/app.sha256'),
        statementPath: path.join(cwd, 'bundles/tool/app.intoto.json')
      }
    ])
    expect(legDigests.tool).toBe(shellFileDigest(path.join(cwd, 'build/tool/tool.tgz')))

    const check = spawnSync('sha256sum', ['--strict', '-c', result.checksumsPath], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(check.status).toBe(0)
    expect(check.stdout.split('\n').filter((l) => l.endsWith(': OK'))).toHaveLength(8)

    // Sealing the laid-out tree gives the same digest.
    expect(
      JSON.parse(
        cli(
          ['seal', '.', '--subject-name', 'release', '--out', path.join(tempDir(), 'b'), '--json'],
          root
        ).stdout
      ).digest
    ).toBe(result.digest)

    const statement = JSON.parse(fs.readFileSync(result.statementPath, 'utf8'))
    expect(statement.subject).toEqual([
      {
        name: 'release',
        digest: { sha256: result.digest.slice(7), dirHash: result.digest.slice(7) }
      }
    ])
    expect(
      statement.predicate.buildDefinition.resolvedDependencies.map(
        (d: { uri: string; digest: { sha256: string } }) => [d.uri, `sha256:${d.digest.sha256}`]
      )
    ).toEqual([
      ['artifact-seal:part/linux', legDigests.linux],
      ['artifact-seal:part/windows', legDigests.windows],
      ['artifact-seal:part/tools', legDigests.tool]
    ])
  })

  it('names parts after their listing files by default and prints a summary', () => {
    const dir = tempDir('named-')
    for (const leg of ['linux', 'windows', 'tool']) {
      fs.copyFileSync(path.join(cwd, `bundles/${leg}/app.sha256`), path.join(dir, `${leg}.sha256`))
      fs.copyFileSync(
        path.join(cwd, `bundles/${leg}/app.intoto.json`),
        path.join(dir, `${leg}.intoto.json`)
      )
    }
    const run = cli(
      [
        'merge',
        path.join(dir, 'linux.sha256'),
        path.join(dir, 'windows.sha256'),
        path.join(dir, 'tool.sha256'),
        '--subject-name',
        'release',
        '--out',
        'merged'
      ],
      cwd
    )
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const root = layOut({ linux: 'build/linux', windows: 'build/windows', tool: 'build/tool' })
    expect(run.stdout).toContain('Merged release from 3 parts\n')
    expect(run.stdout).toContain(`  digest     ${shellTreeDigest(root)}\n`)
    expect(run.stdout).toContain('  content    8 files\n')
    expect(run.stdout).toContain(`  listing    ${path.join(cwd, 'merged', 'release.sha256')}\n`)
    expect(run.stdout).toMatch(new RegExp(`\\n    linux +${legDigests.linux}  4 files\\n`))
    expect(run.stdout).toMatch(new RegExp(`\\n    windows +${legDigests.windows}  3 files\\n`))
    expect(run.stdout).toMatch(new RegExp(`\\n    tool +${legDigests.tool}  single file\\n`))
  })

  it('refuses a leg whose listing was changed after sealing, and writes nothing', () => {
    const dir = tempDir('tampered-')
    fs.cpSync(path.join(cwd, 'bundles/windows'), dir, { recursive: true })
    const listing = path.join(dir, 'app.sha256')
    fs.appendFileSync(listing, `${'0'.repeat(64)}  smuggled.dll\n`)
    const out = path.join(tempDir(), 'out')
    const run = cli(
      ['merge', 'linux=bundles/linux', `windows=${dir}`, '--subject-name', 'release', '--out', out],
      cwd
    )
    expect(run).toMatchObject({ code: 1, stdout: '' })
    expect(run.stderr).toContain(
      `artifact-seal: merge <part...>: the statement ${JSON.stringify(path.join(dir, 'app.intoto.json'))} ` +
        `seals ${legDigests.windows}, but the listing of part "windows"`
    )
    expect(run.stderr).toContain('give the listing and the statement one seal wrote together.')
    expect(fs.existsSync(out)).toBe(false)
  })

  it('explains every mistake in the arguments, naming the value and the fix', () => {
    const twoListings = writeTree(tempDir(), {
      'a.sha256': `${'0'.repeat(64)}  a\n`,
      'b.sha256': `${'1'.repeat(64)}  b\n`
    })
    const cases: [string[], string][] = [
      [['merge', 'bundles/linux'], 'artifact-seal: merge: --subject-name is required'],
      [
        ['merge', '--subject-name', 'r'],
        'artifact-seal: merge: give the seal bundle of each part to merge.'
      ],
      [
        ['merge', '..=bundles/linux', '--subject-name', 'r'],
        'the part name ".." is a relative directory. A part name is one directory name in the merged tree'
      ],
      [
        ['merge', '=bundles/linux', '--subject-name', 'r'],
        'merge <part...>: "=bundles/linux" has an empty name before "=".'
      ],
      [
        ['merge', 'linux=', '--subject-name', 'r'],
        'merge <part...>: "linux=" names no listing after "=".'
      ],
      [
        ['merge', 'bundles/linux', 'bundles/windows', '--subject-name', 'r'],
        'the part name "app" is given to both'
      ],
      [
        ['merge', `x=${twoListings}`, '--subject-name', 'r'],
        `the directory ${JSON.stringify(`x=${twoListings}`)} holds 2 listings ("a.sha256", "b.sha256"). Give ` +
          `the one to merge: "<name>=${path.join(twoListings, 'a.sha256')}".`
      ],
      [
        ['merge', 'build', '--subject-name', 'r'],
        'merge <part...>: the directory "build" holds no *.sha256 listing.'
      ],
      [
        ['merge', 'x=missing.sha256', '--subject-name', 'r'],
        `merge <part...>: cannot read the listing of part "x", ${JSON.stringify(path.join(cwd, 'missing.sha256'))}: it does not exist.`
      ],
      [['merge', 'bundles/linux', '--subject-name', 'r', '--out', ''], '--out: "" is empty.'],
      [
        ['merge', 'bundles/linux', '--subject-name', 'r', '--bogus'],
        "artifact-seal: merge: Unknown option '--bogus'."
      ]
    ]
    for (const [args, message] of cases) {
      const run = cli(args, cwd)
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' })
      expect(run.stderr).toContain(message)
    }
  })

  it('has --help and is listed in the usage', () => {
    const help = cli(['merge', '--help'], cwd)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: artifact-seal merge <part\.\.\.> --subject-name NAME/)
    expect(cli(['--help'], cwd).stdout).toContain('  merge <part...>         merge the seals')
  })
})
