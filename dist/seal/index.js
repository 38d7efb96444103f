import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  sealToBundle
} from "../chunks/chunk-ASTW6XER.js";
import {
  provenanceLinks,
  verifySnippet
} from "../chunks/chunk-KNDRTKPX.js";
import {
  describeProgress
} from "../chunks/chunk-SB5SYUBX.js";
import {
  formatBytes,
  formatCount
} from "../chunks/chunk-IM7BOTGG.js";
import {
  SealInput,
  SealOutput,
  cell,
  code,
  readSealSettings,
  reportFailure
} from "../chunks/chunk-JY4GFFAA.js";
import {
  mergeSealBundles
} from "../chunks/chunk-DIOQ6AAJ.js";
import "../chunks/chunk-34UHYZP7.js";
import "../chunks/chunk-F2S7RG6J.js";
import {
  fileSafeName
} from "../chunks/chunk-G46EYJYA.js";
import {
  buildContextFromEnv,
  fallbackName,
  runnerTempDir,
  workspaceDir
} from "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-JNKVE2JS.js";
import "../chunks/chunk-4VJWAQ33.js";
import "../chunks/chunk-3CR25UGK.js";
import {
  parseListing
} from "../chunks/chunk-ZF2UFZB3.js";
import {
  debug,
  getInput,
  info,
  setOutput,
  summary,
  warning
} from "../chunks/chunk-A66XVOGK.js";
import "../chunks/chunk-S7RBMPPZ.js";
import "../chunks/chunk-MQKQALL5.js";
import "../chunks/chunk-LM3HRDQW.js";
import "../chunks/chunk-DWPQK6M2.js";

// src/actions/seal/run.ts
import * as path2 from "node:path";

// src/report/seal-markdown.ts
var LISTING_LINES_SHOWN = 500;
function firstLines(listing, count) {
  let end = 0;
  let lines = 0;
  while (lines < count && end < listing.length) {
    const newline = listing.indexOf(10, end);
    end = newline === -1 ? listing.length : newline + 1;
    lines++;
  }
  return { text: listing.toString("utf8", 0, end).replace(/\n$/, ""), count: lines };
}
function renderSealMarkdown(report) {
  const { artifact, bundle } = report;
  const out = [];
  out.push(`### \u{1F512} Sealed ${code(artifact.name)}`, "");
  out.push("| | |", "| --- | --- |");
  out.push(`| Digest | ${code(artifact.digest)} |`);
  if (artifact.size !== null) out.push(`| Content | ${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)} |`);
  else if (artifact.kind === "checksums") out.push(`| Content | ${formatCount(artifact.fileCount, "file")} (from a checksums listing) |`);
  else out.push("| Content | a digest given by the build (not read from files) |");
  const links = provenanceLinks(report.build);
  if (links.commit) out.push(`| Commit | [${code(links.commit.label)}](${links.commit.url}) on ${code(links.commit.ref)} |`);
  if (links.run) out.push(`| Built by | [${cell(links.run.label)}](${links.run.url}) |`);
  if (report.build.kind === "local") out.push(`| Built by | ${cell(report.build.build.tool)} on ${cell(report.build.build.host)} |`);
  out.push(`| Seal bundle | ${code(bundle.checksumsPath)}<br>${code(bundle.statementPath)} |`);
  out.push("");
  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel;
    if (groups.length > 1) {
      out.push("| Top level | Files | Size |", "| --- | ---: | ---: |");
      for (const g of groups.slice(0, 8)) out.push(`| ${code(g.name)} | ${g.files.toLocaleString("en-US")} | ${formatBytes(g.size)} |`);
      if (groups.length > 8) out.push(`| \u2026 ${groups.length - 8} more | | |`);
    } else {
      out.push("| Largest files | Size |", "| --- | ---: |");
      for (const f of artifact.summary.largest) out.push(`| ${code(f.path)} | ${formatBytes(f.size)} |`);
    }
    out.push("");
  }
  out.push("<details><summary>Verify these bytes in a later job</summary>", "", "```yaml", verifySnippet(report), "```", "", "</details>", "");
  const shown = firstLines(artifact.listing, LISTING_LINES_SHOWN);
  out.push(`<details><summary>Checksums listing (${formatCount(artifact.fileCount, "line")})</summary>`, "", "```text", shown.text, "```");
  if (artifact.fileCount > shown.count) out.push("", `${(artifact.fileCount - shown.count).toLocaleString("en-US")} more lines in ${code(bundle.checksumsPath)}.`);
  out.push("", "</details>", "");
  return out.join("\n");
}

// src/actions/seal/verify-hints.ts
import * as path from "node:path";
function verifyStepHints(env, settings, artifact, workspace) {
  const actionRepository = env.GITHUB_ACTION_REPOSITORY;
  const verifyAction = actionRepository ? `${actionRepository}/verify@${env.GITHUB_ACTION_REF || "v1"}` : "./verify";
  const stepId = env.GITHUB_ACTION && !env.GITHUB_ACTION.startsWith("__") ? env.GITHUB_ACTION : "seal";
  let verifySubjectPath = null;
  if (artifact.kind === "files" && settings.subject.kind === "paths") {
    const { include, exclude } = settings.subject.patterns;
    verifySubjectPath = [...include, ...exclude.map((p) => `!${p}`)].join("\n");
  } else if (artifact.root !== null) {
    const rel = path.relative(workspace, artifact.root).split(path.sep).join("/");
    verifySubjectPath = rel === "" ? "." : rel.startsWith("..") ? artifact.root : rel;
    const onlyFile = artifact.kind === "file" ? artifact.summary?.largest[0]?.path : void 0;
    if (onlyFile !== void 0) verifySubjectPath = `${verifySubjectPath === "." ? "" : `${verifySubjectPath}/`}${onlyFile}`;
  }
  return { verifySubjectPath, verifyAction, jobId: env.GITHUB_JOB || "build", stepId };
}

// src/actions/seal/run.ts
async function run(env = process.env) {
  try {
    const workspace = workspaceDir(env);
    const settings = readSealSettings((name) => getInput(name), workspace);
    const build = buildContextFromEnv(env);
    const started = performance.now();
    const defaultParent = path2.join(runnerTempDir(env), "artifact-seal");
    const subject = settings.subject;
    const { artifact, bundle } = subject.kind === "parts" ? await mergeParts(subject, settings, build, env, workspace, defaultParent) : await sealToBundle(
      subject,
      {
        name: settings.name,
        fallbackName: fallbackName(env, workspace),
        build,
        onResolved: (count, root) => info(`Sealing ${formatCount(count, "file")} under ${root}`),
        onProgress: (p) => info(describeProgress(p))
      },
      { outputDir: settings.outputDir, defaultParent, inputName: SealInput.OutputDir }
    );
    const seconds = ((performance.now() - started) / 1e3).toFixed(2);
    if (artifact.size !== null) {
      info(`Sealed ${formatCount(artifact.fileCount, "file")} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`);
    }
    info(`${artifact.name}: ${artifact.digest}`);
    info(`Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}`);
    const uploaded = settings.upload ? await uploadSealed(settings.upload, artifact, bundle, env) : null;
    if (settings.cache) await cacheSealed(artifact, env);
    if (settings.summary) {
      if (env.GITHUB_STEP_SUMMARY) {
        const hints = verifyStepHints(env, settings, artifact, workspace);
        await summary.addRaw(renderSealMarkdown({ artifact, bundle, build, ...hints })).write();
      } else {
        debug("GITHUB_STEP_SUMMARY is not set: no job summary written");
      }
    }
    setOutput(SealOutput.Digest, artifact.digest);
    setOutput(SealOutput.Name, artifact.name);
    setOutput(SealOutput.FileCount, artifact.kind === "digest" ? "" : String(artifact.fileCount));
    setOutput(SealOutput.Size, artifact.size === null ? "" : String(artifact.size));
    setOutput(SealOutput.ChecksumsPath, bundle.checksumsPath);
    setOutput(SealOutput.StatementPath, bundle.statementPath);
    setOutput(SealOutput.SealDir, bundle.dir);
    setOutput(SealOutput.ArtifactName, uploaded?.name ?? "");
    setOutput(SealOutput.ArtifactId, uploaded ? String(uploaded.id) : "");
  } catch (error) {
    reportFailure(error);
  }
}
function defaultArtifactName(artifact) {
  return `${fileSafeName(artifact.name)}-sealed`;
}
async function uploadSealed(upload, artifact, bundle, env) {
  const name = upload.name ?? defaultArtifactName(artifact);
  const files = upload.files && artifact.root !== null ? { root: artifact.root, paths: listedPaths(artifact) } : null;
  const { WorkflowArtifactStore } = await import("../chunks/workflow-artifact-4L2DSLAN.js");
  const uploaded = await new WorkflowArtifactStore({ env }).upload({ name, bundle, files, ...upload.retentionDays !== null ? { retentionDays: upload.retentionDays } : {} });
  info(`Uploaded the workflow artifact ${name} (id ${uploaded.id}, ${formatBytes(uploaded.size)}${files ? `, the seal bundle and ${formatCount(files.paths.length, "file")}` : ", the seal bundle"})`);
  return uploaded;
}
async function cacheSealed(artifact, env) {
  if (artifact.root === null) return;
  const { ActionsCacheStore } = await import("../chunks/actions-cache-Q2P72YYA.js");
  const store = new ActionsCacheStore({ env, inputName: SealInput.Cache, log: { info: (m) => info(m), warning: (m) => warning(m) } });
  await store.save({ digest: artifact.digest, root: artifact.root, paths: listedPaths(artifact), listing: artifact.listing });
}
function listedPaths(artifact) {
  return parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => e.path);
}
async function mergeParts(subject, settings, build, env, workspace, defaultParent) {
  const name = settings.name || fallbackName(env, workspace);
  const merged = await mergeSealBundles(subject.parts, {
    name,
    build,
    outputDir: settings.outputDir ?? path2.join(defaultParent, fileSafeName(name)),
    inputName: SealInput.SubjectParts,
    outputInputName: SealInput.OutputDir,
    expectedDigests: subject.partDigests,
    expectedDigestsInputName: SealInput.PartDigests
  });
  for (const part of merged.parts) info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, "file")})`);
  return merged;
}

// src/actions/seal/index.ts
await run();
