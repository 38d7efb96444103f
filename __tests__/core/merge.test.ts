import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { mergeSealBundles, partSourceFromArgument } from '../../src/app/seal/merge-bundles.js'
import type { MergePartSource } from '../../src/app/seal/types.js'
import { sealToBundle } from '../../src/app/seal/seal-to-bundle.js'
import { type Digest, digestFromHex } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import {
  describesListing,
  digestOfListing,
  formatListing,
  type ListingEntry,
  parseListing
} from '../../src/core/listing.js'
import {
  PART_URI_PREFIX,
  checkPartName,
  mergeListings,
  mergedStatement,
  parsePartDigests,
  partDigest
} from '../../src/core/merge.js'
import { sealedByFromStatement } from '../../src/core/provenance.js'
import { type SealOptions, type SealedArtifact, sealSubject } from '../../src/core/seal.js'
import type { BuildContext } from '../../src/core/statement.js'
import {
  removeAll,
  shellFileDigest,
  shellTreeDigest,
  shellTreeListing,
  tempDir,
  writeTree
} from '../helpers/trees.js'

afterAll(removeAll)

const LOCAL: BuildContext = {
  kind: 'local',
  build: { tool: 'test', host: 'test', startedOn: '2026-01-01T00:00:00.000Z' }
}
const WORKFLOW: BuildContext = {
  kind: 'workflow',
  build: {
    serverUrl: 'https://github.com',
    repository: 'octo/app',
    repositoryId: '1',
    repositoryOwnerId: '2',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    workflowRef: 'octo/app/.github/workflows/release.yml@refs/heads/main',
    eventName: 'push',
    runId: '42',
    runAttempt: '1',
    runnerEnvironment: 'github-hosted'
  }
}
const options: SealOptions = { fallbackName: 'repo', build: LOCAL }

const hex = (c: string): string => c.repeat(64)
const entry = (p: string, c = '0'): ListingEntry => ({ path: p, hex: hex(c) })

function sealPaths(baseDir: string, include: string): Promise<SealedArtifact> {
  return sealSubject(
    {
      kind: 'paths',
      patterns: { include: [include], exclude: [] },
      baseDir,
      inputName: 'subject-path'
    },
    options
  )
}

const entriesOf = (sealed: SealedArtifact): ListingEntry[] =>
  parseListing(sealed.listing.toString('utf8'), sealed.name)

/** Copies each part's files to `<root>/<part>/…`: the tree the merged seal stands for. */
function layOut(parts: Record<string, string>): string {
  const root = tempDir('laid-out-')
  for (const [name, from] of Object.entries(parts)) {
    const to = path.join(root, name)
    if (fs.statSync(from).isDirectory()) fs.cpSync(from, to, { recursive: true })
    else {
      fs.mkdirSync(to)
      fs.copyFileSync(from, path.join(to, path.basename(from)))
    }
  }
  return root
}

/** Three legs of a matrix build: two trees and one single file, with awkward names. */
function matrixLegs(): { linux: string; windows: string; cli: string } {
  const base = tempDir('legs-')
  writeTree(base, {
    'linux/bin/app': 'ELF',
    'linux/lib/libapp.so': 'so',
    'linux/share/café-ß-日本.txt': 'unicode',
    'linux/share/\u{1F600}.txt': 'above U+FFFF',
    'linux/share/\uFF21.txt': 'fullwidth A',
    'linux/with space/x y.txt': 'spaces',
    'linux/.hidden': 'dot',
    'linux/empty': '',
    'windows/bin/app.exe': 'MZ',
    'windows/a-c': 'sorts before a/',
    'windows/a/b': 'nested',
    'cli/artifact-seal.tgz': Buffer.alloc(70_000, 3)
  })
  return {
    linux: path.join(base, 'linux'),
    windows: path.join(base, 'windows'),
    cli: path.join(base, 'cli/artifact-seal.tgz')
  }
}

describe('mergeListings', () => {
  it(
    'gives the digest and listing of sealing the tree laid out as <part>/<files>, and of find | sort | ' +
      'sha256sum',
    async () => {
      const legs = matrixLegs()
      const linux = await sealPaths(legs.linux, '.')
      const windows = await sealPaths(legs.windows, '.')
      const cli = await sealPaths(path.dirname(legs.cli), legs.cli)
      expect(cli.kind).toBe('file')
      expect(cli.digest).toBe(shellFileDigest(legs.cli))

      const merged = mergeListings([
        { name: 'linux-x64', entries: entriesOf(linux) },
        { name: 'windows-x64', entries: entriesOf(windows) },
        { name: 'cli', entries: entriesOf(cli) }
      ])
      const root = layOut({ 'linux-x64': legs.linux, 'windows-x64': legs.windows, cli: legs.cli })
      const whole = await sealPaths(root, '.')
      expect(merged.digest).toBe(whole.digest)
      expect(merged.digest).toBe(shellTreeDigest(root))
      expect(merged.listing.toString('utf8')).toBe(shellTreeListing(root))
      expect(merged.listing.equals(whole.listing)).toBe(true)
      expect(merged.digest).toBe(digestOfListing(merged.listing))
      expect(merged.fileCount).toBe(linux.fileCount + windows.fileCount + 1)
      // The single-file part merges as <part>/<file name>.
      expect(merged.listing.toString('utf8')).toContain(
        `${cli.digest.slice(7)}  cli/artifact-seal.tgz\n`
      )
    }
  )

  it('does not depend on the order the parts are given in', () => {
    const a = { name: 'a', entries: [entry('x', '1')] }
    const b = { name: 'b', entries: [entry('y', '2'), entry('z/w', '3')] }
    expect(mergeListings([a, b]).listing.equals(mergeListings([b, a]).listing)).toBe(true)
  })

  it('sorts across parts in byte order, as LC_ALL=C sort does, with unicode part names', async () => {
    const names = ['a', 'a-b', 'a.b', 'B', '\uFF21', '\u{1F600}', 'é', 'z']
    const parts = names.map((name, i) => ({
      name,
      entries: [entry('f', String(i)), entry('sub/g', String(i))]
    }))
    const lines = mergeListings(parts)
      .listing.toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(66))
    expect(lines).toEqual([
      'B/f',
      'B/sub/g',
      'a-b/f',
      'a-b/sub/g', // "-" (0x2d) sorts before "/" (0x2f)
      'a.b/f',
      'a.b/sub/g',
      'a/f',
      'a/sub/g',
      'z/f',
      'z/sub/g',
      'é/f',
      'é/sub/g',
      '\uFF21/f',
      '\uFF21/sub/g',
      '\u{1F600}/f',
      '\u{1F600}/sub/g' // above U+FFFF: after U+FF21 in bytes, before it in UTF-16
    ])

    // The same order the shell gives for real files with those names.
    const root = tempDir('order-')
    for (const name of names) writeTree(root, { [`${name}/f`]: name, [`${name}/sub/g`]: name })
    const real = names.map((name) => ({
      name,
      entries: parseListing(shellTreeListing(path.join(root, name)), name)
    }))
    expect(mergeListings(real).listing.toString('utf8')).toBe(shellTreeListing(root))
    expect(mergeListings(real).digest).toBe((await sealPaths(root, '.')).digest)
  })

  it('refuses a part name that is not one path segment, naming it and the fix', () => {
    for (const bad of ['', '.', '..', 'a/b', '/abs', 'a\nb', 'a\rb', 'a\\b', 'nul\0']) {
      const run = (): unknown => mergeListings([{ name: bad, entries: [entry('f')] }])
      expect(run).toThrow(SealError)
      expect(run).toThrowSealError('bad-input', `${JSON.stringify(bad)}`)
      expect(run).toThrowSealError('bad-input')
    }
    expect(() => checkPartName('linux-x64_1.2', 'x')).not.toThrow()
    expect(() => checkPartName('日本 語', 'x')).not.toThrow()
    expect(() => checkPartName('..a', 'x')).not.toThrow()
  })

  it('refuses the same part name twice', () => {
    const run = (): unknown =>
      mergeListings([
        { name: 'linux', entries: [entry('a')] },
        { name: 'linux', entries: [entry('b')] }
      ])
    expect(run).toThrow(SealError)
    expect(run).toThrowSealError('bad-input', 'part "linux"')
  })

  it('guards against two entries with the same merged path', () => {
    const run = (): unknown =>
      mergeListings([{ name: 'p', entries: [entry('a', '1'), entry('a', '2')] }])
    expect(run).toThrowSealError('bad-input', 'merge', '"p/a"')
  })

  it('refuses no parts, an empty part, a bad digest and a bad path', () => {
    expect(() => mergeListings([])).toThrowSealError('bad-input', 'merge')
    expect(() => mergeListings([{ name: 'p', entries: [] }])).toThrowSealError(
      'bad-input',
      'part "p"'
    )
    expect(() =>
      mergeListings([{ name: 'p', entries: [{ path: 'a', hex: 'ABC' }] }])
    ).toThrowSealError('malformed', 'part "p"', '"a"', '"ABC"')
    expect(() => mergeListings([{ name: 'p', entries: [entry('../escape')] }])).toThrowSealError(
      'malformed',
      'part "p"',
      '"p/../escape"',
      '"."',
      '".."'
    )
  })
})

describe('describesListing and partDigest', () => {
  it('tells a tree digest from a single-file digest', () => {
    const one = [entry('app.tgz', 'c')]
    const tree = digestOfListing(formatListing(one))
    expect(describesListing(one, tree)).toBe('tree')
    expect(describesListing(one, digestFromHex(hex('c')))).toBe('file')
    expect(describesListing(one, digestFromHex(hex('d')))).toBeNull()
    const two = [entry('a', 'c'), entry('b', 'd')]
    expect(describesListing(two, digestFromHex(hex('c')))).toBeNull()
    expect(partDigest(one, 'file')).toBe(digestFromHex(hex('c')))
    expect(partDigest(two, 'tree')).toBe(digestOfListing(formatListing(two)))
    expect(() => partDigest(two, 'file')).toThrow(SealError)
  })
})

describe('parsePartDigests', () => {
  it('reads <part>=<digest> lines, sha256: or bare hex, skipping blanks and comments', () => {
    const digests = parsePartDigests(
      `linux=sha256:${hex('a')}\n\n# the Windows leg\n  windows = ${hex('B')}  \r\n`,
      'part-digests'
    )
    expect([...digests]).toEqual([
      ['linux', digestFromHex(hex('a'))],
      ['windows', digestFromHex(hex('b'))]
    ])
  })

  it('names the line and the fix for each mistake', () => {
    expect(() => parsePartDigests(`linux ${hex('a')}`, 'part-digests')).toThrowSealError(
      'bad-input',
      'part-digests (line 1)'
    )
    expect(() => parsePartDigests(`a/b=${hex('a')}`, 'part-digests')).toThrowSealError(
      'bad-input',
      'part-digests (line 1)',
      '"a/b"',
      '"/"'
    )
    expect(() => parsePartDigests(`x=${hex('a')}\nx=${hex('a')}`, 'part-digests')).toThrowSealError(
      'bad-input',
      'part-digests (line 2)',
      '"x"'
    )
    expect(() => parsePartDigests('x=md5:abc', 'part-digests')).toThrowSealError(
      'bad-input',
      'part-digests (line 1)',
      '"x"',
      '"md5:abc"'
    )
  })
})

describe('mergedStatement', () => {
  const parts = [
    { name: 'linux', digest: digestFromHex(hex('1')), kind: 'tree' as const },
    { name: 'cli tool', digest: digestFromHex(hex('2')), kind: 'file' as const }
  ]

  it('keeps the predicate a seal writes and lists the parts after the commit in resolvedDependencies', () => {
    const digest = digestFromHex(hex('f'))
    const statement = mergedStatement('release', digest, parts, WORKFLOW)
    expect(statement.subject).toEqual([
      { name: 'release', digest: { sha256: hex('f'), dirHash: hex('f') } }
    ])
    const definition = statement.predicate.buildDefinition as Record<string, unknown>
    expect(definition.buildType).toBe('https://actions.github.io/buildtypes/workflow/v1')
    expect(definition.resolvedDependencies).toEqual([
      {
        uri: 'git+https://github.com/octo/app@refs/heads/main',
        digest: { gitCommit: 'a'.repeat(40) }
      },
      {
        uri: `${PART_URI_PREFIX}linux`,
        name: 'linux',
        digest: { sha256: hex('1'), dirHash: hex('1') }
      },
      { uri: `${PART_URI_PREFIX}cli%20tool`, name: 'cli tool', digest: { sha256: hex('2') } }
    ])
    // What reads a seal's provenance reads the merged one the same way.
    expect(sealedByFromStatement(statement, digest)).toEqual({
      repository: 'octo/app',
      commit: 'a'.repeat(40),
      runUrl: 'https://github.com/octo/app/actions/runs/42/attempts/1'
    })
  })

  it('lists only the parts for a local build', () => {
    const statement = mergedStatement('release', digestFromHex(hex('f')), parts, LOCAL)
    const definition = statement.predicate.buildDefinition as {
      resolvedDependencies: { uri: string }[]
      buildType: string
    }
    expect(definition.buildType).toBe('urn:artifact-seal:buildtypes:local:v1')
    expect(definition.resolvedDependencies.map((d) => d.uri)).toEqual([
      'artifact-seal:part/linux',
      'artifact-seal:part/cli%20tool'
    ])
  })
})

describe('mergeSealBundles', () => {
  /** Seals each leg to its own bundle, as each matrix job would. */
  async function sealLegs(): Promise<{
    legs: ReturnType<typeof matrixLegs>
    bundles: Record<
      'linux' | 'windows' | 'cli',
      { checksums: string; statement: string; digest: Digest }
    >
  }> {
    const legs = matrixLegs()
    const out = tempDir('bundles-')
    const seal = async (dir: string, include: string, name: string) => {
      const { artifact, bundle } = await sealToBundle(
        {
          kind: 'paths',
          patterns: { include: [include], exclude: [] },
          baseDir: dir,
          inputName: 'subject-path'
        },
        { ...options, name },
        {
          outputDir: path.join(out, name),
          defaultParent: path.join(out, '.seal'),
          inputName: 'seal-dir'
        }
      )
      return {
        checksums: bundle.checksumsPath,
        statement: bundle.statementPath,
        digest: artifact.digest
      }
    }
    return {
      legs,
      bundles: {
        linux: await seal(legs.linux, '.', 'linux'),
        windows: await seal(legs.windows, '.', 'windows'),
        cli: await seal(path.dirname(legs.cli), legs.cli, 'cli')
      }
    }
  }

  const mergeOptions = (outputDir: string) => ({
    name: 'release',
    build: WORKFLOW,
    outputDir,
    inputName: 'merge-parts'
  })

  it("writes the merged bundle: the laid-out tree's listing, and a statement naming every part", async () => {
    const { legs, bundles } = await sealLegs()
    const outputDir = path.join(tempDir('merged-'), 'out')
    const parts: MergePartSource[] = [
      { checksumsFile: bundles.linux.checksums },
      { checksumsFile: bundles.windows.checksums, expectedDigest: bundles.windows.digest },
      { name: 'tools', checksumsFile: bundles.cli.checksums, expectedDigest: bundles.cli.digest }
    ]
    const result = await mergeSealBundles(parts, mergeOptions(outputDir))

    const root = layOut({ linux: legs.linux, windows: legs.windows, tools: legs.cli })
    expect(result.artifact.digest).toBe(shellTreeDigest(root))
    expect(result.artifact).toMatchObject({
      name: 'release',
      kind: 'checksums',
      fileCount: 12,
      root: null,
      size: null
    })
    expect(result.bundle).toEqual({
      dir: outputDir,
      checksumsPath: path.join(outputDir, 'release.sha256'),
      statementPath: path.join(outputDir, 'release.intoto.json'),
      sigstoreBundlePath: null,
      contractPath: null,
      contractDir: null,
      modesPath: null
    })
    expect(fs.readFileSync(result.bundle.checksumsPath, 'utf8')).toBe(shellTreeListing(root))
    expect(fs.readdirSync(outputDir).sort()).toEqual(['release.intoto.json', 'release.sha256'])

    expect(result.parts).toEqual([
      {
        name: 'linux',
        digest: bundles.linux.digest,
        kind: 'tree',
        fileCount: 8,
        checksumsFile: bundles.linux.checksums,
        statementFile: bundles.linux.statement
      },
      {
        name: 'windows',
        digest: bundles.windows.digest,
        kind: 'tree',
        fileCount: 3,
        checksumsFile: bundles.windows.checksums,
        statementFile: bundles.windows.statement
      },
      {
        name: 'tools',
        digest: bundles.cli.digest,
        kind: 'file',
        fileCount: 1,
        checksumsFile: bundles.cli.checksums,
        statementFile: bundles.cli.statement
      }
    ])
    const statement = JSON.parse(fs.readFileSync(result.bundle.statementPath, 'utf8'))
    expect(statement).toEqual(JSON.parse(JSON.stringify(result.artifact.statement)))
    expect(statement.subject).toEqual([
      {
        name: 'release',
        digest: {
          sha256: result.artifact.digest.slice(7),
          dirHash: result.artifact.digest.slice(7)
        }
      }
    ])
    expect(statement.predicate.buildDefinition.resolvedDependencies.slice(1)).toEqual([
      {
        uri: 'artifact-seal:part/linux',
        name: 'linux',
        digest: { sha256: bundles.linux.digest.slice(7), dirHash: bundles.linux.digest.slice(7) }
      },
      {
        uri: 'artifact-seal:part/windows',
        name: 'windows',
        digest: {
          sha256: bundles.windows.digest.slice(7),
          dirHash: bundles.windows.digest.slice(7)
        }
      },
      {
        uri: 'artifact-seal:part/tools',
        name: 'tools',
        digest: { sha256: bundles.cli.digest.slice(7) }
      }
    ])
  })

  it('refuses a listing changed after sealing: its statement is about another digest', async () => {
    const { bundles } = await sealLegs()
    const text = fs.readFileSync(bundles.windows.checksums, 'utf8')
    fs.writeFileSync(
      bundles.windows.checksums,
      text.replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0'))
    )
    const outputDir = path.join(tempDir('merged-'), 'out')
    const run = mergeSealBundles(
      [{ checksumsFile: bundles.linux.checksums }, { checksumsFile: bundles.windows.checksums }],
      mergeOptions(outputDir)
    )
    await expect(run).rejects.toThrow(SealError)
    await expect(
      mergeSealBundles(
        [{ checksumsFile: bundles.linux.checksums }, { checksumsFile: bundles.windows.checksums }],
        mergeOptions(outputDir)
      )
    ).rejects.toThrowSealError(
      'tampered',
      'merge-parts',
      `${JSON.stringify(bundles.windows.statement)}`,
      `${bundles.windows.digest}`,
      `${JSON.stringify(bundles.windows.checksums)}`
    )
    expect(fs.existsSync(outputDir)).toBe(false)
  })

  it('refuses a statement swapped in from another part, and one that is not a statement', async () => {
    const { bundles } = await sealLegs()
    fs.copyFileSync(bundles.linux.statement, bundles.cli.statement)
    const outputDir = path.join(tempDir('merged-'), 'out')
    await expect(
      mergeSealBundles([{ checksumsFile: bundles.cli.checksums }], mergeOptions(outputDir))
    ).rejects.toThrowSealError('tampered', `${bundles.linux.digest}`)
    fs.writeFileSync(bundles.cli.statement, '{not json')
    await expect(
      mergeSealBundles([{ checksumsFile: bundles.cli.checksums }], mergeOptions(outputDir))
    ).rejects.toThrowSealError(
      'malformed',
      'merge-parts',
      `${JSON.stringify(bundles.cli.statement)}`
    )
    fs.writeFileSync(
      bundles.cli.statement,
      '{"_type":"https://in-toto.io/Statement/v1","subject":[]}'
    )
    await expect(
      mergeSealBundles([{ checksumsFile: bundles.cli.checksums }], mergeOptions(outputDir))
    ).rejects.toThrowSealError('malformed')
    expect(fs.existsSync(outputDir)).toBe(false)
  })

  it('merges a listing without a statement, and checks the expected digest when given', async () => {
    const { bundles } = await sealLegs()
    fs.rmSync(bundles.linux.statement)
    fs.rmSync(bundles.cli.statement)
    const outputDir = path.join(tempDir('merged-'), 'out')
    const ok = await mergeSealBundles(
      [
        { checksumsFile: bundles.linux.checksums },
        { checksumsFile: bundles.cli.checksums, expectedDigest: bundles.cli.digest }
      ],
      mergeOptions(outputDir)
    )
    expect(ok.parts.map((p) => [p.name, p.digest, p.kind, p.statementFile])).toEqual([
      ['linux', bundles.linux.digest, 'tree', null],
      ['cli', bundles.cli.digest, 'file', null]
    ])
    await expect(
      mergeSealBundles(
        [{ checksumsFile: bundles.linux.checksums, expectedDigest: bundles.windows.digest }],
        mergeOptions(outputDir)
      )
    ).rejects.toThrowSealError(
      'tampered',
      'merge-parts',
      `${bundles.windows.digest}`,
      `${JSON.stringify(bundles.linux.checksums)}`,
      `${bundles.linux.digest}`
    )
    // With a statement, the expected digest must be the one the statement seals.
    await expect(
      mergeSealBundles(
        [{ checksumsFile: bundles.windows.checksums, expectedDigest: bundles.linux.digest }],
        mergeOptions(outputDir)
      )
    ).rejects.toThrowSealError('tampered', '"windows"')
  })

  it('checks the digests given by part name, as an action input gives them', async () => {
    const { bundles } = await sealLegs()
    const outputDir = path.join(tempDir('merged-'), 'out')
    const parts = [
      { checksumsFile: bundles.linux.checksums },
      { name: 'tools', checksumsFile: bundles.cli.checksums }
    ]
    const expectedDigests = new Map([
      ['linux', bundles.linux.digest],
      ['tools', bundles.cli.digest]
    ])
    const ok = await mergeSealBundles(parts, { ...mergeOptions(outputDir), expectedDigests })
    expect(ok.parts.map((p) => p.digest)).toEqual([bundles.linux.digest, bundles.cli.digest])
    const opts = { ...mergeOptions(outputDir), expectedDigestsInputName: 'part-digests' }
    await expect(
      mergeSealBundles(parts, {
        ...opts,
        expectedDigests: new Map([['linux', bundles.windows.digest]])
      })
    ).rejects.toThrowSealError('tampered', 'merge-parts', `${bundles.windows.digest}`)
    await expect(
      mergeSealBundles(parts, { ...opts, expectedDigests: new Map([['cli', bundles.cli.digest]]) })
    ).rejects.toThrowSealError('bad-input', 'part-digests', '"cli"', '"linux"', '"tools"')
    await expect(
      mergeSealBundles([{ ...parts[0]!, expectedDigest: bundles.linux.digest }], {
        ...opts,
        expectedDigests: new Map([['linux', bundles.windows.digest]])
      })
    ).rejects.toThrowSealError(
      'bad-input',
      'part-digests',
      `${bundles.linux.digest}`,
      `${bundles.windows.digest}`
    )
  })

  it('reads parts as users write them: NAME=PATH, PATH, or a bundle directory', async () => {
    const { bundles } = await sealLegs()
    const dir = path.dirname(bundles.linux.checksums)
    const base = path.dirname(dir)
    expect(partSourceFromArgument('linux', base, 'merge-parts')).toEqual({
      checksumsFile: bundles.linux.checksums
    })
    expect(partSourceFromArgument('x=linux/linux.sha256', base, 'merge-parts')).toEqual({
      name: 'x',
      checksumsFile: bundles.linux.checksums
    })
    expect(partSourceFromArgument(`x=${dir}`, '/', 'merge-parts')).toEqual({
      name: 'x',
      checksumsFile: bundles.linux.checksums
    })
    // "=" after a "/" belongs to the path.
    expect(partSourceFromArgument('./a=b.sha256', base, 'merge-parts')).toEqual({
      checksumsFile: path.join(base, 'a=b.sha256')
    })
    expect(() => partSourceFromArgument(base, '/', 'merge-parts')).toThrowSealError(
      'bad-input',
      'merge-parts',
      `${JSON.stringify(base)}`
    )
  })

  it('names the file and the input when a part cannot be read or named', async () => {
    const { bundles } = await sealLegs()
    const dir = tempDir('merged-')
    const missing = path.join(dir, 'gone.sha256')
    await expect(
      mergeSealBundles([{ checksumsFile: missing }], mergeOptions(dir))
    ).rejects.toThrowSealError('unreadable', 'merge-parts', `${JSON.stringify(missing)}`)
    const plain = writeTree(dir, { 'sums.txt': fs.readFileSync(bundles.linux.checksums) })
    await expect(
      mergeSealBundles([{ checksumsFile: path.join(plain, 'sums.txt') }], mergeOptions(dir))
    ).rejects.toThrowSealError('bad-input', `${JSON.stringify(path.join(plain, 'sums.txt'))}`)
    await expect(
      mergeSealBundles([{ name: 'a/b', checksumsFile: bundles.linux.checksums }], mergeOptions(dir))
    ).rejects.toThrowSealError(
      'bad-input',
      'merge-parts',
      `${JSON.stringify(bundles.linux.checksums)}`
    )
    await expect(mergeSealBundles([], mergeOptions(dir))).rejects.toThrowSealError(
      'bad-input',
      'merge-parts'
    )
  })

  it('refuses two parts with the same name, naming both listings', async () => {
    const { bundles } = await sealLegs()
    const copy = path.join(tempDir('other-'), 'linux.sha256')
    fs.copyFileSync(bundles.windows.checksums, copy)
    const outputDir = path.join(tempDir('merged-'), 'out')
    await expect(
      mergeSealBundles(
        [{ checksumsFile: bundles.linux.checksums }, { checksumsFile: copy }],
        mergeOptions(outputDir)
      )
    ).rejects.toThrowSealError(
      'bad-input',
      'merge-parts',
      `${JSON.stringify(bundles.linux.checksums)}`,
      `${JSON.stringify(copy)}`
    )
    const ok = await mergeSealBundles(
      [{ checksumsFile: bundles.linux.checksums }, { name: 'linux-2', checksumsFile: copy }],
      mergeOptions(outputDir)
    )
    expect(ok.parts.map((p) => p.name)).toEqual(['linux', 'linux-2'])
  })

  it("never overwrites a part's own bundle", async () => {
    const { bundles } = await sealLegs()
    const before = fs.readFileSync(bundles.linux.checksums)
    await expect(
      mergeSealBundles(
        [{ checksumsFile: bundles.linux.checksums }, { checksumsFile: bundles.windows.checksums }],
        {
          ...mergeOptions(path.dirname(bundles.linux.checksums)),
          name: 'linux',
          outputInputName: '--out'
        }
      )
    ).rejects.toThrowSealError('bad-input', '--out', `${JSON.stringify(bundles.linux.checksums)}`)
    expect(fs.readFileSync(bundles.linux.checksums).equals(before)).toBe(true)
  })
})
