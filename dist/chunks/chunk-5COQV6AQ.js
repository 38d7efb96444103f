import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  fetchAndCheckBytes
} from "./chunk-3XV4SCCJ.js";
import {
  verifyArtifact
} from "./chunk-IXOSLNXJ.js";
import {
  NOTHING_KNOWN
} from "./chunk-QNKJSCO2.js";
import {
  VerifyInput,
  VerifyOutput,
  cell,
  code,
  parseBooleanInput,
  reportFailure
} from "./chunk-XI5UBSFP.js";
import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-YQE4J5OP.js";
import {
  formatBytes,
  formatCount
} from "./chunk-IM7BOTGG.js";
import {
  buildContextFromEnv,
  fallbackName,
  runnerTempDir,
  workspaceDir
} from "./chunk-QBBW7JKU.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setOutput,
  summary
} from "./chunk-V5KCH6HQ.js";
import {
  parseDigest,
  shortDigest
} from "./chunk-HRW4MM62.js";
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/actions/verify/run.ts
import * as path2 from "node:path";

// src/report/verify-markdown.ts
var ROWS_SHOWN = 200;
function renderVerifyMarkdown(report) {
  const out = [];
  if (report.verified) {
    out.push(`### \u2705 Verified ${code(report.name)}`, "");
    const what = report.content ?? "The files";
    out.push(`${what}${report.location ? ` under ${code(report.location)}` : ""} are the sealed bytes: ${code(report.actual)}.`, "");
    return out.join("\n");
  }
  out.push(`### \u274C ${code(report.name)} is not the sealed artifact`, "");
  out.push("| | |", "| --- | --- |");
  out.push(`| Expected | ${code(report.expected)} |`, `| Found | ${code(report.actual)}${report.content ? ` (${report.content})` : ""} |`, "");
  if (report.mismatches.length > 0) {
    out.push(`${formatCount(report.mismatches.length, "file")} differ from the seal:`, "");
    out.push("| File | Difference | Sealed | Found |", "| --- | --- | --- | --- |");
    for (const m of report.mismatches.slice(0, ROWS_SHOWN)) {
      out.push(`| ${code(cell(m.path))} | ${m.kind} | ${m.expected ? code(shortDigest(`sha256:${m.expected}`)) : "\u2014"} | ${m.actual ? code(shortDigest(`sha256:${m.actual}`)) : "\u2014"} |`);
    }
    if (report.mismatches.length > ROWS_SHOWN) out.push(`| \u2026 ${report.mismatches.length - ROWS_SHOWN} more | | | |`);
  } else if (!report.listingGiven) {
    out.push("Give `checksums-path` (the seal step's output of that name) to see which files differ.");
  }
  out.push("");
  return out.join("\n");
}

// src/actions/bytes-source-input.ts
import * as path from "node:path";
function readBytesSource(getInput2, workspace, names) {
  const input = (name) => getInput2(name).trim();
  const artifactName = input(names.artifactName);
  const runIdText = input(names.runId);
  const checksums = input(names.checksumsPath);
  const cache = names.cache === void 0 ? false : parseBooleanInput(names.cache, getInput2(names.cache), false);
  const subject = readSubject(getInput2, workspace, names.subjectPath, names.root);
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
function readVerifySettings(getInput2, workspace) {
  const input = (name) => getInput2(name).trim();
  const expectedText = input(VerifyInput.ExpectedDigest);
  if (expectedText === "") {
    throw new SealError(
      `${VerifyInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}".`
    );
  }
  const expected = parseDigest(expectedText, VerifyInput.ExpectedDigest);
  const source = readBytesSource(getInput2, workspace, {
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
  return { source, expected, summary: parseBooleanInput(VerifyInput.Summary, getInput2(VerifyInput.Summary), true) };
}
function readSubject(getInput2, workspace, pathInput, rootInput) {
  const subjectPath = getInput2(pathInput).trim();
  const root = getInput2(rootInput).trim();
  if (subjectPath === "") {
    if (root !== "") throw new SealError(`${rootInput}: ${quote(root)} applies to ${pathInput} only; remove it or give ${pathInput}.`);
    return null;
  }
  return {
    kind: "paths",
    patterns: parseSubjectPatterns(getInput2(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    ...root !== "" ? { root } : {}
  };
}

// src/actions/verify/run.ts
var ANNOTATIONS_SHOWN = 10;
async function run(env = process.env) {
  try {
    const workspace = workspaceDir(env);
    const settings = readVerifySettings((name) => getInput(name), workspace);
    const seal = { fallbackName: fallbackName(env, workspace), build: buildContextFromEnv(env), onProgress: (p) => info(describeProgress(p)) };
    let report;
    let verifiedPath;
    if (settings.source.kind === "artifact") {
      const fetched = await fetchAndCheckBytes(settings.source, settings.expected, NOTHING_KNOWN, {
        env,
        downloadsDir: path2.join(runnerTempDir(env), "artifact-seal", "downloads"),
        seal,
        inputs: { expected: VerifyInput.ExpectedDigest, checksums: VerifyInput.ChecksumsPath, artifactName: VerifyInput.ArtifactName },
        log: (message) => info(message)
      });
      verifiedPath = fetched.path;
      report = { name: settings.source.name, ...fetched, expected: settings.expected, listingGiven: true, content: null, location: fetched.path };
    } else {
      const { subject, checksumsFile } = settings.source;
      const result = await verifyArtifact(
        { subject, expected: settings.expected, checksumsFile, checksumsInput: VerifyInput.ChecksumsPath, expectedInput: VerifyInput.ExpectedDigest },
        seal
      );
      const { artifact } = result;
      verifiedPath = result.verified ? artifact.root : null;
      report = {
        ...result,
        name: artifact.name,
        content: artifact.size === null ? formatCount(artifact.fileCount, "file") : `${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)}`,
        location: artifact.root
      };
    }
    if (settings.summary && env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderVerifyMarkdown(report)).write();
    setOutput(VerifyOutput.Verified, String(report.verified));
    setOutput(VerifyOutput.Digest, report.actual);
    setOutput(VerifyOutput.Mismatches, JSON.stringify(report.mismatches.map(mismatchOutput)));
    setOutput(VerifyOutput.Path, verifiedPath ?? "");
    if (report.verified) {
      info(`Verified: ${report.name} is ${report.actual}, the sealed digest.`);
      return;
    }
    annotateMismatches(report.mismatches);
    const named = report.mismatches.length > 0 ? ` ${report.mismatches.length} file(s) differ from the seal.` : report.listingGiven ? "" : ` Give ${VerifyInput.ChecksumsPath} to name the files that differ.`;
    setFailed(`${report.name} is ${report.actual}, not the sealed ${report.expected}.${named} Do not deploy these bytes; deploy the sealed artifact.`);
  } catch (error2) {
    reportFailure(error2);
  }
}
function mismatchOutput(m) {
  return { path: m.path, expected: m.expected && `sha256:${m.expected}`, actual: m.actual && `sha256:${m.actual}`, kind: m.kind };
}
function annotateMismatches(mismatches) {
  const what = { changed: "changed since it was sealed", missing: "was sealed but is missing", added: "was not sealed but is present" };
  for (const m of mismatches.slice(0, ANNOTATIONS_SHOWN - 1)) {
    error(`${m.path} ${what[m.kind]}.`, { title: `artifact-seal: ${m.kind} file` });
  }
  const rest = mismatches.slice(ANNOTATIONS_SHOWN - 1);
  if (rest.length === 1) {
    const m = rest[0];
    error(`${m.path} ${what[m.kind]}.`, { title: `artifact-seal: ${m.kind} file` });
  } else if (rest.length > 1) {
    error(`${rest.length} more files differ from the seal (${rest[0]?.path} and others); the job summary lists them.`, { title: "artifact-seal: more files differ" });
  }
}

export {
  readBytesSource,
  run,
  annotateMismatches
};
