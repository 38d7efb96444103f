import {
  readSigstoreBundleBeside
} from "./chunk-YOF4W5VX.js";
import {
  sigstoreBundleBeside
} from "./chunk-4WMSIVT4.js";
import {
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";

// src/app/signature/find-signature.ts
async function findSignatures(digest, sources) {
  const candidates = [];
  const beside = sources.checksumsFile === null ? null : sigstoreBundleBeside(sources.checksumsFile);
  const looked = [];
  if (beside !== null) {
    const read = readSigstoreBundleBeside(
      sources.checksumsFile,
      (why, file) => new SealError(
        "unreadable",
        `cannot read the Sigstore bundle ${quote(file)} (${why}). Make it readable, or give the seal bundle as the seal wrote it.`
      )
    );
    looked.push(`no ${quote(beside)} beside the listing`);
    if (read !== null)
      candidates.push({
        bundle: read.notJson === null ? read.json : { unparsable: beside },
        source: beside,
        digest: sha256Digest(read.text)
      });
  }
  if (candidates.length === 0 && sources.attestations !== null) {
    const found = await sources.attestations(digest);
    looked.push(
      sources.attestationsLooked?.(digest) ?? `no attestation for ${digest} in the repository's attestations`
    );
    candidates.push(...found);
  }
  return { candidates, looked };
}
function unsignedCheck(digest, looked) {
  const where = looked.length > 0 ? looked.join(", and ") : "no seal bundle travelled with the bytes and no attestations API was asked";
  return { status: "unsigned", detail: `The seal of ${digest} carries no signature: ${where}.` };
}

export {
  findSignatures,
  unsignedCheck
};
