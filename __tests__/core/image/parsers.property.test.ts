// Property tests of the image reference and WWW-Authenticate parsers: what the grammar
// generates is read back exactly, anything else is a SealError (references) or null
// (challenges), never a crash; and distribution's own name expression (as @sigstore/oci,
// the actions/attest code path, compiles it) agrees on every name with a registry.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseImageName } from '@sigstore/oci/dist/name.js'
import { SealError } from '../../../src/core/errors.js'
import {
  type Challenge,
  formatChallenge,
  parseChallenges
} from '../../../src/core/image/challenge.js'
import { formatReference, parseImageReference } from '../../../src/core/image/reference.js'

const RUNS = { numRuns: 500 }

const alnum = fc.stringMatching(/^[a-z0-9]{1,4}$/)
const separator = fc.constantFrom('.', '_', '__', '-', '---')
const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 2 }))
  .map(([first, rest]) => first + rest.map(([s, a]) => s + a).join(''))
/** A component that cannot be read as a registry: no ".", no ":", not localhost. */
const hubComponent = pathComponent.filter((c) => !c.includes('.') && c !== 'localhost')
const domainComponent = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,5}[a-zA-Z0-9])?$/)
const port = fc.integer({ min: 1, max: 65535 }).map(String)
const domain = fc.oneof(
  fc
    .tuple(
      domainComponent,
      fc.array(domainComponent, { minLength: 1, maxLength: 3 }),
      fc.option(port, { nil: undefined })
    )
    .map(([a, rest, p]) => `${[a, ...rest].join('.')}${p === undefined ? '' : `:${p}`}`),
  fc.tuple(domainComponent, port).map(([a, p]) => `${a}:${p}`),
  fc.constant('localhost')
)
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,12}$/)
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/)

describe('parseImageReference (properties)', () => {
  it('reads every reference the grammar makes with a registry, and writes it back as it was', () => {
    fc.assert(
      fc.property(
        domain,
        fc.array(pathComponent, { minLength: 1, maxLength: 3 }),
        fc.option(tag, { nil: null }),
        fc.option(hex64, { nil: null }),
        (d, path, t, hex) => {
          const name = `${d}/${path.join('/')}`
          const text = `${name}${t === null ? '' : `:${t}`}${hex === null ? '' : `@sha256:${hex}`}`
          const parsed = parseImageReference(text, 'image')
          expect(parsed.registry).toBe(
            d.toLowerCase() === 'index.docker.io' || d.toLowerCase() === 'registry-1.docker.io'
              ? 'docker.io'
              : d.toLowerCase()
          )
          expect(parsed.tag).toBe(t)
          expect(parsed.digest).toBe(hex === null ? null : `sha256:${hex}`)
          expect(formatReference(parsed)).toBe(text.replace(d, d.toLowerCase()))
        }
      ),
      RUNS
    )
  })

  it('reads a name without a registry as Docker Hub, one component under library/', () => {
    fc.assert(
      fc.property(hubComponent, fc.array(pathComponent, { maxLength: 2 }), (first, rest) => {
        const parsed = parseImageReference([first, ...rest].join('/'), 'image')
        expect(parsed.registry).toBe('docker.io')
        expect(parsed.repository).toBe(
          rest.length === 0 ? `library/${first}` : [first, ...rest].join('/')
        )
      }),
      RUNS
    )
  })

  it('throws nothing but SealError on any text, and reads its own output back the same', () => {
    const alphabet = fc.constantFrom(
      ...'aZ0.-_:/@ \u00e9[]'.split(''),
      'sha256:',
      'localhost',
      'ghcr.io/',
      'A'.repeat(64)
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join(''))
        ),
        (text) => {
          let parsed
          try {
            parsed = parseImageReference(text, 'image')
          } catch (error) {
            if (!(error instanceof SealError)) throw error
            return
          }
          expect(parseImageReference(formatReference(parsed), 'image')).toEqual(parsed)
        }
      ),
      RUNS
    )
  })

  it("agrees with distribution's name expression on names with a registry", () => {
    const piece = fc
      .array(fc.constantFrom(...'ab9.-_'.split(''), '__', 'X'), { minLength: 1, maxLength: 6 })
      .map((p) => p.join(''))
    const host = fc
      .tuple(piece, fc.constantFrom('.com', ':5000', '.io:443', ''))
      .map(([h, suffix]) => h + suffix)
    fc.assert(
      fc.property(host, fc.array(piece, { minLength: 1, maxLength: 3 }), (h, path) => {
        const name = `${h}/${path.join('/')}`
        const ours = (() => {
          try {
            return parseImageReference(name, 'image')
          } catch {
            return null
          }
        })()
        // Capitals in the repository are read as its lower-case form (as actions/attest names subjects).
        const theirs = (() => {
          try {
            return parseImageName(`${h}/${path.join('/').toLowerCase()}`)
          } catch {
            return null
          }
        })()
        const first = name.split('/')[0]!
        const isRegistry = first.includes('.') || first.includes(':') || first === 'localhost'
        if (!isRegistry) return
        expect(ours === null).toBe(theirs === null)
        if (ours !== null && theirs !== null) {
          expect(ours.registry).toBe(theirs.registry.toLowerCase())
          expect(ours.repository).toBe(theirs.path)
        }
      }),
      RUNS
    )
  })
})

const tchars = fc.constantFrom(..."abcXYZ019!#$%&'*+-.^_`|~".split(''))
const token = fc.array(tchars, { minLength: 1, maxLength: 8 }).map((c) => c.join(''))
const token68 = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,12}$/), fc.constantFrom('', '=', '=='))
  .map(([t, pad]) => t + pad)
const value = fc.string({
  unit: fc.constantFrom(...'ab ,="\\:/;\tX'.split(''), 'repository:acme/app:pull,push'),
  maxLength: 12
})
const challenge: fc.Arbitrary<Challenge> = fc.oneof(
  fc
    .tuple(
      token,
      fc.uniqueArray(
        fc.tuple(
          token.map((n) => n.toLowerCase()),
          value
        ),
        { selector: ([n]) => n, maxLength: 4 }
      )
    )
    .map(([scheme, params]) => ({
      scheme: scheme.toLowerCase(),
      params: Object.fromEntries(params)
    })),
  fc
    .tuple(token, token68)
    .map(([scheme, t]) => ({ scheme: scheme.toLowerCase(), params: {}, token68: t }))
)

describe('parseChallenges', () => {
  it('reads back every list of challenges written per RFC 7235', () => {
    fc.assert(
      fc.property(
        fc.array(challenge, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(', ', ',', ' , '),
        (challenges, join) => {
          expect(parseChallenges(challenges.map(formatChallenge).join(join))).toEqual(challenges)
        }
      ),
      RUNS
    )
  })

  it('returns null or challenges for any text, never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'Bearer realm="x",\\ =\t'.split('')), maxLength: 30 }),
        (text) => {
          const parsed = parseChallenges(text)
          expect(parsed === null || Array.isArray(parsed)).toBe(true)
        }
      ),
      RUNS
    )
  })

  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull'
          }
        }
      ]
    ],
    ['Basic realm="test"', [{ scheme: 'basic', params: { realm: 'test' } }]],
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull ' +
        'repository:a/c:pull,push",error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:a/b:pull repository:a/c:pull,push',
            error: 'insufficient_scope'
          }
        }
      ]
    ],
    [
      'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
      [
        { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
        { scheme: 'basic', params: { realm: 'simple' } }
      ]
    ],
    [
      'Negotiate abc==, Basic',
      [
        { scheme: 'negotiate', params: {}, token68: 'abc==' },
        { scheme: 'basic', params: {} }
      ]
    ],
    ['BEARER Realm = "x" , Service=y', [{ scheme: 'bearer', params: { realm: 'x', service: 'y' } }]]
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected)
  })

  // "Bearer realm=" is not among them: it is a valid token68.
  it.each([
    '',
    ' , ',
    'Bearer realm="unterminated',
    'Bearer realm="x\\',
    '"quoted"',
    'Bearer realm="a" service="b"',
    'Bearer =x'
  ])('refuses %j', (header) => {
    expect(parseChallenges(header)).toBeNull()
  })
})
