/** Every input, output, state and environment variable name of every action, in one place. */

/** How a statement is signed: the seal's statement, and promote's records. */
export const SigningInput = {
  Sign: 'sign',
  SigningKey: 'signing-key'
} as const

/**
 * What signing reads from the environment rather than from inputs: the key's password (a
 * secret, as cosign reads it) and the endpoints of a private Sigstore instance, which a
 * workflow sets once for every step.
 */
export const SigningEnv = {
  KeyPassword: 'ARTIFACT_SEAL_KEY_PASSWORD',
  CosignPassword: 'COSIGN_PASSWORD',
  FulcioUrl: 'ARTIFACT_SEAL_FULCIO_URL',
  RekorUrl: 'ARTIFACT_SEAL_REKOR_URL',
  TsaUrl: 'ARTIFACT_SEAL_TSA_URL'
} as const

/** Whose signature verify and promote accept: one YAML mapping. */
export const SignerInput = {
  SignedBy: 'signed-by'
} as const

/** The keys of the signed-by mapping (the policy's signed-by rule takes the same). */
export const SignedByKey = {
  Repository: 'repository',
  Workflow: 'workflow',
  Ref: 'ref',
  Issuer: 'issuer',
  Runner: 'runner',
  Key: 'key',
  TrustedRoot: 'trusted-root',
  TufMirrors: 'tuf-mirrors'
} as const

export const SealInput = {
  SubjectPath: 'subject-path',
  SubjectDigest: 'subject-digest',
  SubjectName: 'subject-name',
  SubjectChecksums: 'subject-checksums',
  SubjectParts: 'subject-parts',
  IncludeHiddenFiles: 'include-hidden-files',
  Contract: 'contract',
  Upload: 'upload',
  Name: 'name',
  RetentionDays: 'retention-days',
  Cache: 'cache',
  GitHubToken: 'github-token',
  PushToRegistry: 'push-to-registry',
  PlainHttpRegistries: 'plain-http-registries',
  ...SigningInput
} as const

export const SealOutput = {
  Digest: 'digest',
  SubjectName: 'subject-name',
  FileCount: 'file-count',
  Size: 'size',
  ChecksumsPath: 'checksums-path',
  StatementPath: 'statement-path',
  SealDir: 'seal-dir',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  ArtifactDigest: 'artifact-digest',
  BundlePath: 'bundle-path',
  AttestationId: 'attestation-id',
  AttestationUrl: 'attestation-url',
  LeftOut: 'left-out',
  Signer: 'signer',
  ContractDigest: 'contract-digest',
  ContractVersion: 'contract-version',
  ImageRef: 'image-ref'
} as const

/** Where the bytes to check come from, in verify and promote: the names download-artifact uses. */
const BytesInput = {
  SubjectPath: 'subject-path',
  ChecksumsPath: 'checksums-path',
  Name: 'name',
  RunId: 'run-id',
  Repository: 'repository',
  GitHubToken: 'github-token',
  PlainHttpRegistries: 'plain-http-registries'
} as const

export const VerifyInput = {
  ExpectedDigest: 'expected-digest',
  ...BytesInput,
  ...SignerInput
} as const

export const VerifyOutput = {
  Verified: 'verified',
  Digest: 'digest',
  Mismatches: 'mismatches',
  Path: 'path',
  Signer: 'signer',
  ImageRef: 'image-ref'
} as const

export const PromoteInput = {
  Environment: 'environment',
  ExpectedDigest: 'expected-digest',
  SubjectName: 'subject-name',
  ...BytesInput,
  Policy: 'policy',
  Ledger: 'ledger',
  Rollback: 'rollback',
  Veto: 'veto',
  ApproveAmendment: 'approve-amendment',
  From: 'from',
  Wait: 'wait',
  Confirm: 'confirm',
  DryRun: 'dry-run',
  DigestOnly: 'digest-only',
  PushToRegistry: 'push-to-registry',
  ...SignerInput,
  ...SigningInput
} as const

export const PromoteOutput = {
  Promoted: 'promoted',
  Digest: 'digest',
  PreviousDigest: 'previous-digest',
  RecordId: 'record-id',
  RecordUrl: 'record-url',
  Decision: 'decision',
  Path: 'path',
  Signer: 'signer',
  AttestationId: 'attestation-id',
  AttestationUrl: 'attestation-url',
  ContractVersion: 'contract-version',
  ContractDigest: 'contract-digest',
  ImageRef: 'image-ref'
} as const

/** What the promote step hands its post step, which confirms the deployment when the job succeeds. */
export const PromoteState = {
  Pending: 'pending-record'
} as const

/** The observe action (issue 20): a fourth action, outside the budget of the other three. */
export const ObserveInput = {
  Policy: 'policy',
  Ledger: 'ledger',
  GitHubToken: 'github-token',
  Environments: 'environments',
  Record: 'record',
  OpenIssue: 'open-issue',
  PlainHttpRegistries: 'plain-http-registries'
} as const

export const ObserveOutput = {
  Drifted: 'drifted',
  Report: 'report'
} as const
