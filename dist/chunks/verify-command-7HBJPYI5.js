import {
  checkSignature,
  judgeSignature,
  signerExpectation,
  signerName,
  verifyArtifact
} from "./chunk-DTOWP25J.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-Q7VPIQTJ.js";
import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-UYOJHDR5.js";
import {
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  readCliSignerCheck,
  requirementReason,
  signatureRequired
} from "./chunk-RJPXK7BK.js";
import "./chunk-HCENANLJ.js";
import {
  buildContextFromEnv,
  fallbackName
} from "./chunk-IIYLCD7Z.js";
import "./chunk-V6AMOPUS.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-YUA324DC.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-KHX3GFAB.js";
import "./chunk-C5FJLWC7.js";
import "./chunk-ENV3ZB4G.js";
import "./chunk-2GFDUF7I.js";
import {
  mismatchLines
} from "./chunk-5GONERZX.js";
import {
  parseCommand,
  requireValue
} from "./chunk-FCGIBEPM.js";
import "./chunk-3FEAGG5X.js";
import {
  parseDigest
} from "./chunk-PKGN7LAX.js";
import "./chunk-YBYEZDCV.js";
import "./chunk-WISAU6C5.js";
import {
  SealError
} from "./chunk-APYKEJN7.js";
import {
  printJson
} from "./chunk-3WEHOHFK.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-P2RVIIUY.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/cli/verify-command.ts
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

With a signed seal (<name>.sigstore.json beside the listing) the signature is checked too:
${SIGNER_USAGE}
  -h, --help         show this help`;
var spec = {
  name: "verify",
  usage: VERIFY_USAGE,
  allowPositionals: true,
  options: { digest: { type: "string" }, checksums: { type: "string" }, root: { type: "string" }, json: { type: "boolean" }, ...SIGNER_OPTIONS }
};
async function verifyCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${VERIFY_USAGE}
`);
    return 0;
  }
  if (positionals.length === 0) throw new SealError("usage", `verify: give the files to check.

${VERIFY_USAGE}`);
  const digest = requireValue("digest", values.digest);
  if (digest === void 0) throw new SealError("usage", `verify: --digest is required: the digest the seal printed.

${VERIFY_USAGE}`);
  const root = requireValue("root", values.root);
  const checksums = requireValue("checksums", values.checksums);
  const signer = readCliSignerCheck(values, terminal.cwd, terminal.env);
  const result = await verifyArtifact(
    {
      subject: { kind: "paths", patterns: parseSubjectPatterns(positionals.join("\n")), baseDir: terminal.cwd, inputName: "verify <path...>", unusedExclusions: "allow", ...root ? { root } : {} },
      expected: parseDigest(digest, "--digest"),
      checksumsFile: checksums ? resolve(terminal.cwd, checksums) : null,
      checksumsInput: "--checksums",
      expectedInput: "--digest"
    },
    { fallbackName: fallbackName(terminal.env, terminal.cwd), build: buildContextFromEnv(terminal.env), onProgress: (p) => terminal.progress(describeProgress(p)) }
  );
  const required = signatureRequired(signer, false);
  const signature = result.verified ? await checkSignature(result.expected, { checksumsFile: checksums ? resolve(terminal.cwd, checksums) : null, attestations: null }, signerExpectation(signer, required, terminal.env)) : null;
  const verdict = signature === null ? null : judgeSignature(signature, required ? requirementReason(signer, false) : null);
  const refusal = verdict !== null && !verdict.accepted ? verdict.reason : null;
  const signedBy = signerName(signature);
  if (values.json) {
    const json = { verified: result.verified && refusal === null, expected: result.expected, digest: result.actual, mismatches: result.mismatches, signer: signedBy, signatureRefused: refusal };
    printJson(terminal, json);
  } else if (result.verified && refusal !== null) {
    terminal.out(`The files are the sealed bytes, ${result.actual}, but the signature is not accepted:
  ${refusal}
`);
  } else if (result.verified) {
    terminal.out(`Verified: ${result.artifact.fileCount} files are the sealed bytes, ${result.actual}
${signedBy ? `Signed by ${signedBy}
` : ""}`);
  } else {
    const lines = [`NOT the sealed bytes`, `  sealed  ${result.expected}`, `  found   ${result.actual}`, ...mismatchLines(result.mismatches)];
    if (!result.listingGiven) lines.push("  (give --checksums with the sealed listing to name the files that differ)");
    terminal.out(`${lines.join("\n")}
`);
  }
  return result.verified && refusal === null ? 0 : 1;
}
export {
  VERIFY_USAGE,
  verifyCommand
};
