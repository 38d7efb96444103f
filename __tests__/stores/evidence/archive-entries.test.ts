import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as zlib from 'node:zlib'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { digestOfListing, formatListing } from '../../../src/core/listing.js'
import { nameProblem } from '../../../src/stores/evidence/archive-entry.js'
import { unpackArtifact } from '../../../src/stores/evidence/artifact-unpack.js'
import { unpackCacheArchive } from '../../../src/stores/evidence/cache-restore.js'
import { UnreadableZipError } from '../../../src/stores/evidence/zip-reader.js'
import { type TarEntrySpec, writeCacheArchive, writeTar } from '../../hosts/results/tar.js'
import { type ZipEntrySpec, writeZipEntries } from '../../hosts/results/zip.js'
import { removeAll, shellTreeDigest, tempDir } from '../../helpers/trees.js'

afterAll(() => removeAll())

/**
 * The tamper matrix of archive entries: every entry a seal never writes, in a cache
 * entry's tar and in a workflow artifact's zip, is refused before anything is extracted,
 * and nothing is ever written outside the private directory. The archives are written by
 * the test's own writers (any name, any type), read by the project's readers.
 */

const FILES: Record<string, string> = { 'a/one.txt': 'one\n', 'two.txt': 'two\n' }
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const LISTING = formatListing(Object.entries(FILES).map(([p, c]) => ({ path: p, hex: sha256(c) })))
const DIGEST = digestOfListing(LISTING) as Digest
const PREFIX = '../runner-temp/artifact-seal-cache-v3'

/** A private directory inside a sandbox, and a way to see everything the sandbox holds. */
function sandbox(): { root: string; priv: string; everything: () => string[] } {
  const root = tempDir('sandbox-')
  const priv = path.join(root, 'priv')
  fs.mkdirSync(priv, { mode: 0o700 })
  const everything = (): string[] =>
    (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .map(
        (e) =>
          `${path.relative(root, path.join(e.parentPath, e.name))}${e.isDirectory() ? '/' : e.isSymbolicLink() ? '@' : ''}`
      )
      .sort()
  return { root, priv, everything }
}

function honestTar(): TarEntrySpec[] {
  return [
    { name: `${PREFIX}/`, type: 'directory' },
    { name: `${PREFIX}/seal/`, type: 'directory' },
    { name: `${PREFIX}/seal/shop.sha256`, content: Buffer.from(LISTING) },
    { name: `${PREFIX}/files/`, type: 'directory' },
    { name: `${PREFIX}/files/a/`, type: 'directory' },
    { name: `${PREFIX}/files/a/one.txt`, content: Buffer.from(FILES['a/one.txt'] as string) },
    {
      name: `${PREFIX}/files/two.txt`,
      content: Buffer.from(FILES['two.txt'] as string),
      mode: 0o755
    }
  ]
}

async function unpackTar(entries: readonly TarEntrySpec[] | Buffer, box = sandbox()) {
  const archive = path.join(box.priv, 'cache-archive')
  fs.writeFileSync(archive, Buffer.isBuffer(entries) ? entries : writeCacheArchive(entries, 'zstd'))
  const before = box.everything()
  const result = await unpackCacheArchive(archive, box.priv, PREFIX, DIGEST)
  return { result, box, before }
}

function honestZip(): ZipEntrySpec[] {
  return [
    { name: 'seal/shop.sha256', content: Buffer.from(LISTING) },
    { name: 'seal/shop.intoto.json', content: Buffer.from('{}') },
    { name: 'files/a/one.txt', content: Buffer.from(FILES['a/one.txt'] as string) },
    { name: 'files/two.txt', content: Buffer.from(FILES['two.txt'] as string) }
  ]
}

async function unpackZip(
  entries: readonly ZipEntrySpec[] | Buffer,
  box = sandbox()
): Promise<{ outcome: unknown; box: ReturnType<typeof sandbox> }> {
  const zip = path.join(box.root, 'artifact.zip')
  fs.writeFileSync(zip, Buffer.isBuffer(entries) ? entries : writeZipEntries(entries))
  try {
    return {
      outcome: await unpackArtifact(zip, box.priv, {
        label: 'the artifact "shop-sealed"',
        name: 'shop-sealed',
        inputName: 'artifact-name'
      }),
      box
    }
  } catch (error) {
    return { outcome: error, box }
  }
}

describe('the honest archives', () => {
  it('a cache entry as a seal saves it is extracted, executable bits kept, the archive deleted', async () => {
    const { result, box } = await unpackTar(honestTar())
    expect(result).toMatchObject({
      kind: 'restored',
      digestKind: 'tree',
      filesDir: path.join(box.priv, 'files')
    })
    expect(box.everything()).toEqual([
      'priv/',
      'priv/files/',
      'priv/files/a/',
      'priv/files/a/one.txt',
      'priv/files/two.txt',
      'priv/seal/',
      'priv/seal/shop.sha256'
    ])
    expect(shellTreeDigest(path.join(box.priv, 'files'))).toBe(DIGEST)
    expect(fs.statSync(path.join(box.priv, 'files/two.txt')).mode & 0o777).toBe(0o755)
    expect(fs.statSync(path.join(box.priv, 'files/a/one.txt')).mode & 0o777).toBe(0o644)
  })

  it('a workflow artifact as a seal uploads it is extracted', async () => {
    const { outcome, box } = await unpackZip(honestZip())
    expect(outcome).toEqual({
      checksumsPath: path.join(box.priv, 'seal/shop.sha256'),
      statementPath: path.join(box.priv, 'seal/shop.intoto.json'),
      hasFiles: true
    })
    expect(shellTreeDigest(path.join(box.priv, 'files'))).toBe(DIGEST)
  })
})

/** One hostile change to the honest entries, the reason it is refused for, and the entry named. */
type TarRow = readonly [
  string,
  (entries: TarEntrySpec[], root: string) => TarEntrySpec[],
  string | RegExp,
  string | RegExp
]

const TAR_MATRIX: readonly TarRow[] = [
  [
    '`..` that climbs out of the staging directory',
    (e) => [...e, { name: `${PREFIX}/files/../../../deploy.sh`, content: Buffer.from('evil') }],
    'a ".." segment',
    `${PREFIX}/files/../../../deploy.sh`
  ],
  [
    'a name relative to the workspace',
    (e) => [...e, { name: '../deploy.sh', content: Buffer.from('evil') }],
    'a ".." segment',
    '../deploy.sh'
  ],
  [
    'a name outside the staging directory',
    (e) => [...e, { name: 'deploy.sh', content: Buffer.from('evil') }],
    `outside "${PREFIX}", the directory the archive was made from`,
    'deploy.sh'
  ],
  [
    'an absolute path',
    (e, root) => [...e, { name: path.join(root, 'pwned'), content: Buffer.from('evil') }],
    'an absolute path',
    /\/pwned$/
  ],
  [
    'a backslash',
    (e) => [...e, { name: `${PREFIX}/files/..\\..\\x`, content: Buffer.from('evil') }],
    'a backslash in its name (a separator on Windows)',
    /\\/
  ],
  [
    'a "." segment',
    (e) => [...e, { name: `${PREFIX}/files/./two.txt`, content: Buffer.from('two\n') }],
    'a "." segment',
    /\/\.\/two\.txt$/
  ],
  [
    'an empty segment',
    (e) => [...e, { name: `${PREFIX}/files//two.txt`, content: Buffer.from('two\n') }],
    'an empty segment',
    /\/\/two\.txt$/
  ],
  [
    'a line break',
    (e) => [...e, { name: `${PREFIX}/files/a\nb`, content: Buffer.from('x') }],
    'a line break in its name',
    /a\nb$/
  ],
  [
    'a symbolic link out',
    (e, root) => [...e, { name: `${PREFIX}/files/a/escape`, type: 'symlink', linkTarget: root }],
    /^a symbolic link to ".*sandbox-/,
    /escape$/
  ],
  [
    'a symbolic link replacing a sealed file',
    (e) => [
      ...e.filter((x) => !x.name.endsWith('/two.txt')),
      { name: `${PREFIX}/files/two.txt`, type: 'symlink', linkTarget: '/etc/passwd' }
    ],
    'a symbolic link to "/etc/passwd"',
    /two\.txt$/
  ],
  [
    'a hard link',
    (e) => [...e, { name: `${PREFIX}/files/a/hard`, type: 'hardlink', linkTarget: '/etc/passwd' }],
    'a hard link to "/etc/passwd"',
    /hard$/
  ],
  ['a FIFO', (e) => [...e, { name: `${PREFIX}/files/a/pipe`, type: 'fifo' }], 'a FIFO', /pipe$/],
  [
    'a device',
    (e) => [...e, { name: `${PREFIX}/files/a/tty`, type: 'char-device' }],
    'a device',
    /tty$/
  ],
  [
    'the same file twice',
    (e) => [...e, { name: `${PREFIX}/files/two.txt`, content: Buffer.from('two\n') }],
    'a second entry of the same name',
    /two\.txt$/
  ],
  [
    'a file where a directory is needed',
    (e) => [
      ...e.filter((x) => !x.name.endsWith('/a/')),
      { name: `${PREFIX}/files/a`, content: Buffer.from('x') }
    ],
    /^a file where "files\/a\/one\.txt" needs a directory$/,
    /files\/a$/
  ],
  [
    'a file the listing does not name',
    (e) => [...e, { name: `${PREFIX}/files/extra.js`, content: Buffer.from('steal()') }],
    'not in the sealed listing',
    /extra\.js$/
  ],
  [
    'a directory the listing does not need',
    (e) => [...e, { name: `${PREFIX}/files/empty/`, type: 'directory' }],
    'not part of what a seal puts there',
    /empty\/$/
  ],
  [
    'something beside the files',
    (e) => [...e, { name: `${PREFIX}/notes.txt`, content: Buffer.from('x') }],
    'not part of what a seal puts there',
    /notes\.txt$/
  ],
  [
    'a sealed file missing',
    (e) => e.filter((x) => !x.name.endsWith('/one.txt')),
    'missing, though the sealed listing names it',
    /files\/a\/one\.txt$/
  ],
  [
    'a sealed file changed',
    (e) =>
      e.map((x) => (x.name.endsWith('/one.txt') ? { ...x, content: Buffer.from('ONE\n') } : x)),
    'its content is not what the sealed listing says',
    /one\.txt$/
  ],
  [
    'no listing',
    (e) => e.filter((x) => !x.name.endsWith('seal/shop.sha256')),
    'missing: a cache entry of sealed files carries their listing',
    /seal\/(shop|<name>)\.sha256$/
  ],
  [
    'the listing of another digest',
    (e) =>
      e.map((x) =>
        x.name.endsWith('seal/shop.sha256')
          ? {
              ...x,
              content: Buffer.from(LISTING.toString().replace(/^[0-9a-f]{64}/, 'f'.repeat(64)))
            }
          : x
      ),
    /^the listing of sha256:[0-9a-f]{64}, not of sha256:/,
    /seal\/(shop|<name>)\.sha256$/
  ],
  [
    'a listing that is not one',
    (e) =>
      e.map((x) =>
        x.name.endsWith('seal/shop.sha256') ? { ...x, content: Buffer.from('not a listing\n') } : x
      ),
    /^not a checksums listing/,
    /seal\/(shop|<name>)\.sha256$/
  ],
  [
    'a pax global header',
    (e) => [
      { name: 'pax_global_header', flag: 'g', content: Buffer.from('25 path=../../deploy.sh\n') },
      ...e
    ],
    'a pax global header, which sets values for every later entry',
    'pax_global_header'
  ],
  [
    'a GNU sparse file',
    (e) => [
      ...e,
      {
        name: `${PREFIX}/files/sparse`,
        content: Buffer.from('x'),
        pax: { 'GNU.sparse.major': '1', 'GNU.sparse.minor': '0' }
      }
    ],
    'an entry that is neither a file nor a directory',
    /sparse$/
  ],
  [
    'an entry of an unknown type',
    (e) => [...e, { name: `${PREFIX}/files/odd`, flag: 'Z', content: Buffer.from('x') }],
    'an entry that is neither a file nor a directory',
    /odd$/
  ],
  [
    'a name that is not UTF-8',
    (e) => [
      ...e,
      {
        name: 'x',
        nameBytes: Buffer.concat([Buffer.from(`${PREFIX}/files/`), Buffer.from([0xff, 0xfe])]),
        content: Buffer.from('x')
      }
    ],
    'a name that is not UTF-8',
    /files\//
  ],
  [
    'a directory with content',
    (e) => [...e, { name: `${PREFIX}/files/a/`, flag: '5', content: Buffer.from('hidden header') }],
    /^a (directory with content|second entry of the same name)$/,
    /files\/a\/$/
  ]
]

describe('a cache entry: each hostile entry refuses the whole archive before anything is extracted', () => {
  it.each(TAR_MATRIX)('%s', async (_what, change, reason, named) => {
    const box = sandbox()
    const { result, before } = await unpackTar(change(honestTar(), box.root), box)
    expect(result.kind).toBe('refused')
    const refusals = result.kind === 'refused' ? result.refusals : []
    expect(refusals).toContainEqual({
      name: typeof named === 'string' ? named : expect.stringMatching(named),
      reason: typeof reason === 'string' ? reason : expect.stringMatching(reason)
    })
    // Nothing written: the sandbox holds what it held, the archive alone in the private directory.
    expect(box.everything()).toEqual(before)
  })

  it.each([
    [
      'a header whose checksum is wrong',
      (tar: Buffer) => Buffer.concat([tar.subarray(0, 1), Buffer.from('X'), tar.subarray(2)]),
      /has a wrong checksum/
    ],
    ['an archive cut short', (tar: Buffer) => tar.subarray(0, 1024 + 100), /cut short/],
    [
      'an archive without its end blocks',
      (tar: Buffer) => tar.subarray(0, tar.length - 1024),
      /without the end-of-archive blocks/
    ]
  ] as const)('%s is unreadable, and nothing is extracted', async (_what, damage, reason) => {
    const box = sandbox()
    const { result, before } = await unpackTar(zlib.gzipSync(damage(writeTar(honestTar()))), box)
    expect(result).toEqual({
      kind: 'refused',
      refusals: [{ name: 'cache-archive', reason: expect.stringMatching(reason) }]
    })
    expect(box.everything()).toEqual(before)
  })

  it('an archive that is not compressed as @actions/cache compresses is unreadable', async () => {
    const { result } = await unpackTar(writeTar(honestTar()))
    expect(result).toEqual({
      kind: 'refused',
      refusals: [
        {
          name: 'cache-archive',
          reason: 'the archive cannot be read: it is neither zstd- nor gzip-compressed'
        }
      ]
    })
  })

  it('gzip, as a runner without zstd saves it, is read as well', async () => {
    const { result } = await unpackTar(zlib.gzipSync(writeTar(honestTar())))
    expect(result.kind).toBe('restored')
  })
})

type ZipRow = readonly [
  string,
  (entries: ZipEntrySpec[]) => ZipEntrySpec[],
  string | RegExp,
  string | RegExp
]

const ZIP_MATRIX: readonly ZipRow[] = [
  [
    '`../`',
    (e) => [...e, { name: '../deploy.sh', content: Buffer.from('evil') }],
    'a ".." segment',
    '../deploy.sh'
  ],
  [
    '`..` inside files/',
    (e) => [...e, { name: 'files/../../deploy.sh', content: Buffer.from('evil') }],
    'a ".." segment',
    'files/../../deploy.sh'
  ],
  [
    'an absolute name',
    (e) => [...e, { name: '/tmp/pwned', content: Buffer.from('evil') }],
    'an absolute path',
    '/tmp/pwned'
  ],
  [
    'a drive letter',
    (e) => [...e, { name: 'C:/Windows/evil.dll', content: Buffer.from('evil') }],
    'an absolute path',
    'C:/Windows/evil.dll'
  ],
  [
    'a backslash',
    (e) => [...e, { name: 'files\\..\\..\\deploy.sh', content: Buffer.from('evil') }],
    'a backslash in its name (a separator on Windows)',
    'files\\..\\..\\deploy.sh'
  ],
  [
    'a symbolic link',
    (e) => [...e, { name: 'files/a/escape', content: Buffer.from('/etc'), mode: 0o120777 }],
    'a symbolic link',
    'files/a/escape'
  ],
  ['a FIFO', (e) => [...e, { name: 'files/a/pipe', mode: 0o10644 }], 'a FIFO', 'files/a/pipe'],
  [
    'a block device',
    (e) => [...e, { name: 'files/a/disk', mode: 0o60644 }],
    'a device',
    'files/a/disk'
  ],
  [
    'the same name twice',
    (e) => [...e, { name: 'files/two.txt', content: Buffer.from('evil') }],
    'a second entry of the same name',
    'files/two.txt'
  ],
  [
    'a file the listing does not name',
    (e) => [...e, { name: 'files/extra.js', content: Buffer.from('steal()') }],
    'not in the sealed listing',
    'files/extra.js'
  ],
  [
    'an entry outside seal/ and files/',
    (e) => [...e, { name: 'deploy.sh', content: Buffer.from('evil') }],
    'not part of what a seal puts there',
    'deploy.sh'
  ],
  [
    'a file where a directory is needed',
    (e) => [...e, { name: 'files/a', content: Buffer.from('x') }],
    /^a file where "files\/a\/one\.txt" needs a directory$/,
    'files/a'
  ],
  [
    'a name that is not marked UTF-8',
    (e) => [
      ...e,
      {
        name: 'files/x',
        nameBytes: Buffer.from([0x66, 0x69, 0x6c, 0x65, 0x73, 0x2f, 0xe9]),
        content: Buffer.from('x')
      }
    ],
    'a name that is not marked as UTF-8 (readers disagree on what it says)',
    /^files\//
  ],
  [
    'a second, Unicode name',
    (e) => [
      ...e,
      {
        name: 'files/b.txt',
        content: Buffer.from('x'),
        extra: Buffer.from([0x75, 0x70, 0x05, 0x00, 0x01, 0, 0, 0, 0])
      }
    ],
    'a second, Unicode name (readers disagree on which one counts)',
    'files/b.txt'
  ],
  [
    'encrypted content',
    (e) => [
      ...e.filter((x) => x.name !== 'files/two.txt'),
      { name: 'files/two.txt', content: Buffer.from('two\n'), flags: 1 }
    ],
    'encrypted content',
    'files/two.txt'
  ],
  [
    'another compression method',
    (e) => [
      ...e.filter((x) => x.name !== 'files/two.txt'),
      { name: 'files/two.txt', content: Buffer.from('two\n'), method: 12 }
    ],
    'compression method 12, which artifact uploads never use',
    'files/two.txt'
  ],
  [
    'a directory with content',
    (e) => [...e, { name: 'files/a/', content: Buffer.from('x') }],
    /^a (directory with content|second entry of the same name)$/,
    'files/a/'
  ]
]

describe('a workflow artifact: each hostile entry refuses the whole zip before anything is extracted', () => {
  it.each(ZIP_MATRIX)('%s', async (_what, change, reason, named) => {
    const box = sandbox()
    const before = box.everything()
    const { outcome } = await unpackZip(change(honestZip()), box)
    expect(outcome).toMatchObject({ code: 'refused' })
    expect((outcome as SealError).details.refusals).toContainEqual({
      name: typeof named === 'string' ? named : expect.stringMatching(named),
      reason: typeof reason === 'string' ? reason : expect.stringMatching(reason)
    })
    expect((outcome as SealError).message).toMatch(
      /^artifact-name: refused the artifact "shop-sealed" before extracting anything: \d+ entr(y is|ies are) not what a seal puts there:\n/
    )
    expect(box.everything()).toEqual([...before, 'artifact.zip'].sort())
  })

  it.each([
    [
      'a local header that names another file',
      (e: ZipEntrySpec[]) => [
        ...e.slice(0, 2),
        { ...(e[2] as ZipEntrySpec), localName: '../../deploy.sh' },
        ...e.slice(3)
      ],
      /names "\.\.\/\.\.\/deploy\.sh": an archive that says two things/
    ],
    [
      'no end-of-central-directory record',
      (e: ZipEntrySpec[]) => writeZipEntries(e).subarray(0, -22),
      /no end-of-central-directory record/
    ]
  ] as const)('%s: unreadable before anything is extracted', async (_what, change, reason) => {
    const box = sandbox()
    const before = box.everything()
    const changed = change(honestZip())
    const { outcome } = await unpackZip(
      Buffer.isBuffer(changed) ? changed : writeZipEntries(changed),
      box
    )
    expect(outcome).toBeInstanceOf(UnreadableZipError)
    expect((outcome as Error).message).toMatch(reason)
    expect(box.everything()).toEqual([...before, 'artifact.zip'].sort())
  })

  it('content that fails its CRC-32 stops the extraction (the caller deletes the private directory)', async () => {
    const { outcome } = await unpackZip(
      honestZip().map((e) => (e.name === 'files/two.txt' ? { ...e, crc: 1 } : e))
    )
    expect(outcome).toBeInstanceOf(UnreadableZipError)
    expect((outcome as Error).message).toBe('"files/two.txt" fails its CRC-32 check')
  })

  it(
    'extraction never overwrites: a name that exists already (as a case-insensitive file system makes A.txt ' +
      'of a.txt) stops it',
    async () => {
      const box = sandbox()
      fs.mkdirSync(path.join(box.priv, 'files'))
      fs.writeFileSync(path.join(box.priv, 'files', 'two.txt'), 'mine\n')
      const { outcome } = await unpackZip(honestZip(), box)
      expect(outcome).toBeInstanceOf(SealError)
      expect((outcome as Error).message).toMatch(
        /^artifact-name: the artifact "shop-sealed" could not be extracted as listed: "files\/two\.txt" failed \(EEXIST\)/
      )
      expect(fs.readFileSync(path.join(box.priv, 'files', 'two.txt'), 'utf8')).toBe('mine\n')

      const tarBox = sandbox()
      fs.mkdirSync(path.join(tarBox.priv, 'files'))
      fs.symlinkSync(tarBox.root, path.join(tarBox.priv, 'files', 'two.txt'))
      const { result } = await unpackTar(honestTar(), tarBox)
      expect(result).toEqual({
        kind: 'refused',
        refusals: [
          {
            name: 'cache-archive',
            reason: expect.stringMatching(/^it could not be extracted as listed \(EEXIST/)
          }
        ]
      })
      expect(fs.readdirSync(tarBox.root).sort()).toEqual(['priv'])
    }
  )

  it('a zip without a seal bundle is not an artifact-seal artifact', async () => {
    const { outcome } = await unpackZip(honestZip().filter((e) => !e.name.endsWith('.intoto.json')))
    expect(outcome).toBeInstanceOf(SealError)
    expect((outcome as Error).message).toMatch(
      /^artifact-name: the artifact "shop-sealed" holds no seal bundle/
    )
  })
})

/** The oracle for a safe name: what POSIX path normalisation leaves alone, relative, on one line, without `..`. */
function safeByOracle(name: string): boolean {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name
  if (
    trimmed === '' ||
    trimmed.endsWith('/') ||
    /[\0\\\r\n]/.test(trimmed) ||
    path.posix.isAbsolute(trimmed) ||
    /^[A-Za-z]:/.test(trimmed)
  )
    return false
  return (
    path.posix.normalize(trimmed) === trimmed &&
    trimmed !== '.' &&
    !trimmed.split('/').includes('..')
  )
}

const hostileName = fc
  .array(
    fc.constantFrom('a', 'b', 'é', '.', '..', '/', '//', '\\', 'C:', ':', '\n', '\0', ' ', '~'),
    { minLength: 1, maxLength: 8 }
  )
  .map((parts) => parts.join(''))

describe('hostile names (property-based)', () => {
  it('a name passes exactly when POSIX normalisation leaves it alone and it stays below the directory', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        expect(nameProblem(name) === null).toBe(safeByOracle(name))
      }),
      { numRuns: 2000 }
    )
  })

  const extraEntry = fc.record({
    name: hostileName,
    kind: fc.constantFrom('file', 'directory', 'symlink', 'hardlink', 'fifo'),
    under: fc.constantFrom('files/', '', 'abs', 'workspace')
  })

  it(
    'whatever a tar adds, nothing is written outside the private directory, and a refusal writes nothing at ' +
      'all',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(extraEntry, { minLength: 1, maxLength: 4 }), async (extras) => {
          const box = sandbox()
          const entries = honestTar()
          for (const x of extras) {
            const name =
              x.under === 'abs'
                ? path.join(box.root, x.name)
                : x.under === 'workspace'
                  ? x.name
                  : `${PREFIX}/${x.under}${x.name}`
            entries.push(
              x.kind === 'symlink' || x.kind === 'hardlink'
                ? { name, type: x.kind, linkTarget: box.root }
                : { name, type: x.kind as 'file', content: Buffer.from('x') }
            )
          }
          const { result, before } = await unpackTar(entries, box)
          const after = box.everything()
          expect(after.filter((e) => !e.startsWith('priv/'))).toEqual(
            before.filter((e) => !e.startsWith('priv/'))
          )
          if (result.kind === 'refused') expect(after).toEqual(before)
          else expect(shellTreeDigest(result.filesDir)).toBe(DIGEST)
        }),
        { numRuns: 60 }
      )
    }
  )

  it(
    'whatever a zip adds, nothing is written outside the private directory, and a refusal writes nothing at ' +
      'all',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(extraEntry, { minLength: 1, maxLength: 4 }), async (extras) => {
          const box = sandbox()
          const before = [...box.everything(), 'artifact.zip'].sort()
          const entries = honestZip()
          const modes = {
            file: 0o100644,
            directory: 0o40755,
            symlink: 0o120777,
            hardlink: 0o100644,
            fifo: 0o10644
          }
          for (const x of extras) {
            const name =
              x.under === 'abs'
                ? path.join(box.root, x.name)
                : x.under === 'workspace'
                  ? `../${x.name}`
                  : `${x.under}${x.name}`
            entries.push({
              name: x.kind === 'directory' && !name.endsWith('/') ? `${name}/` : name,
              content: x.kind === 'directory' ? Buffer.alloc(0) : Buffer.from('x'),
              mode: modes[x.kind]
            })
          }
          const { outcome } = await unpackZip(entries, box)
          const after = box.everything()
          expect(after.filter((e) => !e.startsWith('priv/'))).toEqual(
            before.filter((e) => !e.startsWith('priv/'))
          )
          if (outcome instanceof Error) expect(after).toEqual(before)
          else expect(shellTreeDigest(path.join(box.priv, 'files'))).toBe(DIGEST)
        }),
        { numRuns: 60 }
      )
    }
  )
})
