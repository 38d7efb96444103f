import {
  sealToBundle
} from "../chunks/chunk-YZ7UBD2W.js";
import {
  provenanceLinks,
  verifySnippet
} from "../chunks/chunk-MMTH65ZD.js";
import {
  prepareSigning,
  withSigningWorkflow
} from "../chunks/chunk-F2TO3XK7.js";
import {
  describeProgress
} from "../chunks/chunk-ZKPFZ6OV.js";
import {
  formatBytes,
  formatCount,
  formatNumber
} from "../chunks/chunk-T6LU5YRH.js";
import "../chunks/chunk-CXUYZPCD.js";
import "../chunks/chunk-W2T4WNMM.js";
import "../chunks/chunk-KBCO63BF.js";
import {
  cell,
  code,
  debug,
  getInput,
  info,
  notice,
  reportFailure,
  setOutput,
  summary,
  warning
} from "../chunks/chunk-Z26ZLIIK.js";
import {
  SealInput,
  SealOutput,
  readSealSettings
} from "../chunks/chunk-PURSDPP7.js";
import {
  buildContextFromEnv,
  fallbackName,
  runnerTempDir,
  workspaceDir
} from "../chunks/chunk-Y26XYTCZ.js";
import {
  fileSafeName,
  mergeSealBundles
} from "../chunks/chunk-7LPUHTON.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-RLG6D2AJ.js";
import "../chunks/chunk-NID24HAP.js";
import {
  parseListing
} from "../chunks/chunk-HFKVVJJS.js";
import "../chunks/chunk-WN5XRVDE.js";
import "../chunks/chunk-32RFBYNG.js";
import {
  SealError
} from "../chunks/chunk-KQET6ZTM.js";
import "../chunks/chunk-EWOWW24O.js";

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
  out.push(`| Seal bundle | ${code(bundle.checksumsPath)}<br>${code(bundle.statementPath)}${bundle.sigstoreBundlePath ? `<br>${code(bundle.sigstoreBundlePath)}` : ""} |`);
  if (report.contract) {
    const kinds = [...new Set(report.contract.files.filter((f) => f.kind !== "reference").map((f) => f.kind))].join(", ");
    out.push(`| Contract | ${code(report.contract.version)} (${kinds}, ${formatCount(report.contract.files.length, "file")}): ${code(report.contract.digest)} |`);
  }
  const signature = report.signature;
  if (signature?.signed) {
    const how = signature.kind === "keyless" ? "Sigstore certificate" : "key";
    const attestation = signature.attestationUrl ? ` \xB7 [attestation](${signature.attestationUrl})` : "";
    out.push(`| Signed by | ${code(signature.signer)} (${how})${attestation} |`);
  } else if (signature) {
    out.push(`| Signed by | not signed${signature.notice ? `: ${cell(signature.notice)}` : ""} |`);
  }
  out.push("");
  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel;
    if (groups.length > 1) {
      out.push("| Top level | Files | Size |", "| --- | ---: | ---: |");
      for (const g of groups.slice(0, 8)) out.push(`| ${code(g.name)} | ${formatNumber(g.files)} | ${formatBytes(g.size)} |`);
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
  if (artifact.fileCount > shown.count) out.push("", `${formatNumber(artifact.fileCount - shown.count)} more lines in ${code(bundle.checksumsPath)}.`);
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
    const signing = await prepareSigning(settings.signing, env);
    if (signing.kind === "none" && signing.notice !== null) notice(signing.notice);
    const build = withSigningWorkflow(buildContextFromEnv(env), signing);
    let signed = null;
    let contract = null;
    const finish = async (sealed) => {
      let artifact2 = sealed;
      if (settings.contract !== null) {
        const { collectContract, withContractAnnotation } = await import("../chunks/seal-contract-4A6LEJ34.js");
        contract = collectContract(artifact2, settings.contract);
        artifact2 = { ...artifact2, statement: withContractAnnotation(artifact2.statement, contract.manifest) };
      }
      if (signing.kind !== "none") signed = await signAndStore(signing, settings.signing.mode, artifact2, settings.token, env);
      const sealedContract2 = contract;
      return {
        artifact: artifact2,
        extras: {
          signed: signed?.statement.json ?? null,
          contract: sealedContract2 === null ? null : { manifestJson: `${JSON.stringify(sealedContract2.manifest, null, 2)}
`, files: sealedContract2.files }
        }
      };
    };
    const started = performance.now();
    const defaultParent = path2.join(runnerTempDir(env), "artifact-seal");
    const subject = settings.subject;
    const { artifact, bundle } = subject.kind === "parts" ? await mergeParts(subject, settings, build, env, workspace, defaultParent, finish) : await sealToBundle(
      subject,
      {
        name: settings.name,
        fallbackName: fallbackName(env, workspace),
        build,
        onResolved: (count, root) => info(`Sealing ${formatCount(count, "file")} under ${root}`),
        onProgress: (p) => info(describeProgress(p))
      },
      { outputDir: settings.outputDir, defaultParent, inputName: SealInput.OutputDir },
      finish
    );
    const seconds = ((performance.now() - started) / 1e3).toFixed(2);
    if (artifact.size !== null) {
      info(`Sealed ${formatCount(artifact.fileCount, "file")} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`);
    }
    info(`${artifact.name}: ${artifact.digest}`);
    info(`Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}${bundle.sigstoreBundlePath ? `, ${bundle.sigstoreBundlePath}` : ""}`);
    const done = signed;
    const sealedContract = contract;
    if (sealedContract !== null) {
      info(`Contract ${sealedContract.manifest.version}: ${sealedContract.manifest.digest} (${formatCount(sealedContract.manifest.files.length, "file")}), in ${bundle.contractPath}`);
    }
    if (done !== null) info(`Signed by ${done.statement.signer}${done.attestation ? `; attestation ${done.attestation.url}` : ""}`);
    const signature = done === null || bundle.sigstoreBundlePath === null ? { signed: false, notice: signing.kind === "none" ? signing.notice : null } : { signed: true, signer: done.statement.signer, kind: done.statement.kind, bundlePath: bundle.sigstoreBundlePath, attestationUrl: done.attestation?.url ?? null };
    const uploaded = settings.upload ? await uploadSealed(settings.upload, artifact, bundle, env) : null;
    if (settings.cache) await cacheSealed(artifact, env);
    if (settings.summary) {
      if (env.GITHUB_STEP_SUMMARY) {
        const hints = verifyStepHints(env, settings, artifact, workspace);
        await summary.addRaw(renderSealMarkdown({ artifact, bundle, build, ...hints, signature, contract: sealedContract?.manifest ?? null })).write();
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
    setOutput(SealOutput.BundlePath, bundle.sigstoreBundlePath ?? "");
    setOutput(SealOutput.AttestationId, done?.attestation ? String(done.attestation.id) : "");
    setOutput(SealOutput.AttestationUrl, done?.attestation?.url ?? "");
    setOutput(SealOutput.Signer, done?.statement.signer ?? "");
    setOutput(SealOutput.ContractDigest, sealedContract?.manifest.digest ?? "");
    setOutput(SealOutput.ContractVersion, sealedContract?.manifest.version ?? "");
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
  const { WorkflowArtifactStore } = await import("../chunks/workflow-artifact-3EVW3WWS.js");
  const uploaded = await new WorkflowArtifactStore({ env }).upload({ name, bundle, files, ...upload.retentionDays !== null ? { retentionDays: upload.retentionDays } : {} });
  info(`Uploaded the workflow artifact ${name} (id ${uploaded.id}, ${formatBytes(uploaded.size)}${files ? `, the seal bundle and ${formatCount(files.paths.length, "file")}` : ", the seal bundle"})`);
  return uploaded;
}
async function cacheSealed(artifact, env) {
  if (artifact.root === null) return;
  const { ActionsCacheStore } = await import("../chunks/actions-cache-PPXKED3Z.js");
  const store = new ActionsCacheStore({ env, inputName: SealInput.Cache, log: { info: (m) => info(m), warning: (m) => warning(m) } });
  await store.save({ digest: artifact.digest, root: artifact.root, paths: listedPaths(artifact), listing: artifact.listing });
}
function listedPaths(artifact) {
  return parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => e.path);
}
async function signAndStore(signing, mode, artifact, token, env) {
  const statement = await signing.sign(artifact.statement);
  if (statement.kind !== "keyless" || !env.GITHUB_REPOSITORY) return { statement, attestation: null };
  const { storeAttestation } = await import("../chunks/attestations-api-EHQADKID.js");
  try {
    return { statement, attestation: await storeAttestation(statement.bundle, { env, token, tokenInput: SealInput.GitHubToken }) };
  } catch (error) {
    if (!(error instanceof SealError) || mode !== "auto") throw error;
    warning(`The seal is signed (${statement.signer}), but the signature was not stored in the repository's attestations: ${error.message}`);
    return { statement, attestation: null };
  }
}
async function mergeParts(subject, settings, build, env, workspace, defaultParent, finish) {
  const name = settings.name || fallbackName(env, workspace);
  const merged = await mergeSealBundles(subject.parts, {
    name,
    build,
    outputDir: settings.outputDir ?? path2.join(defaultParent, fileSafeName(name)),
    inputName: SealInput.SubjectParts,
    outputInputName: SealInput.OutputDir,
    expectedDigests: subject.partDigests,
    expectedDigestsInputName: SealInput.PartDigests,
    finish
  });
  for (const part of merged.parts) info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, "file")})`);
  return merged;
}

// src/actions/seal/index.ts
await run();
