import {
  judgeSignature,
  signerExpectation,
  signerName
} from "./chunk-JQVMIM4I.js";
import {
  verifyArtifact
} from "./chunk-XL7QM46K.js";
import "./chunk-ENTDSYKT.js";
import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-UYOJHDR5.js";
import {
  PLAIN_HTTP_HELP,
  PLAIN_HTTP_OPTIONS,
  plainHttpRegistries
} from "./chunk-E4QCWJIG.js";
import {
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  readCliSignerCheck,
  requirementReason,
  signatureRequired
} from "./chunk-VMITG4QB.js";
import "./chunk-6HQEGJDK.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import {
  checkSignature
} from "./chunk-J3Q3E3RM.js";
import "./chunk-BTGAOTTD.js";
import "./chunk-6YWBE2YG.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-A63B7KBV.js";
import "./chunk-GCWGIEKY.js";
import {
  mismatchLines
} from "./chunk-C4PID2OS.js";
import {
  buildContextFromEnv,
  fallbackName
} from "./chunk-ATCQMFML.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  formatCount
} from "./chunk-HCENANLJ.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-JPYWA7SW.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import {
  isImageSubject,
  parseImageSubject
} from "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import {
  parseDigest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  plain,
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/verify-command.ts
var VERIFY_USAGE = `Usage: artifact-seal verify <path...> --digest DIGEST [--checksums FILE] [--root DIR] [--json]
       artifact-seal verify oci://<image> --digest DIGEST [--checksums FILE] [--json]

Recomputes the digest of the files and compares it with the sealed digest. Exits 1 when
they differ, naming every file that changed, went missing or appeared (with --checksums).
The files must be of the kind that was sealed (one file, or a tree): the listing and the
statement beside it say which, and one file whose bytes are a checksums listing is
refused, since its sha256 is also the digest of the tree it lists.

  <path...>          the files, directories or globs, as they were sealed
  oci://<image>      an image in its registry (ghcr.io/acme/app:1.4.0): its tag must name DIGEST,
                     or @sha256:\u2026 a platform image of the sealed index; prints what to deploy
  --digest DIGEST    the sealed digest ("sha256:<hex>" or bare hex)
  --checksums FILE   the sealed checksums listing, to name the files that differ
  --root DIR         the directory listing paths are relative to
  --json             print the result as JSON
${PLAIN_HTTP_HELP}

With a signed seal (<name>.sigstore.json beside the listing) the signature is checked too:
${SIGNER_USAGE}
  -h, --help         show this help`;
var spec = {
  name: "verify",
  usage: VERIFY_USAGE,
  allowPositionals: true,
  options: {
    ...PLAIN_HTTP_OPTIONS,
    digest: { type: "string" },
    checksums: { type: "string" },
    root: { type: "string" },
    json: { type: "boolean" },
    ...SIGNER_OPTIONS
  }
};
async function verifyCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${VERIFY_USAGE}
`);
    return 0;
  }
  if (positionals.length === 0)
    throw new SealError("usage", `verify: give the files to check.

${VERIFY_USAGE}`);
  const digest = requireValue("digest", values.digest);
  if (digest === void 0)
    throw new SealError(
      "usage",
      `verify: --digest is required: the digest the seal printed.

${VERIFY_USAGE}`
    );
  const root = requireValue("root", values.root);
  const checksums = requireValue("checksums", values.checksums);
  const signer = readCliSignerCheck(values, terminal.cwd, terminal.env);
  const plainHttp = plainHttpRegistries(values);
  if (isImageSubject(positionals.join("\n"))) {
    if (root)
      throw new SealError(
        "usage",
        `verify: --root applies to files; ${quote(positionals.join(" "))} is an image.

${VERIFY_USAGE}`
      );
    return verifyImage(
      positionals.join("\n"),
      parseDigest(digest, "--digest"),
      checksums ? resolve(terminal.cwd, checksums) : null,
      signer,
      values.json === true,
      terminal,
      plainHttp
    );
  }
  const result = await verifyArtifact(
    {
      subject: {
        kind: "paths",
        patterns: parseSubjectPatterns(positionals.join("\n")),
        baseDir: terminal.cwd,
        inputName: "verify <path...>",
        unusedExclusions: "allow",
        ...root ? { root } : {}
      },
      expected: parseDigest(digest, "--digest"),
      checksumsFile: checksums ? resolve(terminal.cwd, checksums) : null,
      checksumsInput: "--checksums",
      expectedInput: "--digest"
    },
    {
      fallbackName: fallbackName(terminal.env, terminal.cwd),
      build: buildContextFromEnv(terminal.env),
      onProgress: (p) => terminal.progress(describeProgress(p))
    }
  );
  const required = signatureRequired(signer, false);
  const signature = result.verified ? await checkSignature(
    result.expected,
    {
      checksumsFile: checksums ? resolve(terminal.cwd, checksums) : null,
      attestations: null
    },
    signerExpectation(signer, required, terminal.env)
  ) : null;
  const verdict = signature === null ? null : judgeSignature(signature, required ? requirementReason(signer, false) : null);
  const refusal = verdict !== null && !verdict.accepted ? verdict.reason : null;
  const signedBy = signerName(signature);
  const paint = terminal.paint ?? plain;
  if (values.json) {
    const json = {
      verified: result.verified && refusal === null,
      expected: result.expected,
      digest: result.actual,
      mismatches: result.mismatches,
      signer: signedBy,
      signatureRefused: refusal
    };
    printJson(terminal, json);
  } else if (result.verified && refusal !== null) {
    terminal.out(
      `The files are the sealed bytes, ${result.actual}, but the signature is ${paint("bad", "not accepted")}:
  ${refusal}
`
    );
  } else if (result.verified) {
    terminal.out(
      `${paint("good", "Verified")}: ${formatCount(result.artifact.fileCount, "file is", "files are")} the sealed bytes, ${result.actual}
${signedBy ? `Signed by ${signedBy}
` : ""}`
    );
  } else {
    const lines = [
      paint("bad", "NOT the sealed bytes"),
      `  sealed  ${result.expected}`,
      `  found   ${result.actual}`,
      ...mismatchLines(result.mismatches, paint)
    ];
    if (!result.listingGiven)
      lines.push("  (give --checksums with the sealed listing to name the files that differ)");
    terminal.out(`${lines.join("\n")}
`);
  }
  return result.verified && refusal === null ? 0 : 1;
}
async function verifyImage(text, expected, checksumsFile, signer, json, terminal, plainHttp) {
  const { checkImageBytes, imageSignatureSources } = await import("./image-bytes-2V4XRPZD.js");
  const { openImageRegistry } = await import("./open-registry-MKVPUX7B.js");
  const source = {
    kind: "image",
    reference: parseImageSubject(text, "verify <image>"),
    inputName: "verify <image>",
    token: terminal.env.GITHUB_TOKEN ?? "",
    checksumsFile,
    plainHttp
  };
  const registry = openImageRegistry(terminal.env, source.token, {
    insecureRegistries: plainHttp
  });
  const checked = await checkImageBytes(source, expected, registry);
  const required = signatureRequired(signer, false);
  const base = { checksumsFile, attestations: null };
  const signature = await checkSignature(
    expected,
    required || signer.asksForSigner ? imageSignatureSources(base, source, registry) : base,
    signerExpectation(signer, required, terminal.env)
  );
  const verdict = judgeSignature(signature, required ? requirementReason(signer, false) : null);
  const refusal = verdict.accepted ? null : verdict.reason;
  const signedBy = signerName(signature);
  if (json) {
    printJson(terminal, {
      verified: refusal === null,
      expected,
      digest: checked.actual,
      mismatches: [],
      signer: signedBy,
      signatureRefused: refusal,
      imageRef: checked.image.imageRef
    });
  } else if (refusal !== null) {
    terminal.out(
      `The image is the sealed ${expected}, but the signature is not accepted:
  ${refusal}
`
    );
  } else {
    terminal.out(
      `Verified: ${source.reference.name} is the sealed ${expected}
Deploy ${checked.image.imageRef}
${signedBy ? `Signed by ${signedBy}
` : ""}`
    );
  }
  return refusal === null ? 0 : 1;
}
export {
  VERIFY_USAGE,
  verifyCommand
};
