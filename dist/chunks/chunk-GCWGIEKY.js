import {
  quote
} from "./chunk-C7O7QJOZ.js";

// src/core/signing/identity.ts
var FULCIO_OIDS = {
  issuerLegacy: "1.3.6.1.4.1.57264.1.1",
  githubWorkflowTrigger: "1.3.6.1.4.1.57264.1.2",
  githubWorkflowSha: "1.3.6.1.4.1.57264.1.3",
  githubWorkflowName: "1.3.6.1.4.1.57264.1.4",
  githubWorkflowRepository: "1.3.6.1.4.1.57264.1.5",
  githubWorkflowRef: "1.3.6.1.4.1.57264.1.6",
  issuer: "1.3.6.1.4.1.57264.1.8",
  buildSignerUri: "1.3.6.1.4.1.57264.1.9",
  buildSignerDigest: "1.3.6.1.4.1.57264.1.10",
  runnerEnvironment: "1.3.6.1.4.1.57264.1.11",
  sourceRepositoryUri: "1.3.6.1.4.1.57264.1.12",
  sourceRepositoryDigest: "1.3.6.1.4.1.57264.1.13",
  sourceRepositoryRef: "1.3.6.1.4.1.57264.1.14",
  sourceRepositoryIdentifier: "1.3.6.1.4.1.57264.1.15",
  sourceRepositoryOwnerUri: "1.3.6.1.4.1.57264.1.16",
  sourceRepositoryOwnerIdentifier: "1.3.6.1.4.1.57264.1.17",
  buildConfigUri: "1.3.6.1.4.1.57264.1.18",
  buildConfigDigest: "1.3.6.1.4.1.57264.1.19",
  buildTrigger: "1.3.6.1.4.1.57264.1.20",
  runInvocationUri: "1.3.6.1.4.1.57264.1.21",
  sourceRepositoryVisibility: "1.3.6.1.4.1.57264.1.22",
  deploymentEnvironment: "1.3.6.1.4.1.57264.1.23"
};
var GITHUB_HOSTED = "github-hosted";
var ABSENT = "(absent)";
var dotted = (oid) => typeof oid === "string" ? oid : oid.join(".");
var utf8 = new TextDecoder("utf-8", { fatal: true });
function decodeUtf8(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return void 0;
  }
}
function decodeDerUtf8String(bytes) {
  if (bytes.length < 2 || bytes[0] !== 12) return void 0;
  const first = bytes[1];
  let length;
  let start;
  if (first < 128) {
    length = first;
    start = 2;
  } else {
    const octets = first & 127;
    if (octets === 0 || octets > 4 || bytes.length < 2 + octets) return void 0;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[2 + i];
    if (length < 128 || bytes[2] === 0) return void 0;
    start = 2 + octets;
  }
  if (start + length !== bytes.length) return void 0;
  return decodeUtf8(bytes.subarray(start));
}
var EXTENSION_FIELDS = Object.entries(FULCIO_OIDS).filter(
  ([name]) => !name.endsWith("Legacy") && !name.startsWith("githubWorkflow")
);
function decodeIdentity(subjectAlternativeName, extensions) {
  const byOid = /* @__PURE__ */ new Map();
  for (const extension of extensions) {
    const oid = dotted(extension.oid);
    byOid.set(oid, byOid.has(oid) ? null : extension.value);
  }
  const fields = {};
  for (const [name, oid] of EXTENSION_FIELDS) {
    const value = byOid.get(oid);
    const decoded = value ? decodeDerUtf8String(value) : void 0;
    if (decoded !== void 0) fields[name] = decoded;
  }
  if (fields.issuer === void 0) {
    const legacy = byOid.get(FULCIO_OIDS.issuerLegacy);
    const decoded = legacy ? decodeUtf8(legacy) : void 0;
    if (decoded !== void 0) fields.issuer = decoded;
  }
  const repository = fields.sourceRepositoryUri === void 0 ? void 0 : repositoryOfUri(fields.sourceRepositoryUri);
  if (repository !== void 0) fields.repository = repository;
  return { subjectAlternativeName: subjectAlternativeName ?? "", ...fields };
}
function repositoryOfUri(uri) {
  const match = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)$/.exec(uri);
  return match?.[1];
}
function parseWorkflowUri(uri) {
  const match = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\/([^@]+)@(.+)$/.exec(uri);
  if (!match) return void 0;
  return {
    serverUrl: match[1],
    repository: match[2],
    path: match[3],
    ref: match[4]
  };
}
var trimSlash = (url) => url.replace(/\/+$/, "");
var sameFold = (a, b) => a.toLowerCase() === b.toLowerCase();
function parseWorkflowSetting(workflow, repository) {
  const at = workflow.indexOf("@");
  const name = at === -1 ? workflow : workflow.slice(0, at);
  const ref = at === -1 ? void 0 : workflow.slice(at + 1);
  const path = name.replace(/^\.?\//, "");
  const reusable = /^([^/]+\/[^/]+)\/(\.github\/workflows\/.+)$/.exec(path);
  const located = reusable && !path.startsWith(".github/") ? { repository: reusable[1], path: reusable[2] } : { repository, path };
  return ref === void 0 || ref === "" ? located : { ...located, ref };
}
function workflowMatches(san, serverUrl, expected) {
  const parsed = parseWorkflowUri(san);
  if (parsed === void 0) return false;
  return parsed.serverUrl.toLowerCase() === serverUrl.toLowerCase() && sameFold(parsed.repository, expected.repository) && parsed.path === expected.path && (expected.ref === void 0 || parsed.ref === expected.ref);
}
function checkIdentity(identity, policy) {
  const failures = [];
  const serverUrl = trimSlash(policy.serverUrl);
  const actual = (value) => value ?? ABSENT;
  const owner = policy.repository.split("/")[0] ?? "";
  const repositoryUri = `${serverUrl}/${policy.repository}`;
  if (identity.sourceRepositoryUri === void 0 || !sameFold(identity.sourceRepositoryUri, repositoryUri)) {
    failures.push({
      rule: "repository",
      expected: repositoryUri,
      actual: actual(identity.sourceRepositoryUri)
    });
  } else {
    const ownerUri = `${serverUrl}/${owner}`;
    if (identity.sourceRepositoryOwnerUri === void 0 || !sameFold(identity.sourceRepositoryOwnerUri, ownerUri)) {
      failures.push({
        rule: "repository",
        expected: ownerUri,
        actual: actual(identity.sourceRepositoryOwnerUri)
      });
    }
  }
  if (policy.workflow !== void 0 && policy.workflow !== "") {
    const expected = parseWorkflowSetting(policy.workflow, policy.repository);
    if (!workflowMatches(identity.subjectAlternativeName, serverUrl, expected)) {
      const shown = `${serverUrl}/${expected.repository}/${expected.path}@${expected.ref ?? "<any ref>"}`;
      failures.push({
        rule: "workflow",
        expected: shown,
        actual: identity.subjectAlternativeName || ABSENT
      });
    }
  } else {
    const parsed = parseWorkflowUri(identity.subjectAlternativeName);
    const ok = parsed !== void 0 && parsed.serverUrl.toLowerCase() === serverUrl.toLowerCase() && sameFold(parsed.repository, policy.repository);
    if (!ok) {
      failures.push({
        rule: "subject-alternative-name",
        expected: `${serverUrl}/${policy.repository}/<workflow path>@<ref>`,
        actual: identity.subjectAlternativeName || ABSENT
      });
    }
  }
  if (policy.sourceRef !== void 0 && policy.sourceRef !== "" && identity.sourceRepositoryRef !== policy.sourceRef) {
    failures.push({
      rule: "source-ref",
      expected: policy.sourceRef,
      actual: actual(identity.sourceRepositoryRef)
    });
  }
  if (policy.sourceDigest !== void 0 && policy.sourceDigest !== "") {
    const expected = policy.sourceDigest.toLowerCase();
    if (identity.sourceRepositoryDigest === void 0 || identity.sourceRepositoryDigest.toLowerCase() !== expected) {
      failures.push({
        rule: "source-digest",
        expected,
        actual: actual(identity.sourceRepositoryDigest)
      });
    }
  }
  if (identity.issuer !== policy.issuer) {
    failures.push({ rule: "issuer", expected: policy.issuer, actual: actual(identity.issuer) });
  }
  if (policy.denySelfHostedRunners && identity.runnerEnvironment !== GITHUB_HOSTED) {
    failures.push({
      rule: "runner-environment",
      expected: GITHUB_HOSTED,
      actual: actual(identity.runnerEnvironment)
    });
  }
  return failures;
}
var RULE_NAMES = {
  repository: "repository (certificate source repository)",
  workflow: "workflow (certificate subject alternative name)",
  "source-ref": "source ref",
  "source-digest": "source commit",
  issuer: "OIDC issuer",
  "runner-environment": "runner environment",
  "subject-alternative-name": "signer workflow (certificate subject alternative name)"
};
function describeIdentityFailure(failures) {
  return failures.map(
    (f) => `signer ${RULE_NAMES[f.rule]}: expected ${quote(f.expected)}, got ${quote(f.actual)}`
  ).join("\n");
}

export {
  decodeIdentity,
  checkIdentity,
  describeIdentityFailure
};
