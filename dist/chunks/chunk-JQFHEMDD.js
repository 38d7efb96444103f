import {
  parseDuration
} from "./chunk-IUAYCHBO.js";
import {
  parseImageReference
} from "./chunk-AMHPJGHU.js";
import {
  SealError,
  quote
} from "./chunk-COPLKY7P.js";
import {
  init_loader,
  loader_exports
} from "./chunk-C3DYB3KA.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import {
  relative
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import {
  __commonJS,
  __toCommonJS,
  __toESM
} from "./chunk-ULEFO6FB.js";

// first-use:yaml
var require_yaml = __commonJS({
  "first-use:yaml"(exports, module) {
    "use strict";
    var { requireBeside } = (init_loader(), __toCommonJS(loader_exports));
    var loaded;
    var load = () => loaded ??= requireBeside("../chunks/yaml-ZHEZHUK6.cjs");
    var firstUse = {};
    for (const key of ["Composer", "Document", "Schema", "YAMLError", "YAMLParseError", "YAMLWarning", "Alias", "isAlias", "isCollection", "isDocument", "isMap", "isNode", "isPair", "isScalar", "isSeq", "Pair", "Scalar", "YAMLMap", "YAMLSeq", "CST", "Lexer", "LineCounter", "Parser", "parse", "parseAllDocuments", "parseDocument", "stringify", "visit", "visitAsync"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// src/core/promotion/policy-file.ts
var import_yaml = __toESM(require_yaml(), 1);

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

// src/core/observe/spec.ts
var DEFAULT_PROBE_TIMEOUT_MS = 1e4;
var DEFAULT_POINTER = "/digest";
var DRIFT_RULES = ["block", "warn"];
var DRIFT_SCHEMA = { type: "string", enum: [...DRIFT_RULES] };
var OBSERVE_KEYS = "service, url, pointer, command, files, checksums, contract-url, image, timeout";
function observeSpecsOf(raw) {
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
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        problems.push(`${at}.image ${error.message.replace(/^image: /, "")}`);
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
        `${at}.timeout ${JSON.stringify(e.timeout)} is not between 1ms and 10m. Give a duration such as 10s.`
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
}
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
function isOtherObserveForm(error, root) {
  if (!error.schemaPath.includes("/observe/anyOf")) return false;
  if (error.keyword === "anyOf" && /\/observe\/anyOf$/.test(error.schemaPath)) return true;
  const branch = /\/observe\/anyOf\/(\d)\//.exec(error.schemaPath)?.[1];
  const environment = /^\/environments\/([^/]*)\/observe/.exec(error.instancePath)?.[1];
  if (branch === void 0 || environment === void 0) return false;
  const envs = root.environments ?? {};
  const name = environment.replace(/~1/g, "/").replace(/~0/g, "~");
  const written = envs[name]?.observe;
  return branch === "1" !== Array.isArray(written);
}

// src/core/promotion/policy-validator.ts
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://artifact-seal.dev/schemas/promotion-policy.json", "title": "artifact-seal promotion policy", "type": "object", "additionalProperties": false, "required": ["environments"], "properties": { "service": { "type": "string", "pattern": "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$" }, "services": { "type": "array", "items": { "type": "string", "pattern": "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$" }, "uniqueItems": true, "minItems": 1 }, "environments": { "type": "object", "minProperties": 1, "propertyNames": { "pattern": "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, "additionalProperties": { "type": ["object", "null"], "additionalProperties": false, "properties": { "requires": { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, "uniqueItems": true }, "requires-any": { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, "uniqueItems": true, "minItems": 1 }, "soak": { "type": "string", "pattern": "^(0|([0-9]+(ms|s|m|h|d|w))+)$" }, "platforms": { "type": "array", "items": { "type": "string", "pattern": "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$" }, "uniqueItems": true, "minItems": 1 }, "image": { "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "tag": { "type": "string", "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" }, "copy-to": { "type": "string", "pattern": "^[A-Za-z0-9][^\\s@]{0,300}$" } } }, "url": { "type": "string", "pattern": "^https?://\\S+$" }, "signed-by": { "type": "object", "additionalProperties": false, "required": ["repository"], "properties": { "repository": { "type": "string", "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, "workflow": { "type": "string", "pattern": "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$" }, "ref": { "type": "string", "pattern": "^refs/\\S+$" }, "issuer": { "type": "string", "pattern": "^https://\\S+$" }, "runner": { "type": "string", "enum": ["github-hosted"] } } }, "contract": { "type": "object", "additionalProperties": false, "properties": { "breaking": { "type": "string", "enum": ["refuse", "require-major", "require-approval", "allow"] }, "dangerous": { "type": "string", "enum": ["warn", "refuse"] }, "rollback": { "type": "string", "enum": ["allow", "check"] } } }, "observe": { "anyOf": [{ "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "service": { "type": "string", "pattern": "\\S" }, "url": { "type": "string", "pattern": "^https?://\\S+$" }, "pointer": { "type": "string", "pattern": "^(/[^\\x00-\\x1f]*)?$" }, "command": { "type": "string", "pattern": "\\S" }, "files": { "type": "string", "pattern": "\\S" }, "checksums": { "type": "string", "pattern": "\\S" }, "contract-url": { "type": "string", "pattern": "^https?://\\S+$" }, "image": { "type": "string", "pattern": "\\S" }, "timeout": { "type": "string", "pattern": "^([0-9]+(ms|s|m))+$" } } }, { "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "service": { "type": "string", "pattern": "\\S" }, "url": { "type": "string", "pattern": "^https?://\\S+$" }, "pointer": { "type": "string", "pattern": "^(/[^\\x00-\\x1f]*)?$" }, "command": { "type": "string", "pattern": "\\S" }, "files": { "type": "string", "pattern": "\\S" }, "checksums": { "type": "string", "pattern": "\\S" }, "contract-url": { "type": "string", "pattern": "^https?://\\S+$" }, "image": { "type": "string", "pattern": "\\S" }, "timeout": { "type": "string", "pattern": "^([0-9]+(ms|s|m))+$" } } } }] }, "drift": { "type": "string", "enum": ["block", "warn"] } } } } } };
var pattern0 = new RegExp("^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$", "u");
var pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$", "u");
var pattern5 = new RegExp("^(0|([0-9]+(ms|s|m|h|d|w))+)$", "u");
var pattern6 = new RegExp("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$", "u");
var pattern7 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", "u");
var pattern8 = new RegExp("^[A-Za-z0-9][^\\s@]{0,300}$", "u");
var pattern9 = new RegExp("^https?://\\S+$", "u");
var pattern10 = new RegExp("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", "u");
var pattern11 = new RegExp("^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$", "u");
var pattern12 = new RegExp("^refs/\\S+$", "u");
var pattern13 = new RegExp("^https://\\S+$", "u");
var pattern14 = new RegExp("\\S", "u");
var pattern16 = new RegExp("^(/[^\\x00-\\x1f]*)?$", "u");
var pattern22 = new RegExp("^([0-9]+(ms|s|m))+$", "u");
var func2 = Object.prototype.hasOwnProperty;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.environments === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environments" }, message: "must have required property 'environments'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "service" || key0 === "services" || key0 === "environments")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.service !== void 0) {
      let data0 = data.service;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err2 = { instancePath: instancePath + "/service", schemaPath: "#/properties/service/pattern", keyword: "pattern", params: { pattern: "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$" }, message: 'must match pattern "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$"' };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/service", schemaPath: "#/properties/service/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.services !== void 0) {
      let data1 = data.services;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err4 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (!pattern0.test(data2)) {
              const err5 = { instancePath: instancePath + "/services/" + i0, schemaPath: "#/properties/services/items/pattern", keyword: "pattern", params: { pattern: "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$" }, message: 'must match pattern "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$"' };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/services/" + i0, schemaPath: "#/properties/services/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        let i1 = data1.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data1[i1];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err7 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data3 = data.environments;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (Object.keys(data3).length < 1) {
          const err9 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        for (const key1 in data3) {
          const _errs10 = errors;
          if (typeof key1 === "string") {
            if (!pattern2.test(key1)) {
              const err10 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$"', propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          }
          var valid4 = _errs10 === errors;
          if (!valid4) {
            const err11 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        for (const key2 in data3) {
          let data4 = data3[key2];
          if (!(data4 && typeof data4 == "object" && !Array.isArray(data4)) && data4 !== null) {
            const err12 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/additionalProperties/type", keyword: "type", params: { type: schema11.properties.environments.additionalProperties.type }, message: "must be object,null" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            for (const key3 in data4) {
              if (!func2.call(schema11.properties.environments.additionalProperties.properties, key3)) {
                const err13 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
            if (data4.requires !== void 0) {
              let data5 = data4.requires;
              if (Array.isArray(data5)) {
                const len1 = data5.length;
                for (let i2 = 0; i2 < len1; i2++) {
                  let data6 = data5[i2];
                  if (typeof data6 === "string") {
                    if (!pattern2.test(data6)) {
                      const err14 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires/" + i2, schemaPath: "#/properties/environments/additionalProperties/properties/requires/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$"' };
                      if (vErrors === null) {
                        vErrors = [err14];
                      } else {
                        vErrors.push(err14);
                      }
                      errors++;
                    }
                  } else {
                    const err15 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires/" + i2, schemaPath: "#/properties/environments/additionalProperties/properties/requires/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err15];
                    } else {
                      vErrors.push(err15);
                    }
                    errors++;
                  }
                }
                let i3 = data5.length;
                let j1;
                if (i3 > 1) {
                  const indices1 = {};
                  for (; i3--; ) {
                    let item1 = data5[i3];
                    if (typeof item1 !== "string") {
                      continue;
                    }
                    if (typeof indices1[item1] == "number") {
                      j1 = indices1[item1];
                      const err16 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires", schemaPath: "#/properties/environments/additionalProperties/properties/requires/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)" };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                      break;
                    }
                    indices1[item1] = i3;
                  }
                }
              } else {
                const err17 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires", schemaPath: "#/properties/environments/additionalProperties/properties/requires/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data4["requires-any"] !== void 0) {
              let data7 = data4["requires-any"];
              if (Array.isArray(data7)) {
                if (data7.length < 1) {
                  const err18 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires-any", schemaPath: "#/properties/environments/additionalProperties/properties/requires-any/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
                const len2 = data7.length;
                for (let i4 = 0; i4 < len2; i4++) {
                  let data8 = data7[i4];
                  if (typeof data8 === "string") {
                    if (!pattern2.test(data8)) {
                      const err19 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires-any/" + i4, schemaPath: "#/properties/environments/additionalProperties/properties/requires-any/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$"' };
                      if (vErrors === null) {
                        vErrors = [err19];
                      } else {
                        vErrors.push(err19);
                      }
                      errors++;
                    }
                  } else {
                    const err20 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires-any/" + i4, schemaPath: "#/properties/environments/additionalProperties/properties/requires-any/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err20];
                    } else {
                      vErrors.push(err20);
                    }
                    errors++;
                  }
                }
                let i5 = data7.length;
                let j2;
                if (i5 > 1) {
                  const indices2 = {};
                  for (; i5--; ) {
                    let item2 = data7[i5];
                    if (typeof item2 !== "string") {
                      continue;
                    }
                    if (typeof indices2[item2] == "number") {
                      j2 = indices2[item2];
                      const err21 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires-any", schemaPath: "#/properties/environments/additionalProperties/properties/requires-any/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i5 + " are identical)" };
                      if (vErrors === null) {
                        vErrors = [err21];
                      } else {
                        vErrors.push(err21);
                      }
                      errors++;
                      break;
                    }
                    indices2[item2] = i5;
                  }
                }
              } else {
                const err22 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/requires-any", schemaPath: "#/properties/environments/additionalProperties/properties/requires-any/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data4.soak !== void 0) {
              let data9 = data4.soak;
              if (typeof data9 === "string") {
                if (!pattern5.test(data9)) {
                  const err23 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/soak", schemaPath: "#/properties/environments/additionalProperties/properties/soak/pattern", keyword: "pattern", params: { pattern: "^(0|([0-9]+(ms|s|m|h|d|w))+)$" }, message: 'must match pattern "^(0|([0-9]+(ms|s|m|h|d|w))+)$"' };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/soak", schemaPath: "#/properties/environments/additionalProperties/properties/soak/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            if (data4.platforms !== void 0) {
              let data10 = data4.platforms;
              if (Array.isArray(data10)) {
                if (data10.length < 1) {
                  const err25 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platforms", schemaPath: "#/properties/environments/additionalProperties/properties/platforms/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
                const len3 = data10.length;
                for (let i6 = 0; i6 < len3; i6++) {
                  let data11 = data10[i6];
                  if (typeof data11 === "string") {
                    if (!pattern6.test(data11)) {
                      const err26 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platforms/" + i6, schemaPath: "#/properties/environments/additionalProperties/properties/platforms/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$" }, message: 'must match pattern "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"' };
                      if (vErrors === null) {
                        vErrors = [err26];
                      } else {
                        vErrors.push(err26);
                      }
                      errors++;
                    }
                  } else {
                    const err27 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platforms/" + i6, schemaPath: "#/properties/environments/additionalProperties/properties/platforms/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err27];
                    } else {
                      vErrors.push(err27);
                    }
                    errors++;
                  }
                }
                let i7 = data10.length;
                let j3;
                if (i7 > 1) {
                  const indices3 = {};
                  for (; i7--; ) {
                    let item3 = data10[i7];
                    if (typeof item3 !== "string") {
                      continue;
                    }
                    if (typeof indices3[item3] == "number") {
                      j3 = indices3[item3];
                      const err28 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platforms", schemaPath: "#/properties/environments/additionalProperties/properties/platforms/uniqueItems", keyword: "uniqueItems", params: { i: i7, j: j3 }, message: "must NOT have duplicate items (items ## " + j3 + " and " + i7 + " are identical)" };
                      if (vErrors === null) {
                        vErrors = [err28];
                      } else {
                        vErrors.push(err28);
                      }
                      errors++;
                      break;
                    }
                    indices3[item3] = i7;
                  }
                }
              } else {
                const err29 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platforms", schemaPath: "#/properties/environments/additionalProperties/properties/platforms/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data4.image !== void 0) {
              let data12 = data4.image;
              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                if (Object.keys(data12).length < 1) {
                  const err30 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image", schemaPath: "#/properties/environments/additionalProperties/properties/image/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
                for (const key4 in data12) {
                  if (!(key4 === "tag" || key4 === "copy-to")) {
                    const err31 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image", schemaPath: "#/properties/environments/additionalProperties/properties/image/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
                if (data12.tag !== void 0) {
                  let data13 = data12.tag;
                  if (typeof data13 === "string") {
                    if (!pattern7.test(data13)) {
                      const err32 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image/tag", schemaPath: "#/properties/environments/additionalProperties/properties/image/properties/tag/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" }, message: 'must match pattern "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"' };
                      if (vErrors === null) {
                        vErrors = [err32];
                      } else {
                        vErrors.push(err32);
                      }
                      errors++;
                    }
                  } else {
                    const err33 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image/tag", schemaPath: "#/properties/environments/additionalProperties/properties/image/properties/tag/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
                if (data12["copy-to"] !== void 0) {
                  let data14 = data12["copy-to"];
                  if (typeof data14 === "string") {
                    if (!pattern8.test(data14)) {
                      const err34 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image/copy-to", schemaPath: "#/properties/environments/additionalProperties/properties/image/properties/copy-to/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][^\\s@]{0,300}$" }, message: 'must match pattern "^[A-Za-z0-9][^\\s@]{0,300}$"' };
                      if (vErrors === null) {
                        vErrors = [err34];
                      } else {
                        vErrors.push(err34);
                      }
                      errors++;
                    }
                  } else {
                    const err35 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image/copy-to", schemaPath: "#/properties/environments/additionalProperties/properties/image/properties/copy-to/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                }
              } else {
                const err36 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/image", schemaPath: "#/properties/environments/additionalProperties/properties/image/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
            if (data4.url !== void 0) {
              let data15 = data4.url;
              if (typeof data15 === "string") {
                if (!pattern9.test(data15)) {
                  const err37 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/environments/additionalProperties/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"' };
                  if (vErrors === null) {
                    vErrors = [err37];
                  } else {
                    vErrors.push(err37);
                  }
                  errors++;
                }
              } else {
                const err38 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/environments/additionalProperties/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
            if (data4["signed-by"] !== void 0) {
              let data16 = data4["signed-by"];
              if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                if (data16.repository === void 0) {
                  const err39 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/required", keyword: "required", params: { missingProperty: "repository" }, message: "must have required property 'repository'" };
                  if (vErrors === null) {
                    vErrors = [err39];
                  } else {
                    vErrors.push(err39);
                  }
                  errors++;
                }
                for (const key5 in data16) {
                  if (!(key5 === "repository" || key5 === "workflow" || key5 === "ref" || key5 === "issuer" || key5 === "runner")) {
                    const err40 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err40];
                    } else {
                      vErrors.push(err40);
                    }
                    errors++;
                  }
                }
                if (data16.repository !== void 0) {
                  let data17 = data16.repository;
                  if (typeof data17 === "string") {
                    if (!pattern10.test(data17)) {
                      const err41 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/repository", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/repository/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, message: 'must match pattern "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"' };
                      if (vErrors === null) {
                        vErrors = [err41];
                      } else {
                        vErrors.push(err41);
                      }
                      errors++;
                    }
                  } else {
                    const err42 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/repository", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
                if (data16.workflow !== void 0) {
                  let data18 = data16.workflow;
                  if (typeof data18 === "string") {
                    if (!pattern11.test(data18)) {
                      const err43 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/workflow", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/workflow/pattern", keyword: "pattern", params: { pattern: "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$" }, message: 'must match pattern "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$"' };
                      if (vErrors === null) {
                        vErrors = [err43];
                      } else {
                        vErrors.push(err43);
                      }
                      errors++;
                    }
                  } else {
                    const err44 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/workflow", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err44];
                    } else {
                      vErrors.push(err44);
                    }
                    errors++;
                  }
                }
                if (data16.ref !== void 0) {
                  let data19 = data16.ref;
                  if (typeof data19 === "string") {
                    if (!pattern12.test(data19)) {
                      const err45 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/ref", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/ref/pattern", keyword: "pattern", params: { pattern: "^refs/\\S+$" }, message: 'must match pattern "^refs/\\S+$"' };
                      if (vErrors === null) {
                        vErrors = [err45];
                      } else {
                        vErrors.push(err45);
                      }
                      errors++;
                    }
                  } else {
                    const err46 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/ref", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
                if (data16.issuer !== void 0) {
                  let data20 = data16.issuer;
                  if (typeof data20 === "string") {
                    if (!pattern13.test(data20)) {
                      const err47 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/issuer", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/issuer/pattern", keyword: "pattern", params: { pattern: "^https://\\S+$" }, message: 'must match pattern "^https://\\S+$"' };
                      if (vErrors === null) {
                        vErrors = [err47];
                      } else {
                        vErrors.push(err47);
                      }
                      errors++;
                    }
                  } else {
                    const err48 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/issuer", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err48];
                    } else {
                      vErrors.push(err48);
                    }
                    errors++;
                  }
                }
                if (data16.runner !== void 0) {
                  let data21 = data16.runner;
                  if (typeof data21 !== "string") {
                    const err49 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/runner", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/runner/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err49];
                    } else {
                      vErrors.push(err49);
                    }
                    errors++;
                  }
                  if (!(data21 === "github-hosted")) {
                    const err50 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/runner", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/runner/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties["signed-by"].properties.runner.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err50];
                    } else {
                      vErrors.push(err50);
                    }
                    errors++;
                  }
                }
              } else {
                const err51 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
            if (data4.contract !== void 0) {
              let data22 = data4.contract;
              if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                for (const key6 in data22) {
                  if (!(key6 === "breaking" || key6 === "dangerous" || key6 === "rollback")) {
                    const err52 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract", schemaPath: "#/properties/environments/additionalProperties/properties/contract/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err52];
                    } else {
                      vErrors.push(err52);
                    }
                    errors++;
                  }
                }
                if (data22.breaking !== void 0) {
                  let data23 = data22.breaking;
                  if (typeof data23 !== "string") {
                    const err53 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/breaking", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/breaking/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err53];
                    } else {
                      vErrors.push(err53);
                    }
                    errors++;
                  }
                  if (!(data23 === "refuse" || data23 === "require-major" || data23 === "require-approval" || data23 === "allow")) {
                    const err54 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/breaking", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/breaking/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.contract.properties.breaking.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err54];
                    } else {
                      vErrors.push(err54);
                    }
                    errors++;
                  }
                }
                if (data22.dangerous !== void 0) {
                  let data24 = data22.dangerous;
                  if (typeof data24 !== "string") {
                    const err55 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/dangerous", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/dangerous/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err55];
                    } else {
                      vErrors.push(err55);
                    }
                    errors++;
                  }
                  if (!(data24 === "warn" || data24 === "refuse")) {
                    const err56 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/dangerous", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/dangerous/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.contract.properties.dangerous.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err56];
                    } else {
                      vErrors.push(err56);
                    }
                    errors++;
                  }
                }
                if (data22.rollback !== void 0) {
                  let data25 = data22.rollback;
                  if (typeof data25 !== "string") {
                    const err57 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/rollback", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/rollback/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err57];
                    } else {
                      vErrors.push(err57);
                    }
                    errors++;
                  }
                  if (!(data25 === "allow" || data25 === "check")) {
                    const err58 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/rollback", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/rollback/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.contract.properties.rollback.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err58];
                    } else {
                      vErrors.push(err58);
                    }
                    errors++;
                  }
                }
              } else {
                const err59 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract", schemaPath: "#/properties/environments/additionalProperties/properties/contract/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data4.observe !== void 0) {
              let data26 = data4.observe;
              const _errs61 = errors;
              let valid19 = false;
              const _errs62 = errors;
              if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                if (Object.keys(data26).length < 1) {
                  const err60 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                  if (vErrors === null) {
                    vErrors = [err60];
                  } else {
                    vErrors.push(err60);
                  }
                  errors++;
                }
                for (const key7 in data26) {
                  if (!func2.call(schema11.properties.environments.additionalProperties.properties.observe.anyOf[0].properties, key7)) {
                    const err61 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err61];
                    } else {
                      vErrors.push(err61);
                    }
                    errors++;
                  }
                }
                if (data26.service !== void 0) {
                  let data27 = data26.service;
                  if (typeof data27 === "string") {
                    if (!pattern14.test(data27)) {
                      const err62 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/service", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/service/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                      if (vErrors === null) {
                        vErrors = [err62];
                      } else {
                        vErrors.push(err62);
                      }
                      errors++;
                    }
                  } else {
                    const err63 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/service", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/service/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err63];
                    } else {
                      vErrors.push(err63);
                    }
                    errors++;
                  }
                }
                if (data26.url !== void 0) {
                  let data28 = data26.url;
                  if (typeof data28 === "string") {
                    if (!pattern9.test(data28)) {
                      const err64 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"' };
                      if (vErrors === null) {
                        vErrors = [err64];
                      } else {
                        vErrors.push(err64);
                      }
                      errors++;
                    }
                  } else {
                    const err65 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err65];
                    } else {
                      vErrors.push(err65);
                    }
                    errors++;
                  }
                }
                if (data26.pointer !== void 0) {
                  let data29 = data26.pointer;
                  if (typeof data29 === "string") {
                    if (!pattern16.test(data29)) {
                      const err66 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/pointer", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/pointer/pattern", keyword: "pattern", params: { pattern: "^(/[^\\x00-\\x1f]*)?$" }, message: 'must match pattern "^(/[^\\x00-\\x1f]*)?$"' };
                      if (vErrors === null) {
                        vErrors = [err66];
                      } else {
                        vErrors.push(err66);
                      }
                      errors++;
                    }
                  } else {
                    const err67 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/pointer", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/pointer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err67];
                    } else {
                      vErrors.push(err67);
                    }
                    errors++;
                  }
                }
                if (data26.command !== void 0) {
                  let data30 = data26.command;
                  if (typeof data30 === "string") {
                    if (!pattern14.test(data30)) {
                      const err68 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/command", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/command/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                      if (vErrors === null) {
                        vErrors = [err68];
                      } else {
                        vErrors.push(err68);
                      }
                      errors++;
                    }
                  } else {
                    const err69 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/command", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err69];
                    } else {
                      vErrors.push(err69);
                    }
                    errors++;
                  }
                }
                if (data26.files !== void 0) {
                  let data31 = data26.files;
                  if (typeof data31 === "string") {
                    if (!pattern14.test(data31)) {
                      const err70 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/files", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/files/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                      if (vErrors === null) {
                        vErrors = [err70];
                      } else {
                        vErrors.push(err70);
                      }
                      errors++;
                    }
                  } else {
                    const err71 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/files", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/files/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err71];
                    } else {
                      vErrors.push(err71);
                    }
                    errors++;
                  }
                }
                if (data26.checksums !== void 0) {
                  let data32 = data26.checksums;
                  if (typeof data32 === "string") {
                    if (!pattern14.test(data32)) {
                      const err72 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/checksums", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/checksums/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                      if (vErrors === null) {
                        vErrors = [err72];
                      } else {
                        vErrors.push(err72);
                      }
                      errors++;
                    }
                  } else {
                    const err73 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/checksums", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/checksums/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err73];
                    } else {
                      vErrors.push(err73);
                    }
                    errors++;
                  }
                }
                if (data26["contract-url"] !== void 0) {
                  let data33 = data26["contract-url"];
                  if (typeof data33 === "string") {
                    if (!pattern9.test(data33)) {
                      const err74 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/contract-url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/contract-url/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"' };
                      if (vErrors === null) {
                        vErrors = [err74];
                      } else {
                        vErrors.push(err74);
                      }
                      errors++;
                    }
                  } else {
                    const err75 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/contract-url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/contract-url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err75];
                    } else {
                      vErrors.push(err75);
                    }
                    errors++;
                  }
                }
                if (data26.image !== void 0) {
                  let data34 = data26.image;
                  if (typeof data34 === "string") {
                    if (!pattern14.test(data34)) {
                      const err76 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/image", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/image/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  } else {
                    const err77 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/image", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
                if (data26.timeout !== void 0) {
                  let data35 = data26.timeout;
                  if (typeof data35 === "string") {
                    if (!pattern22.test(data35)) {
                      const err78 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/timeout", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/timeout/pattern", keyword: "pattern", params: { pattern: "^([0-9]+(ms|s|m))+$" }, message: 'must match pattern "^([0-9]+(ms|s|m))+$"' };
                      if (vErrors === null) {
                        vErrors = [err78];
                      } else {
                        vErrors.push(err78);
                      }
                      errors++;
                    }
                  } else {
                    const err79 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/timeout", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/properties/timeout/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err79];
                    } else {
                      vErrors.push(err79);
                    }
                    errors++;
                  }
                }
              } else {
                const err80 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err80];
                } else {
                  vErrors.push(err80);
                }
                errors++;
              }
              var _valid0 = _errs62 === errors;
              valid19 = valid19 || _valid0;
              if (!valid19) {
                const _errs83 = errors;
                if (Array.isArray(data26)) {
                  if (data26.length < 1) {
                    const err81 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                    if (vErrors === null) {
                      vErrors = [err81];
                    } else {
                      vErrors.push(err81);
                    }
                    errors++;
                  }
                  const len4 = data26.length;
                  for (let i8 = 0; i8 < len4; i8++) {
                    let data36 = data26[i8];
                    if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
                      if (Object.keys(data36).length < 1) {
                        const err82 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8, schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                        if (vErrors === null) {
                          vErrors = [err82];
                        } else {
                          vErrors.push(err82);
                        }
                        errors++;
                      }
                      for (const key8 in data36) {
                        if (!func2.call(schema11.properties.environments.additionalProperties.properties.observe.anyOf[1].items.properties, key8)) {
                          const err83 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8, schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err83];
                          } else {
                            vErrors.push(err83);
                          }
                          errors++;
                        }
                      }
                      if (data36.service !== void 0) {
                        let data37 = data36.service;
                        if (typeof data37 === "string") {
                          if (!pattern14.test(data37)) {
                            const err84 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/service", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/service/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                            if (vErrors === null) {
                              vErrors = [err84];
                            } else {
                              vErrors.push(err84);
                            }
                            errors++;
                          }
                        } else {
                          const err85 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/service", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/service/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err85];
                          } else {
                            vErrors.push(err85);
                          }
                          errors++;
                        }
                      }
                      if (data36.url !== void 0) {
                        let data38 = data36.url;
                        if (typeof data38 === "string") {
                          if (!pattern9.test(data38)) {
                            const err86 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"' };
                            if (vErrors === null) {
                              vErrors = [err86];
                            } else {
                              vErrors.push(err86);
                            }
                            errors++;
                          }
                        } else {
                          const err87 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err87];
                          } else {
                            vErrors.push(err87);
                          }
                          errors++;
                        }
                      }
                      if (data36.pointer !== void 0) {
                        let data39 = data36.pointer;
                        if (typeof data39 === "string") {
                          if (!pattern16.test(data39)) {
                            const err88 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/pointer", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/pointer/pattern", keyword: "pattern", params: { pattern: "^(/[^\\x00-\\x1f]*)?$" }, message: 'must match pattern "^(/[^\\x00-\\x1f]*)?$"' };
                            if (vErrors === null) {
                              vErrors = [err88];
                            } else {
                              vErrors.push(err88);
                            }
                            errors++;
                          }
                        } else {
                          const err89 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/pointer", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/pointer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err89];
                          } else {
                            vErrors.push(err89);
                          }
                          errors++;
                        }
                      }
                      if (data36.command !== void 0) {
                        let data40 = data36.command;
                        if (typeof data40 === "string") {
                          if (!pattern14.test(data40)) {
                            const err90 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/command", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/command/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                            if (vErrors === null) {
                              vErrors = [err90];
                            } else {
                              vErrors.push(err90);
                            }
                            errors++;
                          }
                        } else {
                          const err91 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/command", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err91];
                          } else {
                            vErrors.push(err91);
                          }
                          errors++;
                        }
                      }
                      if (data36.files !== void 0) {
                        let data41 = data36.files;
                        if (typeof data41 === "string") {
                          if (!pattern14.test(data41)) {
                            const err92 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/files", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/files/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                            if (vErrors === null) {
                              vErrors = [err92];
                            } else {
                              vErrors.push(err92);
                            }
                            errors++;
                          }
                        } else {
                          const err93 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/files", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/files/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err93];
                          } else {
                            vErrors.push(err93);
                          }
                          errors++;
                        }
                      }
                      if (data36.checksums !== void 0) {
                        let data42 = data36.checksums;
                        if (typeof data42 === "string") {
                          if (!pattern14.test(data42)) {
                            const err94 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/checksums", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/checksums/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                            if (vErrors === null) {
                              vErrors = [err94];
                            } else {
                              vErrors.push(err94);
                            }
                            errors++;
                          }
                        } else {
                          const err95 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/checksums", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/checksums/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err95];
                          } else {
                            vErrors.push(err95);
                          }
                          errors++;
                        }
                      }
                      if (data36["contract-url"] !== void 0) {
                        let data43 = data36["contract-url"];
                        if (typeof data43 === "string") {
                          if (!pattern9.test(data43)) {
                            const err96 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/contract-url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/contract-url/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"' };
                            if (vErrors === null) {
                              vErrors = [err96];
                            } else {
                              vErrors.push(err96);
                            }
                            errors++;
                          }
                        } else {
                          const err97 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/contract-url", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/contract-url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err97];
                          } else {
                            vErrors.push(err97);
                          }
                          errors++;
                        }
                      }
                      if (data36.image !== void 0) {
                        let data44 = data36.image;
                        if (typeof data44 === "string") {
                          if (!pattern14.test(data44)) {
                            const err98 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/image", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/image/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                            if (vErrors === null) {
                              vErrors = [err98];
                            } else {
                              vErrors.push(err98);
                            }
                            errors++;
                          }
                        } else {
                          const err99 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/image", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err99];
                          } else {
                            vErrors.push(err99);
                          }
                          errors++;
                        }
                      }
                      if (data36.timeout !== void 0) {
                        let data45 = data36.timeout;
                        if (typeof data45 === "string") {
                          if (!pattern22.test(data45)) {
                            const err100 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/timeout", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/timeout/pattern", keyword: "pattern", params: { pattern: "^([0-9]+(ms|s|m))+$" }, message: 'must match pattern "^([0-9]+(ms|s|m))+$"' };
                            if (vErrors === null) {
                              vErrors = [err100];
                            } else {
                              vErrors.push(err100);
                            }
                            errors++;
                          }
                        } else {
                          const err101 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8 + "/timeout", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/properties/timeout/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err101];
                          } else {
                            vErrors.push(err101);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err102 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe/" + i8, schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err102];
                      } else {
                        vErrors.push(err102);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err103 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err103];
                  } else {
                    vErrors.push(err103);
                  }
                  errors++;
                }
                var _valid0 = _errs83 === errors;
                valid19 = valid19 || _valid0;
              }
              if (!valid19) {
                const err104 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/observe", schemaPath: "#/properties/environments/additionalProperties/properties/observe/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              } else {
                errors = _errs61;
                if (vErrors !== null) {
                  if (_errs61) {
                    vErrors.length = _errs61;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data4.drift !== void 0) {
              let data46 = data4.drift;
              if (typeof data46 !== "string") {
                const err105 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift", schemaPath: "#/properties/environments/additionalProperties/properties/drift/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err105];
                } else {
                  vErrors.push(err105);
                }
                errors++;
              }
              if (!(data46 === "block" || data46 === "warn")) {
                const err106 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift", schemaPath: "#/properties/environments/additionalProperties/properties/drift/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.drift.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err106];
                } else {
                  vErrors.push(err106);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err107 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err107];
        } else {
          vErrors.push(err107);
        }
        errors++;
      }
    }
  } else {
    const err108 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err108];
    } else {
      vErrors.push(err108);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
function compilePolicyValidator() {
  return validate;
}

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
function plainValue(text) {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text.toLowerCase() === "true";
  if (NUMBER_LIKE.test(text)) notPlain();
  if (/:(\s|$)|\s#/.test(text)) notPlain();
  return text;
}
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
function restIsEmpty(text, at) {
  return /^(?:\s+#.*|\s*)$/.test(text.slice(at));
}
var isKey = (key) => typeof key === "string" && key !== "__proto__" && !/^(?:0|[1-9][0-9]*)$/.test(key);
function setOnce(map, key, value) {
  if (!isKey(key) || Object.prototype.hasOwnProperty.call(map, key)) notPlain();
  map[key] = value;
}
function flowValue(text, at, depth) {
  const c = text[at];
  if (c === "[" || c === "{") return flowCollection(text, at, depth + 1);
  if (c === '"' || c === "'") return quoted(text, at);
  const match = FLOW_SCALAR.exec(text.slice(at)) ?? notPlain();
  return { value: plainValue(match[0].trimEnd()), end: at + match[0].length };
}
function skipSpaces(text, at) {
  while (text[at] === " ") at++;
  return at;
}
function flowCollection(text, at, depth) {
  if (depth > MAX_DEPTH) notPlain();
  const isMap2 = text[at] === "{";
  const close = isMap2 ? "}" : "]";
  const value = isMap2 ? {} : [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === close) return { value, end: i + 1 };
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
    if (text[i] === close) return { value, end: i + 1 };
    if (text[i] !== ",") notPlain();
    i = skipSpaces(text, i + 1);
    if (text[i] === close || i >= text.length) notPlain();
  }
}
function inlineValue(text, depth) {
  const c = text[0];
  if (c === "[" || c === "{" || c === '"' || c === "'") {
    const { value, end } = c === "[" || c === "{" ? flowCollection(text, 0, depth + 1) : quoted(text, 0);
    if (!restIsEmpty(text, end)) notPlain();
    return value;
  }
  const match = BLOCK_SCALAR.exec(text) ?? notPlain();
  if (!restIsEmpty(text, match[0].length)) notPlain();
  return plainValue(match[0].trimEnd());
}
function blockKey(text) {
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
function readPlainYaml(text) {
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
  } catch (error) {
    if (error instanceof NotPlain) return NOT_PLAIN;
    throw error;
  }
}

// src/core/promotion/policy-file.ts
var DEFAULT_CONTRACT_RULE = {
  breaking: "require-major",
  dangerous: "warn",
  rollback: "allow"
};
var MAX_ALIASES = 100;
var MAX_ALIAS_EXPANSION = 1e3;
var compiled = null;
var validator = () => compiled ??= compilePolicyValidator();
function parsePolicy(text, source) {
  const plain = readPlainYaml(text);
  if (plain !== NOT_PLAIN) {
    const policy = policyFrom(plain, source, null);
    if (policy !== null) return policy;
  }
  return parseWithPositions(text, source);
}
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
  } catch (error) {
    return fail([
      `${source}: cannot be read as YAML (${error instanceof Error ? error.message : String(error)}). Write the policy as a plain mapping, as in the README.`
    ]);
  }
  if (doc.errors.length > 0)
    fail(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split("\n")[0]}`));
  const aliasProblems = checkAliases(doc, at);
  if (aliasProblems.length > 0) fail(aliasProblems);
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
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
function policyFrom(value, source, positions) {
  const validate2 = validator();
  if (!validate2(value)) {
    if (positions === null) return null;
    const { doc, at: at2, fail } = positions;
    const errors = (validate2.errors ?? []).filter(
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
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        problems.push(
          () => `${at(nodeAt(name, "image", "copy-to"))}: environments.${name}.image.copy-to ${quote(copyTo)} is not an image to copy to (${error.message}). Write it as registry/repository[:tag], such as ghcr.io/acme/app-prod:stable.`
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
function describeSchemaError(error, root, at) {
  const path = fromJsonPointer(error.instancePath);
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
  if (error.propertyName !== void 0) {
    const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === error.propertyName)?.key : void 0;
    return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has the key ${quoteShort(error.propertyName)}, which is not an environment name. Start it with a letter or digit and use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`;
  }
  const observeFix = observeProblem(error.keyword, path);
  if (observeFix !== null) return `${location}: ${where}${shown} ${observeFix}.`;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = error.params.additionalProperty;
      const allowed = path.length === 0 ? "environments, service, services" : path.length === 2 ? "requires, requires-any, soak, url, signed-by, contract, platforms, image, observe, drift" : path.at(-1) === "signed-by" ? "repository, workflow, ref, issuer, runner" : path.at(-1) === "contract" ? "breaking, dangerous, rollback" : path.at(-1) === "image" ? "tag, copy-to" : path.includes("observe") ? OBSERVE_KEYS : "environment names";
      const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === key)?.key : void 0;
      return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has an unknown key ${quoteShort(key)}. Allowed here: ${allowed}.`;
    }
    case "required":
      if (path.at(-1) === "signed-by") {
        return `${location}: ${where} has no "repository". Name the repository whose workflow signs the seals, such as "repository: acme/shop".`;
      }
      return `${location}: ${where} has no ${quote(error.params.missingProperty)}. Start the file with "environments:" and one entry per environment.`;
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
      return `${location}: ${where}${shown} should be ${describeType(String(error.params.type), path)}.`;
    case "enum":
      return `${location}: ${where}${shown} is not one of ${error.params.allowedValues.join(", ")}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ""] ?? ""}`.trimEnd();
    case "uniqueItems":
      return `${location}: ${where} lists ${path[0] === "services" ? "a service" : "an environment"} twice. Name each once.`;
    case "minProperties":
      return `${location}: ${where} is empty. Define at least one environment, such as "dev: {}".`;
    case "minItems":
      return `${location}: ${where} is empty. List at least one ${path[0] === "services" ? "service" : "environment"}, or remove the key.`;
    case "propertyNames":
      return `${location}: ${where} has a key that is not an environment name. Use letters, digits, ".", "-", "_" or spaces.`;
    default:
      return `${location}: ${where} ${error.message ?? "is invalid"}.`;
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
function describeType(type, path) {
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
  return type.replace(",", " or ");
}
function findCycle(environments) {
  const upstream = new Map(environments.map((e) => [e.name, [...e.requires, ...e.requiresAny]]));
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit2 = (name) => {
    if (state.get(name) === "done") return null;
    if (state.get(name) === "visiting") return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, "visiting");
    stack.push(name);
    for (const next of upstream.get(name) ?? []) {
      const cycle = visit2(next);
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
}

// src/app/settings/load-policy.ts
var DEFAULT_POLICY_FILE = ".github/promotion.yml";
var MAX_POLICY_CHARS = 1048576;
function loadPolicy(file, inputName, baseDir) {
  const shown = relative(baseDir, file) || file;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new SealError(
      "unreadable",
      code === "ENOENT" ? `${inputName}: the promotion policy ${quote(shown)} does not exist. Create it (for example "environments: { dev: {}, staging: { requires: [dev] } }") or point ${inputName} at yours.` : code === "EISDIR" ? `${inputName}: the promotion policy ${quote(shown)} is a directory. Point ${inputName} at the policy file, such as ".github/promotion.yml".` : `${inputName}: cannot read the promotion policy ${quote(shown)} (${code ?? String(error)}). Check that the file is readable.`,
      { cause: error }
    );
  }
  if (text.length > MAX_POLICY_CHARS) {
    throw new SealError(
      "bad-input",
      `${inputName}: the promotion policy ${quote(shown)} is ${text.length.toLocaleString("en-US")} characters long; a policy is a few lines (at most ${MAX_POLICY_CHARS.toLocaleString("en-US")}). Point ${inputName} at the policy file.`
    );
  }
  return {
    ...parsePolicy(text, shown.startsWith("..") ? file : shown),
    digest: createHash("sha256").update(text).digest("hex")
  };
}

export {
  declaresServices,
  findEnvironment,
  upstreamOf,
  pipelineOrder,
  serviceFor,
  DEFAULT_POLICY_FILE,
  loadPolicy
};
