import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  mismatchLines
} from "./chunk-LMURGZXG.js";
import {
  parseCommand,
  requireValue
} from "./chunk-GSG2IMQB.js";
import {
  verifyArtifact
} from "./chunk-EXUFTQFU.js";
import {
  describeProgress
} from "./chunk-SB5SYUBX.js";
import "./chunk-IM7BOTGG.js";
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
import {
  parseDigest
} from "./chunk-MQKQALL5.js";
import {
  SealError
} from "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";

// src/cli/verify-command.ts
import * as path from "node:path";
var VERIFY_USAGE = `Usage: artifact-seal verify <path...> --digest DIGEST [--checksums FILE] [--root DIR] [--json]

Recomputes the digest of the files and compares it with the sealed digest. Exits 1 when
they differ, naming every file that changed, went missing or appeared (with --checksums).
The files must be of the kind that was sealed (one file, or a tree): the listing and the
statement beside it say which, and one file whose bytes are a checksums listing is
refused, since its sha256 is also the digest of the tree it lists.

  <path...>          the files, directories or globs, as they were sealed
  --digest DIGEST    the sealed digest ("sha256:<hex>" or bare hex)
  --checksums FILE   the sealed checksums listing, to name the files that differ
  --root DIR         the directory listing paths are relative to
  --json             print the result as JSON
  -h, --help         show this help`;
var spec = {
  name: "verify",
  usage: VERIFY_USAGE,
  allowPositionals: true,
  options: { digest: { type: "string" }, checksums: { type: "string" }, root: { type: "string" }, json: { type: "boolean" } }
};
async function verifyCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
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
      subject: { kind: "paths", patterns: parseSubjectPatterns(positionals.join("\n")), baseDir: terminal.cwd, inputName: "verify <path...>", unusedExclusions: "allow", ...root ? { root } : {} },
      expected: parseDigest(digest, "--digest"),
      checksumsFile: checksums ? path.resolve(terminal.cwd, checksums) : null,
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
export {
  VERIFY_USAGE,
  verifyCommand
};
