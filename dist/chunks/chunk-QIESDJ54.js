import {
  fetchAndCheckBytes,
  verifiedPath
} from "./chunk-P3LFBAAN.js";
import {
  checkSignature,
  signatureSources,
  signerExpectation,
  signerOutput,
  verifyArtifact
} from "./chunk-2FA2NVHV.js";
import {
  NOTHING_KNOWN
} from "./chunk-4OSLGI64.js";
import {
  removeQuietly
} from "./chunk-MKZ7O5YQ.js";
import {
  describeProgress
} from "./chunk-ZKPFZ6OV.js";
import {
  formatBytes,
  formatCount
} from "./chunk-T6LU5YRH.js";
import {
  readVerifySettings,
  signerRows
} from "./chunk-OUGGR7GI.js";
import {
  cell,
  code,
  error,
  getInput,
  info,
  reportFailure,
  setFailed,
  setOutput,
  summary
} from "./chunk-Z26ZLIIK.js";
import {
  VerifyInput,
  VerifyOutput,
  signatureRequired
} from "./chunk-PURSDPP7.js";
import {
  buildContextFromEnv,
  fallbackName,
  runnerTempDir,
  workspaceDir
} from "./chunk-Y26XYTCZ.js";
import {
  shortDigest
} from "./chunk-WN5XRVDE.js";

// src/actions/verify/run.ts
import * as path from "node:path";

// src/report/verify-markdown.ts
var ROWS_SHOWN = 200;
function renderVerifyMarkdown(report) {
  const out = [];
  if (report.verified && report.signatureFailure) {
    out.push(`### \u274C ${code(report.name)}: the signature is not accepted`, "");
    out.push(`The files are the sealed bytes (${code(report.actual)}), but: ${cell(report.signatureFailure)}`, "");
    out.push("Do not deploy these bytes.", "");
    return out.join("\n");
  }
  if (report.verified) {
    out.push(`### \u2705 Verified ${code(report.name)}`, "");
    const what = report.content ?? "The files";
    out.push(`${what}${report.location ? ` under ${code(report.location)}` : ""} are the sealed bytes: ${code(report.actual)}.`, "");
    const rows = signerRows(report.signature);
    if (rows.length > 0) out.push("| | |", "| --- | --- |", ...rows, "");
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

// src/actions/verify/run.ts
var ANNOTATIONS_SHOWN = 10;
async function run(env = process.env) {
  try {
    const workspace = workspaceDir(env);
    const settings = readVerifySettings((name) => getInput(name), workspace, env);
    const seal = { fallbackName: fallbackName(env, workspace), build: buildContextFromEnv(env), onProgress: (p) => info(describeProgress(p)) };
    let report;
    let handedOut;
    let checksumsFile;
    if (settings.source.kind === "artifact") {
      const fetched = await fetchAndCheckBytes(settings.source, settings.expected, NOTHING_KNOWN, {
        env,
        downloadsDir: path.join(runnerTempDir(env), "artifact-seal", "downloads"),
        seal,
        inputs: { expected: VerifyInput.ExpectedDigest, checksums: VerifyInput.ChecksumsPath, artifactName: VerifyInput.ArtifactName },
        log: (message) => info(message)
      });
      handedOut = fetched.path;
      checksumsFile = fetched.checksumsFile;
      report = { name: settings.source.name, ...fetched, expected: settings.expected, listingGiven: true, content: null, location: fetched.path };
    } else {
      const { subject } = settings.source;
      checksumsFile = settings.source.checksumsFile;
      const result = await verifyArtifact(
        { subject, expected: settings.expected, checksumsFile, checksumsInput: VerifyInput.ChecksumsPath, expectedInput: VerifyInput.ExpectedDigest },
        seal
      );
      const { artifact } = result;
      handedOut = result.verified ? await verifiedPath(artifact, subject, settings.expected, path.join(runnerTempDir(env), "artifact-seal", "verified"), seal) : null;
      report = {
        ...result,
        name: artifact.name,
        content: artifact.size === null ? formatCount(artifact.fileCount, "file") : `${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)}`,
        location: artifact.root
      };
    }
    const required = signatureRequired(settings.signer, false, env);
    const signature = report.verified ? await checkSignature(
      settings.expected,
      signatureSources(checksumsFile, required || settings.signer.asksForSigner, settings.token, VerifyInput.GitHubToken, env),
      signerExpectation(settings.signer, required, env)
    ) : null;
    const signatureFailure = signature?.status === "refused" ? signature.detail : signature?.status === "unsigned" && required ? `${signature.detail} A signature is required (${VerifyInput.RequireSignature}).` : null;
    if (signatureFailure !== null && settings.source.kind === "artifact" && handedOut !== null) {
      removeQuietly(handedOut);
      handedOut = null;
    }
    const verified = report.verified && signatureFailure === null;
    if (settings.summary && env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderVerifyMarkdown({ ...report, signature, signatureFailure })).write();
    setOutput(VerifyOutput.Verified, String(verified));
    setOutput(VerifyOutput.Digest, report.actual);
    setOutput(VerifyOutput.Mismatches, JSON.stringify(report.mismatches.map(mismatchOutput)));
    setOutput(VerifyOutput.Path, verified ? handedOut ?? "" : "");
    setOutput(VerifyOutput.Signer, signature?.status === "verified" ? signerOutput(signature.signer) : "");
    if (signatureFailure !== null) {
      setFailed(`${report.name} is the sealed ${report.expected}, but its signature is not accepted: ${signatureFailure} Do not deploy these bytes.`);
      return;
    }
    if (report.verified) {
      if (signature?.status === "verified") info(`Signed by ${signerName(signature)}.`);
      else if (signature?.status === "unsigned") info(signature.detail);
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
function signerName(signature) {
  const signer = signature.signer;
  return signer.kind === "key" ? `the key ${signer.hint} (${signature.source})` : `${signer.identity.subjectAlternativeName} at ${signer.signedAt} (${signature.source})`;
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
  run,
  annotateMismatches
};
