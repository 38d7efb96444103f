import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  FULCIO_OIDS,
  checkIdentity,
  decodeDerUtf8String,
  decodeIdentity,
  describeIdentityFailure,
  parseWorkflowSetting,
  type CertificateExtension,
  type IdentityPolicy,
  type SignerIdentity
} from '../../../src/core/signing/identity.js'

const ISSUER = 'https://token.actions.githubusercontent.com'
const SAN = 'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main'

/** A DER UTF8String, short or long length form, as Fulcio writes `.1.8+`. */
function der(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8')
  const length =
    bytes.length < 0x80
      ? [bytes.length]
      : bytes.length < 0x100
        ? [0x81, bytes.length]
        : [0x82, bytes.length >> 8, bytes.length & 0xff]
  return Uint8Array.from([0x0c, ...length, ...bytes])
}

const raw = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'))

function extensions(
  overrides: Partial<Record<keyof typeof FULCIO_OIDS, string>> = {}
): CertificateExtension[] {
  const values: Partial<Record<keyof typeof FULCIO_OIDS, string>> = {
    issuerLegacy: ISSUER,
    githubWorkflowRepository: 'acme/shop',
    issuer: ISSUER,
    buildSignerUri: SAN,
    buildSignerDigest: 'a'.repeat(40),
    runnerEnvironment: 'github-hosted',
    sourceRepositoryUri: 'https://github.com/acme/shop',
    sourceRepositoryDigest: 'b'.repeat(40),
    sourceRepositoryRef: 'refs/heads/main',
    sourceRepositoryIdentifier: '123456',
    sourceRepositoryOwnerUri: 'https://github.com/acme',
    sourceRepositoryOwnerIdentifier: '7890',
    buildConfigUri: SAN,
    buildTrigger: 'push',
    runInvocationUri: 'https://github.com/acme/shop/actions/runs/4242/attempts/2',
    sourceRepositoryVisibility: 'private',
    ...overrides
  }
  return Object.entries(values).map(([name, value]) => ({
    oid: FULCIO_OIDS[name as keyof typeof FULCIO_OIDS].split('.').map(Number),
    value: name.endsWith('Legacy') || name.startsWith('githubWorkflow') ? raw(value) : der(value)
  }))
}

const POLICY: IdentityPolicy = {
  repository: 'acme/shop',
  issuer: ISSUER,
  denySelfHostedRunners: false,
  serverUrl: 'https://github.com'
}

describe('decodeIdentity', () => {
  it('decodes every GitHub extension, v2 as DER UTF8String', () => {
    const identity = decodeIdentity(SAN, extensions())
    expect(identity).toEqual({
      subjectAlternativeName: SAN,
      issuer: ISSUER,
      buildSignerUri: SAN,
      buildSignerDigest: 'a'.repeat(40),
      runnerEnvironment: 'github-hosted',
      sourceRepositoryUri: 'https://github.com/acme/shop',
      repository: 'acme/shop',
      sourceRepositoryDigest: 'b'.repeat(40),
      sourceRepositoryRef: 'refs/heads/main',
      sourceRepositoryIdentifier: '123456',
      sourceRepositoryOwnerUri: 'https://github.com/acme',
      sourceRepositoryOwnerIdentifier: '7890',
      buildConfigUri: SAN,
      buildTrigger: 'push',
      runInvocationUri: 'https://github.com/acme/shop/actions/runs/4242/attempts/2',
      sourceRepositoryVisibility: 'private'
    })
  })

  it('reads the long DER length form and falls back to the legacy issuer', () => {
    const long = `https://github.com/acme/${'x'.repeat(300)}`
    expect(decodeDerUtf8String(der(long))).toBe(long)
    const onlyLegacy = extensions().filter(
      (e) => (e.oid as number[]).join('.') !== FULCIO_OIDS.issuer
    )
    expect(decodeIdentity(SAN, onlyLegacy).issuer).toBe(ISSUER)
  })

  it('leaves a field absent when its bytes are not a DER UTF8String, are not UTF-8, or appear twice', () => {
    const exts = extensions()
    const rawRepo = exts.map((e) =>
      (e.oid as number[]).join('.') === FULCIO_OIDS.sourceRepositoryUri
        ? { ...e, value: raw('https://github.com/acme/shop') }
        : e
    )
    expect(decodeIdentity(SAN, rawRepo).sourceRepositoryUri).toBeUndefined()
    expect(decodeDerUtf8String(Uint8Array.from([0x0c, 2, 0xc3, 0x28]))).toBeUndefined()
    // long form for a short length
    expect(decodeDerUtf8String(Uint8Array.from([0x0c, 0x81, 3, 0x61, 0x62, 0x63]))).toBeUndefined()
    expect(decodeDerUtf8String(Uint8Array.from([0x0c, 5, 0x61]))).toBeUndefined()
    const twice = [
      ...extensions(),
      { oid: FULCIO_OIDS.runnerEnvironment, value: der('self-hosted') }
    ]
    expect(decodeIdentity(SAN, twice).runnerEnvironment).toBeUndefined()
  })
})

describe('checkIdentity', () => {
  const identity = decodeIdentity(SAN, extensions())

  it('passes the identity of the policy, with or without workflow, ref and digest', () => {
    expect(checkIdentity(identity, POLICY)).toEqual([])
    expect(
      checkIdentity(identity, {
        ...POLICY,
        workflow: '.github/workflows/release.yml@refs/heads/main',
        sourceRef: 'refs/heads/main',
        sourceDigest: 'B'.repeat(40),
        denySelfHostedRunners: true
      })
    ).toEqual([])
    expect(
      checkIdentity(identity, { ...POLICY, workflow: '.github/workflows/release.yml' })
    ).toEqual([])
    expect(
      checkIdentity(identity, {
        ...POLICY,
        repository: 'ACME/Shop',
        workflow: './.github/workflows/release.yml'
      })
    ).toEqual([])
    expect(checkIdentity(identity, { ...POLICY, serverUrl: 'https://github.com/' })).toEqual([])
  })

  it('names every failed rule with the expected and actual value', () => {
    const bad = decodeIdentity(
      'https://github.com/acme/shop/.github/workflows/other.yml@refs/heads/dev',
      extensions({
        sourceRepositoryRef: 'refs/heads/dev',
        runnerEnvironment: 'self-hosted',
        issuer: 'https://evil.example'
      })
    )
    const failures = checkIdentity(bad, {
      ...POLICY,
      workflow: '.github/workflows/release.yml',
      sourceRef: 'refs/heads/main',
      denySelfHostedRunners: true
    })
    expect(failures).toEqual([
      {
        rule: 'workflow',
        expected: 'https://github.com/acme/shop/.github/workflows/release.yml@<any ref>',
        actual: 'https://github.com/acme/shop/.github/workflows/other.yml@refs/heads/dev'
      },
      { rule: 'source-ref', expected: 'refs/heads/main', actual: 'refs/heads/dev' },
      { rule: 'issuer', expected: ISSUER, actual: 'https://evil.example' },
      { rule: 'runner-environment', expected: 'github-hosted', actual: 'self-hosted' }
    ])
    expect(describeIdentityFailure(failures).split('\n')).toEqual([
      'signer workflow (certificate subject alternative name): expected ' +
        '"https://github.com/acme/shop/.github/workflows/release.yml@<any ref>", got ' +
        '"https://github.com/acme/shop/.github/workflows/other.yml@refs/heads/dev"',
      'signer source ref: expected "refs/heads/main", got "refs/heads/dev"',
      `signer OIDC issuer: expected "${ISSUER}", got "https://evil.example"`,
      'signer runner environment: expected "github-hosted", got "self-hosted"'
    ])
  })

  it('never lets acme/shop-evil pass for acme/shop', () => {
    const evilSan =
      'https://github.com/acme/shop-evil/.github/workflows/release.yml@refs/heads/main'
    const evil = decodeIdentity(
      evilSan,
      extensions({
        sourceRepositoryUri: 'https://github.com/acme/shop-evil',
        buildSignerUri: evilSan,
        githubWorkflowRepository: 'acme/shop-evil'
      })
    )
    expect(checkIdentity(evil, POLICY).map((f) => f.rule)).toEqual([
      'repository',
      'subject-alternative-name'
    ])
    expect(
      checkIdentity(evil, { ...POLICY, workflow: '.github/workflows/release.yml' }).map(
        (f) => f.rule
      )
    ).toEqual(['repository', 'workflow'])
    // A SAN whose path merely starts like the expected workflow does not pass either.
    const longer = decodeIdentity(
      'https://github.com/acme/shop/.github/workflows/release.yml.evil@refs/heads/main',
      extensions()
    )
    expect(
      checkIdentity(longer, { ...POLICY, workflow: '.github/workflows/release.yml' }).map(
        (f) => f.rule
      )
    ).toEqual(['workflow'])
    // Nor a repository URI on another host.
    const elsewhere = decodeIdentity(
      SAN,
      extensions({ sourceRepositoryUri: 'https://github.com.evil.example/acme/shop' })
    )
    expect(checkIdentity(elsewhere, POLICY).map((f) => f.rule)).toEqual(['repository'])
  })

  it('checks the owner URI too, case-insensitively', () => {
    const other = decodeIdentity(
      SAN,
      extensions({ sourceRepositoryOwnerUri: 'https://github.com/evil' })
    )
    expect(checkIdentity(other, POLICY)).toEqual([
      { rule: 'repository', expected: 'https://github.com/acme', actual: 'https://github.com/evil' }
    ])
    const upper = decodeIdentity(
      SAN,
      extensions({
        sourceRepositoryOwnerUri: 'https://github.com/ACME',
        sourceRepositoryUri: 'https://github.com/Acme/Shop'
      })
    )
    expect(checkIdentity(upper, POLICY)).toEqual([])
  })

  it('accepts a reusable workflow in another repository only when the workflow names it', () => {
    const reusable = 'https://github.com/acme/workflows/.github/workflows/build.yml@refs/tags/v1'
    const identity = decodeIdentity(reusable, extensions({ buildSignerUri: reusable }))
    expect(checkIdentity(identity, POLICY).map((f) => f.rule)).toEqual(['subject-alternative-name'])
    expect(
      checkIdentity(identity, {
        ...POLICY,
        workflow: 'acme/workflows/.github/workflows/build.yml@refs/tags/v1'
      })
    ).toEqual([])
    expect(
      checkIdentity(identity, {
        ...POLICY,
        workflow: 'acme/workflows/.github/workflows/build.yml@refs/tags/v2'
      }).map((f) => f.rule)
    ).toEqual(['workflow'])
    expect(parseWorkflowSetting('acme/workflows/.github/workflows/build.yml', 'acme/shop')).toEqual(
      { repository: 'acme/workflows', path: '.github/workflows/build.yml' }
    )
  })

  it('fails every rule on an empty certificate, naming the values absent', () => {
    const empty = decodeIdentity(undefined, [])
    const failures = checkIdentity(empty, {
      ...POLICY,
      sourceRef: 'refs/heads/main',
      sourceDigest: 'a'.repeat(40),
      denySelfHostedRunners: true
    })
    expect(failures.map((f) => [f.rule, f.actual])).toEqual([
      ['repository', '(absent)'],
      ['subject-alternative-name', '(absent)'],
      ['source-ref', '(absent)'],
      ['source-digest', '(absent)'],
      ['issuer', '(absent)'],
      ['runner-environment', '(absent)']
    ])
  })
})

describe('properties', () => {
  const oid = fc.oneof(
    fc.constantFrom(...Object.values(FULCIO_OIDS)),
    fc.array(fc.nat(100000), { minLength: 1, maxLength: 12 }).map((arcs) => arcs.join('.'))
  )
  const extension = fc.record({ oid, value: fc.uint8Array({ maxLength: 300 }) })

  it('decoding never throws on arbitrary extension bytes and only yields strings', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.array(extension, { maxLength: 30 }),
        (san, exts) => {
          const identity = decodeIdentity(san, exts)
          for (const value of Object.values(identity)) expect(typeof value).toBe('string')
          expect(() => checkIdentity(identity, POLICY)).not.toThrow()
        }
      )
    )
  })

  it('round-trips any UTF-8 string through DER', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) =>
        expect(decodeDerUtf8String(der(text))).toBe(text)
      )
    )
  })

  const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/)
  const ref = fc.constantFrom(
    'refs/heads/main',
    'refs/heads/dev',
    'refs/tags/v1',
    'refs/pull/1/merge'
  )
  const file = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\.ya?ml$/)
  const runner = fc.constantFrom('github-hosted', 'self-hosted')
  const issuer = fc.constantFrom(
    ISSUER,
    'https://token.actions.acme.ghe.com',
    'https://evil.example'
  )
  const identityFields = fc.record({
    owner: segment,
    name: segment,
    file,
    ref,
    sourceRef: ref,
    runner,
    issuer
  })

  it('checkIdentity passes exactly when every field matches the policy', () => {
    fc.assert(
      fc.property(
        identityFields,
        identityFields,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (cert, want, withWorkflow, withRef, deny) => {
          const san = `https://github.com/${cert.owner}/${cert.name}/.github/workflows/${cert.file}@${cert.ref}`
          const identity = decodeIdentity(
            san,
            extensions({
              sourceRepositoryUri: `https://github.com/${cert.owner}/${cert.name}`,
              sourceRepositoryOwnerUri: `https://github.com/${cert.owner}`,
              buildSignerUri: san,
              sourceRepositoryRef: cert.sourceRef,
              runnerEnvironment: cert.runner,
              issuer: cert.issuer
            })
          )
          const policy: IdentityPolicy = {
            repository: `${want.owner}/${want.name}`,
            workflow: withWorkflow
              ? `.github/workflows/${want.file}${withRef ? `@${want.ref}` : ''}`
              : undefined,
            sourceRef: withRef ? want.sourceRef : undefined,
            issuer: want.issuer,
            denySelfHostedRunners: deny,
            serverUrl: 'https://github.com'
          }
          const sameRepo =
            `${cert.owner}/${cert.name}`.toLowerCase() ===
            `${want.owner}/${want.name}`.toLowerCase()
          const expectedPass =
            sameRepo &&
            (!withWorkflow || (cert.file === want.file && (!withRef || cert.ref === want.ref))) &&
            (!withRef || cert.sourceRef === want.sourceRef) &&
            cert.issuer === want.issuer &&
            (!deny || cert.runner === 'github-hosted')
          expect(checkIdentity(identity, policy).length === 0).toBe(expectedPass)
        }
      ),
      { numRuns: 500 }
    )
  })

  it('a repository that only starts with the expected one never passes', () => {
    fc.assert(
      fc.property(
        segment,
        segment,
        fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/),
        (owner, name, tail) => {
          const evil = `${owner}/${name}${tail}`
          const san = `https://github.com/${evil}/.github/workflows/release.yml@refs/heads/main`
          const identity: SignerIdentity = decodeIdentity(
            san,
            extensions({
              sourceRepositoryUri: `https://github.com/${evil}`,
              sourceRepositoryOwnerUri: `https://github.com/${owner}`
            })
          )
          const rules = checkIdentity(identity, { ...POLICY, repository: `${owner}/${name}` }).map(
            (f) => f.rule
          )
          expect(rules).toContain('repository')
          expect(rules).toContain('subject-alternative-name')
        }
      )
    )
  })
})
