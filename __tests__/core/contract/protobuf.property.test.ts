import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { classifyProtobuf, type ProtoFile } from '../../../src/core/contract/protobuf.js'
import { declarationPositions } from '../../../src/core/contract/protobuf/positions.js'
import { SealError } from '../../../src/core/errors.js'

const RUNS = { numRuns: 300 }

function onlySealErrors(run: () => unknown): unknown {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof SealError))
      throw new Error(`threw ${String(error)} instead of a SealError`, { cause: error })
    return error
  }
}

/** Pieces of .proto text that reach the parser's corners: labels, maps, options, ranges, groups, editions. */
const TOKENS = [
  'syntax',
  'edition',
  '=',
  '"proto3"',
  '"proto2"',
  '"2023"',
  ';',
  'package',
  'a.b',
  'message',
  'M',
  'N',
  '{',
  '}',
  'int32',
  'int64',
  'string',
  'bytes',
  'repeated',
  'optional',
  'required',
  'map',
  '<',
  '>',
  ',',
  'x',
  'y_z',
  '1',
  '2',
  '0x10',
  '010',
  '-1',
  '536870912',
  'enum',
  'E',
  'E0',
  'service',
  'S',
  'rpc',
  'Get',
  '(',
  ')',
  'returns',
  'stream',
  'oneof',
  'o',
  'reserved',
  'to',
  'max',
  '"x"',
  'import',
  'weak',
  'public',
  '"b.proto"',
  '"google/protobuf/timestamp.proto"',
  '"google/protobuf/descriptor.proto"',
  'google.protobuf.Timestamp',
  'option',
  '[',
  ']',
  'json_name',
  'default',
  'group',
  'G',
  'extend',
  'extensions',
  '.',
  '//',
  '/*',
  '*/',
  '\n',
  '"',
  "'",
  'features.field_presence',
  'IMPLICIT',
  'allow_alias',
  'true',
  'idempotency_level',
  '\u0000',
  'é'
]
const protoish = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 60 })
  .map((tokens) => tokens.join(' '))

/** Valid proto3 files: the self-comparison must say nothing about them. */
const IDENT = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/)
const SCALAR = fc.constantFrom(
  'int32',
  'int64',
  'uint32',
  'sint64',
  'fixed32',
  'bool',
  'string',
  'bytes',
  'double',
  'float'
)
const field = fc.record({
  label: fc.constantFrom('', 'repeated ', 'optional '),
  type: SCALAR,
  name: IDENT
})
const message = fc.record({
  name: IDENT.map((n) => `M${n}`),
  fields: fc.uniqueArray(field, { selector: (f) => f.name, maxLength: 6 })
})
const validProto = fc
  .record({
    pkg: fc.constantFrom('', 'shop.v1', 'a.b.c'),
    messages: fc.uniqueArray(message, { selector: (m) => m.name, minLength: 1, maxLength: 4 }),
    enumValues: fc.uniqueArray(
      IDENT.map((n) => `V_${n.toUpperCase()}`),
      { maxLength: 4 }
    )
  })
  .map(({ pkg, messages, enumValues }) => {
    const lines = ['syntax = "proto3";', pkg ? `package ${pkg};` : '']
    for (const m of messages) {
      lines.push(`message ${m.name} {`)
      m.fields.forEach((f, i) => lines.push(`  ${f.label}${f.type} ${f.name} = ${i + 1};`))
      lines.push('}')
    }
    lines.push(
      'enum Kind {',
      '  KIND_UNSPECIFIED = 0;',
      ...enumValues.map((v, i) => `  ${v} = ${i + 1};`),
      '}'
    )
    if (messages.length > 0)
      lines.push(
        `service Svc {\n  rpc Call(${messages[0]?.name}) returns (${messages[messages.length - 1]?.name});\n}`
      )
    return lines.join('\n')
  })

function protos(dir: string): ProtoFile[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.proto'))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name)
      return {
        path: path.relative(dir, full).split(path.sep).join('/'),
        text: fs.readFileSync(full, 'utf8')
      }
    })
}

describe('protobuf parsing, for any text', () => {
  it('throws nothing but a SealError, and a file that parses has no changes against itself', () => {
    fc.assert(
      fc.property(fc.oneof(protoish, fc.string()), (text) => {
        const files = [{ path: 'a.proto', text }]
        const result = onlySealErrors(() => classifyProtobuf(files, files))
        if (Array.isArray(result)) expect(result).toEqual([])
      }),
      RUNS
    )
  })

  it('a missing import is a SealError even when the rest is valid', () => {
    fc.assert(
      fc.property(validProto, (text) => {
        const files = [
          {
            path: 'a.proto',
            text: text.replace(
              'syntax = "proto3";',
              'syntax = "proto3";\nimport "missing/b.proto";'
            )
          }
        ]
        expect(() => classifyProtobuf(files, files)).toThrow(SealError)
      }),
      { numRuns: 50 }
    )
  })

  it('valid files have no changes against themselves', () => {
    fc.assert(
      fc.property(validProto, (text) => {
        const files = [{ path: 'dir/a.proto', text }]
        expect(classifyProtobuf(files, files)).toEqual([])
      }),
      RUNS
    )
  })

  it('every side of the oracle corpus has no changes against itself', () => {
    const root = path.resolve('__fixtures__/contracts/protobuf')
    for (const name of fs.readdirSync(root)) {
      for (const side of ['before', 'after']) {
        const files = protos(path.join(root, name, side))
        expect({ name, side, changes: classifyProtobuf(files, files) }).toEqual({
          name,
          side,
          changes: []
        })
      }
    }
  })

  it('the position scanner never throws, and every position it gives is on a line and column', () => {
    fc.assert(
      fc.property(fc.oneof(protoish, fc.string()), (text) => {
        const positions = [...declarationPositions(text).values()]
        expect(positions.filter((at) => !(at.line >= 1 && at.col >= 1))).toEqual([])
      }),
      RUNS
    )
    // A scanner that finds nothing would pass the property: it finds a plain declaration.
    const plain = [
      ...declarationPositions('syntax = "proto3";\nmessage A {\n  string b = 1;\n}\n').values()
    ]
    expect(plain.length).toBeGreaterThan(0)
  })
})
