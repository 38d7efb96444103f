import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { stringify } from 'yaml'
import { sealInfoBesideListing } from '../../src/app/verify/sealed-by.js'
import { loadPolicy } from '../../src/app/settings/load-policy.js'
import { digestFromHex, parseDigest, type Digest } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import {
  formatListing,
  parseListing,
  sortEntries,
  type ListingEntry
} from '../../src/core/listing.js'
import { formatDuration, parseDuration } from '../../src/core/promotion/duration.js'
import { parsePolicy } from '../../src/core/promotion/policy-file.js'
import { sealedByFromStatement } from '../../src/core/provenance.js'
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from '../../src/core/statement.js'
import { parseSubjectPatterns } from '../../src/core/subject/patterns.js'
import { removeAll, tempDir } from '../helpers/trees.js'
import { sealErrorOf } from '../helpers/seal-error.js'
import { Outcomes } from '../helpers/outcomes.js'

afterAll(removeAll)

/** Enough runs to find the crash classes below in seconds, few enough to keep the file fast. */
const RUNS = { numRuns: 200 }

/** Runs a parser; anything it throws must be a SealError, which the entry points print as is. */

const HEX_CHARS = [...'0123456789abcdef']
const hex64 = fc.string({ unit: fc.constantFrom(...HEX_CHARS), minLength: 64, maxLength: 64 })

// ---------------------------------------------------------------------------------------
// The promotion policy
// ---------------------------------------------------------------------------------------

/** Pieces of YAML that reach the parser's corners: anchors, aliases, tags, flow, directives. */
const YAML_TOKENS = [
  'environments',
  'requires',
  'requires-any',
  'soak',
  'dev',
  'staging',
  '%',
  '"%"',
  '~',
  '/',
  ':',
  ': ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '*missing',
  '&b',
  '*b',
  '!!str',
  '!!binary',
  '!!set',
  '!!omap',
  '!tag',
  '%YAML 1.1\n---\n',
  '---\n',
  '...\n',
  '? ',
  '<<: ',
  '|',
  '>',
  "'",
  '"',
  '#',
  '\n',
  '\n  ',
  '\n    ',
  '  ',
  '1h',
  '30m',
  '0',
  '1e999',
  'null',
  'true',
  '\t',
  '\\',
  '\u2028'
]
const yamlish = fc
  .array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 })
  .map((tokens) => tokens.join(''))

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$/
const NAME_FIRST = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789']
const environmentName = fc
  .tuple(
    fc.constantFrom(...NAME_FIRST),
    fc.string({ unit: fc.constantFrom(...NAME_FIRST, '.', '_', '-', ' '), maxLength: 12 })
  )
  .map(([first, rest]) => first + rest)

const UNITS = ['ms', 's', 'm', 'h', 'd', 'w'] as const
const UNIT_MS: Record<(typeof UNITS)[number], number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000
}
const durationParts = fc.array(fc.tuple(fc.nat({ max: 10_000 }), fc.constantFrom(...UNITS)), {
  minLength: 1,
  maxLength: 4
})
const durationText = durationParts.map((parts) => parts.map(([n, unit]) => `${n}${unit}`).join(''))

interface GeneratedEnvironment {
  name: string
  requires: string[]
  requiresAny: string[]
  soak: string | null
}

/** A valid policy: each environment requires only ones before it, so there is no cycle. */
const validPolicy = fc
  .uniqueArray(environmentName, { minLength: 1, maxLength: 6, selector: (n) => n })
  .chain((names) =>
    fc.tuple(
      ...names.map((name, i) =>
        fc
          .record({
            requires: fc.subarray(names.slice(0, i)),
            requiresAny: fc.subarray(names.slice(0, i)),
            soak: fc.option(durationText, { nil: null })
          })
          .map(({ requires, requiresAny, soak }): GeneratedEnvironment => ({
            name,
            requires,
            requiresAny,
            soak: requires.length + requiresAny.length > 0 ? soak : null
          }))
      )
    )
  )

function renderPolicy(environments: readonly GeneratedEnvironment[]): string {
  // A Map keeps the order given; an object would list "1" and "2" before "a".
  const body = new Map<string, Record<string, unknown> | null>()
  for (const e of environments) {
    const rules: Record<string, unknown> = {}
    if (e.requires.length > 0) rules.requires = e.requires
    if (e.requiresAny.length > 0) rules['requires-any'] = e.requiresAny
    if (e.soak !== null) rules.soak = e.soak
    body.set(e.name, Object.keys(rules).length === 0 ? null : rules)
  }
  return stringify({ environments: body })
}

/** Something shaped like a policy, with any value or key in any place. */
const policyShaped = fc.record(
  {
    environments: fc.oneof(
      fc.dictionary(
        fc.oneof(
          environmentName,
          fc.string(),
          fc.constantFrom('%', '%zz', 'a/b', 'a~b', '__proto__', 'constructor', '')
        ),
        fc.oneof(
          fc.constant(null),
          fc.record(
            {
              requires: fc.oneof(fc.array(fc.oneof(environmentName, fc.string())), fc.anything()),
              'requires-any': fc.oneof(fc.array(environmentName), fc.anything()),
              soak: fc.oneof(durationText, fc.string(), fc.anything()),
              '%': fc.anything()
            },
            { requiredKeys: [] }
          ),
          fc.anything()
        ),
        { maxKeys: 5 }
      ),
      fc.anything()
    ),
    '%': fc.anything()
  },
  { requiredKeys: [] }
)

describe('parsePolicy (properties)', () => {
  it('throws nothing but a SealError on any text', () => {
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        (text) => void outcomes.of(() => parsePolicy(text, 'p.yml'))
      ),
      RUNS
    )
    expect(outcomes.kinds()).toContain('malformed')
  })

  it('throws nothing but a SealError on YAML made of tricky pieces', () => {
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(yamlish, (text) => void outcomes.of(() => parsePolicy(text, 'p.yml'))),
      { numRuns: 300 }
    )
    expect(outcomes.kinds()).toContain('malformed')
  })

  it('throws nothing but a SealError on anything shaped like a policy', () => {
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(policyShaped, (value) => {
        let text: string
        try {
          text = stringify(value)
        } catch {
          return // values yaml itself cannot write
        }
        outcomes.of(() => parsePolicy(text, 'p.yml'))
      }),
      RUNS
    )
    expect(outcomes.kinds()).toContain('malformed')
  })

  it('reads back every valid policy it is given: environments in order, requires, requires-any and soak', () => {
    fc.assert(
      fc.property(validPolicy, (environments) => {
        const policy = parsePolicy(renderPolicy(environments), 'p.yml')
        expect(policy.environments.map((e) => e.name)).toEqual(environments.map((e) => e.name))
        policy.environments.forEach((rule, i) => {
          const want = environments[i] as GeneratedEnvironment
          expect(rule.requires).toEqual(want.requires)
          expect(rule.requiresAny).toEqual(want.requiresAny)
          expect(rule.soakText).toBe(want.soak)
          expect(rule.soakMs).toBe(want.soak === null ? 0 : parseDuration(want.soak))
        })
      }),
      RUNS
    )
  })

  it('generates only names the schema accepts (a check on the generator)', () => {
    fc.assert(
      fc.property(environmentName, (name) => void expect(name).toMatch(ENVIRONMENT_NAME)),
      RUNS
    )
  })
})

describe('parsePolicy: the crash classes fuzzing found', () => {
  it('a key with "%" and a mistake under it: the key is quoted at its line, no URIError', () => {
    const message = sealErrorOf(
      () => parsePolicy('environments:\n  "%":\n    bogus: 1\n', 'p.yml'),
      'malformed'
    )
    expect(message).toContain(
      'p.yml:2:3: environments has the key "%", which is not an environment name.'
    )
    expect(message).toContain(
      'p.yml:3:5: environments.% has an unknown key "bogus". Allowed here: requires, requires-any, soak, url, ' +
        'signed-by, contract, platforms, image, observe, drift.'
    )
  })

  it('reads JSON Pointer escapes in schema paths ("~1" is "/", "~0" is "~")', () => {
    const message = sealErrorOf(
      () => parsePolicy('environments:\n  a/b~c:\n    soak: 5\n', 'p.yml'),
      'malformed'
    )
    expect(message).toContain('p.yml:3:11: environments.a/b~c.soak "5" is not a duration.')
  })

  it('names a key that is not an environment name once, not twice', () => {
    const message = sealErrorOf(
      () => parsePolicy('environments:\n  -bad: {}\n', 'p.yml'),
      'malformed'
    )
    expect(message.match(/-bad/g)).toHaveLength(1)
    expect(message).toContain('has a mistake:')
  })

  it("keeps the file's order and positions for names YAML reads as numbers", () => {
    expect(
      parsePolicy(
        'environments:\n  b: {}\n  1: {}\n  0.5: { requires: [b] }\n',
        'p.yml'
      ).environments.map((e) => e.name)
    ).toEqual(['b', '1', '0.5'])
    expect(
      sealErrorOf(
        () => parsePolicy('environments:\n  dev: {}\n  1:\n    requires: [nope]\n', 'p.yml'),
        'malformed'
      )
    ).toContain(
      'p.yml:4:16: environments.1.requires names "nope", which the policy does not define.'
    )
  })

  it('an alias with no anchor: named at its line, with the fix', () => {
    const message = sealErrorOf(
      () => parsePolicy('environments:\n  dev: {}\n  staging: *missing\n', 'p.yml'),
      'malformed'
    )
    expect(message).toContain(
      'p.yml:3:12: the alias "*missing" names no anchor set before it. Add "&missing" to an earlier value, or ' +
        'write the value out.'
    )
  })

  it('an alias used before its anchor is refused the same way', () => {
    expect(
      sealErrorOf(() => parsePolicy('environments:\n  a: *x\n  b: &x {}\n', 'p.yml'), 'malformed')
    ).toContain('p.yml:2:6: the alias "*x"')
  })

  it('aliases that are anchored are read as their values', () => {
    const policy = parsePolicy(
      'environments:\n  dev: {}\n  staging: &after-dev\n    requires: [dev]\n  qa: *after-dev\n',
      'p.yml'
    )
    expect(policy.environments.map((e) => [e.name, e.requires])).toEqual([
      ['dev', []],
      ['staging', ['dev']],
      ['qa', ['dev']]
    ])
  })

  it('a billion-laughs alias bomb is refused at once, without expanding it', () => {
    let text = 'lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
    for (let i = 1; i <= 10; i++)
      text += `lol${i}: &lol${i} [${Array(9)
        .fill(`*lol${i - 1}`)
        .join(', ')}]\n`
    text += 'environments:\n  dev: {}\n'
    const started = process.hrtime.bigint()
    const message = sealErrorOf(() => parsePolicy(text, 'p.yml'), 'malformed')
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000)
    expect(message).toContain('p.yml: its aliases (*name) expand to more than 1000 values')
    expect(message).toContain('Write the environments out without aliases.')
  })

  it('a flood of aliases is refused at the first one too many', () => {
    const text = `x: &x 1\nmany: [${Array(5000).fill('*x').join(', ')}]\nenvironments:\n  dev: {}\n`
    const message = sealErrorOf(() => parsePolicy(text, 'p.yml'), 'malformed')
    expect(message).toMatch(/p\.yml:2:\d+: the policy uses more than 100 aliases/)
  })

  it('nesting deeper than the stack is a SealError', () => {
    expect(() => parsePolicy(`environments: ${'['.repeat(100_000)}`, 'p.yml')).toThrowSealError(
      'malformed',
      'p.yml'
    )
    expect(() =>
      parsePolicy(
        `environments:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`,
        'p.yml'
      )
    ).toThrowSealError('malformed', 'p.yml')
  })

  it('loadPolicy refuses a file far larger than any policy before parsing it', () => {
    const dir = tempDir()
    fs.writeFileSync(
      path.join(dir, 'big.yml'),
      `environments:\n  dev: {}\n${'#'.repeat(2_000_000)}\n`
    )
    expect(() => loadPolicy(path.join(dir, 'big.yml'), '--policy', dir)).toThrowSealError(
      'bad-input',
      '--policy',
      '"big.yml"'
    )
    expect(() => loadPolicy(dir, '--policy', dir)).toThrow(SealError)
  })
})

// ---------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------

describe('durations (properties)', () => {
  it('parse adds up every part of a duration written with units', () => {
    fc.assert(
      fc.property(durationParts, (parts) => {
        const text = parts.map(([n, unit]) => `${n}${unit}`).join('')
        expect(parseDuration(text)).toBe(
          parts.reduce((sum, [n, unit]) => sum + n * UNIT_MS[unit], 0)
        )
      }),
      RUNS
    )
  })

  it('format then parse gives back the duration, to its two largest units', () => {
    fc.assert(
      fc.property(fc.nat({ max: 400 * 86_400_000 }), (ms) => {
        const shown = formatDuration(ms)
        const seconds = Math.floor(ms / 1000)
        const units = [
          Math.floor(seconds / 86_400) * 86_400,
          Math.floor((seconds % 86_400) / 3600) * 3600,
          Math.floor((seconds % 3600) / 60) * 60,
          seconds % 60
        ]
        const kept = units.filter((u) => u > 0).slice(0, 2)
        expect(parseDuration(shown.replace(/ /g, ''))).toBe(kept.reduce((a, b) => a + b, 0) * 1000)
      }),
      RUNS
    )
  })

  it('reads garbage as no duration, and a policy with it is a SealError at the soak line', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }).filter((s) => !/^(0|([0-9]+(ms|s|m|h|d|w))+)$/.test(s)),
        (text) => {
          expect(parseDuration(text)).toBeNull()
          const policy = `environments:\n  dev: {}\n  prod:\n    requires: [dev]\n    soak: ${JSON.stringify(text)}\n`
          expect(sealErrorOf(() => parsePolicy(policy, 'p.yml'), 'malformed')).toContain(
            'p.yml:5:11: environments.prod.soak'
          )
        }
      ),
      RUNS
    )
  })

  it('a duration too long for a safe integer is refused, not wrapped', () => {
    expect(parseDuration('99999999999999999999w')).toBeNull()
    expect(
      sealErrorOf(
        () =>
          parsePolicy(
            'environments:\n  a: {}\n  b:\n    requires: [a]\n    soak: 99999999999w\n',
            'p.yml'
          ),
        'malformed'
      )
    ).toContain('is too long')
  })
})

// ---------------------------------------------------------------------------------------
// Digests
// ---------------------------------------------------------------------------------------

const DIGEST_FORM = /^(sha256:)?[0-9a-f]{64}$/i

describe('parseDigest (properties)', () => {
  it('accepts sha256:<hex> and bare hex, in any case and with surrounding blanks, as lower case', () => {
    fc.assert(
      fc.property(
        hex64,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '\n', '\t ', '\r\n'),
        (hex, prefixed, upper, blank) => {
          let text = prefixed ? `sha256:${hex}` : hex
          if (upper) text = text.toUpperCase()
          expect(parseDigest(`${blank}${text}${blank}`, 'x')).toBe(`sha256:${hex}`)
        }
      ),
      RUNS
    )
  })

  it('refuses everything else with a SealError that names the input and quotes the value', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .tuple(
          fc.constantFrom('sha256:', 'sha512:', 'SHA256:', 'md5:', 'sha256', ':', ''),
          fc.string({ unit: fc.constantFrom(...HEX_CHARS, 'G', 'x', ' ', ':'), maxLength: 70 })
        )
        .map(([a, b]) => a + b)
    )
    fc.assert(
      fc.property(anyText, (text) => {
        if (DIGEST_FORM.test(text.trim())) {
          expect(parseDigest(text, 'x')).toBe(
            `sha256:${text
              .trim()
              .toLowerCase()
              .replace(/^sha256:/, '')}`
          )
          return
        }
        const message = sealErrorOf(() => parseDigest(text, 'expected-digest'), 'bad-input')
        expect(message.startsWith(`expected-digest: ${JSON.stringify(text.trim())} is `)).toBe(true)
        expect(message).toContain('sha256')
      }),
      { numRuns: 300 }
    )
  })
})

// ---------------------------------------------------------------------------------------
// The checksums listing
// ---------------------------------------------------------------------------------------

/** A path segment as a file system gives it: never empty, ".", "..", nor holding "/" or a line break. */
function segment(unit: fc.Arbitrary<string> | 'grapheme' | 'binary') {
  return fc
    .string({ unit, minLength: 1, maxLength: 8 })
    .filter((s) => s !== '.' && s !== '..' && !/[/\n\r]/.test(s))
}

function listingEntries(seg: fc.Arbitrary<string>) {
  return fc.uniqueArray(
    fc.record({
      path: fc.array(seg, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')),
      hex: hex64
    }),
    { minLength: 1, maxLength: 30, selector: (e) => e.path }
  )
}

/** Code points other than the two that JavaScript's "." does not match (see the skipped test below). */
const PATH_CHAR = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 1 })
  .filter((c) => c !== '\u2028' && c !== '\u2029')

describe('parseListing (properties)', () => {
  it('parse reads back exactly what format wrote, sorted in byte order', () => {
    fc.assert(
      fc.property(listingEntries(segment(PATH_CHAR)), (entries: ListingEntry[]) => {
        const sorted = sortEntries([...entries])
        expect(parseListing(formatListing(sorted), 'x.sha256')).toEqual(sorted)
      }),
      RUNS
    )
  })

  // "." in a JavaScript regular expression matches neither U+2028 nor U+2029: a file named
  // "a\u2028b" sealed, but its listing could not be read back until the line pattern took the "s" flag.
  it('reads back a path holding U+2028 or U+2029', () => {
    fc.assert(
      fc.property(
        listingEntries(segment(fc.constantFrom('a', '\u2028', '\u2029'))),
        (entries: ListingEntry[]) => {
          const sorted = sortEntries([...entries])
          expect(parseListing(formatListing(sorted), 'x.sha256')).toEqual(sorted)
        }
      ),
      RUNS
    )
  })

  it('throws nothing but a SealError on any text', () => {
    const lineish = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc
            .tuple(
              hex64,
              fc.constantFrom('  ', ' *', ' ', '\t'),
              fc.string({ unit: 'binary', maxLength: 20 })
            )
            .map((p) => p.join('')),
          fc
            .tuple(
              fc.constant('\\'),
              hex64,
              fc.constant('  '),
              fc.constantFrom('a\\nb', 'a\\\\b', 'a\\', '\\', './..', './a', '/abs', 'C:/x')
            )
            .map((p) => p.join(''))
        ),
        { maxLength: 8 }
      )
      .map((lines) => lines.join('\n'))
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(lineish, (text) => void outcomes.of(() => parseListing(text, 'x.sha256'))),
      { numRuns: 300 }
    )
    expect(outcomes.kinds()).toEqual(['malformed', 'value'])
  })
})

// ---------------------------------------------------------------------------------------
// Subject-path patterns
// ---------------------------------------------------------------------------------------

describe('parseSubjectPatterns (properties)', () => {
  it('throws nothing but a SealError, and gives trimmed, non-empty patterns', () => {
    const patternish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc
        .array(
          fc.constantFrom(
            '!',
            '#',
            ',',
            '\n',
            '\r\n',
            ' ',
            '*',
            '**',
            'a',
            'b/',
            '{',
            '}',
            '[',
            ']',
            '\\',
            '!!',
            '  # x'
          ),
          { maxLength: 30 }
        )
        .map((t) => t.join(''))
    )
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(patternish, (text) => {
        outcomes.of(() => {
          const { include, exclude } = parseSubjectPatterns(text)
          for (const p of [...include, ...exclude]) {
            expect(p).toBe(p.trim())
            expect(p).not.toBe('')
          }
          for (const p of include) expect(p.startsWith('!')).toBe(false)
        })
      }),
      { numRuns: 300 }
    )
  })
})

// ---------------------------------------------------------------------------------------
// Statements read back (provenance)
// ---------------------------------------------------------------------------------------

const DIGEST: Digest = digestFromHex('ab'.repeat(32))

/** A statement a seal could have written, with any value in the fields that are read back. */
const statementLike = fc.record({
  _type: fc.oneof(fc.constant(STATEMENT_TYPE), fc.jsonValue()),
  subject: fc.oneof(
    fc.array(
      fc.oneof(fc.constant({ name: 'shop', digest: { sha256: 'ab'.repeat(32) } }), fc.jsonValue()),
      { maxLength: 3 }
    ),
    fc.jsonValue()
  ),
  predicateType: fc.oneof(fc.constant(SLSA_PROVENANCE_TYPE), fc.jsonValue()),
  predicate: fc.oneof(
    fc.record({
      buildDefinition: fc.oneof(
        fc.record({
          buildType: fc.oneof(fc.constant(GITHUB_WORKFLOW_BUILD_TYPE), fc.jsonValue()),
          externalParameters: fc.oneof(
            fc.record({
              workflow: fc.record({
                repository: fc.oneof(
                  fc.webUrl(),
                  fc.string(),
                  fc.constantFrom('acme/shop', 'https://github.com', 'mailto:x', ''),
                  fc.jsonValue()
                )
              })
            }),
            fc.jsonValue()
          ),
          resolvedDependencies: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 2 }), fc.jsonValue())
        }),
        fc.jsonValue()
      ),
      runDetails: fc.oneof(
        fc.record({
          metadata: fc.record({ invocationId: fc.oneof(fc.webUrl(), fc.string(), fc.jsonValue()) })
        }),
        fc.jsonValue()
      )
    }),
    fc.jsonValue()
  )
})

describe('statements read back (properties)', () => {
  it('sealedByFromStatement throws nothing but a SealError on any JSON', () => {
    const outcomes = new Outcomes()
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), statementLike),
        (value) => void outcomes.of(() => sealedByFromStatement(value, DIGEST, 'x.intoto.json'))
      ),
      { numRuns: 300 }
    )
    // It reads what it can and leaves out the rest: no statement makes it throw at all.
    expect(outcomes.kinds()).toEqual(['value'])
  })

  it('sealInfoBesideListing throws nothing but a SealError for any file beside the listing', () => {
    const outcomes = new Outcomes()
    const dir = tempDir()
    const checksums = path.join(dir, 'shop.sha256')
    const statement = path.join(dir, 'shop.intoto.json')
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          statementLike.map((v) => JSON.stringify(v)),
          fc.string()
        ),
        (text) => {
          fs.writeFileSync(statement, text)
          outcomes.of(() => sealInfoBesideListing(checksums, DIGEST))
        }
      ),
      RUNS
    )
    // A statement it cannot use claims nothing: the ledger is asked next, nothing is thrown.
    expect(outcomes.kinds()).toEqual(['value'])
  })

  it('reads null, a number or an array as "no provenance" (was a TypeError on null)', () => {
    const dir = tempDir()
    const checksums = path.join(dir, 'shop.sha256')
    for (const text of ['null', '7', '[]', '"x"', '{"subject": null}']) {
      fs.writeFileSync(path.join(dir, 'shop.intoto.json'), text)
      expect(sealInfoBesideListing(checksums, DIGEST)).toEqual({ sealedBy: null, name: null })
    }
  })

  function workflowStatement(
    repository: unknown,
    invocationId: unknown = 'https://github.com/acme/shop/actions/runs/1/attempts/1'
  ): unknown {
    return {
      _type: STATEMENT_TYPE,
      subject: [{ name: 'shop', digest: { sha256: 'ab'.repeat(32) } }],
      predicateType: SLSA_PROVENANCE_TYPE,
      predicate: {
        buildDefinition: {
          buildType: GITHUB_WORKFLOW_BUILD_TYPE,
          externalParameters: { workflow: { repository } },
          resolvedDependencies: [{ digest: { gitCommit: 'c'.repeat(40) } }]
        },
        runDetails: { metadata: { invocationId } }
      }
    }
  }

  // Each field of an unsigned statement is a claim that ends up in records and summaries:
  // it is kept only in the form a seal writes it, and anything else is left out and reported.
  function leftOut(
    statement: unknown,
    serverUrl?: string
  ): { sealedBy: ReturnType<typeof sealedByFromStatement>; problems: string[] } {
    const problems: string[] = []
    const sealedBy = sealedByFromStatement(statement, DIGEST, 'bundle/shop.intoto.json', {
      ...(serverUrl ? { serverUrl } : {}),
      onInvalid: (p) => problems.push(p)
    })
    return { sealedBy, problems }
  }

  it(
    'a repository that is not an https address of a repository on the server is left out, naming the file, ' +
      'the field and the value',
    () => {
      for (const repository of [
        'acme/shop',
        'not a url',
        'javascript:alert(1)',
        'https://github.com',
        'http://github.com/acme/shop',
        'https://evil.example/acme/shop',
        'https://github.com/acme/shop/extra',
        'https://github.com/acme/shop)\n| signed-by | x |',
        'https://github.com/-acme/shop'
      ]) {
        const { sealedBy, problems } = leftOut(workflowStatement(repository))
        expect(sealedBy).toEqual({
          repository: null,
          commit: 'c'.repeat(40),
          runUrl: 'https://github.com/acme/shop/actions/runs/1/attempts/1'
        })
        expect(problems).toHaveLength(1)
        expect(problems[0]).toContain(
          'bundle/shop.intoto.json: predicate.buildDefinition.externalParameters.workflow.repository'
        )
        expect(problems[0]).toContain(JSON.stringify(repository))
        expect(problems[0]).toContain('seal the artifact again')
      }
    }
  )

  it('a run that is not a workflow run on the server is left out the same way (it was a link in the summary)', () => {
    for (const run of [
      'run 42',
      'javascript:alert(1)',
      'https://evil.example/acme/shop/actions/runs/1',
      'https://github.com/acme/shop/actions/runs/1)](javascript:alert(1)',
      'https://github.com/acme/shop/actions/runs/1\n| signed-by | production | ✅ passed | forged |',
      'https://github.com/acme/shop/actions/runs/x',
      'https://github.com/acme/shop/actions/runs/1?x=1',
      'http://github.com/acme/shop/actions/runs/1'
    ]) {
      const { sealedBy, problems } = leftOut(workflowStatement('https://github.com/acme/shop', run))
      expect(sealedBy?.runUrl).toBeNull()
      expect(sealedBy?.repository).toBe('acme/shop')
      expect(problems).toHaveLength(1)
      expect(problems[0]).toContain(
        `bundle/shop.intoto.json: predicate.runDetails.metadata.invocationId is ${JSON.stringify(run)}, which ` +
          'is not what a seal writes'
      )
    }
  })

  it('a commit that is not 40 or 64 lowercase hex digits is left out', () => {
    const withCommit = (commit: unknown): unknown => {
      const statement = workflowStatement('https://github.com/acme/shop') as {
        predicate: { buildDefinition: { resolvedDependencies: unknown } }
      }
      statement.predicate.buildDefinition.resolvedDependencies = [{ digest: { gitCommit: commit } }]
      return statement
    }
    for (const commit of [
      'C'.repeat(40),
      'c'.repeat(39),
      'c'.repeat(41),
      'main',
      `${'c'.repeat(40)}\n::add-mask::x`,
      42
    ]) {
      const { sealedBy, problems } = leftOut(withCommit(commit))
      expect(sealedBy?.commit).toBeNull()
      expect(problems).toHaveLength(1)
    }
    for (const commit of ['c'.repeat(40), '0123456789abcdef'.repeat(4)])
      expect(leftOut(withCommit(commit))).toEqual({
        sealedBy: expect.objectContaining({ commit }),
        problems: []
      })
  })

  it('reads what a seal writes on any server, and only for that server', () => {
    const name = fc.tuple(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}$/),
      fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/).filter((r) => r !== '.' && r !== '..')
    )
    fc.assert(
      fc.property(
        name,
        fc.constantFrom('https://github.com', 'https://ghes.example.com', 'https://acme.ghe.com'),
        fc.nat(),
        ([owner, repo], server, run) => {
          const statement = workflowStatement(
            `${server}/${owner}/${repo}`,
            `${server}/${owner}/${repo}/actions/runs/${run + 1}/attempts/1`
          )
          expect(leftOut(statement, server)).toEqual({
            sealedBy: {
              repository: `${owner}/${repo}`,
              commit: 'c'.repeat(40),
              runUrl: `${server}/${owner}/${repo}/actions/runs/${run + 1}/attempts/1`
            },
            problems: []
          })
          const elsewhere = leftOut(statement, 'https://other.example')
          expect(elsewhere.sealedBy).toEqual({
            repository: null,
            commit: 'c'.repeat(40),
            runUrl: null
          })
          expect(elsewhere.problems).toHaveLength(2)
        }
      ),
      { numRuns: 100 }
    )
  })
})
