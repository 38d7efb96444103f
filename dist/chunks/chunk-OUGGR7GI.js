import {
  cell,
  code
} from "./chunk-Z26ZLIIK.js";
import {
  VerifyInput,
  parseBooleanInput,
  parseSubjectPatterns,
  readSignerCheckSettings
} from "./chunk-PURSDPP7.js";
import {
  parseDigest
} from "./chunk-WN5XRVDE.js";
import {
  SealError,
  quote
} from "./chunk-KQET6ZTM.js";

// src/actions/bytes-source-input.ts
import * as path from "node:path";
function readBytesSource(getInput, workspace, names) {
  const input = (name) => getInput(name).trim();
  const artifactName = input(names.artifactName);
  const runIdText = input(names.runId);
  const checksums = input(names.checksumsPath);
  const cache = names.cache === void 0 ? false : parseBooleanInput(names.cache, getInput(names.cache), false);
  const subject = readSubject(getInput, workspace, names.subjectPath, names.root);
  const given = [subject !== null && names.subjectPath, artifactName !== "" && names.artifactName, cache && `${names.cache}: true`].filter(
    (g) => typeof g === "string"
  );
  if (given.length > 1) {
    throw new SealError(
      `${given.join(" and ")} both say where the bytes are; give one: ${names.subjectPath} for files in the workspace, ${names.artifactName} for a workflow artifact${names.cache ? `, or ${names.cache}: true to restore them by digest` : ""}.`
    );
  }
  if (runIdText !== "" && artifactName === "") {
    throw new SealError(`${names.runId}: ${quote(runIdText)} says which run uploaded the artifact; give ${names.artifactName} too, or remove it.`);
  }
  if (checksums !== "" && subject === null) {
    throw new SealError(
      `${names.checksumsPath}: ${quote(checksums)} names the files that differ in ${names.subjectPath}; give ${names.subjectPath} too, or remove it (a workflow artifact carries its own listing).`
    );
  }
  if (subject !== null) return { kind: "local", subject, checksumsFile: checksums === "" ? null : path.resolve(workspace, checksums) };
  if (artifactName !== "") {
    let runId = null;
    if (runIdText !== "") {
      runId = Number(runIdText);
      if (!/^[1-9][0-9]*$/.test(runIdText) || !Number.isSafeInteger(runId)) {
        throw new SealError(`${names.runId}: ${quote(runIdText)} is not a workflow run id. Give the number from the run's URL (\u2026/actions/runs/<id>), such as "\${{ github.event.workflow_run.id }}".`);
      }
    }
    const token = input(names.token);
    if (runId !== null && token === "") {
      throw new SealError(`${names.token}: required to download from another run (${names.runId}: ${runIdText}). Give "\${{ github.token }}" and grant the job "permissions: actions: read".`);
    }
    return { kind: "artifact", name: artifactName, runId, token };
  }
  if (cache) return { kind: "cache", token: input(names.token), inputName: names.cache };
  return null;
}

// src/actions/verify/settings.ts
function readVerifySettings(getInput, workspace, env = {}) {
  const input = (name) => getInput(name).trim();
  const expectedText = input(VerifyInput.ExpectedDigest);
  if (expectedText === "") {
    throw new SealError(
      `${VerifyInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}".`
    );
  }
  const expected = parseDigest(expectedText, VerifyInput.ExpectedDigest);
  const source = readBytesSource(getInput, workspace, {
    subjectPath: VerifyInput.SubjectPath,
    root: VerifyInput.Root,
    checksumsPath: VerifyInput.ChecksumsPath,
    artifactName: VerifyInput.ArtifactName,
    runId: VerifyInput.RunId,
    token: VerifyInput.GitHubToken
  });
  if (source === null || source.kind === "cache") {
    throw new SealError(
      `${VerifyInput.SubjectPath}: give the files about to be deployed, as the seal step named them, or ${VerifyInput.ArtifactName} to download the sealed workflow artifact and verify it.`
    );
  }
  return {
    source,
    expected,
    summary: parseBooleanInput(VerifyInput.Summary, getInput(VerifyInput.Summary), true),
    signer: readSignerCheckSettings(getInput, env, workspace),
    token: input(VerifyInput.GitHubToken)
  };
}
function readSubject(getInput, workspace, pathInput, rootInput) {
  const subjectPath = getInput(pathInput).trim();
  const root = getInput(rootInput).trim();
  if (subjectPath === "") {
    if (root !== "") throw new SealError(`${rootInput}: ${quote(root)} applies to ${pathInput} only; remove it or give ${pathInput}.`);
    return null;
  }
  return {
    kind: "paths",
    patterns: parseSubjectPatterns(getInput(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    // The files an exclusion kept out of the seal need not have been carried to the deploy job.
    unusedExclusions: "allow",
    ...root !== "" ? { root } : {}
  };
}

// src/report/signer-markdown.ts
function signerRows(signature) {
  if (signature === null || signature === void 0) return [];
  if (signature.status === "unsigned") return [`| Signature | none: ${cell(signature.detail)} |`];
  if (signature.status === "refused") return [`| Signature | \u274C refused: ${cell(signature.detail)} |`];
  const signer = signature.signer;
  if (signer.kind === "key") return [`| Signed by | the key ${code(signer.hint)} |`];
  const i = signer.identity;
  const rows = [`| Signed by | ${code(i.subjectAlternativeName)} |`];
  const add = (label, value, asCode = true) => {
    if (value !== void 0 && value !== "") rows.push(`| ${label} | ${asCode ? code(value) : cell(value)} |`);
  };
  add("Repository", i.repository);
  add("Source ref", i.sourceRepositoryRef);
  add("Source commit", i.sourceRepositoryDigest);
  add("Runner", i.runnerEnvironment);
  add("Issuer", i.issuer);
  if (i.runInvocationUri) rows.push(`| Signing run | [${cell(i.runInvocationUri)}](${i.runInvocationUri}) |`);
  rows.push(`| Signed at | ${signer.signedAt} (trusted timestamp) |`);
  return rows;
}

export {
  signerRows,
  readBytesSource,
  readVerifySettings
};
