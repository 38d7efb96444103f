import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import "./chunk-6XLAPEGU.js";
import {
  parseCommand,
  requireValue
} from "./chunk-GSG2IMQB.js";
import {
  sealToBundle
} from "./chunk-ASTW6XER.js";
import {
  provenanceLinks
} from "./chunk-KNDRTKPX.js";
import {
  describeProgress
} from "./chunk-SB5SYUBX.js";
import {
  formatBytes,
  formatCount
} from "./chunk-IM7BOTGG.js";
import "./chunk-34UHYZP7.js";
import {
  parseSubjectPatterns
} from "./chunk-F2S7RG6J.js";
import "./chunk-G46EYJYA.js";
import {
  buildContextFromEnv,
  fallbackName
} from "./chunk-QBBW7JKU.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-JNKVE2JS.js";
import "./chunk-4VJWAQ33.js";
import "./chunk-3CR25UGK.js";
import "./chunk-ZF2UFZB3.js";
import "./chunk-MQKQALL5.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";

// src/cli/seal-command.ts
import * as path from "node:path";

// src/report/seal-text.ts
function renderSealText(report) {
  const { artifact, bundle } = report;
  const lines = [];
  const row = (label, value) => void lines.push(`  ${label.padEnd(10)} ${value}`);
  lines.push(`Sealed ${artifact.name}`);
  row("digest", artifact.digest);
  if (artifact.size !== null) row("content", `${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)}`);
  else if (artifact.kind === "checksums") row("content", `${formatCount(artifact.fileCount, "file")} (from a checksums listing)`);
  if (artifact.root !== null) row("root", artifact.root);
  const links = provenanceLinks(report.build);
  if (links.commit) row("commit", `${links.commit.url} (${links.commit.ref})`);
  if (links.run) row("run", links.run.url);
  row("listing", bundle.checksumsPath);
  row("statement", bundle.statementPath);
  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel;
    const entries = groups.length > 1 ? groups.slice(0, 8).map((g) => [g.name, `${formatCount(g.files, "file")}, ${formatBytes(g.size)}`]) : artifact.summary.largest.map((f) => [f.path, formatBytes(f.size)]);
    const width = Math.min(40, Math.max(...entries.map(([name]) => name.length)));
    lines.push(groups.length > 1 ? "  top level:" : "  largest files:");
    for (const [name, value] of entries) lines.push(`    ${name.padEnd(width)}  ${value}`);
  }
  return `${lines.join("\n")}
`;
}

// src/cli/seal-command.ts
var SEAL_USAGE = `Usage: artifact-seal seal <path...> [--name NAME] [--root DIR] [--out DIR] [--json]

Seals files, directories or globs: computes the digest, writes the checksums listing
and the in-toto statement, and prints a summary.

  <path...>     files, directories or globs; "!pattern" excludes
  --name NAME   the artifact's name (default: the file's or directory's name)
  --root DIR    the directory listing paths are relative to
                (default: the directory given, else the deepest one holding every match)
  --out DIR     where the seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  -h, --help    show this help`;
var spec = {
  name: "seal",
  usage: SEAL_USAGE,
  allowPositionals: true,
  options: { name: { type: "string" }, root: { type: "string" }, out: { type: "string" }, json: { type: "boolean" } }
};
async function sealCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${SEAL_USAGE}
`);
    return 0;
  }
  const cwd = terminal.cwd;
  const out = requireValue("out", values.out);
  const root = requireValue("root", values.root);
  const build = buildContextFromEnv(terminal.env);
  const { artifact, bundle } = await sealToBundle(
    {
      kind: "paths",
      patterns: parseSubjectPatterns(positionals.join("\n")),
      baseDir: cwd,
      inputName: "seal <path...>",
      ...root ? { root } : {}
    },
    {
      name: requireValue("name", values.name) ?? "",
      fallbackName: fallbackName(terminal.env, cwd),
      build,
      onProgress: (p) => terminal.progress(describeProgress(p))
    },
    { outputDir: out ? path.resolve(cwd, out) : null, defaultParent: path.join(cwd, ".seal"), inputName: "--out" }
  );
  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      size: artifact.size,
      root: artifact.root,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir
    };
    terminal.out(`${JSON.stringify(result, null, 2)}
`);
  } else {
    terminal.out(renderSealText({ artifact, bundle, build }));
  }
  return 0;
}
export {
  SEAL_USAGE,
  sealCommand
};
