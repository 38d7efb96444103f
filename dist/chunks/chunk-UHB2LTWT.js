import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";

// src/core/promotion/policy.ts
var BREAKING_RULES = [
  "refuse",
  "require-major",
  "require-approval",
  "allow"
];
var DANGEROUS_RULES = ["warn", "refuse"];
var ROLLBACK_RULES = ["allow", "check"];
function declaresServices(policy) {
  return (policy.service ?? null) !== null || (policy.services ?? null) !== null;
}
function findEnvironment(policy, name) {
  return policy.environments.find((e) => e.name === name);
}
function requireEnvironment(policy, name, input, consequence = "") {
  const rule = findEnvironment(policy, name);
  if (rule !== void 0) return rule;
  throw new SealError(
    "bad-input",
    `${input}: ${quote(name)} is not an environment of the promotion policy ${policy.source}${consequence}. Use one of: ${policy.environments.map((e) => e.name).join(", ")}, or add it to the policy.`
  );
}
function upstreamOf(rule) {
  return [.../* @__PURE__ */ new Set([...rule.requires, ...rule.requiresAny])];
}
function pipelineOrder(policy) {
  const placed = /* @__PURE__ */ new Set();
  const ordered = [];
  while (ordered.length < policy.environments.length) {
    const next = policy.environments.find(
      (e) => !placed.has(e.name) && upstreamOf(e).every((u) => placed.has(u))
    );
    if (!next) break;
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}
function serviceFor(policy, name, nameInput = "name") {
  if ((policy.service ?? null) !== null) return policy.service;
  const listed = policy.services ?? null;
  if (listed === null || name !== null && listed.includes(name)) return name;
  throw new SealError(
    "bad-input",
    `${nameInput}: ${name === null ? "the artifact has no name" : `the artifact's name is ${quote(name)}`}, but the promotion policy ${policy.source} lists its services, and that is not one of them: ${listed.map(quote).join(", ")}. Give ${nameInput} (the service it deploys), seal it under one of those names, or add it to "services" in the policy.`
  );
}

export {
  BREAKING_RULES,
  DANGEROUS_RULES,
  ROLLBACK_RULES,
  declaresServices,
  findEnvironment,
  requireEnvironment,
  upstreamOf,
  pipelineOrder,
  serviceFor
};
