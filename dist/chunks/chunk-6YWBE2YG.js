import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-X5XFE3KV.js";
import {
  DEFAULT_SERVER_URL
} from "./chunk-BXUFWVSN.js";
import {
  hexOf
} from "./chunk-KRR2HU2L.js";
import {
  quote
} from "./chunk-C7O7QJOZ.js";

// src/core/provenance.ts
function isCommit(value) {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}
function isRepository(value) {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  return match !== null && match[2] !== "." && match[2] !== "..";
}
function isRunUrl(value, serverUrl) {
  const origin = httpsOrigin(serverUrl);
  if (origin === null || !value.startsWith(`${origin}/`)) return false;
  const match = /^([^/]+\/[^/]+)\/actions\/runs\/[1-9][0-9]{0,19}(?:\/attempts\/[1-9][0-9]{0,9})?$/.exec(
    value.slice(origin.length + 1)
  );
  return match !== null && isRepository(match[1]);
}
function repositoryOfUrl(value, serverUrl) {
  const origin = httpsOrigin(serverUrl);
  if (origin === null || !value.startsWith(`${origin}/`)) return null;
  const repository = value.slice(origin.length + 1);
  return isRepository(repository) ? repository : null;
}
function httpsOrigin(serverUrl) {
  if (!URL.canParse(serverUrl)) return null;
  const url = new URL(serverUrl);
  return url.protocol === "https:" ? url.origin : null;
}
function subjectNameOf(statement, digest) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || !Array.isArray(s.subject))
    return null;
  const hex = hexOf(digest);
  const subject = s.subject.find(
    (candidate) => candidate?.digest?.sha256 === hex
  );
  const name = subject?.name;
  return typeof name === "string" && name !== "" ? name : null;
}
function sealedByFromStatement(statement, digest, source = "the seal statement", context = {}) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || s.predicateType !== SLSA_PROVENANCE_TYPE)
    return null;
  const hex = hexOf(digest);
  const about = Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex);
  const definition = s.predicate?.buildDefinition;
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null;
  const serverUrl = context.serverUrl ?? DEFAULT_SERVER_URL;
  const text = (v) => typeof v === "string" && v !== "" ? v : null;
  const leftOut = (field2, value, expected) => {
    const shown = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
    context.onInvalid?.(
      `${source}: ${field2} is ${quote(shown.length > 200 ? `${shown.slice(0, 200)}\u2026` : shown)}, which is not what a seal writes (${expected}). It is left out of the record and the summary; seal the artifact again to record the build.`
    );
    return null;
  };
  const field = (name, value, read, expected) => {
    if (value === void 0 || value === null || value === "") return null;
    const v = text(value);
    const parsed = v === null ? null : read(v);
    return parsed === null ? leftOut(name, value, expected) : parsed;
  };
  const server = httpsOrigin(serverUrl) ?? serverUrl;
  const repository = field(
    "predicate.buildDefinition.externalParameters.workflow.repository",
    definition.externalParameters?.workflow?.repository,
    (v) => repositoryOfUrl(v, serverUrl),
    `${server}/OWNER/REPO`
  );
  const commit = field(
    "predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit",
    definition.resolvedDependencies?.[0]?.digest?.gitCommit,
    (v) => isCommit(v) ? v : null,
    "40 or 64 lowercase hex digits"
  );
  const runUrl = field(
    "predicate.runDetails.metadata.invocationId",
    s.predicate?.runDetails?.metadata?.invocationId,
    (v) => isRunUrl(v, serverUrl) ? v : null,
    `${server}/OWNER/REPO/actions/runs/ID/attempts/N`
  );
  return { repository, commit, runUrl };
}

export {
  subjectNameOf,
  sealedByFromStatement
};
