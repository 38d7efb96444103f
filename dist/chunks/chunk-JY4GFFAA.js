import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  parsePartDigests,
  partSourceFromArgument
} from "./chunk-DIOQ6AAJ.js";
import {
  parseSubjectPatterns
} from "./chunk-F2S7RG6J.js";
import {
  debug,
  setFailed
} from "./chunk-A66XVOGK.js";
import {
  parseDigest
} from "./chunk-MQKQALL5.js";
import {
  SealError,
  quote
} from "./chunk-LM3HRDQW.js";

// src/actions/constants.ts
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
  Cache: "cache"
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
  ArtifactId: "artifact-id"
};
var VerifyInput = {
  SubjectPath: "subject-path",
  Root: "root",
  ExpectedDigest: "expected-digest",
  ChecksumsPath: "checksums-path",
  ArtifactName: "artifact-name",
  RunId: "run-id",
  GitHubToken: "github-token",
  Summary: "summary"
};
var VerifyOutput = {
  Verified: "verified",
  Digest: "digest",
  Mismatches: "mismatches",
  Path: "path"
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
  CreateLedger: "create-ledger"
};
var PromoteOutput = {
  Promoted: "promoted",
  Digest: "digest",
  PreviousDigest: "previous-digest",
  RecordId: "record-id",
  RecordUrl: "record-url",
  Decision: "decision",
  Path: "path"
};
var PromoteState = {
  Pending: "pending-record"
};

// src/actions/report-failure.ts
function reportFailure(error) {
  if (error instanceof SealError) {
    setFailed(error.message);
    return;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  debug(e.stack ?? e.message);
  setFailed(`artifact-seal stopped on an unexpected error: ${e.message}. Re-run with ACTIONS_STEP_DEBUG=true for details, and report it if it persists.`);
}

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
    ...readCarrying(getInput, subject)
  };
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

// src/report/markdown.ts
var code = (text) => `\`${text.replace(/`/g, "'")}\``;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export {
  code,
  cell,
  SealInput,
  SealOutput,
  VerifyInput,
  VerifyOutput,
  PromoteInput,
  PromoteOutput,
  PromoteState,
  reportFailure,
  parseBooleanInput,
  readSealSettings
};
