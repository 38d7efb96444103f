import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  classifyProtobuf,
  protocJsonName,
  type ProtoFile
} from '../../../src/core/contract/protobuf.js'
import { sealErrorOf } from '../../helpers/seal-error.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const ORDERS = `syntax = "proto3";

package shop.v1;

import "google/protobuf/timestamp.proto";

message Order {
  string id = 1;
  google.protobuf.Timestamp placed_at = 2;
}
`

const SERVICE = `syntax = "proto3";

package shop.v1;

import "shop/v1/orders.proto";

service Orders {
  rpc Get(GetRequest) returns (Order);
}

message GetRequest {
  string id = 1;
}
`

const files = (orders = ORDERS, service = SERVICE): ProtoFile[] => [
  { path: 'proto/shop/v1/orders.proto', text: orders },
  { path: 'proto/shop/v1/service.proto', text: service }
]

describe('classifyProtobuf', () => {
  it('finds nothing between a set of files and itself', () => {
    expect(classifyProtobuf(files(), files())).toEqual([])
  })

  it('resolves imports by a unique path suffix, or under the given import roots', () => {
    expect(classifyProtobuf(files(), files(), { importRoots: ['proto'] })).toEqual([])
    const twice = [
      ...files(),
      {
        path: 'vendor/shop/v1/orders.proto',
        text: ORDERS.replace('package shop.v1;', 'package vendor.v1;')
      }
    ]
    expect(sealErrorOf(() => classifyProtobuf(twice, twice), 'malformed')).toMatch(
      /proto\/shop\/v1\/service\.proto \(before\): the import "shop\/v1\/orders\.proto" matches several files/
    )
    expect(classifyProtobuf(twice, twice, { importRoots: ['proto'] })).toEqual([])
  })

  it('an import outside the set is a SealError naming it and the side', () => {
    const [orders] = files()
    const message = sealErrorOf(
      () =>
        classifyProtobuf(files(), [
          orders as ProtoFile,
          {
            path: 'proto/shop/v1/service.proto',
            text: SERVICE.replace('shop/v1/orders.proto', 'shop/v1/missing.proto')
          }
        ]),
      'malformed'
    )
    expect(message).toBe(
      'proto/shop/v1/service.proto (after): the import "shop/v1/missing.proto" is not among the contract files. ' +
        ('Give the complete set of .proto files: every import must be one of them or a well-known type ' +
          '(google/protobuf/*.proto).')
    )
  })

  it(
    'refuses an import cycle (a <-> b, and a file importing itself) as buf and protoc refuse it, naming the ' +
      'files',
    () => {
      const a = 'syntax = "proto3";\npackage x;\nimport "b.proto";\nmessage A { B b = 1; }\n'
      const b = 'syntax = "proto3";\npackage x;\nimport "a.proto";\nmessage B { int32 n = 1; }\n'
      const self =
        'syntax = "proto3";\npackage x;\n\nimport "a.proto";\nmessage A { int32 n = 1; }\n'
      const pair = [
        { path: 'a.proto', text: a },
        { path: 'b.proto', text: b }
      ]
      const fine = [
        { path: 'a.proto', text: 'syntax = "proto3";\npackage x;\nmessage A { int32 n = 1; }\n' }
      ]
      expect(sealErrorOf(() => classifyProtobuf(fine, pair), 'malformed')).toMatch(
        /^b\.proto:3:1 \(after\): the import "a\.proto" closes a cycle of imports \(a\.proto -> b\.proto -> a\.proto\)\. protoc and buf refuse/
      )
      expect(sealErrorOf(() => classifyProtobuf(pair, fine), 'malformed')).toMatch(
        /^b\.proto:3:1 \(before\): .*\(a\.proto -> b\.proto -> a\.proto\)/
      )
      expect(
        sealErrorOf(() => classifyProtobuf(fine, [{ path: 'a.proto', text: self }]), 'malformed')
      ).toMatch(
        /^a\.proto:4:1 \(after\): the import "a\.proto" closes a cycle of imports \(a\.proto -> a\.proto\)/
      )
      // The oracle: buf refuses the same sets.
      for (const set of [pair, [{ path: 'a.proto', text: self }]]) {
        const dir = writeTree(tempDir(), {
          'buf.yaml': 'version: v2\n',
          ...Object.fromEntries(set.map((f) => [f.path, f.text]))
        })
        const built = spawnSync(path.resolve('node_modules/.bin/buf'), ['build', dir], {
          encoding: 'utf8',
          env: { ...process.env, BUF_CACHE_DIR: path.join(dir, '.cache') }
        })
        expect([built.status, built.stderr]).toEqual([
          expect.any(Number),
          expect.stringContaining('detected cyclic import')
        ])
        expect(built.status).not.toBe(0)
      }
      expect(fs.existsSync(path.resolve('node_modules/.bin/buf'))).toBe(true)
    }
  )

  it(
    "reads the messages of descriptor.proto as field types, not only its options (BigQuery Storage's " +
      'ProtoSchema holds a DescriptorProto)',
    () => {
      const schema = (extra: string) => [
        {
          path: 'schema.proto',
          text:
            'syntax = "proto3";\npackage storage.v1;\nimport "google/protobuf/descriptor.proto";\nmessage ' +
            'ProtoSchema {\n  google.protobuf.DescriptorProto proto_descriptor = ' +
            `1;\n${extra}}\n`
        }
      ]
      expect(
        classifyProtobuf(schema(''), schema('  string name = 2;\n')).map(
          (c) => `${c.severity} ${c.rule}`
        )
      ).toEqual(['compatible FIELD_ADDED'])
    }
  )

  it('a syntax error names the file, line:col and side', () => {
    const broken = ORDERS.replace('string id = 1;', 'string id = ;')
    expect(sealErrorOf(() => classifyProtobuf(files(broken), files()), 'malformed')).toMatch(
      /^proto\/shop\/v1\/orders\.proto:8:15 \(before\): the \.proto file cannot be read: illegal id ';'/
    )
  })

  it('an unknown type is a SealError naming the file that uses it', () => {
    const broken = SERVICE.replace('string id = 1;', 'Missing id = 1;')
    expect(
      sealErrorOf(() => classifyProtobuf(files(), files(ORDERS, broken)), 'malformed')
    ).toMatch(
      /^proto\/shop\/v1\/service\.proto \(after\): the \.proto files do not resolve: no such Type or Enum 'Missing'/
    )
  })

  it('accepts custom options declared against descriptor.proto: they do not change the encoding', () => {
    const withOption = `syntax = "proto3";
package shop.v1;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { string label = 50000; }
message Note { string text = 1 [(label) = "x"]; }
`
    const changes = classifyProtobuf(
      [{ path: 'note.proto', text: withOption }],
      [{ path: 'note.proto', text: withOption.replace('"x"', '"y"') }]
    )
    expect(changes).toEqual([])
  })

  it('an RPC change names the RPC as the operation and points at it in the after file', () => {
    const after = SERVICE.replace(
      'rpc Get(GetRequest) returns (Order);',
      'rpc Get(GetRequest) returns (stream Order);'
    )
    expect(classifyProtobuf(files(), files(ORDERS, after))).toEqual([
      {
        rule: 'RPC_SAME_SERVER_STREAMING',
        severity: 'breaking',
        kind: 'protobuf',
        operation: 'shop.v1.Orders/Get',
        location: 'shop.v1.Orders/Get',
        file: 'proto/shop/v1/service.proto',
        position: '8:7',
        message:
          'The RPC shop.v1.Orders/Get changed from server unary to server streaming: old callers use the other ' +
          'call shape.'
      }
    ])
  })

  it('a deleted field points at its message; a changed one at the field', () => {
    const after = ORDERS.replace('  google.protobuf.Timestamp placed_at = 2;\n', '')
    const changes = classifyProtobuf(files(), files(after))
    expect(changes.map((c) => [c.rule, c.location, c.position])).toEqual([
      ['FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'shop.v1.Order › field 2 "placed_at"', '7:9'],
      ['FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', 'shop.v1.Order › field 2 "placed_at"', '7:9']
    ])
    const retyped = classifyProtobuf(
      files(),
      files(ORDERS.replace('string id = 1;', 'bytes id = 1;'))
    )
    expect(retyped.map((c) => [c.rule, c.position, c.message])).toEqual([
      [
        'FIELD_WIRE_JSON_COMPATIBLE_TYPE',
        '8:9',
        'Field 1 of shop.v1.Order changed type from string to bytes, which is not wire and JSON compatible: ' +
          'old clients misread it.'
      ]
    ])
  })

  it('an enum that moves package keeps its encoding when its short name and values stay', () => {
    const common = (pkg: string): string =>
      `syntax = "proto3";\npackage ${pkg};\nenum Status { STATUS_UNSPECIFIED = 0; STATUS_NEW = 1; }\n`
    const user = (pkg: string): string =>
      `syntax = "proto3";\npackage shop.v1;\nimport "common.proto";\nmessage Order { ${pkg}.Status status = 1; }\n`
    const before = [
      { path: 'common.proto', text: common('common.v1') },
      { path: 'order.proto', text: user('common.v1') }
    ]
    const after = [
      { path: 'common.proto', text: common('common.v2') },
      { path: 'order.proto', text: user('common.v2') }
    ]
    const rules = classifyProtobuf(before, after).map((c) => `${c.severity} ${c.rule}`)
    expect(rules).not.toContain('breaking FIELD_WIRE_JSON_COMPATIBLE_TYPE')
    expect(rules).toContain('breaking FILE_SAME_PACKAGE')
  })

  it('computes JSON names as protoc does', () => {
    expect(protocJsonName('customer_note')).toBe('customerNote')
    expect(protocJsonName('foo__bar')).toBe('fooBar')
    expect(protocJsonName('_leading')).toBe('Leading')
    expect(protocJsonName('with_1_digit')).toBe('with1Digit')
    expect(protocJsonName('already')).toBe('already')
  })
})
