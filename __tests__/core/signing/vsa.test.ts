import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { buildContextFromEnv } from '../../../src/app/settings/runner-environment.js'
import { SealError } from '../../../src/core/errors.js'
import {
  PROMOTION_EXTENSION,
  VSA_PREDICATE_TYPE,
  type VerificationSummaryInput,
  readVerificationSummary,
  verificationSummary
} from '../../../src/core/signing/vsa.js'
import { buildStatement, statementSubject } from '../../../src/core/statement.js'
import { GITHUB_ENV } from '../../../__fixtures__/github-env.js'

const HEX = '5e146d8395cc5c8356c77669ba3590a46bb728d392166e142797e40838d70b1e'
const POLICY_HEX = 'a'.repeat(64)
const BUNDLE_HEX = 'b'.repeat(64)

function schema(name: string): object {
  return JSON.parse(
    readFileSync(new URL(`../../../__fixtures__/in-toto/${name}`, import.meta.url), 'utf8')
  ) as object
}

const ajv = new Ajv2020({ allErrors: true })
ajv.addSchema(schema('statement-v1.schema.json'))
const validateVsa: ValidateFunction = ajv.compile(schema('vsa-v1.schema.json'))
const validateProvenance: ValidateFunction = ajv.compile(schema('provenance-v1.schema.json'))

function schemaErrors(validate: ValidateFunction, statement: unknown): string[] {
  return validate(statement)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}

const INPUT: VerificationSummaryInput = {
  digest: HEX,
  subjectName: 'shop.tar.gz',
  verifierId: 'https://github.com/acme/artifact-seal/promote@v1',
  verifierVersion: '0.2.0',
  timeVerified: '2026-11-28T10:20:30.456Z',
  resourceUri: 'https://github.com/acme/shop/environments/production',
  policy: {
    uri: 'https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/.github/promotion.yml',
    digest: { sha256: POLICY_HEX }
  },
  inputAttestations: [
    { uri: 'https://github.com/acme/shop/attestations/42', digest: { sha256: BUNDLE_HEX } }
  ],
  result: 'PASSED',
  verifiedLevels: ['SLSA_BUILD_LEVEL_2'],
  extension: {
    key: 'rec-1',
    environment: 'production',
    outcome: 'pending',
    mode: 'promote',
    reason: null,
    checks: [{ rule: 'requires', passed: true }]
  }
}

// The tests break statements anywhere; a typed path for each edit would be longer than the edit.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

describe('verificationSummary', () => {
  it('writes a SLSA Verification Summary v1 statement, field for field', () => {
    expect(verificationSummary(INPUT)).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'shop.tar.gz', digest: { sha256: HEX } }],
      predicateType: 'https://slsa.dev/verification_summary/v1',
      predicate: {
        verifier: {
          id: 'https://github.com/acme/artifact-seal/promote@v1',
          version: { 'artifact-seal': '0.2.0' }
        },
        timeVerified: '2026-11-28T10:20:30.456Z',
        resourceUri: 'https://github.com/acme/shop/environments/production',
        policy: { uri: INPUT.policy.uri, digest: { sha256: POLICY_HEX } },
        inputAttestations: [
          { uri: 'https://github.com/acme/shop/attestations/42', digest: { sha256: BUNDLE_HEX } }
        ],
        verificationResult: 'PASSED',
        verifiedLevels: ['SLSA_BUILD_LEVEL_2'],
        slsaVersion: '1.0',
        'urn:artifact-seal:promotion:v1': {
          key: 'rec-1',
          environment: 'production',
          outcome: 'pending',
          mode: 'promote',
          reason: null,
          checks: [{ rule: 'requires', passed: true }]
        }
      }
    })
  })

  it(
    'records ["FAILED"] for a failed decision whatever levels were given, leaves out an empty ' +
      'inputAttestations and a missing policy digest',
    () => {
      const statement = verificationSummary({
        ...INPUT,
        digest: `sha256:${HEX}`,
        result: 'FAILED',
        inputAttestations: [],
        policy: { uri: 'file:///srv/ledger/policy.yml', digest: null },
        verifierVersion: { 'artifact-seal': '0.2.0', node: 'v24.21.0' },
        extension: {
          key: 'rec-2',
          environment: 'production',
          outcome: 'refused',
          mode: 'promote',
          reason: 'staging has not run it'
        }
      })
      expect(statement.predicate.verifiedLevels).toEqual(['FAILED'])
      expect(statement.predicate).not.toHaveProperty('inputAttestations')
      expect(statement.predicate.policy).toEqual({ uri: 'file:///srv/ledger/policy.yml' })
      expect(statement.predicate.verifier.version).toEqual({
        'artifact-seal': '0.2.0',
        node: 'v24.21.0'
      })
      expect(statement.subject[0]?.digest).toEqual({ sha256: HEX })
    }
  )

  it('refuses input it would write as an invalid summary, naming the field', () => {
    expect(() => verificationSummary({ ...INPUT, resourceUri: 'production' })).toThrowSealError(
      'malformed'
    )
    expect(() =>
      verificationSummary({ ...INPUT, timeVerified: '2026-11-28T10:20:30+02:00' })
    ).toThrowSealError('malformed')
    expect(() =>
      verificationSummary({
        ...INPUT,
        verifiedLevels: ['SLSA_BUILD_LEVEL_2', 'SLSA_BUILD_LEVEL_3']
      })
    ).toThrowSealError('malformed')
    expect(() =>
      verificationSummary({ ...INPUT, policy: { uri: INPUT.policy.uri, digest: { sha256: '' } } })
    ).toThrowSealError('malformed')
    expect(() => verificationSummary({ ...INPUT, digest: 'abc' })).toThrow(SealError)
  })
})

describe('readVerificationSummary', () => {
  const good = verificationSummary(INPUT)

  it('returns a valid statement as given, unknown fields kept (in-toto parsing rules)', () => {
    const withExtra = {
      ...clone(good),
      extra: 1,
      predicate: {
        ...clone(good.predicate),
        'https://example.com/other': { x: 1 },
        dependencyLevels: { SLSA_BUILD_LEVEL_2: 3 }
      }
    }
    expect(readVerificationSummary(withExtra)).toBe(withExtra)
    expect(
      readVerificationSummary({
        ...clone(good),
        predicate: {
          ...clone(good.predicate),
          verifiedLevels: [
            'SLSA_BUILD_LEVEL_UNEVALUATED',
            'SLSA_SOURCE_LEVEL_3',
            'SLSA_BUILD_REPRODUCED',
            'ACME_REVIEWED'
          ]
        }
      })
    ).toBeDefined()
  })

  // Each broken summary: the field the reader names, and whether the transcribed JSON Schema
  // (an independent statement of the same spec) rejects it too.
  const broken: [string, (s: Loose) => void, RegExp, boolean][] = [
    [
      'the statement type',
      (s) => (s._type = 'https://in-toto.io/Statement/v0.1'),
      /_type must be "https:\/\/in-toto.io\/Statement\/v1"/,
      true
    ],
    ['an empty subject', (s) => (s.subject = []), /subject must be a non-empty array/, true],
    [
      'a subject digest that is not sha256 hex',
      (s) => (s.subject[0].digest.sha256 = 'XYZ'),
      /subject\[0\]\.digest\.sha256 must be 64 lower-case hex characters/,
      true
    ],
    [
      'a subject without digest',
      (s) => delete s.subject[0].digest,
      /subject\[0\]\.digest must be an object/,
      true
    ],
    [
      'the predicate type',
      (s) => (s.predicateType = 'https://slsa.dev/provenance/v1'),
      /predicateType must be "https:\/\/slsa.dev\/verification_summary\/v1"/,
      true
    ],
    [
      'no verifier',
      (s) => delete s.predicate.verifier,
      /predicate\.verifier must be an object/,
      true
    ],
    [
      'a verifier id that is not a URI',
      (s) => (s.predicate.verifier.id = 'artifact-seal'),
      /predicate\.verifier\.id must be a URI/,
      true
    ],
    [
      'a verifier version that is not a string map',
      (s) => (s.predicate.verifier.version = { node: 24 }),
      /predicate\.verifier\.version\.node must be a non-empty string/,
      true
    ],
    [
      'no resourceUri',
      (s) => delete s.predicate.resourceUri,
      /predicate\.resourceUri must be a non-empty string, got nothing/,
      true
    ],
    [
      'a policy without uri',
      (s) => delete s.predicate.policy.uri,
      /predicate\.policy\.uri must be a non-empty string/,
      true
    ],
    [
      'an input attestation without digest',
      (s) => delete s.predicate.inputAttestations[0].digest,
      /predicate\.inputAttestations\[0\]\.digest must be an object/,
      true
    ],
    [
      'a result other than PASSED or FAILED',
      (s) => (s.predicate.verificationResult = 'OK'),
      /predicate\.verificationResult must be "PASSED" or "FAILED"/,
      true
    ],
    [
      'no verified levels',
      (s) => (s.predicate.verifiedLevels = []),
      /predicate\.verifiedLevels must be a non-empty array/,
      true
    ],
    [
      'FAILED with a level',
      (s) => (
        (s.predicate.verificationResult = 'FAILED'),
        (s.predicate.verifiedLevels = ['SLSA_BUILD_LEVEL_2'])
      ),
      /must be \["FAILED"\] when verificationResult is FAILED/,
      true
    ],
    [
      'PASSED with FAILED',
      (s) => (s.predicate.verifiedLevels = ['SLSA_BUILD_LEVEL_2', 'FAILED']),
      /must not hold "FAILED" when verificationResult is PASSED/,
      true
    ],
    [
      'a custom level starting with SLSA_',
      (s) => (s.predicate.verifiedLevels = ['SLSA_ACME_CHECKED']),
      /custom values must not start with SLSA_/,
      true
    ],
    [
      'a non-UTC time',
      (s) => (s.predicate.timeVerified = '2026-11-28 10:20'),
      /predicate\.timeVerified must be an RFC 3339 time in UTC/,
      true
    ],
    [
      'a slsaVersion without minor',
      (s) => (s.predicate.slsaVersion = '1'),
      /predicate\.slsaVersion must be <MAJOR>\.<MINOR>/,
      true
    ],
    [
      'a negative dependency count',
      (s) => (s.predicate.dependencyLevels = { SLSA_BUILD_LEVEL_1: -1 }),
      /predicate\.dependencyLevels\.SLSA_BUILD_LEVEL_1 must be a count/,
      true
    ],
    // Only the reader knows these rules: the schema cannot say "one level per track", nor check the extension.
    [
      'two levels of one track',
      (s) => (s.predicate.verifiedLevels = ['SLSA_BUILD_LEVEL_1', 'SLSA_BUILD_LEVEL_3']),
      /names a second level of the BUILD track/,
      false
    ],
    [
      'an unknown outcome in the extension',
      (s) => (s.predicate[PROMOTION_EXTENSION].outcome = 'shipped'),
      /predicate\["urn:artifact-seal:promotion:v1"\]\.outcome must be one of pending, deployed/,
      false
    ],
    [
      'a mode in the extension that is neither promote, rollback nor null',
      (s) => (s.predicate[PROMOTION_EXTENSION].mode = 'deploy'),
      /\.mode must be promote, rollback or null/,
      false
    ]
  ]

  it.each(broken)('refuses %s, naming the field', (_what, edit, message, schemaAgrees) => {
    const statement = clone(good) as unknown as Loose
    edit(statement)
    let thrown: unknown
    try {
      readVerificationSummary(statement)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SealError)
    expect((thrown as Error).message).toMatch(/^The verification summary is not valid: /)
    expect((thrown as Error).message).toMatch(message)
    expect(schemaErrors(validateVsa, statement).length > 0).toBe(schemaAgrees)
  })

  it('refuses what is not an object', () => {
    expect(() => readVerificationSummary('{}')).toThrowSealError('malformed')
    expect(() => readVerificationSummary(null)).toThrow(SealError)
  })
})

describe('the in-toto attestation framework (schemas transcribed in __fixtures__/in-toto)', () => {
  it('accepts every summary the builder writes', () => {
    expect(schemaErrors(validateVsa, verificationSummary(INPUT))).toEqual([])
    expect(
      schemaErrors(
        validateVsa,
        verificationSummary({
          ...INPUT,
          result: 'FAILED',
          inputAttestations: [],
          policy: { uri: 'file:///l/policy.yml', digest: null }
        })
      )
    ).toEqual([])
    expect(
      schemaErrors(
        validateVsa,
        verificationSummary({
          ...INPUT,
          verifiedLevels: ['SLSA_BUILD_LEVEL_UNEVALUATED'],
          extension: undefined
        })
      )
    ).toEqual([])
  })

  it(
    "names the two fields a strict reader of in-toto's vsa.proto would not know: verifier.version (spec 1.1, " +
      'missing from the proto) and the extension',
    () => {
      const protoFields: Record<string, readonly string[]> = {
        predicate: [
          'verifier',
          'timeVerified',
          'resourceUri',
          'policy',
          'inputAttestations',
          'verificationResult',
          'verifiedLevels',
          'dependencyLevels',
          'slsaVersion'
        ],
        'predicate.verifier': ['id'],
        'predicate.policy': ['uri', 'digest']
      }
      const predicate = verificationSummary(INPUT).predicate as unknown as Record<
        string,
        Record<string, unknown>
      >
      const unknown = Object.entries(protoFields).flatMap(([path, fields]) => {
        const object =
          path === 'predicate' ? predicate : (predicate[path.slice('predicate.'.length)] ?? {})
        return Object.keys(object)
          .filter((key) => !fields.includes(key))
          .map((key) => `${path}.${key}`)
      })
      expect(unknown).toEqual([
        'predicate.urn:artifact-seal:promotion:v1',
        'predicate.verifier.version'
      ])
    }
  )

  it.each([
    [
      'a tree sealed by a workflow',
      () =>
        buildStatement(
          [statementSubject('shop', `sha256:${HEX}`, true)],
          buildContextFromEnv(GITHUB_ENV)
        )
    ],
    [
      'a file sealed by a workflow',
      () =>
        buildStatement(
          [statementSubject('shop.tar.gz', `sha256:${HEX}`, false)],
          buildContextFromEnv(GITHUB_ENV)
        )
    ],
    [
      'a reusable workflow',
      () => {
        const context = buildContextFromEnv(GITHUB_ENV)
        if (context.kind !== 'workflow') throw new Error('expected a workflow build')
        return buildStatement([statementSubject('shop', `sha256:${HEX}`, true)], {
          ...context,
          build: {
            ...context.build,
            jobWorkflowRef: 'acme/pipelines/.github/workflows/seal.yml@refs/tags/v3'
          }
        })
      }
    ],
    [
      'a seal made outside GitHub',
      () =>
        buildStatement(
          [
            statementSubject('app.tgz', `sha256:${HEX}`, false),
            statementSubject('web', `sha256:${BUNDLE_HEX}`, true)
          ],
          buildContextFromEnv({}, new Date('2026-01-02T03:04:05Z'))
        )
    ]
  ])('accepts the provenance statement of %s (src/core/statement.ts)', (_what, make) => {
    expect(schemaErrors(validateProvenance, make())).toEqual([])
  })

  it('rejects the statement shapes the in-toto Go validator rejects, so the check above has teeth', () => {
    const statement = clone(
      buildStatement(
        [statementSubject('app.tgz', `sha256:${HEX}`, false)],
        buildContextFromEnv({}, new Date('2026-01-02T03:04:05Z'))
      )
    ) as unknown as Loose
    const emptyParameters = clone(statement)
    emptyParameters.predicate.buildDefinition.externalParameters = {}
    expect(schemaErrors(validateProvenance, emptyParameters)).toEqual([
      '/predicate/buildDefinition/externalParameters must NOT have fewer than 1 properties'
    ])
    const hostBuilder = clone(statement)
    hostBuilder.predicate.runDetails.builder.id = 'laptop.local'
    expect(schemaErrors(validateProvenance, hostBuilder)).toEqual([
      '/predicate/runDetails/builder/id must match pattern "^[a-z][a-z0-9+.-]*:[^\\s]+$"'
    ])
    const shortDirHash = clone(statement)
    shortDirHash.subject[0].digest.dirHash = 'abc'
    expect(schemaErrors(validateProvenance, shortDirHash)).toEqual([
      '/subject/0/digest/dirHash must match pattern "^[0-9a-f]{64}$"'
    ])
  })

  it('takes the VSA predicate type from the spec', () => {
    expect(VSA_PREDICATE_TYPE).toBe('https://slsa.dev/verification_summary/v1')
  })
})
