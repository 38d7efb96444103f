import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

/**
 * The Node.js binaries the npm registry gave us: `node` (24, what the actions run on and
 * what npm scripts run) and `node22` (npm:node@^22, the oldest LTS line the CLI serves).
 */
const NODES = [
  { name: 'Node 22', major: 22, binary: path.join(PROJECT_ROOT, 'node_modules/node22/bin/node') },
  { name: 'Node 24', major: 24, binary: path.join(PROJECT_ROOT, 'node_modules/node/bin/node') }
] as const

const FILE_COUNT = 100_000

function run(
  binary: string,
  args: string[],
  cwd: string
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(binary, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let bigTree: string
let bigDigest: string

beforeAll(() => {
  // 100,000 tiny files in 100 directories, made once for every Node version below.
  bigTree = path.join(tempDir('artifact-seal-100k-'), 'big')
  for (let d = 0; d < 100; d++) {
    const dir = path.join(bigTree, `d${String(d).padStart(2, '0')}`)
    fs.mkdirSync(dir, { recursive: true })
    for (let f = 0; f < FILE_COUNT / 100; f++)
      fs.writeFileSync(path.join(dir, `f${f}.txt`), `${d}/${f}\n`)
  }
  // The independent oracle: find | LC_ALL=C sort | xargs sha256sum | sha256sum.
  bigDigest = shellTreeDigest(bigTree)
}, 300_000)

describe('the npm scripts and tests run on the Node 24 of the `node` devDependency', () => {
  it('is Node 24 (another major here means node_modules/.bin/node was relinked: run npm ci)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24)
  })
})

describe.each(NODES)('the bundled CLI on $name', ({ major, binary }) => {
  it('is the Node version it says', () => {
    expect(fs.existsSync(binary)).toBe(true)
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim()
    expect(version).toMatch(new RegExp(`^v${major}\\.`))
  })

  it('prints its version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
    expect(run(binary, ['--version'], PROJECT_ROOT)).toEqual({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: ''
    })
  })

  it('seals a small tree and verifies it, naming a changed file', () => {
    const cwd = writeTree(tempDir(), {
      'build/index.html': '<p>hi</p>',
      'build/assets/app.js': 'console.log(1)\n',
      'build/read me.txt': 'x'
    })
    const seal = run(binary, ['seal', 'build', '--json'], cwd)
    expect(seal.stderr).toBe('')
    expect(seal.code).toBe(0)
    const sealed = JSON.parse(seal.stdout)
    expect(sealed).toMatchObject({ digest: shellTreeDigest(path.join(cwd, 'build')), fileCount: 3 })

    const verify = run(
      binary,
      ['verify', 'build', '--digest', sealed.digest, '--checksums', sealed.checksumsPath],
      cwd
    )
    expect(verify.code).toBe(0)
    fs.writeFileSync(path.join(cwd, 'build/assets/app.js'), 'console.log(2)\n')
    const changed = run(
      binary,
      ['verify', 'build', '--digest', sealed.digest, '--checksums', sealed.checksumsPath],
      cwd
    )
    expect(changed.code).toBe(1)
    expect(changed.stdout + changed.stderr).toContain('assets/app.js')
  })

  it('seals 100,000 files to the digest sha256sum gives', () => {
    const seal = run(
      binary,
      ['seal', bigTree, '--json', '--out', path.join(path.dirname(bigTree), `seal-${major}`)],
      path.dirname(bigTree)
    )
    expect(seal.code).toBe(0)
    const sealed = JSON.parse(seal.stdout)
    expect(sealed.fileCount).toBe(FILE_COUNT)
    expect(sealed.digest).toBe(bigDigest)
  }, 300_000)
})

describe('both Node versions agree', () => {
  it('wrote the same 100,000-line listing on Node 22 and Node 24', () => {
    const listing = (major: number) =>
      fs.readFileSync(path.join(path.dirname(bigTree), `seal-${major}`, 'big.sha256'))
    const on22 = listing(22)
    expect(on22.equals(listing(24))).toBe(true)
    expect(on22.toString('utf8').split('\n')).toHaveLength(FILE_COUNT + 1)
  })
})

/** The Node that runs npm on this machine (20) is too old: the CLI says so before loading anything else. */
const systemNode = '/usr/bin/node'
const systemMajor = fs.existsSync(systemNode)
  ? Number(
      spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], {
        encoding: 'utf8'
      }).stdout.trim()
    )
  : NaN
const olderNode = Number.isInteger(systemMajor) && systemMajor < 22

describe('an older Node.js', () => {
  ;(olderNode ? it : it.skip)(
    `${systemNode} (v${systemMajor}) is refused with the version and how to get a newer one`,
    () => {
      const version = spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
      for (const args of [['--version'], ['seal', '.']]) {
        const result = spawnSync(systemNode, [CLI, ...args], { cwd: tempDir(), encoding: 'utf8' })
        expect(result.status).toBe(2)
        expect(result.stdout).toBe('')
        expect(result.stderr).toBe(
          `artifact-seal needs Node.js 22 or later; this is "${version}". Install Node.js 22 LTS or 24 (from ` +
            'https://nodejs.org, or "nvm install 22"), then run artifact-seal again.\n'
        )
      }
    }
  )

  ;(olderNode ? it : it.skip)(
    `${systemNode} with --json: the refusal is the one JSON document on stdout`,
    () => {
      const result = spawnSync(systemNode, [CLI, 'seal', '.', '--json'], {
        cwd: tempDir(),
        encoding: 'utf8'
      })
      expect(result.status).toBe(2)
      expect(JSON.parse(result.stdout)).toEqual({
        error: {
          code: 'bad-input',
          message: expect.stringContaining('artifact-seal needs Node.js 22 or later')
        }
      })
    }
  )
})

describe('nodeVersionProblem', () => {
  it('accepts 22 and later, and names the version it refuses', async () => {
    const { nodeVersionProblem } = await import('../../src/cli/node-version.js')
    expect(nodeVersionProblem('22.0.0')).toBeNull()
    expect(nodeVersionProblem('24.21.0')).toBeNull()
    expect(nodeVersionProblem('30.1.2')).toBeNull()
    expect(nodeVersionProblem('20.20.2')).toContain(
      'this is "v20.20.2". Install Node.js 22 LTS or 24'
    )
    expect(nodeVersionProblem('v18.0.0')).toContain('this is "v18.0.0"')
    expect(nodeVersionProblem('nonsense')).toContain('needs Node.js 22 or later')
  })
})
