import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { type Digest, digestFromHex } from '../../src/core/digest.js'
import {
  type HashedSubject,
  agreeingKind,
  checkSubjectKind,
  isCanonicalListing,
  kindFromListing,
  kindFromStatement,
  refuseListingAsFile
} from '../../src/core/kind.js'
import {
  type ListingEntry,
  digestOfListing,
  formatListing,
  sortEntries
} from '../../src/core/listing.js'
import { sealSubject } from '../../src/core/seal.js'
import { statementSubject } from '../../src/core/statement.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const INPUTS = { subject: 'subject-path', checksums: 'checksums-path' }
const sha256 = (bytes: string | Uint8Array): Digest =>
  digestFromHex(createHash('sha256').update(bytes).digest('hex'))
const hex = (seed: string): string => createHash('sha256').update(seed).digest('hex')

/** A listing as a seal writes it, for the given paths. */
function listingOf(paths: readonly string[]): { text: string; entries: ListingEntry[] } {
  const entries = sortEntries(paths.map((p) => ({ path: p, hex: hex(p) })))
  return { text: formatListing(entries), entries }
}

function fileSubject(file: string, digest: Digest): HashedSubject {
  return { kind: 'file', display: path.basename(file), fileCount: 1, file, digest }
}

/** Every refusal names the input that gave the subject. */
const SEAL_ERROR = /^subject-path: /

const treeSubject = (digest: Digest, fileCount: number): HashedSubject => ({
  kind: 'tree',
  display: 'site',
  fileCount,
  file: null,
  digest
})

describe('what the seal recorded', () => {
  it('a listing records a tree by its own digest and a file by its one line', () => {
    const tree = listingOf(['a.txt', 'b/c.txt'])
    expect(kindFromListing(tree.entries, digestOfListing(tree.text), 'L')).toEqual({
      kind: 'tree',
      source: 'L',
      fileCount: 2
    })
    const one = listingOf(['app.tgz'])
    expect(kindFromListing(one.entries, digestFromHex(hex('app.tgz')), 'L')).toEqual({
      kind: 'file',
      source: 'L',
      fileCount: 1
    })
    expect(kindFromListing(tree.entries, sha256('other'), 'L')).toBeNull()
  })

  it(
    'a statement records a tree by dirHash (or dirHash1, as older seals wrote) beside sha256, a file by ' +
      'sha256 alone',
    () => {
      const d = sha256('x')
      const statement = (digest: Record<string, string>) => ({ subject: [{ name: 'n', digest }] })
      expect(kindFromStatement({ subject: [statementSubject('site', d, true)] }, d)).toBe('tree')
      expect(kindFromStatement({ subject: [statementSubject('app', d, false)] }, d)).toBe('file')
      expect(kindFromStatement(statement({ sha256: d.slice(7), dirHash: d.slice(7) }), d)).toBe(
        'tree'
      )
      expect(kindFromStatement(statement({ dirHash: d.slice(7) }), d)).toBe('tree')
      expect(kindFromStatement(statement({ sha256: d.slice(7), dirHash1: d.slice(7) }), d)).toBe(
        'tree'
      )
      expect(
        kindFromStatement(statement({ sha256: d.slice(7), dirHash1: 'f'.repeat(64) }), d)
      ).toBeNull()
      expect(
        kindFromStatement(statement({ sha256: d.slice(7), dirHash: 'f'.repeat(64) }), d)
      ).toBeNull()
      expect(
        kindFromStatement({ subject: [statementSubject('site', sha256('y'), true)] }, d)
      ).toBeNull()
      expect(kindFromStatement('not a statement', d)).toBeNull()
    }
  )

  it('a listing and a statement that disagree are refused, naming both', () => {
    const d = sha256('x')
    const listing = { kind: 'file' as const, source: 'checksums-path "a.sha256"', fileCount: 1 }
    const statement = {
      kind: 'tree' as const,
      source: 'the statement "a.intoto.json"',
      fileCount: null
    }
    expect(agreeingKind(listing, null, d, 'checksums-path')).toBe(listing)
    expect(() => agreeingKind(listing, statement, d, 'checksums-path')).toThrowSealError(
      'tampered',
      'checksums-path',
      `${d}`
    )
  })
})

describe('a listing as a file', () => {
  it('is recognized only in the exact form a seal writes, the one whose sha256 is a tree digest', () => {
    const { text } = listingOf(['a.txt', 'b/c.txt'])
    expect(isCanonicalListing(Buffer.from(text))).toBe(true)
    expect(isCanonicalListing(Buffer.from(`# comment\n${text}`))).toBe(false)
    expect(
      isCanonicalListing(Buffer.from(text.split('\n').reverse().join('\n').trimStart() + '\n'))
    ).toBe(false)
    expect(isCanonicalListing(Buffer.from(text.replace('  a.txt', ' *a.txt')))).toBe(false)
    expect(isCanonicalListing(Buffer.from(text.toUpperCase()))).toBe(false)
    expect(isCanonicalListing(Buffer.from(text.slice(0, -1)))).toBe(false)
    expect(isCanonicalListing(Buffer.from(''))).toBe(false)
    expect(isCanonicalListing(Buffer.from([0xff, 0xfe, 0x00]))).toBe(false)
  })

  it('is refused by the seal, naming the file', () => {
    const dir = tempDir()
    const { text } = listingOf(['a.txt'])
    writeTree(dir, { SUMS: text, 'app.tgz': 'tarball' })
    expect(() => refuseListingAsFile(path.join(dir, 'SUMS'), 'subject-path')).toThrowSealError(
      'bad-input',
      'subject-path',
      `${path.join(dir, 'SUMS')}`
    )
    expect(() => refuseListingAsFile(path.join(dir, 'app.tgz'), 'subject-path')).not.toThrow()
  })
})

describe('checkSubjectKind: the one rule every verify applies', () => {
  it('refuses one file where the listing says a tree was sealed, with the file count', () => {
    const tree = listingOf(['a.txt', 'b.txt', 'c.txt'])
    const digest = digestOfListing(tree.text)
    const recorded = kindFromListing(tree.entries, digest, 'checksums-path "site.sha256"')
    const file = path.join(tempDir(), 'site')
    fs.writeFileSync(file, tree.text)
    expect(() =>
      checkSubjectKind(fileSubject(file, digest), digest, recorded, INPUTS)
    ).toThrowSealError('bad-input', 'subject-path', `${digest}`)
  })

  it('refuses a tree where one file was sealed', () => {
    const digest = sha256('tarball')
    expect(() =>
      checkSubjectKind(
        treeSubject(sha256('x'), 2),
        digest,
        { kind: 'file', source: 'L', fileCount: 1 },
        INPUTS
      )
    ).toThrowSealError('bad-input', 'subject-path', `${digest}`)
  })

  it(
    'refuses, by digest alone, one file whose bytes are a listing, and lets any other file and any tree ' +
      'through',
    () => {
      const dir = tempDir()
      const tree = listingOf(['a.txt'])
      writeTree(dir, { listing: tree.text, other: 'bytes' })
      const digest = sha256(tree.text)
      expect(() =>
        checkSubjectKind(fileSubject(path.join(dir, 'listing'), digest), digest, null, INPUTS)
      ).toThrowSealError('bad-input', 'subject-path', `${digest}`)
      expect(() =>
        checkSubjectKind(
          fileSubject(path.join(dir, 'other'), sha256('bytes')),
          sha256('bytes'),
          null,
          INPUTS
        )
      ).not.toThrow()
      expect(() => checkSubjectKind(treeSubject(digest, 1), digest, null, INPUTS)).not.toThrow()
    }
  )

  it(
    'refuses it even when a one-line listing claims a file was sealed: such a listing is as easy to write as ' +
      'the file',
    () => {
      const dir = tempDir()
      const tree = listingOf(['a.txt', 'b.txt'])
      const digest = sha256(tree.text)
      writeTree(dir, { site: tree.text })
      const forged = kindFromListing(
        [{ path: 'site', hex: digest.slice(7) }],
        digest,
        'checksums-path "forged.sha256"'
      )
      expect(forged?.kind).toBe('file')
      expect(() =>
        checkSubjectKind(fileSubject(path.join(dir, 'site'), digest), digest, forged, INPUTS)
      ).toThrowSealError('bad-input', '"forged.sha256"')
    }
  )

  const segment = fc
    .stringMatching(/^[A-Za-z0-9._ -]{1,12}$/)
    .filter((s) => s !== '.' && s !== '..' && !s.startsWith(' '))
  const listingPaths = fc.uniqueArray(
    fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
    { minLength: 1, maxLength: 20 }
  )

  it('property: any listing a seal could write, as one file, is refused by its digest alone', () => {
    const dir = tempDir()
    let n = 0
    fc.assert(
      fc.property(listingPaths, (paths) => {
        const { text } = listingOf(paths)
        const file = path.join(dir, `listing-${n++}`)
        fs.writeFileSync(file, text)
        const digest = sha256(text)
        expect(digest).toBe(digestOfListing(text))
        expect(() =>
          checkSubjectKind(fileSubject(file, digest), digest, null, INPUTS)
        ).toThrowSealError('bad-input')
      }),
      { numRuns: 60 }
    )
  })

  it('property: a tree never verifies as a file, whatever the listing records', () => {
    const dir = tempDir()
    let n = 0
    fc.assert(
      fc.property(listingPaths, fc.boolean(), (paths, sayFile) => {
        const { text, entries } = listingOf(paths)
        const digest = digestOfListing(text)
        const file = path.join(dir, `tree-${n++}`)
        fs.writeFileSync(file, text)
        // The seal's own listing (tree), or a one-line listing forged to say "file".
        const recorded = sayFile
          ? kindFromListing([{ path: 'x', hex: digest.slice(7) }], digest, 'L')
          : kindFromListing(entries, digest, 'L')
        expect(() => checkSubjectKind(fileSubject(file, digest), digest, recorded, INPUTS)).toThrow(
          SEAL_ERROR
        )
      }),
      { numRuns: 60 }
    )
  })

  it(
    'holds for a real tree sealed by the engine: its listing, written as a file, hashes to the tree and is ' +
      'refused',
    async () => {
      const root = writeTree(tempDir(), { 'index.html': '<h1>', 'assets/app.js': 'a()' })
      const sealed = await sealSubject(
        {
          kind: 'paths',
          patterns: { include: [root], exclude: [] },
          baseDir: root,
          inputName: 'subject-path'
        },
        {
          fallbackName: 'x',
          build: {
            kind: 'local',
            build: { tool: 't', host: 'h', startedOn: '2026-01-01T00:00:00.000Z' }
          }
        }
      )
      const file = path.join(tempDir(), 'site')
      fs.writeFileSync(file, sealed.listing)
      expect(sha256(fs.readFileSync(file))).toBe(sealed.digest)
      expect(() =>
        checkSubjectKind(fileSubject(file, sealed.digest), sealed.digest, null, INPUTS)
      ).toThrowSealError('bad-input')
    }
  )
})
