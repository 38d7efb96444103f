import {
  describeContract,
  readContractFile
} from "./chunk-TCEWC7VX.js";
import "./chunk-RW4NSDQG.js";
import {
  CONTRACT_ANNOTATION,
  CONTRACT_FORMAT
} from "./chunk-JPYWA7SW.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import {
  parseListing
} from "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import {
  sha256Hex
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-PK6RSM65.js";
import {
  require_picomatch
} from "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/app/seal/seal-contract.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function collectContract(artifact, request) {
  const { inputs } = request;
  if (artifact.root === null) {
    throw new SealError(
      "bad-input",
      `${inputs.contract}: the contract is read from the sealed files, and this seal reads none. Seal with subject-path, or remove ${inputs.contract}.`
    );
  }
  const root = artifact.root;
  const listed = new Map(
    parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => [
      e.path,
      e.hex
    ])
  );
  const read = (rel, why) => {
    const hex = listed.get(rel);
    if (hex === void 0) {
      throw new SealError(
        "bad-input",
        `${inputs.contract}: ${why} ${quote(rel)}, which is not one of the sealed files. The contract must be part of the artifact: seal it with the rest.`
      );
    }
    const bytes = readContractFile(root, rel);
    if (bytes === null)
      throw new SealError(
        "unreadable",
        `${inputs.contract}: cannot read the sealed file ${quote(rel)} under ${quote(root)}. Seal again once the build has finished writing.`
      );
    if (sha256Hex(bytes) !== hex) {
      throw new SealError(
        "conflict",
        `${inputs.contract}: ${quote(rel)} changed while it was being sealed. Seal again once the build has finished writing.`
      );
    }
    return bytes;
  };
  const declared = /* @__PURE__ */ new Map();
  for (const { pattern, role } of request.patterns) {
    const isMatch = (0, import_picomatch.default)(pattern, { dot: true });
    const matches = [...listed.keys()].filter((p) => isMatch(p));
    if (matches.length === 0) {
      throw new SealError(
        "bad-input",
        `${inputs.contract}: ${quote(pattern)} matches none of the sealed files. Name contract files relative to the artifact's root (${quote(root)}).`
      );
    }
    for (const match of matches) declared.set(match, role);
  }
  const bytesOf = /* @__PURE__ */ new Map();
  const manifest = describeContract(
    [...declared].map(([rel, role]) => ({ path: rel, role })),
    (rel, why) => {
      const bytes = read(rel, why === "declared" ? "names" : "a contract file refers to");
      bytesOf.set(rel, bytes);
      return bytes;
    },
    { version: { given: request.version }, inputs }
  );
  return {
    manifest,
    files: manifest.files.map((f) => ({ path: f.path, bytes: bytesOf.get(f.path) }))
  };
}
function withContractAnnotation(statement, manifest) {
  const [first, ...rest] = statement.subject;
  if (first === void 0) return statement;
  const annotated = {
    ...first,
    annotations: {
      ...first.annotations,
      [CONTRACT_ANNOTATION]: {
        digest: manifest.digest,
        version: manifest.version,
        format: CONTRACT_FORMAT
      }
    }
  };
  return { ...statement, subject: [annotated, ...rest] };
}
export {
  collectContract,
  withContractAnnotation
};
