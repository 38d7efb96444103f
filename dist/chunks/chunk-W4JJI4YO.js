import {
  parseDuration
} from "./chunk-64VN6DVJ.js";
import {
  SealError,
  quote
} from "./chunk-APYKEJN7.js";
import {
  init_loader,
  loader_exports
} from "./chunk-C3DYB3KA.js";
import {
  relative
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-OJKZS7ZI.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
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
var BREAKING_RULES = ["refuse", "require-major", "require-approval", "allow"];
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
    const next = policy.environments.find((e) => !placed.has(e.name) && upstreamOf(e).every((u) => placed.has(u)));
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

// src/core/promotion/policy-validator.ts
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://artifact-seal.dev/schemas/promotion-policy.json", "title": "artifact-seal promotion policy", "type": "object", "additionalProperties": false, "required": ["environments"], "properties": { "service": { "type": "string", "pattern": "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$" }, "services": { "type": "array", "items": { "type": "string", "pattern": "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$" }, "uniqueItems": true, "minItems": 1 }, "environments": { "type": "object", "minProperties": 1, "propertyNames": { "pattern": "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, "additionalProperties": { "type": ["object", "null"], "additionalProperties": false, "properties": { "requires": { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, "uniqueItems": true }, "requires-any": { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$" }, "uniqueItems": true, "minItems": 1 }, "soak": { "type": "string", "pattern": "^(0|([0-9]+(ms|s|m|h|d|w))+)$" }, "url": { "type": "string", "pattern": "^https?://\\S+$" }, "signed-by": { "type": "object", "additionalProperties": false, "required": ["repository"], "properties": { "repository": { "type": "string", "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, "workflow": { "type": "string", "pattern": "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$" }, "ref": { "type": "string", "pattern": "^refs/\\S+$" }, "issuer": { "type": "string", "pattern": "^https://\\S+$" }, "runner": { "type": "string", "enum": ["github-hosted"] } } }, "contract": { "type": "object", "additionalProperties": false, "properties": { "breaking": { "type": "string", "enum": ["refuse", "require-major", "require-approval", "allow"] }, "dangerous": { "type": "string", "enum": ["warn", "refuse"] }, "rollback": { "type": "string", "enum": ["allow", "check"] } } } } } } } };
var pattern0 = new RegExp("^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$", "u");
var pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$", "u");
var pattern5 = new RegExp("^(0|([0-9]+(ms|s|m|h|d|w))+)$", "u");
var pattern6 = new RegExp("^https?://\\S+$", "u");
var pattern7 = new RegExp("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", "u");
var pattern8 = new RegExp("^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$", "u");
var pattern9 = new RegExp("^refs/\\S+$", "u");
var pattern10 = new RegExp("^https://\\S+$", "u");
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
              if (!(key3 === "requires" || key3 === "requires-any" || key3 === "soak" || key3 === "url" || key3 === "signed-by" || key3 === "contract")) {
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
            if (data4.url !== void 0) {
              let data10 = data4.url;
              if (typeof data10 === "string") {
                if (!pattern6.test(data10)) {
                  const err25 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/environments/additionalProperties/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"' };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              } else {
                const err26 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/environments/additionalProperties/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data4["signed-by"] !== void 0) {
              let data11 = data4["signed-by"];
              if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                if (data11.repository === void 0) {
                  const err27 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/required", keyword: "required", params: { missingProperty: "repository" }, message: "must have required property 'repository'" };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
                for (const key4 in data11) {
                  if (!(key4 === "repository" || key4 === "workflow" || key4 === "ref" || key4 === "issuer" || key4 === "runner")) {
                    const err28 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
                if (data11.repository !== void 0) {
                  let data12 = data11.repository;
                  if (typeof data12 === "string") {
                    if (!pattern7.test(data12)) {
                      const err29 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/repository", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/repository/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$" }, message: 'must match pattern "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"' };
                      if (vErrors === null) {
                        vErrors = [err29];
                      } else {
                        vErrors.push(err29);
                      }
                      errors++;
                    }
                  } else {
                    const err30 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/repository", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err30];
                    } else {
                      vErrors.push(err30);
                    }
                    errors++;
                  }
                }
                if (data11.workflow !== void 0) {
                  let data13 = data11.workflow;
                  if (typeof data13 === "string") {
                    if (!pattern8.test(data13)) {
                      const err31 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/workflow", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/workflow/pattern", keyword: "pattern", params: { pattern: "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$" }, message: 'must match pattern "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$"' };
                      if (vErrors === null) {
                        vErrors = [err31];
                      } else {
                        vErrors.push(err31);
                      }
                      errors++;
                    }
                  } else {
                    const err32 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/workflow", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err32];
                    } else {
                      vErrors.push(err32);
                    }
                    errors++;
                  }
                }
                if (data11.ref !== void 0) {
                  let data14 = data11.ref;
                  if (typeof data14 === "string") {
                    if (!pattern9.test(data14)) {
                      const err33 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/ref", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/ref/pattern", keyword: "pattern", params: { pattern: "^refs/\\S+$" }, message: 'must match pattern "^refs/\\S+$"' };
                      if (vErrors === null) {
                        vErrors = [err33];
                      } else {
                        vErrors.push(err33);
                      }
                      errors++;
                    }
                  } else {
                    const err34 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/ref", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err34];
                    } else {
                      vErrors.push(err34);
                    }
                    errors++;
                  }
                }
                if (data11.issuer !== void 0) {
                  let data15 = data11.issuer;
                  if (typeof data15 === "string") {
                    if (!pattern10.test(data15)) {
                      const err35 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/issuer", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/issuer/pattern", keyword: "pattern", params: { pattern: "^https://\\S+$" }, message: 'must match pattern "^https://\\S+$"' };
                      if (vErrors === null) {
                        vErrors = [err35];
                      } else {
                        vErrors.push(err35);
                      }
                      errors++;
                    }
                  } else {
                    const err36 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/issuer", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err36];
                    } else {
                      vErrors.push(err36);
                    }
                    errors++;
                  }
                }
                if (data11.runner !== void 0) {
                  let data16 = data11.runner;
                  if (typeof data16 !== "string") {
                    const err37 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/runner", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/runner/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                  if (!(data16 === "github-hosted")) {
                    const err38 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by/runner", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/properties/runner/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties["signed-by"].properties.runner.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err38];
                    } else {
                      vErrors.push(err38);
                    }
                    errors++;
                  }
                }
              } else {
                const err39 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/signed-by", schemaPath: "#/properties/environments/additionalProperties/properties/signed-by/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
            }
            if (data4.contract !== void 0) {
              let data17 = data4.contract;
              if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                for (const key5 in data17) {
                  if (!(key5 === "breaking" || key5 === "dangerous" || key5 === "rollback")) {
                    const err40 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract", schemaPath: "#/properties/environments/additionalProperties/properties/contract/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err40];
                    } else {
                      vErrors.push(err40);
                    }
                    errors++;
                  }
                }
                if (data17.breaking !== void 0) {
                  let data18 = data17.breaking;
                  if (typeof data18 !== "string") {
                    const err41 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/breaking", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/breaking/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err41];
                    } else {
                      vErrors.push(err41);
                    }
                    errors++;
                  }
                  if (!(data18 === "refuse" || data18 === "require-major" || data18 === "require-approval" || data18 === "allow")) {
                    const err42 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/breaking", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/breaking/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.contract.properties.breaking.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
                if (data17.dangerous !== void 0) {
                  let data19 = data17.dangerous;
                  if (typeof data19 !== "string") {
                    const err43 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/dangerous", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/dangerous/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err43];
                    } else {
                      vErrors.push(err43);
                    }
                    errors++;
                  }
                  if (!(data19 === "warn" || data19 === "refuse")) {
                    const err44 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/dangerous", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/dangerous/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.contract.properties.dangerous.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err44];
                    } else {
                      vErrors.push(err44);
                    }
                    errors++;
                  }
                }
                if (data17.rollback !== void 0) {
                  let data20 = data17.rollback;
                  if (typeof data20 !== "string") {
                    const err45 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/rollback", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/rollback/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  }
                  if (!(data20 === "allow" || data20 === "check")) {
                    const err46 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract/rollback", schemaPath: "#/properties/environments/additionalProperties/properties/contract/properties/rollback/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.additionalProperties.properties.contract.properties.rollback.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
              } else {
                const err47 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/contract", schemaPath: "#/properties/environments/additionalProperties/properties/contract/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err48 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
  } else {
    const err49 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err49];
    } else {
      vErrors.push(err49);
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
  const key = plainValue(PLAIN_KEY.test(text.slice(0, colon.index)) ? text.slice(0, colon.index).trimEnd() : notPlain());
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
  /** What follows a key or dash with nothing after it: a deeper block, a sequence at the key's own indentation, or null. */
  nested(indent, sequenceMayAlign) {
    const line = this.peek();
    if (line !== void 0 && line.indent > indent) return this.block(line.indent);
    if (sequenceMayAlign && line !== void 0 && line.indent === indent && (line.text === "-" || line.text.startsWith("- "))) return this.sequence(indent);
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
    if (reader.peek() !== void 0 || value === null || typeof value !== "object" || Array.isArray(value)) return NOT_PLAIN;
    return value;
  } catch (error) {
    if (error instanceof NotPlain) return NOT_PLAIN;
    throw error;
  }
}

// src/core/promotion/policy-file.ts
var DEFAULT_CONTRACT_RULE = { breaking: "require-major", dangerous: "warn", rollback: "allow" };
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
See the policy format in the README ("Promotion policy").`
    );
  };
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return fail([`${source}: cannot be read as YAML (${error instanceof Error ? error.message : String(error)}). Write the policy as a plain mapping, as in the README.`]);
  }
  if (doc.errors.length > 0) fail(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split("\n")[0]}`));
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
function policyFrom(value, source, positions) {
  const validate2 = validator();
  if (!validate2(value)) {
    if (positions === null) return null;
    const { doc, at: at2, fail } = positions;
    const errors = (validate2.errors ?? []).filter((e) => e.keyword !== "propertyNames");
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
  const position = new Map(pairs.map((p, i) => [String(p.key?.value), i]));
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
          problems.push(() => `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(name)} itself. An environment cannot require itself; remove it.`);
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
      problems.push(() => `${at(nodeAt(name, "soak"))}: environments.${name}.soak ${quote(env.soak ?? "")} is too long. Give a duration under 285,000 years.`);
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
    return { name, requires, requiresAny, soakMs: soakMs ?? 0, soakText: env.soak ?? null, signedBy, contract, url: env.url ?? null };
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
          problems.push(`${at(rangeStart(node))}: the alias ${quoteShort(`*${node.source}`)} names no anchor set before it. Add ${quoteShort(`&${node.source}`)} to an earlier value, or write the value out.`);
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
  switch (error.keyword) {
    case "additionalProperties": {
      const key = error.params.additionalProperty;
      const allowed = path.length === 0 ? "environments, service, services" : path.length === 2 ? "requires, requires-any, soak, url, signed-by, contract" : path.at(-1) === "signed-by" ? "repository, workflow, ref, issuer, runner" : path.at(-1) === "contract" ? "breaking, dangerous, rollback" : "environment names";
      const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === key)?.key : void 0;
      return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has an unknown key ${quoteShort(key)}. Allowed here: ${allowed}.`;
    }
    case "required":
      if (path.at(-1) === "signed-by") {
        return `${location}: ${where} has no "repository". Name the repository whose workflow signs the seals, such as "repository: acme/shop".`;
      }
      return `${location}: ${where} has no ${quote(error.params.missingProperty)}. Start the file with "environments:" and one entry per environment.`;
    case "pattern":
      if (path[0] === "service" || path[0] === "services") return `${location}: ${where}${shown} is not a service name. ${SERVICE_NAME_FORMAT}`;
      if (path.at(-2) === "signed-by") return `${location}: ${where}${shown} ${SIGNER_FIELD_FORMAT[path.at(-1) ?? ""] ?? "is not valid"}.`;
      if (path.at(-1) === "soak") return `${location}: ${where}${shown} is not a duration. Write a number and a unit, such as 30m, 1h, 1h30m or 2d.`;
      if (path.at(-1) === "url") return `${location}: ${where}${shown} is not an http(s) URL. Write where the environment can be reached, such as https://staging.example.com.`;
      return `${location}: ${where}${shown} is not an environment name. Use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`;
    case "type":
      if (path.at(-2) === "contract") return `${location}: ${where}${shown} is not one of ${(CONTRACT_WORDS[path.at(-1) ?? ""] ?? []).join(", ")}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ""] ?? ""}`.trimEnd();
      if (path.at(-1) === "soak") return `${location}: ${where}${shown} is not a duration. Write it as text with a unit, such as 30m or 1h (a bare number has no unit).`;
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
var CONTRACT_WORDS = { breaking: BREAKING_RULES, dangerous: DANGEROUS_RULES, rollback: ROLLBACK_RULES };
var CONTRACT_FIELD_MEANING = {
  breaking: `Write one of them: ${BREAKING_RULES.join(" | ")} (what a breaking contract amendment needs to enter).`,
  dangerous: `Write one of them: ${DANGEROUS_RULES.join(" | ")} (what a change that may break some clients does).`,
  rollback: `Write one of them: ${ROLLBACK_RULES.join(" | ")} (whether a rollback's contract amendment is judged too).`
};
var SERVICE_NAME_FORMAT = "Write it as the artifact is named (the seal's name), on one line, such as api or ghcr.io/acme/api.";
function describeType(type, path) {
  if (path[0] === "services") return path.length === 1 ? "a list of service names, such as [api, web]" : "a service name, such as api";
  if (path[0] === "service") return "a service name, such as api (text)";
  if (path.at(-1) === "contract") return "a mapping such as { breaking: require-major, dangerous: warn }";
  if (path.at(-1) === "signed-by") return "a mapping such as { repository: acme/shop, workflow: .github/workflows/release.yml }";
  if (path.at(-2) === "signed-by") return path.at(-1) === "runner" ? "github-hosted" : "text";
  if (path.at(-1) === "requires" || path.at(-1) === "requires-any") return "a list of environment names, such as [staging]";
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
  return { ...parsePolicy(text, shown.startsWith("..") ? file : shown), digest: createHash("sha256").update(text).digest("hex") };
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
