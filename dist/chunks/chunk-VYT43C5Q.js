
// src/app/settings/names.ts
var SigningInput = {
  Sign: "sign",
  SigningKey: "signing-key"
};
var SigningEnv = {
  KeyPassword: "ARTIFACT_SEAL_KEY_PASSWORD",
  CosignPassword: "COSIGN_PASSWORD",
  FulcioUrl: "ARTIFACT_SEAL_FULCIO_URL",
  RekorUrl: "ARTIFACT_SEAL_REKOR_URL",
  TsaUrl: "ARTIFACT_SEAL_TSA_URL"
};
var SignerInput = {
  SignedBy: "signed-by"
};
var SealInput = {
  SubjectPath: "subject-path",
  SubjectDigest: "subject-digest",
  SubjectName: "subject-name",
  SubjectChecksums: "subject-checksums",
  SubjectParts: "subject-parts",
  IncludeHiddenFiles: "include-hidden-files",
  Contract: "contract",
  Upload: "upload",
  Name: "name",
  RetentionDays: "retention-days",
  Cache: "cache",
  GitHubToken: "github-token",
  PushToRegistry: "push-to-registry",
  PlainHttpRegistries: "plain-http-registries",
  ...SigningInput
};
var BytesInput = {
  SubjectPath: "subject-path",
  ChecksumsPath: "checksums-path",
  Name: "name",
  RunId: "run-id",
  Repository: "repository",
  GitHubToken: "github-token",
  PlainHttpRegistries: "plain-http-registries"
};
var VerifyInput = {
  ExpectedDigest: "expected-digest",
  ...BytesInput,
  ...SignerInput
};
var PromoteInput = {
  Environment: "environment",
  ExpectedDigest: "expected-digest",
  SubjectName: "subject-name",
  ...BytesInput,
  Policy: "policy",
  Ledger: "ledger",
  Rollback: "rollback",
  Veto: "veto",
  ApproveAmendment: "approve-amendment",
  From: "from",
  Wait: "wait",
  Confirm: "confirm",
  DryRun: "dry-run",
  DigestOnly: "digest-only",
  PushToRegistry: "push-to-registry",
  ...SignerInput,
  ...SigningInput
};

export {
  SigningInput,
  SigningEnv
};
