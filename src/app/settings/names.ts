/** Every input, output and state name of every action, in one place. */

/** How a statement is signed: the seal's statement, and promote's records. */
export const SigningInput = {
  Sign: 'sign',
  SigningKey: 'signing-key',
  SigningKeyPassword: 'signing-key-password',
  FulcioUrl: 'fulcio-url',
  RekorUrl: 'rekor-url',
  TsaUrl: 'tsa-url'
} as const

/** Whose signature verify and promote accept. */
export const SignerInput = {
  SignerRepository: 'signer-repository',
  SignerWorkflow: 'signer-workflow',
  SourceRef: 'source-ref',
  CertOidcIssuer: 'cert-oidc-issuer',
  DenySelfHostedRunners: 'deny-self-hosted-runners',
  PublicKey: 'public-key',
  TrustedRoot: 'trusted-root',
  TufMirrors: 'tuf-mirrors',
  RequireSignature: 'require-signature'
} as const

export const SealInput = {
  SubjectPath: 'subject-path',
  SubjectDigest: 'subject-digest',
  SubjectName: 'subject-name',
  SubjectChecksums: 'subject-checksums',
  SubjectParts: 'subject-parts',
  PartDigests: 'part-digests',
  IncludeHiddenFiles: 'include-hidden-files',
  Name: 'name',
  Root: 'root',
  OutputDir: 'output-dir',
  Summary: 'summary',
  Upload: 'upload',
  UploadFiles: 'upload-files',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  Cache: 'cache',
  GitHubToken: 'github-token',
  Contract: 'contract',
  ContractVersion: 'contract-version',
  PushToRegistry: 'push-to-registry',
  ...SigningInput
} as const

export const SealOutput = {
  Digest: 'digest',
  Name: 'name',
  FileCount: 'file-count',
  Size: 'size',
  ChecksumsPath: 'checksums-path',
  StatementPath: 'statement-path',
  SealDir: 'seal-dir',
  ArtifactName: 'artifact-name',
  ArtifactId: 'artifact-id',
  BundlePath: 'bundle-path',
  AttestationId: 'attestation-id',
  AttestationUrl: 'attestation-url',
  LeftOut: 'left-out',
  Signer: 'signer',
  ContractDigest: 'contract-digest',
  ContractVersion: 'contract-version',
  ImageRef: 'image-ref'
} as const

export const VerifyInput = {
  SubjectPath: 'subject-path',
  Root: 'root',
  ExpectedDigest: 'expected-digest',
  ChecksumsPath: 'checksums-path',
  ArtifactName: 'artifact-name',
  RunId: 'run-id',
  GitHubToken: 'github-token',
  Summary: 'summary',
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
  SubjectPath: 'subject-path',
  Root: 'root',
  ChecksumsPath: 'checksums-path',
  ArtifactName: 'artifact-name',
  RunId: 'run-id',
  Cache: 'cache',
  DigestOnly: 'digest-only',
  Policy: 'policy',
  Ledger: 'ledger',
  GitHubToken: 'github-token',
  EnvironmentUrl: 'environment-url',
  Rollback: 'rollback',
  DryRun: 'dry-run',
  Veto: 'veto',
  Name: 'name',
  Summary: 'summary',
  Confirm: 'confirm',
  Outcome: 'outcome',
  CreateLedger: 'create-ledger',
  ContractBaseline: 'contract-baseline',
  ApproveAmendment: 'approve-amendment',
  From: 'from',
  Wait: 'wait',
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

/** What the promote step hands its post step, which confirms the deployment when the job succeeded. */
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
  OpenIssue: 'open-issue'
} as const

export const ObserveOutput = {
  Drifted: 'drifted',
  Report: 'report'
} as const
