import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  sealSubject
} from "./chunk-IYSVIPOP.js";
import {
  describesListing,
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-GVTCPM22.js";
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/app/verify-artifact.ts
import * as fs from "node:fs";
async function verifyArtifact(request, options) {
  const sealedEntries = request.checksumsFile === null ? null : readSealedListing(request);
  const artifact = await sealSubject(request.subject, options);
  const verified = artifact.digest === request.expected;
  const mismatches = verified || sealedEntries === null ? [] : diffListings(sealedEntries, parseListing(artifact.listing.toString("utf8"), "the recomputed listing"));
  return { verified, expected: request.expected, actual: artifact.digest, artifact, mismatches, listingGiven: sealedEntries !== null };
}
function readSealedListing(request) {
  const file = request.checksumsFile;
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(
      `${request.checksumsInput}: cannot read ${quote(file)} (${error.code ?? String(error)}). Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the seal bundle).`
    );
  }
  const entries = parseListing(text, file);
  if (describesListing(entries, request.expected) === null) {
    throw new SealError(
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return entries;
}

export {
  verifyArtifact
};
