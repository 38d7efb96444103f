import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { detectContractKind } from '../../../src/core/contract/detect.js'
import { isProtobufFile, kindOfName } from '../../../src/core/contract/file-kinds.js'
import { checkContractIdentity, describeContract } from '../../../src/core/contract/identity.js'
import {
  type ContractFileEntry,
  type ContractManifest,
  type VersionSource,
  contractDigest,
  contractIdentityText,
  parseManifest
} from '../../../src/core/contract/manifest.js'
import { SealError } from '../../../src/core/errors.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

const hex = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((b) => Buffer.from(b).toString('hex'))
// Paths as listings allow them: spaces, backslashes, tabs, non-ASCII, no line breaks, no empty/./.. segments.
const segment = fc
  .stringMatching(/^[a-zA-Z0-9 ._\\\t\u00e9\u4e2d\u{1F600}-]{1,6}$/u)
  .filter((s) => s !== '.' && s !== '..')
const filePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'))
const fileEntry: fc.Arbitrary<ContractFileEntry> = fc.oneof(
  fc.record({
    path: filePath,
    kind: fc.constant('openapi' as const),
    sha256: hex,
    role: fc.constant(null),
    openapiVersion: fc.constantFrom('2.0' as const, '3.0' as const, '3.1' as const)
  }),
  fc.record({
    path: filePath,
    kind: fc.constant('jsonschema' as const),
    sha256: hex,
    role: fc.constantFrom('produces' as const, 'consumes' as const),
    openapiVersion: fc.constant(null)
  }),
  fc.record({
    path: filePath,
    kind: fc.constantFrom('graphql' as const, 'protobuf' as const, 'reference' as const),
    sha256: hex,
    role: fc.constant(null),
    openapiVersion: fc.constant(null)
  })
)
const version = fc.stringMatching(/^[0-9a-zA-Z.+_-]{1,8}$/)
const versionFrom = fc.constantFrom<VersionSource>('info.version', 'contract-version', 'none')
const manifestFields = fc.record({
  version,
  from: versionFrom,
  files: fc.uniqueArray(fileEntry, { minLength: 1, maxLength: 5, selector: (f) => f.path })
})

/** Every field of a manifest, with the files in path order: two manifests say the same exactly when these are equal. */
const canonical = (m: { version: string; from: string; files: readonly ContractFileEntry[] }) =>
  JSON.stringify([
    m.version,
    m.from,
    [...m.files]
      .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
      .map((f) => [f.path, f.kind, f.sha256, f.role, f.openapiVersion])
  ])

type Mutable = { -readonly [K in keyof ContractFileEntry]: ContractFileEntry[K] }
type Fields = { version: string; from: VersionSource; files: ContractFileEntry[] }
type Mutation =
  | { readonly field: 'version'; readonly value: string }
  | { readonly field: 'from'; readonly value: VersionSource }
  | {
      readonly field: 'path' | 'sha256' | 'kind' | 'role' | 'openapiVersion' | 'drop'
      readonly index: number
      readonly value: string
    }

/** One field of one file (or of the manifest) changed to another value it may take. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ field: fc.constant('version' as const), value: version }),
  fc.record({ field: fc.constant('from' as const), value: versionFrom }),
  fc.record({
    field: fc.constantFrom(
      'path' as const,
      'sha256' as const,
      'kind' as const,
      'role' as const,
      'openapiVersion' as const,
      'drop' as const
    ),
    index: fc.nat(),
    value: fc.oneof(filePath, hex)
  })
)

function mutate(m: Fields, change: Mutation): Fields {
  const files: Mutable[] = m.files.map((f) => ({ ...f }))
  if (change.field === 'version') return { ...m, files, version: change.value }
  if (change.field === 'from') return { ...m, files, from: change.value }
  const i = change.index % files.length
  const file = files[i] as Mutable
  switch (change.field) {
    case 'path':
      if (!files.some((f) => f.path === change.value)) file.path = change.value
      break
    case 'sha256':
      file.sha256 = createHash('sha256').update(String(change.value)).digest('hex')
      break
    case 'kind':
      Object.assign(
        file,
        file.kind === 'reference'
          ? { kind: 'protobuf' }
          : { kind: 'reference', role: null, openapiVersion: null }
      )
      break
    case 'role':
      if (file.role !== null) file.role = file.role === 'produces' ? 'consumes' : 'produces'
      break
    case 'openapiVersion':
      if (file.openapiVersion !== null)
        file.openapiVersion = file.openapiVersion === '3.1' ? '3.0' : '3.1'
      break
    case 'drop':
      if (files.length > 1) files.splice(i, 1)
      break
  }
  return { ...m, files }
}

describe('the contract digest', () => {
  it(
    'differs whenever any field of the manifest differs: no two contracts that say different things share a ' +
      'digest',
    () => {
      fc.assert(
        fc.property(
          manifestFields,
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (fields, changes) => {
            const original: Fields = {
              version: fields.version,
              from: fields.from,
              files: fields.files
            }
            const changed = changes.reduce((m, c) => mutate(m, c), original)
            const same = canonical(original) === canonical(changed)
            const digest = (m: Fields) =>
              contractDigest({ version: m.version, from: m.from }, m.files)
            expect(digest(original) === digest(changed)).toBe(same)
            expect(
              contractIdentityText(
                { version: original.version, from: original.from },
                original.files
              ) ===
                contractIdentityText(
                  { version: changed.version, from: changed.from },
                  changed.files
                )
            ).toBe(same)
          }
        ),
        { numRuns: 400 }
      )
    }
  )

  it('is read back from a manifest only when every field checks and its digest is what they make', () => {
    fc.assert(
      fc.property(
        manifestFields.filter((f) => f.files.some((e) => e.kind !== 'reference')),
        mutation,
        (fields, change) => {
          const written: ContractManifest = {
            format: 'artifact-seal/contract/v2',
            version: fields.version,
            versionFrom: fields.from,
            digest: contractDigest({ version: fields.version, from: fields.from }, fields.files),
            files: fields.files
          }
          expect(parseManifest(JSON.stringify(written), 'm.json').digest).toBe(written.digest)
          // Edited and the digest left as it was: refused, unless the edit changed nothing.
          const changed = mutate(
            { version: fields.version, from: fields.from, files: [...fields.files] },
            change
          )
          const edited = {
            ...written,
            version: changed.version,
            versionFrom: changed.from,
            files: changed.files
          }
          if (
            canonical(changed) ===
            canonical({ version: fields.version, from: fields.from, files: fields.files })
          )
            return
          if (changed.files.every((f) => f.kind === 'reference')) return
          expect(
            sealErrorOf(() => parseManifest(JSON.stringify(edited), 'm.json'), 'malformed')
          ).toMatch(
            /^m\.json: says its digest is sha256:[0-9a-f]{64}, but what it says makes sha256:[0-9a-f]{64}: it was edited/
          )
        }
      ),
      { numRuns: 300 }
    )
  })
})

/**
 * A contract as bytes in memory: an OpenAPI document referring to a fragment, a JSON Schema, a
 * protobuf pair, GraphQL.
 */
const FILES = new Map<string, Buffer>(
  Object.entries({
    'api/openapi.yaml':
      'openapi: 3.0.3\ninfo: { title: shop, version: 1.2.0 }\npaths:\n  /o:\n    get:\n      ' +
      "responses:\n        '200': { description: ok, content: { application/json: " +
      "{ schema: { $ref: 'common.yaml#/Order' } } } }\n",
    'api/common.yaml': 'Order: { type: object, properties: { id: { type: string } } }\n',
    'events/order.json':
      '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}\n',
    'proto/b.proto':
      'syntax = "proto3";\npackage p;\nimport "proto/a.proto";\nmessage B { A a = 1; }\n',
    'proto/a.proto': 'syntax = "proto3";\npackage p;\nmessage A { string id = 1; }\n',
    'schema.graphql': 'type Query { a: Int }\n'
  }).map(([p, t]) => [p, Buffer.from(t)])
)
const read = (p: string): Buffer => {
  const bytes = FILES.get(p)
  if (bytes === undefined) throw new SealError('unreadable', `no ${p}`)
  return bytes
}
const DECLARED = [
  { path: 'api/openapi.yaml', role: null },
  { path: 'events/order.json', role: 'consumes' as const },
  { path: 'proto/b.proto', role: null },
  { path: 'schema.graphql', role: null }
]

/**
 * What can be said differently about the sealed contract: derived fields (the bytes say otherwise)
 * and declarations.
 */
const EDITS: Record<
  string,
  {
    readonly derived: boolean
    readonly edit: (m: {
      version: string
      versionFrom: VersionSource
      files: Record<string, unknown>[]
    }) => void
  }
> = {
  // Which files the contract input names is a declaration, as the role is: another contract digest.
  'a referenced file declared a contract file': {
    derived: false,
    edit: (m) =>
      void Object.assign(m.files.find((f) => f.path === 'proto/a.proto') as object, {
        kind: 'protobuf'
      })
  },
  'a contract file made a reference': {
    derived: true,
    edit: (m) =>
      void Object.assign(m.files.find((f) => f.path === 'schema.graphql') as object, {
        kind: 'reference'
      })
  },
  'the OpenAPI document read as GraphQL': {
    derived: true,
    edit: (m) =>
      void Object.assign(m.files.find((f) => f.path === 'api/openapi.yaml') as object, {
        kind: 'graphql',
        openapiVersion: null
      })
  },
  'the OpenAPI version': {
    derived: true,
    edit: (m) =>
      void Object.assign(m.files.find((f) => f.path === 'api/openapi.yaml') as object, {
        openapiVersion: '3.1'
      })
  },
  'a reference dropped': {
    derived: true,
    edit: (m) => void (m.files = m.files.filter((f) => f.path !== 'api/common.yaml'))
  },
  'the version, bound to info.version': { derived: true, edit: (m) => void (m.version = '9.0.0') },
  'the version source, none': { derived: true, edit: (m) => void (m.versionFrom = 'none') },
  'the JSON Schema role': {
    derived: false,
    edit: (m) =>
      void Object.assign(m.files.find((f) => f.path === 'events/order.json') as object, {
        role: 'produces'
      })
  },
  'the version, declared': {
    derived: false,
    edit: (m) => {
      m.version = '9.0.0'
      m.versionFrom = 'contract-version'
    }
  }
}

describe('a manifest read back with its files', () => {
  const sealed = describeContract(DECLARED, read, {
    version: { given: '' },
    inputs: { contract: 'contract', version: 'contract-version' }
  })

  it('describes the sealed contract: the reference and import followed, the version from info.version', () => {
    expect(sealed.files.map((f) => [f.path, f.kind])).toEqual([
      ['api/common.yaml', 'reference'],
      ['api/openapi.yaml', 'openapi'],
      ['events/order.json', 'jsonschema'],
      ['proto/a.proto', 'reference'],
      ['proto/b.proto', 'protobuf'],
      ['schema.graphql', 'graphql']
    ])
    expect([sealed.version, sealed.versionFrom]).toEqual(['1.2.0', 'info.version'])
    expect(() => checkContractIdentity(sealed, read, 'm.json')).not.toThrow()
  })

  it(
    'refuses any edit of what the bytes say, its digest recomputed; an edited declaration verifies but is ' +
      'another contract digest',
    () => {
      // A declared version overrides the two edits of the version that the bytes contradict: never together.
      const together = (names: string[]) =>
        !(
          names.includes('the version, declared') &&
          names.some(
            (n) => n === 'the version source, none' || n === 'the version, bound to info.version'
          )
        )
      fc.assert(
        fc.property(fc.subarray(Object.keys(EDITS), { minLength: 1 }).filter(together), (names) => {
          const m = JSON.parse(JSON.stringify(sealed)) as {
            version: string
            versionFrom: VersionSource
            files: Record<string, unknown>[]
            digest: string
          }
          for (const name of names) EDITS[name]?.edit(m)
          m.digest = contractDigest(
            { version: m.version, from: m.versionFrom },
            m.files as unknown as ContractFileEntry[]
          )
          const derived = names.some((n) => EDITS[n]?.derived)
          let forged: ContractManifest
          try {
            forged = parseManifest(JSON.stringify(m), 'm.json')
          } catch (error) {
            // Some combinations are refused by the manifest's own rules (no contract file left, a
            // role on a non-schema).
            expect(derived).toBe(true)
            expect(error).toBeInstanceOf(SealError)
            return
          }
          if (derived) {
            expect(
              sealErrorOf(() => checkContractIdentity(forged, read, 'm.json'), 'tampered')
            ).toMatch(
              /^m\.json: .*The manifest was edited after sealing|^m\.json: the manifest does not describe its files as the seal does/
            )
          } else {
            expect(() => checkContractIdentity(forged, read, 'm.json')).not.toThrow()
            expect(forged.digest).not.toBe(sealed.digest)
          }
        }),
        { numRuns: 200 }
      )
    }
  )
})

describe('one table of contract file kinds', () => {
  it('detection and comparison read a name alike, whatever the case of its extension', () => {
    const casing = (ext: string) =>
      fc
        .array(fc.boolean(), { minLength: ext.length, maxLength: ext.length })
        .map((up) => [...ext].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''))
    const named = fc
      .constantFrom('proto', 'graphql', 'graphqls', 'gql')
      .chain((ext) => fc.tuple(fc.constant(ext), casing(ext)))
    fc.assert(
      fc.property(named, fc.stringMatching(/^[a-z][a-z0-9_/]{0,8}$/), ([ext, written], stem) => {
        const file = `${stem}.${written}`
        const expected = ext === 'proto' ? 'protobuf' : 'graphql'
        expect(kindOfName(file)).toBe(expected)
        expect(detectContractKind(file, '').kind).toBe(expected)
        expect(isProtobufFile(file)).toBe(expected === 'protobuf')
      })
    )
  })
})
