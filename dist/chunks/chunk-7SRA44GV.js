import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  sealSubject
} from "./chunk-KQBLYS6I.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-EYKS4CAZ.js";
import {
  hexOf
} from "./chunk-6NUB2OMI.js";
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
  const listed = digestOfListing(formatListing(entries));
  const oneFile = entries.length === 1 && entries[0]?.hex === hexOf(request.expected);
  if (listed !== request.expected && !oneFile) {
    throw new SealError(
      `${request.checksumsInput}: ${quote(file)} is the listing of ${listed}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return entries;
}

export {
  verifyArtifact
};
