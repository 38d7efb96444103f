import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as zlib from 'node:zlib'
import type { EntryKind } from '../../../src/stores/evidence/archive-entry.js'
import { openTarStream, readTar } from '../../../src/stores/evidence/tar-reader.js'
import { ZipFile } from '../../../src/stores/evidence/zip-reader.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

/**
 * The archive readers against independent implementations: archives written by GNU tar
 * (as @actions/cache runs it: --posix) and Info-ZIP zip, read by this project's readers
 * and by Python's tarfile and zipfile, must give the same entries, kinds, sizes, link
 * targets and contents.
 */

afterAll(() => removeAll())

type Seen = [
  name: string,
  kind: EntryKind,
  size: number,
  link: string | null,
  sha256: string | null
]

const PY_TAR = `
import hashlib, json, sys, tarfile
kinds = {b'0': 'file', b'\\x00': 'file', b'5': 'directory', b'1': 'hardlink', b'2': 'symlink', b'3': 'device', b'4': 'device', b'6': 'fifo'}
out = []
with tarfile.open(sys.argv[1]) as t:
    for m in t:
        kind = kinds.get(m.type, 'other')
        content = hashlib.sha256(t.extractfile(m).read()).hexdigest() if kind == 'file' else None
        out.append([m.name, kind, m.size if kind == 'file' else 0, m.linkname if kind in ('symlink', 'hardlink') else None, content])
print(json.dumps(out))
`

const PY_ZIP = `
import hashlib, json, stat, sys, zipfile
out = []
with zipfile.ZipFile(sys.argv[1]) as z:
    for i in z.infolist():
        mode = i.external_attr >> 16
        kind = 'symlink' if stat.S_ISLNK(mode) else 'directory' if i.is_dir() else 'file'
        content = hashlib.sha256(z.read(i)).hexdigest() if kind == 'file' else None
        out.append([i.filename.rstrip('/'), kind, i.file_size if kind == 'file' else 0, None, content])
print(json.dumps(out))
`

function python(script: string, file: string): Seen[] {
  return JSON.parse(
    execFileSync('python3', ['-c', script, file], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024
    })
  ) as Seen[]
}

async function ourTar(file: string): Promise<Seen[]> {
  const seen: Seen[] = []
  const stream = openTarStream(file)
  try {
    await readTar(stream, async (entry, content) => {
      let hex: string | null = null
      if (entry.kind === 'file') {
        const hash = createHash('sha256')
        for await (const chunk of content) hash.update(chunk)
        hex = hash.digest('hex')
      }
      seen.push([
        entry.name.replace(/\/$/, ''),
        entry.kind,
        entry.kind === 'file' ? entry.size : 0,
        entry.linkTarget,
        hex
      ])
    })
  } finally {
    stream.destroy()
  }
  return seen
}

async function ourZip(file: string): Promise<Seen[]> {
  const zip = ZipFile.open(file)
  try {
    const seen: Seen[] = []
    for (const entry of zip.entries) {
      let hex: string | null = null
      if (entry.kind === 'file') {
        const hash = createHash('sha256')
        for await (const chunk of zip.content(entry)) hash.update(chunk as Buffer)
        hex = hash.digest('hex')
      }
      seen.push([
        entry.name.replace(/\/$/, ''),
        entry.kind === 'symlink' ? 'symlink' : entry.kind,
        entry.kind === 'file' ? entry.size : 0,
        null,
        hex
      ])
    }
    return seen
  } finally {
    zip.close()
  }
}

let tree: string

beforeAll(() => {
  tree = writeTree(tempDir('tree-'), {
    'plain.txt': 'plain\n',
    'empty.txt': '',
    [`long/${'d'.repeat(120)}/${'f'.repeat(140)}.txt`]: 'a name past both ustar fields\n',
    'ünïcødé/ファイル.txt': 'unicode\n',
    'big.bin': Buffer.alloc(300_000, 7),
    'empty-dir': null
  })
  fs.symlinkSync('plain.txt', path.join(tree, 'link-to-plain'))
  fs.symlinkSync(`../${'t'.repeat(150)}`, path.join(tree, 'long-link'))
  fs.linkSync(path.join(tree, 'plain.txt'), path.join(tree, 'hard-to-plain'))
  execFileSync('mkfifo', [path.join(tree, 'pipe')])
})

describe('tar: GNU tar writes, Python tarfile and this reader read the same', () => {
  it.each([
    ['--posix, zstd (what @actions/cache writes where zstd is installed)', ['--posix'], 'zstd'],
    ['--posix, gzip (without zstd)', ['--posix'], 'gzip'],
    ['GNU format, long names as L/K entries', ['--format=gnu'], 'gzip']
  ] as const)('%s', async (_what, format, compression) => {
    const dir = tempDir('tar-')
    const tar = path.join(dir, 'a.tar')
    execFileSync('tar', [...format, '-cf', tar, '-C', tree, '.'])
    const archive = path.join(dir, compression === 'zstd' ? 'a.tar.zst' : 'a.tgz')
    fs.writeFileSync(
      archive,
      compression === 'zstd'
        ? zlib.zstdCompressSync(fs.readFileSync(tar))
        : zlib.gzipSync(fs.readFileSync(tar))
    )
    const ours = await ourTar(archive)
    // Python reads the tar itself: its tarfile knows no zstd.
    expect(ours).toEqual(python(PY_TAR, tar))
    // The tree has one of everything the restore rules refuse, so the comparison covers every kind.
    expect(new Set(ours.map((e) => e[1]))).toEqual(
      new Set(['file', 'directory', 'symlink', 'hardlink', 'fifo'])
    )
    expect(ours.some((e) => e[0].length > 255)).toBe(true)
  })
})

describe('zip: Info-ZIP and Python write, Python zipfile and this reader read the same', () => {
  it('Info-ZIP zip, links stored as links', async () => {
    const dir = tempDir('zip-')
    const zip = path.join(dir, 'a.zip')
    execFileSync('zip', ['-q', '-r', '-y', zip, '.', '-x', 'pipe', '-x', 'ünïcødé/*'], {
      cwd: tree
    })
    const ours = await ourZip(zip)
    expect(ours).toEqual(python(PY_ZIP, zip))
    expect(ours.some((e) => e[1] === 'symlink')).toBe(true)
  })

  it('Info-ZIP names outside ASCII, not flagged as UTF-8: readers disagree, so the entries are refused', async () => {
    const zip = path.join(tempDir('zip-'), 'u.zip')
    execFileSync('zip', ['-q', '-r', zip, 'ünïcødé'], { cwd: tree })
    // Python reads the names as code page 437; a UTF-8 reader reads them otherwise.
    expect(python(PY_ZIP, zip).map((e) => e[0])).toContain('├╝n├»c├╕d├⌐')
    const opened = ZipFile.open(zip)
    const entries = opened.entries
    opened.close()
    expect(entries.map((e) => e.problem)).toEqual(
      entries.map(() =>
        expect.stringMatching(/^a (name that is not marked as UTF-8|second, Unicode name)/)
      )
    )
  })

  it('zip64: more than 65,535 entries', async () => {
    const dir = tempDir('zip64-')
    const zip = path.join(dir, 'many.zip')
    execFileSync('python3', [
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n    for i in ' +
        'range(70000): z.writestr(f"files/{i:05}.txt", str(i))',
      zip
    ])
    const ours = await ourZip(zip)
    expect(ours).toHaveLength(70_000)
    expect(ours).toEqual(python(PY_ZIP, zip))
  })

  it('zip64 sizes and offsets in the extra field', async () => {
    const dir = tempDir('zip64-')
    const zip = path.join(dir, 'forced.zip')
    execFileSync('python3', [
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n    for n in ' +
        '("a.txt", "b.txt"):\n        with z.open(n, "w", force_zip64=True) as f: ' +
        'f.write(n.encode() * 1000)',
      zip
    ])
    expect(await ourZip(zip)).toEqual(python(PY_ZIP, zip))
  })
})
