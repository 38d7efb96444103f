import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-OQ72UPIU.js";
import {
  PROMOTION_EXTENSION,
  readVerificationSummary
} from "./chunk-R2DDLSAQ.js";
import {
  readRecordAttestation
} from "./chunk-PEENHNVN.js";
import "./chunk-7EN7PEUO.js";
import {
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  readCliSignerCheck
} from "./chunk-VMITG4QB.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import "./chunk-LYSN4LFY.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  parseCommand
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import {
  hexOf,
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/ledger/verify-record.ts
async function verifyRecordAttestation(record, location, expectation, env, token) {
  const link = record.attestation;
  if (link === void 0 || link === null) {
    throw new SealError(
      "refused",
      `record ${record.id} has no attestation: the promote that wrote it did not sign (give it sign: key or keyless, or run it with "id-token: write").`
    );
  }
  const { bundle, source } = link.id !== null || /^https?:/.test(link.uri) ? await fromApi(record, link.digest, env, token) : fromFile(record, link.uri, link.digest, location);
  const { signingMaterialOf, verifyAttestation } = await import("./verify-bundle-EJZ6CUZ2.js");
  const keyed = signingMaterialOf(bundle) === "key";
  if (!keyed && expectation.identity === null) {
    throw new SealError(
      "bad-input",
      `the attestation of record ${record.id} (${source}) is signed keyless: give --signer-repository (and --signer-workflow) to say whose signature is accepted, and --trusted-root for offline use.`
    );
  }
  const { loadTrustedRoot } = await import("./trusted-root-EJNKZWTJ.js");
  const verified = await verifyAttestation(bundle, {
    trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
    publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey],
    ...keyed || expectation.identity === null ? {} : { identity: expectation.identity }
  });
  const vsa = readVerificationSummary(verified.statement);
  const hex = hexOf(record.digest);
  if (!vsa.subject.some((s) => s.digest.sha256 === hex)) {
    throw new SealError(
      "tampered",
      `the attestation of record ${record.id} (${source}) is a verification summary of ${vsa.subject.map((s) => s.digest.sha256 ?? "?").join(", ")}, not of the record's digest ${record.digest}.`
    );
  }
  const extension = vsa.predicate[PROMOTION_EXTENSION];
  if (extension?.key !== record.key) {
    throw new SealError(
      "tampered",
      `the attestation of record ${record.id} (${source}) summarizes the record with key ${quote(String(extension?.key))}, not this record's ${quote(record.key)}: it belongs to another decision about the same digest.`
    );
  }
  return {
    result: vsa.predicate.verificationResult,
    verifier: vsa.predicate.verifier.id,
    timeVerified: vsa.predicate.timeVerified ?? null,
    signer: verified.signer.kind === "key" ? `key:${verified.signer.hint}` : verified.signer.identity.subjectAlternativeName,
    source
  };
}
function fromFile(record, uri, digest, location) {
  if (location.kind !== "file")
    throw new SealError(
      "bad-input",
      `record ${record.id} links its attestation as ${quote(uri)}, a file, but the ledger is not a file ledger to find it beside.`
    );
  const { file, bytes } = readRecordAttestation(
    location.file,
    uri,
    (why, file2) => new SealError(
      "unreadable",
      `cannot read the attestation of record ${record.id}, ${quote(file2)} (${why}). Keep the ledger's .attestations directory beside it.`
    )
  );
  const actual = sha256Digest(bytes);
  if (actual !== digest) {
    throw new SealError(
      "tampered",
      `the attestation of record ${record.id}, ${quote(file)}, is ${actual}, not the ${digest} the record pins: the bundle was replaced or edited after the record was written.`
    );
  }
  try {
    return { bundle: JSON.parse(bytes.toString("utf8")), source: file };
  } catch {
    throw new SealError(
      "malformed",
      `the attestation of record ${record.id}, ${quote(file)}, is not JSON.`
    );
  }
}
async function fromApi(record, digest, env, token) {
  if (!env.GITHUB_REPOSITORY || token === "") {
    throw new SealError(
      "bad-input",
      `record ${record.id} links its attestation in the repository's attestations API (${record.attestation?.uri ?? ""}): set GITHUB_REPOSITORY (owner/name) and GITHUB_TOKEN (with "attestations: read") to fetch it.`
    );
  }
  const { listAttestations } = await import("./attestations-api-IYZDQYVU.js");
  const found = await listAttestations(record.digest, { env, token, tokenInput: "GITHUB_TOKEN" });
  const match = found.find((candidate) => candidate.digest === digest);
  if (match === void 0) {
    throw new SealError(
      "tampered",
      `none of the ${found.length} attestations of ${record.digest} in ${env.GITHUB_REPOSITORY} is the bundle record ${record.id} pins (${digest}): it was deleted, or the record was edited.`
    );
  }
  return { bundle: match.bundle, source: record.attestation?.uri ?? match.source };
}

// src/cli/verify-record-command.ts
var VERIFY_RECORD_USAGE = `Usage: artifact-seal verify-record <record-id> [--ledger L] [--public-key FILE | --trusted-root FILE --signer-repository O/R]

Checks the signed verification summary (SLSA VSA) a promote wrote for a ledger record: the
bundle beside a file ledger (or in the repository's attestations, with GITHUB_REPOSITORY and
GITHUB_TOKEN) must be the bytes the record pins, verify with the key or the signer given,
and be about the record's digest and key. Prints the summary's result (PASSED or FAILED)
and who decided. Exits 1 when the attestation does not check out.

  <record-id>   the record, as "history" or the promote step's record-id shows it
${LEDGER_HELP}
${SIGNER_USAGE}
  --json        print {verified, record, result, verifier, timeVerified, signer, bundle} (or
                {verified: false, record, reason}) as JSON
  -h, --help    show this help`;
var spec = {
  name: "verify-record",
  usage: VERIFY_RECORD_USAGE,
  allowPositionals: true,
  options: { json: { type: "boolean" }, ...LEDGER_OPTIONS, ...SIGNER_OPTIONS }
};
async function verifyRecordCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${VERIFY_RECORD_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new SealError("usage", `verify-record: give one record id.

${VERIFY_RECORD_USAGE}`);
  const id = positionals[0];
  const settings = readCliSignerCheck(values, terminal.cwd, terminal.env);
  const ledger = await ledgerFromOptions(values, terminal);
  let record = null;
  for await (const entry of ledger.entries()) {
    if (entry.id === id) {
      record = entry;
      break;
    }
  }
  if (record === null)
    throw new SealError(
      "bad-input",
      `verify-record: ${quote(ledger.location)} has no record ${quote(id)}. Give an id "artifact-seal history" shows.`
    );
  const serverUrl = serverUrlOf(terminal.env);
  const identity = settings.repository === null ? null : identityPolicy({ ...settings, repository: settings.repository }, serverUrl);
  try {
    const verified = await verifyRecordAttestation(
      record,
      ledgerLocationFromOptions(values, terminal),
      {
        publicKey: settings.publicKey,
        trustedRootFile: settings.trustedRootFile,
        tufMirrors: settings.tufMirrors,
        identity
      },
      terminal.env,
      terminal.env.GITHUB_TOKEN ?? ""
    );
    if (values.json) {
      const { result, verifier, timeVerified, signer, source } = verified;
      printJson(terminal, {
        verified: true,
        record,
        result,
        verifier,
        timeVerified: timeVerified ?? null,
        signer,
        bundle: source
      });
      return 0;
    }
    terminal.out(
      `${verified.result}  record ${record.id}: ${record.outcome} ${record.digest} in ${record.environment}
  verifier  ${verified.verifier}${verified.timeVerified ? ` at ${verified.timeVerified}` : ""}
  signed    ${verified.signer}
  bundle    ${verified.source}
`
    );
    return 0;
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    if (values.json) {
      printJson(terminal, { verified: false, record, reason: error.message, code: error.code });
      return 1;
    }
    terminal.out(`NOT VERIFIED  record ${record.id} in ${ledger.location}: ${error.message}
`);
    return 1;
  }
}
export {
  VERIFY_RECORD_USAGE,
  verifyRecordCommand
};
