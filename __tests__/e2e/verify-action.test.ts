import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { VerifyInput, VerifyOutput } from '../../src/app/settings/names.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import {
  removeAll,
  shellFileDigest,
  shellTreeDigest,
  tempDir,
  writeTree
} from '../helpers/trees.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'

/** A build job's workspace, sealed by the bundled seal action. */
async function sealedBuild(
  files: Record<string, string>
): Promise<{ workspace: string; digest: string; checksums: string }> {
  const workspace = writeTree(
    tempDir('workspace-'),
    Object.fromEntries(Object.entries(files).map(([p, c]) => [`site/${p}`, c]))
  )
  const seal = await runAction(SEAL, { 'subject-path': 'site' }, { workspace })
  expect(seal.code).toBe(0)
  return {
    workspace,
    digest: seal.outputs.digest as string,
    checksums: seal.outputs['checksums-path'] as string
  }
}

const FILES = Object.fromEntries(
  Array.from({ length: 14 }, (_, i) => [`page-${String(i).padStart(2, '0')}.html`, `<p>${i}</p>`])
)

describe('the bundled verify action, run as a runner runs it', () => {
  it('runs on node24 from dist and declares every input and output the code reads and sets', () => {
    const action = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'verify', 'action.yml'), 'utf8'))
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/verify/index.js' })
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(VerifyInput).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(VerifyOutput).sort())
  })

  it('passes the sealed bytes, with the digest as bare hex too', async () => {
    const { workspace, digest, checksums } = await sealedBuild(FILES)
    for (const expected of [digest, digest.slice('sha256:'.length)]) {
      const run = await runAction(
        VERIFY,
        { 'subject-path': 'site', 'expected-digest': expected, 'checksums-path': checksums },
        { workspace }
      )
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.outputs).toEqual({
        verified: 'true',
        digest,
        mismatches: '[]',
        path: path.join(workspace, 'site'),
        signer: '',
        'image-ref': ''
      })
      expect(run.summary).toContain('### ✅ Verified `site`')
    }
  })

  it('fails naming every changed, missing and added file: annotations capped, the summary lists all', async () => {
    const { workspace, digest, checksums } = await sealedBuild(FILES)
    const site = path.join(workspace, 'site')
    for (let i = 0; i < 11; i++)
      fs.appendFileSync(path.join(site, `page-${String(i).padStart(2, '0')}.html`), ' ')
    fs.rmSync(path.join(site, 'page-12.html'))
    fs.writeFileSync(path.join(site, 'zz-extra.js'), 'evil()')
    const run = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': digest, 'checksums-path': checksums },
      { workspace }
    )
    expect(run.code).toBe(1)
    const now = shellTreeDigest(site)
    expect(run.outputs.verified).toBe('false')
    expect(run.outputs.digest).toBe(now)
    const mismatches = JSON.parse(run.outputs.mismatches as string)
    expect(mismatches).toHaveLength(13)
    expect(mismatches[0]).toEqual({
      path: 'page-00.html',
      expected: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      actual: expect.stringMatching(/^sha256:/),
      kind: 'changed'
    })
    expect(mismatches.slice(-2)).toEqual([
      {
        path: 'page-12.html',
        expected: expect.stringMatching(/^sha256:/),
        actual: null,
        kind: 'missing'
      },
      {
        path: 'zz-extra.js',
        expected: null,
        actual: expect.stringMatching(/^sha256:/),
        kind: 'added'
      }
    ])
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(annotations).toHaveLength(11)
    expect(annotations[0]).toBe(
      '::error title=artifact-seal%3A changed file::page-00.html changed since it was sealed.'
    )
    expect(annotations[9]).toContain('4 more files differ from the seal (page-09.html and others)')
    expect(annotations[10]).toContain(
      `::error::site is ${now}, not the sealed ${digest}. 13 file(s) differ from the seal.`
    )
    expect(run.summary).toContain('| `page-12.html` | missing |')
    expect(run.summary).toContain('| `zz-extra.js` | added |')
  })

  it("catches a listing swapped for another artifact's: bad input, no outputs", async () => {
    const { workspace, digest } = await sealedBuild({ 'a.txt': 'a' })
    const other = await sealedBuild({ 'a.txt': 'b' })
    const run = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': digest, 'checksums-path': other.checksums },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::checksums-path: "${other.checksums}" is the listing of ${other.digest}, not of the ` +
        `expected-digest ${digest}.`
    )
    expect(run.outputs).toEqual({})
  })

  it('refuses a malformed digest naming the input, the value and the fix', async () => {
    const { workspace } = await sealedBuild({ 'a.txt': 'a' })
    const run = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': 'sha256:abc' },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::expected-digest: "sha256:abc" is not a sha256 digest. Give "sha256:" followed by 64 hex characters'
    )
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.outputs).toEqual({})
  })
})

describe("the kind of subject: a tree's digest never verifies one file, a file's never a tree", () => {
  /**
   * The attack: the sealed directory replaced by one file whose bytes are its (public) listing, so
   * sha256(file) is the tree's digest.
   */
  async function listingAsFile(): Promise<{
    workspace: string
    digest: string
    checksums: string
  }> {
    const build = await sealedBuild(FILES)
    const site = path.join(build.workspace, 'site')
    const listing = fs.readFileSync(build.checksums)
    fs.rmSync(site, { recursive: true })
    fs.writeFileSync(site, listing)
    expect(shellFileDigest(site)).toBe(build.digest)
    return build
  }

  it('refuses the listing-as-file with checksums-path: the listing says a tree of 14 files was sealed', async () => {
    const { workspace, digest, checksums } = await listingAsFile()
    const run = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': digest, 'checksums-path': checksums },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::subject-path: checksums-path "${checksums}" says ${digest} sealed a tree of 14 files; "site" ` +
        'is one file.'
    )
    expect(run.outputs).toEqual({})
  })

  it("refuses it with expected-digest alone, naming the file and asking for the seal's listing", async () => {
    const { workspace, digest } = await listingAsFile()
    const run = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': digest },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::subject-path: "site" is one file whose bytes are a checksums listing of 14 files, so its ' +
        `sha256 ${digest} is also the digest of the tree it lists`
    )
    expect(run.stdout).toContain("Give checksums-path (the seal's listing)")
    expect(run.outputs).toEqual({})
  })

  it(
    'refuses it with a forged one-line listing that says "one file", and when the seal\'s statement beside ' +
      'that listing says tree',
    async () => {
      const { workspace, digest, checksums } = await listingAsFile()
      const forged = path.join(workspace, 'forged', 'site.sha256')
      fs.mkdirSync(path.dirname(forged))
      fs.writeFileSync(forged, `${digest.slice('sha256:'.length)}  site\n`)
      const alone = await runAction(
        VERIFY,
        { 'subject-path': 'site', 'expected-digest': digest, 'checksums-path': forged },
        { workspace }
      )
      expect(alone.code).toBe(1)
      expect(alone.stdout).toContain(
        `A seal never seals a listing as one file, so checksums-path "${forged}" does not come from a seal of ` +
          'these bytes.'
      )
      expect(alone.outputs).toEqual({})

      fs.copyFileSync(
        checksums.replace(/\.sha256$/, '.intoto.json'),
        forged.replace(/\.sha256$/, '.intoto.json')
      )
      const withStatement = await runAction(
        VERIFY,
        { 'subject-path': 'site', 'expected-digest': digest, 'checksums-path': forged },
        { workspace }
      )
      expect(withStatement.code).toBe(1)
      expect(withStatement.stdout).toContain(
        `::error::checksums-path: the statement "${forged.replace(/\.sha256$/, '.intoto.json')}" records ${digest} as a tree, but checksums-path "${forged}" records it as one file.`
      )
      expect(withStatement.outputs).toEqual({})
    }
  )

  it('refuses a directory where one file was sealed, and puts out the file itself for a file seal', async () => {
    const workspace = writeTree(tempDir('workspace-'), { 'out/app.tgz': 'tarball' })
    const seal = await runAction(SEAL, { 'subject-path': 'out/app.tgz' }, { workspace })
    expect(seal.code).toBe(0)
    const inputs = {
      'subject-path': 'out/app.tgz',
      'expected-digest': seal.outputs.digest as string,
      'checksums-path': seal.outputs['checksums-path'] as string
    }
    const good = await runAction(VERIFY, inputs, { workspace })
    expect(good.outputs).toMatchObject({
      verified: 'true',
      path: path.join(workspace, 'out', 'app.tgz')
    })

    fs.rmSync(path.join(workspace, 'out/app.tgz'))
    writeTree(workspace, { 'out/app.tgz/app.tgz': 'tarball' })
    const run = await runAction(VERIFY, inputs, { workspace })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `sealed one file; "out/app.tgz" is a tree of 1 file. Give the sealed file itself.`
    )
    expect(run.outputs).toEqual({})
  })
})

describe('the path output: exactly the verified files', () => {
  it(
    'a glob seal hands out a fresh directory holding only the matched files, never the directory with others ' +
      'beside them',
    async () => {
      const workspace = writeTree(tempDir('workspace-'), {
        'app/a.js': 'a()',
        'app/lib/b.js': 'b()',
        'app/README.md': 'not sealed',
        'app/.env': 'SECRET=1'
      })
      const seal = await runAction(SEAL, { 'subject-path': 'app/**/*.js' }, { workspace })
      expect(seal.code).toBe(0)
      const run = await runAction(
        VERIFY,
        {
          'subject-path': 'app/**/*.js',
          'expected-digest': seal.outputs.digest as string,
          'checksums-path': seal.outputs['checksums-path'] as string
        },
        { workspace }
      )
      expect(run.code).toBe(0)
      const handed = run.outputs.path as string
      expect(handed.startsWith(path.join(run.temp, 'artifact-seal'))).toBe(true)
      expect(fs.readdirSync(handed, { recursive: true }).map(String).sort()).toEqual([
        'a.js',
        'lib',
        'lib/b.js'
      ])
      expect(shellTreeDigest(handed)).toBe(seal.outputs.digest)
    }
  )

  it(
    'a directory seal with an exclusion hands out copies without the excluded files; a glob matching the ' +
      'whole directory hands it out as is',
    async () => {
      const workspace = writeTree(tempDir('workspace-'), {
        'site/index.html': 'i',
        'site/app.js.map': 'm'
      })
      const excluded = await runAction(SEAL, { 'subject-path': 'site\n!site/*.map' }, { workspace })
      const run = await runAction(
        VERIFY,
        {
          'subject-path': 'site\n!site/*.map',
          'expected-digest': excluded.outputs.digest as string
        },
        { workspace }
      )
      expect(run.code).toBe(0)
      expect(run.outputs.path).not.toBe(path.join(workspace, 'site'))
      expect(fs.readdirSync(run.outputs.path as string)).toEqual(['index.html'])

      const whole = await runAction(SEAL, { 'subject-path': 'site/*' }, { workspace })
      const asIs = await runAction(
        VERIFY,
        { 'subject-path': 'site/*', 'expected-digest': whole.outputs.digest as string },
        { workspace }
      )
      expect(asIs.outputs).toMatchObject({ verified: 'true', path: path.join(workspace, 'site') })
    }
  )
})
