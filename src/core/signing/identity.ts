import { quote } from '../errors.js'

/**
 * Who signed a keyless bundle, read from the Fulcio certificate, and the identity policy a
 * verify or promote applies to it. Pure: the verifier hands over the certificate's SAN and
 * extensions as bytes, this module decodes and compares them.
 *
 * Fulcio writes two generations of GitHub extensions (fulcio docs/oid-info.md):
 * `1.3.6.1.4.1.57264.1.1`–`.1.6` hold the raw string bytes as the extension value (deprecated),
 * `.1.8` onwards hold a DER UTF8String. A policy is checked on the `.1.8+` values only: a
 * verifier that compared raw bytes to the v2 fields would never match (the `sigstore`
 * client's `certificateOIDs` pitfall), and the legacy values carry no owner or runner.
 */

export const FULCIO_OID_PREFIX = '1.3.6.1.4.1.57264.1.'

/** The Fulcio extension OIDs a GitHub Actions certificate carries, by their field name. */
export const FULCIO_OIDS = {
  issuerLegacy: '1.3.6.1.4.1.57264.1.1',
  githubWorkflowTrigger: '1.3.6.1.4.1.57264.1.2',
  githubWorkflowSha: '1.3.6.1.4.1.57264.1.3',
  githubWorkflowName: '1.3.6.1.4.1.57264.1.4',
  githubWorkflowRepository: '1.3.6.1.4.1.57264.1.5',
  githubWorkflowRef: '1.3.6.1.4.1.57264.1.6',
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  sourceRepositoryIdentifier: '1.3.6.1.4.1.57264.1.15',
  sourceRepositoryOwnerUri: '1.3.6.1.4.1.57264.1.16',
  sourceRepositoryOwnerIdentifier: '1.3.6.1.4.1.57264.1.17',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
  buildConfigDigest: '1.3.6.1.4.1.57264.1.19',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
  runInvocationUri: '1.3.6.1.4.1.57264.1.21',
  sourceRepositoryVisibility: '1.3.6.1.4.1.57264.1.22',
  deploymentEnvironment: '1.3.6.1.4.1.57264.1.23'
} as const

type LegacyField =
  | 'issuerLegacy'
  | 'githubWorkflowTrigger'
  | 'githubWorkflowSha'
  | 'githubWorkflowName'
  | 'githubWorkflowRepository'
  | 'githubWorkflowRef'
type ExtensionField = Exclude<keyof typeof FULCIO_OIDS, LegacyField>

/** An X.509 extension as the verifier hands it over: its OID and the contents of its extnValue. */
export interface CertificateExtension {
  /** Dotted (`1.3.6.1.4.1.57264.1.8`) or as arcs, as @sigstore/verify gives it. */
  readonly oid: string | readonly number[]
  readonly value: Uint8Array
}

/**
 * The identity in a Fulcio certificate. A field the certificate does not carry, or carries
 * in a form that does not decode (not a DER UTF8String, not UTF-8), is absent: the checks
 * then fail on it instead of guessing.
 */
export interface SignerIdentity {
  /** For GitHub: the URL of the workflow that ran the job (`job_workflow_ref`), with its ref. */
  readonly subjectAlternativeName: string
  /** `.1.8`, or the legacy `.1.1` when the certificate predates `.1.8`. */
  readonly issuer?: string
  readonly buildSignerUri?: string
  readonly buildSignerDigest?: string
  readonly runnerEnvironment?: string
  readonly sourceRepositoryUri?: string
  /** `owner/name`, from the path of `sourceRepositoryUri`. */
  readonly repository?: string
  readonly sourceRepositoryDigest?: string
  readonly sourceRepositoryRef?: string
  readonly sourceRepositoryIdentifier?: string
  readonly sourceRepositoryOwnerUri?: string
  readonly sourceRepositoryOwnerIdentifier?: string
  readonly buildConfigUri?: string
  readonly buildConfigDigest?: string
  readonly buildTrigger?: string
  readonly runInvocationUri?: string
  readonly sourceRepositoryVisibility?: string
  readonly deploymentEnvironment?: string
}

export type IdentityRule =
  | 'repository'
  | 'workflow'
  | 'source-ref'
  | 'source-digest'
  | 'issuer'
  | 'runner-environment'
  | 'subject-alternative-name'

export interface IdentityFailure {
  readonly rule: IdentityRule
  readonly expected: string
  /** The certificate's value, or `(absent)`. */
  readonly actual: string
}

export interface IdentityPolicy {
  /** `owner/name` of the repository whose run must have signed (the source repository). */
  readonly repository: string
  /**
   * The workflow that must have signed: a path in `repository` (`.github/workflows/release.yml`),
   * optionally `@<ref>`; or `owner/name/<path>[@<ref>]` for a reusable workflow in another
   * repository. Without a ref any ref matches, but the path must end right before the `@`.
   */
  readonly workflow?: string
  readonly sourceRef?: string
  readonly sourceDigest?: string
  /** Compared exactly. */
  readonly issuer: string
  readonly denySelfHostedRunners: boolean
  /** `https://github.com` or a GHE.com host: the base of the certificate's URLs. */
  readonly serverUrl: string
}

export const GITHUB_HOSTED = 'github-hosted'
const ABSENT = '(absent)'

const dotted = (oid: string | readonly number[]): string =>
  typeof oid === 'string' ? oid : oid.join('.')

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** The string in a DER UTF8String (tag 12, definite length, nothing after it), or undefined. */
export function decodeDerUtf8String(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x0c) return undefined
  const first = bytes[1] as number
  let length: number
  let start: number
  if (first < 0x80) {
    length = first
    start = 2
  } else {
    const octets = first & 0x7f
    // DER forbids the indefinite form (0x80) and lengths that do not need the long form;
    // four octets already exceed any extension value.
    if (octets === 0 || octets > 4 || bytes.length < 2 + octets) return undefined
    length = 0
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[2 + i] as number)
    if (length < 0x80 || (bytes[2] as number) === 0) return undefined
    start = 2 + octets
  }
  if (start + length !== bytes.length) return undefined
  return decodeUtf8(bytes.subarray(start))
}

const EXTENSION_FIELDS = Object.entries(FULCIO_OIDS).filter(
  ([name]) => !name.endsWith('Legacy') && !name.startsWith('githubWorkflow')
) as [ExtensionField, string][]

/**
 * Decodes the identity from a certificate's SAN and extensions. Never throws: bytes that do
 * not decode leave their field absent. A duplicated extension (which RFC 5280 forbids) makes
 * its field absent too, so neither copy can be picked to pass a check.
 */
export function decodeIdentity(
  subjectAlternativeName: string | undefined,
  extensions: readonly CertificateExtension[]
): SignerIdentity {
  const byOid = new Map<string, Uint8Array | null>()
  for (const extension of extensions) {
    const oid = dotted(extension.oid)
    byOid.set(oid, byOid.has(oid) ? null : extension.value)
  }
  const fields: Record<string, string> = {}
  for (const [name, oid] of EXTENSION_FIELDS) {
    const value = byOid.get(oid)
    const decoded = value ? decodeDerUtf8String(value) : undefined
    if (decoded !== undefined) fields[name] = decoded
  }
  if (fields.issuer === undefined) {
    const legacy = byOid.get(FULCIO_OIDS.issuerLegacy)
    const decoded = legacy ? decodeUtf8(legacy) : undefined
    if (decoded !== undefined) fields.issuer = decoded
  }
  const repository =
    fields.sourceRepositoryUri === undefined
      ? undefined
      : repositoryOfUri(fields.sourceRepositoryUri)
  if (repository !== undefined) fields.repository = repository
  return { subjectAlternativeName: subjectAlternativeName ?? '', ...fields }
}

/** `owner/name` from `https://host/owner/name`, or undefined when the URI is not that shape. */
export function repositoryOfUri(uri: string): string | undefined {
  const match = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)$/.exec(uri)
  return match?.[1]
}

/** The parts of a GitHub workflow URI (`https://host/owner/name/path@ref`), as Fulcio writes SANs. */
export function parseWorkflowUri(
  uri: string
): { serverUrl: string; repository: string; path: string; ref: string } | undefined {
  const match = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\/([^@]+)@(.+)$/.exec(uri)
  if (!match) return undefined
  return {
    serverUrl: match[1] as string,
    repository: match[2] as string,
    path: match[3] as string,
    ref: match[4] as string
  }
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '')
const sameFold = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** How a `workflow` setting reads: the repository it lives in, its path and its ref if given. */
export function parseWorkflowSetting(
  workflow: string,
  repository: string
): { repository: string; path: string; ref?: string } {
  const at = workflow.indexOf('@')
  const name = at === -1 ? workflow : workflow.slice(0, at)
  const ref = at === -1 ? undefined : workflow.slice(at + 1)
  const path = name.replace(/^\.?\//, '')
  const reusable = /^([^/]+\/[^/]+)\/(\.github\/workflows\/.+)$/.exec(path)
  const located =
    reusable && !path.startsWith('.github/')
      ? { repository: reusable[1] as string, path: reusable[2] as string }
      : { repository, path }
  return ref === undefined || ref === '' ? located : { ...located, ref }
}

/** Whether the SAN names `repository`'s workflow at `path` (any ref unless one is given). */
function workflowMatches(
  san: string,
  serverUrl: string,
  expected: { repository: string; path: string; ref?: string }
): boolean {
  const parsed = parseWorkflowUri(san)
  if (parsed === undefined) return false
  return (
    parsed.serverUrl.toLowerCase() === serverUrl.toLowerCase() &&
    sameFold(parsed.repository, expected.repository) &&
    parsed.path === expected.path &&
    (expected.ref === undefined || parsed.ref === expected.ref)
  )
}

/**
 * Every rule of the policy the identity breaks, in a fixed order; empty when it passes.
 * Repository and owner compare case-insensitively (GitHub names do, and `gh attestation
 * verify` does); the SAN is compared as parsed parts, never as a prefix, so `acme/shop-evil`
 * never passes for `acme/shop`; the issuer, refs and paths compare exactly.
 */
export function checkIdentity(identity: SignerIdentity, policy: IdentityPolicy): IdentityFailure[] {
  const failures: IdentityFailure[] = []
  const serverUrl = trimSlash(policy.serverUrl)
  const actual = (value: string | undefined): string => value ?? ABSENT
  const owner = policy.repository.split('/')[0] ?? ''

  const repositoryUri = `${serverUrl}/${policy.repository}`
  if (
    identity.sourceRepositoryUri === undefined ||
    !sameFold(identity.sourceRepositoryUri, repositoryUri)
  ) {
    failures.push({
      rule: 'repository',
      expected: repositoryUri,
      actual: actual(identity.sourceRepositoryUri)
    })
  } else {
    const ownerUri = `${serverUrl}/${owner}`
    if (
      identity.sourceRepositoryOwnerUri === undefined ||
      !sameFold(identity.sourceRepositoryOwnerUri, ownerUri)
    ) {
      failures.push({
        rule: 'repository',
        expected: ownerUri,
        actual: actual(identity.sourceRepositoryOwnerUri)
      })
    }
  }

  if (policy.workflow !== undefined && policy.workflow !== '') {
    const expected = parseWorkflowSetting(policy.workflow, policy.repository)
    if (!workflowMatches(identity.subjectAlternativeName, serverUrl, expected)) {
      const shown = `${serverUrl}/${expected.repository}/${expected.path}@${expected.ref ?? '<any ref>'}`
      failures.push({
        rule: 'workflow',
        expected: shown,
        actual: identity.subjectAlternativeName || ABSENT
      })
    }
  } else {
    // Without a workflow the signer must still be a workflow of the repository itself, as
    // gh's default `^https://host/owner/name/` SAN rule; a reusable workflow elsewhere
    // needs the workflow setting.
    const parsed = parseWorkflowUri(identity.subjectAlternativeName)
    const ok =
      parsed !== undefined &&
      parsed.serverUrl.toLowerCase() === serverUrl.toLowerCase() &&
      sameFold(parsed.repository, policy.repository)
    if (!ok) {
      failures.push({
        rule: 'subject-alternative-name',
        expected: `${serverUrl}/${policy.repository}/<workflow path>@<ref>`,
        actual: identity.subjectAlternativeName || ABSENT
      })
    }
  }

  if (
    policy.sourceRef !== undefined &&
    policy.sourceRef !== '' &&
    identity.sourceRepositoryRef !== policy.sourceRef
  ) {
    failures.push({
      rule: 'source-ref',
      expected: policy.sourceRef,
      actual: actual(identity.sourceRepositoryRef)
    })
  }
  if (policy.sourceDigest !== undefined && policy.sourceDigest !== '') {
    const expected = policy.sourceDigest.toLowerCase()
    if (
      identity.sourceRepositoryDigest === undefined ||
      identity.sourceRepositoryDigest.toLowerCase() !== expected
    ) {
      failures.push({
        rule: 'source-digest',
        expected,
        actual: actual(identity.sourceRepositoryDigest)
      })
    }
  }
  if (identity.issuer !== policy.issuer) {
    failures.push({ rule: 'issuer', expected: policy.issuer, actual: actual(identity.issuer) })
  }
  if (policy.denySelfHostedRunners && identity.runnerEnvironment !== GITHUB_HOSTED) {
    failures.push({
      rule: 'runner-environment',
      expected: GITHUB_HOSTED,
      actual: actual(identity.runnerEnvironment)
    })
  }
  return failures
}

const RULE_NAMES: Record<IdentityRule, string> = {
  repository: 'repository (certificate source repository)',
  workflow: 'workflow (certificate subject alternative name)',
  'source-ref': 'source ref',
  'source-digest': 'source commit',
  issuer: 'OIDC issuer',
  'runner-environment': 'runner environment',
  'subject-alternative-name': 'signer workflow (certificate subject alternative name)'
}

/** One line per failed rule: the rule, the expected and the actual value. */
export function describeIdentityFailure(failures: readonly IdentityFailure[]): string {
  return failures
    .map(
      (f) => `signer ${RULE_NAMES[f.rule]}: expected ${quote(f.expected)}, got ${quote(f.actual)}`
    )
    .join('\n')
}
