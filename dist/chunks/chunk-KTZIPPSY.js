import {
  textWithin
} from "./chunk-X6ZNLF55.js";
import {
  retrying
} from "./chunk-NLCPHAEH.js";
import {
  classify
} from "./chunk-SJOLJ5TF.js";

// stand-in:observe:src/core/errors.ts:src/stores/evidence/archive-entry.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../observe/index-core.js";

// src/stores/evidence/archive-entry.ts?observe
function nameProblem(name) {
  if (name === "") return "an empty name";
  if (name.includes("\0")) return "a NUL byte in its name";
  if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name))
    return "an absolute path";
  if (name.includes("\\")) return "a backslash in its name (a separator on Windows)";
  if (/[\r\n]/.test(name)) return "a line break in its name";
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  if (segments.includes("..")) return 'a ".." segment';
  if (segments.includes(".")) return 'a "." segment';
  if (segments.includes("")) return "an empty segment";
  return null;
}
function kindProblem(entry) {
  switch (entry.kind) {
    case "file":
    case "directory":
      return null;
    case "symlink":
      return `a symbolic link${target(entry)}`;
    case "hardlink":
      return `a hard link${target(entry)}`;
    case "device":
      return "a device";
    case "fifo":
      return "a FIFO";
    default:
      return "an entry that is neither a file nor a directory";
  }
}
function target(entry) {
  return entry.linkTarget === null ? "" : ` to ${m14$quote(entry.linkTarget)}`;
}
function checkEntries(entries, prefix) {
  const planned = /* @__PURE__ */ new Map();
  const refusals = [];
  const refuse = (entry, reason) => {
    refusals.push({ name: entry.name, reason });
  };
  entries.forEach((entry, index) => {
    if (entry.problem !== null) return refuse(entry, entry.problem);
    let rest = entry.name;
    if (prefix !== "") {
      if (rest === prefix || rest === `${prefix}/`) rest = "";
      else if (rest.startsWith(`${prefix}/`)) rest = rest.slice(prefix.length + 1);
      else
        return refuse(
          entry,
          nameProblem(entry.name) ?? `outside ${m14$quote(prefix)}, the directory the archive was made from`
        );
    }
    const kind = kindProblem(entry);
    if (rest === "" && prefix !== "")
      return kind === null && entry.kind === "directory" ? void 0 : refuse(entry, kind ?? "a file where the archive\u2019s own directory should be");
    const problem = nameProblem(rest);
    if (problem !== null) return refuse(entry, problem);
    if (kind !== null) return refuse(entry, kind);
    if (entry.kind === "directory" && entry.size !== 0)
      return refuse(entry, "a directory with content");
    const path = rest.endsWith("/") ? rest.slice(0, -1) : rest;
    if (entry.name.endsWith("/") && entry.kind !== "directory")
      return refuse(entry, 'a file whose name ends in "/"');
    if (planned.has(path)) return refuse(entry, "a second entry of the same name");
    planned.set(path, { index, path, entry });
  });
  for (const { path } of planned.values()) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = planned.get(segments.slice(0, i).join("/"));
      if (parent !== void 0 && parent.entry.kind !== "directory") {
        refusals.push({
          name: parent.entry.name,
          reason: `a file where ${m14$quote(path)} needs a directory`
        });
        planned.delete(parent.path);
      }
    }
  }
  return { planned, refusals };
}
function checkAgainstListing(check, filesDir, listed, others) {
  const directories = /* @__PURE__ */ new Set([filesDir]);
  for (const p of listed) {
    const segments = p.split("/");
    for (let i = 1; i < segments.length; i++)
      directories.add(`${filesDir}/${segments.slice(0, i).join("/")}`);
  }
  const present = /* @__PURE__ */ new Set();
  for (const planned of [...check.planned.values()]) {
    const { path, entry } = planned;
    const inFiles = path.startsWith(`${filesDir}/`);
    const allowed = entry.kind === "directory" ? directories.has(path) || !inFiles && path !== filesDir && others(path, entry) : inFiles ? listed.has(path.slice(filesDir.length + 1)) : others(path, entry);
    if (!allowed) {
      check.refusals.push({
        name: entry.name,
        reason: inFiles && entry.kind === "file" ? "not in the sealed listing" : "not part of what a seal puts there"
      });
      check.planned.delete(path);
    } else if (inFiles && entry.kind === "file") {
      present.add(path.slice(filesDir.length + 1));
    }
  }
  return { missing: [...listed].filter((p) => !present.has(p)).sort() };
}
var MAX_NAMED = 20;
function unsafeArchive(refusals, opening, fix) {
  const lines = refusals.slice(0, MAX_NAMED).map((r) => `  ${m14$quote(r.name)}: ${r.reason}`);
  if (refusals.length > MAX_NAMED) lines.push(`  \u2026 and ${refusals.length - MAX_NAMED} more`);
  return new m14$SealError(
    "refused",
    `${opening} before extracting anything: ${describeCount(refusals.length)} not what a seal puts there:
${lines.join("\n")}
Nothing was extracted, and the download was deleted. ${fix}`,
    { details: { refusals } }
  );
}
function describeCount(n) {
  return n === 1 ? "1 entry is" : `${n} entries are`;
}

// src/http/service-call.ts?observe
var ANSWER_MAX_BYTES = 32 * 1024 * 1024;
var ServiceAnswerError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
};
async function callService(url, init, options) {
  return retrying(
    async (signal) => {
      let response;
      try {
        response = await fetch(url, { ...init, signal });
      } catch (error) {
        const failure = classify({ cause: error });
        if (options.noAnswerIsFinal === true) throw endedBy(failure, options);
        return { failure };
      }
      const text = await textWithin(response, ANSWER_MAX_BYTES);
      if (text === null && !response.ok)
        return {
          failure: classify({
            status: response.status,
            response: { headers: Object.fromEntries(response.headers), data: {} }
          })
        };
      if (text === null)
        throw new ServiceAnswerError(
          response.status,
          `${options.service} answered${callOf(options)} ${response.status} with more than ${ANSWER_MAX_BYTES / 1024 / 1024} MiB, which is not read`
        );
      if (response.status === 204) return { value: null };
      if (response.ok) {
        try {
          return { value: JSON.parse(text) };
        } catch {
          throw new ServiceAnswerError(
            response.status,
            `${options.service} answered${callOf(options)} ${response.status} with a body that is not JSON`
          );
        }
      }
      return {
        failure: classify({
          status: response.status,
          response: { headers: Object.fromEntries(response.headers), data: bodyOf(text) }
        })
      };
    },
    {
      policy: options.policy,
      ...options.clock ? { clock: options.clock } : {},
      fail: (failure) => endedBy(failure, options)
    }
  );
}
function endedBy(failure, options) {
  return failure.kind === "network" ? new ServiceAnswerError(
    null,
    `${options.service} did not answer${callOf(options)} (${failure.detail})`
  ) : new ServiceAnswerError(
    failure.status,
    `${options.service} answered${callOf(options)} ${failure.detail}`
  );
}
function callOf(options) {
  return options.call === void 0 ? "" : ` ${options.call}`;
}
function bodyOf(text) {
  try {
    const body = JSON.parse(text);
    if (typeof body !== "object" || body === null) return text;
    const { msg, message } = body;
    if (typeof message === "string") return { message };
    return typeof msg === "string" ? { message: msg } : {};
  } catch {
    return text;
  }
}

export {
  checkEntries,
  checkAgainstListing,
  unsafeArchive,
  ServiceAnswerError,
  callService,
  endedBy
};
