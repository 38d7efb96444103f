import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseDocument } from 'yaml'
import { NOT_PLAIN, readPlainYaml } from '../../src/core/promotion/plain-yaml.js'

/** What the `yaml` package reads, as parsePolicy asks it: its value, or null for a text it finds a mistake in. */
function oracle(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  return doc.errors.length > 0 ? null : doc.toJS()
}

/** The reader agrees with the library whenever it reads a text, key order included; it may decline any text. */
function agrees(text: string): void {
  const read = readPlainYaml(text)
  if (read === NOT_PLAIN) return
  const expected = oracle(text)
  expect({ text, read }).toEqual({ text, read: expected })
  expect(JSON.stringify(read)).toBe(JSON.stringify(expected))
}

// Pieces of policy files, written the ways people write them (`clean`), and also with
// what the reader must leave to the library: numbers, indicators, odd comments and
// indentation, document markers.
const plainWord = fc.constantFrom(
  'dev',
  'staging',
  'production',
  'prod eu',
  'qa-2',
  'a.b',
  '_x',
  '2nd',
  '1h',
  '30m',
  '1h30m',
  'acme/shop',
  'refs/heads/main',
  '.github/workflows/release.yml@refs/tags/v1',
  'https://token.actions.githubusercontent.com',
  'require-major',
  'a:b',
  "it's",
  'x y',
  'foo[1]',
  'Null',
  'null',
  '~',
  '~x',
  'true',
  'False',
  'yes',
  'no',
  'on',
  'constructor'
)
// Keys as policies have them: field and environment names.
const keyWord = fc.constantFrom(
  'environments',
  'requires',
  'requires-any',
  'soak',
  'signed-by',
  'contract',
  'dev',
  'staging',
  'prod eu',
  'qa-2',
  'a.b',
  '_x',
  '2nd',
  'constructor'
)
const edgeWord = fc.constantFrom(
  '0',
  '12',
  '1.5',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '.nan',
  '-1',
  '+1',
  '1.2.3',
  '1_000',
  'a: b',
  'a #b',
  'a#b',
  '{x}',
  '&a',
  '*a',
  '!t',
  '|',
  '>',
  '?',
  '-',
  '- x',
  '%',
  '@',
  '`',
  '__proto__',
  'é',
  'tab\tbed',
  ''
)

function pieces(clean: boolean) {
  const word = clean
    ? plainWord
    : fc.oneof({ weight: 6, arbitrary: plainWord }, { weight: 1, arbitrary: edgeWord })
  const scalar = fc.oneof(
    { weight: 12, arbitrary: word },
    fc
      .tuple(
        fc.constantFrom('"', "'"),
        word,
        clean
          ? fc.constantFrom('', '\\n', '\\"', '#', ': ')
          : fc.constantFrom('', '\\n', '\\t', '\\"', "''", '\\u0041', '\\x', '#', ': ')
      )
      .map(([q, w, extra]) =>
        q === "'" && extra.startsWith('\\') ? `'${w}'` : `${q}${w}${extra}${q}`
      ),
    ...(clean ? [] : [fc.string({ maxLength: 6 })])
  )
  const flow: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc
        .tuple(fc.array(tie('node'), { maxLength: 3 }), fc.constantFrom(', ', ',', ' , '))
        .map(([items, comma]) => `[${items.join(comma)}]`),
      fc
        .array(fc.tuple(scalar, tie('node')), { maxLength: 3 })
        .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
      clean
        ? fc.constantFrom('[]', '{}')
        : fc.constantFrom('[]', '{}', '[a,]', '{ a }', '{a:b}', '[a: b]', '[a', '{a: [b}')
    )
  })).node
  const comment = clean
    ? fc.constantFrom('', '', '', ' # note')
    : fc.constantFrom('', '', ' # note', '# no space', '  #', ' #: x')
  const indents = clean ? fc.constant('  ') : fc.constantFrom('  ', '  ', '    ', ' ', '')

  const block = (depth: number): fc.Arbitrary<string[]> => {
    const nested = (indent: string): fc.Arbitrary<string[]> =>
      depth <= 0 ? fc.constant([]) : block(depth - 1).map((lines) => lines.map((l) => indent + l))
    const value = fc.oneof(
      fc
        .tuple(fc.oneof(scalar, flow), comment)
        .map(([v, c]) => ({ inline: ` ${v}${c}`, lines: [] as string[] })),
      fc
        .tuple(indents, comment)
        .chain(([indent, c]) => nested(indent).map((lines) => ({ inline: c, lines }))),
      fc.constant({ inline: '', lines: [] as string[] })
    )
    const key = clean
      ? fc.oneof(
          { weight: 20, arbitrary: keyWord },
          fc.constantFrom('"quoted"', "'single'", '"a:b"')
        )
      : fc.oneof(
          { weight: 20, arbitrary: word },
          fc.constantFrom('"quoted"', "'single'", '"dev": x', 'dev  ', '? complex')
        )
    const mapping = fc
      .uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 4, selector: ([k]) => k })
      .map((entries) => entries.flatMap(([k, v]) => [`${k}:${v.inline}`, ...v.lines]))
    const sequence = fc
      .array(value, { minLength: 1, maxLength: 3 })
      .map((items) => items.flatMap((v) => [`-${v.inline}`, ...v.lines]))
    return fc.oneof({ weight: 3, arbitrary: mapping }, sequence)
  }
  const noise = clean
    ? fc.constantFrom('', '# header\n')
    : fc.constantFrom('', '', '', '# header\n', '\n', '---\n', '%YAML 1.2\n---\n', '\uFEFF', '  ')
  const tail = clean
    ? fc.constantFrom('', '\n', '\n# end\n')
    : fc.constantFrom('', '\n', '\n...\n', '\n# end')
  const eol = clean ? fc.constantFrom('\n', '\r\n') : fc.constantFrom('\n', '\r\n', '\r')
  return fc
    .tuple(noise, block(3), eol, tail)
    .map(([head, lines, end, after]) => head + lines.join(end) + after)
}

describe('the plain YAML reader', () => {
  it('reads the policies people write as the yaml package does', () => {
    const policies = [
      'environments:\n  dev: {}\n  staging:\n    requires: [dev]\n  production:\n    requires: [staging]      ' +
        '# every listed environment\n    soak: 1h\n',
      'service: shop\nenvironments:\n  dev:\n  qa:\n    requires-any: [dev]\n',
      'environments:\n  production:\n    signed-by:\n      repository: acme/shop\n      workflow: ' +
        '.github/workflows/release.yml\n      ref: refs/heads/main\n      ' +
        'deny-self-hosted-runners: true\n    contract: { breaking: require-major, ' +
        'dangerous: warn }\n',
      'environments:\n  staging:\n    requires:\n    - dev\n  dev: {}\n',
      'services: [\'api\', "ghcr.io/acme/web"]\r\nenvironments:\r\n  dev: {}\r\n'
    ]
    for (const text of policies) {
      expect(readPlainYaml(text)).not.toBe(NOT_PLAIN)
      agrees(text)
    }
  })

  it('gives, for any text it reads, exactly what the yaml package gives', () => {
    let read = 0
    fc.assert(
      fc.property(pieces(true), (text) => {
        if (readPlainYaml(text) !== NOT_PLAIN) read++
        agrees(text)
      }),
      { numRuns: 3000 }
    )
    // The texts exercise the reader, not only its refusals.
    expect(read).toBeGreaterThan(1000)
    fc.assert(fc.property(pieces(false), agrees), { numRuns: 5000 })
  })

  it('gives what the yaml package gives for texts cut and spliced at random', () => {
    const base =
      'environments:\n  dev: {}\n  staging:\n    requires: [dev, "qa"]\n    soak: 1h30m # wait\n    ' +
      'signed-by:\n      repository: acme/shop\n'
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(8), fc.string({ maxLength: 4 }), (at, cut, insert) =>
        agrees(base.slice(0, at) + insert + base.slice(at + cut))
      ),
      { numRuns: 5000 }
    )
  })

  it('leaves to the library what it does not read: anchors, tags, block scalars, numbers, mistakes', () => {
    for (const text of [
      'environments:\n  dev: &d {}\n  qa: *d\n',
      'environments:\n  dev: !!map {}\n',
      'environments:\n  dev:\n    soak: |\n      1h\n',
      'environments:\n  dev:\n    soak: 3600\n',
      'environments:\n  dev: {}\n  dev: {}\n',
      'environments:\n  dev: {\n',
      'environments:\n\tdev: {}\n',
      'environments:\n  dév: {}\n',
      'environments:\n  dev:\n    soak: 1h\n      more\n',
      '- a\n',
      '',
      // Nesting deeper than any policy, deeper than the stack: the library says so, at its line.
      `environments: ${'['.repeat(100_000)}`,
      `environments:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`
    ]) {
      expect({ text, read: readPlainYaml(text) }).toEqual({ text, read: NOT_PLAIN })
    }
  })
})
