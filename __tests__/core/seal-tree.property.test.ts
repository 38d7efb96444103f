import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { type SealOptions, type SealedArtifact, sealSubject } from '../../src/core/seal.js'
import { removeAll, shellTreeDigest, shellTreeListing, tempDir } from '../helpers/trees.js'

afterAll(removeAll)

const options: SealOptions = {
  fallbackName: 'repo',
  build: {
    kind: 'local',
    build: { tool: 'test', host: 'test', startedOn: '2026-01-01T00:00:00.000Z' }
  }
}

// Names whose order differs between UTF-16 and UTF-8 (U+FF21 against a surrogate pair), and
// "-" and "." that sort before "/": a directory "a" and a file "a-b" or "a.b" beside it. No
// name starts with "-", which the shell oracle's sha256sum would read as an option.
const name = fc
  .stringMatching(/^[ab.\u00e9\uff21\u{1F600}][ab\-.\u00e9\uff21\u{1F600}]{0,2}$/u)
  .filter((n) => n !== '.' && n !== '..')
const MODES = [0o644, 0o755, 0o700, 0o600, 0o744, 0o654, 0o645, 0o640, 0o710]

const tree = fc.record({
  files: fc.uniqueArray(
    fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.constantFrom(...MODES)),
    { minLength: 1, maxLength: 40, selector: ([segments]) => segments.join('/') }
  ),
  // Links to files of the tree or their directories, by index: their execute bit is their target's.
  links: fc.array(fc.tuple(name, fc.nat()), { maxLength: 3 })
})

type TreeSpec = typeof tree extends fc.Arbitrary<infer T> ? T : never

/** Writes the tree; a path that is also a directory above another path stays a directory. */
function writeModedTree(spec: TreeSpec): string {
  const root = tempDir('seal-tree-')
  const paths = spec.files.map(([segments]) => segments.join('/'))
  const files = spec.files.filter(
    ([segments]) => !paths.some((p) => p.startsWith(`${segments.join('/')}/`))
  )
  for (const [segments, mode] of files) {
    const abs = path.join(root, ...segments)
    fs.mkdirSync(path.dirname(abs), { recursive: true })
    fs.writeFileSync(abs, `${segments.join('/')} ${mode}\n`)
    fs.chmodSync(abs, mode)
  }
  for (const [linkName, index] of spec.links) {
    const segments = (files[index % files.length] as (typeof files)[number])[0]
    // Every other link to a directory: walked as a directory, yet named like a file.
    const target = (index % 2 === 1 && segments.length > 1 ? segments.slice(0, -1) : segments).join(
      '/'
    )
    const at = path.join(root, `link ${linkName}`)
    if (!fs.existsSync(at)) fs.symlinkSync(target, at)
  }
  return root
}

/** The executable files as find reports their modes (links followed), in byte order. */
function findExecutables(root: string): string[] {
  const out = execFileSync('find', ['-L', '.', '-type', 'f', '-printf', '%m %P\\0'], {
    cwd: root,
    encoding: 'utf8'
  })
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ')
      return { mode: parseInt(line.slice(0, space), 8), path: line.slice(space + 1) }
    })
    .filter(({ mode }) => (mode & 0o111) !== 0)
    .map(({ path: p }) => p)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

describe('a sealed tree (property)', () => {
  it('lists what sha256sum lists and marks executable what find says is, with or without workers', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.constantFrom(0, 1), async (spec, workers) => {
        const root = writeModedTree(spec)
        const sealed = await sealSubject(
          {
            kind: 'paths',
            patterns: { include: [root], exclude: [] },
            baseDir: root,
            inputName: 'subject-path'
          },
          { ...options, workers }
        )
        expect(sealed.listing.toString('utf8')).toBe(shellTreeListing(root))
        expect(sealed.digest).toBe(shellTreeDigest(root))
        const modes = JSON.parse((sealed.modes as Buffer).toString('utf8')) as {
          executable: string[]
        }
        expect(modes.executable).toEqual(findExecutables(root))
      }),
      { numRuns: 40 }
    )
  })
})

/** The listing sha256sum prints for the tree with every entry named `*b` pruned, file or directory. */
function shellListingWithout(root: string, glob: string): string {
  return execFileSync(
    'bash',
    [
      '-c',
      `find -L . -name '${glob}' -prune -o -type f -print | cut -c3- | LC_ALL=C sort | xargs -r -d '\\n' sha256sum`
    ],
    { cwd: root, encoding: 'utf8' }
  )
}

describe('a tree sealed through several patterns and an exclusion (property)', () => {
  it('lists what sha256sum lists of the same files, whatever order the patterns come in and however they overlap', async () => {
    await fc.assert(
      fc.asyncProperty(
        tree,
        fc.constantFrom(0, 1),
        fc.func(fc.integer()),
        fc.boolean(),
        async (spec, workers, shuffleKey, overlap) => {
          const root = writeModedTree(spec)
          // Every third file empty: a short first read of nothing is a whole file too.
          spec.files.forEach(([segments], i) => {
            const abs = path.join(root, ...segments)
            if (i % 3 === 0 && fs.statSync(abs).isFile()) fs.truncateSync(abs, 0)
          })
          const top = fs.readdirSync(root).sort((a, b) => shuffleKey(a) - shuffleKey(b))
          // A pattern that names again files another pattern reaches: each is listed once.
          const include = overlap ? [...top, '**'] : top
          const expected = shellListingWithout(root, '*b')
          const seal = (): Promise<SealedArtifact> =>
            sealSubject(
              {
                kind: 'paths',
                patterns: { include, exclude: ['**/*b'] },
                baseDir: root,
                root,
                inputName: 'subject-path',
                unusedExclusions: 'allow'
              },
              { ...options, workers }
            )
          if (expected === '') await expect(seal()).rejects.toThrowSealError('bad-input')
          else expect((await seal()).listing.toString('utf8')).toBe(expected)
        }
      ),
      { numRuns: 40 }
    )
  })
})
