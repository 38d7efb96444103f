/**
 * The one reading of YAML and JSON contract documents (read-document.ts): merge keys
 * resolved as YAML 1.1 defines them, checked against an independent implementation (the
 * `yaml` package with `merge: true`) and, through the fixtures, against oasdiff; a
 * byte-order mark dropped; detection and classification reading alike.
 */
import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { parse as yamlPackageParse } from 'yaml'
import { loadContract } from '../../../src/app/contract/load-contract.js'
import { classifyContracts } from '../../../src/core/contract/classify.js'
import { detectContractKind } from '../../../src/core/contract/detect.js'
import { readContractDocument } from '../../../src/core/contract/read-document.js'
import { sealErrorOf } from '../../helpers/seal-error.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'
import { Outcomes } from '../../helpers/outcomes.js'

const FIXTURES = path.resolve('__fixtures__/contracts/openapi')
const NOW = new Date('2026-11-27T00:00:00Z')

afterAll(removeAll)
afterEach(() => {
  jest.restoreAllMocks()
})

const read = (text: string, file = 'api/openapi.yaml'): unknown =>
  readContractDocument(file, text).value

describe('YAML merge keys', () => {
  it('insert the keys a mapping does not write itself, earlier mappings of a list first', () => {
    const text =
      'a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nlist: {<<: [*a, *b]}\nswapped: {<<: [*b, *a]}\nown:\n  x: 0\n  ' +
      '<<: *a\nownAfter:\n  <<: *a\n  x: 0\n'
    expect(read(text)).toEqual({
      a: { x: 1, y: 1 },
      b: { y: 2, z: 2 },
      list: { x: 1, y: 1, z: 2 },
      swapped: { x: 1, y: 2, z: 2 },
      own: { x: 0, y: 1 },
      ownAfter: { x: 0, y: 1 }
    })
  })

  it(
    'read as the yaml package reads them with YAML 1.1 merges (an independent implementation), for any mix of ' +
      'anchors, lists and own keys',
    () => {
      const key = fc.constantFrom('type', 'maxLength', 'required', 'x', 'y')
      const scalar = fc.oneof(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('string', 'object', 'a b')
      )
      const entries = fc.uniqueArray(fc.tuple(key, scalar), { selector: ([k]) => k, maxLength: 4 })
      const doc = fc.record({
        bases: fc.array(entries, { minLength: 1, maxLength: 4 }),
        targets: fc.array(
          fc.record({
            before: entries,
            merged: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
            asList: fc.boolean(),
            after: entries,
            flow: fc.boolean()
          }),
          { minLength: 1, maxLength: 4 }
        )
      })
      const pair = ([k, v]: [string, unknown]): string => `${k}: ${JSON.stringify(v)}`
      fc.assert(
        fc.property(doc, ({ bases, targets }) => {
          const lines = bases.map((b, i) => `base${i}: &b${i} {${b.map(pair).join(', ')}}`)
          targets.forEach((t, i) => {
            const aliases = t.merged.map((n) => `*b${n % bases.length}`)
            const merge =
              t.asList || aliases.length > 1 ? `<<: [${aliases.join(', ')}]` : `<<: ${aliases[0]}`
            // A key may not be written twice: keep the first of before/after.
            const own = new Set(t.before.map(([k]) => k))
            const after = t.after.filter(([k]) => !own.has(k))
            const items = [...t.before.map(pair), merge, ...after.map(pair)]
            lines.push(
              t.flow
                ? `target${i}: {${items.join(', ')}}`
                : `target${i}:\n${items.map((item) => `  ${item}`).join('\n')}`
            )
          })
          const text = `${lines.join('\n')}\n`
          expect(read(text)).toEqual(yamlPackageParse(text, { merge: true }))
        }),
        { numRuns: 300 }
      )
    }
  )

  it('are refused, naming file:line:col, where YAML 1.1 gives them no meaning', () => {
    const refused = (text: string) => sealErrorOf(() => read(text), 'malformed')
    expect(refused('m:\n  <<: 5\n')).toMatch(
      /^api\/openapi\.yaml:2:\d+: .*merge key "<<" takes a mapping or a list of mappings/
    )
    expect(refused('s: &s [1, 2]\nm:\n  x: 1\n  <<: [*s]\n')).toMatch(
      /^api\/openapi\.yaml:4:7: .*merge key "<<" takes a mapping or a list of mappings/
    )
    expect(refused('s: &s [{a: 1}]\nm:\n  <<: *s\n  <<: *s\n')).toMatch(
      /^api\/openapi\.yaml:4:3: .*second merge key "<<"/
    )
    expect(refused('a: &a {x: 1}\nm: {<<: [*a, [1]]}\n')).toMatch(
      /^api\/openapi\.yaml:2:\d+: .*merge key "<<" takes a mapping or a list of mappings/
    )
    expect(refused('m: {<<: *nowhere}\n')).toMatch(
      /^api\/openapi\.yaml:1:\d+: .*unidentified alias "nowhere"/
    )
  })

  it('a quoted "<<" and a << in a list are plain strings, in YAML as in JSON', () => {
    expect(read('m:\n  "<<": {x: 1}\n')).toEqual({ m: { '<<': { x: 1 } } })
    expect(read('{"m": {"<<": {"x": 1}}}', 'api/openapi.json')).toEqual({ m: { '<<': { x: 1 } } })
    expect(read('enum: [<<, <<, ">>"]\n')).toEqual({ enum: ['<<', '<<', '>>'] })
  })

  it(
    'a removed required property and a removed operation behind merge keys are breaking in contract diff, as ' +
      'oasdiff says',
    async () => {
      // The same pairs run through oasdiff in the oracle corpus (openapi-oracle.test.ts).
      const diff = async (name: string) => {
        const sides = ['before', 'after'].map((side) => {
          const dir = tempDir()
          writeTree(dir, {
            'openapi.yaml': fs.readFileSync(path.join(FIXTURES, name, `${side}.yaml`), 'utf8')
          })
          return loadContract(dir, side)
        })
        return (await classifyContracts(sides[0] as never, sides[1] as never, { now: NOW })).map(
          (c) => `${c.severity} ${c.rule} ${c.location}`
        )
      }
      expect(await diff('oas30-merge-key-required-property-removed')).toEqual([
        'breaking response-required-property-removed GET /orders/{id} › 200 response › application/json › total'
      ])
      expect(await diff('oas30-merge-key-operation-removed')).toEqual([
        'breaking api-removed-without-deprecation DELETE /orders/{id}'
      ])
    }
  )

  it('detection reads the merged value too: info.version from a merged mapping', () => {
    const text =
      'openapi: 3.1.0\nx-meta: &meta {title: Shop, version: 2.3.0}\ninfo:\n  <<: *meta\npaths: {}\n'
    expect(detectContractKind('openapi.yaml', text)).toEqual({
      kind: 'openapi',
      openapiVersion: '3.1',
      version: '2.3.0'
    })
  })
})

describe('a byte-order mark', () => {
  const BOM = '\uFEFF'
  const json = JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1.2.0' },
    paths: {}
  })

  it('is dropped before JSON.parse reads a JSON document (the YAML reading is no longer its fallback)', () => {
    const parse = jest.spyOn(JSON, 'parse')
    expect(read(BOM + json, 'api/openapi.json')).toEqual(JSON.parse(json))
    expect(parse.mock.results[0]).toEqual({ type: 'return', value: JSON.parse(json) })
    parse.mockClear()
    expect(detectContractKind('api/openapi.json', BOM + json)).toEqual({
      kind: 'openapi',
      openapiVersion: '3.1',
      version: '1.2.0'
    })
    expect(parse.mock.results[0]?.type).toBe('return')
  })

  it('is dropped from a YAML document, and classification reads a file with one as detection does', async () => {
    expect(read(`${BOM}openapi: 3.0\ninfo: {version: 1.10}\n`)).toEqual({
      openapi: 3,
      info: { version: 1.1 }
    })
    const before = tempDir()
    const after = tempDir()
    writeTree(before, { 'openapi.json': BOM + json })
    writeTree(after, {
      'openapi.json':
        BOM +
        JSON.stringify({
          ...JSON.parse(json),
          paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } }
        })
    })
    const parse = jest.spyOn(JSON, 'parse')
    const changes = await classifyContracts(
      loadContract(before, 'before'),
      loadContract(after, 'after'),
      { now: NOW }
    )
    expect(changes.map((c) => c.rule)).toEqual(['endpoint-added'])
    expect(parse.mock.results.filter((r) => r.type === 'throw')).toEqual([])
  })
})

describe('written: a scalar as the document writes it', () => {
  it('keeps the text of a number, in block and flow YAML, behind an anchor or a tag, and in JSON', () => {
    const cases: [string, string][] = [
      ['a.yaml', 'openapi: 3.0\ninfo:\n  version: 1.10 # minor ten\n'],
      ['a.yaml', '{openapi: 3.0, info: {title: x, version: 1.10}}'],
      ['a.yaml', 'openapi: &v !!float 3.0\ninfo: {version: &w 1.10}\n'],
      ['a.yaml', '? openapi\n: 3.0\ninfo:\n  ? version\n  : 1.10\n'],
      ['a.json', '{"openapi": 3.0, "info": {"version": 1.10}}']
    ]
    for (const [file, text] of cases) {
      const document = readContractDocument(file, text)
      expect([text, document.written(['openapi']), document.written(['info', 'version'])]).toEqual([
        text,
        '3.0',
        '1.10'
      ])
    }
  })

  it('is undefined for a missing key, null for a collection or an empty value, the string for a string', () => {
    const document = readContractDocument(
      'a.yaml',
      'openapi: "3.1.0"\ninfo: {}\nswagger:\nx: [1]\n'
    )
    expect([
      document.written(['openapi']),
      document.written(['info']),
      document.written(['swagger']),
      document.written(['x']),
      document.written(['info', 'version']),
      document.written(['nope'])
    ]).toEqual(['3.1.0', null, null, null, undefined, undefined])
  })
})

describe('bad input', () => {
  it('a document nested deeper than any contract is a SealError at its line, not a stack overflow', () => {
    const deep = `${'a:\n'.split('\n')[0]}${Array.from({ length: 1200 }, (_, i) => `\n${' '.repeat(i + 1)}a:`).join('')} 1\n`
    expect(sealErrorOf(() => read(deep), 'malformed')).toMatch(
      /^api\/openapi\.yaml:\d+:\d+: .*maxDepth/
    )
    const deepJson = `${'['.repeat(200_000)}${']'.repeat(200_000)}`
    expect(() => read(deepJson, 'a.json')).not.toThrow()
  })

  it('a merge bomb (merges copying over a million keys) is a SealError at its line, not memory spent', () => {
    const base = `base: &b {${Array.from({ length: 2000 }, (_, i) => `k${i}: 0`).join(', ')}}`
    const copies = Array.from({ length: 600 }, (_, i) => `m${i}: {<<: *b}`)
    expect(sealErrorOf(() => read([base, ...copies].join('\n')), 'malformed')).toMatch(
      /^api\/openapi\.yaml:\d+:\d+: .*merge keys exceeded maxTotalMergeKeys \(1000000\)/
    )
    // Well under it: the same merges, read.
    expect(Object.keys(read([base, ...copies.slice(0, 100)].join('\n')) as object)).toHaveLength(
      101
    )
  })

  it('never throws anything but a SealError, whatever the text', () => {
    const tokens = [
      '<<',
      '<<: ',
      ': ',
      '- ',
      '&a ',
      '*a',
      '&b ',
      '*b',
      '[*a, *b]',
      '{',
      '}',
      '[',
      ']',
      ',',
      '"',
      'x',
      '1',
      '\n',
      '\n  ',
      '? ',
      '!!map ',
      '!!str ',
      '\uFEFF'
    ]
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 40 }),
        (parts) => void outcomes.of(() => read(parts.join('')))
      ),
      { numRuns: 2000 }
    )
    expect(outcomes.kinds()).toEqual(['malformed', 'value'])
  })
})
