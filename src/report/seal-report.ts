import { VerifyInput } from '../app/settings/names.js'
import type { SealedImage } from '../core/image/sealed-image.js'
import type { ContractManifest } from '../core/contract/manifest.js'
import type { SealedArtifact } from '../core/seal.js'
import { type BuildContext, commitUrl, runUrl } from '../core/statement.js'
import type { SealBundleLocation } from '../stores/evidence/seal-bundle.js'

/** Everything a summary of one seal shows, whichever way it is rendered. */
export interface SealReport {
  readonly artifact: SealedArtifact
  readonly bundle: SealBundleLocation
  readonly build: BuildContext
  /** How a later job names the same files for verify, e.g. `dist`; null for a digest subject. */
  readonly verifySubjectPath: string | null
  /**
   * The workflow artifact holding the files (upload: true, or a merged seal's): a later job
   * downloads and verifies it by name.
   */
  readonly verifyArtifactName?: string | null
  /** `owner/artifact-seal/verify@v1`, or `./verify` when the action runs from its own repository. */
  readonly verifyAction: string
  /** The job and step that ran the seal, for the job-output snippet. */
  readonly jobId: string
  readonly stepId: string
  /** Who signed the statement and where the signature is; or why it is not signed. */
  readonly signature?: SealSignatureReport
  /** The contract sealed with the artifact. */
  readonly contract?: ContractManifest | null
  /** For an image sealed in its registry: what was resolved there. */
  readonly image?: SealedImage | null
}

export type SealSignatureReport =
  | {
      readonly signed: true
      readonly signer: string
      readonly kind: 'keyless' | 'key'
      readonly bundlePath: string
      readonly attestationUrl: string | null
    }
  | { readonly signed: false; readonly notice: string | null }

export interface ProvenanceLinks {
  readonly commit: { readonly label: string; readonly url: string; readonly ref: string } | null
  readonly run: { readonly label: string; readonly url: string } | null
}

export function provenanceLinks(build: BuildContext): ProvenanceLinks {
  if (build.kind !== 'workflow') return { commit: null, run: null }
  const b = build.build
  return {
    commit: { label: b.sha.slice(0, 7), url: commitUrl(b), ref: b.ref },
    run: {
      label: `${b.workflowRef.split('@')[0]?.split('/').pop() ?? 'workflow'} run ${b.runId} (attempt ${b.runAttempt})`,
      url: runUrl(b)
    }
  }
}

/** The step a later job adds to check the same bytes before it deploys them. */
export function verifySnippet(report: SealReport): string {
  const lines = [
    `# ${report.jobId}: expose the digest to later jobs`,
    'outputs:',
    `  digest: \${{ steps.${report.stepId}.outputs.digest }}`,
    '',
    '# a later job, before it deploys',
    `needs: ${report.jobId}`,
    'steps:',
    `  - uses: ${report.verifyAction}`,
    '    with:'
  ]
  const subjectPath = report.verifySubjectPath
  // A later job on another runner has the uploaded artifact, not this workspace's files.
  if (report.verifyArtifactName) {
    lines.push(`      ${VerifyInput.Name}: ${report.verifyArtifactName}`)
  } else if (subjectPath !== null && subjectPath.includes('\n')) {
    lines.push('      subject-path: |', ...subjectPath.split('\n').map((line) => `        ${line}`))
  } else if (subjectPath !== null) {
    lines.push(`      subject-path: ${subjectPath}`)
  }
  lines.push(`      expected-digest: \${{ needs.${report.jobId}.outputs.digest }}`)
  return lines.join('\n')
}
