
// src/app/settings/names.ts
var SigningInput = {
  Sign: "sign",
  SigningKey: "signing-key",
  SigningKeyPassword: "signing-key-password",
  FulcioUrl: "fulcio-url",
  RekorUrl: "rekor-url",
  TsaUrl: "tsa-url"
};
var SignerInput = {
  SignerRepository: "signer-repository",
  SignerWorkflow: "signer-workflow",
  SourceRef: "source-ref",
  CertOidcIssuer: "cert-oidc-issuer",
  DenySelfHostedRunners: "deny-self-hosted-runners",
  PublicKey: "public-key",
  TrustedRoot: "trusted-root",
  TufMirrors: "tuf-mirrors",
  RequireSignature: "require-signature"
};
var SealInput = {
  SubjectPath: "subject-path",
  SubjectDigest: "subject-digest",
  SubjectName: "subject-name",
  SubjectChecksums: "subject-checksums",
  SubjectParts: "subject-parts",
  PartDigests: "part-digests",
  IncludeHiddenFiles: "include-hidden-files",
  Name: "name",
  Root: "root",
  OutputDir: "output-dir",
  Summary: "summary",
  Upload: "upload",
  UploadFiles: "upload-files",
  ArtifactName: "artifact-name",
  RetentionDays: "retention-days",
  Cache: "cache",
  GitHubToken: "github-token",
  Contract: "contract",
  ContractVersion: "contract-version",
  PushToRegistry: "push-to-registry",
  ...SigningInput
};
var VerifyInput = {
  SubjectPath: "subject-path",
  Root: "root",
  ExpectedDigest: "expected-digest",
  ChecksumsPath: "checksums-path",
  ArtifactName: "artifact-name",
  RunId: "run-id",
  GitHubToken: "github-token",
  Summary: "summary",
  ...SignerInput
};
var PromoteInput = {
  Environment: "environment",
  ExpectedDigest: "expected-digest",
  SubjectPath: "subject-path",
  Root: "root",
  ChecksumsPath: "checksums-path",
  ArtifactName: "artifact-name",
  RunId: "run-id",
  Cache: "cache",
  DigestOnly: "digest-only",
  Policy: "policy",
  Ledger: "ledger",
  GitHubToken: "github-token",
  EnvironmentUrl: "environment-url",
  Rollback: "rollback",
  DryRun: "dry-run",
  Veto: "veto",
  Name: "name",
  Summary: "summary",
  Confirm: "confirm",
  Outcome: "outcome",
  CreateLedger: "create-ledger",
  ContractBaseline: "contract-baseline",
  ApproveAmendment: "approve-amendment",
  From: "from",
  Wait: "wait",
  ...SignerInput,
  ...SigningInput
};

export {
  SigningInput,
  SignerInput
};
