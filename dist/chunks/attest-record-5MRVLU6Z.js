import {
  pathToFileURL
} from "./chunk-NMCTWTTT.js";
import {
  basename,
  isAbsolute
} from "./chunk-SHE4BTPW.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/promote/attest-record.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/promote/attest-record.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/digest.ts:src/core/signing/vsa.ts
import { m12$digestFromHex as m12$digestFromHex2, m12$hexOf as m12$hexOf2, m12$parseDigest as m12$parseDigest2, m12$sha256Digest as m12$sha256Digest2, m12$sha256Hex as m12$sha256Hex2, m12$shortDigest as m12$shortDigest2 } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/core/signing/vsa.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../promote/index-core.js";

// stand-in:promote:src/core/promotion/record.ts:src/core/signing/vsa.ts
import { m22$DEFAULT_PENDING_TIMEOUT_MS, m22$OBSERVING, m22$OUTCOMES, m22$RESOLUTIONS, m22$confirmedOutcome, m22$describeService, m22$isEarlier, m22$makesLive, m22$serviceOf } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/core/signing/vsa.ts
import { m28$DIGEST_ONLY_ANNOTATION, m28$GITHUB_WORKFLOW_BUILD_TYPE, m28$LOCAL_BUILD_TYPE, m28$SLSA_PROVENANCE_TYPE, m28$STATEMENT_TYPE, m28$buildStatement, m28$commitUrl, m28$digestOnlySubject, m28$runUrl, m28$statementSubject, m28$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/json-shape.ts:src/core/signing/vsa.ts
import { m16$isRecord } from "../promote/index-core.js";

// src/core/signing/vsa.ts?promote
var VSA_PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
var VSA_SLSA_VERSION = "1.0";
var PROMOTION_EXTENSION = "urn:artifact-seal:promotion:v1";
function verificationSummary(input) {
  const hex = m12$hexOf2(m12$parseDigest2(input.digest, "the verification summary's subject digest"));
  const predicate = {
    verifier: {
      id: input.verifierId,
      version: typeof input.verifierVersion === "string" ? { "artifact-seal": input.verifierVersion } : { ...input.verifierVersion }
    },
    timeVerified: input.timeVerified,
    resourceUri: input.resourceUri,
    policy: input.policy.digest === null ? { uri: input.policy.uri } : { uri: input.policy.uri, digest: { sha256: input.policy.digest.sha256 } },
    ...input.inputAttestations.length === 0 ? {} : {
      inputAttestations: input.inputAttestations.map((a) => ({
        uri: a.uri,
        digest: { ...a.digest }
      }))
    },
    verificationResult: input.result,
    verifiedLevels: input.result === "FAILED" ? ["FAILED"] : [...input.verifiedLevels],
    slsaVersion: VSA_SLSA_VERSION,
    ...input.extension === void 0 ? {} : { [PROMOTION_EXTENSION]: { ...input.extension } }
  };
  return readVerificationSummary({
    _type: m28$STATEMENT_TYPE,
    subject: [{ name: input.subjectName, digest: { sha256: hex } }],
    predicateType: VSA_PREDICATE_TYPE,
    predicate
  });
}
var Invalid = class {
  constructor(path, problem) {
    this.path = path;
    this.problem = problem;
  }
  path;
  problem;
};
function fail(path, problem) {
  throw new Invalid(path, problem);
}
function shown(value) {
  if (value === void 0) return "nothing";
  const text = typeof value === "string" ? m14$quote2(value) : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}\u2026` : text;
}
function object(value, path) {
  if (!m16$isRecord(value)) fail(path, `must be an object, got ${shown(value)}`);
  return value;
}
function string(value, path) {
  if (typeof value !== "string" || value === "")
    fail(path, `must be a non-empty string, got ${shown(value)}`);
  return value;
}
function uri(value, path) {
  const text = string(value, path);
  if (!/^[a-z][a-z0-9+.-]*:\S+$/.test(text) || !URL.canParse(text))
    fail(path, `must be a URI with a lower-case scheme, got ${shown(value)}`);
  return text;
}
function timestamp(value, path) {
  const text = string(value, path);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) || Number.isNaN(Date.parse(text)))
    fail(path, `must be an RFC 3339 time in UTC ("\u2026Z"), got ${shown(value)}`);
  return text;
}
var HEX_LENGTHS = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
  sha1: 40,
  dirHash: 64
};
function digestSet(value, path) {
  const set = object(value, path);
  const entries = Object.entries(set);
  if (entries.length === 0) fail(path, "must name at least one digest");
  for (const [algorithm, digest] of entries) {
    const text = string(digest, `${path}.${algorithm}`);
    const length = HEX_LENGTHS[algorithm];
    if (length !== void 0 && !new RegExp(`^[0-9a-f]{${length}}$`).test(text))
      fail(
        `${path}.${algorithm}`,
        `must be ${length} lower-case hex characters, got ${shown(text)}`
      );
  }
  return set;
}
function stringMap(value, path) {
  const map = object(value, path);
  for (const [key, entry] of Object.entries(map)) string(entry, `${path}.${key}`);
  return map;
}
var VERIFIED_PROPERTIES = /* @__PURE__ */ new Set(["SLSA_SOURCE_TWO_PARTY_REVIEWED", "SLSA_BUILD_REPRODUCED"]);
var TRACK_LEVEL = /^SLSA_([A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)*)_LEVEL_(\d+|UNEVALUATED)$/;
function verifiedLevels(value, result, path) {
  if (!Array.isArray(value) || value.length === 0)
    fail(
      path,
      `must be a non-empty array of levels (such as ["SLSA_BUILD_LEVEL_2"]), got ${shown(value)}`
    );
  const tracks = /* @__PURE__ */ new Set();
  const levels = value.map((entry, index) => string(entry, `${path}[${index}]`));
  if (result === "FAILED" && (levels.length !== 1 || levels[0] !== "FAILED"))
    fail(path, `must be ["FAILED"] when verificationResult is FAILED, got ${shown(levels)}`);
  if (result === "PASSED" && levels.includes("FAILED"))
    fail(path, 'must not hold "FAILED" when verificationResult is PASSED');
  levels.forEach((level, index) => {
    if (level === "FAILED" || VERIFIED_PROPERTIES.has(level)) return;
    const track = TRACK_LEVEL.exec(level)?.[1];
    if (track === void 0) {
      if (level.startsWith("SLSA_"))
        fail(
          `${path}[${index}]`,
          `${shown(level)} is neither a SLSA level (SLSA_<TRACK>_LEVEL_<N> or _UNEVALUATED) nor a SLSA verified property; custom values must not start with SLSA_`
        );
      return;
    }
    if (tracks.has(track))
      fail(
        `${path}[${index}]`,
        `names a second level of the ${track} track; give only the highest level verified`
      );
    tracks.add(track);
  });
  return levels;
}
function dependencyLevels(value, path) {
  const map = object(value, path);
  for (const [level, count] of Object.entries(map)) {
    if (!Number.isSafeInteger(count) || count < 0)
      fail(`${path}.${level}`, `must be a count (a whole number, 0 or more), got ${shown(count)}`);
  }
  return map;
}
function promotionExtension(value, path) {
  const facts = object(value, path);
  string(facts.key, `${path}.key`);
  string(facts.environment, `${path}.environment`);
  const outcome = string(facts.outcome, `${path}.outcome`);
  if (!m22$OUTCOMES.includes(outcome))
    fail(`${path}.outcome`, `must be one of ${m22$OUTCOMES.join(", ")}, got ${shown(outcome)}`);
  if (facts.mode !== null && facts.mode !== "promote" && facts.mode !== "rollback")
    fail(`${path}.mode`, `must be promote, rollback or null, got ${shown(facts.mode)}`);
  if (facts.reason !== null && typeof facts.reason !== "string")
    fail(`${path}.reason`, `must be a string or null, got ${shown(facts.reason)}`);
}
function checkPredicate(value) {
  const predicate = object(value, "predicate");
  const verifier = object(predicate.verifier, "predicate.verifier");
  uri(verifier.id, "predicate.verifier.id");
  if (verifier.version !== void 0) stringMap(verifier.version, "predicate.verifier.version");
  if (predicate.timeVerified !== void 0)
    timestamp(predicate.timeVerified, "predicate.timeVerified");
  uri(predicate.resourceUri, "predicate.resourceUri");
  const policy = object(predicate.policy, "predicate.policy");
  uri(policy.uri, "predicate.policy.uri");
  if (policy.digest !== void 0) digestSet(policy.digest, "predicate.policy.digest");
  if (predicate.inputAttestations !== void 0) {
    if (!Array.isArray(predicate.inputAttestations))
      fail(
        "predicate.inputAttestations",
        `must be an array, got ${shown(predicate.inputAttestations)}`
      );
    predicate.inputAttestations.forEach((entry, index) => {
      const path = `predicate.inputAttestations[${index}]`;
      const attestation = object(entry, path);
      if (attestation.uri !== void 0) uri(attestation.uri, `${path}.uri`);
      digestSet(attestation.digest, `${path}.digest`);
    });
  }
  const result = predicate.verificationResult;
  if (result !== "PASSED" && result !== "FAILED")
    fail("predicate.verificationResult", `must be "PASSED" or "FAILED", got ${shown(result)}`);
  verifiedLevels(predicate.verifiedLevels, result, "predicate.verifiedLevels");
  if (predicate.dependencyLevels !== void 0 && predicate.dependencyLevels !== null)
    dependencyLevels(predicate.dependencyLevels, "predicate.dependencyLevels");
  if (predicate.slsaVersion !== void 0 && !/^\d+\.\d+$/.test(String(predicate.slsaVersion))) {
    fail(
      "predicate.slsaVersion",
      `must be <MAJOR>.<MINOR> such as "1.0", got ${shown(predicate.slsaVersion)}`
    );
  }
  if (predicate[PROMOTION_EXTENSION] !== void 0)
    promotionExtension(predicate[PROMOTION_EXTENSION], `predicate["${PROMOTION_EXTENSION}"]`);
}
function readVerificationSummary(statement) {
  try {
    const root = object(statement, "the statement");
    if (root._type !== m28$STATEMENT_TYPE)
      fail("_type", `must be ${m14$quote2(m28$STATEMENT_TYPE)}, got ${shown(root._type)}`);
    if (!Array.isArray(root.subject) || root.subject.length === 0)
      fail("subject", `must be a non-empty array, got ${shown(root.subject)}`);
    root.subject.forEach((entry, index) => {
      const subject = object(entry, `subject[${index}]`);
      if (subject.name !== void 0 && typeof subject.name !== "string")
        fail(`subject[${index}].name`, `must be a string, got ${shown(subject.name)}`);
      digestSet(subject.digest, `subject[${index}].digest`);
    });
    if (root.predicateType !== VSA_PREDICATE_TYPE)
      fail(
        "predicateType",
        `must be ${m14$quote2(VSA_PREDICATE_TYPE)}, got ${shown(root.predicateType)}`
      );
    checkPredicate(root.predicate);
    return root;
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    throw new m14$SealError2(
      "malformed",
      `The verification summary is not valid: ${error.path} ${error.problem}. A promotion record's attestation must be a SLSA Verification Summary v1 (${VSA_PREDICATE_TYPE}).`
    );
  }
}

// stand-in:promote:src/version.ts:src/app/promote/attest-record.ts
import { m39$VERSION } from "../promote/index-core.js";

// stand-in:promote:src/stores/ledger/beside-ledger.ts:src/app/promote/attest-record.ts
import { m36$besideLedger, m36$readCheckpoint, m36$readRecordAttestation, m36$writeRecordAttestation } from "../promote/index-core.js";

// stand-in:promote:src/core/env.ts:src/app/promote/attest-record.ts
import { m13$DEFAULT_API_URL, m13$DEFAULT_SERVER_URL, m13$apiUrlOf, m13$serverUrlOf } from "../promote/index-core.js";

// src/app/promote/attest-record.ts?promote
function recordAttester(signing, context) {
  return async (record, decision, signature) => {
    const statement = verificationSummary({
      digest: m12$hexOf(record.digest),
      subjectName: record.name ?? m12$hexOf(record.digest).slice(0, 12),
      verifierId: verifierId(context.env),
      verifierVersion: m39$VERSION,
      timeVerified: (/* @__PURE__ */ new Date()).toISOString(),
      resourceUri: resourceUri(record.environment, context),
      policy: {
        uri: policyUri(context),
        digest: context.policy.digest === void 0 ? null : { sha256: context.policy.digest }
      },
      inputAttestations: signature?.status === "verified" ? [
        {
          uri: inputUri(signature.source, record, context.env),
          digest: { sha256: m12$hexOf(signature.bundleDigest) }
        }
      ] : [],
      result: record.outcome === "pending" ? "PASSED" : "FAILED",
      verifiedLevels: levelsOf(record, signature),
      extension: {
        environment: record.environment,
        outcome: record.outcome,
        mode: record.mode,
        key: record.key,
        reason: record.reason,
        checks: (decision?.checks ?? []).map((c) => ({
          rule: c.rule,
          environment: c.environment,
          passed: c.passed
        })),
        // The contract the digest carries and the amendment judged, signed with the decision they led to.
        ...record.contract ? { contract: record.contract } : {},
        ...record.amendment ? { amendment: record.amendment } : {}
      }
    });
    const signed = await signing.sign(statement);
    context.onSigned?.(record, signed.json);
    const digest = m12$sha256Digest(signed.json);
    if (signing.kind === "keyless" && context.env.GITHUB_REPOSITORY && context.token !== "") {
      const { storeAttestation } = await import("./attestations-api-6XSUNHDX.js");
      const stored = await storeAttestation(signed.bundle, {
        env: context.env,
        token: context.token,
        tokenInput: context.tokenInput ?? "github-token"
      });
      return {
        uri: stored.url,
        digest: m12$sha256Digest(JSON.stringify(signed.bundle)),
        id: stored.id === null ? null : String(stored.id)
      };
    }
    if (context.ledger.kind !== "file") {
      throw new m14$SealError(
        "bad-input",
        `The record's verification summary is signed but has nowhere to go: the github ledger keeps signed records in the repository's attestations API, which needs a job on GitHub with github-token ("attestations: write"). Give the token, or set sign: none.`
      );
    }
    const uri2 = m36$writeRecordAttestation(
      context.ledger.file,
      record.key,
      signed.json,
      (why, file) => new m14$SealError(
        "unreadable",
        `cannot write the record's signed verification summary to ${m14$quote(file)} (${why}). Make the ledger's directory writable.`
      )
    );
    return { uri: uri2, digest, id: null };
  };
}
function inputUri(source, record, env) {
  if (isAbsolute(source)) return pathToFileURL(source).href;
  if (URL.canParse(source) && /^[a-z][a-z0-9+.-]*:/.test(source)) return source;
  const api = m13$apiUrlOf(env);
  return `${api}/repos/${env.GITHUB_REPOSITORY ?? "unknown/unknown"}/attestations/${record.digest}`;
}
function verifierId(env) {
  const server = m13$serverUrlOf(env);
  if (env.GITHUB_ACTION_REPOSITORY)
    return `${server}/${env.GITHUB_ACTION_REPOSITORY}/promote${env.GITHUB_ACTION_REF ? `@${env.GITHUB_ACTION_REF}` : ""}`;
  return `pkg:npm/artifact-seal@${m39$VERSION}`;
}
function resourceUri(environment, context) {
  const { env } = context;
  if (context.ledger.kind === "github" && env.GITHUB_REPOSITORY) {
    return `${m13$serverUrlOf(env)}/${env.GITHUB_REPOSITORY}/deployments/${encodeURIComponent(environment)}`;
  }
  const ledger = context.ledger.kind === "file" ? basename(context.ledger.file) : "ledger";
  return `urn:artifact-seal:${encodeURIComponent(ledger)}:environment:${encodeURIComponent(environment)}`;
}
function policyUri(context) {
  const { env } = context;
  const file = context.policy.source;
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA)
    return `git+${m13$serverUrlOf(env)}/${env.GITHUB_REPOSITORY}@${env.GITHUB_SHA}#${file}`;
  return `file:${file}`;
}
function levelsOf(record, signature) {
  if (record.outcome !== "pending") return ["FAILED"];
  if (signature?.status === "verified" && signature.signer.kind === "certificate" && signature.signer.identity.runnerEnvironment === "github-hosted")
    return ["SLSA_BUILD_LEVEL_2"];
  return ["SLSA_BUILD_LEVEL_UNEVALUATED"];
}
export {
  recordAttester
};
