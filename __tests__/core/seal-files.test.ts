import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseListing } from '../../src/core/listing.js'
import {
  type SealOptions,
  type SealedArtifact,
  type SubjectSpec,
  sealSubject,
  startHashPool
} from '../../src/core/seal.js'
import { HashPool } from '../../src/core/hashing/hash-files.js'
import { parseSubjectPatterns } from '../../src/core/subject/patterns.js'
import {
  removeAll,
  shellFileDigest,
  shellTreeDigest,
  shellTreeListing,
  tempDir,
  writeTree
} from '../helpers/trees.js'

afterAll(removeAll)

const options: SealOptions = {
  fallbackName: 'repo',
  build: {
    kind: 'local',
    build: { tool: 'test', host: 'test', startedOn: '2026-01-01T00:00:00.000Z' }
  }
}

const listedPaths = (sealed: SealedArtifact): string[] =>
  parseListing(sealed.listing.toString(), 'listing').map((e) => e.path)

function paths(
  baseDir: string,
  patterns: string,
  extra: Partial<Extract<SubjectSpec, { kind: 'paths' }>> = {}
): SubjectSpec {
  return {
    kind: 'paths',
    patterns: parseSubjectPatterns(patterns),
    baseDir,
    inputName: 'subject-path',
    ...extra
  }
}

/** Every awkward thing a build output can hold, at once. */
function awkwardTree(): string {
  const root = tempDir()
  writeTree(root, {
    'index.html': '<!doctype html>',
    'empty.txt': '',
    'assets/app.js': 'console.log(1)\n',
    'assets/deep/er/still.css': 'body{}',
    'with space/file name.txt': 'spaces',
    'unicode/café-ß-日本.txt': 'unicode',
    'unicode/\u{1F600}.txt': 'emoji above U+FFFF',
    'unicode/\uFF21.txt': 'fullwidth A, below the surrogates',
    'a-c': 'sorts before a/ in byte order',
    'a/b': 'nested',
    '.hidden/.env.example': 'KEY=value',
    'empty-dir': null,
    'nested/empty/dir': null
  })
  fs.writeFileSync(path.join(root, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 17, 7))
  fs.symlinkSync('index.html', path.join(root, 'link-to-index.html'))
  fs.symlinkSync('assets', path.join(root, 'link-to-assets'))
  return root
}

describe('a directory', () => {
  it('has the digest that find | sort | sha256sum | sha256sum prints, and that listing', async () => {
    const root = awkwardTree()
    const sealed = await sealSubject(paths(root, '.'), options)
    expect(sealed.kind).toBe('directory')
    expect(sealed.digest).toBe(shellTreeDigest(root))
    expect(sealed.listing.toString()).toBe(shellTreeListing(root))
    expect(listedPaths(sealed)).toContain('link-to-assets/deep/er/still.css')
    expect(sealed.fileCount).toBe(listedPaths(sealed).length)
    const du = execFileSync('bash', ['-c', 'find -L . -type f -printf "%s\\n"'], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(sealed.size).toBe(
      du
        .split('\n')
        .filter(Boolean)
        .reduce((sum, n) => sum + Number(n), 0)
    )
    expect(sealed.summary?.largest[0]).toEqual({ path: 'big.bin', size: 3 * 1024 * 1024 + 17 })
    expect(sealed.summary?.topLevel.find((g) => g.name === 'unicode/')).toMatchObject({ files: 3 })
    expect(sealed.name).toBe(path.basename(root))
  })

  it('does not depend on where the tree sits on disk', async () => {
    const first = awkwardTree()
    const second = path.join(tempDir(), 'elsewhere', 'deeper')
    fs.cpSync(first, second, { recursive: true, verbatimSymlinks: true })
    const a = await sealSubject(paths(first, '.'), options)
    const b = await sealSubject(paths(path.dirname(second), 'deeper'), options)
    expect(b.digest).toBe(a.digest)
  })

  it('gives the same digest from worker threads as from the main thread alone', async () => {
    const root = tempDir()
    const files: Record<string, string> = {}
    for (let i = 0; i < 700; i++) files[`d${i % 9}/f${i}.txt`] = `file ${i} `.repeat(i % 50)
    writeTree(root, files)
    const alone = await sealSubject(paths(root, '.'), { ...options, workers: 0 })
    const shared = await sealSubject(paths(root, '.'), { ...options, workers: 2 })
    expect(shared.digest).toBe(alone.digest)
    expect(shared.listing.equals(alone.listing)).toBe(true)
    expect(alone.digest).toBe(shellTreeDigest(root))
  })

  it('hashes with workers started beforehand, and stops them whatever the subject', async () => {
    const root = tempDir()
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) files[`d${i % 5}/f${i}.txt`] = `file ${i}`
    writeTree(root, files)
    const tree = paths(root, '.')
    const one = paths(root, 'd0/f0.txt')
    expect(startHashPool(one)).toBeNull()
    expect(
      startHashPool({ kind: 'digest', digest: `sha256:${'a'.repeat(64)}`, name: 'x' })
    ).toBeNull()
    const early = startHashPool(tree, 1) as HashPool
    const close = jest.spyOn(early, 'close')
    const sealed = await sealSubject(tree, { ...options, pool: early })
    expect(sealed.digest).toBe(shellTreeDigest(root))
    expect(close).toHaveBeenCalled()
    const unused = HashPool.start(1)
    const closeUnused = jest.spyOn(unused, 'close')
    await sealSubject(one, { ...options, pool: unused })
    expect(closeUnused).toHaveBeenCalled()
  })

  it('leaves out excluded files and directories', async () => {
    const root = writeTree(tempDir(), {
      'app/main.js': 'main',
      'app/main.js.map': 'map',
      'app/maps/x.map': 'x',
      'app/keep/y.js': 'y'
    })
    const sealed = await sealSubject(paths(root, 'app\n!**/*.map, !app/maps'), options)
    expect(listedPaths(sealed)).toEqual(['keep/y.js', 'main.js'])
    fs.rmSync(path.join(root, 'app/main.js.map'))
    fs.rmSync(path.join(root, 'app/maps'), { recursive: true })
    expect(sealed.digest).toBe(shellTreeDigest(path.join(root, 'app')))
  })

  it('leaves out its own output directory when it lies inside the tree', async () => {
    const root = writeTree(tempDir(), { 'a.txt': 'a', '.seal/old/a.sha256': 'old bundle' })
    const sealed = await sealSubject(
      paths(root, '.', { skipDirs: [path.join(root, '.seal')] }),
      options
    )
    expect(listedPaths(sealed)).toEqual(['a.txt'])
  })
})

describe('a single file', () => {
  it('has the digest sha256sum prints, a one-line listing and its own name', async () => {
    const root = writeTree(tempDir(), { 'out/app.tar.gz': 'not really a tarball' })
    const sealed = await sealSubject(paths(root, 'out/app.tar.gz'), options)
    expect(sealed.kind).toBe('file')
    expect(sealed.digest).toBe(shellFileDigest(path.join(root, 'out/app.tar.gz')))
    expect(sealed.listing.toString()).toBe(`${sealed.digest.slice(7)}  app.tar.gz\n`)
    expect(sealed.name).toBe('app.tar.gz')
    expect(sealed.root).toBe(path.join(root, 'out'))
    expect(sealed.statement.subject).toEqual([
      {
        name: 'app.tar.gz',
        digest: { sha256: sealed.digest.slice(7) },
        annotations: {
          'artifact-seal.modes': { digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }
        }
      }
    ])
  })

  it('is read whole however large, with progress reported in bytes', async () => {
    const root = tempDir()
    const file = path.join(root, 'large.bin')
    fs.writeFileSync(file, Buffer.alloc(9 * 1024 * 1024 + 3, 1))
    const seen: number[] = []
    const sealed = await sealSubject(paths(root, 'large.bin'), {
      ...options,
      progressIntervalMs: 0,
      onProgress: (p) => seen.push(p.bytesDone)
    })
    expect(sealed.digest).toBe(shellFileDigest(file))
    expect(sealed.size).toBe(9 * 1024 * 1024 + 3)
    expect(seen.length).toBeGreaterThan(3)
  })
})

describe('globs and several paths', () => {
  it('seal the matches relative to the deepest directory holding them all', async () => {
    const root = writeTree(tempDir(), {
      'build/web/a.js': 'a',
      'build/web/b.css': 'b',
      'build/api/server.js': 's',
      'build/api/README.md': 'r'
    })
    const sealed = await sealSubject(paths(root, 'build/**/*.js, build/web/b.css'), options)
    expect(sealed.kind).toBe('files')
    expect(sealed.root).toBe(path.join(root, 'build'))
    expect(listedPaths(sealed)).toEqual(['api/server.js', 'web/a.js', 'web/b.css'])
    expect(sealed.name).toBe('repo')
  })

  it('use the root given, and refuse one that does not hold every match', async () => {
    const root = writeTree(tempDir(), {
      'build/web/a.js': 'a',
      'build/web/b.js': 'b',
      'other/c.js': 'c'
    })
    const sealed = await sealSubject(paths(root, 'build/web/*.js', { root: '.' }), options)
    expect(listedPaths(sealed)).toEqual(['build/web/a.js', 'build/web/b.js'])
    await expect(
      sealSubject(paths(root, 'build/web/*.js, other/c.js', { root: 'build' }), options)
    ).rejects.toThrowSealError('bad-input', 'root', `${path.join(root, 'other/c.js')}`)
  })

  it('match hidden files, as a seal must not miss a .env', async () => {
    const root = writeTree(tempDir(), {
      'site/.well-known/security.txt': 's',
      'site/index.html': 'i'
    })
    const sealed = await sealSubject(paths(root, 'site/**'), options)
    expect(listedPaths(sealed)).toEqual(['.well-known/security.txt', 'index.html'])
  })
})

describe('what cannot be sealed', () => {
  it('a pattern that matches nothing, naming it and every pattern tried', async () => {
    const root = writeTree(tempDir(), { 'dist/a.js': 'a' })
    await expect(
      sealSubject(paths(root, 'dist, build/**/*.js, !dist/x'), options)
    ).rejects.toThrowSealError('bad-input', 'subject-path', `${root}`)
  })

  it('a tree whose every file is excluded', async () => {
    const root = writeTree(tempDir(), { 'dist/a.map': 'a', 'dist/empty': null })
    await expect(sealSubject(paths(root, 'dist, !**/*.map'), options)).rejects.toThrowSealError(
      'bad-input',
      '"!**/*.map"'
    )
  })

  it('a symlink that leaves the root, naming it', async () => {
    const outside = writeTree(tempDir(), { 'secret.txt': 's' })
    const root = writeTree(tempDir(), { 'a.txt': 'a' })
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape.txt'))
    await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError(
      'bad-input',
      'subject-path',
      `${path.join(root, 'escape.txt')}`,
      `${fs.realpathSync(path.join(outside, 'secret.txt'))}`
    )
  })

  it('a symlinked directory that leaves the root, refused before walking into it', async () => {
    const outside = writeTree(tempDir(), { 'etc/passwd': 'x' })
    const root = writeTree(tempDir(), { 'a.txt': 'a' })
    fs.symlinkSync(path.join(outside, 'etc'), path.join(root, 'etc'))
    await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError(
      'bad-input',
      `${path.join(root, 'etc')}`,
      `${fs.realpathSync(path.join(outside, 'etc'))}`
    )
    await expect(sealSubject(paths(root, '*.txt, etc/*'), options)).rejects.toThrowSealError(
      'bad-input'
    )
  })

  it('a directory with no files', async () => {
    const root = writeTree(tempDir(), { 'dist/empty': null })
    await expect(sealSubject(paths(root, 'dist'), options)).rejects.toThrowSealError(
      'bad-input',
      'subject-path',
      '"dist"'
    )
  })

  it('a dangling symlink and a symlink loop', async () => {
    const root = writeTree(tempDir(), { 'a.txt': 'a' })
    fs.symlinkSync('nowhere.txt', path.join(root, 'dangling'))
    await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError(
      'bad-input',
      '"nowhere.txt"'
    )
    fs.rmSync(path.join(root, 'dangling'))
    fs.mkdirSync(path.join(root, 'sub'))
    fs.symlinkSync('..', path.join(root, 'sub', 'up'))
    await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError('bad-input')
  })

  it('a file name with a line break, naming it', async () => {
    const root = writeTree(tempDir(), { 'ok.txt': 'ok', 'bad\nname.txt': 'bad' })
    await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError(
      'malformed',
      '"bad\\nname.txt"'
    )
  })

  it('a file name with a line break under a glob, naming it rather than leaving it out', async () => {
    const root = writeTree(tempDir(), { 'dist/ok.txt': 'ok', 'dist/bad\nname.txt': 'bad' })
    await expect(sealSubject(paths(root, 'dist/**'), options)).rejects.toThrowSealError(
      'malformed',
      'bad\\nname.txt"'
    )
  })

  // Other systems refuse such names outright: there is nothing to seal.
  ;(process.platform === 'linux' ? it : it.skip)(
    'a file name that is not UTF-8, naming its directory',
    async () => {
      const root = writeTree(tempDir(), { 'ok.txt': 'ok' })
      fs.writeFileSync(
        Buffer.concat([
          Buffer.from(`${root}/bad-`),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('.txt')
        ]),
        'x'
      )
      await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError(
        'bad-input',
        'subject-path',
        `${root}`
      )
    }
  )

  // Root reads every file: as root (CI) this runs as an ordinary user in __tests__/e2e/cli-bad-input.test.ts instead.
  ;(process.getuid?.() === 0 ? it.skip : it)('an unreadable file, naming it', async () => {
    const root = writeTree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b' })
    fs.chmodSync(path.join(root, 'b.txt'), 0)
    await expect(sealSubject(paths(root, '.'), options)).rejects.toThrowSealError(
      'unreadable',
      `"${path.join(root, 'b.txt')}"`,
      'permission denied'
    )
  })
})

describe('a digest or a listing given by the build', () => {
  it('seals a digest under its name without reading files', async () => {
    const hex = 'ab'.repeat(32)
    const sealed = await sealSubject(
      { kind: 'digest', digest: `sha256:${hex}`, name: 'ghcr.io/o/app' },
      options
    )
    expect(sealed.digest).toBe(`sha256:${hex}`)
    expect(sealed.size).toBeNull()
    // Marked digest-only: a promotion of it has no files to check, and its signed statement says so.
    expect(sealed.statement.subject).toEqual([
      {
        name: 'ghcr.io/o/app',
        digest: { sha256: hex },
        annotations: { 'artifact-seal.digest-only': true }
      }
    ])
  })

  it('seals a sha256sum listing as the tree it describes', async () => {
    const root = awkwardTree()
    const listingFile = path.join(tempDir(), 'SHA256SUMS')
    fs.writeFileSync(listingFile, shellTreeListing(root))
    const fromListing = await sealSubject(
      { kind: 'checksums', file: listingFile, inputName: 'subject-checksums' },
      options
    )
    expect(fromListing.digest).toBe(shellTreeDigest(root))
    expect(fromListing.statement.subject[0]?.digest).toEqual({
      sha256: fromListing.digest.slice(7),
      dirHash: fromListing.digest.slice(7)
    })
    await expect(
      sealSubject(
        { kind: 'checksums', file: path.join(root, 'nope'), inputName: 'subject-checksums' },
        options
      )
    ).rejects.toThrowSealError('unreadable', 'subject-checksums', `${path.join(root, 'nope')}`)
  })
})
