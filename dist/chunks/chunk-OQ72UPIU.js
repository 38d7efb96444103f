import {
  OBSERVING,
  OUTCOMES,
  RESOLUTIONS,
  serviceOf
} from "./chunk-7EN7PEUO.js";
import {
  isRecord
} from "./chunk-6ESBXOH6.js";
import {
  parseDigest
} from "./chunk-KRR2HU2L.js";
import {
  words
} from "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";

// src/core/promotion/confirmation.ts
function shellWord(text) {
  return /^[A-Za-z0-9._/:@+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
function needsLiveContract(pending) {
  return pending.amendment != null;
}
function confirmationChanged(pending, live, liveContract, madeLiveBy) {
  const service = serviceOf(pending);
  const where = `${pending.environment}${service === null ? "" : ` (service ${quote(service)})`}`;
  const again = `The amendment that would land was never judged, so the deployment is not confirmed. Promote ${pending.digest} again so the gate judges it against what runs now: ${words().caller === "cli" ? "run" : "re-run the promote step, or run"}: artifact-seal promote ${pending.digest} --environment ${shellWord(pending.environment)}${service === null ? "" : ` --subject-name ${shellWord(service)}`}`;
  const compared = pending.previousDigest;
  if (live !== null && live.digest === pending.digest) return null;
  if ((live?.digest ?? null) !== compared) {
    const now = live === null ? "nothing is live there now" : `${live.digest} went live there meanwhile (${madeLiveBy(live)}, live from ${live.from})`;
    return `${where} no longer runs what the gate compared ${pending.digest} against (${compared ?? "nothing live"}): ${now}. ${again}.`;
  }
  if (live === null || !needsLiveContract(pending)) return null;
  if (liveContract === void 0)
    throw new Error(
      "unreachable: a confirmation of a record with an amendment was judged without the live contract"
    );
  const from = pending.amendment?.from?.digest ?? null;
  if (liveContract === from) return null;
  return `${where} runs ${live.digest} with contract ${liveContract ?? "none"} now, not the contract ${from ?? "none"} the gate judged the amendment from (${madeLiveBy(live)}). ${again}.`;
}

// src/stores/ledger/ledger.ts
function wrongEnvironment(pending, request, location) {
  if (request.environment == null || request.environment === "" || request.environment === pending.environment)
    return null;
  return new SealError(
    "bad-input",
    `${location}: record ${request.id} is a promotion of ${pending.digest} to ${quote(pending.environment)}, not to the environment given, ${quote(request.environment)}; nothing was recorded. Give the id of a promotion to ${quote(request.environment)} (${words().recordIdSource}), or leave ${words().option("environment")} out.`
  );
}

// src/stores/ledger/record-codec.ts
var MODES = ["promote", "rollback"];
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function decodeRecord(value, damaged) {
  if (!isRecord(value)) return damaged("the record is not a JSON object");
  const r = value;
  const text = (field) => {
    const v = r[field];
    return typeof v === "string" && v !== "" ? v : damaged(`the record's ${field} is ${JSON.stringify(v)}, not text`);
  };
  const maybeText = (field, from = r, prefix = "") => {
    const v = from[field];
    if (v === null || v === void 0) return null;
    return typeof v === "string" ? v : damaged(`the record's ${prefix}${field} is ${JSON.stringify(v)}, not text or null`);
  };
  const digest = (field, raw) => {
    if (raw === null) return null;
    try {
      return parseDigest(raw, field);
    } catch (error) {
      return damaged(`the record's ${error.message}`);
    }
  };
  const outcome = text("outcome");
  if (!OUTCOMES.includes(outcome))
    damaged(`the record's outcome ${JSON.stringify(outcome)} is not one of ${OUTCOMES.join(", ")}`);
  const time = text("time");
  if (!ISO_TIME.test(time) || Number.isNaN(Date.parse(time)))
    damaged(
      `the record's time ${JSON.stringify(time)} is not an ISO 8601 UTC time such as "2026-01-31T12:00:00.000Z"`
    );
  const modeText = maybeText("mode");
  if (modeText !== null && !MODES.includes(modeText))
    damaged(`the record's mode ${JSON.stringify(modeText)} is not one of ${MODES.join(", ")}`);
  const mode = modeText;
  const modeless = outcome === "vetoed" || outcome === "approved" || OBSERVING.includes(outcome);
  if (mode === null !== modeless)
    damaged(
      `a ${outcome} record ${mode === null ? "needs a mode (promote or rollback)" : `has the mode ${mode}`}`
    );
  const resolves = maybeText("resolves");
  const resolution = RESOLUTIONS.includes(outcome);
  if (resolution !== (resolves !== null))
    damaged(
      resolution ? `a ${outcome} record does not say which pending record it resolves` : `a ${outcome} record names a pending record it resolves (${JSON.stringify(resolves)})`
    );
  let sealedBy = null;
  if (r.sealedBy !== null && r.sealedBy !== void 0) {
    if (typeof r.sealedBy !== "object" || Array.isArray(r.sealedBy))
      return damaged(`the record's sealedBy is not an object`);
    const s = r.sealedBy;
    sealedBy = {
      repository: maybeText("repository", s, "sealedBy."),
      commit: maybeText("commit", s, "sealedBy."),
      runUrl: maybeText("runUrl", s, "sealedBy.")
    };
    const signer = maybeText("signer", s, "sealedBy.");
    if (signer !== null) sealedBy = { ...sealedBy, signer };
  }
  let attestation = null;
  if (r.attestation !== null && r.attestation !== void 0) {
    if (typeof r.attestation !== "object" || Array.isArray(r.attestation))
      return damaged(`the record's attestation is not an object`);
    const a2 = r.attestation;
    const uri = maybeText("uri", a2, "attestation.");
    const bundleDigest = digest("attestation.digest", maybeText("digest", a2, "attestation."));
    if (uri === null || bundleDigest === null)
      return damaged(`the record's attestation lacks its uri or digest`);
    attestation = { uri, digest: bundleDigest, id: maybeText("id", a2, "attestation.") };
  }
  let artifact = null;
  if (r.artifact !== null && r.artifact !== void 0) {
    if (typeof r.artifact !== "object" || Array.isArray(r.artifact))
      return damaged(`the record's artifact is not an object`);
    const a2 = r.artifact;
    const name2 = maybeText("name", a2, "artifact.");
    const runId = maybeText("runId", a2, "artifact.");
    if (name2 === null || runId === null)
      return damaged(`the record's artifact lacks its name or runId`);
    artifact = { name: name2, runId };
  }
  const object = (field, from = r, prefix = "") => {
    const v = from[field];
    if (v === null || v === void 0) return null;
    return typeof v === "object" && !Array.isArray(v) ? v : damaged(`the record's ${prefix}${field} is not an object`);
  };
  const contractRef = (field, from, prefix) => {
    const c = object(field, from, prefix);
    if (c === null) return null;
    const contractDigest = digest(
      `${prefix}${field}.digest`,
      maybeText("digest", c, `${prefix}${field}.`)
    );
    const version = maybeText("version", c, `${prefix}${field}.`);
    if (contractDigest === null || version === null)
      return damaged(`the record's ${prefix}${field} lacks its digest or version`);
    return { digest: contractDigest, version };
  };
  const contract = contractRef("contract", r, "");
  let amendment = null;
  const a = object("amendment");
  if (a !== null) {
    const count = (field) => {
      const v = a[field];
      return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : damaged(`the record's amendment.${field} is ${JSON.stringify(v)}, not a count`);
    };
    const rules = a.rules;
    if (!Array.isArray(rules) || !rules.every((rule) => typeof rule === "string"))
      return damaged(`the record's amendment.rules is not a list of rule ids`);
    const approval = maybeText("approval", a, "amendment.");
    amendment = {
      from: contractRef("from", a, "amendment."),
      to: contractRef("to", a, "amendment."),
      breaking: count("breaking"),
      dangerous: count("dangerous"),
      compatible: count("compatible"),
      rules,
      ...approval !== null ? { approval } : {}
    };
  }
  let approves = null;
  const scope = object("approves");
  if (scope !== null) {
    const to = digest("approves.to", maybeText("to", scope, "approves."));
    if (to === null) return damaged(`the record's approves lacks the contract digest it approves`);
    approves = { from: digest("approves.from", maybeText("from", scope, "approves.")), to };
  }
  let service;
  if ("service" in r) {
    service = maybeText("service");
    if (service === "") damaged(`the record's service is "", not a name or null`);
  }
  if (approves !== null !== (outcome === "approved")) {
    damaged(
      outcome === "approved" ? "an approved record does not say which contract amendment it approves" : `a ${outcome} record carries an approval scope`
    );
  }
  const observation = observationOf(object("observation"), outcome, damaged);
  const name = maybeText("name");
  return {
    digest: digest("digest", text("digest")),
    name,
    environment: text("environment"),
    service: service === void 0 ? name : service,
    outcome,
    mode,
    time,
    runUrl: maybeText("runUrl"),
    actor: maybeText("actor"),
    sealedBy,
    previousDigest: digest("previousDigest", maybeText("previousDigest")),
    reason: maybeText("reason"),
    environmentUrl: maybeText("environmentUrl"),
    artifact,
    resolves,
    key: text("key"),
    ...attestation !== null ? { attestation } : {},
    ...contract !== null ? { contract } : {},
    ...amendment !== null ? { amendment } : {},
    ...approves !== null ? { approves } : {},
    ...observation !== null ? { observation } : {}
  };
}
var VERDICTS = ["matches", "drifted", "unknown"];
function observationOf(o, outcome, damaged) {
  if (o !== null !== (outcome === "observed"))
    return damaged(
      outcome === "observed" ? "an observed record does not say what was observed" : `a ${outcome} record carries an observation`
    );
  if (o === null) return null;
  const verdict = o.verdict;
  if (!VERDICTS.includes(verdict))
    return damaged(
      `the record's observation.verdict ${JSON.stringify(o.verdict)} is not one of ${VERDICTS.join(", ")}`
    );
  const observed = o.observed;
  if (observed !== null && typeof observed !== "string")
    return damaged(
      `the record's observation.observed is ${JSON.stringify(observed)}, not text or null`
    );
  const texts = (field) => {
    const v = o[field];
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : damaged(`the record's observation.${field} is not a list of text`);
  };
  return { verdict, observed, probes: texts("probes"), rules: texts("rules") };
}

export {
  needsLiveContract,
  confirmationChanged,
  wrongEnvironment,
  decodeRecord
};
