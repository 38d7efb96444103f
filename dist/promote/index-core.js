const require = globalThis.process.getBuiltinModule ?? (await import('node:module')).createRequire(import.meta.url);
// Compiled as the file loads: the functions a plain step calls (scripts/eager-compile.mjs).
// src/core/env.ts
var serverUrlOf = (function serverUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_SERVER_URL, DEFAULT_SERVER_URL);
});
var withoutTrailingSlash = (function withoutTrailingSlash(value, fallback) {
  return (value?.trim() || fallback).replace(/\/+$/, "");
});
// src/report/runner-log.ts
var visibleControl = (function visibleControl(char) {
  const code2 = char.charCodeAt(0);
  if (char === "	") return null;
  if (code2 < 32) return String.fromCharCode(9216 + code2);
  if (code2 === 127) return "\u2421";
  if (code2 >= 128 && code2 <= 159) return "\uFFFD";
  return null;
});
var visibleControls = (function visibleControls(text) {
  return text.replace(
    ANY_CONTROL,
    (c) => c === "\n" || c === "\r" || c === "\x85" ? c : visibleControl(c) ?? c
  );
});
var inertLogText = (function inertLogText(text) {
  return new RunnerLogGuard().encode(text);
});
// src/actions/runner-io.ts
var endStep = (async function endStep() {
  const stream = logStream;
  if (stream !== null) await new Promise((resolve2) => stream.write("", () => resolve2()));
  process.exit();
});
var toCommandValue = (function toCommandValue(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string" || value instanceof String) return String(value);
  return JSON.stringify(value);
});
var issueFileCommand = (function issueFileCommand(variable, name, value) {
  const file = process.env[variable];
  const delimiter2 = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (name.includes(delimiter2))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  if (text.includes(delimiter2))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter2}${EOL}${text}${EOL}${delimiter2}${EOL}`, {
    encoding: "utf8"
  });
});
var getInput = (function getInput(name, options) {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
});
var setOutput = (function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand("GITHUB_OUTPUT", name, value);
  runnerLog.write(EOL);
  writeCommand("set-output", { name }, toCommandValue(value));
});
var info = (function info(message) {
  runnerLog.write(inertLogText(message) + EOL);
});
// src/core/promotion/policy.ts
var declaresServices = (function declaresServices(policy) {
  return (policy.service ?? null) !== null || (policy.services ?? null) !== null;
});
var findEnvironment = (function findEnvironment(policy, name) {
  return policy.environments.find((e) => e.name === name);
});
var requireEnvironment = (function requireEnvironment(policy, name, input, consequence = "") {
  const rule = findEnvironment(policy, name);
  if (rule !== void 0) return rule;
  throw new SealError(
    "bad-input",
    `${input}: ${quote(name)} is not an environment of the promotion policy ${policy.source}${consequence}. Use one of: ${policy.environments.map((e) => e.name).join(", ")}, or add it to the policy.`
  );
});
var upstreamOf = (function upstreamOf(rule) {
  return [.../* @__PURE__ */ new Set([...rule.requires, ...rule.requiresAny])];
});
var pipelineOrder = (function pipelineOrder(policy) {
  const placed = /* @__PURE__ */ new Set();
  const ordered = [];
  while (ordered.length < policy.environments.length) {
    const next2 = policy.environments.find(
      (e) => !placed.has(e.name) && upstreamOf(e).every((u) => placed.has(u))
    );
    if (!next2) break;
    placed.add(next2.name);
    ordered.push(next2);
  }
  return ordered;
});
var serviceFor = (function serviceFor(policy, name, nameInput = "name") {
  if ((policy.service ?? null) !== null) return policy.service;
  const listed = policy.services ?? null;
  if (listed === null || name !== null && listed.includes(name)) return name;
  throw new SealError(
    "bad-input",
    `${nameInput}: ${name === null ? "the artifact has no name" : `the artifact's name is ${quote(name)}`}, but the promotion policy ${policy.source} lists its services, and that is not one of them: ${listed.map(quote).join(", ")}. Give ${nameInput} (the service it deploys), seal it under one of those names, or add it to "services" in the policy.`
  );
});
// src/core/digest.ts
var digestFromHex = (function digestFromHex(hex) {
  return `sha256:${hex}`;
});
var sha256Digest = (function sha256Digest(data) {
  return digestFromHex(sha256Hex(data));
});
var sha256Hex = (function sha256Hex(data) {
  return hash("sha256", data, "hex");
});
var hexOf = (function hexOf(digest) {
  return digest.slice("sha256:".length);
});
var parseDigest = (function parseDigest(value, what) {
  const trimmed = value.trim();
  const lowered = trimmed.toLowerCase();
  const hex = lowered.startsWith("sha256:") ? lowered.slice("sha256:".length) : lowered;
  if (HEX64.test(hex)) return digestFromHex(hex);
  const algorithm = /^([a-z0-9_-]+):/.exec(lowered)?.[1];
  if (algorithm !== void 0 && algorithm !== "sha256") {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(trimmed)} is a ${algorithm} digest; artifact-seal reads sha256 digests only. Give "sha256:" followed by 64 hex characters.`
    );
  }
  throw new SealError(
    "bad-input",
    `${what}: ${quote(trimmed)} is not a sha256 digest. Give "sha256:" followed by 64 hex characters, or the 64 hex characters alone (got ${hex.length} characters${/[^0-9a-f]/.test(hex) ? ", some not hex" : ""}).`
  );
});
// src/core/image/reference.ts
var isImageSubject = (function isImageSubject(text) {
  return text.split(/[\r\n,]/).some((entry) => entry.trim().toLowerCase().startsWith(OCI_SCHEME));
});
var parsePlainHttpRegistries = (function parsePlainHttpRegistries(values, what) {
  const registries = [];
  for (const value of values) {
    const fail = (why) => {
      throw new SealError(
        "bad-input",
        `${what}: ${quote(value)} ${why}. Give a registry as "host" or "host:port", such as "registry.lan:5000", with no scheme or path.`
      );
    };
    const text = value.trim();
    if (text === "") fail("is empty");
    if (/\s/.test(text)) fail("holds a space");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) fail("has a scheme");
    const host = HOST.exec(text);
    if (host === null) fail("is not a host name, an IP address or either with a port");
    const port = host[1];
    if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
      fail(`has the port ${port}, out of range`);
    const registry = text.toLowerCase();
    const name = port === void 0 ? registry : registry.slice(0, -(port.length + 1));
    if (DOCKER_HUB_ALIASES.has(name) || name === DOCKER_HUB_HOST)
      fail("is Docker Hub, which is served over HTTPS only");
    if (!registries.includes(registry)) registries.push(registry);
  }
  return registries;
});
// src/core/observe/spec.ts
var observeSpecsOf = (function observeSpecsOf(raw) {
  if (raw === void 0) return { specs: [], problems: [] };
  const entries = Array.isArray(raw) ? raw : [raw];
  const problems = [];
  const specs = entries.map((e, i) => {
    const at = entries.length === 1 ? "" : `[${i}]`;
    if (e.url === void 0 && e.command === void 0 && e.files === void 0 && e["contract-url"] === void 0 && e.image === void 0) {
      problems.push(
        `${at} names no probe. Give url (with pointer), command, files, contract-url or image.`
      );
    }
    if (e.image !== void 0) {
      try {
        parseImageReference(e.image, "image");
      } catch (error2) {
        if (!(error2 instanceof SealError)) throw error2;
        problems.push(`${at}.image ${error2.message.replace(/^image: /, "")}`);
      }
    }
    if (e.pointer !== void 0 && e.url === void 0)
      problems.push(
        `${at} has a pointer but no url. The pointer says where the digest is in the url's JSON answer.`
      );
    if (e.checksums !== void 0 && e.files === void 0)
      problems.push(
        `${at} has checksums but no files. The checksums listing names the files of the directory files: gives.`
      );
    const timeoutMs = e.timeout === void 0 ? DEFAULT_PROBE_TIMEOUT_MS : parseDuration(e.timeout) ?? 0;
    if (timeoutMs <= 0 || timeoutMs > 10 * 6e4)
      problems.push(
        `${at}.timeout ${quote(e.timeout ?? "")} is not between 1ms and 10m. Give a duration such as 10s.`
      );
    return {
      service: e.service ?? null,
      url: e.url ?? null,
      pointer: e.pointer ?? DEFAULT_POINTER,
      command: e.command ?? null,
      files: e.files ?? null,
      checksums: e.checksums ?? null,
      contractUrl: e["contract-url"] ?? null,
      ...e.image === void 0 ? {} : { image: e.image },
      timeoutMs
    };
  });
  const services = specs.map((s) => s.service);
  if (new Set(services).size !== services.length)
    problems.push(
      " observes the same service twice. Give each entry its own service:, or put both probes in one entry."
    );
  return { specs, problems };
});
// src/core/json-shape.ts
var isRecord = (function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
});
// src/core/promotion/schema-check.ts
var checkSchema = (function checkSchema(schema, value) {
  const errors = [];
  check(schema, value, "", "#", errors, void 0);
  return errors;
});
var isOfType = (function isOfType(value, type2) {
  switch (type2) {
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    default:
      throw new Error(`the schema names a type this check does not know: ${type2}`);
  }
});
var check = (function check(schema, value, instancePath, schemaPath, errors, propertyName) {
  for (const keyword of Object.keys(schema))
    if (!KNOWN.has(keyword))
      throw new Error(`the schema has a keyword this check does not know: ${keyword}`);
  const report = (keyword, params, message, path = instancePath, name = propertyName) => {
    errors.push({
      instancePath: path,
      schemaPath: `${schemaPath}/${keyword}`,
      keyword,
      params,
      message,
      ...name === void 0 ? {} : { propertyName: name }
    });
  };
  const types = schema.type === void 0 ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const typeError = () => report(
    "type",
    { type: Array.isArray(schema.type) ? schema.type : types[0] },
    `must be ${types.join(",")}`
  );
  const hasRules = (type2) => TYPED.some(([t, keywords]) => t === type2 && keywords.some((k) => schema[k] !== void 0));
  const typeFirst = types.length > 0 && !(types.length === 1 && hasRules(types[0]));
  if (typeFirst && !types.some((t) => isOfType(value, t))) typeError();
  if (schema.enum !== void 0) {
    const allowed = schema.enum;
    if (!allowed.some((a) => a === value))
      report("enum", { allowedValues: allowed }, "must be equal to one of the allowed values");
  }
  if (schema.anyOf !== void 0) {
    const before = errors.length;
    const options = schema.anyOf;
    let matched = false;
    options.forEach((option, i) => {
      const start = errors.length;
      check(option, value, instancePath, `${schemaPath}/anyOf/${i}`, errors, propertyName);
      if (errors.length === start) matched = true;
    });
    if (matched) errors.length = before;
    else report("anyOf", {}, "must match a schema in anyOf");
  }
  for (const [type2, keywords] of TYPED) {
    if (!keywords.some((k) => schema[k] !== void 0)) continue;
    if (!isOfType(value, type2)) {
      if (!typeFirst && types.length === 1 && types[0] === type2) typeError();
      continue;
    }
    if (type2 === "string") checkString(schema, value, report);
    else if (type2 === "array")
      checkArray(schema, value, instancePath, schemaPath, errors, report);
    else
      checkObject(
        schema,
        value,
        instancePath,
        schemaPath,
        errors,
        report
      );
  }
});
var checkString = (function checkString(schema, value, report) {
  if (schema.pattern !== void 0 && !regExp(schema.pattern).test(value)) {
    const pattern = schema.pattern;
    report("pattern", { pattern }, `must match pattern "${pattern}"`);
  }
});
var checkObject = (function checkObject(schema, value, instancePath, schemaPath, errors, report) {
  const keys = Object.keys(value);
  if (schema.minProperties !== void 0 && keys.length < schema.minProperties) {
    const limit = schema.minProperties;
    report("minProperties", { limit }, `must NOT have fewer than ${limit} properties`);
  }
  for (const missingProperty of schema.required ?? [])
    if (value[missingProperty] === void 0)
      report("required", { missingProperty }, `must have required property '${missingProperty}'`);
  if (schema.propertyNames !== void 0) {
    for (const key of keys) {
      const start = errors.length;
      check(
        schema.propertyNames,
        key,
        instancePath,
        `${schemaPath}/propertyNames`,
        errors,
        key
      );
      if (errors.length > start)
        report(
          "propertyNames",
          { propertyName: key },
          "property name must be valid",
          instancePath,
          void 0
        );
    }
  }
  const properties = schema.properties ?? {};
  if (schema.additionalProperties !== void 0) {
    for (const key of keys) {
      if (Object.hasOwn(properties, key)) continue;
      if (schema.additionalProperties === false)
        report(
          "additionalProperties",
          { additionalProperty: key },
          "must NOT have additional properties"
        );
      else
        check(
          schema.additionalProperties,
          value[key],
          `${instancePath}/${pointerKey(key)}`,
          `${schemaPath}/additionalProperties`,
          errors,
          void 0
        );
    }
  }
  for (const [key, propertySchema] of Object.entries(properties))
    if (value[key] !== void 0)
      check(
        propertySchema,
        value[key],
        `${instancePath}/${pointerKey(key)}`,
        `${schemaPath}/properties/${pointerKey(key)}`,
        errors,
        void 0
      );
});
// src/core/promotion/plain-yaml.ts
var plainValue = (function plainValue(text) {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text.toLowerCase() === "true";
  if (NUMBER_LIKE.test(text)) notPlain();
  if (/:(\s|$)|\s#/.test(text)) notPlain();
  return text;
});
var restIsEmpty = (function restIsEmpty(text, at) {
  return /^(?:\s+#.*|\s*)$/.test(text.slice(at));
});
var setOnce = (function setOnce(map, key, value) {
  if (!isKey(key) || Object.prototype.hasOwnProperty.call(map, key)) notPlain();
  map[key] = value;
});
var skipSpaces = (function skipSpaces(text, at) {
  while (text[at] === " ") at++;
  return at;
});
var flowCollection = (function flowCollection(text, at, depth) {
  if (depth > MAX_DEPTH) notPlain();
  const isMap2 = text[at] === "{";
  const close2 = isMap2 ? "}" : "]";
  const value = isMap2 ? {} : [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === close2) return { value, end: i + 1 };
  for (; ; ) {
    if (isMap2) {
      const key = flowValue(text, i, depth);
      if (text[key.end] !== ":" || text[key.end + 1] !== " ") notPlain();
      const item = flowValue(text, skipSpaces(text, key.end + 1), depth);
      if (typeof key.value !== "string") notPlain();
      setOnce(value, key.value, item.value);
      i = skipSpaces(text, item.end);
    } else {
      const item = flowValue(text, i, depth);
      value.push(item.value);
      i = skipSpaces(text, item.end);
    }
    if (text[i] === close2) return { value, end: i + 1 };
    if (text[i] !== ",") notPlain();
    i = skipSpaces(text, i + 1);
    if (text[i] === close2 || i >= text.length) notPlain();
  }
});
var inlineValue = (function inlineValue(text, depth) {
  const c = text[0];
  if (c === "[" || c === "{" || c === '"' || c === "'") {
    const { value, end } = c === "[" || c === "{" ? flowCollection(text, 0, depth + 1) : quoted(text, 0);
    if (!restIsEmpty(text, end)) notPlain();
    return value;
  }
  const match = BLOCK_SCALAR.exec(text) ?? notPlain();
  if (!restIsEmpty(text, match[0].length)) notPlain();
  return plainValue(match[0].trimEnd());
});
var blockKey = (function blockKey(text) {
  if (text[0] === '"' || text[0] === "'") {
    const { value, end } = quoted(text, 0);
    if (text[end] !== ":" || end + 1 < text.length && text[end + 1] !== " ") notPlain();
    return { key: value, rest: text.slice(end + 1) };
  }
  const colon = /:(?: |$)/.exec(text);
  if (colon === null) return null;
  const key = plainValue(
    PLAIN_KEY.test(text.slice(0, colon.index)) ? text.slice(0, colon.index).trimEnd() : notPlain()
  );
  if (typeof key !== "string") notPlain();
  return { key, rest: text.slice(colon.index + 1) };
});
var readPlainYaml = (function readPlainYaml(text) {
  const normalized = text.replace(/\r\n/g, "\n");
  if (!PLAIN_TEXT.test(normalized)) return NOT_PLAIN;
  const lines = [];
  for (const raw of normalized.split("\n")) {
    const text2 = raw.trimStart();
    if (text2 === "" || text2.startsWith("#")) continue;
    if (raw.startsWith("%") || raw.startsWith("---") || raw.startsWith("...")) return NOT_PLAIN;
    lines.push({ indent: raw.length - text2.length, text: text2.trimEnd() });
  }
  try {
    const reader = new Reader(lines);
    if (reader.peek()?.indent !== 0) return NOT_PLAIN;
    const value = reader.block(0);
    if (reader.peek() !== void 0 || value === null || typeof value !== "object" || Array.isArray(value))
      return NOT_PLAIN;
    return value;
  } catch (error2) {
    if (error2 instanceof NotPlain) return NOT_PLAIN;
    throw error2;
  }
});
// src/core/promotion/policy-file.ts
var parsePolicy = (function parsePolicy(text, source) {
  const plain3 = readPlainYaml(text);
  if (plain3 !== NOT_PLAIN) {
    const policy = policyFrom(plain3, source, null);
    if (policy !== null) return policy;
  }
  return parseWithPositions(text, source);
});
var policyFrom = (function policyFrom(value, source, positions) {
  const schemaErrors = checkSchema(POLICY_SCHEMA, value);
  if (schemaErrors.length > 0) {
    if (positions === null) return null;
    const { doc, at: at2, fail } = positions;
    const errors = schemaErrors.filter(
      (e) => e.keyword !== "propertyNames" && !isOtherObserveForm(e, value)
    );
    fail(byPosition([...new Set(errors.map((e) => describeSchemaError(e, doc.contents, at2)))]));
  }
  const top = value;
  const raw = top.environments;
  const envMap = positions?.doc.getIn(["environments"], true);
  const pairs = positions !== null && (0, import_yaml.isMap)(envMap) ? envMap.items : [];
  const pairOf = (name) => pairs.find((p) => String(p.key?.value) === name);
  const nodeAt = (name, ...path) => {
    const rules = pairOf(name)?.value;
    return rangeStart((0, import_yaml.isMap)(rules) ? rules.getIn(path, true) : void 0);
  };
  const keyAt = (name) => rangeStart(pairOf(name)?.key);
  const at = positions?.at ?? (() => source);
  const problems = [];
  if (top.service !== void 0 && top.services !== void 0) {
    problems.push(
      () => `${at(rangeStart(positions?.doc.getIn(["services"], true)))}: the policy has both "service" (${quoteShort(top.service)}) and "services". Give "service: <name>" when every promotion under this policy is of one service, or "services: [<name>, \u2026]" to list the services an artifact's name may give; not both.`
    );
  }
  const position = new Map(
    pairs.map((p, i) => [String(p.key?.value), i])
  );
  const names = positions === null ? Object.keys(raw) : Object.keys(raw).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const environments = names.map((name) => {
    const env = raw[name] ?? {};
    const requires = env.requires ?? [];
    const requiresAny = env["requires-any"] ?? [];
    for (const [list, key] of [
      [requires, "requires"],
      [requiresAny, "requires-any"]
    ]) {
      list.forEach((upstream, i) => {
        if (upstream === name) {
          problems.push(
            () => `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(name)} itself. An environment cannot require itself; remove it.`
          );
        } else if (!names.includes(upstream)) {
          problems.push(
            () => `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(upstream)}, which the policy does not define. Define it under environments, or use one of: ${names.join(", ")}.`
          );
        }
      });
    }
    if (env.soak !== void 0 && requires.length === 0 && requiresAny.length === 0) {
      problems.push(
        () => `${at(nodeAt(name, "soak"))}: environments.${name}.soak is ${quote(env.soak ?? "")} but ${name} requires no environment, so there is nothing to soak in. Add requires: [<upstream environment>] or remove soak.`
      );
    }
    const soakMs = env.soak === void 0 ? 0 : parseDuration(env.soak);
    if (soakMs === null) {
      problems.push(
        () => `${at(nodeAt(name, "soak"))}: environments.${name}.soak ${quote(env.soak ?? "")} is too long. Give a duration under 285,000 years.`
      );
    }
    const signer = env["signed-by"];
    const signedBy = signer === void 0 ? null : {
      repository: signer.repository,
      workflow: signer.workflow ?? null,
      ref: signer.ref ?? null,
      issuer: signer.issuer ?? null,
      denySelfHostedRunners: signer.runner === "github-hosted"
    };
    const contract = env.contract === void 0 ? null : { ...DEFAULT_CONTRACT_RULE, ...env.contract };
    const copyTo = env.image?.["copy-to"];
    if (copyTo !== void 0) {
      try {
        const target = parseImageReference(copyTo, `environments.${name}.image.copy-to`);
        if (target.digest !== null)
          throw new SealError(
            "bad-input",
            "a copy names its destination by repository and tag, never by digest"
          );
      } catch (error2) {
        if (!(error2 instanceof SealError)) throw error2;
        problems.push(
          () => `${at(nodeAt(name, "image", "copy-to"))}: environments.${name}.image.copy-to ${quote(copyTo)} is not an image to copy to (${error2.message}). Write it as registry/repository[:tag], such as ghcr.io/acme/app-prod:stable.`
        );
      }
    }
    const image = env.image === void 0 ? {} : { image: { tag: env.image.tag ?? null, copyTo: copyTo ?? null } };
    const observed = observeSpecsOf(env.observe);
    for (const problem of observed.problems)
      problems.push(() => `${at(nodeAt(name, "observe"))}: environments.${name}.observe${problem}`);
    const watched = observed.specs.length === 0 ? {} : { observe: observed.specs };
    return {
      name,
      requires,
      requiresAny,
      soakMs: soakMs ?? 0,
      soakText: env.soak ?? null,
      signedBy,
      contract,
      url: env.url ?? null,
      ...env.platforms === void 0 ? {} : { platforms: env.platforms },
      ...image,
      ...watched,
      ...env.drift === void 0 ? {} : { drift: env.drift }
    };
  });
  if (problems.length > 0) {
    if (positions === null) return null;
    positions.fail(byPosition(problems.map((problem) => problem())));
  }
  const cycle = findCycle(environments);
  if (cycle) {
    if (positions === null) return null;
    positions.fail([
      `${at(keyAt(cycle[0]))}: the environments require each other in a cycle: ${cycle.join(" \u2192 ")}. A digest could never enter any of them; remove one of these requirements.`
    ]);
  }
  return { source, environments, service: top.service ?? null, services: top.services ?? null };
});
var findCycle = (function findCycle(environments) {
  const upstream = new Map(environments.map((e) => [e.name, [...e.requires, ...e.requiresAny]]));
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit2 = (name) => {
    if (state.get(name) === "done") return null;
    if (state.get(name) === "visiting") return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, "visiting");
    stack.push(name);
    for (const next2 of upstream.get(name) ?? []) {
      const cycle = visit2(next2);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, "done");
    return null;
  };
  for (const e of environments) {
    const cycle = visit2(e.name);
    if (cycle) return cycle;
  }
  return null;
});
// src/core/paths.ts
var isInside = (function isInside(child, parent) {
  return !leavesParent(relative(parent, child));
});
var leavesParent = (function leavesParent(rel) {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
});
var toSlashes = (function toSlashes(p) {
  return sep === "/" ? p : p.split(sep).join("/");
});
// src/app/settings/load-policy.ts
var loadPolicy = (function loadPolicy(file, inputName, baseDir) {
  const shown = relative(baseDir, file) || file;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error2) {
    const code2 = error2.code;
    throw new SealError(
      "unreadable",
      code2 === "ENOENT" ? `${inputName}: the promotion policy ${quote(shown)} does not exist. Create it (for example "environments: { dev: {}, staging: { requires: [dev] } }") or point ${inputName} at yours.` : code2 === "EISDIR" ? `${inputName}: the promotion policy ${quote(shown)} is a directory. Point ${inputName} at the policy file, such as ".github/promotion.yml".` : `${inputName}: cannot read the promotion policy ${quote(shown)} (${code2 ?? String(error2)}). Check that the file is readable.`,
      { cause: error2 }
    );
  }
  if (text.length > MAX_POLICY_CHARS) {
    throw new SealError(
      "bad-input",
      `${inputName}: the promotion policy ${quote(shown)} is ${text.length.toLocaleString("en-US")} characters long; a policy is a few lines (at most ${MAX_POLICY_CHARS.toLocaleString("en-US")}). Point ${inputName} at the policy file.`
    );
  }
  return {
    ...parsePolicy(text, leavesParent(shown) ? file : shown),
    digest: sha256Hex(text)
  };
});
// src/stores/ledger/line-hashes.ts
var hashLines = (function hashLines(input, hashing) {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  let count = 0;
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(10, at);
    count += 1;
    at = end < 0 ? bytes.length : end + 1;
  }
  const out = new Uint8Array(count * 32);
  for (let at = 0, line = 0; at < bytes.length; line++) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    out.set(
      hashing.hash("sha256", bytes.subarray(at, end), "buffer"),
      line * 32
    );
    at = end + 1;
  }
  return out;
});
var hashHere = (function hashHere() {
  const parts = [];
  return {
    add: (chunk) => void parts.push(hashLines(chunk, node_crypto_exports)),
    done: async () => Buffer.concat(parts)
  };
});
// src/core/listing.ts
var sortEntries = (function sortEntries(entries) {
  return entries.sort((a, b) => compareUtf8(a.path, b.path));
});
var listingFromDigests = (function listingFromDigests(paths, digests, order) {
  const hex = Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength).toString("hex");
  const pieces = [];
  for (let start = 0; start < order.length; start += LINES_PER_PIECE) {
    const end = Math.min(order.length, start + LINES_PER_PIECE);
    const lines = new Array(end - start);
    for (let k = start; k < end; k++) {
      const i = order[k];
      lines[k - start] = `${hex.slice(i * 64, i * 64 + 64)}  ${paths[i]}
`;
    }
    pieces.push(Buffer.from(lines.join("")));
  }
  return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
});
var checkListingPath = (function checkListingPath(path, where) {
  const fix = 'Listing paths are relative to the artifact root, use "/", and stay inside it.';
  if (path.length === 0)
    throw new SealError("malformed", `${where}: a line has an empty path. ${fix}`);
  if (path.includes("\n") || path.includes("\r")) {
    throw new SealError(
      "malformed",
      `${where}: the file name ${quote(path)} contains a line break, which a checksums listing cannot hold. Rename the file or exclude it with "!${path.split(/[\r\n]/)[0]}*".`
    );
  }
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    throw new SealError("malformed", `${where}: the path ${quote(path)} is absolute. ${fix}`);
  }
  if (path.split("/").some((segment) => segment === ".." || segment === "." || segment === "")) {
    throw new SealError(
      "malformed",
      `${where}: the path ${quote(path)} has an empty, "." or ".." segment. ${fix}`
    );
  }
});
var parseListing = (function parseListing(text, fileName) {
  const entries = [];
  const seen = /* @__PURE__ */ new Map();
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "" || line.startsWith("#")) return;
    const match = LINE.exec(line);
    if (!match) {
      throw new SealError(
        "malformed",
        `${fileName}:${lineNo}: ${quote(line.length > 120 ? `${line.slice(0, 120)}\u2026` : line)} is not a sha256sum line. Each line must be 64 hex characters, two spaces (or " *"), then the path, as "sha256sum" prints.`
      );
    }
    const [, escaped, hex, rawPath] = match;
    let path = escaped ? unescapeName(rawPath) : rawPath;
    while (path.startsWith("./")) path = path.slice(2);
    checkListingPath(path, `${fileName}:${lineNo}`);
    const earlier = seen.get(path);
    if (earlier !== void 0) {
      throw new SealError(
        "malformed",
        `${fileName}:${lineNo}: the path ${quote(path)} is listed again (first on line ${earlier}). Each file may appear once.`
      );
    }
    seen.set(path, lineNo);
    entries.push({ path, hex: hex.toLowerCase() });
  });
  if (entries.length === 0) {
    throw new SealError(
      "malformed",
      `${fileName}: the listing has no entries. Give a file in sha256sum format with one line per file.`
    );
  }
  return sortEntries(entries);
});
// src/stores/ledger/beside-ledger.ts
var besideLedger = (function besideLedger(ledgerFile) {
  return {
    checkpoint: `${ledgerFile}.checkpoint.sigstore.json`,
    contracts: `${ledgerFile}.contracts`,
    attestations: `${ledgerFile}.attestations`
  };
});
// src/stores/ledger/file-ledger.ts
var chunksOf = (function* chunksOf(fd, size) {
  let carry = Buffer.alloc(0);
  let offset = 0;
  let position = 0;
  while (position < size) {
    const buffer = Buffer.allocUnsafeSlow(carry.length + Math.min(CHUNK_BYTES, size - position));
    carry.copy(buffer);
    const read2 = readSync(fd, buffer, carry.length, buffer.length - carry.length, position);
    if (read2 === 0) break;
    position += read2;
    const filled = carry.length + read2;
    const lastNewline = buffer.lastIndexOf(10, filled - 1);
    if (lastNewline < 0) {
      carry = buffer.subarray(0, filled);
      continue;
    }
    carry = Buffer.from(buffer.subarray(lastNewline + 1, filled));
    yield { bytes: buffer.subarray(0, lastNewline + 1), offset };
    offset += lastNewline + 1;
  }
  if (carry.length > 0) {
    const last = Buffer.allocUnsafeSlow(carry.length);
    carry.copy(last);
    yield { bytes: last, offset };
  }
});
var checkGenesis = (function checkGenesis(raw) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return "it is not JSON";
  }
  if (value === null || typeof value !== "object" || value.format !== FORMAT) return notOurs2(value);
  if (value.seq !== 1 || value.prev !== null || typeof value.created?.time !== "string" || typeof value.created.id !== "string") {
    return 'it is not the first line of a ledger ("created", seq 1, no prev): the lines before it were deleted';
  }
  return null;
});
// src/core/statement.ts
var statementSubject = (function statementSubject(name, digest, isTree) {
  const hex = hexOf(digest);
  return { name, digest: isTree ? { sha256: hex, dirHash: hex } : { sha256: hex } };
});
var runUrl = (function runUrl(build) {
  return `${build.serverUrl}/${build.repository}/actions/runs/${build.runId}/attempts/${build.runAttempt}`;
});
var workflowPath = (function workflowPath(build) {
  const withoutRepo = build.workflowRef.startsWith(`${build.repository}/`) ? build.workflowRef.slice(build.repository.length + 1) : build.workflowRef;
  const at = withoutRepo.lastIndexOf("@");
  return at === -1 ? withoutRepo : withoutRepo.slice(0, at);
});
var workflowPredicate = (function workflowPredicate(build) {
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: build.ref,
          repository: `${build.serverUrl}/${build.repository}`,
          path: workflowPath(build)
        }
      },
      internalParameters: {
        github: {
          event_name: build.eventName,
          repository_id: build.repositoryId,
          repository_owner_id: build.repositoryOwnerId,
          runner_environment: build.runnerEnvironment
        }
      },
      resolvedDependencies: [
        {
          uri: `git+${build.serverUrl}/${build.repository}@${build.ref}`,
          digest: { gitCommit: build.sha }
        }
      ]
    },
    runDetails: {
      builder: { id: `${build.serverUrl}/${build.jobWorkflowRef ?? build.workflowRef}` },
      metadata: { invocationId: runUrl(build) }
    }
  };
});
var buildStatement = (function buildStatement(subjects, context) {
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: SLSA_PROVENANCE_TYPE,
    predicate: context.kind === "workflow" ? workflowPredicate(context.build) : localPredicate(context.build, subjects)
  };
});
// src/app/ledger/ledger-checkpoint.ts
var checkpointSigner = (function checkpointSigner(signing, ledgerFile, clock = () => /* @__PURE__ */ new Date()) {
  if (signing.kind === "none") return null;
  const name = basename(ledgerFile);
  return async (head, ledger) => (await signing.sign(
    checkpointStatement(name, {
      format: LEDGER_FORMAT,
      seq: head.seq,
      head: head.hash,
      time: clock().toISOString(),
      ledger
    })
  )).json;
});
// src/app/ledger/open-ledger.ts
var openLedger = (async function openLedger(location, access2, env) {
  if (location.kind === "file") {
    const signHead = access2.signing === void 0 ? null : checkpointSigner(access2.signing, location.file);
    const ledger = new FileLedger(location.file, access2.ledgerInput, {
      create: access2.create === true,
      ...signHead === null ? {} : { signHead }
    });
    if (access2.forWriting) ledger.assertWritable();
    return ledger;
  }
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new SealError(
      "bad-input",
      `${access2.ledgerInput}: "github" needs GITHUB_REPOSITORY (owner/name) to know whose deployments to use; set it, or use a file ledger.`
    );
  }
  if (access2.token === "") {
    throw new SealError(
      "bad-input",
      `${access2.tokenInput}: "github" reads and writes the deployments of ${repository} with a token, and none was given. Give a token that may read deployments (and write them, to promote).`
    );
  }
  const { GitHubDeploymentsLedger } = await import("../chunks/github-deployments-7FR7SZAC.js");
  return new GitHubDeploymentsLedger({
    token: access2.token,
    repository,
    apiUrl: apiUrlOf(env),
    serverUrl: serverUrlOf(env),
    ref: env.GITHUB_SHA || "",
    tokenInput: access2.tokenInput
  });
});
// src/app/ledger/queries.ts
var knownFromHistory = (async function knownFromHistory(ledger, digest) {
  let name = null;
  let service;
  let sealedBy = null;
  let artifact = null;
  let contract = null;
  let gateSeen = false;
  for await (const entry of ledger.entries({ digest })) {
    sealedBy ??= entry.sealedBy;
    artifact ??= entry.artifact;
    if (letIn(entry.outcome) && service === void 0) {
      service = serviceOf(entry);
      name = entry.name;
    }
    if (entry.outcome === "pending") contract ??= entry.contract ?? null;
    gateSeen ||= entry.outcome === "pending";
    if (service !== void 0 && sealedBy && artifact && (contract !== null || gateSeen)) break;
  }
  return { sealedBy, name, artifact, contract, ...service === void 0 ? {} : { service } };
});
// src/app/ledger/pipeline-status.ts
var pipelineStatus = (async function pipelineStatus(policy, ledger, options = {}) {
  const environments = pipelineOrder(policy).map((e) => e.name);
  const named2 = options.services ?? (policy.service != null ? [policy.service] : policy.services ?? null);
  let services;
  if (named2 !== null) {
    services = named2;
  } else {
    const found = [];
    for (const environment of environments) {
      try {
        for (const service of await ledger.services(environment))
          if (!found.includes(service)) found.push(service);
      } catch (error2) {
        if (!(error2 instanceof SealError)) throw error2;
        return environments.map((environment2) => ({
          environment: environment2,
          service: null,
          live: null,
          contract: null,
          pending: [],
          error: error2.message
        }));
      }
    }
    services = found;
  }
  const shown = services.length === 0 ? [null] : services;
  return Promise.all(
    environments.flatMap(
      (environment) => shown.map((service) => serviceStatus(ledger, environment, service, options))
    )
  );
});
var serviceStatus = (async function serviceStatus(ledger, environment, service, options) {
  try {
    const [live, pending] = await Promise.all([
      ledger.live(environment, service),
      ledger.pending(environment, service)
    ]);
    const known = live === null ? null : options.knownContracts?.get(live.digest);
    const contract = live === null ? null : known !== void 0 ? known : await contractOfLive(ledger, live);
    return { environment, service, live, contract, pending, error: null };
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    return { environment, service, live: null, contract: null, pending: [], error: error2.message };
  }
});
var ownService = (function ownService(policy, service) {
  return declaresServices(policy) ? {} : { services: [service] };
});
// src/app/promote/contract-plan.ts
var planContract = (async function planContract(request, sources, ledger) {
  const { signed, recorded } = request;
  const claimed = signed ?? recorded;
  let loaded4 = null;
  let problem = null;
  if (signed != null && recorded !== null && signed.digest !== recorded.digest) {
    problem = `The signed statement says ${request.digest} carries contract ${signed.digest}, but an earlier record of it names ${recorded.digest}; the ledger or the seal bundle was changed.`;
  }
  let known = true;
  try {
    const found2 = await sources.candidate(request.digest, request.bytes, claimed);
    loaded4 = found2.contract;
    known = found2.known;
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    problem ??= `This digest's contract cannot be read: ${error2.message}`;
  }
  const found = loaded4 === null ? null : { digest: loaded4.manifest.digest, version: loaded4.manifest.version };
  const claims = [
    ...signed != null ? [{ by: "the signed statement", ref: signed }] : [],
    ...recorded !== null ? [{ by: "an earlier record of the digest", ref: recorded }] : []
  ];
  const disagreeing = found === null ? void 0 : claims.find((c) => c.ref.digest !== found.digest || c.ref.version !== found.version);
  if (problem === null && found !== null && disagreeing !== void 0) {
    problem = `The contract manifest beside the bytes names contract ${found.version} (${found.digest}), but ${disagreeing.by} names ${disagreeing.ref.version} (${disagreeing.ref.digest}): the manifest was swapped or edited after sealing. Give the seal bundle as the seal wrote it.`;
  }
  if (problem === null && signed != null && recorded !== null && signed.version !== recorded.version) {
    problem = `The signed statement says ${request.digest} carries contract version ${signed.version}, but an earlier record of it names ${recorded.version}; the ledger or the seal bundle was changed.`;
  }
  if (problem === null && found === null && signed != null) {
    problem = `The signed statement says ${request.digest} carries contract ${signed.version} (${signed.digest}), but no contract manifest was found beside the bytes.`;
  }
  if (problem === null && !known && request.compare) {
    problem = `Whether ${request.digest} carries a contract is not known: no seal bundle is beside the bytes and no record of the digest names one. Give the seal bundle's listing (checksums-path, or --checksums) with the bytes, or fetch them as a workflow artifact.`;
  }
  const candidate = problem === null ? found ?? claimed ?? null : claimed ?? null;
  if (!request.compare)
    return {
      environment: request.environment,
      compared: false,
      candidate,
      loaded: loaded4,
      liveDigest: null,
      live: null,
      changes: null,
      problem
    };
  const span = await ledger.live(request.environment, request.service);
  const live = span === null ? null : await contractOfLive(ledger, span);
  const plan = {
    environment: request.environment,
    compared: true,
    candidate,
    loaded: loaded4,
    liveDigest: span?.digest ?? null,
    live
  };
  if (problem !== null || live === null || candidate === null || live.digest === candidate.digest || span === null || loaded4 === null) {
    return {
      ...plan,
      changes: live !== null && candidate !== null && live.digest === candidate.digest ? [] : null,
      problem
    };
  }
  let baseline;
  try {
    baseline = await sources.baseline({
      environment: request.environment,
      digest: span.digest,
      contract: live,
      artifact: await artifactOf(ledger, span.digest)
    });
  } catch (error2) {
    if (stopsPromotion(error2) || !(error2 instanceof SealError)) throw error2;
    return { ...plan, changes: null, problem: error2.message };
  }
  const { classifyContracts } = await import("../chunks/classify-SN2M6F5R.js");
  try {
    return {
      ...plan,
      changes: await classifyContracts(baseline, loaded4, { now: await request.now() }),
      problem: null
    };
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    return {
      ...plan,
      changes: null,
      problem: `The contracts could not be compared: ${error2.message}`
    };
  }
});
var contractsKnown = (function contractsKnown(digest, plan) {
  const known = /* @__PURE__ */ new Map();
  if (plan === null) return known;
  if (plan.liveDigest !== null) known.set(plan.liveDigest, plan.live);
  if (digest !== null && plan.problem === null) known.set(digest, plan.candidate);
  return known;
});
// src/core/promotion/drift-rule.ts
var blockingUpstreams = (function blockingUpstreams(policy, target) {
  return upstreamOf(target).filter((name) => findEnvironment(policy, name)?.drift === "block");
});
// src/core/promotion/gate.ts
var decide = (function decide(request, facts) {
  const { digest, rule, mode, now } = request;
  const checks = [vetoCheck(rule.name, facts.veto)];
  if (facts.live?.digest === digest) {
    checks.push({
      rule: "already-live",
      environment: rule.name,
      passed: true,
      detail: `${rule.name} runs this digest already (since ${facts.live.from}); recording it again.`
    });
  }
  if (mode === "rollback") {
    const ran = facts.spans.get(rule.name) ?? [];
    checks.push(
      ran.length > 0 ? {
        rule: "ran-before",
        environment: rule.name,
        passed: true,
        detail: `${rule.name} ran this digest from ${ran.at(-1)?.from}.`
      } : {
        rule: "ran-before",
        environment: rule.name,
        passed: false,
        detail: `${rule.name} never ran this digest; a rollback can only return to a digest the environment ran before. Promote it instead.`
      }
    );
  } else {
    for (const upstream of rule.requires) {
      checks.push(...upstreamChecks("requires", upstream, rule, facts, now));
    }
    if (rule.requiresAny.length > 0) checks.push(...anyUpstreamChecks(rule, facts, now));
  }
  if (rule.signedBy !== null) checks.push(signedByCheck(rule.name, rule.signedBy, facts.signature));
  let approvalUsed = null;
  if (rule.contract && facts.otherService !== void 0 && mode === "promote")
    checks.push(newServiceCheck(rule.name, request.service ?? null, facts.otherService));
  if (rule.contract) {
    const verdict = facts.contract ? judgeContract(rule.name, digest, rule.contract, mode, facts.contract) : {
      passed: false,
      detail: `${rule.name} judges contract amendments, and the contracts were not compared (fail closed).`,
      approvalUsed: null
    };
    checks.push({
      rule: "contract",
      environment: rule.name,
      passed: verdict.passed,
      detail: verdict.detail
    });
    approvalUsed = verdict.approvalUsed;
  }
  const failed = checks.filter((c) => !c.passed);
  return {
    allowed: failed.length === 0,
    mode,
    digest,
    environment: rule.name,
    checks,
    reason: failed.length === 0 ? null : failed.map((c) => c.detail).join(" "),
    ...approvalUsed !== null && failed.length === 0 ? { approvalUsed } : {}
  };
});
var vetoCheck = (function vetoCheck(environment, veto) {
  if (veto === null)
    return { rule: "veto", environment, passed: true, detail: "The digest is not vetoed." };
  const where = veto.environment ? ` in ${veto.environment}` : "";
  return {
    rule: "veto",
    environment,
    passed: false,
    detail: `The digest was vetoed${where} at ${veto.time}${veto.actor ? ` by ${veto.actor}` : ""}: ${veto.reason ?? "no reason given"}. Build and seal a fixed artifact.`
  };
});
// src/core/promotion/decide-promotion.ts
var decidePromotion = (function decidePromotion(subject, evidence, ledger) {
  const { digest, rule, mode, service } = subject;
  if (evidence.refusal !== null)
    return refusal(mode, rule.name, digest, evidence.refusal.rule, evidence.refusal.detail);
  const decision = decide(
    { digest, rule, mode, now: ledger.now, service },
    {
      veto: ledger.veto,
      live: ledger.live,
      spans: ledger.spans,
      ...evidence.signature !== void 0 ? { signature: evidence.signature } : {},
      ...evidence.contract !== null && rule.contract ? { contract: contractFact(evidence.contract, ledger.live, ledger.approval) } : {},
      ...ledger.otherService !== null && ledger.otherService.service !== service ? { otherService: ledger.otherService } : {},
      drifted: driftedUpstreams(rule.name, ledger.drift)
    }
  );
  return evidence.withoutBytes === null ? decision : { ...decision, checks: [...decision.checks, evidence.withoutBytes] };
});
var driftedUpstreams = (function driftedUpstreams(target, states) {
  const drifted = /* @__PURE__ */ new Map();
  for (const [upstream, state] of states ?? []) {
    const refusal2 = driftRefusal(upstream, target, state);
    if (refusal2 !== null) drifted.set(upstream, refusal2);
  }
  return drifted;
});
// src/app/signature/verdict.ts
var judgeSignature = (function judgeSignature(check2, required, fix = null) {
  if (check2.status === "refused") return { accepted: false, reason: check2.detail };
  if (check2.status === "unsigned" && required !== null) {
    return {
      accepted: false,
      reason: `${check2.detail} A signature is required: ${required}.${fix === null ? "" : ` ${fix}`}`
    };
  }
  return { accepted: true };
});
var signatureFact = (function signatureFact(check2, serverUrl) {
  return check2.status === "verified" ? { signer: check2.signer, missing: null, serverUrl } : { signer: null, missing: check2.status === "unsigned" ? check2.detail : null, serverUrl };
});
// src/app/observe/drift-facts.ts
var driftOfUpstreams = (async function driftOfUpstreams(view, policy, target, service) {
  const upstreams = blockingUpstreams(policy, target);
  return new Map(
    await Promise.all(
      upstreams.map(
        async (environment) => [
          environment,
          await driftStateOf(view.entries({ environment, service }), service)
        ]
      )
    )
  );
});
// src/app/promote/promote-digest.ts
var promoteDigest = (async function promoteDigest(request, policy, ledger, options) {
  const rule = environmentOf(request, policy);
  const mode = request.rollback ? "rollback" : "promote";
  const nameInput = request.inputs.name ?? "name";
  const outcome = new Outcome(request, policy, nameInput);
  const target = await resolveTarget(request, policy, rule, ledger, nameInput, outcome);
  if (target.kind === "unreadable") {
    if (target.service !== void 0) outcome.service = target.service;
    return outcome.ledgerRefusal(mode, rule, target.error);
  }
  const digest = target.digest;
  outcome.digest = digest;
  if (target.service !== void 0) outcome.service = target.service;
  let history;
  try {
    history = await knownFromHistory(ledger, digest);
  } catch (error2) {
    return outcome.ledgerRefusal(mode, rule, error2);
  }
  outcome.learn(history);
  let evidence = { refusal: target.refusal, withoutBytes: null, contract: null };
  let bytesAbsent = null;
  if (evidence.refusal === null && request.verifyBytes) {
    const checked = await checkBytes(request.verifyBytes, digest, history, outcome);
    bytesAbsent = typeof checked === "object" && checked !== null && "absent" in checked ? checked.absent : null;
    evidence = {
      ...evidence,
      refusal: bytesAbsent !== null ? null : checked
    };
  }
  if (evidence.refusal === null && request.checkSignature)
    evidence = { ...evidence, ...await checkSignature(request, digest, rule, mode, outcome) };
  if (evidence.refusal === null && bytesAbsent !== null && !digestAlone(outcome.signature)) {
    evidence = {
      ...evidence,
      refusal: {
        rule: "bytes",
        detail: `The bytes to deploy could not be fetched and checked: ${bytesAbsent} ${signatureFound(outcome.signature)}`
      }
    };
  }
  if (evidence.refusal === null && (!request.verifyBytes || bytesAbsent !== null) && !request.dryRun)
    evidence = {
      ...evidence,
      withoutBytes: withoutBytes(request.withoutBytes, rule.name, digest, outcome.signature)
    };
  const service = outcome.service ??= serviceOfPromotion(
    policy,
    rule,
    outcome,
    history,
    nameInput
  );
  outcome.name ??= outcome.signedName ?? history.name ?? null;
  if (outcome.name === null && outcome.claimedName !== null) {
    outcome.name = outcome.claimedName;
    outcome.nameClaimed = true;
  }
  if (evidence.refusal === null && request.contract) {
    try {
      outcome.contract = await planContract(
        {
          environment: rule.name,
          service,
          digest,
          bytes: outcome.verification,
          signed: outcome.signature?.status === "verified" ? outcome.signature.contract : void 0,
          recorded: history.contract ?? null,
          compare: (rule.contract ?? null) !== null,
          now: () => ledger.now()
        },
        request.contract,
        ledger
      );
    } catch (error2) {
      if (!(error2 instanceof SealError) || stopsPromotion(error2)) throw error2;
      return outcome.ledgerRefusal(mode, rule, error2);
    }
    evidence = { ...evidence, contract: outcome.contract };
  }
  const artifact = outcome.verification?.artifact ?? request.artifact ?? history.artifact;
  const subject = { digest, rule, mode, service };
  let decision = null;
  const decideAndRecord = async (view) => {
    const facts = await ledgerFacts(view, subject, policy, evidence);
    outcome.previous = facts.live;
    decision = decidePromotion(subject, evidence, facts);
    if (request.dryRun) return null;
    const record = recordOf(
      request,
      {
        ...subject,
        outcome: decision.allowed ? "pending" : "refused",
        previous: facts.live,
        reason: decision.reason
      },
      outcome,
      artifact,
      decision
    );
    return request.attest ? { ...record, attestation: await request.attest(record, decision, outcome.signature) } : record;
  };
  const decided = () => {
    if (decision === null)
      throw new Error("unreachable: the ledger recorded without running the gate");
    return decision;
  };
  try {
    if (request.wait !== void 0 && !request.dryRun && evidence.refusal === null)
      outcome.waitedMs = await waitForSoak(request.wait, ledger, subject, policy, evidence);
    if (request.dryRun) {
      await decideAndRecord(ledger);
      return outcome.result(decided());
    }
    const recorded = await ledger.record(rule.name, decideAndRecord, options.pendingTimeoutMs);
    outcome.abandoned = recorded.abandoned;
    if (recorded.lost === null)
      await keepAfterPromotion(request.contract, outcome.contract, decided().allowed);
    return outcome.result(
      recorded.lost === null ? decided() : lostAfterAppend(decided(), rule.name, recorded.lost),
      recorded.entry
    );
  } catch (error2) {
    return outcome.ledgerRefusal(mode, rule, error2);
  }
});
var environmentOf = (function environmentOf(request, policy) {
  return requireEnvironment(policy, request.environment, request.inputs.environment);
});
var resolveTarget = (async function resolveTarget(request, policy, rule, ledger, nameInput, outcome) {
  if ((request.from ?? null) !== null)
    return resolveFrom(request, request.from, policy, rule, ledger, nameInput, outcome);
  if (request.digest === null)
    throw new Error("unreachable: a promotion with no digest and no environment to take it from");
  if (request.digest !== "previous")
    return { kind: "digest", digest: request.digest, refusal: null };
  let service;
  let live;
  let digest;
  try {
    service = await serviceOfPrevious(request, policy, rule.name, ledger, nameInput);
    live = await ledger.live(rule.name, service);
    digest = await lastGoodBefore(ledger, rule.name, service);
  } catch (error2) {
    if (stopsPromotion(error2)) throw error2;
    return { kind: "unreadable", error: error2, ...service === void 0 ? {} : { service } };
  }
  if (digest !== null) return { kind: "digest", digest, service, refusal: null };
  const of = service === null && !declaresServices(policy) ? "" : ` (${describeService(service)})`;
  if (live === null)
    throw new SealError(
      "bad-input",
      `${request.inputs.digest}: ${rule.name}${of} never ran a digest, so there is nothing to roll back to. Promote a digest instead.`
    );
  return {
    kind: "digest",
    digest: live.digest,
    service,
    refusal: {
      rule: "ran-before",
      detail: `${rule.name}${of} ran no other digest that is not vetoed before ${live.digest}; there is nothing to roll back to.`
    }
  };
});
var checkBytes = (async function checkBytes(verifyBytes, digest, history, outcome) {
  try {
    const check2 = await verifyBytes(digest, history);
    if (check2.absent !== void 0) return { absent: check2.absent };
    outcome.verification = check2;
    outcome.learn(check2);
    outcome.claimedName ??= check2.name ?? null;
    return check2.verified ? null : { rule: "bytes", detail: bytesMismatchDetail(check2.actual, check2.mismatches, digest) };
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    return {
      rule: "bytes",
      detail: `The bytes to deploy could not be fetched and checked: ${error2.message}`
    };
  }
});
var checkSignature = (async function checkSignature(request, digest, rule, mode, outcome) {
  let check2;
  try {
    check2 = await request.checkSignature(
      digest,
      outcome.verification
    );
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    check2 = {
      status: "refused",
      detail: `The seal's signature could not be checked: ${error2.message}`
    };
  }
  outcome.signature = check2;
  const required = rule.signedBy === null ? request.signatureRequired ?? null : null;
  const verdict = judgeSignature(
    check2,
    required,
    mode === "promote" ? 'Seal it with "permissions: id-token: write" or a signing-key.' : null
  );
  if (!verdict.accepted) return { refusal: { rule: "signature", detail: verdict.reason } };
  if (check2.status === "verified") {
    outcome.sealedBy = check2.sealedBy;
    outcome.signedName = check2.name;
    const swapped = swappedStatement(check2.name, outcome.claimedName);
    if (swapped !== null) return { refusal: { rule: "signature", detail: swapped } };
    contradictedName(request, outcome, check2.name, mode);
  }
  return {
    refusal: null,
    signature: signatureFact(check2, request.serverUrl ?? DEFAULT_SERVER_URL)
  };
});
var serviceOfPromotion = (function serviceOfPromotion(policy, rule, outcome, history, nameInput) {
  if (outcome.policyPins) return serviceFor(policy, null, nameInput);
  const proven = outcome.name ?? outcome.signedName ?? null;
  if (proven !== null) return serviceFor(policy, proven, nameInput);
  if (history.service !== void 0) return serviceFor(policy, history.service, nameInput);
  if (outcome.claimedName !== null && (policy.services ?? null) === null && !rule.contract)
    return serviceFor(policy, outcome.claimedName, nameInput);
  if (outcome.claimedName !== null && (policy.services ?? null) === null)
    return serviceFor(policy, null, nameInput);
  if (outcome.claimedName !== null) {
    throw new SealError(
      "bad-input",
      `${nameInput}: the promotion policy ${policy.source} lists its services, and nothing proves which one this is: the seal's unsigned statement claims ${quote(outcome.claimedName)}, which anyone who handled the files could have written. Give ${nameInput} (the service it deploys), or sign the seal so its name is proven.`
    );
  }
  return serviceFor(policy, null, nameInput);
});
var ledgerFacts = (async function ledgerFacts(view, subject, policy, evidence) {
  const { digest, rule, mode, service } = subject;
  const live = await view.live(rule.name, service);
  if (evidence.refusal !== null)
    return {
      now: /* @__PURE__ */ new Date(0),
      veto: null,
      live,
      spans: /* @__PURE__ */ new Map(),
      otherService: null,
      approval: null
    };
  const environments = mode === "rollback" ? [rule.name] : upstreamOf(rule);
  const newest = rule.contract && live === null && (policy.services ?? null) === null ? await view.newest(rule.name) : null;
  const contract = evidence.contract;
  return {
    veto: await view.veto(digest),
    live,
    spans: new Map(
      await Promise.all(
        environments.map(async (env) => [env, await view.spans(digest, env, service)])
      )
    ),
    otherService: newest,
    drift: await driftOfUpstreams(view, policy, rule, service),
    approval: contract !== null && rule.contract && mayNeedApproval(contract) ? await unusedApproval(
      view,
      contract.environment,
      service,
      contract.live?.digest ?? null,
      contract.candidate?.digest
    ) : null,
    now: await view.now()
  };
});
// src/app/settings/runner-environment.ts
var buildContextFromEnv = (function buildContextFromEnv(env, now = /* @__PURE__ */ new Date()) {
  const { GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID } = env;
  if (env.GITHUB_ACTIONS === "true" && GITHUB_REPOSITORY && GITHUB_SHA && GITHUB_RUN_ID) {
    return {
      kind: "workflow",
      build: {
        serverUrl: serverUrlOf(env),
        repository: GITHUB_REPOSITORY,
        repositoryId: env.GITHUB_REPOSITORY_ID ?? "",
        repositoryOwnerId: env.GITHUB_REPOSITORY_OWNER_ID ?? "",
        sha: GITHUB_SHA,
        ref: env.GITHUB_REF ?? "",
        workflowRef: env.GITHUB_WORKFLOW_REF ?? `${GITHUB_REPOSITORY}/${env.GITHUB_WORKFLOW ?? "workflow"}`,
        eventName: env.GITHUB_EVENT_NAME ?? "",
        runId: GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT || "1",
        runnerEnvironment: env.RUNNER_ENVIRONMENT || "unknown"
      }
    };
  }
  return {
    kind: "local",
    build: {
      tool: `pkg:npm/artifact-seal@${VERSION}`,
      host: hostname(),
      startedOn: now.toISOString()
    }
  };
});
var fallbackName = (function fallbackName(env, baseDir) {
  const repository = env.GITHUB_REPOSITORY?.split("/")[1];
  return repository || basename(resolve(baseDir)) || "artifact";
});
var workspaceDir = (function workspaceDir(env) {
  return env.GITHUB_WORKSPACE || process.cwd();
});
var runnerTempDir = (function runnerTempDir(env) {
  return env.RUNNER_TEMP || tmpdir();
});
var requesterFromEnv = (function requesterFromEnv(env) {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  const runUrl2 = env.GITHUB_ACTIONS === "true" && GITHUB_REPOSITORY && GITHUB_RUN_ID ? `${serverUrlOf(env)}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ""}` : null;
  let actor = env.GITHUB_ACTOR || null;
  if (actor === null && env.GITHUB_ACTIONS !== "true") {
    try {
      actor = userInfo().username;
    } catch {
      actor = null;
    }
  }
  return { runUrl: runUrl2, actor };
});
// src/report/markdown.ts
var plain = (function plain(value) {
  const flat = visibleControls(value.replace(LINE_BREAKS, " "));
  let out = flat.replace(INLINE, reference).replace(/www\./gi, (www) => `${reference(www[0])}${www.slice(1)}`);
  if (/^(?:[\s\-+=]|[0-9]{1,9}[.)])/.test(out)) out = reference(out[0]) + out.slice(1);
  if (/\s$/.test(out)) out = out.slice(0, -1) + reference(out.slice(-1));
  return out;
});
var code = (function code(value) {
  if (value !== "" && !ENDS_CODE_SPAN.test(value) && !/^\s|\s$/.test(value)) return `\`${value}\``;
  return `<code>${plain(value)}</code>`;
});
// src/report/promotion-report.ts
var headline = (function headline(report) {
  const { decision, record } = report.result;
  const what = report.name ?? decision.digest ?? "the artifact";
  const pending = record ? ` (record ${record.id}, pending until its deployment is confirmed)` : "";
  if (decision.mode === "rollback") {
    if (!decision.allowed) return `rollback of ${decision.environment} to ${what} refused`;
    if (report.dryRun)
      return `${decision.environment} may be rolled back to ${what} (dry run: nothing recorded)`;
    return `${decision.environment} may roll back to ${what}${pending}`;
  }
  if (!decision.allowed) return `${what} refused for ${decision.environment}`;
  if (report.dryRun)
    return `${what} may be promoted to ${decision.environment} (dry run: nothing recorded)`;
  return `${what} let into ${decision.environment}${pending}`;
});
var contractOutcome = (function contractOutcome(plan) {
  if (plan === null) return null;
  const { live, candidate } = plan;
  if (!plan.compared) return candidate === null ? null : { kind: "carried", contract: candidate };
  if (plan.problem !== null && (live === null || candidate === null || live.digest === candidate.digest))
    return { kind: "problem", problem: plan.problem };
  if (candidate === null) return live === null ? null : { kind: "removed", from: live };
  if (live === null) return { kind: "initial", to: candidate };
  if (live.digest === candidate.digest) return { kind: "unchanged", contract: candidate };
  if (plan.changes === null)
    return { kind: "not-compared", from: live, to: candidate, problem: plan.problem };
  return { kind: "amended", from: live, to: candidate, changes: plan.changes };
});
// src/report/mermaid.ts
var label = (function label(value) {
  const flat = visibleControls(value.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, " "));
  return flat.replace(/[^A-Za-z0-9 ._/:+,@()-]/gu, (c) => `#${c.codePointAt(0)};`);
});
// src/report/signer-markdown.ts
var signerRows = (function signerRows(signature, origins = [DEFAULT_SERVER_URL]) {
  if (signature === null || signature === void 0) return [];
  if (signature.status === "unsigned") return [`| Signature | none: ${plain(signature.detail)} |`];
  if (signature.status === "refused")
    return [`| Signature | \u274C refused: ${plain(signature.detail)} |`];
  const signer = signature.signer;
  if (signer.kind === "key") return [`| Signed by | the key ${code(signer.hint)} |`];
  const i = signer.identity;
  const rows = [`| Signed by | ${code(i.subjectAlternativeName)} |`];
  const add = (label2, value, asCode = true) => {
    if (value !== void 0 && value !== "")
      rows.push(`| ${label2} | ${asCode ? code(value) : plain(value)} |`);
  };
  add("Repository", i.repository);
  add("Source ref", i.sourceRepositoryRef);
  add("Source commit", i.sourceRepositoryDigest);
  add("Runner", i.runnerEnvironment);
  add("Issuer", i.issuer);
  if (i.runInvocationUri)
    rows.push(`| Signing run | ${link2(plain(i.runInvocationUri), i.runInvocationUri, origins)} |`);
  rows.push(`| Signed at | ${plain(signer.signedAt)} (trusted timestamp) |`);
  return rows;
});
// src/report/promotion-markdown.ts
var renderPromotionMarkdown = (function renderPromotionMarkdown(report) {
  const { result, policy, status } = report;
  const { decision } = result;
  const out = [];
  out.push(`### ${decision.allowed ? "\u{1F680}" : "\u26D4"} ${plain(headline(report))}`, "");
  const origins = [report.serverUrl ?? DEFAULT_SERVER_URL];
  const environments = [...new Set(status.map((s) => s.environment))];
  const ids = new Map(environments.map((environment, i) => [environment, `env${i}`]));
  const several = new Set(status.map((s) => s.service)).size > 1;
  out.push("```mermaid", "flowchart LR");
  for (const environment of environments) {
    const mark = environment === decision.environment ? decision.allowed ? " \u2705" : " \u26D4" : "";
    const lines = status.filter((s) => s.environment === environment).map((s) => {
      const runs = s.error ? "unknown" : s.live ? shortDigest(s.live.digest) : "nothing yet";
      const contract2 = s.contract ? `<br/>${label(`contract ${s.contract.version}`)}` : "";
      const pending = s.pending.map(
        (p) => `<br/>${label(`pending ${shortDigest(p.digest)}${p.contract ? ` (contract ${p.contract.version})` : ""}`)}`
      ).join("");
      return `<br/>${label(several ? `${serviceLabel(s.service)}: ${runs}` : runs)}${contract2}${pending}`;
    });
    out.push(`  ${ids.get(environment)}["${label(environment)}${mark}${lines.join("")}"]`);
  }
  for (const env of policy.environments) {
    for (const upstream of upstreamOf(env)) {
      const arrow = env.requires.includes(upstream) ? "-->" : "-.->";
      const soak = env.soakText ? `|soak ${label(env.soakText)}|` : "";
      out.push(`  ${ids.get(upstream)} ${arrow}${soak} ${ids.get(env.name)}`);
    }
  }
  out.push(
    "  classDef here fill:#dafbe1,stroke:#1a7f37",
    "  classDef refused fill:#ffebe9,stroke:#cf222e"
  );
  const here = [
    ...new Set(
      status.filter((s) => s.live?.digest === decision.digest).map((s) => ids.get(s.environment))
    )
  ];
  if (here.length > 0) out.push(`  class ${here.join(",")} here`);
  if (!decision.allowed) out.push(`  class ${ids.get(decision.environment)} refused`);
  out.push("```", "");
  out.push(
    several ? "| Environment | Service | Runs now | Since | Contract |" : "| Environment | Runs now | Since | Contract |",
    several ? "| --- | --- | --- | --- | --- |" : "| --- | --- | --- | --- |"
  );
  for (const s of status) {
    const runs = s.error ? `unknown: ${plain(s.error)}` : s.live ? `${code(shortDigest(s.live.digest))}${s.live.digest === decision.digest ? " (this digest)" : ""}` : "\u2014";
    const pending = s.pending.map(
      (p) => `<br/>pending: ${code(shortDigest(p.digest))} (record ${plain(p.id)}${p.contract ? `, contract ${code(p.contract.version)}` : ""}, not confirmed)`
    ).join("");
    const service = several ? ` ${plain(serviceLabel(s.service))} |` : "";
    const image = s.image === void 0 ? "" : `<br/>image: ${plain(imageTagText(s.image))}`;
    out.push(
      `| ${plain(s.environment)} |${service} ${runs}${pending}${image} | ${s.live ? plain(s.live.from) : ""} | ${s.contract ? code(s.contract.version) : ""} |`
    );
  }
  out.push("");
  out.push("| Rule | Environment | Outcome | Detail |", "| --- | --- | --- | --- |");
  for (const c of decision.checks)
    out.push(
      `| ${plain(c.rule)} | ${plain(c.environment)} | ${c.passed ? "\u2705 passed" : "\u274C failed"} | ${plain(c.detail)} |`
    );
  out.push("");
  const contract = contractOutcome(result.contract);
  if (contract?.kind === "amended" && contract.changes.length > 0)
    out.push(...amendmentMarkdown(contract, decision.environment, decision.mode === "rollback"));
  out.push("| | |", "| --- | --- |");
  if (decision.digest) out.push(`| Digest | ${code(decision.digest)} |`);
  const imageRef = report.imageRef ?? result.verification?.imageRef;
  if (decision.allowed && imageRef !== void 0)
    out.push(`| Deploy | ${code(imageRef)} (the image by digest, never the tag) |`);
  if (result.previous)
    out.push(
      `| ${plain(decision.environment)} ran before | ${code(result.previous.digest)} since ${plain(result.previous.from)} |`
    );
  if (contract !== null)
    out.push(
      `| Contract | ${contractRow(
        contract,
        decision.checks.some((c) => c.rule === "contract")
      )} |`
    );
  out.push(...sealedByRows(report, origins));
  out.push(...signerRows(result.signature, origins));
  if (result.record?.attestation)
    out.push(`| Record attestation | ${attestationLink(result.record.attestation, origins)} |`);
  const record = result.record;
  out.push(
    `| Ledger | ${code(report.ledger)}${record ? `, record ${recordLink(record, origins)}` : report.dryRun ? " (dry run: nothing recorded)" : ""} |`
  );
  out.push("");
  return out.join("\n");
});
var sealedByRows = (function sealedByRows(report, origins) {
  const { result } = report;
  if (result.sealedBy === null)
    return [
      "| Sealed by | unknown: give checksums-path with the seal bundle beside it to record the build |"
    ];
  const { sealedBy: sealed, invalid } = validSealedBy(result.sealedBy, origins[0]);
  const claimed = !sealed.signer && result.signature?.status !== "verified" ? " (claimed by an unsigned statement, not proven)" : "";
  const rows = [];
  if (sealed.commit) {
    const short = code(sealed.commit.slice(0, 7));
    rows.push(
      `| Commit | ${sealed.repository ? link2(short, `${origins[0]}/${sealed.repository}/commit/${sealed.commit}`, origins) : short}${claimed} |`
    );
  } else if (invalid.includes("commit")) {
    rows.push("| Commit | invalid in the seal statement (not shown) |");
  }
  if (sealed.runUrl)
    rows.push(
      `| Sealed by | ${link2(plain(sealed.runUrl.slice(`${origins[0]}/`.length)), sealed.runUrl, origins)}${claimed} |`
    );
  else if (invalid.includes("runUrl"))
    rows.push("| Sealed by | invalid run in the seal statement (not shown) |");
  else if (rows.length === 0)
    rows.push(
      "| Sealed by | unknown: the seal statement names no build in the form a seal writes it (the log says which fields were left out) |"
    );
  return rows;
});
// src/app/settings/ledger-location.ts
var parseLedgerLocation = (function parseLedgerLocation(value, inputName, baseDir) {
  const v = value.trim();
  if (v === "github") return { kind: "github" };
  if (v.startsWith("file:") && v.length > "file:".length)
    return { kind: "file", file: resolve(baseDir, v.slice("file:".length)) };
  throw new SealError(
    "bad-input",
    `${inputName}: ${quote(value)} is not a ledger. Give "github" (the repository's Deployments, needs permissions: deployments: write) or "file:<path>", such as "file:${DEFAULT_FILE_LEDGER}".`
  );
});
// src/app/settings/inputs.ts
var readPlainHttpRegistries = (function readPlainHttpRegistries(text, name) {
  return parsePlainHttpRegistries(inputLines(text), name);
});
var inputLines = (function inputLines(text) {
  return text.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
});
var parseBooleanInput = (function parseBooleanInput(name, value, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new SealError("bad-input", `${name}: ${quote(value)} is not a boolean. Use true or false.`);
});
// src/core/subject/patterns.ts
var parseSubjectPatterns = (function parseSubjectPatterns(value) {
  const include = [];
  const exclude = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    for (const part of line.split(",")) {
      const pattern = part.trim();
      if (pattern === "") continue;
      if (pattern.startsWith("!")) {
        const negated = pattern.slice(1).trim();
        if (negated !== "") exclude.push(negated);
      } else {
        include.push(pattern);
      }
    }
  }
  return { include, exclude };
});
// src/app/settings/bytes-source.ts
var readBytesSource = (function readBytesSource(getInput2, workspace, names) {
  const input = (name) => getInput2(name).trim();
  const artifactName = input(names.name);
  const runIdText = input(names.runId);
  const repository = input(names.repository);
  const checksums = input(names.checksumsPath);
  const plainHttp = names.plainHttp === void 0 ? [] : readPlainHttpRegistries(getInput2(names.plainHttp), names.plainHttp);
  const image = readImage(getInput2, names);
  const subject = image === null ? readSubject(getInput2, workspace, names.subjectPath) : null;
  if ((subject !== null || image !== null) && artifactName !== "") {
    throw new SealError(
      "bad-input",
      `${names.subjectPath} and ${names.name} both say where the bytes are; give one: ${names.subjectPath} for files in the workspace, ${names.name} for a workflow artifact.`
    );
  }
  for (const [name, value] of [
    [names.runId, runIdText],
    [names.repository, repository]
  ]) {
    if (value !== "" && artifactName === "") {
      throw new SealError(
        "bad-input",
        `${name}: ${quote(value)} says where the workflow artifact was uploaded; give ${names.name} too, or remove it.`
      );
    }
  }
  if (checksums !== "" && subject === null && image === null && !(names.listingAlone === true && artifactName === "")) {
    throw new SealError(
      "bad-input",
      `${names.checksumsPath}: ${quote(checksums)} names the files that differ in ${names.subjectPath}; give ${names.subjectPath} too, or remove it (a workflow artifact carries its own listing).`
    );
  }
  if (image !== null)
    return {
      ...image,
      token: input(names.token),
      checksumsFile: checksums === "" ? null : resolve(workspace, checksums),
      plainHttp
    };
  if (subject !== null)
    return {
      kind: "local",
      subject,
      checksumsFile: checksums === "" ? null : resolve(workspace, checksums)
    };
  if (artifactName === "") return null;
  let runId = null;
  if (runIdText !== "") {
    runId = Number(runIdText);
    if (!/^[1-9][0-9]*$/.test(runIdText) || !Number.isSafeInteger(runId)) {
      throw new SealError(
        "bad-input",
        `${names.runId}: ${quote(runIdText)} is not a workflow run id. Give the number from the run's URL (\u2026/actions/runs/<id>), such as "\${{ github.event.workflow_run.id }}".`
      );
    }
  }
  if (repository !== "" && runId === null) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is another repository's; give ${names.runId} too, the run there that uploaded ${quote(artifactName)}.`
    );
  }
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  const token = input(names.token);
  if (runId !== null && token === "") {
    throw new SealError(
      "bad-input",
      `${names.token}: required to download from another run (${names.runId}: ${runIdText}). Give "\${{ github.token }}" and grant the job "permissions: actions: read".`
    );
  }
  return {
    kind: "artifact",
    name: artifactName,
    runId,
    repository: repository === "" ? null : repository,
    token
  };
});
var misspelledInputs = (function misspelledInputs(env, inputs) {
  const squash = (name) => name.toLowerCase().replace(/[-_\s]/g, "");
  const wanted = new Map(inputs.map((name) => [squash(name), name]));
  const found = [];
  for (const key of Object.keys(env)) {
    if (!key.startsWith("INPUT_") || env[key] === void 0 || env[key] === "") continue;
    const given = key.slice("INPUT_".length);
    const meant = wanted.get(squash(given));
    if (meant !== void 0 && given !== meant.replace(/ /g, "_").toUpperCase())
      found.push(`${given.toLowerCase()} (${key}), read as nothing: did you mean ${meant}?`);
  }
  return found.sort();
});
var readImage = (function readImage(getInput2, names) {
  const text = getInput2(names.subjectPath);
  if (!isImageSubject(text)) return null;
  return {
    kind: "image",
    reference: parseImageSubject(text, names.subjectPath),
    inputName: names.subjectPath
  };
});
var readSubject = (function readSubject(getInput2, workspace, pathInput) {
  const subjectPath = getInput2(pathInput).trim();
  if (subjectPath === "") return null;
  return {
    kind: "paths",
    patterns: parseSubjectPatterns(getInput2(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    // The files an exclusion kept out of the seal need not have been carried to the deploy job.
    unusedExclusions: "allow",
    // As the seal action leaves them out by default; a sealed listing that names one turns it back
    // (verify-artifact.ts).
    hidden: "leave-out"
  };
});
// src/attestation/tuf-mirrors.ts
var parseTufMirrors = (function parseTufMirrors(text, baseDir, inputName = TUF_MIRRORS_INPUT) {
  const mirrors = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [urlText = ""] = line.split(/\s+/, 1);
    const rootText = line.slice(urlText.length).trim();
    const parsed = URL.canParse(urlText) ? new URL(urlText) : null;
    if (parsed === null || parsed.protocol !== "https:" && parsed.protocol !== "http:" || parsed.search !== "" || parsed.hash !== "") {
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(urlText)} is not the http(s) URL of a TUF repository. ${FORMAT2}`
      );
    }
    const url = urlText.replace(/\/+$/, "");
    if (mirrors.some((m) => m.url === url))
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(url)} is named twice. Name each repository once.`
      );
    if (rootText === "") {
      if (!BUILT_IN_ROOTS.has(url)) {
        throw new SealError(
          "bad-input",
          `${inputName}: ${quote(url)} has no root.json. Only ${quote(PUBLIC_GOOD_TUF_MIRROR)} and ${quote(GITHUB_TUF_MIRROR)} have theirs built in; give the path of the repository's root.json after its URL (the version its maintainers publish, or one you trust). ${FORMAT2}`
        );
      }
      mirrors.push({ url, rootFile: null });
      continue;
    }
    const rootFile = resolve(baseDir, rootText);
    checkTufRoot(rootFile, `${inputName}: the root.json ${quote(rootText)} of ${quote(url)}`);
    mirrors.push({ url, rootFile });
  }
  return mirrors.length === 0 ? null : mirrors;
});
// src/app/settings/signing-settings.ts
var readSigningSettings = (function readSigningSettings(getInput2, env, defaultMode = "auto") {
  const modeText = getInput2(SigningInput.Sign).trim().toLowerCase();
  if (modeText !== "" && !SIGN_MODES.includes(modeText)) {
    throw new SealError(
      "bad-input",
      `${SigningInput.Sign}: ${quote(getInput2(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), keyless (a Sigstore certificate for the workflow) or none; a ${SigningInput.SigningKey} signs with that key.`
    );
  }
  const keyText = getInput2(SigningInput.SigningKey);
  const hasKey = keyText.trim() !== "";
  let mode = modeText === "" ? defaultMode : modeText;
  if (hasKey && (modeText === "" || modeText === "auto")) mode = "key";
  if (mode === "key" && !hasKey) {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}", or use sign: keyless on GitHub-hosted runners.`
    );
  }
  if (hasKey && mode !== "key") {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or remove the key.`
    );
  }
  const password = env[SigningEnv.KeyPassword] || env[SigningEnv.CosignPassword] || "";
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? {
      pem: keyText,
      password: password === "" ? void 0 : password,
      inputName: SigningInput.SigningKey
    } : null,
    endpoints: {
      fulcioUrl: readUrl(env, SigningEnv.FulcioUrl),
      rekorUrl: readUrl(env, SigningEnv.RekorUrl),
      tsaUrl: readUrl(env, SigningEnv.TsaUrl)
    }
  };
});
var readUrl = (function readUrl(env, name) {
  const text = (env[name] ?? "").trim();
  if (text === "") return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is not an http(s) URL. Set the service's base URL, such as "https://fulcio.sigstore.dev", or unset it for the default.`
    );
  }
  return text.replace(/\/+$/, "");
});
var signerCheckSettings = (function signerCheckSettings(fields, names, env, workspace, requireSignature = null) {
  const { repository, workflow, ref, issuer, trustedRoot } = fields;
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  if (workflow !== "" && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(
    workflow
  )) {
    throw new SealError(
      "bad-input",
      `${names.workflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.`
    );
  }
  if (ref !== "" && !/^refs\/\S+$/.test(ref)) {
    throw new SealError(
      "bad-input",
      `${names.ref}: ${quote(ref)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`
    );
  }
  if (issuer !== "" && !(URL.canParse(issuer) && new URL(issuer).protocol === "https:")) {
    throw new SealError(
      "bad-input",
      `${names.issuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`
    );
  }
  const tufMirrors = parseTufMirrors(fields.tufMirrors, workspace, names.tufMirrors);
  if (trustedRoot !== "" && tufMirrors !== null) {
    throw new SealError(
      "bad-input",
      `${names.tufMirrors}: given with ${names.trustedRoot}, which is a pinned root that nothing is fetched for. Give one: ${names.trustedRoot} for a file, or ${names.tufMirrors} for the TUF repositories to fetch it from.`
    );
  }
  const given = {
    repository: repository !== "",
    workflow: workflow !== "",
    ref: ref !== "",
    issuer: issuer !== "",
    githubHostedOnly: fields.githubHostedOnly,
    key: fields.key.trim() !== "",
    trustedRoot: trustedRoot !== "",
    tufMirrors: tufMirrors !== null
  };
  const named2 = Object.keys(given).filter((field) => given[field]).map((field) => names[field]);
  if (requireSignature === false && named2.length > 0) {
    throw new SealError(
      "bad-input",
      `--require-signature=false, but ${named2.join(", ")} ${named2.length === 1 ? "names" : "name"} a signer or what to trust, which always requires a signature. Remove it to check the signature, or remove ${named2.join(", ")} to accept unsigned seals.`
    );
  }
  const keyOnly = given.key && !given.repository && !given.workflow;
  return {
    repository: repository !== "" ? repository : keyOnly ? null : env.GITHUB_REPOSITORY ?? null,
    workflow: workflow === "" ? null : workflow,
    sourceRef: ref === "" ? null : ref,
    issuer: issuer === "" ? null : issuer,
    denySelfHostedRunners: fields.githubHostedOnly,
    publicKey: readPublicKeyText(fields.key, workspace, names.key),
    trustedRootFile: trustedRoot === "" ? null : resolve(workspace, trustedRoot),
    tufMirrors,
    requireSignature,
    named: named2,
    asksForSigner: named2.length > 0
  };
});
var signatureRequired = (function signatureRequired(settings, policyAsks) {
  if (policyAsks && settings.requireSignature === false) {
    throw new SealError(
      "bad-input",
      "--require-signature=false, but the promotion policy names a signer (signed-by) for this environment, which always requires a signature. Remove it, or the environment's signed-by."
    );
  }
  return policyAsks || settings.asksForSigner || settings.requireSignature === true;
});
var readPublicKeyText = (function readPublicKeyText(value, workspace, name) {
  const text = value.trim();
  if (text === "") return null;
  if (looksLikePem(text)) return readPublicKey(text, name);
  const file = resolve(workspace, text);
  let pem;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error2) {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is neither PEM text nor a readable file (${error2.code ?? String(error2)}). Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026") or the path of a .pub / .pem file.`,
      { cause: error2 }
    );
  }
  return readPublicKey(pem, `${name} ${quote(text)}`);
});
// src/app/settings/signed-by.ts
var readSignedBy = (function readSignedBy(getInput2, env, workspace) {
  return signerCheckSettings(
    parseSignedBy(getInput2(SignerInput.SignedBy)),
    SIGNED_BY_NAMES,
    env,
    workspace
  );
});
var parseSignedBy = (function parseSignedBy(text) {
  const fields = {
    repository: "",
    workflow: "",
    ref: "",
    issuer: "",
    githubHostedOnly: false,
    key: "",
    trustedRoot: "",
    tufMirrors: ""
  };
  if (text.trim() === "") return fields;
  const mapping = readMapping(text);
  for (const [key, value] of Object.entries(mapping)) {
    const field = FIELD_OF[key];
    const name = `${SignerInput.SignedBy}.${key}`;
    if (field === void 0) {
      throw new SealError(
        "bad-input",
        `${SignerInput.SignedBy}: ${quote(key)} is not one of its keys. Use ${Object.keys(FIELD_OF).join(", ")}.`
      );
    }
    if (field === "githubHostedOnly") {
      if (value !== "github-hosted")
        throw new SealError(
          "bad-input",
          `${name}: ${quote(String(value))} is not a kind of runner this checks. Write "runner: github-hosted" to refuse seals signed on self-hosted runners, or leave it out.`
        );
      fields.githubHostedOnly = true;
    } else if (field === "tufMirrors" && Array.isArray(value) && value.every((v) => typeof v === "string")) {
      fields.tufMirrors = value.join("\n");
    } else if (typeof value === "string" && value.trim() !== "") {
      fields[field] = value.trim();
    } else {
      throw new SealError(
        "bad-input",
        `${name}: ${quote(JSON.stringify(value) ?? String(value))} is not text. Give a value, ${EXAMPLE}, or leave the key out.`
      );
    }
  }
  return fields;
});
// src/actions/promote/settings.ts
var readPromoteSettings = (function readPromoteSettings(getInput2, env, workspace) {
  const input = (name2) => getInput2(name2).trim();
  const confirm = readConfirm(input);
  const environment = input(PromoteInput.Environment);
  if (confirm.kind === "record") return confirmSettings(input, getInput2, env, workspace, confirm);
  if (environment === "") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Environment}: required. Give the environment to promote into, as the promotion policy names it, such as "staging".`
    );
  }
  const rollback = parseBooleanInput(PromoteInput.Rollback, getInput2(PromoteInput.Rollback), false);
  const vetoReason = input(PromoteInput.Veto);
  const digestText = input(PromoteInput.ExpectedDigest);
  const from = input(PromoteInput.From);
  const waitMs = readWait(input(PromoteInput.Wait));
  if (from !== "" && (vetoReason !== "" || input(PromoteInput.ApproveAmendment) !== "")) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.From}: it says which digest to promote; ${vetoReason !== "" ? PromoteInput.Veto : PromoteInput.ApproveAmendment} promotes nothing. Give ${PromoteInput.ExpectedDigest} instead.`
    );
  }
  let digest;
  if (digestText === "" && from !== "") {
    digest = null;
  } else if (digestText === "") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}"` + (rollback ? ', or "previous" to roll back to the last good digest.' : `, or "${PromoteInput.From}: <environment>" to promote what that environment runs.`)
    );
  } else if (digestText === "previous") {
    if (!rollback)
      throw new SealError(
        "bad-input",
        `${PromoteInput.ExpectedDigest}: "previous" means a rollback. Add "${PromoteInput.Rollback}: true", or give a digest.`
      );
    digest = "previous";
  } else {
    digest = parseDigest(digestText, PromoteInput.ExpectedDigest);
  }
  if (vetoReason !== "" && rollback) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Veto}: a veto marks a digest bad; it cannot be combined with "${PromoteInput.Rollback}: true". Use one or the other.`
    );
  }
  if (vetoReason !== "" && digest === "previous") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Veto}: give the digest to veto in ${PromoteInput.ExpectedDigest}, not "previous".`
    );
  }
  const approval = input(PromoteInput.ApproveAmendment);
  if (approval !== "" && (vetoReason !== "" || rollback)) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.ApproveAmendment}: an approval of a contract amendment cannot be combined with ${vetoReason !== "" ? PromoteInput.Veto : `"${PromoteInput.Rollback}: true"`}. Approve in a step of its own.`
    );
  }
  if ((vetoReason !== "" || approval !== "") && digest === null)
    throw new Error("unreachable: from is refused with a veto or an approval");
  if (approval !== "" && digest === "previous") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.ApproveAmendment}: give the digest whose contract amendment is approved in ${PromoteInput.ExpectedDigest}, not "previous".`
    );
  }
  const { ledger, token } = readLedger(input, env, workspace);
  const given = readBytesSource(getInput2, workspace, {
    subjectPath: PromoteInput.SubjectPath,
    checksumsPath: PromoteInput.ChecksumsPath,
    name: PromoteInput.Name,
    runId: PromoteInput.RunId,
    repository: PromoteInput.Repository,
    token: PromoteInput.GitHubToken,
    plainHttp: PromoteInput.PlainHttpRegistries,
    listingAlone: true
  });
  const digestOnly = parseBooleanInput(
    PromoteInput.DigestOnly,
    getInput2(PromoteInput.DigestOnly),
    false
  );
  if (digestOnly && given !== null) {
    const where = given.kind === "local" || given.kind === "image" ? PromoteInput.SubjectPath : PromoteInput.Name;
    throw new SealError(
      "bad-input",
      `${PromoteInput.DigestOnly}: "true" says this promotion carries no bytes, but ${where} says where they are. Remove ${PromoteInput.DigestOnly} to check them, or ${where}.`
    );
  }
  if (digestOnly && (vetoReason !== "" || approval !== "")) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.DigestOnly}: it says how a promotion is checked; ${vetoReason !== "" ? PromoteInput.Veto : PromoteInput.ApproveAmendment} promotes nothing. Remove it.`
    );
  }
  const listing = input(PromoteInput.ChecksumsPath);
  const dryRun = parseBooleanInput(PromoteInput.DryRun, getInput2(PromoteInput.DryRun), false);
  const carried = given === null && !digestOnly && listing === "" && !dryRun && vetoReason === "" && approval === "";
  if (carried) {
    const misspelled = misspelledInputs(env, BYTES_INPUTS);
    if (misspelled.length > 0)
      throw new SealError(
        "bad-input",
        `This step has ${misspelled.join("; ")} Give the inputs as action.yml names them.`
      );
  }
  const source = carried ? { kind: "cache", token, inputName: SealInput.Cache } : given;
  const policy = input(PromoteInput.Policy);
  const name = input(PromoteInput.SubjectName);
  const signing = readRecordSigning(getInput2, ledger, env);
  const pushToRegistry = readPushToRegistry(getInput2, source, signing, dryRun);
  return {
    confirm,
    environment,
    digest,
    from: from === "" ? null : from,
    waitMs,
    source,
    sealListing: source === null && listing !== "" ? resolve(workspace, listing) : null,
    withoutBytes: { declared: digestOnly, missing: missingBytes(env) },
    policyFile: resolve(workspace, policy === "" ? DEFAULT_POLICY_FILE : policy),
    ledger,
    token,
    rollback,
    dryRun,
    veto: vetoReason === "" ? null : vetoReason,
    approveAmendment: approval === "" ? null : approval,
    name: name === "" ? null : name,
    signer: readSignedBy(getInput2, env, workspace),
    signing,
    pushToRegistry,
    plainHttp: readPlainHttpRegistries(
      getInput2(PromoteInput.PlainHttpRegistries),
      PromoteInput.PlainHttpRegistries
    )
  };
});
var readPushToRegistry = (function readPushToRegistry(getInput2, source, signing, dryRun) {
  const push = parseBooleanInput(
    PromoteInput.PushToRegistry,
    getInput2(PromoteInput.PushToRegistry),
    false
  );
  if (!push) return false;
  if (source?.kind !== "image")
    throw new SealError(
      "bad-input",
      `${PromoteInput.PushToRegistry}: "true" attaches the promotion's signed record to an image in its registry, and this promotion is not of an image. Give ${PromoteInput.SubjectPath}: oci://<image>, or remove ${PromoteInput.PushToRegistry}.`
    );
  if (signing.mode === "none")
    throw new SealError(
      "bad-input",
      `${PromoteInput.PushToRegistry}: "true" attaches the promotion's signed record, and records are not signed. Give ${PromoteInput.SigningKey} or "${PromoteInput.Sign}: keyless", or remove ${PromoteInput.PushToRegistry}.`
    );
  return !dryRun;
});
var readRecordSigning = (function readRecordSigning(getInput2, ledger, env) {
  const signing = readSigningSettings(getInput2, env, "none");
  if (signing.mode === "key" && ledger.kind === "github") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.SigningKey}: records in the github ledger are signed keyless and stored in the repository's attestations API, which does not take key-signed bundles. Remove ${PromoteInput.SigningKey} and grant "id-token: write" and "attestations: write", or use a file ledger.`
    );
  }
  return signing;
});
var readWait = (function readWait(text) {
  if (text === "") return 0;
  const ms = parseDuration(text);
  if (ms === null) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Wait}: ${quote(text)} is not a duration. Give how long to wait for a soak that is not over yet, such as "30m", "2h" or "1h30m".`
    );
  }
  return ms;
});
var readConfirm = (function readConfirm(input) {
  const text = input(PromoteInput.Confirm);
  if (text === "" || text === "on-success") return { kind: "on-success" };
  if (text === "manual") return { kind: "manual" };
  const failed = text.startsWith("failure:");
  const id = failed ? text.slice("failure:".length).trim() : text;
  if (!RECORD_ID.test(id)) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Confirm}: ${quote(text)} is not "on-success", "manual", a record id or "failure:<record id>". Give "on-success" (the post step confirms the deployment when the job succeeds), "manual" (a later step confirms it), the record-id output of the promote step (its deployment went through) or "failure:" and that id (it did not).`
    );
  }
  return { kind: "record", id, outcome: failed ? "failed" : "confirmed" };
});
var missingBytes = (function missingBytes(env) {
  const misspelled = misspelledInputs(env, BYTES_INPUTS);
  return (
    // With nothing named at all, what the seal carried is fetched instead (fetch-bytes.ts says when
    // none was): this is for a listing alone.
    `No bytes to check: none were given, so ${PromoteInput.ExpectedDigest} would be let in with nothing verified, and the ${PromoteOutput.Path} output empty. Give ${PromoteInput.SubjectPath} (the files in the workspace) or ${PromoteInput.Name} (the seal step's workflow artifact, with run-id for another run). ` + (misspelled.length > 0 ? `This step has ${misspelled.join("; ")} ` : "") + `A seal of a digest alone (subject-digest, such as an image) needs none when its signature shows it: name its signer (${PromoteInput.SignedBy}, or a signed-by rule in the policy) or give ${PromoteInput.ChecksumsPath} with its seal bundle's listing. To promote with nothing checked, say so: "${PromoteInput.DigestOnly}: true".`
  );
});
var readLedger = (function readLedger(input, env, workspace) {
  const ledgerText = input(PromoteInput.Ledger);
  const ledger = parseLedgerLocation(
    ledgerText === "" ? env.GITHUB_ACTIONS === "true" ? "github" : `file:${DEFAULT_FILE_LEDGER}` : ledgerText,
    PromoteInput.Ledger,
    workspace
  );
  const token = input(PromoteInput.GitHubToken);
  if (ledger.kind === "github" && token === "") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.GitHubToken}: required with "${PromoteInput.Ledger}: github". Give "\${{ github.token }}" (the default) and grant the job "permissions: deployments: write".`
    );
  }
  return { ledger, token };
});
// src/app/settings/signer-expectation.ts
var signerExpectation = (function signerExpectation(settings, required, env) {
  return { ...settings, required, serverUrl: serverUrlOf(env) };
});
// src/app/signature/find-signature.ts
var findSignatures = (async function findSignatures(digest, sources) {
  const candidates = [];
  const beside = sources.checksumsFile === null ? null : sigstoreBundleBeside(sources.checksumsFile);
  const looked = [];
  if (beside !== null) {
    const read2 = readSigstoreBundleBeside(
      sources.checksumsFile,
      (why, file) => new SealError(
        "unreadable",
        `cannot read the Sigstore bundle ${quote(file)} (${why}). Make it readable, or give the seal bundle as the seal wrote it.`
      )
    );
    looked.push(`no ${quote(beside)} beside the listing`);
    if (read2 !== null)
      candidates.push({
        bundle: read2.notJson === null ? read2.json : { unparsable: beside },
        source: beside,
        digest: sha256Digest(read2.text)
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
});
var unsignedCheck = (function unsignedCheck(digest, looked) {
  const where = looked.length > 0 ? looked.join(", and ") : "no seal bundle travelled with the bytes and no attestations API was asked";
  return { status: "unsigned", detail: `The seal of ${digest} carries no signature: ${where}.` };
});
// src/app/signature/sources.ts
var signatureSources = (function signatureSources(checksumsFile, asked, token, tokenInput, env) {
  const repository = env.GITHUB_REPOSITORY;
  const attestations = asked && repository && token !== "" ? async (digest) => {
    const { listAttestations } = await import("../chunks/attestations-api-6XSUNHDX.js");
    return listAttestations(digest, { env, token, tokenInput });
  } : null;
  return { checksumsFile, attestations };
});
// src/core/modes.ts
var formatModes = (function formatModes(modes) {
  const executable = [...modes.executable].sort(compareUtf8);
  const links = Object.fromEntries(
    Object.entries(modes.links).sort(([a], [b]) => compareUtf8(a, b))
  );
  return Buffer.from(`${JSON.stringify({ executable, links })}
`);
});
var modesDigest = (function modesDigest(bytes) {
  return sha256Digest(bytes);
});
var readModes = (function readModes(root, paths, links, fileModes) {
  const executable = [];
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i];
    const mode = fileModes ? fileModes[i] : statSync(join(root, ...rel.split("/"))).mode;
    if ((mode & 73) !== 0) executable.push(rel);
  }
  const realRoot = links.length > 0 ? realOrSelf(root) : root;
  const sealed = links.length > 0 ? pathsAndParents(paths) : null;
  const recorded = {};
  for (const { link: link3, target } of links) {
    const linkFromRoot = relative(root, link3);
    const targetFromRoot = relative(realRoot, target);
    if (linkFromRoot === "" || leavesParent(linkFromRoot) || leavesParent(targetFromRoot)) continue;
    const relLink = toSlashes(linkFromRoot);
    const relTarget = toSlashes(targetFromRoot);
    if (sealed?.has(relTarget) !== true) continue;
    recorded[relLink] = posix.relative(posix.dirname(relLink), relTarget);
  }
  return { executable: executable.sort(compareUtf8), links: recorded };
});
// src/app/verify/sealed-by.ts
var sealInfoBesideListing = (function sealInfoBesideListing(checksumsFile, digest, context = {}) {
  const none = { sealedBy: null, name: null };
  let read2 = null;
  try {
    read2 = checksumsFile === null ? null : readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why));
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
  }
  if (read2 === null || read2.notJson !== null) return none;
  const { file, json: statement } = read2;
  return {
    sealedBy: sealedByFromStatement(statement, digest, file, context),
    name: subjectNameOf(statement, digest)
  };
});
// src/core/hashing/hash-large-file.ts
var hashSmallFile = (function hashSmallFile(path) {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stat2 = fstatSync(fd);
    if (!stat2.isFile()) throw notRegular();
    const { mode } = stat2;
    const chunk = Buffer.allocUnsafe(CHUNK);
    const size = readSync(fd, chunk, 0, CHUNK, null);
    return size < CHUNK ? { digest: createHash("sha256").update(chunk.subarray(0, size)).digest(), size, mode } : null;
  } finally {
    closeSync(fd);
  }
});
// src/core/hashing/hash-files.ts
var hashFiles = (async function hashFiles(paths, options = {}) {
  if (paths.length === 1) return hashOneFile(paths[0], options);
  const queue = new HashQueue(options.pool ?? null, options);
  for (const path of paths) queue.add(path);
  return queue.finish();
});
var hashOneFile = (async function hashOneFile(path, options) {
  const { onProgress, progressIntervalMs = 2e3 } = options;
  try {
    const result = hashSmallFile(path) ?? await hashLargeFile(
      path,
      (bytesDone) => onProgress?.({ filesDone: 0, bytesDone, filesTotal: 1 }),
      progressIntervalMs
    );
    return {
      digests: new Uint8Array(result.digest),
      sizes: Float64Array.of(result.size),
      modes: Uint16Array.of(result.mode & 4095)
    };
  } catch (error2) {
    const e = error2;
    throw describeFailure({ index: 0, code: e.code ?? "EIO", message: e.message }, path);
  }
});
// src/core/file-summary.ts
var summarizeFiles = (function summarizeFiles(paths, sizes, order, largestCount = 5) {
  const groups = /* @__PURE__ */ new Map();
  const largest = [];
  let current;
  let currentName = "";
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const filePath = paths[i];
    const size = sizes[i];
    if (current === void 0 || !currentName.endsWith("/") || !filePath.startsWith(currentName)) {
      const slash = filePath.indexOf("/");
      currentName = slash === -1 ? filePath : filePath.slice(0, slash + 1);
      current = groups.get(currentName);
      if (current === void 0) groups.set(currentName, current = { files: 0, size: 0 });
    }
    current.files++;
    current.size += size;
    if (largest.length < largestCount || size > largest[largest.length - 1].size) {
      let at = largest.length;
      while (at > 0 && largest[at - 1].size < size) at--;
      largest.splice(at, 0, { path: filePath, size });
      if (largest.length > largestCount) largest.pop();
    }
  }
  const topLevel = [...groups].map(([name, g]) => ({ name, ...g })).sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  return { largest, topLevel };
});
// src/core/subject/resolve-files.ts
var namesOneFile = (function namesOneFile(options) {
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return false;
  const abs = resolve(options.baseDir, only);
  return !scanGlob(toSlashes(abs))?.isGlob && statOrNull(abs)?.isFile() === true;
});
var rootBeforeWalk = (function rootBeforeWalk(options) {
  if (options.root) return resolve(options.baseDir, options.root);
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return null;
  const abs = resolve(options.baseDir, only);
  return statOrNull(abs)?.isDirectory() ? abs : null;
});
var resolveFiles = (function resolveFiles(options) {
  const { patterns: patterns2, baseDir, inputName } = options;
  if (patterns2.include.length === 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: no path to seal${patterns2.exclude.length > 0 ? ` (only exclusions: ${patterns2.exclude.map((p) => quote(`!${p}`)).join(", ")})` : ""}. Give at least one file, directory or glob, one per line or comma-separated.`
    );
  }
  const excludeMatchers = patterns2.exclude.map((p) => (0, import_picomatch.default)(absolutePattern(baseDir, p), GLOB));
  const excludeUsed = patterns2.exclude.map(() => false);
  const skipDirs = new Set((options.skipDirs ?? []).map((d) => resolve(d)));
  const isExcluded = excludeMatchers.length === 0 ? () => false : (abs) => {
    let excluded = false;
    const slashed = toSlashes(abs);
    excludeMatchers.forEach((m, i) => {
      if (m(slashed)) excluded = excludeUsed[i] = true;
    });
    return excluded;
  };
  const knownRoot = rootBeforeWalk(options);
  const knownRealRoot = knownRoot === null ? null : realOrSelf2(knownRoot);
  const linkLeavesRoot = (link3, target, root2, named2 = false) => new SealError(
    "bad-input",
    `${inputName}: ${quote(link3)} is a symbolic link to ${quote(target)}, outside the artifact root ${quote(root2)}. A seal covers the artifact's own bytes only: copy the target into the artifact, or ${named2 ? "remove the link from the patterns" : `leave the link out with "!${toSlashes(relative(baseDir, link3))}"`}.`
  );
  const found = [];
  const seen = patterns2.include.length > 1 ? /* @__PURE__ */ new Set() : null;
  const links = [];
  const unmatched = [];
  const leftOut = [];
  const leaveOutHidden = options.hidden === "leave-out";
  const addFile = (abs) => {
    if (seen !== null) {
      if (seen.has(abs)) return;
      seen.add(abs);
    }
    found.push(abs);
    options.onFile?.(abs);
  };
  const walk = (dir, realDir, ancestors, glob2, skipped) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error2) {
      const e = error2;
      throw new SealError(
        "unreadable",
        `${inputName}: cannot list the directory ${quote(dir)} (${e.code ?? e.message}). Make it readable by ${words().reader} or exclude it with a "!" pattern.`,
        { cause: e }
      );
    }
    entries.sort(byListingName);
    ancestors.push(realDir);
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    let lossy = null;
    for (const entry of entries) {
      const abs = prefix + entry.name;
      if (isExcluded(abs)) continue;
      if (entry.name.includes("\uFFFD") && (lossy ??= lossyNames(dir)).has(entry.name)) {
        throw new SealError(
          "bad-input",
          `${inputName}: a file name in ${quote(dir)} is not valid UTF-8 (shown as ${quote(entry.name)}). Listings and statements hold UTF-8 paths: rename the file, or leave it out with a "!" pattern.`
        );
      }
      if (skipped?.has(entry.name) && !entry.isFile()) continue;
      const taken = glob2 === null || glob2.take(abs);
      if (!taken && !glob2.enter(abs)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let realChild = null;
      if (entry.isSymbolicLink()) {
        let stat2;
        try {
          realChild = realpathSync(abs);
          stat2 = statSync(realChild);
        } catch {
          if (!taken) continue;
          throw new SealError(
            "bad-input",
            `${inputName}: ${quote(abs)} is a symbolic link to ${quote(readLinkText(abs))}, which does not exist. Remove the link, or leave it out with "!${toSlashes(relative(baseDir, abs))}".`
          );
        }
        if (knownRealRoot !== null && !isInside(realChild, knownRealRoot))
          throw linkLeavesRoot(abs, realChild, knownRoot);
        links.push({ link: abs, target: realChild, named: false });
        isDir = stat2.isDirectory();
        isFile = stat2.isFile();
        if (isDir && ancestors.includes(realChild)) {
          throw new SealError(
            "bad-input",
            `${inputName}: ${quote(abs)} is a symbolic link back into one of its own parent directories (a loop). Remove the link, or leave it out with "!${toSlashes(relative(baseDir, abs))}".`
          );
        }
      }
      if (leaveOutHidden && (isDir || isFile && taken) && isLeftOutName(entry.name, isDir)) {
        leftOut.push(`${toSlashes(relative(baseDir, abs))}${isDir ? "/" : ""}`);
        continue;
      }
      if (isDir) {
        realChild ??= realDir.endsWith(sep) ? realDir + entry.name : realDir + sep + entry.name;
        if (!skipDirs.has(abs) && !skipped?.has(entry.name))
          walk(abs, realChild, ancestors, taken ? null : glob2, skipped);
      } else if (isFile && taken) {
        addFile(abs);
      }
    }
    ancestors.pop();
  };
  const noteNamedLink = (abs) => {
    const real = realOrSelf2(abs);
    if (real === abs) return;
    if (knownRealRoot !== null && !isInside(real, knownRealRoot))
      throw linkLeavesRoot(abs, real, knownRoot, true);
    links.push({ link: abs, target: real, named: true });
  };
  let onlyDirectory = null;
  for (const pattern of patterns2.include) {
    const absPattern = absolutePattern(baseDir, pattern);
    const scan = scanGlob(absPattern);
    let matchedSomething = false;
    if (scan === null || !scan.isGlob) {
      const abs = resolve(baseDir, pattern);
      const stat2 = statOrNull(abs);
      if (stat2?.isDirectory()) {
        matchedSomething = true;
        if (isExcluded(abs)) continue;
        if (patterns2.include.length === 1) onlyDirectory = abs;
        else noteNamedLink(abs);
        walk(abs, realOrSelf2(abs), [], null, null);
      } else if (stat2?.isFile()) {
        matchedSomething = true;
        if (!isExcluded(abs)) {
          noteNamedLink(abs);
          addFile(abs);
        }
      }
    } else {
      const base = scan.base === "" ? parse(resolve(baseDir)).root : scan.base;
      const matcher = (0, import_picomatch.default)(absPattern, GLOB);
      const glob2 = {
        take: (abs) => {
          const hit = matcher(toSlashes(abs));
          matchedSomething ||= hit;
          return hit;
        },
        enter: globEnters(resolve(base), scan.glob),
        skipped: new Set(NOT_WALKED.filter((name) => !absPattern.split("/").includes(name)))
      };
      if (statOrNull(base)?.isDirectory()) {
        const realBase = realOrSelf2(base);
        if (realBase !== resolve(base))
          links.push({ link: resolve(base), target: realBase, named: false });
        walk(resolve(base), realBase, [], glob2, glob2.skipped);
      }
    }
    if (!matchedSomething) unmatched.push(pattern);
  }
  if (unmatched.length > 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: nothing matches ${unmatched.map(quote).join(", ")} (relative to ${quote(baseDir)}). Patterns tried: ${patterns2.include.map(quote).join(", ")}${patterns2.exclude.length ? `; excluded: ${patterns2.exclude.map((p) => quote(`!${p}`)).join(", ")}` : ""}. Check that the build wrote its output before ${words().current} ran, and that the paths are relative to ${words().base} or absolute.`
    );
  }
  const unusedExclusions = patterns2.exclude.filter((_, i) => !excludeUsed[i]);
  if (unusedExclusions.length > 0 && options.unusedExclusions !== "allow" && options.unusedExclusions !== "warn") {
    throw new SealError(
      "bad-input",
      `${inputName}: the exclusion${unusedExclusions.length === 1 ? "" : "s"} ${unusedExclusions.map((p) => quote(`!${p}`)).join(", ")} match${unusedExclusions.length === 1 ? "es" : ""} nothing the patterns ${patterns2.include.map(quote).join(", ")} reach (relative to ${quote(baseDir)}). Like every pattern, an exclusion must match something: it is read relative to ${words().base} (or absolute), as the paths it excludes from are, so write it with the same leading directories (such as "!dist/**/*.map", not "!*.map"), or remove it.`
    );
  }
  if (found.length === 0) {
    const why = leftOut.length > 0 ? `every file is hidden or looks like a secret (${leftOut.slice(0, 5).map(quote).join(", ")}${leftOut.length > 5 ? ", \u2026" : ""}), which a seal leaves out unless include-hidden-files is true` : patterns2.exclude.length > 0 ? `every file is excluded by ${patterns2.exclude.map((p) => quote(`!${p}`)).join(", ")}, or the directories hold no files` : "the directories hold no files";
    throw new SealError(
      "bad-input",
      `${inputName}: ${patterns2.include.map(quote).join(", ")} matched, but ${why}. Nothing is left to seal: point at the build output${patterns2.exclude.length > 0 ? " or loosen the exclusions" : ""}.`
    );
  }
  const root = chooseRoot(options, found, onlyDirectory);
  const rootPrefix = root.endsWith(sep) ? root : root + sep;
  let relativeIsSuffix = sep === "/";
  const relative2 = found.map((abs) => {
    const underPrefix = abs.startsWith(rootPrefix);
    if (!underPrefix) relativeIsSuffix = false;
    const rel = toSlashes(underPrefix ? abs.slice(rootPrefix.length) : relative(root, abs));
    if (rel.includes("\n") || rel.includes("\r")) checkListingPath(rel, inputName);
    return rel;
  });
  const realRoot = realOrSelf2(root);
  for (const { link: link3, target, named: named2 } of links) {
    if ((named2 || isInside(link3, root)) && !isInside(target, realRoot))
      throw linkLeavesRoot(link3, target, root, named2);
  }
  const order = listingOrder(relative2);
  const kind = onlyDirectory !== null ? "directory" : found.length === 1 ? "file" : "files";
  return {
    kind,
    root,
    absolutePaths: found,
    relativePaths: relative2,
    order,
    relativeIsSuffix,
    leftOut,
    unusedExclusions: options.unusedExclusions === "warn" ? unusedExclusions : [],
    links: links.map(({ link: link3, target }) => ({ link: link3, target }))
  };
});
var listingOrder = (function listingOrder(paths) {
  const order = new Uint32Array(paths.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const before = paths.some((p) => /[\uD800-\uDFFF]/.test(p)) ? (x, y) => compareUtf8(x, y) < 0 : (x, y) => x < y;
  let sorted = true;
  for (let i = 1; sorted && i < paths.length; i++)
    sorted = before(paths[i - 1], paths[i]);
  if (sorted) return order;
  return order.sort((a, b) => {
    const x = paths[a];
    const y = paths[b];
    return before(x, y) ? -1 : before(y, x) ? 1 : 0;
  });
});
var chooseRoot = (function chooseRoot(options, files, onlyDirectory) {
  if (options.root !== void 0 && options.root !== "") {
    const root = resolve(options.baseDir, options.root);
    if (!statOrNull(root)?.isDirectory()) {
      throw new SealError(
        "bad-input",
        `root: ${quote(options.root)} is not a directory (resolved to ${quote(root)}). Give the directory that listing paths should be relative to, or leave root empty.`
      );
    }
    const outside = files.find((f) => !isInside(f, root));
    if (outside !== void 0) {
      throw new SealError(
        "bad-input",
        `root: ${quote(options.root)} does not contain ${quote(outside)}, which ${options.inputName} matched. Give a root that contains every matched file, or leave root empty to use the deepest directory that does.`
      );
    }
    return root;
  }
  if (onlyDirectory !== null) return onlyDirectory;
  let common = dirname(files[0]);
  for (const file of files) {
    while (!isInside(file, common)) common = dirname(common);
  }
  return common;
});
var absolutePattern = (function absolutePattern(baseDir, pattern) {
  return toSlashes(resolve(baseDir, pattern));
});
var statOrNull = (function statOrNull(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
});
var realOrSelf2 = (function realOrSelf2(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
});
// src/core/seal.ts
var sealSubject = (async function sealSubject(subject, options) {
  try {
    return await sealWithPool(subject, options);
  } finally {
    options.pool?.close();
  }
});
var sealWithPool = (async function sealWithPool(subject, options) {
  if (subject.kind === "digest") {
    const name = options.name || subject.name;
    const listing2 = Buffer.from(formatListing([{ path: subject.name, hex: hexOf(subject.digest) }]));
    const artifact = {
      name,
      digest: subject.digest,
      kind: "digest",
      root: null,
      fileCount: 1,
      size: null,
      summary: null,
      listing: listing2
    };
    return {
      ...artifact,
      statement: buildStatement([digestOnlySubject(name, subject.digest)], options.build)
    };
  }
  if (subject.kind === "checksums") {
    const entries = parseListing(readListingFile(subject.file, subject.inputName), subject.file);
    const listing2 = Buffer.from(formatListing(entries));
    const name = options.name || options.fallbackName;
    const fileCount = entries.length;
    return describe2(
      {
        name,
        digest: digestOfListing(listing2),
        kind: "checksums",
        root: null,
        fileCount,
        size: null,
        summary: null,
        listing: listing2
      },
      true,
      options.build
    );
  }
  let resolved;
  let hashed;
  let linesRoot = null;
  if (namesOneFile(subject)) {
    resolved = resolveFiles(subject);
    options.onResolved?.(1, resolved.root);
    hashed = await hashFiles(resolved.absolutePaths, options);
  } else {
    const pool = options.pool ?? HashPool.start(options.workers);
    try {
      linesRoot = sep === "/" ? rootBeforeWalk(subject) : null;
      const queue = new HashQueue(
        pool,
        linesRoot === null ? options : { ...options, linePrefix: Buffer.byteLength(withSep(linesRoot)) }
      );
      resolved = resolveFiles({ ...subject, onFile: (abs) => queue.add(abs) });
      options.onResolved?.(resolved.absolutePaths.length, resolved.root);
      hashed = await queue.finish();
    } finally {
      pool.close();
    }
  }
  const { kind, root, relativePaths, absolutePaths, order } = resolved;
  const listing = listingOf(resolved, hashed, linesRoot);
  const isSingleFile = kind === "file";
  const digest = isSingleFile ? digestFromHex(Buffer.from(hashed.digests.subarray(0, 32)).toString("hex")) : digestOfListing(listing);
  const defaultName = kind === "file" ? basename(absolutePaths[0]) : kind === "directory" ? basename(root) : options.fallbackName;
  const summary2 = summarizeFiles(relativePaths, hashed.sizes, order);
  const size = summary2.topLevel.reduce((sum, group2) => sum + group2.size, 0);
  const described = describe2(
    {
      name: options.name || defaultName,
      digest,
      kind,
      root,
      fileCount: relativePaths.length,
      size,
      summary: summary2,
      listing
    },
    !isSingleFile,
    options.build
  );
  const modes = formatModes(readModes(root, relativePaths, resolved.links, hashed.modes));
  const [sealedSubject, ...others] = described.statement.subject;
  const annotated = {
    ...sealedSubject,
    annotations: {
      ...sealedSubject?.annotations,
      [MODES_ANNOTATION]: { digest: modesDigest(modes) }
    }
  };
  return {
    ...described,
    statement: { ...described.statement, subject: [annotated, ...others] },
    modes,
    leftOut: resolved.leftOut,
    unusedExclusions: resolved.unusedExclusions
  };
});
var listingOf = (function listingOf(resolved, hashed, linesRoot) {
  const { root, relativePaths, order, relativeIsSuffix } = resolved;
  if (hashed.lines && relativeIsSuffix && root === linesRoot && isIdentity(order))
    return hashed.lines;
  if (hashed.queued && relativeIsSuffix) {
    const prefixLength = Buffer.byteLength(withSep(root));
    return listingFromPathBytes({ ...hashed.queued, prefixLength }, hashed.digests, order);
  }
  return listingFromDigests(relativePaths, hashed.digests, order);
});
var describe2 = (function describe2(artifact, isTree, build) {
  return {
    ...artifact,
    statement: buildStatement([statementSubject(artifact.name, artifact.digest, isTree)], build)
  };
});
// src/app/verify/verified-path.ts
var verifiedPath = (async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null)
    throw new SealError(
      "bad-input",
      `${inputName}: nothing was read from disk, so there is no path to hand out.`
    );
  const listed = parseListing(artifact.listing.toString("utf8"), "the verified listing").map(
    (e) => e.path
  );
  if (artifact.kind === "file") return join(root, ...listed[0].split("/"));
  if (holdsExactly(root, listed, subject)) return root;
  return stageCopies(root, listed, expected, stagingParent, inputName, options);
});
// src/core/kind.ts
var startsLikeListing = (function startsLikeListing(head) {
  return LINE_START.test(Buffer.from(head.subarray(0, 67)).toString("latin1"));
});
var readListingFile2 = (function readListingFile2(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(67);
    if (readSync(fd, head, 0, head.length, 0) < head.length || !startsLikeListing(head))
      return null;
  } finally {
    closeSync(fd);
  }
  const bytes = readFileSync(file);
  return isCanonicalListing(bytes) ? { bytes, fileCount: parseListing(bytes.toString("utf8"), file).length } : null;
});
var checkSubjectKind = (function checkSubjectKind(subject, expected, recorded, inputs) {
  if (recorded !== null && recorded.kind !== subject.kind) {
    const found = subject.kind === "file" ? "is one file" : `is a tree of ${plural(subject.fileCount, "file")}`;
    const fix = recorded.kind === "tree" ? "A file holding the tree's listing has the tree's digest, which is why the kinds are compared. Give the directory (or the patterns) that was sealed." : "Give the sealed file itself.";
    throw new SealError(
      "bad-input",
      `${inputs.subject}: ${recorded.source} says ${expected} sealed ${describeKind(recorded)}; ${quote(subject.display)} ${found}. ${fix}`
    );
  }
  if (subject.kind !== "file" || subject.file === null || subject.digest !== expected) return;
  const listing = readListingFile2(subject.file);
  if (listing === null) return;
  if (sha256Digest(listing.bytes) !== expected) {
    throw new SealError(
      "conflict",
      `${inputs.subject}: ${quote(subject.file)} changed while it was being verified. Make sure nothing writes to it, then verify again.`
    );
  }
  const why = `${inputs.subject}: ${quote(subject.display)} is one file whose bytes are a checksums listing of ${plural(listing.fileCount, "file")}, so its sha256 ${expected} is also the digest of the tree it lists: the digest cannot say which of the two was sealed.`;
  throw new SealError(
    "bad-input",
    recorded === null ? `${why} Give ${inputs.checksums} (the seal's listing) with the seal's statement beside it, which record the kind, or verify the directory that was sealed.` : `${why} A seal never seals a listing as one file, so ${recorded.source} does not come from a seal of these bytes. Give the listing the seal wrote, or verify the directory that was sealed.`
  );
});
// src/app/verify/verify-artifact.ts
var verifyArtifact = (async function verifyArtifact(request, options) {
  const sealed = request.checksumsFile === null ? null : readSealedListing(request);
  const artifact = await sealSubject(
    withHiddenAsSealed(request.subject, sealed?.entries ?? null),
    options
  );
  const subjectInput = request.subject.kind === "paths" ? request.subject.inputName : request.checksumsInput;
  checkSubjectKind(
    hashedSubjectOf(artifact, request.subject.kind === "paths" ? request.subject.baseDir : null),
    request.expected,
    sealed?.kind ?? null,
    {
      subject: subjectInput,
      checksums: request.checksumsInput
    }
  );
  const sealedModes = request.checksumsFile === null ? null : sealedModesBeside(request.checksumsFile, request.checksumsInput);
  const modeMismatches = sealedModes === null || !artifact.modes ? [] : diffModes(
    sealedModes,
    parseModes(artifact.modes.toString("utf8"), "the recomputed modes")
  ).map((d) => ({ ...d, kind: "mode" }));
  const sameBytes = artifact.digest === request.expected;
  const verified = sameBytes && modeMismatches.length === 0;
  const mismatches = verified || sealed === null ? [] : [
    ...sameBytes ? [] : diffListings(
      sealed.entries,
      parseListing(artifact.listing.toString("utf8"), "the recomputed listing")
    ),
    ...modeMismatches
  ];
  return {
    verified,
    expected: request.expected,
    actual: artifact.digest,
    artifact,
    mismatches,
    listingGiven: sealed !== null
  };
});
var withHiddenAsSealed = (function withHiddenAsSealed(subject, sealed) {
  if (subject.kind !== "paths" || subject.hidden !== "leave-out" || sealed === null) return subject;
  const namesHidden = sealed.some(
    (e) => e.path.split("/").some((segment, i, all) => isLeftOutName(segment, i < all.length - 1))
  );
  return namesHidden ? { ...subject, hidden: "include" } : subject;
});
var hashedSubjectOf = (function hashedSubjectOf(artifact, baseDir) {
  const root = artifact.root ?? "";
  const shown = (p) => {
    const rel = baseDir === null ? "" : relative(baseDir, p);
    return rel === "" || leavesParent(rel) ? p : rel;
  };
  if (artifact.kind !== "file")
    return {
      kind: "tree",
      display: shown(root),
      fileCount: artifact.fileCount,
      file: null,
      digest: artifact.digest
    };
  const only = parseListing(
    artifact.listing.toString("utf8"),
    "the recomputed listing"
  )[0];
  const file = join(root, ...only.path.split("/"));
  return { kind: "file", display: shown(file), fileCount: 1, file, digest: artifact.digest };
});
// src/app/verify/fetch-bytes.ts
var fetchAndCheckBytes = (async function fetchAndCheckBytes(source, digest, known, context) {
  if (source.kind === "local") {
    const result = await verifyArtifact(
      {
        subject: source.subject,
        expected: digest,
        checksumsFile: source.checksumsFile,
        checksumsInput: context.inputs.checksums,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
    const handedOut = result.verified ? await verifiedPath(
      result.artifact,
      source.subject,
      digest,
      context.downloadsDir,
      context.seal
    ) : null;
    return {
      verified: result.verified,
      actual: result.actual,
      mismatches: result.mismatches,
      path: handedOut,
      artifact: null,
      sealedBy: null,
      checksumsFile: source.checksumsFile
    };
  }
  if (source.kind === "artifact")
    return downloadArtifact(
      source.name,
      source.runId,
      source.token,
      digest,
      context,
      source.repository
    );
  if (source.kind === "image") {
    const { checkImageBytes, imageRegistryFor } = await import("../chunks/image-bytes-4PDMS7QV.js");
    return checkImageBytes(source, digest, imageRegistryFor(source, context.env));
  }
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    if (restored.kind === "miss") {
      const cache = restored.unreadable === void 0 ? `the Actions cache has no entry for ${digest} (key ${key})` : `the Actions cache could not be read for ${digest} (key ${key}: ${restored.unreadable})`;
      context.log(
        `No bytes of ${digest} were carried: ${cache}, and no ledger record names a workflow artifact holding its files.`
      );
      const absent = `No bytes to check: none were named, and nothing the seal carried was found: ${cache}, and no ledger record names a workflow artifact holding its files. Give subject-path (the files in the workspace) or ${context.inputs.artifactName} (and run-id) of the workflow artifact holding them, or "digest-only: true" to promote with nothing checked; seal with "cache: true" or "upload: true" so later runs find them.`;
      return {
        verified: false,
        actual: digest,
        mismatches: [],
        path: null,
        artifact: null,
        sealedBy: null,
        checksumsFile: null,
        absent
      };
    }
    throw new SealError(
      "unreadable",
      restored.kind === "unsafe" ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log above names each entry), and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : restored.kind === "unsafe" ? `the cache entry ${key} was refused before anything was extracted` : `the files restored from ${key} do not verify and were deleted`;
  context.log(
    `${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`
  );
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
});
// src/app/promote/lazy-contract-sources.ts
var lazyContractSources = (function lazyContractSources(options) {
  let sources = null;
  const made = async () => {
    const { contractSources } = await import("../chunks/contract-sources-DXBT5TDB.js");
    return contractSources(options);
  };
  const load = () => sources ??= made();
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null;
      if (claimed === null && (listing === null || contractManifestBeside(listing) === null))
        return { contract: null, known: listing !== null && hasBundleBeside(listing) };
      return (await load()).candidate(digest, bytes, claimed);
    },
    baseline: async (live) => (await load()).baseline(live),
    ...options.store === null ? {} : { keep: async (contract) => (await load()).keep?.(contract) }
  };
});
// src/app/promote/request.ts
var promoteRequest = (function promoteRequest(asked, policy, ledger, signing, context) {
  const { env, names } = context;
  const source = asked.source;
  const imageGate = source?.kind === "image" ? imageGateOf(source, env, context.imageRegistry) : NO_IMAGE;
  const listing = (source?.kind === "local" || source?.kind === "image" ? source.checksumsFile : null) ?? asked.sealListing;
  const sealed = asked.digest === "previous" || asked.digest === null ? null : sealInfoBesideListing(listing, asked.digest, {
    serverUrl: serverUrlOf(env),
    onInvalid: context.warn
  });
  const fetchContext = {
    env,
    downloadsDir: context.downloadsDir,
    seal: {
      fallbackName: fallbackName(env, context.baseDir),
      build: buildContextFromEnv(env),
      onProgress: context.onProgress
    },
    inputs: {
      expected: names.digest,
      checksums: names.checksums,
      artifactName: names.artifactName
    },
    log: context.log
  };
  const environmentRule = findEnvironment(policy, asked.environment);
  const policyAsks = (environmentRule?.signedBy ?? null) !== null;
  const required = signatureRequired(asked.signer, policyAsks);
  const expectation = signerExpectation(asked.signer, required, env);
  return {
    environment: asked.environment,
    digest: asked.digest,
    from: asked.from ?? null,
    rollback: asked.rollback,
    dryRun: asked.dryRun,
    name: asked.name,
    claimedName: sealed?.name ?? null,
    environmentUrl: asked.environmentUrl,
    sealedBy: sealed?.sealedBy ?? null,
    requester: requesterFromEnv(env),
    inputs: {
      environment: names.environment,
      digest: names.digest,
      name: names.name,
      ...names.from === void 0 ? {} : { from: names.from },
      ...names.wait === void 0 ? {} : { wait: names.wait }
    },
    ...(asked.waitMs ?? 0) > 0 ? {
      wait: {
        maxMs: asked.waitMs,
        sleep: context.sleep ?? sleepOnTimer,
        log: context.log
      }
    } : {},
    artifact: null,
    ...source?.kind === "image" ? {
      verifyBytes: (digest) => imageGate.check(digest, environmentRule?.platforms ?? [], asked.rollback)
    } : source ? {
      verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext)
    } : {},
    withoutBytes: asked.withoutBytes,
    checkSignature: async (digest, bytes) => {
      const checksumsFile = bytes?.checksumsFile ?? asked.sealListing;
      const plain3 = signatureSources(
        checksumsFile,
        required || asked.signer.asksForSigner,
        asked.token,
        names.token,
        env
      );
      const sources = source?.kind === "image" && (required || asked.signer.asksForSigner) ? await imageGate.sources(plain3) : plain3;
      const found = await findSignatures(digest, sources);
      if (found.candidates.length === 0) return unsignedCheck(digest, found.looked);
      const { checkCandidates } = await import("../chunks/check-signature-Q2D3MQKB.js");
      return checkCandidates(found.candidates, digest, expectation, checksumsFile);
    },
    signatureRequired: required ? requirementReason(asked.signer, policyAsks) : null,
    serverUrl: expectation.serverUrl,
    ...signing.kind === "none" ? {} : {
      attest: async (record, decision, signature) => (await import("../chunks/attest-record-5MRVLU6Z.js")).recordAttester(signing, {
        ledger,
        policy,
        env,
        token: asked.token,
        tokenInput: names.token,
        ...context.onRecordSigned === void 0 ? {} : { onSigned: context.onRecordSigned }
      })(record, decision, signature)
    },
    contract: lazyContractSources({
      store: ledger.kind === "file" ? besideLedger(ledger.file).contracts : null,
      baseline: asked.contractBaseline === null ? null : {
        path: resolve(context.baseDir, asked.contractBaseline),
        inputName: names.contractBaseline
      },
      warn: context.warn,
      ...context.downloads ? {
        download: async (digest, artifact) => {
          const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId);
          const fetched = await fetchAndCheckBytes(
            {
              kind: "artifact",
              name: artifact.name,
              runId,
              repository: null,
              token: asked.token
            },
            digest,
            { sealedBy: null, name: null, artifact },
            fetchContext
          );
          if (!fetched.verified || fetched.checksumsFile === null)
            throw new SealError("mismatch", `its files are not ${digest}`);
          return fetched.checksumsFile;
        }
      } : {}
    })
  };
});
// src/actions/promote/run.ts
var run = (async function run(env = process.env) {
  try {
    const workspace = workspaceDir(env);
    const settings = readPromoteSettings((name) => getInput(name), env, workspace);
    const access2 = {
      token: settings.token,
      ledgerInput: PromoteInput.Ledger,
      tokenInput: PromoteInput.GitHubToken,
      forWriting: !settings.dryRun,
      create: false
    };
    const requester = requesterFromEnv(env);
    if (settings.confirm.kind === "record") {
      const ledger2 = await openLedger(
        settings.ledger,
        { ...access2, signing: await checkpointSigning(settings.ledger, settings.signing, env) },
        env
      );
      const { id, outcome } = settings.confirm;
      const reason = outcome === "failed" ? `the deployment failed (${PromoteInput.Confirm}: failure:${id})` : null;
      const entry = await ledger2.resolve({
        id,
        outcome,
        reason,
        environment: settings.environment,
        ...requester
      });
      await reportResolution(entry, outcome, ledger2.location, env.GITHUB_STEP_SUMMARY !== void 0);
      return;
    }
    const policy = loadPolicy(settings.policyFile, PromoteInput.Policy, workspace);
    const signing = settings.dryRun ? { kind: "none", notice: null } : await prepareSigning(settings.signing, env);
    const ledger = await openLedger(settings.ledger, { ...access2, signing }, env);
    const options = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS };
    const attest = (
      // Loaded only when records are signed, as the contract code below only for an approval.
      signing.kind === "none" ? void 0 : (await import("../chunks/attest-record-5MRVLU6Z.js")).recordAttester(signing, {
        ledger: settings.ledger,
        policy,
        env,
        token: settings.token,
        tokenInput: PromoteInput.GitHubToken
      })
    );
    if (settings.veto !== null) {
      if (settings.digest === "previous" || settings.digest === null)
        throw new Error(
          'unreachable: settings refuse a veto of "previous" or of what another environment runs'
        );
      if (findEnvironment(policy, settings.environment) === void 0) {
        warning(
          `${PromoteInput.Environment}: ${quote(settings.environment)} is not in the policy; the veto applies to every environment all the same.`
        );
      }
      const record2 = await vetoDigest(
        {
          digest: settings.digest,
          environment: settings.environment,
          reason: settings.veto,
          name: settings.name,
          requester,
          ...attest ? { attest } : {}
        },
        ledger,
        options
      );
      info(
        `Vetoed ${settings.digest} in ${ledger.location} (record ${record2.id}): ${settings.veto}. No environment accepts it now.`
      );
      if (env.GITHUB_STEP_SUMMARY) {
        await summary.addRaw(renderVetoMarkdown(record2, ledger.location, serverUrlOf(env))).write();
      }
      setOutput(PromoteOutput.Promoted, "false");
      setOutput(PromoteOutput.Digest, settings.digest);
      setOutput(PromoteOutput.RecordId, record2.id);
      setOutput(PromoteOutput.RecordUrl, record2.url ?? "");
      setOutput(PromoteOutput.AttestationId, record2.attestation?.id ?? "");
      setOutput(PromoteOutput.AttestationUrl, record2.attestation?.uri ?? "");
      return;
    }
    const source = settings.source;
    const checksumsFile = source?.kind === "local" || source?.kind === "image" ? source.checksumsFile : null;
    if (settings.approveAmendment !== null) {
      if (settings.digest === "previous" || settings.digest === null)
        throw new Error(
          'unreachable: settings refuse an approval of "previous" or of what another environment runs'
        );
      const record2 = await approveAmendment(
        {
          digest: settings.digest,
          environment: settings.environment,
          reason: settings.approveAmendment,
          sealedContract: (await import("../chunks/contract-sources-DXBT5TDB.js")).sealedContractBeside(checksumsFile ?? settings.sealListing),
          name: settings.name,
          policy,
          requester,
          inputs: {
            from: PromoteInput.ApproveAmendment,
            to: PromoteInput.ChecksumsPath,
            toGives: "the seal bundle's listing, with its contract manifest beside it",
            digest: PromoteInput.ExpectedDigest,
            name: PromoteInput.SubjectName
          }
        },
        ledger,
        options
      );
      info(
        `Approved the contract amendment ${record2.approves?.from ?? "none"} \u2192 ${record2.approves?.to} of ${settings.environment} for ${settings.digest} (record ${record2.id}): ${settings.approveAmendment}.`
      );
      if (env.GITHUB_STEP_SUMMARY)
        await summary.addRaw(renderApprovalMarkdown(record2, ledger.location, serverUrlOf(env))).write();
      setOutput(PromoteOutput.Promoted, "false");
      setOutput(PromoteOutput.Digest, settings.digest);
      setOutput(PromoteOutput.RecordId, record2.id);
      setOutput(PromoteOutput.RecordUrl, record2.url ?? "");
      return;
    }
    const environmentUrl = findEnvironment(policy, settings.environment)?.url ?? null;
    const imageRegistry = sharedImageRegistry(settings, env);
    const signedRecords = /* @__PURE__ */ new Map();
    const request = promoteRequest(
      { ...settings, environmentUrl, contractBaseline: null },
      policy,
      settings.ledger,
      signing,
      {
        env,
        baseDir: workspace,
        downloadsDir: join(runnerTempDir(env), "artifact-seal", "downloads"),
        names: {
          environment: PromoteInput.Environment,
          digest: PromoteInput.ExpectedDigest,
          name: PromoteInput.SubjectName,
          checksums: PromoteInput.ChecksumsPath,
          artifactName: PromoteInput.Name,
          // The action has no baseline input: the CLI's flag gives the live digest's seal bundle
          // when nothing else has it.
          contractBaseline: "artifact-seal promote --contract-baseline",
          token: PromoteInput.GitHubToken,
          from: PromoteInput.From,
          wait: PromoteInput.Wait
        },
        asFlags: false,
        downloads: true,
        log: (message) => info(message),
        warn: (message) => warning(message),
        onProgress: (p) => info(describeProgress(p)),
        onRecordSigned: (record2, json) => signedRecords.set(record2.key, json),
        imageRegistry
      }
    );
    const result = await promoteDigest(request, policy, ledger, options);
    const { decision } = result;
    if (result.from)
      info(
        `${PromoteInput.From}: ${settings.from} runs ${result.from.digest} (live there since ${result.from.from}); that is the digest promoted.`
      );
    if ((result.claimedName ?? null) !== null && result.service !== null && result.service !== result.claimedName && (policy.service ?? null) === null) {
      info(
        `The seal's unsigned statement claims the name ${JSON.stringify(result.claimedName)}: a claim, not proven, so it did not pick the service (give ${PromoteInput.SubjectName} or sign the seal).`
      );
    }
    if ((result.waitedMs ?? 0) > 0)
      info(`Waited ${formatDuration(result.waitedMs)} for the soak before deciding.`);
    const imageRule = findEnvironment(policy, settings.environment)?.image;
    let moved = null;
    let recordLine = null;
    if (decision.allowed && !settings.dryRun && settings.source?.kind === "image" && result.digest !== null && result.record !== null && (imageRule !== void 0 || settings.pushToRegistry)) {
      const { finishImagePromotion } = await import("../chunks/image-promotion-764ILQXY.js");
      const image = await finishImagePromotion(
        {
          reference: settings.source.reference,
          digest: result.digest,
          environment: settings.environment,
          rule: imageRule,
          pushToRegistry: settings.pushToRegistry,
          signedRecord: signedRecords.get(result.record.key) ?? null,
          signedRecordUri: result.record.attestation?.uri ?? null,
          pushInput: PromoteInput.PushToRegistry
        },
        await imageRegistry()
      );
      for (const line of image.done) info(line);
      if (image.recordNotAttached !== null) warning(image.recordNotAttached);
      moved = image;
      recordLine = image.recordNotAttached !== null ? (
        // The reason quotes the registry's own words: written as text, never as markdown.
        `**Signed record not attached to the image:** ${plain(image.recordNotAttached)}`
      ) : image.recordAttached === null ? null : `Signed record attached to the image as ${code(image.recordAttached.manifest)} (${image.recordAttached.via === "referrers-api" ? "referrers API" : `fallback tag ${code(image.recordAttached.tag ?? "")}`}).`;
    }
    for (const check2 of decision.checks)
      info(`${check2.passed ? "\u2713" : "\u2717"} ${check2.rule} (${check2.environment}): ${check2.detail}`);
    if (result.verification && !result.verification.verified)
      annotateMismatches(result.verification.mismatches);
    const report = {
      result,
      policy,
      status: await imageTags(
        await pipelineStatus(policy, ledger, {
          knownContracts: contractsKnown(result.digest, result.contract),
          ...ownService(policy, result.service)
        }),
        policy,
        imageRegistry
      ),
      ledger: ledger.location,
      name: result.name,
      dryRun: settings.dryRun,
      serverUrl: serverUrlOf(env),
      ...moved === null ? {} : { imageRef: moved.imageRef }
    };
    if (env.GITHUB_STEP_SUMMARY) {
      await summary.addRaw(renderPromotionMarkdown(report)).write();
      if (recordLine !== null) await summary.addRaw(`
${recordLine}
`).write();
      if ((result.waitedMs ?? 0) > 0)
        await summary.addRaw(
          `
Waited ${formatDuration(result.waitedMs)} for the soak before deciding (${PromoteInput.Wait}).
`
        ).write();
    }
    setOutput(PromoteOutput.Promoted, String(decision.allowed && !settings.dryRun));
    setOutput(PromoteOutput.Digest, result.digest ?? "");
    setOutput(PromoteOutput.PreviousDigest, result.previous?.digest ?? "");
    setOutput(PromoteOutput.RecordId, result.record?.id ?? "");
    setOutput(PromoteOutput.RecordUrl, result.record?.url ?? "");
    setOutput(PromoteOutput.Decision, JSON.stringify(decision));
    setOutput(PromoteOutput.Path, decision.allowed ? result.verification?.path ?? "" : "");
    setOutput(
      PromoteOutput.Signer,
      result.signature?.status === "verified" ? signerOutput(result.signature.signer) : ""
    );
    setOutput(PromoteOutput.AttestationId, result.record?.attestation?.id ?? "");
    setOutput(PromoteOutput.AttestationUrl, result.record?.attestation?.uri ?? "");
    setOutput(PromoteOutput.ContractVersion, result.contract?.candidate?.version ?? "");
    setOutput(PromoteOutput.ContractDigest, result.contract?.candidate?.digest ?? "");
    const imageRef = moved?.imageRef ?? result.verification?.imageRef ?? null;
    setOutput(PromoteOutput.ImageRef, decision.allowed && imageRef !== null ? imageRef : "");
    for (const entry of result.abandoned)
      warning(
        `Record ${entry.resolves} (${entry.digest}) was never confirmed; marked abandoned: ${entry.reason}`
      );
    if (!decision.allowed) {
      setFailed(`${headline(report)}: ${decision.reason}`);
      return;
    }
    info(headline(report));
    const record = result.record;
    if (record === null) return;
    if (settings.confirm.kind === "on-success") {
      saveState(PromoteState.Pending, record.id);
      info(
        `Record ${record.id} is pending: it becomes ${decision.environment}'s live digest when this job succeeds, and never if it fails or is cancelled.`
      );
    } else {
      info(
        `Record ${record.id} is pending until a later step confirms it: a promote step with "${PromoteInput.Confirm}: ${record.id}" (or "failure:${record.id}" when the deployment failed), or "artifact-seal confirm ${record.id} --ledger ${ledger.location}".`
      );
    }
  } catch (error2) {
    reportFailure(error2);
  }
});
var imageTags = (async function imageTags(status, policy, imageRegistry) {
  if (!policy.environments.some((e) => e.image !== void 0)) return status;
  const { withImageTags } = await import("../chunks/image-status-YRFABQUH.js");
  return withImageTags(status, policy, await imageRegistry());
});
var sharedImageRegistry = (function sharedImageRegistry(settings, env) {
  let registry = null;
  return async () => {
    if (registry === null) {
      const { openImageRegistry } = await import("../chunks/open-registry-7AEXM4NI.js");
      registry = openImageRegistry(
        env,
        settings.source?.kind === "image" ? settings.source.token : settings.token,
        { insecureRegistries: settings.plainHttp }
      );
    }
    return registry;
  };
});
// End of the functions compiled as the file loads.

var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/core/errors.ts
function isSealError(error2, ...codes) {
  return error2 instanceof SealError && (codes.length === 0 || codes.includes(error2.code));
}
function exitCodeOf(code2) {
  return EXIT_CODES[code2];
}
function stopsPromotion(error2) {
  return isSealError(error2, "bad-input", "usage");
}
function messageOf(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}
function quote(value) {
  return JSON.stringify(value);
}
var SealError, EXIT_CODES;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    SealError = class extends Error {
      name = "SealError";
      code;
      details;
      constructor(code2, message, options = {}) {
        super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
        this.code = code2;
        this.details = options.details ?? {};
      }
    };
    EXIT_CODES = {
      usage: 2,
      "bad-input": 2,
      malformed: 2,
      unrecognized: 2,
      unreadable: 2,
      denied: 2,
      mismatch: 1,
      tampered: 1,
      refused: 1,
      unavailable: 1,
      conflict: 1,
      outdated: 1
    };
  }
});

// first-use-loader:loader
var loader_exports = {};
__export(loader_exports, {
  requireBeside: () => requireBeside
});
var requireBeside;
var init_loader = __esm({
  "first-use-loader:loader"() {
    "use strict";
    requireBeside = (file) => __require("node:module").createRequire(import.meta.url)(file);
  }
});

// first-use:yaml
var require_yaml = __commonJS({
  "first-use:yaml"(exports, module) {
    "use strict";
    var { requireBeside: requireBeside2 } = (init_loader(), __toCommonJS(loader_exports));
    var loaded4;
    var load = () => loaded4 ??= requireBeside2("../chunks/yaml-ZHEZHUK6.cjs");
    var firstUse = {};
    for (const key of ["Composer", "Document", "Schema", "YAMLError", "YAMLParseError", "YAMLWarning", "Alias", "isAlias", "isCollection", "isDocument", "isMap", "isNode", "isPair", "isScalar", "isSeq", "Pair", "Scalar", "YAMLMap", "YAMLSeq", "CST", "Lexer", "LineCounter", "Parser", "parse", "parseAllDocuments", "parseDocument", "stringify", "visit", "visitAsync"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// src/core/vocabulary.ts
function words() {
  return spoken;
}
function capitalized(phrase) {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
function speakAs(vocabulary) {
  const before = spoken;
  spoken = vocabulary;
  return before;
}
var SIGNED_BY_KEY_OF, ACTION_VOCABULARY, spoken;
var init_vocabulary = __esm({
  "src/core/vocabulary.ts"() {
    "use strict";
    SIGNED_BY_KEY_OF = {
      "public-key": "key",
      "trusted-root": "trusted-root",
      "tuf-mirrors": "tuf-mirrors",
      "signer-repository": "repository",
      "signer-workflow": "workflow",
      "source-ref": "ref",
      "cert-oidc-issuer": "issuer",
      "deny-self-hosted-runners": "runner"
    };
    ACTION_VOCABULARY = {
      caller: "action",
      option: (input) => {
        const key = SIGNED_BY_KEY_OF[input];
        return key === void 0 ? JSON.stringify(input) : `"signed-by" (its "${key}:")`;
      },
      setting: (input, value) => JSON.stringify(`${input}: ${value}`),
      current: "this step",
      base: "the workspace",
      machine: "the runner",
      reader: "the runner",
      rerun: "re-run the job",
      again: "run the step again",
      recordIdSource: "the record-id output of the promote step that made it"
    };
    spoken = ACTION_VOCABULARY;
  }
});

// src/attestation/oidc-token.ts
function decodeOidcClaims(token) {
  const payload = token.split(".")[1];
  let claims;
  try {
    claims = payload === void 0 ? void 0 : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    claims = void 0;
  }
  const c = claims;
  if (typeof c !== "object" || c === null || typeof c.iss !== "string" || typeof c.sub !== "string") {
    throw new SealError(
      "unavailable",
      `The OIDC token the runner returned is not a JWT with "iss" and "sub" claims, so it cannot identify the job to Fulcio. Re-run the job; if it persists, the runner's token service is misbehaving.`
    );
  }
  return c;
}
function endpointOf(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}
async function getOidcToken(audience = SIGSTORE_AUDIENCE) {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !requestToken) {
    return {
      kind: "unavailable",
      reason: `The job cannot mint an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). Add "${ID_TOKEN_PERMISSION}" to the job (or the workflow) to sign keyless; pull requests from forks never get one.`
    };
  }
  let token;
  try {
    const core = await import("../chunks/core-EUPLCFUX.js");
    token = await commandsToStderrFromCli(() => core.getIDToken(audience));
  } catch (error2) {
    const detail = messageOf(error2).replace(/\s+/g, " ").trim();
    throw new SealError(
      "denied",
      `The runner's OIDC token endpoint ${quote(endpointOf(url))} refused a token for audience ${quote(audience)}: ${detail}. Check that the job has "${ID_TOKEN_PERMISSION}"; re-run the job if the endpoint was unavailable.`
    );
  }
  return { kind: "token", token, claims: decodeOidcClaims(token) };
}
async function commandsToStderrFromCli(work) {
  if (words().caller !== "cli") return work();
  const write2 = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    return await work();
  } finally {
    process.stdout.write = write2;
  }
}
var SIGSTORE_AUDIENCE, ID_TOKEN_PERMISSION;
var init_oidc_token = __esm({
  "src/attestation/oidc-token.ts"() {
    "use strict";
    init_vocabulary();
    init_errors();
    SIGSTORE_AUDIENCE = "sigstore";
    ID_TOKEN_PERMISSION = "permissions: id-token: write";
  }
});

// src/core/env.ts

function apiUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_API_URL, DEFAULT_API_URL);
}

var DEFAULT_SERVER_URL, DEFAULT_API_URL;
var init_env = __esm({
  "src/core/env.ts"() {
    "use strict";
    DEFAULT_SERVER_URL = "https://github.com";
    DEFAULT_API_URL = "https://api.github.com";
  }
});

// src/app/signature/signing.ts
var signing_exports = {};
__export(signing_exports, {
  prepareSigning: () => prepareSigning,
  withSigningWorkflow: () => withSigningWorkflow
});
async function prepareSigning(settings, env) {
  if (settings.mode === "none") return { kind: "none", notice: null };
  if (settings.mode === "key") {
    if (settings.key === null) throw new Error("unreachable: sign: key without a key");
    const { readSigningKey } = await import("../chunks/signing-key-TMSHBFNZ.js");
    const key = readSigningKey(settings.key.pem, settings.key.password, settings.key.inputName);
    const { signStatement: signStatement2 } = await import("../chunks/sign-statement-APYJGTBR.js");
    const { keySigner } = await import("../chunks/key-signer-BBNWW2RL.js");
    const signer = keySigner(key);
    return {
      kind: "key",
      jobWorkflowRef: null,
      sign: async (statement) => {
        const bundle = await signStatement2(statement, { kind: "key", signer });
        return {
          json: `${JSON.stringify(bundle, null, 2)}
`,
          bundle,
          signer: `key:${key.hint}`,
          kind: "key"
        };
      }
    };
  }
  const token = await getOidcToken();
  if (token.kind === "unavailable") {
    if (settings.mode === "keyless")
      throw new SealError(
        "denied",
        `sign: keyless: ${token.reason} Grant "attestations: write" too, or sign with a key (sign: key).`
      );
    return {
      kind: "none",
      notice: `Not signed. ${token.reason} Grant "attestations: write" too, so the signature is stored in the repository's attestations.`
    };
  }
  const { chooseSigstoreInstance, readEventVisibility } = await import("../chunks/sigstore-instance-2PBKXNQ3.js");
  const { signStatement } = await import("../chunks/sign-statement-APYJGTBR.js");
  const instance = chooseSigstoreInstance({
    visibility: token.claims.repository_visibility ?? readEventVisibility(env.GITHUB_EVENT_PATH) ?? null,
    serverUrl: serverUrlOf(env),
    ...settings.endpoints
  });
  const jobWorkflowRef = token.claims.job_workflow_ref ?? null;
  const serverUrl = serverUrlOf(env);
  return {
    kind: "keyless",
    jobWorkflowRef,
    sign: async (statement) => {
      const bundle = await signStatement(statement, {
        kind: "keyless",
        instance,
        token: token.token
      });
      return {
        json: `${JSON.stringify(bundle, null, 2)}
`,
        bundle,
        // Fulcio puts the job's workflow in the certificate; the token says which one it is.
        signer: jobWorkflowRef === null ? token.claims.sub : `${serverUrl}/${jobWorkflowRef}`,
        kind: "keyless"
      };
    }
  };
}
function withSigningWorkflow(build, signing) {
  if (build.kind !== "workflow" || signing.kind !== "keyless" || signing.jobWorkflowRef === null)
    return build;
  return { kind: "workflow", build: { ...build.build, jobWorkflowRef: signing.jobWorkflowRef } };
}
var init_signing = __esm({
  "src/app/signature/signing.ts"() {
    "use strict";
    init_oidc_token();
    init_errors();
    init_env();
  }
});

// first-use:picomatch
var require_picomatch = __commonJS({
  "first-use:picomatch"(exports, module) {
    "use strict";
    var { requireBeside: requireBeside2 } = (init_loader(), __toCommonJS(loader_exports));
    var loaded4;
    var load = () => loaded4 ??= requireBeside2("../chunks/picomatch-3AYC5CXN.cjs");
    var firstUse = function(...args) {
      return load().apply(this, args);
    };
    for (const key of ["test", "matchBase", "isMatch", "parse", "scan", "compileRe", "makeRe", "toRegex", "constants"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// builtin:node:crypto
var node_crypto_exports = {};
__export(node_crypto_exports, {
  Certificate: () => Certificate,
  Cipheriv: () => Cipheriv,
  Decipheriv: () => Decipheriv,
  DiffieHellman: () => DiffieHellman,
  DiffieHellmanGroup: () => DiffieHellmanGroup,
  ECDH: () => ECDH,
  Hash: () => Hash,
  Hmac: () => Hmac,
  KeyObject: () => KeyObject,
  Sign: () => Sign,
  Verify: () => Verify,
  X509Certificate: () => X509Certificate,
  argon2: () => argon2,
  argon2Sync: () => argon2Sync,
  checkPrime: () => checkPrime,
  checkPrimeSync: () => checkPrimeSync,
  constants: () => constants,
  createCipheriv: () => createCipheriv,
  createDecipheriv: () => createDecipheriv,
  createDiffieHellman: () => createDiffieHellman,
  createDiffieHellmanGroup: () => createDiffieHellmanGroup,
  createECDH: () => createECDH,
  createHash: () => createHash,
  createHmac: () => createHmac,
  createPrivateKey: () => createPrivateKey,
  createPublicKey: () => createPublicKey,
  createSecretKey: () => createSecretKey,
  createSign: () => createSign,
  createVerify: () => createVerify,
  decapsulate: () => decapsulate,
  default: () => node_crypto_default,
  diffieHellman: () => diffieHellman,
  encapsulate: () => encapsulate,
  generateKey: () => generateKey,
  generateKeyPair: () => generateKeyPair,
  generateKeyPairSync: () => generateKeyPairSync,
  generateKeySync: () => generateKeySync,
  generatePrime: () => generatePrime,
  generatePrimeSync: () => generatePrimeSync,
  getCipherInfo: () => getCipherInfo,
  getCiphers: () => getCiphers,
  getCurves: () => getCurves,
  getDiffieHellman: () => getDiffieHellman,
  getFips: () => getFips,
  getHashes: () => getHashes,
  hash: () => hash,
  hkdf: () => hkdf,
  hkdfSync: () => hkdfSync,
  pbkdf2: () => pbkdf2,
  pbkdf2Sync: () => pbkdf2Sync,
  privateDecrypt: () => privateDecrypt,
  privateEncrypt: () => privateEncrypt,
  publicDecrypt: () => publicDecrypt,
  publicEncrypt: () => publicEncrypt,
  randomBytes: () => randomBytes,
  randomFill: () => randomFill,
  randomFillSync: () => randomFillSync,
  randomInt: () => randomInt,
  randomUUID: () => randomUUID,
  randomUUIDv7: () => randomUUIDv7,
  scrypt: () => scrypt,
  scryptSync: () => scryptSync,
  secureHeapUsed: () => secureHeapUsed,
  setEngine: () => setEngine,
  setFips: () => setFips,
  sign: () => sign,
  timingSafeEqual: () => timingSafeEqual,
  verify: () => verify
});
var builtin = __require("node:crypto");
var node_crypto_default = builtin;
var { argon2, argon2Sync, checkPrime, checkPrimeSync, createCipheriv, createDecipheriv, createDiffieHellman, createDiffieHellmanGroup, createECDH, createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify, diffieHellman, generatePrime, generatePrimeSync, getCiphers, getCipherInfo, getCurves, getDiffieHellman, getHashes, hkdf, hkdfSync, pbkdf2, pbkdf2Sync, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync, privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, randomFill, randomFillSync, randomInt, randomUUID, randomUUIDv7, scrypt, scryptSync, sign, setEngine, timingSafeEqual, getFips, setFips, verify, hash, encapsulate, decapsulate, Certificate, Cipheriv, Decipheriv, DiffieHellman, DiffieHellmanGroup, ECDH, Hash, Hmac, KeyObject, Sign, Verify, X509Certificate, secureHeapUsed, constants } = builtin;

// builtin:node:fs
var node_fs_exports = {};
__export(node_fs_exports, {
  Dir: () => Dir,
  Dirent: () => Dirent,
  Stats: () => Stats,
  _toUnixTimestamp: () => _toUnixTimestamp,
  access: () => access,
  accessSync: () => accessSync,
  appendFile: () => appendFile,
  appendFileSync: () => appendFileSync,
  chmod: () => chmod,
  chmodSync: () => chmodSync,
  chown: () => chown,
  chownSync: () => chownSync,
  close: () => close,
  closeSync: () => closeSync,
  constants: () => constants2,
  copyFile: () => copyFile,
  copyFileSync: () => copyFileSync,
  cp: () => cp,
  cpSync: () => cpSync,
  createReadStream: () => createReadStream,
  createWriteStream: () => createWriteStream,
  default: () => node_fs_default,
  exists: () => exists,
  existsSync: () => existsSync,
  fchmod: () => fchmod,
  fchmodSync: () => fchmodSync,
  fchown: () => fchown,
  fchownSync: () => fchownSync,
  fdatasync: () => fdatasync,
  fdatasyncSync: () => fdatasyncSync,
  fstat: () => fstat,
  fstatSync: () => fstatSync,
  fsync: () => fsync,
  fsyncSync: () => fsyncSync,
  ftruncate: () => ftruncate,
  ftruncateSync: () => ftruncateSync,
  futimes: () => futimes,
  futimesSync: () => futimesSync,
  glob: () => glob,
  globSync: () => globSync,
  lchmod: () => lchmod,
  lchmodSync: () => lchmodSync,
  lchown: () => lchown,
  lchownSync: () => lchownSync,
  link: () => link,
  linkSync: () => linkSync,
  lstat: () => lstat,
  lstatSync: () => lstatSync,
  lutimes: () => lutimes,
  lutimesSync: () => lutimesSync,
  mkdir: () => mkdir,
  mkdirSync: () => mkdirSync,
  mkdtemp: () => mkdtemp,
  mkdtempDisposableSync: () => mkdtempDisposableSync,
  mkdtempSync: () => mkdtempSync,
  open: () => open,
  openAsBlob: () => openAsBlob,
  openSync: () => openSync,
  opendir: () => opendir,
  opendirSync: () => opendirSync,
  promises: () => promises,
  read: () => read,
  readFile: () => readFile,
  readFileSync: () => readFileSync,
  readSync: () => readSync,
  readdir: () => readdir,
  readdirSync: () => readdirSync,
  readlink: () => readlink,
  readlinkSync: () => readlinkSync,
  readv: () => readv,
  readvSync: () => readvSync,
  realpath: () => realpath,
  realpathSync: () => realpathSync,
  rename: () => rename,
  renameSync: () => renameSync,
  rm: () => rm,
  rmSync: () => rmSync,
  rmdir: () => rmdir,
  rmdirSync: () => rmdirSync,
  stat: () => stat,
  statSync: () => statSync,
  statfs: () => statfs,
  statfsSync: () => statfsSync,
  symlink: () => symlink,
  symlinkSync: () => symlinkSync,
  truncate: () => truncate,
  truncateSync: () => truncateSync,
  unlink: () => unlink,
  unlinkSync: () => unlinkSync,
  unwatchFile: () => unwatchFile,
  utimes: () => utimes,
  utimesSync: () => utimesSync,
  watch: () => watch,
  watchFile: () => watchFile,
  write: () => write,
  writeFile: () => writeFile,
  writeFileSync: () => writeFileSync,
  writeSync: () => writeSync,
  writev: () => writev,
  writevSync: () => writevSync
});
var builtin2 = __require("node:fs");
var node_fs_default = builtin2;
var { appendFile, appendFileSync, access, accessSync, chown, chownSync, chmod, chmodSync, close, closeSync, copyFile, copyFileSync, cp, cpSync, createReadStream, createWriteStream, exists, existsSync, fchown, fchownSync, fchmod, fchmodSync, fdatasync, fdatasyncSync, fstat, fstatSync, fsync, fsyncSync, ftruncate, ftruncateSync, futimes, futimesSync, glob, globSync, lchown, lchownSync, lchmod, lchmodSync, link, linkSync, lstat, lstatSync, lutimes, lutimesSync, mkdir, mkdirSync, mkdtemp, mkdtempSync, mkdtempDisposableSync, open, openSync, openAsBlob, readdir, readdirSync, read, readSync, readv, readvSync, readFile, readFileSync, readlink, readlinkSync, realpath, realpathSync, rename, renameSync, rm, rmSync, rmdir, rmdirSync, stat, statfs, statSync, statfsSync, symlink, symlinkSync, truncate, truncateSync, unwatchFile, unlink, unlinkSync, utimes, utimesSync, watch, watchFile, writeFile, writeFileSync, write, writeSync, writev, writevSync, Dirent, Stats, _toUnixTimestamp, Dir, opendir, opendirSync, constants: constants2 } = builtin2;
var promises = {};
for (const key of ["access", "copyFile", "cp", "glob", "open", "opendir", "rename", "truncate", "rm", "rmdir", "mkdir", "readdir", "readlink", "symlink", "lstat", "stat", "statfs", "link", "unlink", "chmod", "lchmod", "lchown", "chown", "utimes", "lutimes", "realpath", "mkdtemp", "mkdtempDisposable", "writeFile", "appendFile", "readFile", "watch", "constants"]) Object.defineProperty(promises, key, { get: () => builtin2.promises[key], enumerable: true });

// builtin:node:os
var builtin3 = __require("node:os");
var { arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname, loadavg, networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo, uptime, version, machine, constants: constants3, EOL, devNull } = builtin3;

// src/core/control-characters.ts
var CONTROL_CHARACTERS = "\\u0000-\\u001f\\u007f-\\u009f";
var ANY_CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, "gu");

// src/report/runner-log.ts
var MARK = "\u200B";
var BLANK = /[\t \u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]/;
var LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;


var RunnerLogGuard = class {
  lineStart = true;
  tail = "";
  afterCR = false;
  /** The text made inert, line by line. */
  encode(text) {
    let out = "";
    for (const char of text) {
      if (this.afterCR) {
        this.afterCR = false;
        if (char === "\n") continue;
      }
      if (LINE_BREAK.test(char)) {
        out += "\n";
        this.afterCR = char === "\r";
        this.lineStart = true;
        this.tail = "";
        continue;
      }
      const shown = visibleControl(char) ?? char;
      if (this.lineStart) {
        if (BLANK.test(shown)) {
          out += shown;
          continue;
        }
        this.lineStart = false;
        if (shown === ":") out += MARK;
      }
      if (shown === "[" && this.tail === "##") out += MARK;
      out += shown;
      this.tail = (this.tail + shown).slice(-2);
    }
    return out;
  }
  /** Text another writer put on the same stream (a deploy command's own output), unchanged. */
  observe(text) {
    for (const char of text) {
      if (LINE_BREAK.test(char)) {
        this.lineStart = true;
        this.tail = "";
        this.afterCR = false;
        continue;
      }
      this.afterCR = false;
      if (this.lineStart && BLANK.test(char)) continue;
      this.lineStart = false;
      this.tail = (this.tail + char).slice(-2);
    }
  }
};


// src/actions/runner-io.ts
var logStream = null;
var runnerLog = {
  write(text) {
    if (logStream !== null) {
      logStream.write(text);
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    try {
      while (written < bytes.length)
        written += writeSync(1, bytes, written, bytes.length - written);
    } catch {
      logStream = process.stdout;
      logStream.write(bytes.subarray(written));
    }
  }
};


function escapeData(value) {
  return toCommandValue(value).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function issueCommand(command, properties, message) {
  writeCommand(command, properties, inertLogText(toCommandValue(message)));
}
function writeCommand(command, properties, message) {
  const props = Object.keys(properties).length > 0 ? ` ${Object.entries(properties).filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",")}` : "";
  runnerLog.write(`::${command}${props}::${escapeData(message)}${EOL}`);
}
function annotationProperties(p) {
  if (Object.keys(p).length === 0) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  };
}



function saveState(name, value) {
  if (process.env.GITHUB_STATE) return issueFileCommand("GITHUB_STATE", name, value);
  writeCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

function debug(message) {
  issueCommand("debug", {}, message);
}
function notice(message, properties = {}) {
  issueCommand(
    "notice",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function warning(message, properties = {}) {
  issueCommand(
    "warning",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function error(message, properties = {}) {
  issueCommand(
    "error",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
function startGroup(name) {
  issueCommand("group", {}, name);
}
function endGroup() {
  issueCommand("endgroup", {}, "");
}
async function group(name, fn) {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
var Summary = class {
  buffer = "";
  addRaw(text, addEOL = false) {
    this.buffer += text;
    if (addEOL) this.buffer += EOL;
    return this;
  }
  // Synchronous, as the outputs are: the first asynchronous file operation of a process
  // starts libuv's thread pool, a millisecond and a half that a small step spends on nothing else.
  async write(options = {}) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
      throw new Error(
        "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries."
      );
    try {
      accessSync(file, constants2.R_OK | constants2.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      );
    }
    ;
    (options.overwrite ? writeFileSync : appendFileSync)(file, this.buffer, {
      encoding: "utf8"
    });
    this.buffer = "";
    return this;
  }
};
var summary = new Summary();

// builtin:node:path
var builtin4 = __require("node:path");
var { resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname, format, parse, matchesGlob, sep, delimiter, win32, posix, _makeLong } = builtin4;

// src/app/settings/load-policy.ts
init_errors();

// src/core/promotion/policy-file.ts
var import_yaml = __toESM(require_yaml());
init_errors();

// src/core/promotion/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var DURATION_PATTERN = "^(0|([0-9]+(ms|s|m|h|d|w))+)$";
var PART = /([0-9]+)(ms|s|m|h|d|w)/g;
function parseDuration(text) {
  if (!new RegExp(DURATION_PATTERN).test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART))
    total += Number(amount) * UNIT_MS[unit];
  return Number.isSafeInteger(total) ? total : null;
}
function formatDuration(ms) {
  if (ms < 1e3) return "0s";
  const parts = [];
  let rest = Math.floor(ms / 1e3);
  for (const [unit, seconds] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    const amount = Math.floor(rest / seconds);
    rest -= amount * seconds;
    if (amount > 0) parts.push(`${amount}${unit}`);
  }
  return parts.slice(0, 2).join(" ");
}

// src/core/promotion/policy.ts
init_errors();
var BREAKING_RULES = [
  "refuse",
  "require-major",
  "require-approval",
  "allow"
];
var DANGEROUS_RULES = ["warn", "refuse"];
var ROLLBACK_RULES = ["allow", "check"];







// src/core/observe/spec.ts
init_errors();

// src/core/digest.ts
init_errors();
var HEX64 = /^[0-9a-f]{64}$/;




function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}


// src/core/image/reference.ts
init_errors();
var NAME_MAX = 255;
var ALPHA_NUMERIC = "[a-z0-9]+";
var SEPARATOR = "(?:[._]|__|-+)";
var PATH_COMPONENT = new RegExp(`^${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var HOST = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`
);
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_HOST = "registry-1.docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function parseImageReference(value, what) {
  const text = value.trim();
  const fail = (why, fix) => {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(text)} is not an image reference: ${why}. ${fix}`
    );
  };
  if (text === "")
    fail(
      "it is empty",
      'Give a reference such as "ghcr.io/acme/app:1.4.0" or "ghcr.io/acme/app@sha256:\u2026".'
    );
  const at = text.indexOf("@");
  let digest = null;
  let rest = text;
  if (at !== -1) {
    if (text.indexOf("@", at + 1) !== -1)
      fail('it has more than one "@"', 'Give one digest after "@".');
    const after = text.slice(at + 1);
    const colon2 = after.indexOf(":");
    if (colon2 === -1)
      fail('the digest after "@" must start with "sha256:"', 'Write it as "name@sha256:<64 hex>".');
    const algorithm = after.slice(0, colon2).toLowerCase();
    if (algorithm !== "sha256")
      fail(
        `the digest after "@" is a ${quote(algorithm)} digest`,
        'artifact-seal reads sha256 digests only: write "name@sha256:<64 hex>".'
      );
    const hex = after.slice(colon2 + 1);
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
      fail(
        `the digest after "@" is not "sha256:" and 64 hex characters (got ${hex.length} characters)`,
        "Copy the whole digest."
      );
    digest = digestFromHex(hex.toLowerCase());
    rest = text.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  let tag = null;
  let name = rest;
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    name = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      fail(
        `the tag ${quote(tag)} is not a valid tag`,
        'A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".'
      );
    }
  }
  if (name === "")
    fail(
      "the name before the tag or digest is empty",
      'Give the repository, such as "ghcr.io/acme/app".'
    );
  if (name.length > NAME_MAX)
    fail(
      `the name is ${name.length} characters long`,
      `A name is at most ${NAME_MAX} characters, registry included.`
    );
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const hasRegistry = namesRegistry(name);
  let registry = DOCKER_HUB;
  let path = name;
  if (hasRegistry) {
    const host = HOST.exec(first);
    if (host === null)
      return fail(
        `the registry ${quote(first)} is not a host name, an IP address or either with a port`,
        'Write the registry as "host" or "host:port", such as "ghcr.io" or "localhost:5000".'
      );
    const port = host[1];
    if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
      fail(`the port ${port} is out of range`, "Give a port from 1 to 65535.");
    registry = first.toLowerCase();
    path = name.slice(slash + 1);
  }
  path = path.toLowerCase();
  for (const component of path.split("/")) {
    if (PATH_COMPONENT.test(component)) continue;
    fail(
      component === "" ? `the repository ${quote(path)} has an empty path component` : `the path component ${quote(component)} is not valid`,
      'Each "/"-separated part of a repository is lower-case letters and digits, joined by ".", "_", "__" or dashes.'
    );
  }
  const dockerHub = DOCKER_HUB_ALIASES.has(registry);
  return {
    registry: dockerHub ? DOCKER_HUB : registry,
    repository: dockerHub && !path.includes("/") ? `library/${path}` : path,
    name: hasRegistry ? `${registry}/${path}` : path,
    tag,
    digest
  };
}
function namesRegistry(name) {
  const slash = name.indexOf("/");
  if (slash === -1) return false;
  const first = name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}
function registryHost(reference2) {
  return reference2.registry === DOCKER_HUB ? DOCKER_HUB_HOST : reference2.registry;
}
function formatReference(reference2) {
  return `${reference2.name}${reference2.tag === null ? "" : `:${reference2.tag}`}${reference2.digest === null ? "" : `@${reference2.digest}`}`;
}
function digestReference(reference2, digest) {
  return `${reference2.name}@${digest}`;
}
function subjectName(reference2) {
  return reference2.name;
}
function withTag(reference2, tag, what) {
  if (!TAG.test(tag)) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(tag)} is not a valid tag. A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".`
    );
  }
  return { ...reference2, tag, digest: null };
}
function withDigest(reference2, digest) {
  return { ...reference2, tag: null, digest };
}
function sameRepository(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
var OCI_SCHEME = "oci://";

function parseImageSubject(text, what) {
  const lines = text.split(/\r?\n/).map((line2) => line2.trim()).filter((line2) => line2 !== "" && !line2.startsWith("#"));
  if (lines.length !== 1 || lines[0].includes(",")) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(text.trim())} names an image (${OCI_SCHEME}\u2026) among other entries. An image is sealed, verified and promoted alone: give one ${OCI_SCHEME} reference and nothing else.`
    );
  }
  const line = lines[0];
  if (!line.toLowerCase().startsWith(OCI_SCHEME)) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(line)} names an image but does not start with ${quote(OCI_SCHEME)}. Write it as "oci://ghcr.io/acme/app:1.4.0".`
    );
  }
  return parseImageReference(line.slice(OCI_SCHEME.length), what);
}


// src/core/observe/spec.ts
var DEFAULT_PROBE_TIMEOUT_MS = 1e4;
var DEFAULT_POINTER = "/digest";
var DRIFT_RULES = ["block", "warn"];
var ENTRY_SCHEMA = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    service: { type: "string", pattern: "\\S" },
    url: { type: "string", pattern: "^https?://\\S+$" },
    pointer: { type: "string", pattern: "^(/[^\\x00-\\x1f]*)?$" },
    command: { type: "string", pattern: "\\S" },
    files: { type: "string", pattern: "\\S" },
    checksums: { type: "string", pattern: "\\S" },
    "contract-url": { type: "string", pattern: "^https?://\\S+$" },
    image: { type: "string", pattern: "\\S" },
    timeout: { type: "string", pattern: "^([0-9]+(ms|s|m))+$" }
  }
};
var OBSERVE_SCHEMA = {
  anyOf: [ENTRY_SCHEMA, { type: "array", minItems: 1, items: ENTRY_SCHEMA }]
};
var DRIFT_SCHEMA = { type: "string", enum: [...DRIFT_RULES] };
var OBSERVE_KEYS = "service, url, pointer, command, files, checksums, contract-url, image, timeout";

var OBSERVE_FIELD_FORMAT = {
  url: "is not an http(s) URL. Give the URL the running service answers with its digest, such as https://shop.example/version",
  "contract-url": "is not an http(s) URL. Give the URL the running service serves its API description at, such as https://shop.example/openapi.json",
  pointer: 'is not a JSON pointer. Give where the digest is in the answer, starting with "/", such as /build/digest',
  timeout: "is not a duration. Give a number and a unit, such as 500ms, 10s or 1m",
  service: "is empty. Name the service the entry observes",
  command: "is empty. Give the command that prints the running digest",
  files: "is empty. Give the directory of the deployed files",
  checksums: "is empty. Give the live digest's checksums listing deployed beside the files",
  image: "is empty. Give the image tag the environment runs, such as ghcr.io/acme/shop:production"
};
function observeProblem(keyword, path) {
  if (path[0] !== "environments" || path[2] !== "observe") return null;
  const field = path.at(-1) ?? "";
  if (keyword === "pattern" || keyword === "type") return OBSERVE_FIELD_FORMAT[field] ?? null;
  if (keyword === "minProperties" || keyword === "minItems")
    return `is empty. Give one probe or more: ${OBSERVE_KEYS}`;
  return null;
}
function isOtherObserveForm(error2, root) {
  if (!error2.schemaPath.includes("/observe/anyOf")) return false;
  if (error2.keyword === "anyOf" && /\/observe\/anyOf$/.test(error2.schemaPath)) return true;
  const branch = /\/observe\/anyOf\/(\d)\//.exec(error2.schemaPath)?.[1];
  const environment = /^\/environments\/([^/]*)\/observe/.exec(error2.instancePath)?.[1];
  if (branch === void 0 || environment === void 0) return false;
  const envs = root.environments ?? {};
  const name = environment.replace(/~1/g, "/").replace(/~0/g, "~");
  const written = envs[name]?.observe;
  return branch === "1" !== Array.isArray(written);
}

// src/core/json-shape.ts


// src/core/promotion/schema-check.ts
var KNOWN = /* @__PURE__ */ new Set([
  "$schema",
  "$id",
  "title",
  "type",
  "enum",
  "anyOf",
  "pattern",
  "minProperties",
  "required",
  "propertyNames",
  "additionalProperties",
  "properties",
  "minItems",
  "uniqueItems",
  "items"
]);

var patterns = /* @__PURE__ */ new Map();
var regExp = (source) => {
  let compiled = patterns.get(source);
  if (compiled === void 0) patterns.set(source, compiled = new RegExp(source, "u"));
  return compiled;
};

var pointerKey = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
var TYPED = [
  ["string", ["pattern"]],
  ["array", ["minItems", "items", "uniqueItems"]],
  ["object", ["minProperties", "required", "propertyNames", "additionalProperties", "properties"]]
];


function checkArray(schema, value, instancePath, schemaPath, errors, report) {
  if (schema.minItems !== void 0 && value.length < schema.minItems) {
    const limit = schema.minItems;
    report("minItems", { limit }, `must NOT have fewer than ${limit} items`);
  }
  if (schema.items !== void 0)
    value.forEach(
      (item, i) => check(
        schema.items,
        item,
        `${instancePath}/${i}`,
        `${schemaPath}/items`,
        errors,
        void 0
      )
    );
  if (schema.uniqueItems === true) {
    const duplicate = duplicateOf(value, schema.items);
    if (duplicate !== null) {
      const [i, j] = duplicate;
      report(
        "uniqueItems",
        { i, j },
        `must NOT have duplicate items (items ## ${j} and ${i} are identical)`
      );
    }
  }
}
function duplicateOf(value, items) {
  const scalar = typeof items?.type === "string" && ["string", "number", "boolean"].includes(items.type) ? items.type : null;
  const seen = /* @__PURE__ */ new Map();
  for (let i = value.length - 1; i >= 0; i--) {
    const item = value[i];
    if (scalar !== null && typeof item !== scalar) continue;
    const key = scalar !== null ? item : canonical(item);
    const j = seen.get(key);
    if (j !== void 0) return [i, j];
    seen.set(key, i);
  }
  return null;
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}


// src/core/promotion/policy-schema.ts
var ENVIRONMENT_NAME = "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$";
var environmentList = {
  type: "array",
  items: { type: "string", pattern: ENVIRONMENT_NAME },
  uniqueItems: true
};
var SERVICE_NAME = "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$";
var REPOSITORY_PATTERN = "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$";
var WORKFLOW_PATTERN = "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$";
var PLATFORM_PATTERN = "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$";
var TAG_PATTERN = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";
var IMAGE_NAME_PATTERN = "^[A-Za-z0-9][^\\s@]{0,300}$";
var POLICY_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://artifact-seal.dev/schemas/promotion-policy.json",
  title: "artifact-seal promotion policy",
  type: "object",
  additionalProperties: false,
  required: ["environments"],
  properties: {
    service: { type: "string", pattern: SERVICE_NAME },
    services: {
      type: "array",
      items: { type: "string", pattern: SERVICE_NAME },
      uniqueItems: true,
      minItems: 1
    },
    environments: {
      type: "object",
      minProperties: 1,
      propertyNames: { pattern: ENVIRONMENT_NAME },
      additionalProperties: {
        type: ["object", "null"],
        additionalProperties: false,
        properties: {
          requires: environmentList,
          "requires-any": { ...environmentList, minItems: 1 },
          soak: { type: "string", pattern: DURATION_PATTERN },
          platforms: {
            type: "array",
            items: { type: "string", pattern: PLATFORM_PATTERN },
            uniqueItems: true,
            minItems: 1
          },
          image: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            properties: {
              tag: { type: "string", pattern: TAG_PATTERN },
              "copy-to": { type: "string", pattern: IMAGE_NAME_PATTERN }
            }
          },
          url: { type: "string", pattern: "^https?://\\S+$" },
          "signed-by": {
            type: "object",
            additionalProperties: false,
            required: ["repository"],
            properties: {
              repository: { type: "string", pattern: REPOSITORY_PATTERN },
              workflow: { type: "string", pattern: WORKFLOW_PATTERN },
              ref: { type: "string", pattern: "^refs/\\S+$" },
              issuer: { type: "string", pattern: "^https://\\S+$" },
              runner: { type: "string", enum: ["github-hosted"] }
            }
          },
          contract: {
            type: "object",
            additionalProperties: false,
            properties: {
              breaking: { type: "string", enum: [...BREAKING_RULES] },
              dangerous: { type: "string", enum: [...DANGEROUS_RULES] },
              rollback: { type: "string", enum: [...ROLLBACK_RULES] }
            }
          },
          observe: OBSERVE_SCHEMA,
          drift: DRIFT_SCHEMA
        }
      }
    }
  }
};

// src/core/promotion/plain-yaml.ts
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain YAML");
var NotPlain = class extends Error {
};
var notPlain = () => {
  throw new NotPlain();
};
var MAX_DEPTH = 32;
var PLAIN_TEXT = /^[\x20-\x7e\n]*$/;
var BLOCK_SCALAR = /^[A-Za-z0-9_./~][^#]*?(?=\s+#|\s*$)/;
var FLOW_SCALAR = /^[A-Za-z0-9_./~][^#,[\]{}]*?(?=\s*[,\]}]|\s+#|\s*$|:\s)/;
var PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
var NULL = /^(?:null|Null|NULL|~)$/;
var BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
var NUMBER_LIKE = /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;

function quoted(text, at) {
  const quote2 = text[at];
  let value = "";
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote2 === "'") {
      if (c !== "'") value += c;
      else if (text[i + 1] === "'") value += text[++i];
      else return { value, end: i + 1 };
    } else if (c === '"') {
      return { value, end: i + 1 };
    } else if (c === "\\") {
      const escaped = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "	" }[text[++i] ?? ""];
      value += escaped ?? notPlain();
    } else {
      value += c;
    }
  }
  return notPlain();
}

var isKey = (key) => typeof key === "string" && key !== "__proto__" && !/^(?:0|[1-9][0-9]*)$/.test(key);

function flowValue(text, at, depth) {
  const c = text[at];
  if (c === "[" || c === "{") return flowCollection(text, at, depth + 1);
  if (c === '"' || c === "'") return quoted(text, at);
  const match = FLOW_SCALAR.exec(text.slice(at)) ?? notPlain();
  return { value: plainValue(match[0].trimEnd()), end: at + match[0].length };
}




var Reader = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  next = 0;
  peek() {
    return this.lines[this.next];
  }
  depth = 0;
  /** The block whose first line is the next one, at its indentation. */
  block(indent) {
    const first = this.peek();
    if (first === void 0 || first.indent !== indent || this.depth >= MAX_DEPTH) return notPlain();
    this.depth++;
    try {
      return first.text === "-" || first.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent);
    } finally {
      this.depth--;
    }
  }
  /**
   * What follows a key or dash with nothing after it: a deeper block, a sequence at the key's own
   * indentation, or null.
   */
  nested(indent, sequenceMayAlign) {
    const line = this.peek();
    if (line !== void 0 && line.indent > indent) return this.block(line.indent);
    if (sequenceMayAlign && line !== void 0 && line.indent === indent && (line.text === "-" || line.text.startsWith("- ")))
      return this.sequence(indent);
    return null;
  }
  mapping(indent) {
    const map = {};
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) notPlain();
      const entry = blockKey(line.text) ?? notPlain();
      this.next++;
      const hasInline = !restIsEmpty(entry.rest, 0);
      const value = hasInline ? inlineValue(entry.rest.trimStart(), this.depth) : this.nested(indent, true);
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
      setOnce(map, entry.key, value);
    }
    return map;
  }
  sequence(indent) {
    const items = [];
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !(line.text === "-" || line.text.startsWith("- "))) notPlain();
      this.next++;
      const rest = line.text.slice(1);
      const hasInline = !restIsEmpty(rest, 0);
      if (hasInline && blockKey(rest.trimStart()) !== null && !/^\s*[[{]/.test(rest)) notPlain();
      items.push(hasInline ? inlineValue(rest.trimStart(), this.depth) : this.nested(indent, false));
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
    }
    return items;
  }
};


// src/core/promotion/policy-file.ts
var DEFAULT_CONTRACT_RULE = {
  breaking: "require-major",
  dangerous: "warn",
  rollback: "allow"
};
var MAX_ALIASES = 100;
var MAX_ALIAS_EXPANSION = 1e3;

function parseWithPositions(text, source) {
  const lines = new import_yaml.LineCounter();
  const at = (offset) => {
    if (offset === void 0) return source;
    const { line, col } = lines.linePos(offset);
    return `${source}:${line}:${col}`;
  };
  const fail = (problems) => {
    throw new SealError(
      "malformed",
      `The promotion policy ${source} has ${problems.length === 1 ? "a mistake" : `${problems.length} mistakes`}:
` + problems.map((p) => `  ${p}`).join("\n") + `
See the policy format in the README ("Promotion policy").`,
      { details: { problems: problems.map((p) => locatedProblem(p, source)) } }
    );
  };
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error2) {
    return fail([
      `${source}: cannot be read as YAML (${messageOf(error2)}). Write the policy as a plain mapping, as in the README.`
    ]);
  }
  if (doc.errors.length > 0)
    fail(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split("\n")[0]}`));
  const aliasProblems = checkAliases(doc, at);
  if (aliasProblems.length > 0) fail(aliasProblems);
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error2) {
    const reason = messageOf(error2);
    fail([
      /alias/i.test(reason) ? `${source}: its aliases (*name) expand to more than ${MAX_ALIAS_EXPANSION} values, which no promotion policy needs (this is how a YAML alias bomb looks). Write the environments out without aliases.` : `${source}: cannot be read (${reason}). Write the policy as a plain mapping, as in the README.`
    ]);
  }
  return policyFrom(value, source, { doc, at, fail });
}
function locatedProblem(problem, source) {
  const rest = problem.startsWith(`${source}:`) ? problem.slice(source.length + 1) : null;
  const position = rest === null ? null : /^(\d+):(\d+): /.exec(rest);
  if (position !== null && rest !== null)
    return {
      file: source,
      line: Number(position[1]),
      column: Number(position[2]),
      message: rest.slice(position[0].length)
    };
  return {
    file: source,
    line: null,
    column: null,
    message: rest === null ? problem : rest.replace(/^ /, "")
  };
}

function byPosition(problems) {
  const position = (p) => (/:(\d+):(\d+): /.exec(p)?.slice(1) ?? ["0", "0"]).map(Number);
  return problems.sort((a, b) => {
    const [la = 0, ca = 0] = position(a);
    const [lb = 0, cb = 0] = position(b);
    return la - lb || ca - cb;
  });
}
function checkAliases(doc, at) {
  const problems = [];
  const anchors = /* @__PURE__ */ new Set();
  let aliases = 0;
  (0, import_yaml.visit)(doc, {
    Node(_key, node) {
      if ((0, import_yaml.isAlias)(node)) {
        aliases += 1;
        if (aliases > MAX_ALIASES) {
          problems.push(
            `${at(rangeStart(node))}: the policy uses more than ${MAX_ALIASES} aliases (*name), which no promotion policy needs (this is how a YAML alias bomb looks). Write the environments out without aliases.`
          );
          return import_yaml.visit.BREAK;
        }
        if (!anchors.has(node.source)) {
          problems.push(
            `${at(rangeStart(node))}: the alias ${quoteShort(`*${node.source}`)} names no anchor set before it. Add ${quoteShort(`&${node.source}`)} to an earlier value, or write the value out.`
          );
        }
      } else if (node.anchor !== void 0) {
        anchors.add(node.anchor);
      }
      return void 0;
    }
  });
  return problems;
}
function fromJsonPointer(pointer) {
  return pointer === "" ? [] : pointer.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function quoteShort(value) {
  return quote(value.length > 80 ? `${value.slice(0, 80)}\u2026` : value);
}
function rangeStart(node) {
  return node?.range?.[0];
}
function describeSchemaError(error2, root, at) {
  const path = fromJsonPointer(error2.instancePath);
  const where = path.length === 0 ? "the file" : path.join(".");
  let node = root;
  for (const key of path) {
    if ((0, import_yaml.isMap)(node)) node = node.get(key, true);
    else if ((0, import_yaml.isSeq)(node)) node = node.get(Number(key), true);
    else break;
  }
  const found = node?.value;
  const shown = found === void 0 ? "" : ` ${quoteShort(String(found))}`;
  const location = at(rangeStart(node));
  if (error2.propertyName !== void 0) {
    const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === error2.propertyName)?.key : void 0;
    return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has the key ${quoteShort(error2.propertyName)}, which is not an environment name. Start it with a letter or digit and use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`;
  }
  const observeFix = observeProblem(error2.keyword, path);
  if (observeFix !== null) return `${location}: ${where}${shown} ${observeFix}.`;
  switch (error2.keyword) {
    case "additionalProperties": {
      const key = error2.params.additionalProperty;
      const allowed = path.length === 0 ? "environments, service, services" : path.length === 2 ? "requires, requires-any, soak, url, signed-by, contract, platforms, image, observe, drift" : path.at(-1) === "signed-by" ? "repository, workflow, ref, issuer, runner" : path.at(-1) === "contract" ? "breaking, dangerous, rollback" : path.at(-1) === "image" ? "tag, copy-to" : path.includes("observe") ? OBSERVE_KEYS : "environment names";
      const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === key)?.key : void 0;
      return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has an unknown key ${quoteShort(key)}. Allowed here: ${allowed}.`;
    }
    case "required":
      if (path.at(-1) === "signed-by") {
        return `${location}: ${where} has no "repository". Name the repository whose workflow signs the seals, such as "repository: acme/shop".`;
      }
      return `${location}: ${where} has no ${quote(error2.params.missingProperty)}. Start the file with "environments:" and one entry per environment.`;
    case "pattern":
      if (path[0] === "service" || path[0] === "services")
        return `${location}: ${where}${shown} is not a service name. ${SERVICE_NAME_FORMAT}`;
      if (path.at(-2) === "signed-by")
        return `${location}: ${where}${shown} ${SIGNER_FIELD_FORMAT[path.at(-1) ?? ""] ?? "is not valid"}.`;
      if (path.at(-1) === "soak")
        return `${location}: ${where}${shown} is not a duration. Write a number and a unit, such as 30m, 1h, 1h30m or 2d.`;
      if (path.at(-2) === "image")
        return `${location}: ${where}${shown} is not ${path.at(-1) === "tag" ? 'a tag: 1 to 128 letters, digits, "_", "." and "-", not starting with "." or "-"' : "an image: write it as registry/repository[:tag]"}.`;
      if (path.at(-2) === "platforms")
        return `${location}: ${where}${shown} is not a platform. Write it as docker does, os/architecture[/variant], such as linux/amd64 or linux/arm64/v8.`;
      if (path.at(-1) === "url")
        return `${location}: ${where}${shown} is not an http(s) URL. Write where the environment can be reached, such as https://staging.example.com.`;
      return `${location}: ${where}${shown} is not an environment name. Use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`;
    case "type":
      if (path.at(-2) === "contract")
        return `${location}: ${where}${shown} is not one of ${(CONTRACT_WORDS[path.at(-1) ?? ""] ?? []).join(", ")}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ""] ?? ""}`.trimEnd();
      if (path.at(-1) === "soak")
        return `${location}: ${where}${shown} is not a duration. Write it as text with a unit, such as 30m or 1h (a bare number has no unit).`;
      return `${location}: ${where}${shown} should be ${describeType(String(error2.params.type), path)}.`;
    case "enum":
      return `${location}: ${where}${shown} is not one of ${error2.params.allowedValues.join(", ")}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ""] ?? ""}`.trimEnd();
    case "uniqueItems":
      return `${location}: ${where} lists ${path[0] === "services" ? "a service" : "an environment"} twice. Name each once.`;
    case "minProperties":
      return `${location}: ${where} is empty. Define at least one environment, such as "dev: {}".`;
    case "minItems":
      return `${location}: ${where} is empty. List at least one ${path[0] === "services" ? "service" : "environment"}, or remove the key.`;
    case "propertyNames":
      return `${location}: ${where} has a key that is not an environment name. Use letters, digits, ".", "-", "_" or spaces.`;
    default:
      return `${location}: ${where} ${error2.message ?? "is invalid"}.`;
  }
}
var SIGNER_FIELD_FORMAT = {
  repository: "is not a repository. Write it as owner/name, such as acme/shop",
  workflow: "is not a workflow file. Write its path in the repository, such as .github/workflows/release.yml, optionally with @<ref>",
  ref: "is not a full ref. Write it as refs/heads/main or refs/tags/v1.2.3",
  issuer: "is not an https URL. Write the OIDC issuer, such as https://token.actions.githubusercontent.com"
};
var CONTRACT_WORDS = {
  breaking: BREAKING_RULES,
  dangerous: DANGEROUS_RULES,
  rollback: ROLLBACK_RULES
};
var CONTRACT_FIELD_MEANING = {
  breaking: `Write one of them: ${BREAKING_RULES.join(" | ")} (what a breaking contract amendment needs to enter).`,
  dangerous: `Write one of them: ${DANGEROUS_RULES.join(" | ")} (what a change that may break some clients does).`,
  rollback: `Write one of them: ${ROLLBACK_RULES.join(" | ")} (whether a rollback's contract amendment is judged too).`
};
var SERVICE_NAME_FORMAT = "Write it as the artifact is named (the seal's name), on one line, such as api or ghcr.io/acme/api.";
function describeType(type2, path) {
  if (path[0] === "services")
    return path.length === 1 ? "a list of service names, such as [api, web]" : "a service name, such as api";
  if (path[0] === "service") return "a service name, such as api (text)";
  if (path.at(-1) === "contract")
    return "a mapping such as { breaking: require-major, dangerous: warn }";
  if (path.at(-1) === "signed-by")
    return "a mapping such as { repository: acme/shop, workflow: .github/workflows/release.yml }";
  if (path.at(-2) === "signed-by") return path.at(-1) === "runner" ? "github-hosted" : "text";
  if (path.at(-1) === "requires" || path.at(-1) === "requires-any")
    return "a list of environment names, such as [staging]";
  if (path.at(-1) === "image")
    return "a mapping such as { tag: production } or { copy-to: ghcr.io/acme/app-prod:stable }";
  if (path.at(-2) === "image") return "text";
  if (path.at(-1) === "platforms") return "a list of platforms, such as [linux/amd64, linux/arm64]";
  if (path.at(-2) === "platforms") return "a platform, such as linux/amd64 (text)";
  if (path.length === 2) return "a mapping of rules (requires, requires-any, soak), or {} for none";
  if (path.length === 3) return "an environment name";
  return type2.replace(",", " or ");
}


// src/core/paths.ts




// src/app/settings/load-policy.ts
var DEFAULT_POLICY_FILE = ".github/promotion.yml";
var MAX_POLICY_CHARS = 1048576;


// builtin:node:buffer
var builtin5 = __require("node:buffer");
var { Buffer: Buffer2, SlowBuffer, transcode, isUtf8, isAscii, kMaxLength, kStringMaxLength, btoa, atob, constants: constants4, Blob, resolveObjectURL, File } = builtin5;

// src/stores/ledger/file-ledger.ts
init_errors();

// src/core/promotion/confirmation.ts
init_errors();

// src/core/promotion/record.ts
init_errors();
var OUTCOMES = [
  "pending",
  "deployed",
  "rolled-back",
  "failed",
  "abandoned",
  "refused",
  "vetoed",
  "approved",
  "observed",
  "acknowledged"
];
var OBSERVING = ["observed", "acknowledged"];
var RESOLUTIONS = ["deployed", "rolled-back", "failed", "abandoned"];
var DEFAULT_PENDING_TIMEOUT_MS = 6 * 60 * 60 * 1e3;
function isEarlier(a, b) {
  return isIsoUtc(a) && isIsoUtc(b) ? a < b : Date.parse(a) < Date.parse(b);
}
function isIsoUtc(time) {
  return time.length === 24 && time.charCodeAt(23) === 90;
}
function serviceOf(record) {
  return record.service !== void 0 ? record.service : record.name;
}
function describeService(service) {
  return service === null ? "the default service (records without a name)" : `service ${quote(service)}`;
}
function makesLive(outcome) {
  return outcome === "deployed" || outcome === "rolled-back";
}
function confirmedOutcome(mode) {
  return mode === "rollback" ? "rolled-back" : "deployed";
}

// src/core/promotion/confirmation.ts
init_vocabulary();
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

// src/core/promotion/ledger-index.ts
var LedgerIndex = class {
  /** `load` reads one record back whole, by id, for the queries that return records. */
  constructor(load) {
    this.load = load;
  }
  load;
  spansByEnvironment = /* @__PURE__ */ new Map();
  /** Each environment's service whose deployment was confirmed last. */
  lastLive = /* @__PURE__ */ new Map();
  vetoes = /* @__PURE__ */ new Map();
  unresolved = /* @__PURE__ */ new Map();
  /** What each record is, kept small: a long ledger's whole records are read back on demand with `load`. */
  byDigest = /* @__PURE__ */ new Map();
  all = [];
  /** The same text once: an environment or a service named by many records is kept once (a digest, by byDigest). */
  environments = /* @__PURE__ */ new Map();
  byId = null;
  lastRecord = null;
  lastTime = "";
  /**
   * Adds the next record, or says why it cannot follow the ones before: a resolution must
   * close a pending record of the same digest, environment and service that is still open, a record
   * may not be dated before the one before it, and a vetoed digest never becomes live.
   */
  add(entry) {
    if (this.lastRecord !== null && isEarlier(entry.time, this.lastTime)) {
      return `it is dated ${entry.time}, before the record before it (${this.lastTime}): records are written in time order, so a clock went back or the line was edited`;
    }
    if (RESOLUTIONS.includes(entry.outcome)) {
      const pending = entry.resolves === null ? void 0 : this.unresolved.get(entry.resolves);
      if (pending === void 0) {
        const known = entry.resolves === null ? void 0 : this.byIdNow().get(entry.resolves);
        return known === void 0 ? `it resolves record ${entry.resolves}, which does not come before it` : `it resolves record ${entry.resolves}, which is ${known.outcome === "pending" ? "resolved already" : `a ${known.outcome} record, not a pending one`}`;
      }
      if (pending.digest !== entry.digest || pending.environment !== entry.environment) {
        return `it resolves record ${pending.id} (${pending.digest} in ${pending.environment}) but names ${entry.digest} in ${entry.environment}`;
      }
      if (pending.service !== entry.service) {
        return `it resolves record ${pending.id} of ${describeService(pending.service)} but belongs to ${describeService(entry.service)}`;
      }
      if (makesLive(entry.outcome) && this.vetoes.has(entry.digest))
        return `it makes ${entry.digest} live after its veto (record ${this.vetoes.get(entry.digest)?.id})`;
      this.unresolved.delete(pending.id);
      if (makesLive(entry.outcome)) this.goLive(entry, pending.id);
    }
    let ofDigest = this.byDigest.get(entry.digest);
    if (ofDigest === void 0) {
      ofDigest = [];
      this.byDigest.set(ownCopy(entry.digest), ofDigest);
    }
    const indexed = {
      id: entry.id,
      digest: ofDigest[0]?.digest ?? ownCopy(entry.digest),
      environment: this.interned(entry.environment),
      service: entry.service === null ? null : this.interned(entry.service),
      outcome: OUTCOME_TEXT[entry.outcome],
      resolves: entry.resolves
    };
    this.lastRecord = indexed;
    this.lastTime = entry.time;
    if (entry.outcome === "pending") this.unresolved.set(entry.id, indexed);
    else if (entry.outcome === "vetoed" && !this.vetoes.has(indexed.digest))
      this.vetoes.set(indexed.digest, indexed);
    this.all.push(indexed);
    this.byId?.set(entry.id, indexed);
    ofDigest.push(indexed);
    return null;
  }
  /**
   * Records by id, made when first asked for (confirming a record, a record that cannot
   * follow), then kept up to date: a long ledger read by a gate never needs it.
   */
  byIdNow() {
    this.byId ??= new Map(this.all.map((e) => [e.id, e]));
    return this.byId;
  }
  get size() {
    return this.all.length;
  }
  /** The last record's id and time. */
  get last() {
    return this.lastRecord === null ? null : { id: this.lastRecord.id, time: this.lastTime };
  }
  live(environment, service) {
    const last = this.spansOf(environment, service).at(-1);
    return last && last.until === null ? last : null;
  }
  spans(digest, environment, service) {
    return this.spansOf(environment, service).filter((s) => s.digest === digest);
  }
  /** The service whose deployment to the environment was confirmed last, and what it runs; null when none ever was. */
  newest(environment) {
    if (!this.lastLive.has(environment)) return null;
    const service = this.lastLive.get(environment);
    const live = this.live(environment, service);
    return live === null ? null : { service, live };
  }
  /** The services whose deployment to the environment was ever let in or confirmed, in the order they first were. */
  services(environment) {
    const seen = new Set(this.spansByEnvironment.get(environment)?.keys() ?? []);
    for (const e of this.unresolved.values()) if (e.environment === environment) seen.add(e.service);
    return [...seen];
  }
  veto(digest) {
    const veto = this.vetoes.get(digest);
    return veto === void 0 ? null : this.load(veto.id);
  }
  /** Digests of the service live before the current one, newest first, each once with its latest stretch. */
  previouslyLive(environment, service) {
    const spans = this.spansOf(environment, service);
    const current = spans.at(-1);
    const seen = new Set(current && current.until === null ? [current.digest] : []);
    const result = [];
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i];
      if (seen.has(span.digest)) continue;
      seen.add(span.digest);
      result.push(span);
    }
    return result;
  }
  /**
   * The environment's pending records that nothing has resolved, oldest first: of one service, or
   * of every one when none is given.
   */
  pending(environment, service) {
    return [...this.unresolved.values()].filter(
      (e) => e.environment === environment && (service === void 0 || e.service === service)
    ).map((e) => this.load(e.id));
  }
  find(id) {
    return this.byIdNow().has(id) ? this.load(id) : null;
  }
  /** The record that resolved a pending record, or null while it is open. */
  resolutionOf(id) {
    const pending = this.byIdNow().get(id);
    const resolution = pending === void 0 ? void 0 : this.byDigest.get(pending.digest)?.find((e) => e.resolves === id);
    return resolution === void 0 ? null : this.load(resolution.id);
  }
  /**
   * Records, newest first, optionally only one environment's, one digest's or one service's, each
   * read back as it is reached.
   */
  *entries(filter = {}) {
    const { environment, digest, service } = filter;
    const source = digest !== void 0 ? this.byDigest.get(digest) ?? [] : this.all;
    for (let i = source.length - 1; i >= 0; i--) {
      const e = source[i];
      if ((environment === void 0 || e.environment === environment) && (digest === void 0 || e.digest === digest) && (service === void 0 || e.service === service)) {
        yield this.load(e.id);
      }
    }
  }
  spansOf(environment, service) {
    return this.spansByEnvironment.get(environment)?.get(service) ?? [];
  }
  interned(name) {
    const known = this.environments.get(name);
    if (known !== void 0) return known;
    const own = ownCopy(name);
    this.environments.set(own, own);
    return own;
  }
  goLive(entry, pendingId) {
    let services = this.spansByEnvironment.get(entry.environment);
    if (services === void 0) {
      services = /* @__PURE__ */ new Map();
      this.spansByEnvironment.set(this.interned(entry.environment), services);
    }
    const service = entry.service === null ? null : this.interned(entry.service);
    const spans = services.get(service) ?? [];
    services.set(service, spans);
    this.lastLive.set(this.interned(entry.environment), service);
    const current = spans.at(-1);
    if (current && current.until === null) {
      if (current.digest === entry.digest) return;
      spans[spans.length - 1] = { ...current, until: ownCopy(entry.time) };
    }
    const digest = this.byDigest.get(entry.digest)?.[0]?.digest ?? ownCopy(entry.digest);
    spans.push({
      digest,
      environment: this.interned(entry.environment),
      from: ownCopy(entry.time),
      until: null,
      recordId: pendingId
    });
  }
};
function ownCopy(text) {
  return Buffer.from(text, "utf8").toString("utf8");
}
var OUTCOME_TEXT = Object.fromEntries(OUTCOMES.map((o) => [o, o]));

// src/stores/ledger/file-lock.ts
init_errors();
import { setTimeout as sleepFor } from "node:timers/promises";
var DEFAULT_LEASE_MS = 3e4;
var LOCK_FORMAT = "artifact-seal/lock/v1";
async function withFileLock(file, what, work, options = {}) {
  const lockPath = `${file}.lock`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const renewMs = options.renewMs ?? leaseMs / 6;
  const waitMs = options.waitMs ?? 3 * leaseMs;
  const clock = options.clock ?? (() => performance.now());
  const host = options.host === void 0 ? hostIdentity() : options.host;
  const deadline = clock() + waitMs;
  const token = randomUUID();
  const watching = { lock: new Sighting(), breaking: new Sighting() };
  let delay = 2;
  let fd = createLock(lockPath, what);
  while (fd === null) {
    const seen = readLock(lockPath);
    if (seen !== null) {
      options.onBusy?.(seen.holder);
      const now2 = clock();
      watching.lock.see(seen.key, now2);
      const lease = Math.max(leaseMs, seen.holder?.leaseMs ?? 0);
      const stale = goneFromThisHost(seen.holder, host) || watching.lock.unchangedFor(now2) >= lease;
      const broken = stale && await breakStale(lockPath, seen, leaseMs, clock, watching.breaking, options);
      if (!broken) {
        if (now2 > deadline) throw waitedTooLong(what, lockPath, waitMs, seen.holder);
        await sleepFor(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 100);
      }
    }
    fd = createLock(lockPath, what);
  }
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const holder = {
    format: LOCK_FORMAT,
    token,
    host,
    hostname: hostname(),
    pid: process.pid,
    leaseMs,
    acquired: now,
    renewed: now,
    renewals: 0
  };
  try {
    writeHolder(fd, holder);
  } catch (error2) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    const code2 = error2.code ?? String(error2);
    throw new SealError(
      "unreadable",
      `${what}: cannot write the lock file ${quote(lockPath)} (${code2}). Make its directory writable.`
    );
  }
  const stop = new AbortController();
  const renewal = { lost: null };
  const renewing = renew(fd, holder, renewMs, options, stop.signal, renewal);
  const lock = {
    assertHeld: (consequence) => {
      options.onCheck?.();
      const problem = renewal.lost ?? notOurs(lockPath, token);
      if (problem !== null) {
        throw new SealError(
          "conflict",
          `${what}: this process no longer holds the lock ${quote(lockPath)}: ${problem}. Its lease (${leaseMs / 1e3} s) ran out while it was paused, or its renewals could not be written, so another process could take it. ${consequence}`
        );
      }
    }
  };
  try {
    return await work(lock);
  } finally {
    stop.abort();
    await renewing;
    closeSync(fd);
    releaseIfOurs(lockPath, token);
  }
}
function hostIdentity() {
  if (ownHost !== void 0) return ownHost;
  try {
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const namespace = readlinkSync("/proc/self/ns/pid");
    ownHost = /^[0-9a-f-]{36}$/.test(boot) && /^pid:\[\d+\]$/.test(namespace) ? `${boot} ${namespace}` : null;
  } catch {
    ownHost = null;
  }
  return ownHost;
}
var ownHost;
function createLock(lockPath, what) {
  try {
    return openSync(lockPath, "wx");
  } catch (error2) {
    const code2 = error2.code;
    if (code2 === "EEXIST") return null;
    throw new SealError(
      "unreadable",
      `${what}: cannot create the lock file ${quote(lockPath)} (${code2 ?? String(error2)}). Make its directory writable.`
    );
  }
}
async function renew(fd, holder, renewMs, options, stop, renewal) {
  const sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, void 0, { signal, ref: false }));
  for (let renewals = 1; ; renewals++) {
    try {
      await sleep(renewMs, stop);
    } catch {
      return;
    }
    if (stop.aborted) return;
    try {
      writeHolder(fd, { ...holder, renewed: (/* @__PURE__ */ new Date()).toISOString(), renewals });
    } catch (error2) {
      renewal.lost = `a renewal failed (${error2.code ?? String(error2)})`;
      return;
    }
    options.onRenew?.(renewals);
  }
}
function writeHolder(fd, holder) {
  const bytes = Buffer.from(`${JSON.stringify(holder)}
`);
  writeSync(fd, bytes, 0, bytes.length, 0);
  ftruncateSync(fd, bytes.length);
  fdatasyncSync(fd);
}
function readLock(lockPath) {
  let fd;
  try {
    fd = openSync(lockPath, "r");
  } catch (error2) {
    const code2 = error2.code;
    if (code2 === "ENOENT") return null;
    return { key: `unreadable ${code2}`, holder: null, unreadable: code2 ?? String(error2) };
  }
  try {
    const ino = fstatSync(fd).ino;
    const content = readFileSync(fd, "utf8");
    return { key: `${ino} ${content}`, holder: parseHolder(content), unreadable: null };
  } catch (error2) {
    const code2 = error2.code ?? String(error2);
    return { key: `unreadable ${code2}`, holder: null, unreadable: code2 };
  } finally {
    closeSync(fd);
  }
}
function parseHolder(content) {
  let value;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || value.format !== LOCK_FORMAT) return null;
  const { token, host, hostname: hostname2, pid, leaseMs, acquired, renewed, renewals } = value;
  if (typeof token !== "string" || typeof hostname2 !== "string") return null;
  if (host !== null && typeof host !== "string") return null;
  if (!Number.isSafeInteger(pid) || pid <= 0 || typeof leaseMs !== "number" || !(leaseMs > 0))
    return null;
  if (typeof acquired !== "string" || typeof renewed !== "string" || !Number.isSafeInteger(renewals))
    return null;
  return value;
}
var Sighting = class {
  key = null;
  since = 0;
  see(key, now) {
    if (key === this.key) return;
    this.key = key;
    this.since = now;
  }
  unchangedFor(now) {
    return now - this.since;
  }
};
function goneFromThisHost(holder, host) {
  return holder !== null && host !== null && holder.host === host && !isAlive(holder.pid);
}
async function breakStale(lockPath, judged, leaseMs, clock, breaking, options) {
  await options.beforeBreaking?.();
  const breakPath = `${lockPath}.break`;
  const token = `${randomUUID()}
`;
  if (!createBreakLock(breakPath, token)) {
    const left = readLock(breakPath);
    if (left !== null) {
      const now = clock();
      breaking.see(left.key, now);
      if (breaking.unchangedFor(now) >= leaseMs) removeQuietly(breakPath);
    }
    return false;
  }
  try {
    if (readLock(lockPath)?.key !== judged.key) return false;
    if (!removeQuietly(lockPath)) return false;
    options.onBroken?.();
    return true;
  } finally {
    releaseIfOurs(breakPath, token);
  }
}
function createBreakLock(breakPath, token) {
  let fd;
  try {
    fd = openSync(breakPath, "wx");
  } catch {
    return false;
  }
  try {
    writeSync(fd, token);
    return true;
  } catch {
    removeQuietly(breakPath);
    return false;
  } finally {
    closeSync(fd);
  }
}
function removeQuietly(path) {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}
function notOurs(lockPath, token) {
  const seen = readLock(lockPath);
  if (seen === null) return "the lock file is gone";
  if (seen.unreadable !== null) return `the lock file cannot be read (${seen.unreadable})`;
  if (seen.holder?.token === token) return null;
  return `it is now held by ${describe(seen.holder)}`;
}
function releaseIfOurs(path, token) {
  try {
    const content = readFileSync(path, "utf8");
    if (content === token || parseHolder(content)?.token === token) rmSync(path, { force: true });
  } catch {
  }
}
function waitedTooLong(what, lockPath, waitMs, holder) {
  return new SealError(
    "conflict",
    `${what}: ${quote(lockPath)} has been locked by ${describe(holder)} for over ${Math.round(waitMs / 1e3)} s. Wait for it to finish; if no artifact-seal is running there, delete that file.`
  );
}
function describe(holder) {
  if (holder === null) return "another process (its lock file does not say which)";
  const since = `since ${quote(holder.acquired)} by its clock, renewed ${holder.renewals} times`;
  return `process ${holder.pid} on ${quote(holder.hostname)} (${since})`;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error2) {
    return error2.code === "EPERM";
  }
}

// src/stores/ledger/ledger.ts
init_errors();
init_vocabulary();
function wrongEnvironment(pending, request, location) {
  if (request.environment == null || request.environment === "" || request.environment === pending.environment)
    return null;
  return new SealError(
    "bad-input",
    `${location}: record ${request.id} is a promotion of ${pending.digest} to ${quote(pending.environment)}, not to the environment given, ${quote(request.environment)}; nothing was recorded. Give the id of a promotion to ${quote(request.environment)} (${words().recordIdSource}), or leave ${words().option("environment")} out.`
  );
}

// src/stores/ledger/line-fields.ts
var PREFIX = '{"format":"artifact-seal/ledger/v2","seq":';
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
var ID = /^[1-9][0-9]*$/;
function lineFields(text, from = 0, to = text.length) {
  if (!text.startsWith(PREFIX, from) || text.charCodeAt(to - 1) !== 125 || text.charCodeAt(to - 2) !== 125)
    return null;
  const seqEnd = text.indexOf(",", from + PREFIX.length);
  if (seqEnd < 0 || seqEnd >= to) return null;
  const id = text.slice(from + PREFIX.length, seqEnd);
  if (!ID.test(id) || !text.startsWith(',"prev":"', seqEnd)) return null;
  const prevStart = seqEnd + 9;
  const prev = text.slice(prevStart, prevStart + 71);
  const at = { position: prevStart + 71, end: to };
  const digest = next(text, at, '","record":{"digest":"');
  const environment = next(text, at, '","environment":"');
  const outcome = next(text, at, '","outcome":"');
  const time = next(text, at, '","time":"');
  if (digest === null || environment === null || outcome === null || time === null || !text.startsWith('","resolves":', at.position))
    return null;
  at.position += 13;
  let resolves = null;
  if (text.startsWith("null,", at.position)) {
    at.position += 4;
  } else {
    resolves = next(text, at, '"');
    if (resolves === null || !text.startsWith('",', at.position) || !ID.test(resolves)) return null;
    at.position += 1;
  }
  const key = text.startsWith(',"service":', at.position) ? ',"service":' : text.startsWith(',"name":', at.position) ? ',"name":' : null;
  if (key === null) return null;
  at.position += key.length;
  let service = null;
  if (text.startsWith("null", at.position)) {
    at.position += 4;
  } else {
    at.position -= 1;
    service = next(text, at, ':"');
    if (service === null || service === "") return null;
    at.position += 1;
  }
  if (at.position >= to || text.charCodeAt(at.position) !== 44 && text.charCodeAt(at.position) !== 125)
    return null;
  if (!DIGEST.test(digest) || environment === "" || !OUTCOMES.includes(outcome) || !TIME.test(time))
    return null;
  if (RESOLUTIONS.includes(outcome) !== (resolves !== null)) return null;
  return {
    seq: Number(id),
    id,
    prev,
    digest,
    environment,
    outcome,
    time,
    resolves,
    service
  };
}
function next(text, at, key) {
  if (!text.startsWith(key, at.position)) return null;
  const start = at.position + key.length;
  const end = text.indexOf('"', start);
  if (end < 0 || end >= at.end) return null;
  const value = text.slice(start, end);
  if (value.includes("\\")) return null;
  at.position = end;
  return value;
}
function fieldsAgree(fields, record) {
  return fields.digest === record.digest && fields.environment === record.environment && fields.outcome === record.outcome && fields.time === record.time && fields.resolves === record.resolves && fields.service === record.service;
}

// builtin:node:worker_threads
var loaded;
var builtin6 = () => loaded ??= __require("node:worker_threads");
function Worker(...args) {
  return new.target === void 0 ? builtin6().Worker.apply(this, args) : Reflect.construct(builtin6().Worker, args);
}

// src/stores/ledger/line-hashes.ts


var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const crypto = require('node:crypto')
const hashLines = ${hashLines.toString()}
parentPort.on('message', (chunk) => {
  if (chunk === null) return parentPort.close()
  parentPort.postMessage(hashLines(new Uint8Array(chunk.buffer, 0, chunk.length), crypto))
})
`;
function hashAside() {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const parts = [];
  let sent = 0;
  let failure = null;
  const settled = new Promise((resolve2, reject) => {
    worker.on("message", (hashes) => {
      parts.push(hashes);
      if (parts.length === sent && finished) resolve2();
    });
    worker.once("error", (error2) => {
      failure = error2;
      reject(error2);
    });
    worker.once(
      "exit",
      () => parts.length === sent ? resolve2() : reject(failure ?? new Error("the hashing thread stopped early"))
    );
  });
  settled.catch(() => void 0);
  let finished = false;
  return {
    add(chunk) {
      if (chunk.byteOffset !== 0)
        throw new Error("unreachable: a chunk to hash aside must start its own memory");
      sent += 1;
      worker.postMessage({ buffer: chunk.buffer, length: chunk.length }, [
        chunk.buffer
      ]);
    },
    async done() {
      finished = true;
      worker.postMessage(null);
      if (parts.length < sent) await settled;
      if (failure !== null) throw failure;
      await worker.terminate();
      return Buffer.concat(parts);
    }
  };
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
    } catch (error2) {
      return damaged(`the record's ${error2.message}`);
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
    const version2 = maybeText("version", c, `${prefix}${field}.`);
    if (contractDigest === null || version2 === null)
      return damaged(`the record's ${prefix}${field} lacks its digest or version`);
    return { digest: contractDigest, version: version2 };
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

// src/stores/evidence/bundle-reader.ts
init_errors();

// src/core/listing.ts
init_errors();
function compareUtf8(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xIsSurrogate = x >= 55296 && x <= 57343;
    const yIsSurrogate = y >= 55296 && y <= 57343;
    if (xIsSurrogate !== yIsSurrogate) return xIsSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function formatListing(sorted) {
  let text = "";
  for (const entry of sorted) text += `${entry.hex}  ${entry.path}
`;
  return text;
}
var LINES_PER_PIECE = 4096;

function listingFromPathBytes(paths, digests, order) {
  const { bytes, ends, prefixLength } = paths;
  const count = order.length;
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hex = Buffer.from(
    Buffer.from(digests.buffer, digests.byteOffset, count * 32).toString("hex"),
    "latin1"
  );
  const pathTotal = count === 0 ? 0 : ends[count - 1];
  const out = Buffer.allocUnsafe(pathTotal + count * (64 + 2 + 1 - prefixLength));
  let at = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    hex.copy(out, at, i * 64, i * 64 + 64);
    out[at + 64] = 32;
    out[at + 65] = 32;
    at += 66;
    at += source.copy(out, at, (i === 0 ? 0 : ends[i - 1]) + prefixLength, ends[i]);
    out[at++] = 10;
  }
  if (at !== out.length)
    throw new Error("a queued path is shorter than the root it was to start with");
  return out;
}
function digestOfListing(listing) {
  return sha256Digest(listing);
}

var LINE = /^(\\?)([0-9a-fA-F]{64}) [ *](.+)$/s;
function unescapeName(name) {
  return name.replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c === "r" ? "\r" : c);
}

function diffListings(expected, actual) {
  const mismatches = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    const e = expected[i];
    const a = actual[j];
    const order = e === void 0 ? 1 : a === void 0 ? -1 : compareUtf8(e.path, a.path);
    if (order === 0 && e && a) {
      if (e.hex !== a.hex)
        mismatches.push({ path: e.path, expected: e.hex, actual: a.hex, kind: "changed" });
      i++;
      j++;
    } else if (order < 0 && e) {
      mismatches.push({ path: e.path, expected: e.hex, actual: null, kind: "missing" });
      i++;
    } else if (a) {
      mismatches.push({ path: a.path, expected: null, actual: a.hex, kind: "added" });
      j++;
    }
  }
  return mismatches;
}
function describesListing(entries, digest) {
  if (digestOfListing(formatListing(entries)) === digest) return "tree";
  if (entries.length === 1 && entries[0]?.hex === hexOf(digest)) return "file";
  return null;
}

// src/stores/evidence/seal-bundle.ts
function fileSafeName(name) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe === "" ? "artifact" : safe;
}
function bundleFileNames(name) {
  const base = fileSafeName(name);
  return {
    checksums: `${base}.sha256`,
    statement: `${base}.intoto.json`,
    sigstore: `${base}.sigstore.json`,
    contract: `${base}.contract.json`,
    contractDir: `${base}.contract`,
    modes: `${base}.modes.json`
  };
}
function modesBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.modes.json` : null;
}
function contractBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.contract.json` : null;
}
function statementBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.intoto.json` : null;
}
function sigstoreBundleBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.sigstore.json` : null;
}
var BUNDLE_SUFFIXES = [
  ".sha256",
  ".intoto.json",
  ".sigstore.json",
  ".contract.json",
  ".modes.json"
];
function isBundleEntry(rest, base, directory) {
  const contractDir = `${base}.contract`;
  if (rest === contractDir) return directory;
  if (rest.startsWith(`${contractDir}/`)) return true;
  return !directory && BUNDLE_SUFFIXES.some((suffix) => rest === `${base}${suffix}`);
}
function bundleBaseOf(fileName) {
  return fileName.endsWith(".sha256") && !fileName.includes("/") && fileName.length > ".sha256".length ? fileName.slice(0, -".sha256".length) : null;
}

// src/stores/evidence/bundle-reader.ts
function whyUnreadable(error2) {
  const e = error2;
  if (e?.code === "ENOENT") return "it does not exist";
  if (e?.code === "EISDIR") return "it is a directory";
  return e?.code ?? messageOf(error2);
}
function readListing(file, unreadable) {
  return parseListing(readText(file, unreadable), file);
}
function readStatementBeside(checksumsFile, unreadable) {
  const file = statementBeside(checksumsFile);
  return file === null ? null : readDocument(file, unreadable);
}
function readStatement(file, unreadable) {
  return readDocument(file, unreadable);
}
function readSigstoreBundleBeside(checksumsFile, unreadable) {
  const file = sigstoreBundleBeside(checksumsFile);
  return file === null ? null : readDocument(file, unreadable);
}
function contractManifestBeside(checksumsFile) {
  const file = contractBeside(checksumsFile);
  return file !== null && existsSync(file) ? file : null;
}
function hasBundleBeside(checksumsFile) {
  return contractBeside(checksumsFile) !== null;
}
function readDocument(file, unreadable) {
  const text = readTextIfAny(file, unreadable);
  if (text === null) return null;
  try {
    return { file, text, json: JSON.parse(text), notJson: null };
  } catch (error2) {
    return { file, text, json: void 0, notJson: error2.message };
  }
}
function readText(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error2) {
    throw unreadable(whyUnreadable(error2), file);
  }
}
function readTextIfAny(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error2) {
    if (error2.code === "ENOENT") return null;
    throw unreadable(whyUnreadable(error2), file);
  }
}
function listingsIn(dir, unreadable) {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
  }
  if (!isDirectory) return null;
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith(".sha256") && !e.isDirectory()).map((e) => e.name).sort();
  } catch (error2) {
    throw unreadable(whyUnreadable(error2), dir);
  }
}

// builtin:node:stream/promises
var loaded2;
var builtin7 = () => loaded2 ??= __require("node:stream/promises");
function pipeline(...args) {
  return new.target === void 0 ? builtin7().pipeline.apply(this, args) : Reflect.construct(builtin7().pipeline, args);
}

// src/stores/evidence/directory-handoff.ts
init_errors();
function privateDir(parent, prefix, env, inputName) {
  const resolved = resolve(parent);
  let dir;
  try {
    mkdirSync(resolved, { recursive: true, mode: 448 });
    dir = mkdtempSync(join(resolved, prefix));
    chmodSync(dir, 448);
  } catch (error2) {
    const e = error2;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot make a private directory under ${quote(parent)} (${e.code ?? e.message}). Give the runner a writable temp directory (RUNNER_TEMP).`,
      { cause: e }
    );
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace && isInside(realpathSync(dir), realOrResolved(workspace))) {
    removeQuietly2(dir);
    throw new SealError(
      "bad-input",
      `${inputName}: the directory for downloads, ${quote(parent)}, is inside the workspace ${quote(workspace)}. Nothing from a carrier is unpacked in the workspace, where a later step could take it for checked-out files: set RUNNER_TEMP outside the workspace.`
    );
  }
  return dir;
}
function makeDirectories(root, rel) {
  let at = root;
  for (const segment of rel.split("/")) {
    at = join(at, segment);
    try {
      mkdirSync(at, { mode: 493 });
    } catch (error2) {
      if (error2.code !== "EEXIST" || !lstatSync(at).isDirectory())
        throw error2;
    }
  }
  return at;
}
var CREATE_NEW = constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | (constants2.O_NOFOLLOW ?? 0);
async function writeNewFile(root, rel, content, executable) {
  const segments = rel.split("/");
  const parent = segments.length > 1 ? makeDirectories(root, segments.slice(0, -1).join("/")) : root;
  const target = join(parent, segments[segments.length - 1]);
  const handle = await promises.open(target, CREATE_NEW, executable ? 493 : 420);
  await pipeline(content, handle.createWriteStream());
}
function copyListedFiles(root, listed, dir) {
  mkdirSync(dir, { recursive: true });
  const made = /* @__PURE__ */ new Set();
  for (const rel of listed) {
    const target = join(dir, ...rel.split("/"));
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    copyFileSync(join(root, ...rel.split("/")), target);
  }
}
function removeQuietly2(target) {
  try {
    rmSync(target, { recursive: true, force: true });
  } catch {
  }
}
function realOrResolved(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

// src/stores/ledger/beside-ledger.ts

function readCheckpoint(ledgerFile, unreadable) {
  return readTextIfAny(besideLedger(ledgerFile).checkpoint, unreadable);
}
function writeRecordAttestation(ledgerFile, key, json, unwritable) {
  const dir = besideLedger(ledgerFile).attestations;
  const file = join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, "-")}.sigstore.json`);
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, json, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error2) {
    removeQuietly2(temporary);
    throw unwritable(error2.code ?? String(error2), file);
  }
  return relative(dirname(ledgerFile), file).split(sep).join("/");
}
function readRecordAttestation(ledgerFile, link3, unreadable) {
  const file = resolve(dirname(ledgerFile), link3);
  try {
    return { file, bytes: readFileSync(file) };
  } catch (error2) {
    throw unreadable(whyUnreadable(error2), file);
  }
}

// src/stores/ledger/file-ledger.ts
init_vocabulary();
var LEDGER_FORMAT = "artifact-seal/ledger/v2";
var FORMAT = LEDGER_FORMAT;
var MAX_LEDGER_BYTES = 256 * 1024 * 1024;
var HASH_ASIDE_BYTES = 4 * 1024 * 1024;
var FileLedger = class {
  /** `inputName` names the input or option that chose the file, for error messages. */
  constructor(file, inputName, options = {}) {
    this.file = file;
    this.inputName = inputName;
    this.options = options;
    this.location = `file:${file}`;
    this.clock = options.clock ?? (() => /* @__PURE__ */ new Date());
    this.pendingTimeoutMs = options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS;
  }
  file;
  inputName;
  options;
  location;
  clock;
  pendingTimeoutMs;
  cached = null;
  async record(environment, decide2, pendingTimeoutMs) {
    return this.locked(async (snapshot, append) => {
      const now = this.stampTime(snapshot);
      const abandoned = [];
      for (const pending of snapshot.index.pending(environment)) {
        const age = now.getTime() - Date.parse(pending.time);
        if (age < pendingTimeoutMs) continue;
        abandoned.push(
          append(
            resolutionOf(
              pending,
              "abandoned",
              `not confirmed within ${Math.round(pendingTimeoutMs / 6e4)} min of ${pending.time}; nothing counts it as deployed`,
              null,
              null
            ),
            now
          )
        );
      }
      const record = await decide2(viewOf(snapshot.index, now));
      return { entry: record === null ? null : append(record, now), lost: null, abandoned };
    }, this.options.create === true);
  }
  async resolve(request) {
    return this.locked(async (snapshot, append) => {
      const now = this.stampTime(snapshot);
      const pending = snapshot.index.find(request.id);
      const idName = words().caller === "cli" ? words().option("confirm") : this.inputName;
      if (pending === null) {
        throw new SealError(
          "bad-input",
          `${idName}: ${quote(this.location)} has no record ${quote(request.id)}. Give ${words().recordIdSource}.`
        );
      }
      if (pending.outcome !== "pending") {
        throw new SealError(
          "bad-input",
          `${idName}: record ${request.id} in ${this.location} is a ${pending.outcome} record, not a pending one; only a promotion the gate let in waits for confirmation.`
        );
      }
      const elsewhere = wrongEnvironment(pending, request, this.location);
      if (elsewhere !== null) throw elsewhere;
      const earlier = snapshot.index.resolutionOf(request.id);
      if (earlier !== null) {
        throw new SealError(
          "conflict",
          `${idName}: record ${request.id} (${pending.digest} in ${pending.environment}) was resolved already: ${earlier.outcome} at ${earlier.time} (record ${earlier.id}). ` + (earlier.outcome === "abandoned" ? "Promote the digest again to deploy it." : "Nothing was recorded.")
        );
      }
      const timeoutMs = this.pendingTimeoutMs;
      const age = now.getTime() - Date.parse(pending.time);
      if (request.outcome === "confirmed" && age >= timeoutMs) {
        throw new SealError(
          "refused",
          `${this.inputName}: record ${request.id} (${pending.digest} in ${pending.environment}) was let in at ${pending.time}, ${Math.round(age / 6e4)} minutes ago: longer than a pending record waits for its confirmation (${Math.round(timeoutMs / 6e4)} minutes), so it counts as abandoned. Promote the digest again to deploy it.`
        );
      }
      const veto = snapshot.index.veto(pending.digest);
      if (request.outcome === "confirmed" && veto !== null) {
        const reason = `${pending.digest} was vetoed at ${veto.time} (record ${veto.id}: ${veto.reason ?? "no reason given"}) before its deployment was confirmed; it is not live. Roll ${pending.environment} back.`;
        return append(resolutionOf(pending, "failed", reason, request.runUrl, request.actor), now);
      }
      if (request.outcome === "confirmed") {
        const index = snapshot.index;
        const live = index.live(pending.environment, serviceOf(pending));
        const liveContract = live !== null && needsLiveContract(pending) ? index.find(live.recordId)?.contract?.digest ?? null : void 0;
        const changed = confirmationChanged(pending, live, liveContract, (span) => {
          const confirmation = index.resolutionOf(span.recordId);
          return `record ${span.recordId}${confirmation === null ? "" : `, confirmed by record ${confirmation.id}`}`;
        });
        if (changed !== null)
          return append(
            resolutionOf(pending, "failed", changed, request.runUrl, request.actor),
            now
          );
      }
      const outcome = request.outcome === "confirmed" ? confirmedOutcome(pending.mode) : request.outcome;
      return append(
        resolutionOf(pending, outcome, request.reason, request.runUrl, request.actor),
        now
      );
    });
  }
  async live(environment, service) {
    return (await this.snapshot()).index.live(environment, service);
  }
  async spans(digest, environment, service) {
    return (await this.snapshot()).index.spans(digest, environment, service);
  }
  async newest(environment) {
    return (await this.snapshot()).index.newest(environment);
  }
  async services(environment) {
    return (await this.snapshot()).index.services(environment);
  }
  async veto(digest) {
    return (await this.snapshot()).index.veto(digest);
  }
  async *previouslyLive(environment, service) {
    yield* (await this.snapshot()).index.previouslyLive(environment, service);
  }
  /** Pending records still waiting: one past the timeout can no longer be confirmed, and the next gate abandons it. */
  async pending(environment, service) {
    const snapshot = await this.snapshot();
    const now = this.stampTime(snapshot).getTime();
    return snapshot.index.pending(environment, service).filter((p) => now - Date.parse(p.time) < this.pendingTimeoutMs);
  }
  async *entries(filter = {}) {
    yield* (await this.snapshot()).index.entries(filter);
  }
  async now() {
    return this.stampTime(await this.snapshot());
  }
  /** Writes the first line of a new ledger; an existing ledger is an error, never overwritten. */
  async init() {
    this.makeDirectory();
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      (lock) => {
        if (existsSync(this.file)) {
          throw new SealError(
            "bad-input",
            `${this.inputName}: ${quote(this.location)} exists already; a ledger is created once. Use it as it is, or give another path.`
          );
        }
        return this.writeGenesis(lock);
      },
      this.options.lock
    );
  }
  /**
   * Throws the "cannot be written" error now, before anything is decided, when the file
   * or the first of its directories that exists is not writable.
   */
  assertWritable() {
    let target = this.file;
    while (!existsSync(target)) {
      const parent = dirname(target);
      if (parent === target) break;
      target = parent;
    }
    try {
      if (target !== this.file && !statSync(target).isDirectory())
        throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
      accessSync(target, constants2.W_OK);
    } catch (error2) {
      throw this.unwritable(error2);
    }
    if (target !== this.file && !this.options.create) throw this.missing();
  }
  /**
   * Checks the chain from the first line to the last, and, given the head kept from an
   * earlier check, that the file still holds that line: a cut or rewritten tail is reported.
   */
  async verifyChain(pinned) {
    const snapshot = await this.scan(true, pinned !== void 0);
    const problems = [...snapshot.problems];
    const chained = problems.length;
    if (pinned !== void 0 && snapshot.hashes !== null) {
      const hash2 = typeof pinned === "string" ? pinned : pinned.hash;
      const at = snapshot.hashes.indexOf(hash2);
      const seq = typeof pinned === "string" ? null : pinned.seq;
      if (at < 0) {
        problems.push({
          line: snapshot.head.seq,
          problem: `no line hashes to the pinned head ${hash2}${seq === null ? "" : ` (line ${seq})`}: the ledger was cut short or rewritten at or before that line`
        });
      } else if (seq !== null && at + 1 !== seq) {
        problems.push({
          line: at + 1,
          problem: `the pinned head ${hash2} is line ${at + 1}, not line ${seq}`
        });
      }
    }
    const identity = snapshot.lineHashes.length >= 32 ? identityOf(snapshot) : null;
    return {
      count: snapshot.index.size,
      head: snapshot.head,
      identity,
      problems,
      pinnedProblem: problems[chained] ?? null
    };
  }
  /**
   * Runs `work` under the lock with a fresh, checked read of the file, and appends what it asks to,
   * all in one write.
   */
  async locked(work, create = false) {
    this.makeDirectory();
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      async (lock) => {
        if (create && !existsSync(this.file)) this.writeGenesis(lock);
        const snapshot = await this.snapshot();
        this.cached = null;
        let seq = snapshot.head.seq;
        let prevHash = snapshot.head.hash;
        const lines = [];
        const append = (record, time) => {
          seq += 1;
          const line = {
            format: FORMAT,
            seq,
            prev: prevHash,
            record: inWrittenOrder(record, time.toISOString())
          };
          const text = JSON.stringify(line);
          const entry = toEntry(line);
          snapshot.appended.set(entry.id, entry);
          const problem = snapshot.index.add({ ...entry, service: serviceOf(entry) });
          if (problem !== null)
            throw new Error(
              `unreachable: a record the ledger wrote cannot follow the ones before: ${problem}`
            );
          lines.push(text);
          prevHash = sha256Digest(text);
          return entry;
        };
        const result = await work(snapshot, append);
        if (lines.length > 0) {
          const checkpoint = this.options.signHead ? await this.options.signHead({ seq, hash: prevHash }, identityOf(snapshot)) : null;
          this.appendBytes(Buffer.from(lines.map((l) => `${l}
`).join("")), "a", lock);
          lock.assertHeld(
            `The records were appended while it did not hold it, so another writer may have appended at the same place: run "artifact-seal ledger verify --ledger ${this.location}" before promoting again, and restore the file from a backup if it reports damage.`
          );
          if (checkpoint !== null) this.writeCheckpoint(checkpoint);
          snapshot.head = { seq, hash: prevHash };
          snapshot.stamp = this.stampOf();
        }
        this.cached = snapshot;
        return result;
      },
      this.options.lock
    );
  }
  /** The clock's time, refused when it is behind the last record: records are in time order. */
  stampTime(snapshot) {
    const now = this.clock();
    const last = snapshot.index.last;
    if (last !== null && now.getTime() < Date.parse(last.time)) {
      throw new SealError(
        "refused",
        `${this.location}: the last record (${last.id}) is dated ${last.time}, after this machine's clock (${now.toISOString()}). Either the clock is behind or the record was written by a clock ahead; soak times would be wrong, so nothing is decided (fail closed). Set the clock right (NTP), then run again.`
      );
    }
    return now;
  }
  /** The checked read of the file, reused while the file is unchanged; a broken chain is an error. */
  async snapshot() {
    const stamp = this.stampOf();
    const snapshot = this.cached !== null && this.cached.stamp === stamp ? this.cached : await this.scan(false, false);
    this.cached = snapshot;
    const [first, ...more] = snapshot.problems;
    if (first !== void 0) throw this.damaged(first, more.length);
    return snapshot;
  }
  /** What tells one version of the file from another without reading it. */
  stampOf() {
    try {
      const s = statSync(this.file, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return "missing";
    }
  }
  emptySnapshot(stamp) {
    const snapshot = {
      stamp,
      index: new LedgerIndex((id) => this.load(snapshot, id)),
      head: { seq: 0, hash: sha256Digest("") },
      starts: [0, 0],
      lineHashes: new Uint8Array(0),
      appended: /* @__PURE__ */ new Map(),
      hashes: null,
      problems: []
    };
    return snapshot;
  }
  /**
   * Reads the file a chunk at a time: every line is hashed (here, or on a worker thread for a
   * long ledger), parsed and indexed, noting the hash it claims for the line before it; then
   * the chain is checked. `deep` parses every record whole; otherwise a line in the form the
   * ledger writes gives only the fields the index needs (`lineFields`), and the rest of it is
   * checked when the record is read back (`ledger verify` reads deep; a gate does not). A
   * long ledger's lines are hashed on a worker thread while this one reads their fields, since
   * both cost about the same and a promotion waits for both.
   */
  async scan(deep, keepHashes) {
    const stamp = this.stampOf();
    if (stamp === "missing") {
      if (this.options.create) return this.emptySnapshot(stamp);
      throw this.missing();
    }
    const snapshot = this.emptySnapshot(stamp);
    const problems = snapshot.problems;
    const prevs = new ClaimedHashes();
    const size = this.openForReading((fd, size2) => {
      const now = this.clock().toISOString();
      const hasher = !deep && size2 >= HASH_ASIDE_BYTES ? hashAside() : hashHere();
      let number = 0;
      for (const chunk of chunksOf(fd, size2)) {
        const ascii = isAscii(chunk.bytes);
        const text = chunk.bytes.toString(ascii ? "latin1" : "utf8");
        hasher.add(chunk.bytes);
        let start = 0;
        let at = chunk.offset;
        while (start < text.length) {
          number += 1;
          let end = text.indexOf("\n", start);
          if (end < 0) {
            problems.push({
              line: number,
              problem: "the last line is incomplete (no newline): a write was cut short or the file was edited"
            });
            end = text.length;
          }
          snapshot.starts[number] = at;
          at += (ascii ? end - start : Buffer.byteLength(text.slice(start, end))) + 1;
          snapshot.starts[number + 1] = at;
          const fields = deep || number === 1 ? null : lineFields(text, start, end);
          const problem = fields !== null ? addFields(fields, number, snapshot.index, now, prevs) : number === 1 ? checkGenesis(text.slice(start, end)) : this.addLine(text.slice(start, end), number, snapshot.index, now, prevs);
          if (problem !== null) problems.push({ line: number, problem });
          start = end + 1;
        }
      }
      return { hasher, count: number };
    });
    if (size.count === 0) {
      await this.hashesOf(size.hasher);
      problems.push({
        line: 1,
        problem: 'the file is empty, but a ledger always begins with the line "artifact-seal ledger init" writes: it was emptied'
      });
      return snapshot;
    }
    snapshot.lineHashes = await this.hashesOf(size.hasher);
    return this.finish(snapshot, prevs, keepHashes);
  }
  /** Every line's hash; a hashing thread that failed makes the ledger unreadable, so nothing is decided. */
  async hashesOf(hasher) {
    try {
      return await hasher.done();
    } catch (error2) {
      throw this.unreadable(error2);
    }
  }
  /** Checks that each line names the hash of the line before it, now that every hash is known. */
  finish(snapshot, prevs, keepHashes) {
    const hashes = Buffer.from(
      snapshot.lineHashes.buffer,
      snapshot.lineHashes.byteOffset,
      snapshot.lineHashes.length
    );
    const count = hashes.length / 32;
    const hex = (line) => digestFromHex(hashes.toString("hex", (line - 1) * 32, line * 32));
    const problems = snapshot.problems;
    const breaks = /* @__PURE__ */ new Set();
    for (let line = 2; line <= count; line++) {
      if (prevs.matches(line, hashes, (line - 2) * 32) !== false) continue;
      const problem = {
        line,
        problem: `it does not follow line ${line - 1} (hash ${prevs.text(line)}, expected ${hex(line - 1)}): the line before it was edited, deleted or moved`
      };
      breaks.add(problem);
      problems.push(problem);
    }
    problems.sort((a, b) => a.line - b.line || Number(breaks.has(b)) - Number(breaks.has(a)));
    if (count > 0) snapshot.head = { seq: count, hash: hex(count) };
    if (keepHashes)
      return { ...snapshot, hashes: Array.from({ length: count }, (_, i) => hex(i + 1)) };
    return snapshot;
  }
  /**
   * Reads one record back whole from the file, where it must still hash as it did when read, or
   * from what this process appended.
   */
  load(snapshot, id) {
    const appended = snapshot.appended.get(id);
    if (appended !== void 0) return appended;
    const seq = Number(id);
    const damaged = (problem) => {
      throw this.damaged({ line: seq, problem }, 0);
    };
    const start = snapshot.starts[seq];
    const bytes = this.openForReading((fd) => {
      const buffer = Buffer.allocUnsafe(snapshot.starts[seq + 1] - 1 - start);
      return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, start));
    });
    const expected = Buffer.from(
      snapshot.lineHashes.buffer,
      snapshot.lineHashes.byteOffset + (seq - 1) * 32,
      32
    );
    if (!hash("sha256", bytes, "buffer").equals(expected))
      return damaged("it changed since the ledger was read");
    const line = bytes.toString("utf8");
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      return damaged("it is not JSON");
    }
    const record = decodeRecord(value?.record, damaged);
    const fields = lineFields(line);
    if (fields !== null && !fieldsAgree(fields, { ...record, service: serviceOf(record) }))
      return damaged("its record does not say what its fields said when the ledger was read");
    return { ...record, id, url: null };
  }
  /** Checks one record line against the chain and adds it to the index; the problem, or null. */
  addLine(raw, number, index, now, prevs) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return "it is not JSON";
    }
    if (value === null || typeof value !== "object" || value.format !== FORMAT)
      return notOurs2(value);
    if (value.seq !== number)
      return `its number is ${JSON.stringify(value.seq)}, expected ${number}: a line was deleted or moved`;
    prevs.set(number, typeof value.prev === "string" ? value.prev : JSON.stringify(value.prev));
    let record;
    try {
      record = decodeRecord(value.record, (detail) => {
        throw new Error(detail);
      });
    } catch (error2) {
      return error2.message;
    }
    if (isEarlier(now, record.time)) return futureProblem(record.time, now);
    const fields = lineFields(raw);
    const service = serviceOf(record);
    if (fields !== null && !fieldsAgree(fields, { ...record, service })) {
      return "its fields, read as a gate reads them, do not say what its record says: a key is repeated or the line was written by hand";
    }
    return index.add(Object.assign(record, { id: String(number), url: null, service }));
  }
  /** Runs `read` on the open file, once it is known to be a regular file of a size artifact-seal reads. */
  openForReading(read2) {
    let fd;
    try {
      fd = openSync(this.file, "r");
    } catch (error2) {
      if (error2.code === "ENOENT") throw this.missing();
      throw this.unreadable(error2);
    }
    try {
      const stat2 = fstatSync(fd);
      if (!stat2.isFile()) {
        throw new SealError(
          "unreadable",
          `${this.inputName}: ${quote(this.location)} is not a regular file, so it cannot be a ledger. Give the path of the ledger's .jsonl file.`
        );
      }
      if (stat2.size > MAX_LEDGER_BYTES) {
        throw new SealError(
          "refused",
          `${this.inputName}: the ledger ${quote(this.location)} is ${stat2.size} bytes, over the ${MAX_LEDGER_BYTES / 1024 / 1024} MiB artifact-seal reads. Keep it (it is the history) and start a new ledger for new promotions, or use the github ledger.`
        );
      }
      return read2(fd, stat2.size);
    } catch (error2) {
      if (error2 instanceof SealError) throw error2;
      throw this.unreadable(error2);
    } finally {
      closeSync(fd);
    }
  }
  writeGenesis(lock) {
    const genesis = {
      format: FORMAT,
      seq: 1,
      prev: null,
      created: { time: this.clock().toISOString(), id: randomUUID() }
    };
    const text = JSON.stringify(genesis);
    this.appendBytes(Buffer.from(`${text}
`), "wx", lock);
    this.cached = null;
    return { seq: 1, hash: sha256Digest(text) };
  }
  /** Replaces the checkpoint whole (a temporary file renamed over it), so a reader never sees half of one. */
  writeCheckpoint(text) {
    const file = besideLedger(this.file).checkpoint;
    const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      writeFileSync(temporary, text, { flag: "wx" });
      renameSync(temporary, file);
    } catch (error2) {
      rmSync(temporary, { force: true });
      throw new SealError(
        "unreadable",
        `${this.inputName}: the records were appended to ${quote(this.location)}, but its signed checkpoint ${quote(file)} could not be written (${error2.code ?? String(error2)}). Make the directory writable; the next signed append writes a checkpoint that covers these records too.`,
        { cause: error2 }
      );
    }
  }
  /**
   * Writes the bytes whole, checking right before the write that this process still holds the
   * lock. Appending, the file is opened first (on a file server that takes a round trip), so
   * what is left between the check and the write is one system call; a new file is created
   * after the check, since creating it is writing it.
   */
  appendBytes(bytes, flags, lock) {
    const stillHeld = () => lock.assertHeld(`Nothing was written; ${words().again}.`);
    let fd;
    try {
      if (flags === "wx") stillHeld();
      fd = openSync(this.file, flags);
      if (flags === "a") stillHeld();
      writeSync(fd, bytes);
      fsyncSync(fd);
    } catch (error2) {
      if (error2 instanceof SealError) throw error2;
      throw this.unwritable(error2);
    } finally {
      if (fd !== void 0) closeSync(fd);
    }
  }
  makeDirectory() {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
    } catch (error2) {
      throw this.unwritable(error2);
    }
  }
  /** A broken chain or a damaged record: the ledger cannot be trusted, so nothing is decided. */
  damaged(first, more) {
    return new SealError(
      "tampered",
      `The ledger ${this.location} cannot be trusted: line ${first.line}: ${first.problem}` + (more > 0 ? ` (and ${more} more problems)` : "") + `. Nothing is promoted from a damaged ledger. Run "artifact-seal ledger verify --ledger ${this.location}" and restore the file from a backup.`
    );
  }
  missing() {
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} does not exist. A missing ledger is never read as an empty one (a deleted ledger would forget its vetoes): if nothing was promoted yet, create it with "artifact-seal ledger init --ledger ${this.location}"; otherwise restore the file${words().caller === "cli" ? ", or give --ledger with where it is" : ""}.`
    );
  }
  unreadable(error2) {
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${error2.code ?? String(error2)}). Nothing is promoted without it; make the file readable.`,
      { cause: error2 }
    );
  }
  unwritable(error2) {
    const code2 = error2.code ?? String(error2);
    const why = code2 === "EEXIST" || code2 === "ENOTDIR" ? `a part of ${quote(dirname(this.file))} is a file, not a directory` : code2 === "EACCES" || code2 === "EPERM" ? "permission denied" : code2 === "EROFS" ? "read-only file system" : code2;
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} cannot be written (${why}). Give a path in a writable directory, such as "file:.artifact-seal/ledger.jsonl". Nothing was recorded.`
    );
  }
};
var ClaimedHashes = class {
  bytes = Buffer.alloc(32 * 4096);
  state = new Uint8Array(4096);
  /** What a line said instead of a sha256 digest, for the message. */
  odd = /* @__PURE__ */ new Map();
  set(line, claimed) {
    while (line >= this.state.length) {
      this.bytes = Buffer.concat([this.bytes, Buffer.alloc(this.bytes.length)]);
      const state = new Uint8Array(this.state.length * 2);
      state.set(this.state);
      this.state = state;
    }
    const hex = claimed.startsWith("sha256:") && claimed.length === 71 ? claimed.slice(7) : "";
    if (hex !== "" && this.bytes.write(hex, line * 32, 32, "hex") === 32) {
      this.state[line] = 1;
    } else {
      this.state[line] = 2;
      this.odd.set(line, claimed);
    }
  }
  /** Whether the line names the hash at `hashes[offset]`; null when it names nothing readable. */
  matches(line, hashes, offset) {
    const state = this.state[line] ?? 0;
    if (state === 0) return null;
    return state === 1 && this.bytes.compare(hashes, offset, offset + 32, line * 32, line * 32 + 32) === 0;
  }
  text(line) {
    return this.odd.get(line) ?? digestFromHex(this.bytes.toString("hex", line * 32, line * 32 + 32));
  }
};
function inWrittenOrder(record, time) {
  const { digest, environment, outcome, resolves, ...rest } = record;
  const others = Object.fromEntries(
    Object.entries(rest).filter(([key]) => key !== "service")
  );
  return { digest, environment, outcome, time, resolves, service: serviceOf(record), ...others };
}
var CHUNK_BYTES = 1024 * 1024;

function addFields(fields, number, index, now, prevs) {
  if (fields.seq !== number)
    return `its number is ${fields.seq}, expected ${number}: a line was deleted or moved`;
  prevs.set(number, fields.prev);
  if (isEarlier(now, fields.time)) return futureProblem(fields.time, now);
  return index.add(fields);
}
function futureProblem(time, now) {
  return `it is dated ${time}, after this machine's clock (${now}): this clock is behind, a clock ahead wrote it, or it was edited; a soak measured from it would be wrong, so set the clock right (NTP) and check the line`;
}
function viewOf(index, now) {
  return {
    live: async (environment, service) => index.live(environment, service),
    spans: async (digest, environment, service) => index.spans(digest, environment, service),
    veto: async (digest) => index.veto(digest),
    previouslyLive: async function* (environment, service) {
      yield* index.previouslyLive(environment, service);
    },
    newest: async (environment) => index.newest(environment),
    pending: async (environment, service) => index.pending(environment, service),
    entries: async function* (filter) {
      yield* index.entries(filter);
    },
    now: async () => now
  };
}
function resolutionOf(pending, outcome, reason, runUrl2, actor) {
  return {
    digest: pending.digest,
    name: pending.name,
    environment: pending.environment,
    service: serviceOf(pending),
    outcome,
    mode: pending.mode,
    runUrl: runUrl2,
    actor,
    sealedBy: pending.sealedBy,
    previousDigest: pending.previousDigest,
    reason,
    environmentUrl: pending.environmentUrl,
    artifact: pending.artifact,
    resolves: pending.id,
    key: randomUUID()
  };
}

function notOurs2(value) {
  const format2 = value?.format;
  if (typeof format2 === "string" && /^artifact-seal\/ledger\/v\d+$/.test(format2)) {
    return `it is in the ledger format ${format2}; this artifact-seal reads ${FORMAT}. Use the artifact-seal version that wrote it, or start a new ledger`;
  }
  return `it is not an artifact-seal ledger line (format ${JSON.stringify(format2)})`;
}
function identityOf(snapshot) {
  if (snapshot.lineHashes.length < 32)
    throw new Error("unreachable: a ledger is read with its first line");
  return digestFromHex(
    Buffer.from(snapshot.lineHashes.buffer, snapshot.lineHashes.byteOffset, 32).toString("hex")
  );
}
function toEntry(line) {
  return { ...line.record, id: String(line.seq), url: null };
}

// src/app/ledger/open-ledger.ts
init_errors();

// src/app/ledger/ledger-checkpoint.ts
init_errors();

// src/core/signing/ledger-checkpoint.ts
init_errors();

// src/core/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_TYPE = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var LOCAL_BUILD_TYPE = "urn:artifact-seal:buildtypes:local:v1";
var DIGEST_ONLY_ANNOTATION = "artifact-seal.digest-only";

function digestOnlySubject(name, digest) {
  return {
    ...statementSubject(name, digest, false),
    annotations: { [DIGEST_ONLY_ANNOTATION]: true }
  };
}

function commitUrl(build) {
  return `${build.serverUrl}/${build.repository}/commit/${build.sha}`;
}


function localPredicate(build, subjects) {
  return {
    buildDefinition: {
      buildType: LOCAL_BUILD_TYPE,
      externalParameters: { subjects: subjects.map((s) => s.name) },
      internalParameters: { host: build.host },
      resolvedDependencies: []
    },
    runDetails: {
      builder: { id: build.tool },
      metadata: { startedOn: build.startedOn }
    }
  };
}


// src/core/signing/ledger-checkpoint.ts
var CHECKPOINT_PREDICATE_TYPE = "https://artifact-seal.dev/ledger-checkpoint/v1";
var HEAD = /^sha256:([0-9a-f]{64})$/;
function checkpointStatement(ledgerName, predicate) {
  const hex = HEAD.exec(predicate.head)?.[1];
  if (hex === void 0 || !Number.isSafeInteger(predicate.seq) || predicate.seq < 1)
    throw new Error(
      `unreachable: a ledger head is a line number and a sha256, got ${predicate.seq}:${predicate.head}`
    );
  if (!HEAD.test(predicate.ledger))
    throw new Error(`unreachable: a ledger's identity is a sha256, got ${predicate.ledger}`);
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: ledgerName, digest: { sha256: hex } }],
    predicateType: CHECKPOINT_PREDICATE_TYPE,
    predicate
  };
}

// src/app/ledger/ledger-checkpoint.ts

async function checkpointSigning(ledger, settings, env) {
  if (ledger.kind !== "file") return { kind: "none", notice: null };
  const { prepareSigning: prepareSigning2 } = await Promise.resolve().then(() => (init_signing(), signing_exports));
  return prepareSigning2(settings, env);
}

// src/app/ledger/open-ledger.ts
init_env();


// src/app/ledger/pipeline-status.ts
init_errors();

// src/app/ledger/queries.ts

function letIn(outcome) {
  return outcome === "pending" || outcome === "deployed" || outcome === "rolled-back" || outcome === "failed";
}
async function lastGoodBefore(ledger, environment, service) {
  for await (const span of ledger.previouslyLive(environment, service)) {
    if (await ledger.veto(span.digest) === null) return span.digest;
  }
  return null;
}
async function contractOfLive(ledger, span) {
  for await (const entry of ledger.entries({
    environment: span.environment,
    digest: span.digest
  })) {
    if (entry.id === span.recordId) return entry.contract ?? null;
  }
  return null;
}
async function artifactOf(ledger, digest) {
  for await (const entry of ledger.entries({ digest }))
    if (entry.artifact !== null) return entry.artifact;
  return null;
}
async function unusedApproval(ledger, environment, service, from, to) {
  const used = /* @__PURE__ */ new Set();
  for await (const entry of ledger.entries({ environment, service })) {
    if (entry.amendment?.approval) used.add(entry.amendment.approval);
    if (entry.outcome === "approved" && entry.approves && entry.approves.from === from && entry.approves.to === to && !used.has(entry.id))
      return entry;
  }
  return null;
}

// src/app/ledger/pipeline-status.ts




// src/app/promote/contract-plan.ts
init_errors();


async function keepAfterPromotion(sources, plan, allowed) {
  const loaded4 = plan?.loaded ?? null;
  if (!allowed || sources?.keep === void 0 || plan === null || plan.problem !== null || loaded4 === null || loaded4.manifest.digest !== plan.candidate?.digest)
    return;
  await sources.keep(loaded4);
}

// src/app/promote/promote-digest.ts
init_env();
init_errors();

// src/core/promotion/drift-rule.ts

function driftRefusal(upstream, target, state) {
  if (!state.drifted || state.since === null) return null;
  const seen = (state.last ?? state.since).observation?.observed;
  return `${upstream} does not run what was promoted there: observe found drift at ${state.since.time} (record ${state.since.id})${seen ? `, running ${seen}` : ""}, and ${upstream} has "drift: block", so it counts for ${target} neither as passed nor for its soak. Deploy its live digest again and observe it, or accept the drift with artifact-seal drift ack --environment ${upstream} --reason "\u2026".`;
}

// src/core/contract/change.ts
var SEVERITIES = ["breaking", "dangerous", "compatible"];
function compareChanges(a, b) {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.operation ?? "").localeCompare(b.operation ?? "") || a.location.localeCompare(b.location) || a.rule.localeCompare(b.rule);
}

// src/core/contract/amendment.ts
function severityCounts(changes) {
  return SEVERITIES.map((severity) => `${countOf(changes, severity)} ${severity}`).join(", ");
}
function countOf(changes, severity) {
  return changes.filter((c) => c.severity === severity).length;
}
function summarizeAmendment(from, to, changes) {
  return {
    from,
    to,
    breaking: countOf(changes, "breaking"),
    dangerous: countOf(changes, "dangerous"),
    compatible: countOf(changes, "compatible"),
    rules: [...new Set([...changes].sort(compareChanges).map((c) => c.rule))]
  };
}
function versionStep(from, to) {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (a === null || b === null) return "not-semver";
  for (let i = 0; i < 3; i++) {
    const x = a[i];
    const y = b[i];
    if (y < x) return "down";
    if (y > x) {
      if (i === 0) return "major";
      if (i === 1) return a[0] === 0n ? "major" : "minor";
      return a[0] === 0n && a[1] === 0n ? "major" : "patch";
    }
  }
  return "same";
}
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function parseVersion(text) {
  const m = SEMVER.exec(text);
  if (m === null) return null;
  return [BigInt(m[1]), BigInt(m[2]), BigInt(m[3])];
}
function changesByOperation(changes) {
  const groups = /* @__PURE__ */ new Map();
  for (const change of [...changes].sort(compareChanges)) {
    const key = change.operation ?? change.file;
    const group2 = groups.get(key) ?? [];
    group2.push(change);
    groups.set(key, group2);
  }
  const worst = (list) => Math.min(...list.map((c) => SEVERITIES.indexOf(c.severity)));
  return [...groups.entries()].map(([operation, list]) => ({ operation, changes: list })).sort((x, y) => worst(x.changes) - worst(y.changes));
}

// src/core/signing/signer-policy.ts
function defaultIssuer(serverUrl) {
  const url = new URL(serverUrl);
  if (url.hostname === "github.com") return "https://token.actions.githubusercontent.com";
  const tenant = /^([a-z0-9-]+)\.ghe\.com$/i.exec(url.hostname);
  if (tenant) return `https://token.actions.${tenant[1]?.toLowerCase()}.ghe.com`;
  return `${url.origin}/_services/token`;
}
function identityPolicy(wanted, serverUrl) {
  return {
    repository: wanted.repository,
    ...wanted.workflow === null ? {} : { workflow: wanted.workflow },
    ...wanted.sourceRef === null ? {} : { sourceRef: wanted.sourceRef },
    issuer: wanted.issuer ?? defaultIssuer(serverUrl),
    denySelfHostedRunners: wanted.denySelfHostedRunners,
    serverUrl
  };
}

// src/core/signing/identity.ts
init_errors();
var FULCIO_OID_PREFIX = "1.3.6.1.4.1.57264.1.";
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

// src/core/promotion/contract-rule.ts
var NAMED_CHANGES = 5;
function judgeContract(environment, digest, rule, mode, fact) {
  const pass = (detail, approvalUsed2 = null) => ({
    passed: true,
    detail,
    approvalUsed: approvalUsed2
  });
  const fail = (detail) => ({ passed: false, detail, approvalUsed: null });
  const { live, candidate } = fact;
  if (fact.problem !== null) return fail(fact.problem);
  if (live === null) {
    if (candidate === null)
      return pass(`Neither ${environment}'s live digest nor this one carries a sealed contract.`);
    return pass(
      fact.liveDigest === null ? `${environment} runs nothing yet: contract ${candidate.version} (${candidate.digest}) is its initial contract.` : `${environment}'s live digest carries no sealed contract: contract ${candidate.version} (${candidate.digest}) is its initial contract.`
    );
  }
  if (candidate === null) {
    if (rule.breaking === "allow")
      return pass(
        `This digest carries no sealed contract; ${environment} ran contract ${live.version}, and breaking: allow lets it go.`
      );
    return fail(
      `${environment} runs contract ${live.version} (${live.digest}) and this digest's seal carries no contract: its clients would lose all of it, or it was sealed without the contract input. Seal it with "contract:" naming the contract files.`
    );
  }
  if (live.digest === candidate.digest)
    return pass(`The contract is unchanged: ${candidate.version} (${candidate.digest}).`);
  if (fact.changes === null)
    return fail(`The contract ${environment} runs could not be compared with this digest's.`);
  const breaking = fact.changes.filter((c) => c.severity === "breaking");
  const dangerous = fact.changes.filter((c) => c.severity === "dangerous");
  const amendment = `${environment}'s contract ${live.version} \u2192 ${candidate.version}`;
  const counts = `${breaking.length} breaking, ${dangerous.length} dangerous, ${fact.changes.length - breaking.length - dangerous.length} compatible`;
  if (mode === "rollback" && rule.rollback === "allow") {
    return pass(
      `The rollback takes ${amendment} (${counts}).` + (breaking.length > 0 ? ` It undoes what clients may already use: ${named(breaking)}` : "")
    );
  }
  const step = versionStep(live.version, candidate.version);
  const versionNote = versionProblem(
    step,
    live.version,
    candidate.version,
    fact.changes.length > 0,
    breaking.length > 0
  );
  const problems = [];
  let approvalUsed = null;
  if (breaking.length > 0) {
    const list = named(breaking);
    switch (rule.breaking) {
      case "refuse":
        problems.push(
          `${environment} refuses breaking contract amendments (contract.breaking: refuse), and ${amendment} has ${breaking.length}: ${list}`
        );
        break;
      case "require-major":
        if (step !== "major") {
          problems.push(
            `${amendment} has ${breaking.length} breaking change(s) without a major version step (contract.breaking: require-major): ${list} Seal it with a new major contract-version, or keep the old behaviour beside the new.`
          );
        }
        break;
      case "require-approval":
        if (fact.approval === null) {
          problems.push(
            `${amendment} has ${breaking.length} breaking change(s) and ${environment} takes them only with an approval (contract.breaking: require-approval): ${list} Approve this amendment once with "artifact-seal contract approve ${digest} --environment ${environment} --from ${live.digest} --to ${candidate.digest} --reason <why>" (or the promote action's approve-amendment input), then promote again.`
          );
        } else {
          approvalUsed = fact.approval.id;
        }
        break;
      case "allow":
        break;
    }
  }
  if (dangerous.length > 0 && rule.dangerous === "refuse" && approvalUsed === null) {
    problems.push(
      `${environment} refuses changes that may break some clients (contract.dangerous: refuse), and ${amendment} has ${dangerous.length}: ${named(dangerous)}`
    );
  }
  if (versionNote !== null && rule.breaking === "require-major")
    problems.push(`${versionNote} (contract.breaking: require-major).`);
  if (problems.length > 0) return fail(problems.join(" "));
  const notes = [
    `${amendment}: ${counts}.`,
    ...approvalUsed !== null && fact.approval ? [
      `Approved by ${fact.approval.actor ?? "an unnamed actor"} at ${fact.approval.time} (record ${fact.approval.id}): ${fact.approval.reason ?? "no reason given"}.`
    ] : [],
    ...breaking.length > 0 && rule.breaking === "allow" ? [`Breaking changes pass (contract.breaking: allow): ${named(breaking)}`] : [],
    ...breaking.length > 0 && rule.breaking === "require-major" ? [
      `The breaking changes pass with the major version step ${live.version} \u2192 ${candidate.version}.`
    ] : [],
    ...dangerous.length > 0 && rule.dangerous === "warn" ? [`Warning: ${dangerous.length} change(s) may break some clients: ${named(dangerous)}`] : [],
    ...versionNote !== null ? [`Warning: ${versionNote}.`] : []
  ];
  return pass(notes.join(" "), approvalUsed);
}
function versionProblem(step, from, to, changed, breaking) {
  if (step === "down") return `the contract version went down, from ${from} to ${to}`;
  if (step === "not-semver" && breaking)
    return `the contract versions ${JSON.stringify(from)} and ${JSON.stringify(to)} are not both semantic versions (MAJOR.MINOR.PATCH), so the version step cannot be judged`;
  if (step === "same" && changed) return `the contract changed while its version stayed ${to}`;
  return null;
}
function named(changes) {
  const ordered = changesByOperation(changes).flatMap((g) => g.changes);
  const shown = ordered.slice(0, NAMED_CHANGES).map((c) => `${c.location}: ${c.message} [${c.rule}]`);
  const more = ordered.length > NAMED_CHANGES ? `; and ${ordered.length - NAMED_CHANGES} more` : "";
  return `${shown.join("; ")}${more}.`;
}

// src/core/promotion/gate.ts

function newServiceCheck(environment, service, other) {
  const name = (s) => s === null ? "<name>" : s;
  return {
    rule: "service",
    environment,
    passed: false,
    detail: `${environment} judges contract amendments, and ${describeService(service)} never ran there, while ${describeService(other.service)} runs ${other.live.digest} (since ${other.live.from}): the amendment would be judged against no contract. If they are one service whose artifact's name changed, pin it in the policy ("service: ${name(other.service)}") or keep the seal's name; if they are separate services, list them ("services: [${name(other.service)}, ${name(service)}]").`
  };
}

function signedByCheck(environment, want, signature) {
  const fail = (detail) => ({
    rule: "signed-by",
    environment,
    passed: false,
    detail
  });
  const signer = signature?.signer ?? null;
  if (signature === void 0 || signer === null) {
    return fail(
      `${environment} takes only seals signed by a workflow of ${want.repository}, and this digest's seal carries no verified signature${signature?.missing ? ` (${signature.missing})` : ""}. Seal it in that workflow with "permissions: id-token: write" so the seal is signed.`
    );
  }
  if (signer.kind === "key") {
    return fail(
      `${environment} takes only seals signed by a workflow of ${want.repository}; this seal is signed with a key (${signer.hint}), which names no workflow. Seal it with sign: keyless in that workflow.`
    );
  }
  const failures = checkIdentity(
    signer.identity,
    identityPolicy({ ...want, sourceRef: want.ref }, signature.serverUrl)
  );
  if (failures.length > 0) {
    return fail(
      `The seal's signer does not satisfy ${environment}'s signed-by rule: ${describeIdentityFailure(failures).split("\n").join("; ")}.`
    );
  }
  return {
    rule: "signed-by",
    environment,
    passed: true,
    detail: `Signed by ${signer.identity.subjectAlternativeName} at ${signer.signedAt}.`
  };
}
function longestStretch(spans, now) {
  let best = null;
  for (const span of spans) {
    const until = span.until === null ? now.getTime() : Date.parse(span.until);
    const ms = Math.max(0, until - Date.parse(span.from));
    if (best === null || ms > best.ms) best = { ms, span };
  }
  return best;
}
function upstreamChecks(rule, upstream, target, facts, now) {
  const drift = facts.drifted?.get(upstream);
  if (drift !== void 0)
    return [{ rule: "drift", environment: upstream, passed: false, detail: drift }];
  const spans = facts.spans.get(upstream) ?? [];
  if (spans.length === 0) {
    return [
      {
        rule,
        environment: upstream,
        passed: false,
        detail: `${upstream} never ran this digest; ${target.name} takes only digests that passed ${upstream}. Promote it to ${upstream} first.`
      }
    ];
  }
  const checks = [
    {
      rule,
      environment: upstream,
      passed: true,
      detail: `${upstream} ran this digest from ${spans.at(-1)?.from}.`
    }
  ];
  if (target.soakMs > 0) checks.push(soakCheck(upstream, target, spans, now));
  return checks;
}
function soakCheck(upstream, target, spans, now) {
  const longest = longestStretch(spans, now);
  const ms = longest?.ms ?? 0;
  const required = formatDuration(target.soakMs);
  if (ms >= target.soakMs) {
    const how = longest?.span.until === null ? "has been live there for" : "was live there for";
    return {
      rule: "soak",
      environment: upstream,
      passed: true,
      detail: `It ${how} ${formatDuration(ms)} (soak ${required}).`
    };
  }
  const still = longest?.span.until === null;
  const ready = still && longest ? new Date(Date.parse(longest.span.from) + target.soakMs).toISOString() : null;
  return {
    rule: "soak",
    environment: upstream,
    passed: false,
    detail: still ? `It has been live in ${upstream} for ${formatDuration(ms)} of the ${required} soak; try again after ${ready}.` : `It was live in ${upstream} for at most ${formatDuration(ms)} before it was replaced, short of the ${required} soak. Promote it to ${upstream} again and let it soak.`
  };
}
function anyUpstreamChecks(target, facts, now) {
  const options = target.requiresAny.map(
    (upstream) => upstreamChecks("requires-any", upstream, target, facts, now)
  );
  const satisfied = options.find((checks) => checks.every((c) => c.passed));
  if (satisfied) return satisfied;
  const names = target.requiresAny.join(", ");
  const details = options.map(
    (checks) => checks.filter((c) => !c.passed).map((c) => c.detail).join(" ")
  ).join(" ");
  return [
    {
      rule: "requires-any",
      environment: names,
      passed: false,
      detail: `${target.name} takes a digest that passed one of ${names}; none qualifies. ${details}`
    }
  ];
}
function refusal(mode, environment, digest, rule, detail) {
  return {
    allowed: false,
    mode,
    digest,
    environment,
    checks: [{ rule, environment, passed: false, detail }],
    reason: detail
  };
}

// src/core/promotion/decide-promotion.ts


function contractFact(evidence, liveNow, approval) {
  if ((liveNow?.digest ?? null) !== evidence.liveDigest) {
    return {
      live: evidence.live,
      liveDigest: evidence.liveDigest,
      candidate: evidence.candidate,
      changes: null,
      problem: `The environment's live digest changed (to ${liveNow?.digest ?? "none"}) while the contracts were compared; promote again to compare with what it runs now.`,
      approval: null
    };
  }
  return {
    live: evidence.live,
    liveDigest: evidence.liveDigest,
    candidate: evidence.candidate,
    changes: evidence.changes,
    problem: evidence.problem,
    approval
  };
}
function mayNeedApproval(evidence) {
  return evidence.candidate !== null && evidence.changes !== null && evidence.changes.some((c) => c.severity === "breaking" || c.severity === "dangerous");
}
function amendmentOf(evidence, approvalUsed) {
  if (evidence.changes === null || evidence.live?.digest === evidence.candidate?.digest || evidence.live === null)
    return null;
  return {
    ...summarizeAmendment(evidence.live, evidence.candidate, evidence.changes),
    ...approvalUsed !== null ? { approval: approvalUsed } : {}
  };
}
function bytesMismatchDetail(actual, mismatches, digest) {
  const files = mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`);
  const more = mismatches.length > 5 ? ` and ${mismatches.length - 5} more` : "";
  return `The bytes to deploy are ${actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(", ")}${more} differ from the seal.` : ".");
}

// src/core/promotion/soak-wait.ts
function waitStep(decision, rule, spans, pendingIn, now, pollMs) {
  const failed = decision.checks.filter((c) => !c.passed);
  if (decision.allowed || failed.length === 0) return null;
  const soaking = [];
  const confirming = [];
  let soakMs = 0;
  for (const check2 of failed) {
    if (check2.rule === "soak") {
      const open3 = (spans.get(check2.environment) ?? []).find((s) => s.until === null);
      if (open3 === void 0) return null;
      soakMs = Math.max(soakMs, Date.parse(open3.from) + rule.soakMs - now.getTime());
      soaking.push(check2.environment);
    } else if ((check2.rule === "requires" || check2.rule === "requires-any") && pendingIn.has(check2.environment)) {
      confirming.push(check2.environment);
    } else return null;
  }
  const soakLeft = Math.max(soakMs, 0);
  if (confirming.length === 0) return { ms: soakLeft, soaking, confirming };
  return { ms: soaking.length > 0 ? Math.min(soakLeft, pollMs) : pollMs, soaking, confirming };
}

// src/app/signature/verdict.ts



// src/core/observe/drift-state.ts
async function driftStateOf(newestFirst, service) {
  let since = null;
  let last = null;
  for await (const entry of newestFirst) {
    if (serviceOf(entry) !== service) continue;
    const telling = entry.outcome === "acknowledged" || entry.outcome === "observed" && entry.observation?.verdict !== "unknown";
    if (!telling) continue;
    last ??= entry;
    if (entry.outcome === "observed" && entry.observation?.verdict === "drifted") since = entry;
    else break;
  }
  return since === null ? { drifted: false, since: null, last } : { drifted: true, since, last };
}

// src/app/observe/drift-facts.ts


// src/app/promote/promote-digest.ts


var Outcome = class {
  constructor(request, policy, nameInput) {
    this.policy = policy;
    this.nameInput = nameInput;
    this.policyPins = (policy.service ?? null) !== null;
    this.digest = request.digest === "previous" ? null : request.digest;
    this.sealedBy = request.sealedBy;
    this.name = request.name;
    this.claimedName = request.claimedName ?? null;
  }
  policy;
  nameInput;
  digest;
  /** Known before the digest for "previous" (whose previous?), else once the name is. */
  service;
  previous = null;
  sealedBy;
  name;
  /** What an unsigned statement beside the bytes says the name is: shown as claimed, never used. */
  claimedName;
  /** The verified signature's statement's name; undefined while no signature verified. */
  signedName;
  verification = null;
  signature = null;
  contract = null;
  abandoned = [];
  policyPins;
  /** With `from`: what it ran, and for which service. */
  from = null;
  fromService;
  waitedMs = 0;
  /** The name the record keeps is only what an unsigned statement claims. */
  nameClaimed = false;
  /**
   * Who sealed the bytes, as earlier records or the statement that travelled with them say, when
   * the caller did not. A name is never taken from them here.
   */
  learn(known) {
    this.sealedBy ??= known.sealedBy;
  }
  result(decision, record = null) {
    return {
      decision,
      digest: this.digest,
      service: this.service !== void 0 ? this.service : serviceFor(this.policy, this.name, this.nameInput),
      claimedName: this.nameClaimed || this.name !== this.claimedName ? this.claimedName : null,
      previous: this.previous,
      record,
      abandoned: this.abandoned,
      sealedBy: this.sealedBy,
      name: this.name,
      verification: this.verification,
      signature: this.signature,
      contract: this.contract,
      from: this.from,
      waitedMs: this.waitedMs
    };
  }
  /** The ledger could not be read or written: a refusal (fail closed), recorded nowhere. */
  ledgerRefusal(mode, rule, error2) {
    if (!(error2 instanceof SealError)) throw error2;
    return this.result(
      refusal(
        mode,
        rule.name,
        this.digest,
        "ledger",
        `The ledger could not be read or written, so the promotion is refused (fail closed): ${error2.message}`
      )
    );
  }
};

async function resolveFrom(request, from, policy, rule, ledger, nameInput, outcome) {
  const fromInput = request.inputs.from ?? "from";
  requireEnvironment(policy, from, fromInput);
  if (from === rule.name)
    throw new SealError(
      "bad-input",
      `${fromInput}: ${quote(from)} is the environment promoted into; name the environment whose live digest goes there, such as the one it requires.`
    );
  if (request.rollback)
    throw new SealError(
      "bad-input",
      `${fromInput}: a rollback returns to a digest ${rule.name} ran before; it takes nothing from ${quote(from)}. Remove one of the two.`
    );
  let candidates;
  const lives = [];
  try {
    candidates = outcome.policyPins || request.name !== null ? [serviceFor(policy, request.name, nameInput)] : policy.services ?? await ledger.services(from);
    for (const service2 of candidates) {
      const live2 = await ledger.live(from, service2);
      if (live2 !== null) lives.push({ service: service2, live: live2 });
    }
  } catch (error2) {
    if (stopsPromotion(error2)) throw error2;
    return { kind: "unreadable", error: error2 };
  }
  const which = candidates.length === 1 ? ` for ${describeService(candidates[0])}` : "";
  if (lives.length === 0) {
    throw new SealError(
      "bad-input",
      `${fromInput}: ${from} runs no digest${which}: no deployment there was confirmed, so there is nothing to promote from it. Promote a digest to ${from} first, or give ${request.inputs.digest}.`
    );
  }
  if (lives.length > 1) {
    throw new SealError(
      "bad-input",
      `${fromInput}: ${from} runs several services (${lives.map((l) => `${l.service === null ? "the default service" : quote(l.service)}: ${l.live.digest}`).join(", ")}), so which one to promote is ambiguous. Give ${nameInput}: the service to promote.`
    );
  }
  const { service, live } = lives[0];
  if (request.digest !== null && request.digest !== "previous" && request.digest !== live.digest) {
    throw new SealError(
      "bad-input",
      `${request.inputs.digest}: ${request.digest} is not what ${fromInput} ${quote(from)} runs${which}: it runs ${live.digest} (since ${live.from}). Give one of the two, or the digest it runs.`
    );
  }
  outcome.from = live;
  outcome.fromService = service;
  return { kind: "digest", digest: live.digest, service, refusal: null };
}
async function serviceOfPrevious(request, policy, environment, ledger, nameInput) {
  if ((policy.service ?? null) !== null || request.name !== null)
    return serviceFor(policy, request.name, nameInput);
  const listed = policy.services ?? null;
  if (listed !== null) {
    throw new SealError(
      "bad-input",
      `${request.inputs.digest}: "previous" is the last good digest of one service, and the promotion policy ${policy.source} lists several (${listed.map(quote).join(", ")}). Give ${nameInput}: the service to roll back.`
    );
  }
  return (await ledger.newest(environment))?.service ?? null;
}


function swappedStatement(signed, claimed) {
  if (claimed === null || claimed === signed) return null;
  return `The seal's signed statement is of ${signed === null ? "an unnamed subject" : quote(signed)}, but the unsigned statement beside it names ${quote(claimed)}: the seal bundle was swapped or edited after it was signed. Promote with the seal bundle exactly as the seal step wrote it.`;
}
function contradictedName(request, outcome, signed, mode) {
  const given = request.name ?? outcome.fromService ?? null;
  if (outcome.policyPins || given === null || signed === null || signed === given) return;
  const nameInput = request.inputs.name ?? "name";
  const what = request.name !== null ? quote(given) : `${quote(given)}, the service ${request.inputs.from ?? "from"} runs it as,`;
  throw new SealError(
    "bad-input",
    `${nameInput}: ${what} is not the service this ${mode === "rollback" ? "rollback returns to" : "seal is of"}: its signed statement names ${quote(signed)}. Give ${nameInput}: ${signed} (or leave it out), or pin the one service in the promotion policy ("service: ...") when every artifact it promotes is one service.`
  );
}

function withoutBytes(rule, environment, digest, signature) {
  if (digestAlone(signature)) {
    return {
      rule: "bytes",
      environment,
      passed: true,
      detail: `No files to check: the signed seal is of the digest alone (sealed with subject-digest), so the deployment takes ${digest} itself.`
    };
  }
  if (rule.declared) {
    return {
      rule: "bytes",
      environment,
      passed: true,
      detail: `Not checked: the promotion says it carries no bytes (digest-only), so nothing here proved that what is deployed is ${digest}.`
    };
  }
  throw new SealError("bad-input", `${rule.missing} ${signatureFound(signature)}`);
}
function digestAlone(signature) {
  return signature?.status === "verified" && signature.digestOnly;
}
function signatureFound(signature) {
  return signature === null ? "No signature was looked for." : signature.status === "verified" ? `Its signed seal (${signature.source}) is of files, not of a digest alone.` : signature.status === "unsigned" ? signature.detail : `Its signature was refused: ${signature.detail}`;
}

var CONFIRMATION_POLL_MS = 3e4;
async function waitForSoak(wait, ledger, subject, policy, evidence) {
  let slept = 0;
  for (; ; ) {
    const facts = await ledgerFacts(ledger, subject, policy, evidence);
    const trial = decidePromotion(subject, evidence, facts);
    const pendingIn = await pendingUpstreams(ledger, subject, trial);
    const step = waitStep(
      trial,
      subject.rule,
      facts.spans,
      pendingIn,
      facts.now,
      CONFIRMATION_POLL_MS
    );
    if (step === null) return slept;
    const nap = step.ms + 1e3;
    const what = [
      ...step.soaking.length > 0 ? [`${subject.digest} to soak in ${step.soaking.join(", ")}`] : [],
      ...step.confirming.length > 0 ? [`its deployment to ${step.confirming.join(", ")} to be confirmed`] : []
    ].join(" and ");
    if (slept + nap > wait.maxMs) {
      const left = formatDuration(wait.maxMs - slept);
      const already = slept > 0 ? ` (waited ${formatDuration(slept)} already)` : "";
      wait.log(
        step.confirming.length > 0 ? `Still waiting for ${what}, with ${left} left to wait${already}; deciding now.` : `The soak in ${step.soaking.join(", ")} is over in ${formatDuration(step.ms)}, more than the ${left} left to wait${already}; deciding now.`
      );
      return slept;
    }
    wait.log(
      `Waiting ${formatDuration(nap)} for ${what} before ${subject.rule.name} takes it; the ledger is read and every rule judged again then.`
    );
    await wait.sleep(nap);
    slept += nap;
  }
}
async function pendingUpstreams(ledger, subject, trial) {
  const asked = trial.checks.filter(
    (c) => !c.passed && (c.rule === "requires" || c.rule === "requires-any")
  );
  const pendingIn = /* @__PURE__ */ new Set();
  for (const check2 of asked) {
    const pending = await ledger.pending(check2.environment, subject.service);
    if (pending.some((entry) => entry.digest === subject.digest)) pendingIn.add(check2.environment);
  }
  return pendingIn;
}
function lostAfterAppend(decision, environment, lost) {
  const check2 = { rule: "ledger", environment, passed: false, detail: lost };
  return {
    ...decision,
    allowed: false,
    checks: [...decision.checks, check2],
    reason: [decision.reason, lost].filter((r) => r !== null).join(" ")
  };
}
function recordOf(request, decided, outcome, artifact, decision) {
  const amendment = outcome.contract === null ? null : amendmentOf(outcome.contract, decision.approvalUsed ?? null);
  return {
    digest: decided.digest,
    name: outcome.name,
    environment: request.environment,
    service: decided.service,
    outcome: decided.outcome,
    mode: decided.mode,
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy: outcome.sealedBy,
    previousDigest: decided.previous?.digest ?? null,
    reason: decided.reason,
    environmentUrl: request.environmentUrl,
    artifact,
    resolves: null,
    key: randomUUID(),
    ...outcome.contract?.candidate ? { contract: outcome.contract.candidate } : {},
    ...amendment !== null ? { amendment } : {}
  };
}

// src/app/promote/veto.ts
async function vetoDigest(request, ledger, options) {
  const known = await knownFromHistory(ledger, request.digest);
  const name = request.name ?? known.name;
  const service = request.name ?? (known.service === void 0 ? null : known.service);
  const recorded = await ledger.record(
    request.environment,
    async (view) => withAttestation(request.attest, {
      digest: request.digest,
      name,
      environment: request.environment,
      service,
      outcome: "vetoed",
      mode: null,
      runUrl: request.requester.runUrl,
      actor: request.requester.actor,
      sealedBy: known.sealedBy,
      previousDigest: (await view.live(request.environment, service))?.digest ?? null,
      reason: request.reason,
      environmentUrl: null,
      artifact: known.artifact,
      resolves: null,
      key: randomUUID()
    }),
    options.pendingTimeoutMs
  );
  return recorded.entry;
}
async function withAttestation(attest, record) {
  return attest ? { ...record, attestation: await attest(record, null, null) } : record;
}

// src/version.ts
var VERSION = "0.1.0";

// src/app/settings/runner-environment.ts
init_env();






// src/report/markdown.ts
var LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
var INLINE = /[&<>\\`*_[\]|~:@$#]/g;
var NAMED = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": "&#64;&#8203;"
};
var reference = (char) => NAMED[char] ?? `&#${char.charCodeAt(0)};`;

var ENDS_CODE_SPAN = new RegExp(`[\`|\\\\${CONTROL_CHARACTERS}\u2028\u2029]`, "u");
var SPACE_OR_CONTROL = new RegExp(`[\\s${CONTROL_CHARACTERS}]`, "u");

function link2(label2, url, origins) {
  const target = safeUrl(url, origins);
  return target === null ? label2 : `[${label2}](${target})`;
}
function safeUrl(url, origins) {
  if (typeof url !== "string" || !URL.canParse(url) || SPACE_OR_CONTROL.test(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") return null;
  if (!origins.some((origin) => URL.canParse(origin) && new URL(origin).origin === parsed.origin))
    return null;
  return parsed.href.replace(
    /[()[\]|\\<>"'`*_~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  ).replace(/&/g, "&amp;");
}

// src/report/format.ts
var UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];
function formatBytes(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${UNITS[unit]}`;
}
function formatNumber(n) {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${out}` : out;
}

// src/report/progress.ts
function describeProgress(p) {
  const files = p.filesTotal > 1 ? `${formatNumber(p.filesDone)} of ${formatNumber(p.filesTotal)} files, ` : "";
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`;
}

// src/report/promotion-report.ts

function resolutionHeadline(entry) {
  const what = entry.name ?? entry.digest;
  switch (entry.outcome) {
    case "deployed":
      return `${what} deployed to ${entry.environment}: live there from ${entry.time} (record ${entry.id} confirms record ${entry.resolves})`;
    case "rolled-back":
      return `${entry.environment} rolled back to ${what}: live there from ${entry.time} (record ${entry.id} confirms record ${entry.resolves})`;
    case "failed":
      return `the deployment of ${what} to ${entry.environment} failed (record ${entry.id} closes record ${entry.resolves})`;
    default:
      return `record ${entry.resolves} of ${what} in ${entry.environment}: ${entry.outcome} (record ${entry.id})`;
  }
}
var CHANGES_SHOWN = 50;

function contractLabel(contract, other) {
  return other !== null && other.version === contract.version && other.digest !== contract.digest ? `${contract.version} (${shortDigest(contract.digest)})` : contract.version;
}
var serviceLabel = (service) => service ?? "(unnamed)";

// src/report/promotion-text.ts
function imageTagText(image) {
  switch (image.state) {
    case "live":
      return image.names === null ? `${image.reference} does not exist; nothing is live` : `${image.reference} names the live digest`;
    case "pending":
      return `${image.reference} names ${image.names ?? ""}, let in and not confirmed yet`;
    case "moved":
      return `${image.reference} names ${image.names ?? "nothing"}, not the live digest: it moved behind the gate`;
    case "unknown":
      return `${image.reference}: unknown (${image.error ?? ""})`;
  }
}

// src/report/promotion-markdown.ts
init_env();

// src/core/provenance.ts
init_errors();
init_env();
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
function validSealedBy(sealedBy, serverUrl) {
  const invalid = [];
  const keep = (field, value, valid) => {
    if (value === null || value === void 0) return value ?? null;
    if (valid(value)) return value;
    invalid.push(field);
    return null;
  };
  const checked = {
    repository: keep("repository", sealedBy.repository, isRepository),
    commit: keep("commit", sealedBy.commit, isCommit),
    runUrl: keep("runUrl", sealedBy.runUrl, (v) => isRunUrl(v, serverUrl))
  };
  return {
    sealedBy: sealedBy.signer === void 0 ? checked : { ...checked, signer: sealedBy.signer },
    invalid
  };
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
  const field = (name, value, read2, expected) => {
    if (value === void 0 || value === null || value === "") return null;
    const v = text(value);
    const parsed = v === null ? null : read2(v);
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
  const runUrl2 = field(
    "predicate.runDetails.metadata.invocationId",
    s.predicate?.runDetails?.metadata?.invocationId,
    (v) => isRunUrl(v, serverUrl) ? v : null,
    `${server}/OWNER/REPO/actions/runs/ID/attempts/N`
  );
  return { repository, commit, runUrl: runUrl2 };
}

// src/report/mermaid.ts


// src/report/signer-markdown.ts
init_env();


// src/report/promotion-markdown.ts


function contractRow(outcome, ruled) {
  const version2 = (text) => code(text);
  switch (outcome.kind) {
    case "carried":
      return `${version2(outcome.contract.version)} (${code(shortDigest(outcome.contract.digest))}), not judged: the environment has no contract rule`;
    case "problem":
      return `not compared${ruled ? " (see the contract rule)" : `: ${plain(outcome.problem)}`}`;
    case "initial":
      return `initial contract ${version2(outcome.to.version)} (${code(shortDigest(outcome.to.digest))})`;
    case "unchanged":
      return `contract unchanged (${version2(outcome.contract.version)})`;
    case "removed":
      return `${version2(outcome.from.version)} \u2192 none: this digest carries no contract`;
    case "not-compared": {
      const why = outcome.problem === null ? "" : ruled ? " (see the contract rule)" : `: ${plain(outcome.problem)}`;
      return `${version2(contractLabel(outcome.from, outcome.to))} \u2192 ${version2(contractLabel(outcome.to, outcome.from))}, not compared${why}`;
    }
    case "amended":
      return `${version2(contractLabel(outcome.from, outcome.to))} \u2192 ${version2(contractLabel(outcome.to, outcome.from))}: ${outcome.changes.length === 0 ? "no change a client can see" : `${severityCounts(outcome.changes)} (listed above)`}`;
  }
}
var SEVERITY_MARK = {
  breaking: "\u{1F534} breaking",
  dangerous: "\u{1F7E0} dangerous",
  compatible: "\u{1F7E2} compatible"
};
function amendmentMarkdown(outcome, environment, rollback) {
  const { changes } = outcome;
  const out = [
    `#### Contract amendment${rollback ? " (rollback)" : ""}: ${plain(environment)} ${code(contractLabel(outcome.from, outcome.to))} \u2192 ${code(contractLabel(outcome.to, outcome.from))}`,
    "",
    `${severityCounts(changes)}.`,
    "",
    "| Operation | Severity | Rule | Location | Change |",
    "| --- | --- | --- | --- | --- |"
  ];
  let shown = 0;
  for (const group2 of changesByOperation(changes)) {
    for (const [i, change] of group2.changes.entries()) {
      if (shown >= CHANGES_SHOWN) break;
      const operation = i === 0 ? code(group2.operation) : "";
      out.push(
        `| ${operation} | ${SEVERITY_MARK[change.severity]} | ${code(change.rule)} | ${plain(change.location)} | ${plain(change.message)} |`
      );
      shown++;
    }
  }
  if (changes.length > shown)
    out.push(
      "",
      `\u2026and ${changes.length - shown} more: ${code("artifact-seal contract diff")} lists every change.`
    );
  out.push("");
  return out;
}
function attestationLink(attestation, origins) {
  const label2 = `verification summary ${code(shortDigest(attestation.digest))}`;
  const linked = link2(label2, attestation.uri, origins);
  return linked !== label2 ? linked : `${label2} in ${code(attestation.uri)}`;
}
function recordLink(record, origins) {
  return link2(code(record.id), record.url, origins);
}
function renderVetoMarkdown(record, ledger, serverUrl = DEFAULT_SERVER_URL) {
  return [
    `### \u{1F6AB} Vetoed ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ""}`,
    "",
    plain(record.reason ?? ""),
    "",
    `Found in ${plain(record.environment)}; recorded in ${code(ledger)}, record ${recordLink(record, [serverUrl])}. No environment accepts this digest from now on, and rollbacks skip it.`,
    ""
  ].join("\n");
}
function renderApprovalMarkdown(record, ledger, serverUrl = DEFAULT_SERVER_URL) {
  return [
    `### \u{1F58A}\uFE0F Contract amendment approved for ${plain(record.environment)}`,
    "",
    plain(record.reason ?? ""),
    "",
    `| Digest | ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ""} |`,
    "| --- | --- |",
    `| Contract | ${record.approves?.from ? code(record.approves.from) : "none"} \u2192 ${code(record.approves?.to ?? "")} |`,
    `| Approved by | ${plain(record.actor ?? "unknown")} |`,
    `| Ledger | ${code(ledger)}, record ${recordLink(record, [serverUrl])} |`,
    "",
    `One promotion of this amendment into ${plain(record.environment)} may go through on it.`,
    ""
  ].join("\n");
}
function renderResolutionMarkdown(entry, ledger, serverUrl = DEFAULT_SERVER_URL) {
  return [
    `### ${makesLive(entry.outcome) ? "\u2705" : "\u26D4"} ${plain(resolutionHeadline(entry))}`,
    "",
    ...entry.reason ? [plain(entry.reason), ""] : [],
    `| Digest | ${code(entry.digest)} |`,
    "| --- | --- |",
    `| Environment | ${plain(entry.environment)} |`,
    `| Ledger | ${code(ledger)}, record ${recordLink(entry, [serverUrl])} |`,
    ""
  ].join("\n");
}

// src/app/settings/names.ts
var SigningInput = {
  Sign: "sign",
  SigningKey: "signing-key"
};
var SigningEnv = {
  KeyPassword: "ARTIFACT_SEAL_KEY_PASSWORD",
  CosignPassword: "COSIGN_PASSWORD",
  FulcioUrl: "ARTIFACT_SEAL_FULCIO_URL",
  RekorUrl: "ARTIFACT_SEAL_REKOR_URL",
  TsaUrl: "ARTIFACT_SEAL_TSA_URL"
};
var SignerInput = {
  SignedBy: "signed-by"
};
var SignedByKey = {
  Repository: "repository",
  Workflow: "workflow",
  Ref: "ref",
  Issuer: "issuer",
  Runner: "runner",
  Key: "key",
  TrustedRoot: "trusted-root",
  TufMirrors: "tuf-mirrors"
};
var SealInput = {
  SubjectPath: "subject-path",
  SubjectDigest: "subject-digest",
  SubjectName: "subject-name",
  SubjectChecksums: "subject-checksums",
  SubjectParts: "subject-parts",
  IncludeHiddenFiles: "include-hidden-files",
  Contract: "contract",
  Upload: "upload",
  Name: "name",
  RetentionDays: "retention-days",
  Cache: "cache",
  GitHubToken: "github-token",
  PushToRegistry: "push-to-registry",
  PlainHttpRegistries: "plain-http-registries",
  ...SigningInput
};
var BytesInput = {
  SubjectPath: "subject-path",
  ChecksumsPath: "checksums-path",
  Name: "name",
  RunId: "run-id",
  Repository: "repository",
  GitHubToken: "github-token",
  PlainHttpRegistries: "plain-http-registries"
};
var VerifyInput = {
  ExpectedDigest: "expected-digest",
  ...BytesInput,
  ...SignerInput
};
var PromoteInput = {
  Environment: "environment",
  ExpectedDigest: "expected-digest",
  SubjectName: "subject-name",
  ...BytesInput,
  Policy: "policy",
  Ledger: "ledger",
  Rollback: "rollback",
  Veto: "veto",
  ApproveAmendment: "approve-amendment",
  From: "from",
  Wait: "wait",
  Confirm: "confirm",
  DryRun: "dry-run",
  DigestOnly: "digest-only",
  PushToRegistry: "push-to-registry",
  ...SignerInput,
  ...SigningInput
};
var PromoteOutput = {
  Promoted: "promoted",
  Digest: "digest",
  PreviousDigest: "previous-digest",
  RecordId: "record-id",
  RecordUrl: "record-url",
  Decision: "decision",
  Path: "path",
  Signer: "signer",
  AttestationId: "attestation-id",
  AttestationUrl: "attestation-url",
  ContractVersion: "contract-version",
  ContractDigest: "contract-digest",
  ImageRef: "image-ref"
};
var PromoteState = {
  Pending: "pending-record"
};

// src/actions/report-failure.ts
init_errors();
function reportFailure(error2) {
  if (error2 instanceof SealError) {
    for (const problem of error2.details.problems ?? []) {
      if (problem.line === null || isAbsolute(problem.file) || leavesParent(problem.file))
        continue;
      error(problem.message, {
        title: "artifact-seal",
        file: problem.file,
        startLine: problem.line,
        ...problem.column === null ? {} : { startColumn: problem.column }
      });
    }
    setFailed(error2.message);
    return;
  }
  const e = error2 instanceof Error ? error2 : new Error(String(error2));
  debug(e.stack ?? e.message);
  setFailed(
    `artifact-seal stopped on an unexpected error: ${e.message}. Re-run with ACTIONS_STEP_DEBUG=true for details, and report it if it persists.`
  );
}

// src/actions/annotations.ts
var ANNOTATIONS_SHOWN = 10;
function annotateMismatches(mismatches) {
  const what = {
    changed: "changed since it was sealed",
    missing: "was sealed but is missing",
    added: "was not sealed but is present",
    mode: "changed its mode since it was sealed"
  };
  const detail = (m) => m.kind === "mode" ? ` (sealed ${m.expected}, now ${m.actual})` : "";
  for (const m of mismatches.slice(0, ANNOTATIONS_SHOWN - 1)) {
    error(`${m.path} ${what[m.kind]}${detail(m)}.`, { title: `artifact-seal: ${m.kind} file` });
  }
  const rest = mismatches.slice(ANNOTATIONS_SHOWN - 1);
  if (rest.length === 1) {
    const m = rest[0];
    error(`${m.path} ${what[m.kind]}${detail(m)}.`, { title: `artifact-seal: ${m.kind} file` });
  } else if (rest.length > 1) {
    error(
      `${rest.length} more files differ from the seal (${rest[0]?.path} and others); the job summary lists them.`,
      { title: "artifact-seal: more files differ" }
    );
  }
}

// src/actions/promote/report-resolution.ts
init_env();
async function reportResolution(entry, asked, ledger, summary2) {
  const line = resolutionHeadline(entry);
  if (summary2)
    await summary.addRaw(renderResolutionMarkdown(entry, ledger, serverUrlOf(process.env))).write();
  setOutput(PromoteOutput.Promoted, String(makesLive(entry.outcome)));
  setOutput(PromoteOutput.Digest, entry.digest);
  setOutput(PromoteOutput.RecordId, entry.id);
  setOutput(PromoteOutput.RecordUrl, entry.url ?? "");
  if (asked === "confirmed" && !makesLive(entry.outcome))
    setFailed(`${line}: ${entry.reason ?? ""}`);
  else info(line);
}

// src/actions/promote/settings.ts
init_errors();

// src/app/settings/ledger-location.ts
init_errors();
var DEFAULT_FILE_LEDGER = ".artifact-seal/ledger.jsonl";


// src/app/settings/inputs.ts
init_errors();




// src/app/settings/bytes-source.ts
init_errors();

// src/core/subject/patterns.ts


// src/app/settings/bytes-source.ts





// src/app/settings/signing-settings.ts
init_errors();

// src/core/signing/public-key.ts
init_errors();
var PRIVATE_LABELS = /* @__PURE__ */ new Set([
  "PRIVATE KEY",
  "EC PRIVATE KEY",
  "RSA PRIVATE KEY",
  "ENCRYPTED PRIVATE KEY",
  "ENCRYPTED SIGSTORE PRIVATE KEY",
  "ENCRYPTED COSIGN PRIVATE KEY"
]);
var PUBLIC_LABELS = /* @__PURE__ */ new Set(["PUBLIC KEY", "RSA PUBLIC KEY"]);
var CURVES = {
  prime256v1: "ecdsa-p256",
  secp384r1: "ecdsa-p384",
  secp521r1: "ecdsa-p521"
};
var RSA_MIN_BITS = 2048;
var RSA_MAX_BITS = 4096;
var SUPPORTED_KEYS = "ECDSA on P-256, P-384 or P-521, Ed25519, or RSA of 2048 to 4096 bits";
var GENERATE_HINT = 'Create one with "cosign generate-key-pair" or "openssl genpkey -algorithm ed25519 -out key.pem".';
function looksLikePem(text) {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}
function keyHint(publicKey) {
  return Buffer.from(sha256Hex(publicKey.export({ type: "spki", format: "der" })), "hex").toString(
    "base64"
  );
}
function normalize2(text) {
  return text.replace(/^\uFEFF/, "").replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\r\n?/g, "\n");
}
function pemBlocks(text, where) {
  const blocks = [];
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/g;
  let match;
  while ((match = begin.exec(text)) !== null) {
    const label2 = match[1] ?? "";
    const endLine = `-----END ${label2}-----`;
    const end = text.indexOf(endLine, begin.lastIndex);
    if (end === -1) {
      throw new SealError(
        "malformed",
        `${where}: the "${label2}" block has a BEGIN line but no "${endLine}" line: the text was cut short. Copy the whole file, END line included.`
      );
    }
    const inner = text.slice(begin.lastIndex, end);
    const lines = inner.split("\n").map((line) => line.trim());
    const isHeader = (line) => /^[A-Za-z][A-Za-z0-9-]*:/.test(line);
    blocks.push({
      label: label2,
      headers: lines.filter(isHeader),
      body: lines.filter((line) => !isHeader(line)).join("").replace(/\s+/g, "")
    });
    begin.lastIndex = end + endLine.length;
  }
  return blocks;
}
function bodyBytes(block, where) {
  if (block.body === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(block.body) || block.body.length % 4 === 1) {
    throw new SealError(
      "malformed",
      `${where}: the base64 text between the "${block.label}" BEGIN and END lines is damaged. Copy the whole key file into the secret again.`
    );
  }
  return Buffer.from(block.body, "base64");
}
function algorithmOf(key, where) {
  switch (key.asymmetricKeyType) {
    case "ec": {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const algorithm = curve === void 0 ? void 0 : CURVES[curve];
      if (algorithm === void 0) {
        throw new SealError(
          "unrecognized",
          `${where}: is an ECDSA key on ${curve === void 0 ? "a curve given by explicit parameters" : `curve ${curve}`}, which Sigstore tools do not accept. Use a key on P-256, P-384 or P-521, such as one from "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256".`
        );
      }
      return algorithm;
    }
    case "ed25519":
      return "ed25519";
    case "rsa": {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
        throw new SealError(
          "unrecognized",
          `${where}: is a ${bits}-bit RSA key; Sigstore tools accept RSA keys of ${RSA_MIN_BITS} to ${RSA_MAX_BITS} bits. Use a 3072-bit RSA key, or an ECDSA P-256 or Ed25519 key.`
        );
      }
      return "rsa";
    }
    default:
      throw new SealError(
        "unrecognized",
        `${where}: is a ${key.asymmetricKeyType ?? "secret"} key, which cannot sign Sigstore bundles. Supported keys: ${SUPPORTED_KEYS}. ${GENERATE_HINT}`
      );
  }
}
function notPem(where, expected) {
  return new SealError(
    "malformed",
    `${where}: is not PEM text (no "-----BEGIN ${expected}-----" line). Pass the whole key file, BEGIN and END lines included${expected === "PUBLIC KEY" ? "" : ', from a secret ("${{ secrets.SIGNING_KEY }}")'}.`
  );
}
function material(publicKey, algorithm) {
  return { publicKey, hint: keyHint(publicKey), algorithm };
}
function readPublicKey(text, source) {
  const normalized = normalize2(text).trim();
  if (normalized === "")
    throw new SealError(
      "bad-input",
      `${source}: is empty. Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026"), such as cosign.pub.`
    );
  const blocks = pemBlocks(normalized, source);
  if (blocks.length === 0) throw notPem(source, "PUBLIC KEY");
  const publicBlocks = blocks.filter((block2) => PUBLIC_LABELS.has(block2.label));
  if (publicBlocks.length > 1)
    throw new SealError(
      "bad-input",
      `${source}: holds ${publicBlocks.length} public keys. Give exactly one.`
    );
  const block = publicBlocks[0];
  if (block === void 0) {
    if (blocks.some(
      (candidate) => PRIVATE_LABELS.has(candidate.label) || candidate.label.endsWith("PRIVATE KEY")
    )) {
      throw new SealError(
        "bad-input",
        `${source}: holds a private key where the public key is expected. Give only the public half (cosign.pub, or "openssl pkey -pubout -in key.pem"), and rotate the key if this text was published.`
      );
    }
    if (blocks[0]?.label === "CERTIFICATE") {
      throw new SealError(
        "bad-input",
        `${source}: holds a certificate, not a public key. Give the key it certifies ("openssl x509 -pubkey -noout -in cert.pem").`
      );
    }
    throw new SealError(
      "unrecognized",
      `${source}: holds a "${blocks[0]?.label ?? ""}" PEM block, not a public key. Give the "-----BEGIN PUBLIC KEY-----" text, such as cosign.pub.`
    );
  }
  let publicKey;
  try {
    publicKey = createPublicKey({
      key: bodyBytes(block, source),
      format: "der",
      type: block.label === "RSA PUBLIC KEY" ? "pkcs1" : "spki"
    });
  } catch (error2) {
    if (error2 instanceof SealError) throw error2;
    throw new SealError(
      "unrecognized",
      `${source}: the "${block.label}" block is not a public key this tool can read (damaged, or an unsupported type). Supported keys: ${SUPPORTED_KEYS}.`
    );
  }
  return material(publicKey, algorithmOf(publicKey, source));
}

// src/attestation/tuf-mirrors.ts
init_errors();
var TUF_MIRRORS_INPUT = "tuf-mirrors";
var PUBLIC_GOOD_TUF_MIRROR = "https://tuf-repo-cdn.sigstore.dev";
var GITHUB_TUF_MIRROR = "https://tuf-repo.github.com";
var DEFAULT_TUF_MIRRORS = [
  { url: PUBLIC_GOOD_TUF_MIRROR, rootFile: null },
  { url: GITHUB_TUF_MIRROR, rootFile: null }
];
var BUILT_IN_ROOTS = /* @__PURE__ */ new Set([PUBLIC_GOOD_TUF_MIRROR, GITHUB_TUF_MIRROR]);
var FORMAT2 = 'Write one repository a line: its URL, a space, and the path of its root.json, such as "https://tuf.example.com/sigstore sigstore-root.json".';

function checkTufRoot(file, what) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error2) {
    throw new SealError(
      "unreadable",
      `${what} cannot be read (${error2.code ?? String(error2)}). Give the path of the repository's root.json, relative to the workspace.`,
      { cause: error2 }
    );
  }
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    root = null;
  }
  if (root?.signed?._type !== "root" || !Array.isArray(root.signatures)) {
    throw new SealError(
      "unrecognized",
      `${what} is not a TUF root.json (a JSON document with "signatures" and a "signed" part of _type "root"). Give the root.json the repository publishes, such as its 1.root.json.`
    );
  }
}

// src/app/settings/signing-settings.ts
var SIGN_MODES = ["auto", "keyless", "key", "none"];




function requirementReason(settings, policyAsks) {
  const named2 = settings.named;
  if (named2.length > 0)
    return `${named2.join(", ")} ${named2.length === 1 ? "names" : "name"} a signer or what to trust`;
  if (policyAsks) return "the promotion policy's signed-by names a signer";
  return "--require-signature asks for one";
}


// src/app/settings/signed-by.ts
var import_yaml2 = __toESM(require_yaml());
init_errors();
var FIELD_OF = {
  [SignedByKey.Repository]: "repository",
  [SignedByKey.Workflow]: "workflow",
  [SignedByKey.Ref]: "ref",
  [SignedByKey.Issuer]: "issuer",
  [SignedByKey.Runner]: "githubHostedOnly",
  [SignedByKey.Key]: "key",
  [SignedByKey.TrustedRoot]: "trustedRoot",
  [SignedByKey.TufMirrors]: "tufMirrors"
};
var SIGNED_BY_NAMES = Object.fromEntries(
  Object.entries(FIELD_OF).map(([key, field]) => [field, `${SignerInput.SignedBy}.${key}`])
);
var EXAMPLE = 'such as "repository: acme/shop" and "workflow: .github/workflows/release.yml" on lines of their own, or "key: cosign.pub"';


function readMapping(text) {
  const plain3 = readPlainYaml(text);
  let value = plain3;
  if (plain3 === NOT_PLAIN) {
    const document = (0, import_yaml2.parseDocument)(text, { uniqueKeys: true });
    const error2 = document.errors[0];
    if (error2 !== void 0)
      throw new SealError(
        "bad-input",
        `${SignerInput.SignedBy}: not a YAML mapping (${error2.message.split("\n")[0]}). Write one key a line, ${EXAMPLE}.`
      );
    value = document.toJS();
  }
  if (!isRecord(value)) {
    throw new SealError(
      "bad-input",
      `${SignerInput.SignedBy}: ${quote(text.trim())} is not a mapping. Write one key a line, ${EXAMPLE}.`
    );
  }
  return value;
}

// src/actions/promote/settings.ts




var RECORD_ID = /^[1-9][0-9]{0,19}$/;

function confirmSettings(input, getInput2, env, workspace, confirm) {
  const promoting = [
    PromoteInput.ExpectedDigest,
    PromoteInput.From,
    PromoteInput.Wait,
    PromoteInput.SubjectPath,
    PromoteInput.Name,
    PromoteInput.Veto,
    PromoteInput.ApproveAmendment
  ].filter((name2) => input(name2) !== "");
  for (const flag of [PromoteInput.Rollback, PromoteInput.DigestOnly, PromoteInput.PushToRegistry])
    if (parseBooleanInput(flag, getInput2(flag), false)) promoting.push(flag);
  if (promoting.length > 0) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Confirm}: a step with a record id confirms that record and promotes nothing, so ${promoting.join(", ")} cannot be given with it. Confirm in a step of its own, with only confirm and the ledger inputs.`
    );
  }
  const { ledger, token } = readLedger(input, env, workspace);
  const name = input(PromoteInput.SubjectName);
  return {
    confirm,
    environment: input(PromoteInput.Environment),
    digest: "previous",
    from: null,
    waitMs: 0,
    source: null,
    sealListing: null,
    withoutBytes: { declared: false, missing: missingBytes(env) },
    policyFile: resolve(workspace, input(PromoteInput.Policy) || DEFAULT_POLICY_FILE),
    ledger,
    token,
    rollback: false,
    dryRun: false,
    veto: null,
    approveAmendment: null,
    name: name === "" ? null : name,
    signer: readSignedBy(getInput2, env, workspace),
    signing: readRecordSigning(getInput2, ledger, env),
    pushToRegistry: false,
    plainHttp: []
  };
}
var BYTES_INPUTS = [
  PromoteInput.SubjectPath,
  PromoteInput.Name,
  PromoteInput.ChecksumsPath,
  PromoteInput.RunId,
  PromoteInput.Repository,
  PromoteInput.DigestOnly
];



// src/actions/promote/run.ts
init_errors();

// src/actions/signer-output.ts
function signerOutput(signer) {
  if (signer === null) return "";
  if (signer.kind === "key") return JSON.stringify({ kind: "key", hint: signer.hint });
  const i = signer.identity;
  return JSON.stringify({
    kind: "certificate",
    identity: i.subjectAlternativeName,
    issuer: i.issuer ?? null,
    repository: i.repository ?? null,
    workflow: i.buildSignerUri ?? null,
    ref: i.sourceRepositoryRef ?? null,
    commit: i.sourceRepositoryDigest ?? null,
    runner: i.runnerEnvironment ?? null,
    run: i.runInvocationUri ?? null,
    signedAt: signer.signedAt
  });
}

// src/actions/promote/run.ts
init_signing();

// src/app/contract/approve-amendment.ts
init_errors();
async function approveAmendment(request, ledger, options) {
  const environmentInput = request.inputs.environment ?? "environment";
  if (request.policy !== void 0)
    requireEnvironment(
      request.policy,
      request.environment,
      environmentInput,
      ", so no promotion could ever use an approval there; nothing was recorded"
    );
  const known = await knownFromHistory(ledger, request.digest);
  if (request.to !== void 0) contradictedContract(request, request.to, known.contract ?? null);
  const to = request.to ?? request.sealedContract?.digest ?? known.contract?.digest ?? null;
  if (to === null) {
    throw new SealError(
      "bad-input",
      `${request.inputs.to}: no record of ${request.digest} names its contract, so the amendment to approve is unknown. Give ${request.inputs.to} (${request.inputs.toGives}), or promote it to an earlier environment first.`
    );
  }
  const name = request.name ?? known.name;
  const given = request.name ?? (known.service === void 0 ? null : known.service);
  const service = request.policy === void 0 ? given : serviceFor(request.policy, given, request.inputs.name);
  const recorded = await ledger.record(
    request.environment,
    async (view) => {
      const span = await view.live(request.environment, service);
      const live = span === null ? null : await contractOfLive(view, span);
      const from = request.from === void 0 ? live?.digest ?? null : request.from;
      if (from !== (live?.digest ?? null)) {
        throw new SealError(
          "bad-input",
          `${request.inputs.from}: ${request.environment} runs ${live === null ? "no contract" : `contract ${live.version} (${live.digest})`} now, not ${from ?? "none"}; an approval of another amendment would never be used. Leave ${request.inputs.from} out to approve the amendment from what it runs.`
        );
      }
      if (from === to) {
        throw new SealError(
          "bad-input",
          `${request.inputs.to}: ${request.environment} runs contract ${to} already; there is no amendment to approve.`
        );
      }
      const record = {
        digest: request.digest,
        name,
        environment: request.environment,
        service,
        outcome: "approved",
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: known.sealedBy,
        previousDigest: span?.digest ?? null,
        reason: request.reason,
        environmentUrl: null,
        artifact: known.artifact,
        resolves: null,
        key: randomUUID(),
        approves: { from, to }
      };
      return record;
    },
    options.pendingTimeoutMs
  );
  return recorded.entry;
}
function contradictedContract(request, to, recorded) {
  const known = [
    ["its seal bundle says it carries", request.sealedContract],
    ["the records that let it in say it carries", recorded]
  ];
  for (const [where, contract] of known) {
    if (contract == null || contract.digest === to) continue;
    throw new SealError(
      "bad-input",
      `${request.inputs.to}: ${to} is not the contract of ${request.digest}: ${where} contract ${quote(contract.version)} (${contract.digest}), so no promotion of it would make this amendment; nothing was recorded. Leave ${request.inputs.to} out to approve the amendment to the contract it carries, or give the digest of the build that carries ${to}.`
    );
  }
}

// src/actions/promote/run.ts
init_env();

// src/app/promote/request.ts
init_env();
init_errors();

// src/app/settings/signer-expectation.ts
init_env();


// src/app/signature/find-signature.ts
init_errors();



// src/app/signature/sources.ts


// src/core/modes.ts
init_errors();
var MODES_ANNOTATION = "artifact-seal.modes";


function parseModes(text, what) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SealError(
      "tampered",
      `${what} is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    );
  }
  const bad = (why) => new SealError(
    "tampered",
    `${what} is not a modes file a seal writes (${why}). Give the seal bundle as the seal wrote it.`
  );
  if (!isRecord(json)) throw bad("not an object");
  const { executable, links, ...rest } = json;
  if (Object.keys(rest).length > 0)
    throw bad(`unknown key ${quote(Object.keys(rest)[0])}`);
  if (!Array.isArray(executable) || !executable.every((p) => typeof p === "string"))
    throw bad('"executable" is not a list of paths');
  if (!isRecord(links)) throw bad('"links" is not an object');
  for (const p of [...executable, ...Object.keys(links)]) checkListingPath(p, what);
  for (const [link3, target] of Object.entries(links)) {
    if (typeof target !== "string" || linkTargetPath(link3, target) === null)
      throw bad(`the link ${quote(link3)} points outside the artifact`);
  }
  return { executable, links };
}
function linkTargetPath(link3, target) {
  if (target === "" || target.startsWith("/") || target.includes("\\") || target.includes("\0"))
    return null;
  const joined = posix.normalize(posix.join(posix.dirname(link3), target));
  return joined === ".." || joined.startsWith("../") || joined === "." ? null : joined;
}

function diffModes(sealed, found) {
  const describe3 = (modes, p, exec) => modes.links[p] !== void 0 ? `link to ${modes.links[p]}` : exec.has(p) ? "executable" : "not executable";
  const sealedExec = new Set(sealed.executable);
  const foundExec = new Set(found.executable);
  const paths = /* @__PURE__ */ new Set([
    ...sealed.executable,
    ...found.executable,
    ...Object.keys(sealed.links),
    ...Object.keys(found.links)
  ]);
  const out = [];
  for (const p of [...paths].sort(compareUtf8)) {
    const expected = describe3(sealed, p, sealedExec);
    const actual = describe3(found, p, foundExec);
    if (expected !== actual) out.push({ path: p, expected, actual });
  }
  return out;
}
function applyModes(root, paths, modes) {
  const exec = new Set(modes.executable);
  for (const rel of paths) {
    try {
      chmodSync(join(root, ...rel.split("/")), exec.has(rel) ? 493 : 420);
    } catch (error2) {
      if (error2.code !== "ENOENT") throw error2;
    }
  }
  const made = [];
  for (const link3 of Object.keys(modes.links).sort(
    (a, b) => a.split("/").length - b.split("/").length || compareUtf8(a, b)
  )) {
    if (made.some((m) => link3.startsWith(`${m}/`))) continue;
    const at = join(root, ...link3.split("/"));
    rmSync(at, { recursive: true, force: true });
    symlinkSync(modes.links[link3], at);
    made.push(link3);
  }
}
function modesAnnotation(statement) {
  const subjects = statement?.subject;
  if (!Array.isArray(subjects)) return null;
  for (const subject of subjects) {
    const claimed = subject?.annotations?.[MODES_ANNOTATION]?.digest;
    if (typeof claimed === "string") return claimed;
  }
  return null;
}
function pathsAndParents(paths) {
  const out = /* @__PURE__ */ new Set();
  for (const p of paths) {
    out.add(p);
    for (let slash = p.lastIndexOf("/"); slash > 0; slash = p.lastIndexOf("/", slash - 1)) {
      const dir = p.slice(0, slash);
      if (out.has(dir)) break;
      out.add(dir);
    }
  }
  return out;
}
function realOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

// src/app/verify/sealed-modes.ts
init_errors();
function sealedModesBeside(checksumsFile, what) {
  let statement = null;
  try {
    statement = readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why))?.json ?? null;
  } catch {
  }
  const claimed = modesAnnotation(statement);
  if (claimed === null) return null;
  const file = modesBeside(checksumsFile);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new SealError(
      "tampered",
      `${what}: the statement beside the listing records the files' modes, but ${quote(file)} is missing. The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  if (modesDigest(bytes) !== claimed) {
    throw new SealError(
      "tampered",
      `${what}: ${quote(file)} is not the modes file the statement records (${claimed}). The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  return parseModes(bytes.toString("utf8"), `${what}: ${quote(file)}`);
}

// src/app/verify/fetch-bytes.ts
init_errors();

// src/stores/evidence/cache-layout.ts
var CACHE_KEY_PREFIX = "artifact-seal-files-";
var CACHE_STAGING_DIR = "artifact-seal-cache-v3";
var CACHE_SEAL_DIR = "seal";
var CACHE_FILES_DIR = "files";
function cacheKeyOf(digest) {
  return `${CACHE_KEY_PREFIX}sha256-${hexOf(digest)}`;
}
function cacheStagingPath(env) {
  return join(env.RUNNER_TEMP || tmpdir(), CACHE_STAGING_DIR);
}
function cacheArchivePrefix(env) {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return relative(workspace, cacheStagingPath(env)).split(sep).join("/");
}

// src/app/verify/sealed-by.ts
init_errors();


// src/app/verify/fetch-bytes.ts
init_env();

// src/app/verify/verified-path.ts
init_errors();

// src/core/seal.ts
init_errors();

// src/core/hashing/hash-files.ts
init_errors();

// src/core/hashing/claim-loop.ts
var Control = {
  /** The next index no thread has claimed. */
  Next: 0,
  /** How many paths the walk has published so far. */
  Published: 1,
  /** 1 once the walk has published its last path. */
  WalkDone: 2,
  /** How many files have been hashed, by every thread together. */
  Completed: 3,
  /** 1 + the index of a file that could not be read; 0 while none failed. */
  Failed: 4
};
var CONTROL_SLOTS = 5;
var PROGRESS_STRIDE = 16;
function runClaimLoop(ctx) {
  const { fs, crypto, control, progress } = ctx;
  const NEXT = 0;
  const PUBLISHED = 1;
  const WALK_DONE = 2;
  const COMPLETED = 3;
  const FAILED = 4;
  const files = ctx.progressSlot * 16;
  const bytes = files + 1;
  const claimSize = 16;
  let pathText = Buffer.alloc(0);
  let pathEnds = new Uint32Array(0);
  let digests = new Uint8Array(0);
  let sizes = new Float64Array(0);
  let modes = new Uint16Array(0);
  let lines = new Uint8Array(0);
  const linePrefix = ctx.linePrefix;
  const lineShift = 64 + 2 + 1 - linePrefix;
  const viewUpTo = (claimEnd) => {
    if (claimEnd > pathEnds.length) {
      pathEnds = new Uint32Array(ctx.pathEnds, 0, ctx.pathEnds.byteLength / 4);
      digests = new Uint8Array(ctx.digests, 0, ctx.digests.byteLength);
      sizes = new Float64Array(ctx.sizes, 0, ctx.sizes.byteLength / 8);
      modes = new Uint16Array(ctx.modes, 0, ctx.modes.byteLength / 2);
    }
    const lastEnd = pathEnds[claimEnd - 1];
    if (lastEnd > pathText.length)
      pathText = Buffer.from(ctx.pathBytes, 0, ctx.pathBytes.byteLength);
    if (ctx.lines !== null && lastEnd + claimEnd * lineShift > lines.length)
      lines = new Uint8Array(ctx.lines, 0, ctx.lines.byteLength);
  };
  const hexDigits = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
  const writeLine = (index) => {
    const pathStart = index === 0 ? 0 : pathEnds[index - 1];
    const pathEnd = pathEnds[index];
    if (pathEnd - pathStart <= linePrefix) return;
    let at = pathStart + index * lineShift;
    for (let b = index * 32, end = b + 32; b < end; b++) {
      const byte = digests[b];
      lines[at++] = hexDigits[byte >> 4];
      lines[at++] = hexDigits[byte & 15];
    }
    lines[at++] = 32;
    lines[at++] = 32;
    for (let p = pathStart + linePrefix; p < pathEnd; p++) lines[at++] = pathText[p];
    lines[at] = 10;
  };
  const chunk = Buffer.allocUnsafe(1 << 20);
  const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const oneShot = typeof crypto.hash === "function";
  for (; ; ) {
    let index = -1;
    let claimEnd = -1;
    while (index < 0) {
      if (Atomics.load(control, FAILED) !== 0) return null;
      const published = Atomics.load(control, PUBLISHED);
      const next2 = Atomics.load(control, NEXT);
      if (next2 < published) {
        const end = Math.min(next2 + claimSize, published);
        if (Atomics.compareExchange(control, NEXT, next2, end) === next2) {
          index = next2;
          claimEnd = end;
        }
      } else if (Atomics.load(control, WALK_DONE) === 1 && next2 >= Atomics.load(control, PUBLISHED)) {
        return null;
      } else if (!ctx.waitForMore) {
        return null;
      } else {
        Atomics.wait(control, PUBLISHED, published, 50);
      }
    }
    viewUpTo(claimEnd);
    const claimStart = index;
    for (; index < claimEnd; index++) {
      const path = pathText.toString("utf8", index === 0 ? 0 : pathEnds[index - 1], pathEnds[index]);
      let fd = -1;
      try {
        fd = fs.openSync(path, openFlags);
        const stat2 = fs.fstatSync(fd);
        if (!stat2.isFile())
          throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
        modes[index] = stat2.mode & 4095;
        let filled = fs.readSync(fd, chunk, 0, chunk.length, null);
        if (filled < chunk.length) {
          const whole = chunk.subarray(0, filled);
          digests.set(
            oneShot ? crypto.hash("sha256", whole, "buffer") : crypto.createHash("sha256").update(whole).digest(),
            index * 32
          );
          sizes[index] = filled;
          progress[bytes] = progress[bytes] + filled;
        } else {
          const hash2 = crypto.createHash("sha256");
          let size = 0;
          do {
            hash2.update(chunk.subarray(0, filled));
            size += filled;
            progress[bytes] = progress[bytes] + filled;
          } while ((filled = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0);
          digests.set(hash2.digest(), index * 32);
          sizes[index] = size;
        }
        progress[files] = progress[files] + 1;
      } catch (error2) {
        Atomics.compareExchange(control, FAILED, 0, index + 1);
        Atomics.notify(control, COMPLETED);
        const e = error2;
        return { index, code: e.code ?? "EIO", message: e.message };
      } finally {
        if (fd >= 0) fs.closeSync(fd);
      }
      if (ctx.lines !== null) writeLine(index);
      ctx.onFileDone?.();
    }
    Atomics.add(control, COMPLETED, claimEnd - claimStart);
    Atomics.notify(control, COMPLETED);
  }
}

// builtin:node:fs/promises
var loaded3;
var builtin8 = () => loaded3 ??= __require("node:fs/promises");
function open2(...args) {
  return new.target === void 0 ? builtin8().open.apply(this, args) : Reflect.construct(builtin8().open, args);
}

// src/core/hashing/hash-large-file.ts
var CHUNK = 1 << 20;
var OPEN_FLAGS = constants2.O_RDONLY | (constants2.O_NONBLOCK ?? 0);
function notRegular() {
  return Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
}

async function hashLargeFile(path, onBytes, progressIntervalMs) {
  const handle = await open2(path, OPEN_FLAGS);
  try {
    const stat2 = await handle.stat();
    if (!stat2.isFile()) throw notRegular();
    const { mode } = stat2;
    const buffers = [
      Buffer.allocUnsafe(CHUNK),
      Buffer.allocUnsafe(CHUNK)
    ];
    const hash2 = createHash("sha256");
    let size = 0;
    let turn = 0;
    let pending = handle.read({ buffer: buffers[0], offset: 0, length: CHUNK, position: null });
    let lastReport = process.uptime() * 1e3;
    for (; ; ) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) break;
      turn = turn === 0 ? 1 : 0;
      pending = handle.read({ buffer: buffers[turn], offset: 0, length: CHUNK, position: null });
      hash2.update(bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead));
      size += bytesRead;
      const now = process.uptime() * 1e3;
      if (now - lastReport >= progressIntervalMs) {
        lastReport = now;
        onBytes(size);
      }
    }
    return { digest: hash2.digest(), size, mode };
  } finally {
    await handle.close();
  }
}

// src/core/hashing/hash-files.ts
init_vocabulary();
var LINE_EXTRA = 64 + 2 + 1;
var MAX_FILES = 1 << 22;
var MAX_PATH_BYTES = 1 << 30;
var WORKER_SOURCE2 = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const runClaimLoop = ${runClaimLoop.toString()}
parentPort.once('message', (work) => parentPort.postMessage(runClaimLoop({ ...work, fs, crypto })))
`;
function describeFailure(failure, path) {
  const reason = failure.code === "ENOENT" ? "it disappeared while being sealed. Make sure nothing else writes to the artifact during the seal." : failure.code === "EACCES" || failure.code === "EPERM" ? `permission denied. Make the file readable by ${words().reader}, or exclude it with a "!" pattern.` : failure.code === "EISDIR" ? "it is a directory, not a file." : failure.code === "ENOTREG" ? "it is no longer a regular file (a directory, a device, a FIFO or a socket, or a link to one, took its place after the walk). Make sure nothing else writes to the artifact during the seal." : `${failure.message}.`;
  return new SealError("unreadable", `Cannot read ${quote(path)}: ${reason}`);
}
var HashPool = class _HashPool {
  workers;
  closing = false;
  constructor(count) {
    const options = { eval: true, trackUnmanagedFds: false };
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE2, options));
  }
  /** Starts one worker per spare core (up to 3); none on a single core. */
  static start(count = Math.min(Math.max(0, availableParallelism() - 1), 3)) {
    return new _HashPool(count);
  }
  get size() {
    return this.workers.length;
  }
  /**
   * Hands the shared work to every worker; each promise settles when that worker stops,
   * and rejects only if it crashed (not when `close` stopped it).
   */
  run(work) {
    return this.workers.map((worker, i) => {
      const loop = new Promise((resolve2, reject) => {
        worker.once("message", resolve2);
        worker.once("error", reject);
        worker.once(
          "exit",
          (code2) => this.closing ? resolve2(null) : reject(new Error(`a hashing worker stopped with exit code ${code2}`))
        );
        worker.postMessage({ ...work, progressSlot: i + 1, waitForMore: true });
      });
      loop.catch(() => void 0);
      return loop;
    });
  }
  /** Stops the workers without waiting for them: their work is done or no longer wanted. */
  close() {
    this.closing = true;
    for (const worker of this.workers) {
      worker.unref();
      void worker.terminate();
    }
  }
};
function growable(bytes, maxBytes) {
  return new SharedArrayBuffer(bytes, { maxByteLength: maxBytes });
}
var HashQueue = class {
  constructor(pool, options = {}) {
    this.options = options;
    this.linePrefix = options.linePrefix ?? 0;
    this.lines = options.linePrefix === void 0 ? null : growable(
      this.pathText.length + this.capacity * LINE_EXTRA,
      MAX_PATH_BYTES + MAX_FILES * LINE_EXTRA
    );
    this.threadProgress = new Float64Array(
      new SharedArrayBuffer(((pool?.size ?? 0) + 1) * PROGRESS_STRIDE * 8)
    );
    this.workerLoops = pool ? pool.run(this.sharedWork()) : [];
  }
  options;
  count = 0;
  capacity = 1024;
  bytesUsed = 0;
  pathBytes = growable(64 * 1024, MAX_PATH_BYTES);
  // Views of a fixed length, made again as the buffers grow (see claim-loop.ts for why).
  pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength);
  pathEnds = growable(this.capacity * 4, MAX_FILES * 4);
  ends = new Uint32Array(this.pathEnds, 0, this.capacity);
  digests = growable(this.capacity * 32, MAX_FILES * 32);
  sizes = growable(this.capacity * 8, MAX_FILES * 8);
  modes = growable(this.capacity * 2, MAX_FILES * 2);
  // At least as long as the path bytes and the line extras of every file the queue can hold.
  lines;
  linePrefix;
  control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  threadProgress;
  workerLoops;
  sharedWork() {
    const { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control } = this;
    const progress = this.threadProgress;
    return { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control, progress };
  }
  add(path) {
    if (this.count === this.capacity) {
      if (this.capacity === MAX_FILES) {
        throw new SealError(
          "bad-input",
          `More than ${MAX_FILES.toLocaleString("en-US")} files to seal. Seal the artifact in parts, or as an archive.`
        );
      }
      this.capacity *= 2;
      this.pathEnds.grow(this.capacity * 4);
      this.ends = new Uint32Array(this.pathEnds, 0, this.capacity);
      this.digests.grow(this.capacity * 32);
      this.sizes.grow(this.capacity * 8);
      this.modes.grow(this.capacity * 2);
    }
    const room = path.length * 3;
    if (this.bytesUsed + room > this.pathText.length) {
      if (this.bytesUsed + room > MAX_PATH_BYTES)
        throw new SealError(
          "bad-input",
          `The paths to seal take more than ${MAX_PATH_BYTES / 2 ** 30} GiB. Seal the artifact in parts, or as an archive.`
        );
      this.pathBytes.grow(
        Math.min(MAX_PATH_BYTES, Math.max(this.pathText.length * 2, this.bytesUsed + room))
      );
      this.pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength);
    }
    this.growLines();
    this.bytesUsed += this.pathText.write(path, this.bytesUsed);
    this.ends[this.count++] = this.bytesUsed;
    if ((this.count & 63) === 0) this.publish();
  }
  growLines() {
    const needed = this.pathText.length + this.capacity * LINE_EXTRA;
    if (this.lines !== null && needed > this.lines.byteLength) this.lines.grow(needed);
  }
  publish() {
    Atomics.store(this.control, Control.Published, this.count);
    Atomics.notify(this.control, Control.Published);
  }
  /** Waits for every added file, the main thread hashing its share. */
  async finish() {
    this.publish();
    Atomics.store(this.control, Control.WalkDone, 1);
    Atomics.notify(this.control, Control.Published);
    const { onProgress, progressIntervalMs = 2e3 } = this.options;
    const report = onProgress ? () => onProgress(this.progress()) : void 0;
    const timer = report ? setInterval(report, Math.max(1, progressIntervalMs)) : void 0;
    try {
      let failure = null;
      if ((this.options.mainThreadHashes ?? true) || this.workerLoops.length === 0) {
        let lastReport = process.uptime() * 1e3;
        const onFileDone = report ? () => {
          const now = process.uptime() * 1e3;
          if (now - lastReport >= progressIntervalMs) {
            lastReport = now;
            report();
          }
        } : void 0;
        failure = runClaimLoop({
          ...this.sharedWork(),
          fs: node_fs_exports,
          crypto: node_crypto_exports,
          progressSlot: 0,
          waitForMore: false,
          ...onFileDone ? { onFileDone } : {}
        });
      }
      await this.allCompleted();
      if (Atomics.load(this.control, Control.Failed) !== 0) {
        failure ??= (await Promise.all(this.workerLoops)).find((f) => f !== null) ?? null;
        if (failure) throw describeFailure(failure, this.pathAt(failure.index));
      }
    } finally {
      clearInterval(timer);
    }
    return {
      digests: new Uint8Array(this.digests, 0, this.count * 32),
      sizes: new Float64Array(this.sizes, 0, this.count),
      modes: new Uint16Array(this.modes, 0, this.count),
      queued: {
        bytes: new Uint8Array(this.pathBytes, 0, this.bytesUsed),
        ends: new Uint32Array(this.pathEnds, 0, this.count)
      },
      ...this.lines === null ? {} : {
        lines: Buffer.from(
          new Uint8Array(
            this.lines,
            0,
            this.bytesUsed + this.count * (LINE_EXTRA - this.linePrefix)
          )
        )
      }
    };
  }
  async allCompleted() {
    const crashed = new Promise((_, reject) => {
      for (const loop of this.workerLoops) loop.catch(reject);
    });
    for (; ; ) {
      const completed = Atomics.load(this.control, Control.Completed);
      if (completed >= this.count || Atomics.load(this.control, Control.Failed) !== 0) return;
      await Promise.race([
        Atomics.waitAsync(this.control, Control.Completed, completed, 1e3).value,
        crashed
      ]);
    }
  }
  /** Files and bytes hashed so far, by every thread. */
  progress() {
    let filesDone = 0;
    let bytesDone = 0;
    for (let slot = 0; slot * PROGRESS_STRIDE < this.threadProgress.length; slot++) {
      filesDone += this.threadProgress[slot * PROGRESS_STRIDE];
      bytesDone += this.threadProgress[slot * PROGRESS_STRIDE + 1];
    }
    return { filesDone, bytesDone, filesTotal: this.count };
  }
  pathAt(index) {
    return this.pathText.toString("utf8", index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
};



// src/core/file-summary.ts


// src/core/subject/resolve-files.ts
var import_picomatch = __toESM(require_picomatch());
init_errors();
init_vocabulary();
var SECRET_FILE = /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..*)?|.*\.(pem|key|p12|pfx|jks|keystore))$/i;
function isLeftOutName(name, directory) {
  return name.startsWith(".") || !directory && mayBeSecret(name) && SECRET_FILE.test(name);
}
function mayBeSecret(name) {
  const last = name.charCodeAt(name.length - 1) | 32;
  return last === 109 || // m
  last === 121 || // y
  last === 50 || // 2
  last === 120 || // x
  last === 115 || // s
  last === 101 || // e
  (name.charCodeAt(0) | 32) === 105 && (name.charCodeAt(1) | 32) === 100 && name[2] === "_";
}
var MAY_BE_GLOB = /[*?[\]{}()!@+\\]/;
var scanGlob = (pattern) => MAY_BE_GLOB.test(pattern) ? import_picomatch.default.scan(pattern) : null;
var NOT_WALKED = ["node_modules", ".git"];



function byListingName(a, b) {
  const x = a.isDirectory() ? `${a.name}/` : a.name;
  const y = b.isDirectory() ? `${b.name}/` : b.name;
  return x < y ? -1 : x > y ? 1 : 0;
}



var GLOB = { dot: true, flags: "s" };
function globEnters(base, glob2) {
  const segments = splitSegments(glob2);
  if (segments === null) return () => true;
  const matchers = segments.map(
    (segment) => segment.includes("**") ? null : (0, import_picomatch.default)(segment, GLOB)
  );
  if (matchers[0] === null) return () => true;
  return (absDir) => {
    const rel = relative(base, absDir).split(sep);
    for (let i = 0; i < rel.length; i++) {
      if (i >= segments.length) return false;
      const matcher = matchers[i];
      if (matcher === null) return true;
      if (!matcher(rel[i])) return false;
    }
    return rel.length < segments.length;
  };
}
function splitSegments(glob2) {
  const segments = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < glob2.length; i++) {
    const c = glob2[i];
    if (c === "\\") {
      current += c + (glob2[++i] ?? "");
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if ((c === "}" || c === ")" || c === "]") && depth > 0) depth--;
    if (c === "/") {
      if (depth > 0) return null;
      segments.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments.filter((s) => s !== "");
}
function lossyNames(dir) {
  const lossy = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  for (const bytes of readdirSync(dir, { encoding: "buffer" })) {
    const name = bytes.toString("utf8");
    if (seen.has(name) || !Buffer.from(name).equals(bytes)) lossy.add(name);
    seen.add(name);
  }
  return lossy;
}


function readLinkText(p) {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

// src/core/seal.ts
function startHashPool(subject, workers) {
  return subject.kind === "paths" && !namesOneFile(subject) ? HashPool.start(workers) : null;
}


async function listDirectory(dir, inputName, options = {}) {
  const build = {
    kind: "local",
    build: { tool: "pkg:npm/artifact-seal", host: "", startedOn: "" }
  };
  const subject = {
    kind: "paths",
    patterns: { include: [dir], exclude: [] },
    baseDir: dir,
    root: dir,
    inputName
  };
  return (await sealSubject(subject, { ...options, fallbackName: "files", build })).listing;
}

function isIdentity(order) {
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false;
  return true;
}
var withSep = (dir) => dir.endsWith(sep) ? dir : dir + sep;

function readListingFile(file, inputName) {
  try {
    return readFileSync(file, "utf8");
  } catch (error2) {
    const e = error2;
    const why = e.code === "ENOENT" ? "it does not exist" : e.code === "EISDIR" ? "it is a directory" : e.code ?? e.message;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot read ${quote(file)}: ${why}. Give the path of a file in sha256sum format.`
    );
  }
}

// src/app/verify/verified-path.ts

function holdsExactly(root, listed, subject) {
  if (subject.kind === "paths" && subject.patterns.include.length === 1 && subject.patterns.exclude.length === 0 && subject.root === void 0) {
    const only = resolve(subject.baseDir, subject.patterns.include[0]);
    if (only === resolve(root)) return true;
  }
  let onDisk;
  try {
    onDisk = resolveFiles({
      patterns: { include: [root], exclude: [] },
      baseDir: root,
      root,
      inputName: "the verified directory"
    }).relativePaths;
  } catch {
    return false;
  }
  if (onDisk.length !== listed.length) return false;
  const wanted = new Set(listed);
  return onDisk.every((p) => wanted.has(p));
}
async function stageCopies(root, listed, expected, stagingParent, inputName, options) {
  const dir = join(
    stagingParent,
    `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString("hex")}`
  );
  try {
    copyListedFiles(root, listed, dir);
  } catch (error2) {
    removeQuietly2(dir);
    const e = error2;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot copy the verified files from ${quote(root)} to ${quote(dir)} (${e.code ?? e.message}). The directory holds files that were not verified, so only copies of the verified ones are handed out: make the runner's temp directory writable, or seal and verify a directory that holds only the artifact.`,
      { cause: e }
    );
  }
  const copy = await sealSubject(
    {
      kind: "paths",
      patterns: { include: [dir], exclude: [] },
      baseDir: dir,
      root: dir,
      inputName
    },
    { build: options.build, fallbackName: options.fallbackName }
  );
  if (copy.digest !== expected) {
    removeQuietly2(dir);
    throw new SealError(
      "conflict",
      `${inputName}: the files under ${quote(root)} changed while they were being verified: their copies are ${copy.digest}, not ${expected}. Nothing was handed out. Make sure no other step writes to them, then verify again.`
    );
  }
  return dir;
}

// src/app/verify/verify-artifact.ts
init_errors();

// src/core/kind.ts
init_errors();
function kindFromListing(entries, digest, source) {
  const kind = describesListing(entries, digest);
  return kind === null ? null : { kind, source, fileCount: kind === "tree" ? entries.length : 1 };
}
function kindFromStatement(statement, digest) {
  const subjects = statement?.subject;
  if (!Array.isArray(subjects)) return null;
  const hex = hexOf(digest);
  for (const subject of subjects) {
    const d = subject?.digest;
    if (d === null || typeof d !== "object") continue;
    const tree = d.dirHash ?? d.dirHash1;
    if (tree === hex) return "tree";
    if (d.sha256 === hex) return tree === void 0 ? "file" : null;
  }
  return null;
}
function agreeingKind(first, second, digest, inputName) {
  if (first === null || second === null || first.kind === second.kind) return first ?? second;
  throw new SealError(
    "tampered",
    `${inputName}: ${second.source} records ${digest} as ${describeKind(second)}, but ${first.source} records it as ${describeKind(first)}. A listing and a statement sealed together always agree: one of them was changed or comes from another seal. Give the seal bundle as the seal wrote it.`
  );
}
function isCanonicalListing(bytes) {
  if (bytes.length < 68 || !startsLikeListing(bytes)) return false;
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  try {
    return formatListing(parseListing(text, "the file")) === text;
  } catch {
    return false;
  }
}
var LINE_START = /^[0-9a-f]{64} {2}[^ ]/;



function refuseListingAsFile(file, inputName) {
  const listing = readListingFile2(file);
  if (listing === null) return;
  throw new SealError(
    "bad-input",
    `${inputName}: ${quote(file)} is a checksums listing of ${plural(listing.fileCount, "file")}. Sealed as one file, its digest would equal the digest of the tree it lists, and a later verify could not tell the file from the tree. Seal the directory it lists instead, or seal the listing together with other files (its directory), so the seal is a tree.`
  );
}
function describeKind(recorded) {
  return recorded.kind === "tree" ? `a tree${recorded.fileCount === null ? "" : ` of ${plural(recorded.fileCount, "file")}`}` : "one file";
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/app/verify/verify-artifact.ts



function readSealedListing(request) {
  const file = request.checksumsFile;
  const entries = readListing(
    file,
    (why) => new SealError(
      "unreadable",
      `${request.checksumsInput}: cannot read ${quote(file)} (${why}). Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the seal bundle).`
    )
  );
  const fromListing = kindFromListing(
    entries,
    request.expected,
    `${request.checksumsInput} ${quote(file)}`
  );
  if (fromListing === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return {
    entries,
    kind: agreeingKind(
      fromListing,
      recordedKindBeside(file, request),
      request.expected,
      request.checksumsInput
    )
  };
}
function recordedKindBeside(checksumsFile, request) {
  const read2 = readStatementBeside(
    checksumsFile,
    (why, file2) => new SealError(
      "unreadable",
      `${request.checksumsInput}: cannot read the statement ${quote(file2)} beside the listing (${why}). Make it readable, or move it away to verify by the listing alone.`
    )
  );
  if (read2 === null) return null;
  const file = read2.file;
  if (read2.notJson !== null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    );
  }
  const kind = kindFromStatement(read2.json, request.expected);
  if (kind === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing does not describe the ${request.expectedInput} ${request.expected}. The statement was changed after sealing or belongs to another seal: give the seal bundle as the seal wrote it.`
    );
  }
  return { kind, source: `the statement ${quote(file)}`, fileCount: null };
}

// src/app/verify/fetch-bytes.ts

async function downloadArtifact(name, runId, token, digest, context, repository = null) {
  const { WorkflowArtifactStore } = await import("../chunks/workflow-artifact-QBEC4JB7.js");
  const { downloadAndVerify } = await import("../chunks/download-and-verify-6J5635GG.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      {
        name,
        parent: context.downloadsDir,
        expected: digest,
        expectedInput: context.inputs.expected,
        nameInput: context.inputs.artifactName,
        ...runId !== null ? { runId, token, ...repository !== null ? { repository } : {} } : {}
      },
      { build: context.seal.build }
    );
  } catch (error2) {
    const { mismatches, actual } = isSealError(error2, "mismatch") ? error2.details : {};
    if (mismatches === void 0 || actual === void 0) throw error2;
    context.log(error2.message);
    return {
      verified: false,
      actual,
      mismatches,
      path: null,
      artifact: null,
      sealedBy: null,
      checksumsFile: null
    };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(
    `Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`
  );
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  });
  return {
    verified: true,
    actual: digest,
    mismatches: [],
    path: downloaded.path,
    artifact: uploadedBy === "" || repository !== null ? null : { name, runId: uploadedBy },
    sealedBy: sealed.sealedBy,
    name: sealed.name,
    checksumsFile: downloaded.artifact.checksumsPath
  };
}
async function restoreFromCache(digest, inputName, context) {
  const { restoreFromCache: restore } = await import("../chunks/cache-restore-B7ERUTYJ.js");
  const restored = await restore(digest, context.downloadsDir, {
    env: context.env,
    inputName,
    log: { info: context.log, warning: context.log }
  });
  if (restored.kind === "miss") return restored;
  if (restored.kind === "refused") return { kind: "unsafe" };
  const single = restored.digestKind === "file" ? join(restored.filesDir, ...restored.listing[0].path.split("/")) : null;
  let checked;
  try {
    const modes = sealedModesBeside(restored.listingFile, inputName);
    if (modes !== null)
      applyModes(
        restored.filesDir,
        restored.listing.map((e) => e.path),
        modes
      );
    checked = await verifyArtifact(
      {
        subject: {
          kind: "paths",
          patterns: { include: [single ?? restored.filesDir], exclude: [] },
          baseDir: restored.filesDir,
          ...single ? {} : { root: restored.filesDir },
          inputName
        },
        expected: digest,
        checksumsFile: restored.listingFile,
        checksumsInput: `the listing in ${cacheKeyOf(digest)}`,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
  } catch (error2) {
    removeQuietly2(restored.dir);
    if (!(error2 instanceof SealError)) throw error2;
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error2.message}`
    );
    return { kind: "refused", actual: null };
  }
  if (!checked.verified) {
    removeQuietly2(restored.dir);
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the cache was changed behind the key.`
    );
    return { kind: "refused", actual: checked.actual };
  }
  const handedOut = single ?? restored.filesDir;
  context.log(
    `Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${handedOut}`
  );
  const sealed = sealInfoBesideListing(restored.listingFile, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  });
  return {
    kind: "verified",
    check: {
      verified: true,
      actual: digest,
      mismatches: [],
      path: handedOut,
      artifact: null,
      sealedBy: sealed.sealedBy,
      name: sealed.name,
      checksumsFile: restored.listingFile
    }
  };
}

// src/app/promote/lazy-contract-sources.ts


// src/app/promote/request.ts

function sleepOnTimer(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
function imageGateOf(source, env, shared) {
  let registry = null;
  const open3 = shared ?? (async () => {
    const { imageRegistryFor } = await import("../chunks/image-bytes-4PDMS7QV.js");
    registry ??= imageRegistryFor(source, env);
    return registry;
  });
  return {
    check: async (digest, platforms, rollback) => {
      const { checkImageBytes } = await import("../chunks/image-bytes-4PDMS7QV.js");
      const checked = rollback && source.reference.digest === null ? { ...source, reference: withDigest(source.reference, digest) } : source;
      return checkImageBytes(checked, digest, await open3(), { platforms });
    },
    sources: async (base) => {
      const { imageSignatureSources } = await import("../chunks/image-bytes-4PDMS7QV.js");
      return imageSignatureSources(base, source, await open3());
    }
  };
}
var NO_IMAGE = {
  check: () => Promise.reject(new Error("unreachable: no image to check")),
  sources: (base) => Promise.resolve(base)
};

// src/actions/promote/run.ts




// core:promote/index-core
init_env();
init_errors();
init_vocabulary();
export {
  ANY_CONTROL as m11$ANY_CONTROL,
  CONTROL_CHARACTERS as m11$CONTROL_CHARACTERS,
  digestFromHex as m12$digestFromHex,
  hexOf as m12$hexOf,
  parseDigest as m12$parseDigest,
  sha256Digest as m12$sha256Digest,
  sha256Hex as m12$sha256Hex,
  shortDigest as m12$shortDigest,
  DEFAULT_API_URL as m13$DEFAULT_API_URL,
  DEFAULT_SERVER_URL as m13$DEFAULT_SERVER_URL,
  apiUrlOf as m13$apiUrlOf,
  serverUrlOf as m13$serverUrlOf,
  SealError as m14$SealError,
  exitCodeOf as m14$exitCodeOf,
  isSealError as m14$isSealError,
  messageOf as m14$messageOf,
  quote as m14$quote,
  stopsPromotion as m14$stopsPromotion,
  DOCKER_HUB as m15$DOCKER_HUB,
  DOCKER_HUB_HOST as m15$DOCKER_HUB_HOST,
  OCI_SCHEME as m15$OCI_SCHEME,
  digestReference as m15$digestReference,
  formatReference as m15$formatReference,
  isImageSubject as m15$isImageSubject,
  namesRegistry as m15$namesRegistry,
  parseImageReference as m15$parseImageReference,
  parseImageSubject as m15$parseImageSubject,
  parsePlainHttpRegistries as m15$parsePlainHttpRegistries,
  registryHost as m15$registryHost,
  sameRepository as m15$sameRepository,
  subjectName as m15$subjectName,
  withDigest as m15$withDigest,
  withTag as m15$withTag,
  isRecord as m16$isRecord,
  agreeingKind as m17$agreeingKind,
  checkSubjectKind as m17$checkSubjectKind,
  isCanonicalListing as m17$isCanonicalListing,
  kindFromListing as m17$kindFromListing,
  kindFromStatement as m17$kindFromStatement,
  readListingFile2 as m17$readListingFile,
  refuseListingAsFile as m17$refuseListingAsFile,
  checkListingPath as m18$checkListingPath,
  compareUtf8 as m18$compareUtf8,
  describesListing as m18$describesListing,
  diffListings as m18$diffListings,
  digestOfListing as m18$digestOfListing,
  formatListing as m18$formatListing,
  listingFromDigests as m18$listingFromDigests,
  listingFromPathBytes as m18$listingFromPathBytes,
  parseListing as m18$parseListing,
  sortEntries as m18$sortEntries,
  MODES_ANNOTATION as m19$MODES_ANNOTATION,
  applyModes as m19$applyModes,
  diffModes as m19$diffModes,
  formatModes as m19$formatModes,
  linkTargetPath as m19$linkTargetPath,
  modesAnnotation as m19$modesAnnotation,
  modesDigest as m19$modesDigest,
  parseModes as m19$parseModes,
  readModes as m19$readModes,
  run as m2$run,
  confirmationChanged as m20$confirmationChanged,
  needsLiveContract as m20$needsLiveContract,
  BREAKING_RULES as m21$BREAKING_RULES,
  DANGEROUS_RULES as m21$DANGEROUS_RULES,
  ROLLBACK_RULES as m21$ROLLBACK_RULES,
  declaresServices as m21$declaresServices,
  findEnvironment as m21$findEnvironment,
  pipelineOrder as m21$pipelineOrder,
  requireEnvironment as m21$requireEnvironment,
  serviceFor as m21$serviceFor,
  upstreamOf as m21$upstreamOf,
  DEFAULT_PENDING_TIMEOUT_MS as m22$DEFAULT_PENDING_TIMEOUT_MS,
  OBSERVING as m22$OBSERVING,
  OUTCOMES as m22$OUTCOMES,
  RESOLUTIONS as m22$RESOLUTIONS,
  confirmedOutcome as m22$confirmedOutcome,
  describeService as m22$describeService,
  isEarlier as m22$isEarlier,
  makesLive as m22$makesLive,
  serviceOf as m22$serviceOf,
  isCommit as m23$isCommit,
  isRepository as m23$isRepository,
  isRunUrl as m23$isRunUrl,
  repositoryOfUrl as m23$repositoryOfUrl,
  sealedByFromStatement as m23$sealedByFromStatement,
  subjectNameOf as m23$subjectNameOf,
  validSealedBy as m23$validSealedBy,
  listDirectory as m24$listDirectory,
  sealSubject as m24$sealSubject,
  startHashPool as m24$startHashPool,
  FULCIO_OIDS as m25$FULCIO_OIDS,
  FULCIO_OID_PREFIX as m25$FULCIO_OID_PREFIX,
  GITHUB_HOSTED as m25$GITHUB_HOSTED,
  checkIdentity as m25$checkIdentity,
  decodeDerUtf8String as m25$decodeDerUtf8String,
  decodeIdentity as m25$decodeIdentity,
  describeIdentityFailure as m25$describeIdentityFailure,
  parseWorkflowSetting as m25$parseWorkflowSetting,
  parseWorkflowUri as m25$parseWorkflowUri,
  repositoryOfUri as m25$repositoryOfUri,
  CURVES as m26$CURVES,
  GENERATE_HINT as m26$GENERATE_HINT,
  PRIVATE_LABELS as m26$PRIVATE_LABELS,
  PUBLIC_LABELS as m26$PUBLIC_LABELS,
  SUPPORTED_KEYS as m26$SUPPORTED_KEYS,
  algorithmOf as m26$algorithmOf,
  bodyBytes as m26$bodyBytes,
  keyHint as m26$keyHint,
  looksLikePem as m26$looksLikePem,
  material as m26$material,
  normalize2 as m26$normalize,
  notPem as m26$notPem,
  pemBlocks as m26$pemBlocks,
  readPublicKey as m26$readPublicKey,
  defaultIssuer as m27$defaultIssuer,
  identityPolicy as m27$identityPolicy,
  DIGEST_ONLY_ANNOTATION as m28$DIGEST_ONLY_ANNOTATION,
  GITHUB_WORKFLOW_BUILD_TYPE as m28$GITHUB_WORKFLOW_BUILD_TYPE,
  LOCAL_BUILD_TYPE as m28$LOCAL_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE as m28$SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE as m28$STATEMENT_TYPE,
  buildStatement as m28$buildStatement,
  commitUrl as m28$commitUrl,
  digestOnlySubject as m28$digestOnlySubject,
  runUrl as m28$runUrl,
  statementSubject as m28$statementSubject,
  workflowPath as m28$workflowPath,
  ACTION_VOCABULARY as m29$ACTION_VOCABULARY,
  capitalized as m29$capitalized,
  speakAs as m29$speakAs,
  words as m29$words,
  debug as m3$debug,
  endGroup as m3$endGroup,
  endStep as m3$endStep,
  error as m3$error,
  getInput as m3$getInput,
  getState as m3$getState,
  group as m3$group,
  info as m3$info,
  notice as m3$notice,
  runnerLog as m3$runnerLog,
  saveState as m3$saveState,
  setFailed as m3$setFailed,
  setOutput as m3$setOutput,
  startGroup as m3$startGroup,
  summary as m3$summary,
  warning as m3$warning,
  contractManifestBeside as m32$contractManifestBeside,
  hasBundleBeside as m32$hasBundleBeside,
  listingsIn as m32$listingsIn,
  readListing as m32$readListing,
  readSigstoreBundleBeside as m32$readSigstoreBundleBeside,
  readStatement as m32$readStatement,
  readStatementBeside as m32$readStatementBeside,
  readText as m32$readText,
  readTextIfAny as m32$readTextIfAny,
  whyUnreadable as m32$whyUnreadable,
  CACHE_FILES_DIR as m33$CACHE_FILES_DIR,
  CACHE_KEY_PREFIX as m33$CACHE_KEY_PREFIX,
  CACHE_SEAL_DIR as m33$CACHE_SEAL_DIR,
  CACHE_STAGING_DIR as m33$CACHE_STAGING_DIR,
  cacheArchivePrefix as m33$cacheArchivePrefix,
  cacheKeyOf as m33$cacheKeyOf,
  cacheStagingPath as m33$cacheStagingPath,
  copyListedFiles as m34$copyListedFiles,
  makeDirectories as m34$makeDirectories,
  privateDir as m34$privateDir,
  removeQuietly2 as m34$removeQuietly,
  writeNewFile as m34$writeNewFile,
  bundleBaseOf as m35$bundleBaseOf,
  bundleFileNames as m35$bundleFileNames,
  contractBeside as m35$contractBeside,
  fileSafeName as m35$fileSafeName,
  isBundleEntry as m35$isBundleEntry,
  modesBeside as m35$modesBeside,
  sigstoreBundleBeside as m35$sigstoreBundleBeside,
  statementBeside as m35$statementBeside,
  besideLedger as m36$besideLedger,
  readCheckpoint as m36$readCheckpoint,
  readRecordAttestation as m36$readRecordAttestation,
  writeRecordAttestation as m36$writeRecordAttestation,
  wrongEnvironment as m37$wrongEnvironment,
  decodeRecord as m38$decodeRecord,
  VERSION as m39$VERSION,
  findSignatures as m6$findSignatures,
  unsignedCheck as m6$unsignedCheck,
  sealedModesBeside as m7$sealedModesBeside,
  DEFAULT_TUF_MIRRORS as m8$DEFAULT_TUF_MIRRORS,
  GITHUB_TUF_MIRROR as m8$GITHUB_TUF_MIRROR,
  PUBLIC_GOOD_TUF_MIRROR as m8$PUBLIC_GOOD_TUF_MIRROR,
  TUF_MIRRORS_INPUT as m8$TUF_MIRRORS_INPUT,
  parseTufMirrors as m8$parseTufMirrors,
  SEVERITIES as m9$SEVERITIES,
  compareChanges as m9$compareChanges
};
