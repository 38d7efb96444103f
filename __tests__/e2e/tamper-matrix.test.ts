import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'

const SITE = {
  'index.html': '<h1>shop</h1>\n',
  'assets/app.js': 'start()\n',
  'assets/app.css': 'body{}\n',
  'config/production.json': '{"debug":false}\n'
}

interface Sealed {
  readonly workspace: string
  readonly site: string
  readonly digest: string
  readonly checksums: string
  readonly statement: string
}

/** A build job's workspace with `site/` sealed by the bundled seal action. */
async function sealedSite(files: Record<string, string> = SITE): Promise<Sealed> {
  const workspace = writeTree(
    tempDir('workspace-'),
    Object.fromEntries(Object.entries(files).map(([p, c]) => [`site/${p}`, c]))
  )
  const seal = await runAction(SEAL, { 'subject-path': 'site' }, { workspace })
  expect(seal.code).toBe(0)
  return {
    workspace,
    site: path.join(workspace, 'site'),
    digest: seal.outputs.digest as string,
    checksums: seal.outputs['checksums-path'] as string,
    statement: seal.outputs['statement-path'] as string
  }
}

/**
 * Each way the bytes (or the evidence beside them) can be changed after sealing, and what
 * the refusal must name: the file that changed, or the listing or statement.
 */
const TAMPERS: [string, (s: Sealed) => Promise<void> | void, (s: Sealed) => string[]][] = [
  [
    'a byte flipped',
    (s) => {
      const file = path.join(s.site, 'index.html')
      const bytes = fs.readFileSync(file)
      bytes[3] = (bytes[3] as number) ^ 0x01
      fs.writeFileSync(file, bytes)
    },
    () => ['::error title=artifact-seal%3A changed file::index.html changed since it was sealed.']
  ],
  [
    'a file truncated',
    (s) => fs.truncateSync(path.join(s.site, 'assets/app.js'), 3),
    () => ['assets/app.js changed since it was sealed.']
  ],
  [
    'a file appended to',
    (s) => fs.appendFileSync(path.join(s.site, 'config/production.json'), ' '),
    () => ['config/production.json changed since it was sealed.']
  ],
  [
    'a file added',
    (s) => fs.writeFileSync(path.join(s.site, 'assets/evil.js'), 'evil()'),
    () => ['assets/evil.js was not sealed but is present.']
  ],
  [
    'a file removed',
    (s) => fs.rmSync(path.join(s.site, 'assets/app.css')),
    () => ['assets/app.css was sealed but is missing.']
  ],
  [
    'a file renamed',
    (s) => fs.renameSync(path.join(s.site, 'index.html'), path.join(s.site, 'home.html')),
    () => ['index.html was sealed but is missing.', 'home.html was not sealed but is present.']
  ],
  [
    'the tree swapped for one file holding its listing',
    (s) => {
      const listing = fs.readFileSync(s.checksums)
      fs.rmSync(s.site, { recursive: true })
      fs.writeFileSync(s.site, listing)
    },
    (s) => [
      `::error::subject-path: checksums-path "${s.checksums}" says ${s.digest} sealed a tree of 4 files; ` +
        '"site" is one file.'
    ]
  ],
  [
    'a file swapped for a directory',
    (s) => {
      const file = path.join(s.site, 'index.html')
      const bytes = fs.readFileSync(file)
      fs.rmSync(file)
      writeTree(s.site, { 'index.html/index.html': bytes })
    },
    () => [
      'index.html was sealed but is missing.',
      'index.html/index.html was not sealed but is present.'
    ]
  ],
  [
    "the listing swapped for another artifact's",
    async (s) => {
      const other = await sealedSite({ ...SITE, 'index.html': '<h1>other</h1>\n' })
      fs.copyFileSync(other.checksums, s.checksums)
    },
    (s) => [
      `::error::checksums-path: "${s.checksums}" is the listing of sha256:`,
      `not of the expected-digest ${s.digest}.`
    ]
  ],
  [
    'the statement edited to another digest',
    (s) => {
      const statement = JSON.parse(fs.readFileSync(s.statement, 'utf8'))
      statement.subject[0].digest = { sha256: 'f'.repeat(64), dirHash: 'f'.repeat(64) }
      fs.writeFileSync(s.statement, JSON.stringify(statement))
    },
    (s) => [
      `::error::checksums-path: the statement "${s.statement}" beside the listing does not describe the ` +
        `expected-digest ${s.digest}.`
    ]
  ]
]

describe('a sealed tree, changed after sealing: the bundled verify action refuses every change', () => {
  it.each(TAMPERS)('%s: exit code 1, named, never verified=true', async (_, tamper, named) => {
    const sealed = await sealedSite()
    await tamper(sealed)
    const run = await runAction(
      VERIFY,
      {
        'subject-path': 'site',
        'expected-digest': sealed.digest,
        'checksums-path': sealed.checksums
      },
      { workspace: sealed.workspace }
    )
    expect(run.code).toBe(1)
    for (const text of named(sealed)) expect(run.stdout).toContain(text)
    expect(run.outputs.verified).not.toBe('true')
    expect(run.outputs.path ?? '').toBe('')
  })

  it('the tree swapped for its listing is refused by expected-digest alone too', async () => {
    const sealed = await sealedSite()
    const listing = fs.readFileSync(sealed.checksums)
    fs.rmSync(sealed.site, { recursive: true })
    fs.writeFileSync(sealed.site, listing)
    const run = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': sealed.digest },
      { workspace: sealed.workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::subject-path: "site" is one file whose bytes are a checksums listing of 4 files`
    )
    expect(run.outputs).toEqual({})
  })
})
