import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { hexOf, sha256Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { Decision } from '../../core/promotion/gate.js'
import type { PromotionPolicy } from '../../core/promotion/policy.js'
import type { AttestationRef, NewRecord } from '../../core/promotion/record.js'
import { verificationSummary } from '../../core/signing/vsa.js'
import { VERSION } from '../../version.js'

import type { SignatureCheck, Signing } from '../signature/types.js'
import { writeRecordAttestation } from '../../stores/ledger/beside-ledger.js'
import type { LedgerLocation } from '../settings/types.js'
import { type Env, apiUrlOf, serverUrlOf } from '../../core/env.js'

export interface AttestContext {
  readonly ledger: LedgerLocation
  readonly policy: PromotionPolicy
  readonly env: Env
  /** For the attestations API (keyless records on GitHub). */
  readonly token: string
  readonly tokenInput?: string
  /** Hands on each signed summary (the bundle's JSON), for push-to-registry to attach to the image. */
  readonly onSigned?: (record: NewRecord, bundleJson: string) => void
}

/**
 * Signs each record as a SLSA verification summary (VSA) whose subject is the artifact's
 * digest: who decided (the verifier), where (the environment), by which policy (its
 * digest), on what evidence (the seal's signed statement), and the answer. On GitHub a
 * keyless VSA goes to the repository's attestations API, where `gh attestation verify
 * --predicate-type https://slsa.dev/verification_summary/v1` finds it; otherwise the bundle
 * is kept beside the file ledger. Runs inside the ledger's step, so the record links it.
 */
export function recordAttester(
  signing: Exclude<Signing, { kind: 'none' }>,
  context: AttestContext
) {
  return async (
    record: NewRecord,
    decision: Decision | null,
    signature: SignatureCheck | null
  ): Promise<AttestationRef> => {
    const statement = verificationSummary({
      digest: hexOf(record.digest),
      subjectName: record.name ?? hexOf(record.digest).slice(0, 12),
      verifierId: verifierId(context.env),
      verifierVersion: VERSION,
      timeVerified: new Date().toISOString(),
      resourceUri: resourceUri(record.environment, context),
      policy: {
        uri: policyUri(context),
        digest: context.policy.digest === undefined ? null : { sha256: context.policy.digest }
      },
      inputAttestations:
        signature?.status === 'verified'
          ? [
              {
                uri: inputUri(signature.source, record, context.env),
                digest: { sha256: hexOf(signature.bundleDigest) }
              }
            ]
          : [],
      result: record.outcome === 'pending' ? 'PASSED' : 'FAILED',
      verifiedLevels: levelsOf(record, signature),
      extension: {
        environment: record.environment,
        outcome: record.outcome,
        mode: record.mode,
        key: record.key,
        reason: record.reason,
        checks: (decision?.checks ?? []).map((c) => ({
          rule: c.rule,
          environment: c.environment,
          passed: c.passed
        })),
        // The contract the digest carries and the amendment judged, signed with the decision they led to.
        ...(record.contract ? { contract: record.contract } : {}),
        ...(record.amendment ? { amendment: record.amendment } : {})
      }
    })
    const signed = await signing.sign(statement)
    context.onSigned?.(record, signed.json)
    const digest = sha256Digest(signed.json)
    if (signing.kind === 'keyless' && context.env.GITHUB_REPOSITORY && context.token !== '') {
      const { storeAttestation } = await import('../../attestation/attestations-api.js')
      const stored = await storeAttestation(signed.bundle, {
        env: context.env,
        token: context.token,
        tokenInput: context.tokenInput ?? 'github-token'
      })
      // The API hands the bundle back as JSON of its own layout; its compact form is what
      // a reader of the API can hash again (listAttestations does), not these bytes.
      return {
        uri: stored.url,
        digest: sha256Digest(JSON.stringify(signed.bundle)),
        id: stored.id === null ? null : String(stored.id)
      }
    }
    if (context.ledger.kind !== 'file') {
      throw new SealError(
        'bad-input',
        "The record's verification summary is signed but has nowhere to go: the github ledger keeps signed " +
          "records in the repository's attestations API, " +
          'which needs a job on GitHub with github-token ("attestations: write"). Give the token, or set sign: none.'
      )
    }
    const uri = writeRecordAttestation(
      context.ledger.file,
      record.key,
      signed.json,
      (why, file) =>
        new SealError(
          'unreadable',
          `cannot write the record's signed verification summary to ${quote(file)} (${why}). Make the ledger's ` +
            'directory writable.'
        )
    )
    return { uri, digest, id: null }
  }
}

/**
 * The seal's bundle as the VSA's input attestation, which must be a URI: a file beside the
 * listing as a file: URL, an attestation found in the API as the API's address for the
 * digest (the check says which of its entries in words, not as a URI).
 */
function inputUri(source: string, record: NewRecord, env: Env): string {
  if (path.isAbsolute(source)) return pathToFileURL(source).href
  if (URL.canParse(source) && /^[a-z][a-z0-9+.-]*:/.test(source)) return source
  const api = apiUrlOf(env)
  return `${api}/repos/${env.GITHUB_REPOSITORY ?? 'unknown/unknown'}/attestations/${record.digest}`
}

/** The promote action as it runs (`owner/artifact-seal/promote@ref`), or the CLI's package. */
function verifierId(env: Env): string {
  const server = serverUrlOf(env)
  if (env.GITHUB_ACTION_REPOSITORY)
    return `${server}/${env.GITHUB_ACTION_REPOSITORY}/promote${env.GITHUB_ACTION_REF ? `@${env.GITHUB_ACTION_REF}` : ''}`
  return `pkg:npm/artifact-seal@${VERSION}`
}

/** The environment the decision is about: GitHub's page for it, or the file ledger's environment. */
function resourceUri(environment: string, context: AttestContext): string {
  const { env } = context
  if (context.ledger.kind === 'github' && env.GITHUB_REPOSITORY) {
    return `${serverUrlOf(env)}/${env.GITHUB_REPOSITORY}/deployments/${encodeURIComponent(environment)}`
  }
  const ledger = context.ledger.kind === 'file' ? path.basename(context.ledger.file) : 'ledger'
  return `urn:artifact-seal:${encodeURIComponent(ledger)}:environment:${encodeURIComponent(environment)}`
}

function policyUri(context: AttestContext): string {
  const { env } = context
  const file = context.policy.source
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA)
    return `git+${serverUrlOf(env)}/${env.GITHUB_REPOSITORY}@${env.GITHUB_SHA}#${file}`
  return `file:${file}`
}

/**
 * What the VSA claims about the build: Build L2 (signed provenance from a hosted build
 * platform) only when the seal's certificate says a GitHub-hosted runner built it, and the
 * gate let it in; nothing it cannot show otherwise.
 */
function levelsOf(record: NewRecord, signature: SignatureCheck | null): string[] {
  if (record.outcome !== 'pending') return ['FAILED']
  if (
    signature?.status === 'verified' &&
    signature.signer.kind === 'certificate' &&
    signature.signer.identity.runnerEnvironment === 'github-hosted'
  )
    return ['SLSA_BUILD_LEVEL_2']
  return ['SLSA_BUILD_LEVEL_UNEVALUATED']
}
