#!/usr/bin/env node
import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  provenanceLinks,
  sealToBundle
} from "../chunks/chunk-7M3XK7DH.js";
import {
  DEFAULT_FILE_LEDGER,
  FileLedger,
  headline,
  loadPolicy,
  openLedger,
  parseLedgerLocation,
  pipelineStatus,
  sealInfoBesideListing
} from "../chunks/chunk-SJMDTWI7.js";
import {
  NOTHING_KNOWN,
  fetchAndCheckBytes,
  promoteDigest,
  verifyArtifact,
  vetoDigest
} from "../chunks/chunk-GKGJZLVC.js";
import {
  buildContextFromEnv,
  describeProgress,
  fallbackName,
  fileSafeName,
  formatBytes,
  formatCount,
  mergeSealBundles,
  parseSubjectPatterns,
  partSourceFromArgument,
  requesterFromEnv
} from "../chunks/chunk-UHBADOCU.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "../chunks/chunk-EENL6I3J.js";
import "../chunks/chunk-GXHRR5YT.js";
import "../chunks/chunk-ISSOBHCK.js";
import {
  VERSION
} from "../chunks/chunk-BE6JHZ3P.js";
import {
  SealError,
  parseDigest,
  quote
} from "../chunks/chunk-MIE26SZL.js";

// src/cli/diff-command.ts
import * as fs from "node:fs";

// src/report/mismatch-text.ts
var LABEL = { changed: "changed", missing: "missing", added: "added  " };
function mismatchLines(mismatches) {
  const lines = [];
  for (const m of mismatches) {
    lines.push(`  ${LABEL[m.kind]}  ${m.path}`);
    if (m.kind === "changed") lines.push(`             sealed ${m.expected}`, `             now    ${m.actual}`);
  }
  return lines;
}

// src/cli/arguments.ts
import { parseArgs } from "node:util";
function parseCommand(spec10, args) {
  try {
    return parseArgs({ args, options: { ...spec10.options, help: { type: "boolean", short: "h" } }, allowPositionals: spec10.allowPositionals, strict: true });
  } catch (error) {
    const message = error.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new SealError(`${spec10.name}: ${message}.

${spec10.usage}`);
  }
}
function requireValue(option, value) {
  if (value !== void 0 && value.trim() === "") throw new SealError(`--${option}: ${quote(value)} is empty. Give a value or leave the option out.`);
  return value;
}

// src/cli/diff-command.ts
var DIFF_USAGE = `Usage: artifact-seal diff <sealed.sha256> <other.sha256> [--json]

Compares two checksums listings (the one a seal wrote, and another) and names every
file that changed, went missing or appeared. Exit code 0 when they are equal, 1 when
they differ.

  --json        print the differences as JSON
  -h, --help    show this help`;
var spec = { name: "diff", usage: DIFF_USAGE, allowPositionals: true, options: { json: { type: "boolean" } } };
function readListing(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(`diff: cannot read ${quote(file)} (${error.code ?? "unreadable"}). Give the path of a checksums listing, such as a seal's checksums-path.`);
  }
}
async function diffCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${DIFF_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 2) throw new SealError(`diff: expected two listings, got ${positionals.length}.

${DIFF_USAGE}`);
  const [sealedFile, otherFile] = positionals;
  const sealed = parseListing(readListing(sealedFile), sealedFile);
  const other = parseListing(readListing(otherFile), otherFile);
  const mismatches = diffListings(sealed, other);
  const digests = { sealed: digestOfListing(formatListing(sealed)), other: digestOfListing(formatListing(other)) };
  if (values.json) {
    terminal.out(`${JSON.stringify({ equal: mismatches.length === 0, ...digests, mismatches }, null, 2)}
`);
  } else if (mismatches.length === 0) {
    terminal.out(`Equal: ${sealed.length} files, ${digests.sealed}
`);
  } else {
    const lines = [`${mismatches.length} of ${Math.max(sealed.length, other.length)} files differ`, `  sealed  ${digests.sealed}`, `  other   ${digests.other}`];
    lines.push(...mismatchLines(mismatches));
    terminal.out(`${lines.join("\n")}
`);
  }
  return mismatches.length === 0 ? 0 : 1;
}

// src/report/promotion-text.ts
function renderPromotionText(report) {
  const { decision, record, previous } = report.result;
  const lines = [`${decision.allowed ? "PROMOTED" : "REFUSED"}  ${headline(report)}`];
  if (decision.digest) lines.push(`  digest    ${decision.digest}`);
  if (previous) {
    const replaced = decision.allowed && previous.digest !== decision.digest && !report.dryRun;
    lines.push(`  ${replaced ? "replaces" : "runs now"}  ${previous.digest} (live since ${previous.from})`);
  }
  for (const c of decision.checks) lines.push(`  ${c.passed ? "\u2713" : "\u2717"} ${c.rule.padEnd(12)} ${c.environment}: ${c.detail}`);
  if (record) lines.push(`  recorded  ${report.ledger} #${record.id}`);
  lines.push("", ...renderStatusText(report.status));
  return `${lines.join("\n")}
`;
}
function renderStatusText(status) {
  const width = Math.max(11, ...status.map((s) => s.environment.length));
  const lines = [`${"environment".padEnd(width)}  runs now${" ".repeat(64)}since`];
  for (const s of status) {
    const runs = s.error ? `unknown: ${s.error}` : s.live ? `${s.live.digest}  ${s.live.from}` : "-";
    lines.push(`${s.environment.padEnd(width)}  ${runs}`);
  }
  return lines;
}
function renderHistoryText(entries) {
  if (entries.length === 0) return "No records.\n";
  const lines = entries.map((e) => {
    const who = [e.actor, e.runUrl].filter(Boolean).join(" ");
    const why = e.reason ? `  (${e.reason})` : "";
    return `#${e.id.padEnd(4)} ${e.time}  ${e.environment.padEnd(12)} ${e.outcome.padEnd(11)} ${e.digest}${e.name ? ` ${e.name}` : ""}${who ? `  by ${who}` : ""}${why}`;
  });
  return `${lines.join("\n")}
`;
}

// src/cli/ledger-options.ts
var LEDGER_OPTIONS = { ledger: { type: "string" } };
var LEDGER_HELP = `  --ledger L    "file:<path>" (default file:${DEFAULT_FILE_LEDGER}) or "github"
                (the Deployments of GITHUB_REPOSITORY, with GITHUB_TOKEN)`;
async function ledgerFromOptions(values, terminal, forWriting = false) {
  const location = parseLedgerLocation(requireValue("ledger", values.ledger) ?? `file:${DEFAULT_FILE_LEDGER}`, "--ledger", terminal.cwd);
  return openLedger(location, { token: terminal.env.GITHUB_TOKEN ?? "", ledgerInput: "--ledger", tokenInput: "GITHUB_TOKEN", forWriting }, terminal.env);
}

// src/cli/history-command.ts
var HISTORY_USAGE = `Usage: artifact-seal history [--environment ENV] [--digest DIGEST] [--limit N] [--json]

Who ran what since when: the ledger's records, newest first.

  --environment ENV   only this environment's records
  --digest DIGEST     only this digest's records
  --limit N           at most N records (default 50)
${LEDGER_HELP}
  --json              print the records as JSON
  -h, --help          show this help`;
var spec2 = {
  name: "history",
  usage: HISTORY_USAGE,
  allowPositionals: false,
  options: { environment: { type: "string" }, digest: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" }, ...LEDGER_OPTIONS }
};
async function historyCommand(args, terminal) {
  const { values } = parseCommand(spec2, args);
  if (values.help) {
    terminal.out(`${HISTORY_USAGE}
`);
    return 0;
  }
  const limitText = requireValue("limit", values.limit) ?? "50";
  const limit = Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new SealError(`--limit: ${quote(limitText)} is not a positive whole number. Give how many records to show, such as 20.`);
  }
  const environment = requireValue("environment", values.environment);
  const digestText = requireValue("digest", values.digest);
  const ledger = await ledgerFromOptions(values, terminal);
  const entries = [];
  for await (const entry of ledger.entries({
    ...environment ? { environment } : {},
    ...digestText ? { digest: parseDigest(digestText, "--digest") } : {}
  })) {
    entries.push(entry);
    if (entries.length >= limit) break;
  }
  terminal.out(values.json ? `${JSON.stringify(entries, null, 2)}
` : renderHistoryText(entries));
  return 0;
}

// src/cli/ledger-command.ts
var LEDGER_USAGE = `Usage: artifact-seal ledger verify [--ledger file:<path>]

Checks a file ledger's hash chain from the first record to the last: an edited,
deleted or reordered line is reported with its line number. Exits 1 when the chain breaks.

${LEDGER_HELP}
  -h, --help    show this help`;
var spec3 = { name: "ledger", usage: LEDGER_USAGE, allowPositionals: true, options: { ...LEDGER_OPTIONS } };
async function ledgerCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec3, args);
  if (values.help) {
    terminal.out(`${LEDGER_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "verify") {
    throw new SealError(`ledger: ${quote(positionals.join(" "))} is not a ledger command; the one there is: "ledger verify".

${LEDGER_USAGE}`);
  }
  const ledger = await ledgerFromOptions(values, terminal);
  if (!(ledger instanceof FileLedger)) {
    throw new SealError(`--ledger: ${quote(ledger.location)} is kept by GitHub, which does not let a deployment be edited; "ledger verify" checks file ledgers.`);
  }
  const { count, problems } = ledger.verifyChain();
  if (problems.length === 0) {
    terminal.out(`Intact: ${count} records in ${ledger.location}, each chained to the one before.
`);
    return 0;
  }
  const lines = [`BROKEN: ${ledger.location} has ${problems.length} problem(s) in ${count} records:`, ...problems.map((p) => `  line ${p.line}: ${p.problem}`)];
  terminal.out(`${lines.join("\n")}
`);
  return 1;
}

// src/cli/merge-command.ts
import * as path from "node:path";
var MERGE_USAGE = `Usage: artifact-seal merge <part...> --name NAME [--out DIR] [--json]

Merges the seal bundles of several parts (the legs of a matrix build) into one seal
whose digest covers them all. The merged listing holds every part's files under a
directory named after the part, so its digest is the digest of a tree laid out as
<part>/<files>, and "sha256sum -c" of it passes in that tree. Each part's listing is
checked against the statement beside it before anything is written.

  <part...>     NAME=FILE.sha256  a part's listing, and the part's name
                FILE.sha256       the same, named after the file (linux.sha256: linux)
                DIR               the directory holding a part's bundle (one *.sha256)
                NAME=DIR          the same, with the part's name
  --name NAME   the merged artifact's name (required)
  --out DIR     where the merged seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  -h, --help    show this help`;
var spec4 = {
  name: "merge",
  usage: MERGE_USAGE,
  allowPositionals: true,
  options: { name: { type: "string" }, out: { type: "string" }, json: { type: "boolean" } }
};
var ARGUMENT = "merge <part...>";
async function mergeCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec4, args);
  if (values.help) {
    terminal.out(`${MERGE_USAGE}
`);
    return 0;
  }
  const name = requireValue("name", values.name);
  if (name === void 0) throw new SealError(`merge: --name is required: the name of the merged artifact, such as "release".

${MERGE_USAGE}`);
  if (positionals.length === 0) throw new SealError(`merge: give the seal bundle of each part to merge.

${MERGE_USAGE}`);
  const out = requireValue("out", values.out);
  const cwd = terminal.cwd;
  const build = buildContextFromEnv(terminal.env);
  const parts = positionals.map((arg) => partSourceFromArgument(arg, cwd, ARGUMENT));
  const { artifact, bundle, parts: merged } = await mergeSealBundles(parts, {
    name,
    build,
    outputDir: out ? path.resolve(cwd, out) : path.join(cwd, ".seal", fileSafeName(name)),
    inputName: ARGUMENT,
    outputInputName: "--out"
  });
  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir,
      parts: merged.map((p) => ({ name: p.name, digest: p.digest, kind: p.kind, fileCount: p.fileCount, checksumsPath: p.checksumsFile, statementPath: p.statementFile }))
    };
    terminal.out(`${JSON.stringify(result, null, 2)}
`);
    return 0;
  }
  const lines = [];
  const row = (label, value) => void lines.push(`  ${label.padEnd(10)} ${value}`);
  lines.push(`Merged ${artifact.name} from ${formatCount(merged.length, "part")}`);
  row("digest", artifact.digest);
  row("content", formatCount(artifact.fileCount, "file"));
  const links = provenanceLinks(build);
  if (links.commit) row("commit", `${links.commit.url} (${links.commit.ref})`);
  if (links.run) row("run", links.run.url);
  row("listing", bundle.checksumsPath);
  row("statement", bundle.statementPath);
  lines.push("  parts:");
  const width = Math.min(40, Math.max(...merged.map((p) => p.name.length)));
  for (const p of merged) {
    const note = p.statementFile === null ? ", no statement to check" : "";
    lines.push(`    ${p.name.padEnd(width)}  ${p.digest}  ${p.kind === "file" ? "single file" : formatCount(p.fileCount, "file")}${note}`);
  }
  terminal.out(`${lines.join("\n")}
`);
  return 0;
}

// src/cli/promote-command.ts
import * as path2 from "node:path";
var DEFAULT_POLICY_PATH = ".github/promotion.yml";
var PROMOTE_USAGE = `Usage: artifact-seal promote <digest|previous> --environment ENV [options]

Lets a sealed digest into an environment when the promotion policy holds, and records
the decision in the ledger. Exits 1 when it is refused.

  --environment ENV   the environment, as the policy names it
  --path P            the bytes about to be deployed: re-verified first (repeatable)
  --checksums FILE    the sealed listing, to name the files that differ
  --root DIR          the directory listing paths are relative to
  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_PATH})
${LEDGER_HELP}
  --rollback          return to a digest the environment ran before ("previous": the last good one)
  --dry-run           decide, record nothing
  --name NAME         the artifact's name, for the records
  --json              print the decision as JSON
  -h, --help          show this help`;
var spec5 = {
  name: "promote",
  usage: PROMOTE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: "string" },
    path: { type: "string", multiple: true },
    checksums: { type: "string" },
    root: { type: "string" },
    policy: { type: "string" },
    rollback: { type: "boolean" },
    "dry-run": { type: "boolean" },
    name: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS
  }
};
async function promoteCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec5, args);
  if (values.help) {
    terminal.out(`${PROMOTE_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1) throw new SealError(`promote: give one digest (or "previous" with --rollback).

${PROMOTE_USAGE}`);
  const environment = requireValue("environment", values.environment);
  if (environment === void 0) throw new SealError(`promote: --environment is required.

${PROMOTE_USAGE}`);
  const given = positionals[0];
  if (given === "previous" && !values.rollback) throw new SealError('promote: "previous" means a rollback; add --rollback, or give a digest.');
  const digest = given === "previous" ? "previous" : parseDigest(given, "promote <digest>");
  const cwd = terminal.cwd;
  const checksums = requireValue("checksums", values.checksums);
  const checksumsFile = checksums ? path2.resolve(cwd, checksums) : null;
  const root = requireValue("root", values.root);
  const paths = values.path ?? [];
  if (checksumsFile && paths.length === 0) throw new SealError("promote: --checksums names the files that differ; give --path with the bytes to check too.");
  const sealed = digest === "previous" ? null : sealInfoBesideListing(checksumsFile, digest);
  const policy = loadPolicy(path2.resolve(cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_PATH), "--policy", cwd);
  const ledger = await ledgerFromOptions(values, terminal, !(values["dry-run"] ?? false));
  const result = await promoteDigest(
    {
      environment,
      digest,
      rollback: values.rollback ?? false,
      dryRun: values["dry-run"] ?? false,
      name: requireValue("name", values.name) ?? sealed?.name ?? null,
      environmentUrl: null,
      sealedBy: sealed?.sealedBy ?? null,
      requester: requesterFromEnv(terminal.env),
      inputs: { environment: "--environment", digest: "promote <digest>" },
      artifact: null,
      ...paths.length > 0 ? {
        verifyBytes: (expected) => fetchAndCheckBytes(
          {
            kind: "local",
            subject: { kind: "paths", patterns: parseSubjectPatterns(paths.join("\n")), baseDir: cwd, inputName: "--path", ...root ? { root } : {} },
            checksumsFile
          },
          expected,
          NOTHING_KNOWN,
          {
            env: terminal.env,
            downloadsDir: path2.join(cwd, ".artifact-seal", "downloads"),
            seal: { fallbackName: fallbackName(terminal.env, cwd), build: buildContextFromEnv(terminal.env), onProgress: (p) => terminal.progress(describeProgress(p)) },
            inputs: { expected: "promote <digest>", checksums: "--checksums", cache: "--cache", artifactName: "--artifact-name" },
            log: (message) => terminal.progress(message)
          }
        )
      } : {}
    },
    policy,
    ledger,
    () => /* @__PURE__ */ new Date()
  );
  if (values.json) {
    terminal.out(`${JSON.stringify({ ...result.decision, previous: result.previous?.digest ?? null, record: result.record }, null, 2)}
`);
  } else {
    const status = await pipelineStatus(policy, ledger);
    terminal.out(renderPromotionText({ result, policy, status, ledger: ledger.location, name: result.name, dryRun: values["dry-run"] ?? false }));
  }
  return result.decision.allowed ? 0 : 1;
}

// src/cli/seal-command.ts
import * as path3 from "node:path";

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

// src/cli/terminal.ts
function processTerminal() {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    progress: (line) => void process.stderr.write(`${line}
`)
  };
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
var spec6 = {
  name: "seal",
  usage: SEAL_USAGE,
  allowPositionals: true,
  options: { name: { type: "string" }, root: { type: "string" }, out: { type: "string" }, json: { type: "boolean" } }
};
async function sealCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec6, args);
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
    { outputDir: out ? path3.resolve(cwd, out) : null, defaultParent: path3.join(cwd, ".seal"), inputName: "--out" }
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

// src/cli/status-command.ts
import * as path4 from "node:path";
var STATUS_USAGE = `Usage: artifact-seal status [--policy FILE] [--ledger L] [--json]

What each environment of the promotion policy runs now, and since when.

  --policy FILE   the promotion policy (default ${DEFAULT_POLICY_PATH})
${LEDGER_HELP}
  --json          print it as JSON
  -h, --help      show this help`;
var spec7 = {
  name: "status",
  usage: STATUS_USAGE,
  allowPositionals: false,
  options: { policy: { type: "string" }, json: { type: "boolean" }, ...LEDGER_OPTIONS }
};
async function statusCommand(args, terminal) {
  const { values } = parseCommand(spec7, args);
  if (values.help) {
    terminal.out(`${STATUS_USAGE}
`);
    return 0;
  }
  const policy = loadPolicy(path4.resolve(terminal.cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_PATH), "--policy", terminal.cwd);
  const status = await pipelineStatus(policy, await ledgerFromOptions(values, terminal));
  terminal.out(values.json ? `${JSON.stringify(status, null, 2)}
` : `${renderStatusText(status).join("\n")}
`);
  return status.some((s) => s.error !== null) ? 1 : 0;
}

// src/cli/verify-command.ts
import * as path5 from "node:path";
var VERIFY_USAGE = `Usage: artifact-seal verify <path...> --digest DIGEST [--checksums FILE] [--root DIR] [--json]

Recomputes the digest of the files and compares it with the sealed digest. Exits 1 when
they differ, naming every file that changed, went missing or appeared (with --checksums).

  <path...>          the files, directories or globs, as they were sealed
  --digest DIGEST    the sealed digest ("sha256:<hex>" or bare hex)
  --checksums FILE   the sealed checksums listing, to name the files that differ
  --root DIR         the directory listing paths are relative to
  --json             print the result as JSON
  -h, --help         show this help`;
var spec8 = {
  name: "verify",
  usage: VERIFY_USAGE,
  allowPositionals: true,
  options: { digest: { type: "string" }, checksums: { type: "string" }, root: { type: "string" }, json: { type: "boolean" } }
};
async function verifyCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec8, args);
  if (values.help) {
    terminal.out(`${VERIFY_USAGE}
`);
    return 0;
  }
  if (positionals.length === 0) throw new SealError(`verify: give the files to check.

${VERIFY_USAGE}`);
  const digest = requireValue("digest", values.digest);
  if (digest === void 0) throw new SealError(`verify: --digest is required: the digest the seal printed.

${VERIFY_USAGE}`);
  const root = requireValue("root", values.root);
  const checksums = requireValue("checksums", values.checksums);
  const result = await verifyArtifact(
    {
      subject: { kind: "paths", patterns: parseSubjectPatterns(positionals.join("\n")), baseDir: terminal.cwd, inputName: "verify <path...>", ...root ? { root } : {} },
      expected: parseDigest(digest, "--digest"),
      checksumsFile: checksums ? path5.resolve(terminal.cwd, checksums) : null,
      checksumsInput: "--checksums",
      expectedInput: "--digest"
    },
    { fallbackName: fallbackName(terminal.env, terminal.cwd), build: buildContextFromEnv(terminal.env), onProgress: (p) => terminal.progress(describeProgress(p)) }
  );
  if (values.json) {
    terminal.out(`${JSON.stringify({ verified: result.verified, expected: result.expected, digest: result.actual, mismatches: result.mismatches }, null, 2)}
`);
  } else if (result.verified) {
    terminal.out(`Verified: ${result.artifact.fileCount} files are the sealed bytes, ${result.actual}
`);
  } else {
    const lines = [`NOT the sealed bytes`, `  sealed  ${result.expected}`, `  found   ${result.actual}`, ...mismatchLines(result.mismatches)];
    if (!result.listingGiven) lines.push("  (give --checksums with the sealed listing to name the files that differ)");
    terminal.out(`${lines.join("\n")}
`);
  }
  return result.verified ? 0 : 1;
}

// src/cli/veto-command.ts
var VETO_USAGE = `Usage: artifact-seal veto <digest> --reason TEXT --environment ENV [--ledger L]

Marks a digest bad, for example after failed checks: from then on no environment
accepts it and rollbacks skip it.

  --reason TEXT       why, for the record (required)
  --environment ENV   where the problem was found (required)
  --name NAME         the artifact's name, for the record
${LEDGER_HELP}
  -h, --help          show this help`;
var spec9 = {
  name: "veto",
  usage: VETO_USAGE,
  allowPositionals: true,
  options: { reason: { type: "string" }, environment: { type: "string" }, name: { type: "string" }, ...LEDGER_OPTIONS }
};
async function vetoCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec9, args);
  if (values.help) {
    terminal.out(`${VETO_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1) throw new SealError(`veto: give one digest.

${VETO_USAGE}`);
  const reason = requireValue("reason", values.reason);
  const environment = requireValue("environment", values.environment);
  if (reason === void 0 || environment === void 0) throw new SealError(`veto: --reason and --environment are required.

${VETO_USAGE}`);
  const digest = parseDigest(positionals[0], "veto <digest>");
  const ledger = await ledgerFromOptions(values, terminal, true);
  const record = await vetoDigest(
    { digest, environment, reason, name: requireValue("name", values.name) ?? null, requester: requesterFromEnv(terminal.env) },
    ledger,
    () => /* @__PURE__ */ new Date()
  );
  terminal.out(`VETOED  ${digest}
  reason    ${reason}
  recorded  ${ledger.location} #${record.id}
No environment accepts this digest now; rollbacks skip it.
`);
  return 0;
}

// src/cli/main.ts
var USAGE = `Usage: artifact-seal <command> [options]

Seal a build artifact's digest, check later that the bytes are the sealed ones, and
promote the digest between environments when the promotion policy holds.

Commands:
  seal <path...>          seal files, directories or globs
  verify <path...>        check files against a sealed digest, naming every difference
  diff <sealed> <other>   name every file that differs between two checksums listings
  merge <part...>         merge the seals of a matrix build's parts into one seal
  promote <digest>        let a digest into an environment (or --rollback) and record it
  veto <digest>           mark a digest bad: no environment accepts it afterwards
  history                 who ran what since when
  status                  what each environment runs now
  ledger verify           check a file ledger's hash chain

Run "artifact-seal <command> --help" for a command's options.
  -v, --version           print the version`;
var COMMANDS = {
  seal: { run: sealCommand, usage: SEAL_USAGE },
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  merge: { run: mergeCommand, usage: MERGE_USAGE },
  promote: { run: promoteCommand, usage: PROMOTE_USAGE },
  veto: { run: vetoCommand, usage: VETO_USAGE },
  history: { run: historyCommand, usage: HISTORY_USAGE },
  status: { run: statusCommand, usage: STATUS_USAGE },
  ledger: { run: ledgerCommand, usage: LEDGER_USAGE }
};
async function main(args, terminal) {
  const [command, ...rest] = args;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    terminal.out(`${USAGE}
`);
    return command === void 0 ? 1 : 0;
  }
  if (command === "--version" || command === "-v") {
    terminal.out(`${VERSION}
`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    terminal.err(`artifact-seal: unknown command ${JSON.stringify(command)}.

${USAGE}
`);
    return 1;
  }
  try {
    return await entry.run(rest, terminal);
  } catch (error) {
    if (error instanceof SealError) {
      terminal.err(`artifact-seal: ${error.message}
`);
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      terminal.err(`artifact-seal: unexpected error: ${e.message}
${terminal.env.ARTIFACT_SEAL_DEBUG ? `${e.stack}
` : "Set ARTIFACT_SEAL_DEBUG=1 for the stack trace.\n"}`);
    }
    return 1;
  }
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2), processTerminal());
