import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  parsePartDigests,
  partSourceFromArgument
} from "./chunk-7LPUHTON.js";
import {
  parseContractPatterns
} from "./chunk-RLG6D2AJ.js";
import {
  parseDigest
} from "./chunk-WN5XRVDE.js";
import {
  looksLikePem,
  readPublicKey
} from "./chunk-32RFBYNG.js";
import {
  SealError,
  quote
} from "./chunk-KQET6ZTM.js";

// src/core/subject/patterns.ts
function parseSubjectPatterns(value) {
  const include = [];
  const exclude = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    for (const part of line.split(",")) {
      const pattern = part.trim();
      if (pattern === "") continue;
      if (pattern.startsWith("!")) {
        const negated = pattern.slice(1).trim();
        if (negated !== "") exclude.push(negated);
      } else {
        include.push(pattern);
      }
    }
  }
  return { include, exclude };
}

// src/actions/signing-settings.ts
import * as fs from "node:fs";
import * as path2 from "node:path";

// src/actions/constants.ts
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
  RequireSignature: "require-signature"
};
var SealInput = {
  SubjectPath: "subject-path",
  SubjectDigest: "subject-digest",
  SubjectName: "subject-name",
  SubjectChecksums: "subject-checksums",
  SubjectParts: "subject-parts",
  PartDigests: "part-digests",
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
  ...SigningInput
};
var SealOutput = {
  Digest: "digest",
  Name: "name",
  FileCount: "file-count",
  Size: "size",
  ChecksumsPath: "checksums-path",
  StatementPath: "statement-path",
  SealDir: "seal-dir",
  ArtifactName: "artifact-name",
  ArtifactId: "artifact-id",
  BundlePath: "bundle-path",
  AttestationId: "attestation-id",
  AttestationUrl: "attestation-url",
  Signer: "signer",
  ContractDigest: "contract-digest",
  ContractVersion: "contract-version"
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
var VerifyOutput = {
  Verified: "verified",
  Digest: "digest",
  Mismatches: "mismatches",
  Path: "path",
  Signer: "signer"
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
  ...SignerInput,
  ...SigningInput
};
var PromoteOutput = {
  Promoted: "promoted",
  Digest: "digest",
  PreviousDigest: "previous-digest",
  RecordId: "record-id",
  RecordUrl: "record-url",
  Decision: "decision",
  Path: "path",
  Signer: "signer",
  AttestationId: "attestation-id",
  AttestationUrl: "attestation-url",
  ContractVersion: "contract-version",
  ContractDigest: "contract-digest"
};
var PromoteState = {
  Pending: "pending-record"
};

// src/actions/seal/settings.ts
import * as path from "node:path";
function parseBooleanInput(name, value, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new SealError(`${name}: ${quote(value)} is not a boolean. Use true or false.`);
}
function readSealSettings(getInput, workspace) {
  const input = (name2) => getInput(name2).trim();
  const subjectPath = input(SealInput.SubjectPath);
  const subjectDigest = input(SealInput.SubjectDigest);
  const subjectChecksums = input(SealInput.SubjectChecksums);
  const subjectParts = input(SealInput.SubjectParts);
  const subjectName = input(SealInput.SubjectName);
  const root = input(SealInput.Root);
  const given = [
    [SealInput.SubjectPath, subjectPath],
    [SealInput.SubjectDigest, subjectDigest],
    [SealInput.SubjectChecksums, subjectChecksums],
    [SealInput.SubjectParts, subjectParts]
  ].filter(([, value]) => value !== "");
  if (given.length !== 1) {
    const which = given.length === 0 ? "none was given" : `${given.map(([name2]) => name2).join(" and ")} were both given`;
    throw new SealError(
      `Give exactly one of ${SealInput.SubjectPath} (files, directories or globs), ${SealInput.SubjectDigest} with ${SealInput.SubjectName} (a digest you already have), ${SealInput.SubjectChecksums} (a sha256sum listing), or ${SealInput.SubjectParts} (the seal bundles of matrix legs); ${which}.`
    );
  }
  const partDigests = input(SealInput.PartDigests);
  if (partDigests !== "" && subjectParts === "") {
    throw new SealError(`${SealInput.PartDigests}: applies to ${SealInput.SubjectParts} only; remove it or merge parts with ${SealInput.SubjectParts}.`);
  }
  if (subjectName !== "" && subjectDigest === "") {
    throw new SealError(
      `${SealInput.SubjectName}: ${quote(subjectName)} goes with ${SealInput.SubjectDigest} only. To name an artifact sealed from files, use ${SealInput.Name}.`
    );
  }
  if (root !== "" && subjectPath === "") {
    throw new SealError(`${SealInput.Root}: ${quote(root)} applies to ${SealInput.SubjectPath} only; remove it or seal with ${SealInput.SubjectPath}.`);
  }
  const name = input(SealInput.Name);
  if (/[\r\n]/.test(name)) throw new SealError(`${SealInput.Name}: ${quote(name)} spans several lines. Give a single-line name.`);
  let subject;
  if (subjectParts !== "") {
    const lines = subjectParts.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
    subject = {
      kind: "parts",
      parts: lines.map((line) => partSourceFromArgument(line, workspace, SealInput.SubjectParts)),
      partDigests: parsePartDigests(partDigests, SealInput.PartDigests)
    };
  } else if (subjectPath !== "") {
    subject = {
      kind: "paths",
      patterns: parseSubjectPatterns(getInput(SealInput.SubjectPath)),
      baseDir: workspace,
      inputName: SealInput.SubjectPath,
      ...root !== "" ? { root } : {}
    };
  } else if (subjectDigest !== "") {
    if (subjectName === "") {
      throw new SealError(
        `${SealInput.SubjectName}: required with ${SealInput.SubjectDigest}. Give the name the digest belongs to, such as the image name "ghcr.io/owner/app".`
      );
    }
    if (/[\r\n]/.test(subjectName)) throw new SealError(`${SealInput.SubjectName}: ${quote(subjectName)} spans several lines. Give a single-line name.`);
    subject = { kind: "digest", digest: parseDigest(subjectDigest, SealInput.SubjectDigest), name: subjectName };
  } else {
    subject = { kind: "checksums", file: path.resolve(workspace, subjectChecksums), inputName: SealInput.SubjectChecksums };
  }
  const outputDir = input(SealInput.OutputDir);
  return {
    subject,
    name,
    outputDir: outputDir === "" ? null : path.resolve(workspace, outputDir),
    summary: parseBooleanInput(SealInput.Summary, getInput(SealInput.Summary), true),
    ...readCarrying(getInput, subject),
    signing: readSigningSettings(getInput),
    token: input(SealInput.GitHubToken),
    contract: readContract(getInput, subject)
  };
}
function readContract(getInput, subject) {
  const text = getInput(SealInput.Contract);
  const version = getInput(SealInput.ContractVersion).trim();
  if (text.trim() === "") {
    if (version !== "") throw new SealError(`${SealInput.ContractVersion}: ${quote(version)} goes with ${SealInput.Contract}; name the contract files, or remove it.`);
    return null;
  }
  if (subject.kind !== "paths") {
    throw new SealError(`${SealInput.Contract}: the contract is read from the sealed files, and this seal reads none. Seal with ${SealInput.SubjectPath}, or remove ${SealInput.Contract}.`);
  }
  return { patterns: parseContractPatterns(text, SealInput.Contract), version, inputs: { contract: SealInput.Contract, version: SealInput.ContractVersion } };
}
function readCarrying(getInput, subject) {
  const upload = parseBooleanInput(SealInput.Upload, getInput(SealInput.Upload), false);
  const files = parseBooleanInput(SealInput.UploadFiles, getInput(SealInput.UploadFiles), false);
  const cache = parseBooleanInput(SealInput.Cache, getInput(SealInput.Cache), false);
  const artifactName = getInput(SealInput.ArtifactName).trim();
  const retention = getInput(SealInput.RetentionDays).trim();
  const needsUpload = [
    [SealInput.UploadFiles, files ? "true" : ""],
    [SealInput.ArtifactName, artifactName],
    [SealInput.RetentionDays, retention]
  ].find(([, value]) => value !== "");
  if (!upload && needsUpload) {
    throw new SealError(`${needsUpload[0]}: ${quote(needsUpload[1])} applies to the workflow artifact; add "${SealInput.Upload}: true" to upload one, or remove it.`);
  }
  const readsFiles = subject.kind === "paths";
  for (const [name, on] of [
    [SealInput.UploadFiles, files],
    [SealInput.Cache, cache]
  ]) {
    if (on && !readsFiles) {
      const which = { digest: SealInput.SubjectDigest, checksums: SealInput.SubjectChecksums, parts: SealInput.SubjectParts }[subject.kind];
      throw new SealError(`${name}: there are no files to carry: ${which} seals without reading them. Seal with ${SealInput.SubjectPath}, or remove ${name}.`);
    }
  }
  let retentionDays = null;
  if (retention !== "") {
    retentionDays = Number(retention);
    if (!/^[0-9]+$/.test(retention) || retentionDays < 1 || retentionDays > 90) {
      throw new SealError(`${SealInput.RetentionDays}: ${quote(retention)} is not a number of days from 1 to 90. Give a whole number, or leave it out for the repository's setting.`);
    }
  }
  return { upload: upload ? { files, name: artifactName === "" ? null : artifactName, retentionDays } : null, cache };
}

// src/actions/signing-settings.ts
var SIGN_MODES = ["auto", "keyless", "key", "none"];
function readSigningSettings(getInput, defaultMode = "auto") {
  const input = (name) => getInput(name).trim();
  const modeText = input(SigningInput.Sign).toLowerCase();
  if (modeText !== "" && !SIGN_MODES.includes(modeText)) {
    throw new SealError(
      `${SigningInput.Sign}: ${quote(getInput(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), keyless (a Sigstore certificate for the workflow), key (signing-key from a secret) or none.`
    );
  }
  const keyText = getInput(SigningInput.SigningKey);
  const password = getInput(SigningInput.SigningKeyPassword);
  const hasKey = keyText.trim() !== "";
  let mode = modeText === "" ? defaultMode : modeText;
  if (hasKey && (modeText === "" || modeText === "auto")) mode = "key";
  if (mode === "key" && !hasKey) {
    throw new SealError(
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}", or use sign: keyless on GitHub-hosted runners.`
    );
  }
  if (hasKey && mode !== "key") {
    throw new SealError(`${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or set it to key, or remove the key.`);
  }
  if (password !== "" && !hasKey) {
    throw new SealError(`${SigningInput.SigningKeyPassword}: goes with ${SigningInput.SigningKey}, which is empty. Pass the encrypted key too, or remove the password.`);
  }
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? { pem: keyText, password: password === "" ? void 0 : password, inputName: SigningInput.SigningKey } : null,
    endpoints: {
      fulcioUrl: readUrl(input, SigningInput.FulcioUrl),
      rekorUrl: readUrl(input, SigningInput.RekorUrl),
      tsaUrl: readUrl(input, SigningInput.TsaUrl)
    }
  };
}
function readUrl(input, name) {
  const text = input(name);
  if (text === "") return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError(`${name}: ${quote(text)} is not an http(s) URL. Give the service's base URL, such as "https://fulcio.sigstore.dev", or leave it empty for the default.`);
  }
  return text.replace(/\/+$/, "");
}
function readSignerCheckSettings(getInput, env, workspace) {
  const input = (name) => getInput(name).trim();
  const repository = input(SignerInput.SignerRepository);
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(`${SignerInput.SignerRepository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`);
  }
  const workflow = input(SignerInput.SignerWorkflow);
  if (workflow !== "" && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(workflow)) {
    throw new SealError(
      `${SignerInput.SignerWorkflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.`
    );
  }
  const sourceRef = input(SignerInput.SourceRef);
  if (sourceRef !== "" && !/^refs\/\S+$/.test(sourceRef)) {
    throw new SealError(`${SignerInput.SourceRef}: ${quote(sourceRef)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`);
  }
  const issuer = input(SignerInput.CertOidcIssuer);
  if (issuer !== "" && !(URL.canParse(issuer) && new URL(issuer).protocol === "https:")) {
    throw new SealError(`${SignerInput.CertOidcIssuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`);
  }
  const deny = parseBooleanInput(SignerInput.DenySelfHostedRunners, getInput(SignerInput.DenySelfHostedRunners), false);
  const requireText = input(SignerInput.RequireSignature);
  const trustedRoot = input(SignerInput.TrustedRoot);
  return {
    repository: repository !== "" ? repository : env.GITHUB_REPOSITORY ?? null,
    workflow: workflow === "" ? null : workflow,
    sourceRef: sourceRef === "" ? null : sourceRef,
    issuer: issuer === "" ? null : issuer,
    denySelfHostedRunners: deny,
    publicKey: readPublicKeyInput(getInput(SignerInput.PublicKey), workspace),
    trustedRootFile: trustedRoot === "" ? null : path2.resolve(workspace, trustedRoot),
    requireSignature: requireText === "" ? null : parseBooleanInput(SignerInput.RequireSignature, requireText, false),
    asksForSigner: repository !== "" || workflow !== "" || sourceRef !== "" || issuer !== "" || deny || input(SignerInput.PublicKey) !== ""
  };
}
function signatureRequired(settings, policyAsks, env) {
  if (settings.requireSignature !== null) return settings.requireSignature;
  return env.GITHUB_ACTIONS === "true" && (policyAsks || settings.asksForSigner);
}
function readPublicKeyInput(value, workspace) {
  const text = value.trim();
  if (text === "") return null;
  if (looksLikePem(text)) return readPublicKey(text, SignerInput.PublicKey);
  const file = path2.resolve(workspace, text);
  let pem;
  try {
    pem = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(
      `${SignerInput.PublicKey}: ${quote(text)} is neither PEM text nor a readable file (${error.code ?? String(error)}). Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026") or the path of a .pub / .pem file.`
    );
  }
  return readPublicKey(pem, `${SignerInput.PublicKey} ${quote(text)}`);
}

export {
  SigningInput,
  SignerInput,
  SealInput,
  SealOutput,
  VerifyInput,
  VerifyOutput,
  PromoteInput,
  PromoteOutput,
  PromoteState,
  parseSubjectPatterns,
  readSigningSettings,
  readSignerCheckSettings,
  signatureRequired,
  parseBooleanInput,
  readSealSettings
};
