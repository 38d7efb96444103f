import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  decodeRecord,
  makesLive
} from "./chunk-BVAVKUIG.js";
import {
  VERSION
} from "./chunk-BE6JHZ3P.js";
import {
  getOctokit
} from "./chunk-Y5DFTLWF.js";
import "./chunk-EJITM6IO.js";
import {
  shortDigest
} from "./chunk-HRW4MM62.js";
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/stores/ledger/github/retry-policy.ts
var DEFAULT_RETRY = { attempts: 4, baseDelayMs: 1e3, maxDelayMs: 6e4 };
var SECONDARY_DEFAULT_WAIT_MS = 6e4;
function classify(error) {
  const e = typeof error === "object" && error !== null ? error : {};
  const response = e.response;
  if (response === void 0 || typeof e.status !== "number") return { kind: "network", detail: networkDetail(e) };
  const status = e.status;
  const headers = response.headers ?? {};
  const message = messageOf(response.data);
  const detail = message === "" ? `${status}` : `${status} ${message}`;
  if (status === 401) return { kind: "bad-credentials", status, detail };
  if (status === 403 || status === 429) {
    const remaining = header(headers, "x-ratelimit-remaining");
    const retryAfter = Number(header(headers, "retry-after"));
    const secondary = /secondary rate limit/i.test(message);
    if (header(headers, "retry-after") !== void 0 && Number.isFinite(retryAfter)) {
      return { kind: "rate-limit", status, detail, waitMs: Math.max(0, retryAfter * 1e3), resetAt: null };
    }
    if (remaining === "0") {
      const reset = Number(header(headers, "x-ratelimit-reset"));
      const serverNow = Date.parse(header(headers, "date") ?? "");
      const now = Number.isNaN(serverNow) ? Date.now() : serverNow;
      const known = Number.isFinite(reset) && reset > 0;
      return {
        kind: "rate-limit",
        status,
        detail,
        waitMs: known ? Math.max(0, reset * 1e3 - now) : null,
        resetAt: known ? new Date(reset * 1e3).toISOString() : null
      };
    }
    if (secondary || status === 429) return { kind: "rate-limit", status, detail, waitMs: SECONDARY_DEFAULT_WAIT_MS, resetAt: null };
    if (status === 403 && /not accessible by integration/i.test(message)) return { kind: "forbidden", status, detail };
  }
  if (status >= 500) return { kind: "server", status, detail };
  return { kind: "client", status, detail };
}
function isRetryable(failure) {
  return failure.kind === "network" || failure.kind === "server" || failure.kind === "rate-limit";
}
function delayBefore(failure, attempt, options, random = Math.random) {
  if (failure.kind === "rate-limit" && failure.waitMs !== null && failure.waitMs > 0) return failure.waitMs;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}
function header(headers, name) {
  const value = headers[name];
  return value === void 0 || value === null ? void 0 : String(value);
}
function messageOf(data) {
  if (typeof data === "object" && data !== null && "message" in data) return String(data.message);
  if (typeof data === "string") return abbreviate(data.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim());
  return "";
}
function networkDetail(e) {
  const cause = typeof e.cause === "object" && e.cause !== null ? e.cause : {};
  if (cause.name === "TimeoutError") return "no answer before the request timed out";
  const inner = typeof cause.cause === "object" && cause.cause !== null ? cause.cause : {};
  for (const m of [inner.message, cause.message, e.message]) {
    if (typeof m === "string" && m !== "" && m !== "fetch failed" && m !== "Unknown Error") return m;
  }
  return "no answer";
}
function abbreviate(text, length = 80) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}\u2026`;
}

// src/stores/ledger/github/messages.ts
var STATUS_PAGE = "https://www.githubstatus.com";
var isRead = (request) => request.method === "GET";
function refused(request) {
  return isRead(request) ? "The ledger could not be read, so the promotion is refused (fail closed)." : "The record could not be written, so the promotion is refused (fail closed).";
}
var named = (request) => `${request.method} ${request.path}`;
function requestFailed(blame, request, failure, attempts, waitTooLong = false) {
  const permission = `deployments: ${isRead(request) ? "read" : "write"}`;
  switch (failure.kind) {
    case "bad-credentials":
      return new SealError(
        `${blame.tokenInput}: the token was refused (${failure.detail}) on ${named(request)} at ${blame.apiUrl}. ${refused(request)} Give ${blame.tokenInput} a valid token for ${blame.repository}: the default, the job's GITHUB_TOKEN, works when the job has "permissions: deployments: write".`
      );
    case "forbidden":
      return new SealError(
        `${blame.tokenInput}: the token may not ${isRead(request) ? "read" : "write"} the deployments of ${blame.repository} (${failure.detail} on ${named(request)}). ${refused(request)} Give the job "permissions: ${permission}"${isRead(request) ? " (deployments: write to promote)" : ""}, or a token that has it.`
      );
    case "client":
      return new SealError(`${blame.location}: ${named(request)} answered ${failure.detail}. ${refused(request)} ${clientHint(blame, failure)}`);
    case "rate-limit":
      if (waitTooLong && failure.waitMs !== null) {
        const when = failure.resetAt === null ? `in ${Math.ceil(failure.waitMs / 1e3)} s` : `at ${failure.resetAt}`;
        return new SealError(
          `${blame.location}: ${named(request)} hit GitHub's API rate limit (${failure.detail}), which lifts ${when}: longer than artifact-seal waits. ${refused(request)} Re-run the job after that, or spread the jobs that use this token.`
        );
      }
      return exhausted(blame, request, `the last answer was ${failure.detail}`, attempts);
    case "server":
      return exhausted(blame, request, `the last answer was ${failure.detail}`, attempts);
    case "network":
      return exhausted(blame, request, `the last attempt got ${failure.detail}`, attempts);
  }
}
function exhausted(blame, request, last, attempts) {
  return new SealError(
    `${blame.location}: ${named(request)} failed ${attempts === 1 ? "once" : `${attempts} times`}; ${last}. ${refused(request)} Re-run the job; if it keeps failing, check ${STATUS_PAGE} and that ${blame.apiUrl} is reachable from the runner.`
  );
}
function clientHint(blame, failure) {
  if (failure.kind !== "client") return "";
  if (failure.status === 404) {
    return `The repository ${quote(blame.repository)} does not exist, or the token in ${blame.tokenInput} cannot see it (or the deployment was deleted meanwhile); check GITHUB_REPOSITORY and the token.`;
  }
  if (/no ref found/i.test(failure.detail)) {
    return `A deployment is made on a commit of ${blame.repository}: the one that sealed the digest, else GITHUB_SHA; push that commit to ${blame.repository} first.`;
  }
  return "Re-running the job will get the same answer; fix what GitHub names.";
}
function unreadableAnswer(blame, request, status, data) {
  const shown = typeof data === "string" ? quote(abbreviate(data)) : `a JSON ${Array.isArray(data) ? "array" : typeof data} of the wrong shape`;
  return new SealError(
    `${blame.location}: ${named(request)} answered ${status} with ${shown}, not the JSON GitHub sends. ${refused(request)} Re-run the job; if it keeps failing, check ${STATUS_PAGE} and any proxy between the runner and ${blame.apiUrl}.`
  );
}

// src/stores/ledger/github/api.ts
var API_VERSION = "2022-11-28";
var DeploymentsApi = class {
  constructor(options) {
    this.options = options;
    this.octokit = getOctokit(options.token, { baseUrl: options.apiUrl, userAgent: `artifact-seal/${VERSION}` });
    this.octokit.hook.wrap("request", async (request, endpoint) => {
      const parsed = this.octokit.request.endpoint.parse(endpoint);
      const name = requestName(parsed.method, parsed.url);
      const { retry, sleep, timeoutMs, blame } = this.options;
      endpoint.headers["x-github-api-version"] = API_VERSION;
      for (let attempt = 1; ; attempt++) {
        endpoint.request = { ...endpoint.request, signal: AbortSignal.timeout(timeoutMs) };
        try {
          return await request(endpoint);
        } catch (error) {
          const failure = classify(error);
          if (!isRetryable(failure)) throw requestFailed(blame, name, failure, attempt);
          const wait = delayBefore(failure, attempt, retry);
          if (wait > retry.maxDelayMs) throw requestFailed(blame, name, failure, attempt, true);
          if (attempt >= retry.attempts) throw requestFailed(blame, name, failure, attempt);
          await sleep(wait);
        }
      }
    });
  }
  options;
  octokit;
  async createDeployment(deployment) {
    const response = await this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
      owner: this.options.owner,
      repo: this.options.repo,
      ...deployment,
      // Never merge the default branch into the ref, never wait for commit statuses:
      // a ledger entry records what happened, it does not start a deployment.
      auto_merge: false,
      required_contexts: [],
      transient_environment: false
    });
    return this.read(response, readDeployment);
  }
  async createStatus(deploymentId, status) {
    const response = await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: this.options.owner,
      repo: this.options.repo,
      deployment_id: Number(deploymentId),
      ...status,
      // The ledger marks the deployment it replaces itself: GitHub's auto_inactive skips
      // production environments, and would also end deployments the ledger did not make.
      auto_inactive: false
    });
    this.read(response, readStatus);
  }
  /** Deployments newest first, matching every filter exactly, fetched a page at a time as they are consumed. */
  async *deployments(filter, perPage) {
    let response = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
      owner: this.options.owner,
      repo: this.options.repo,
      environment: filter.environment,
      task: filter.task,
      per_page: perPage
    });
    for (; ; ) {
      yield* this.readList(response, readDeployment);
      const next = this.nextPage(response);
      if (next === void 0) return;
      response = await this.octokit.request(`GET ${next}`);
    }
  }
  /** Every status of a deployment, newest first. */
  async statuses(deploymentId) {
    const all = [];
    let response = await this.octokit.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: this.options.owner,
      repo: this.options.repo,
      deployment_id: Number(deploymentId),
      per_page: 100
    });
    for (; ; ) {
      all.push(...this.readList(response, readStatus));
      const next = this.nextPage(response);
      if (next === void 0) return all;
      response = await this.octokit.request(`GET ${next}`);
    }
  }
  read(response, reader) {
    const value = reader(response.data);
    if (value === void 0) throw this.unreadable(response);
    return value;
  }
  readList(response, reader) {
    if (!Array.isArray(response.data)) throw this.unreadable(response);
    return response.data.map((item) => {
      const value = reader(item);
      if (value === void 0) throw this.unreadable(response);
      return value;
    });
  }
  unreadable(response) {
    return unreadableAnswer(this.options.blame, requestName("GET", response.url), response.status, response.data);
  }
  /** The Link header's rel="next", followed only to the API it came from, since it carries the token. */
  nextPage(response) {
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? "")?.[1];
    if (next === void 0) return void 0;
    if (new URL(next).origin !== new URL(this.options.apiUrl).origin) {
      throw new SealError(
        `${this.options.blame.location}: GitHub's answer to ${requestName("GET", response.url).path} links its next page to ${new URL(next).origin}, not ${this.options.blame.apiUrl}; artifact-seal does not send the token there, and refuses the promotion (fail closed). Check GITHUB_API_URL.`
      );
    }
    return next;
  }
};
function requestName(method, url) {
  const parsed = new URL(url);
  let query = parsed.search;
  try {
    query = decodeURIComponent(query);
  } catch {
  }
  return { method: method.toUpperCase(), path: `${parsed.pathname}${query}` };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function idOf(value) {
  if (typeof value === "number" && Number.isSafeInteger(value) || typeof value === "bigint") return String(value);
  return void 0;
}
function readDeployment(value) {
  if (!isObject(value)) return void 0;
  const id = idOf(value.id);
  const { task, environment, created_at: createdAt, payload } = value;
  if (id === void 0 || typeof task !== "string" || typeof environment !== "string" || typeof createdAt !== "string") return void 0;
  return { id, task, environment, payload, createdAt };
}
function readStatus(value) {
  if (!isObject(value)) return void 0;
  const { state, created_at: createdAt, description } = value;
  if (idOf(value.id) === void 0 || typeof state !== "string" || typeof createdAt !== "string") return void 0;
  return { state, createdAt, description: typeof description === "string" ? description : "" };
}

// src/stores/ledger/github/merge.ts
async function* newestFirst(sources) {
  const heads = await Promise.all(sources.map((s) => s.next()));
  try {
    for (; ; ) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        const current = heads[best];
        if (head === void 0 || head.done === true) continue;
        if (current === void 0 || current.done === true || newer(head.value, current.value)) best = i;
      }
      const winner = heads[best];
      if (winner === void 0 || winner.done === true) return;
      yield winner.value;
      heads[best] = await sources[best].next();
    }
  } finally {
    await Promise.all(sources.map((s) => s.return?.()));
  }
}
function newer(a, b) {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return byTime !== 0 ? byTime > 0 : BigInt(a.id) > BigInt(b.id);
}

// src/stores/ledger/github/records.ts
var PAYLOAD_KEY = "artifact-seal";
var PAYLOAD_FORMAT = 1;
var TASK = /^(deploy|veto):(sha256:.*)$/;
var taskFor = (kind, digest) => `${kind}:${digest}`;
var kindOf = (record) => record.outcome === "vetoed" ? "veto" : "deploy";
function payloadFor(record) {
  return { [PAYLOAD_KEY]: PAYLOAD_FORMAT, record };
}
var REPLACED_PREFIX = "replaced by ";
var DESCRIPTION_LIMIT = 140;
function truncate(text, limit = DESCRIPTION_LIMIT) {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}\u2026`;
}
var VERBS = { promoted: "promoted", "rolled-back": "rolled back to", refused: "refused", vetoed: "vetoed" };
function descriptionFor(record) {
  const name = record.name === null ? "" : ` (${record.name})`;
  return truncate(`${VERBS[record.outcome]} ${shortDigest(record.digest)}${name}`);
}
function recordOf(deployment, context) {
  const task = TASK.exec(deployment.task);
  const payload = payloadObject(deployment.payload);
  const marked = payload !== void 0 && PAYLOAD_KEY in payload;
  if (task === null && !marked) return null;
  const damaged = (detail) => {
    throw new SealError(
      `${context.location}: deployment ${deployment.id} (environment ${JSON.stringify(deployment.environment)}, task ${JSON.stringify(deployment.task)}) was written by artifact-seal but its record cannot be read: ${detail}. The ledger is damaged, so the promotion is refused (fail closed). Inspect it with "gh api repos/${context.repository}/deployments/${deployment.id}"; if it is not a real promotion, mark it inactive and delete it.`
    );
  };
  if (!marked) return damaged(`its payload has no ${JSON.stringify(PAYLOAD_KEY)} key`);
  const format = payload[PAYLOAD_KEY];
  if (typeof format === "number" && format > PAYLOAD_FORMAT) {
    return damaged(`its payload is format ${format}, written by a newer artifact-seal; use that version or later to read this ledger`);
  }
  if (format !== PAYLOAD_FORMAT) return damaged(`its payload format is ${JSON.stringify(format)}, not ${PAYLOAD_FORMAT}`);
  const record = decodeRecord(payload.record, damaged);
  if (task === null) return damaged(`its task is not "deploy:<digest>" or "veto:<digest>"`);
  if (task[2] !== record.digest) return damaged(`its task names ${task[2]} but its record ${record.digest}`);
  if (task[1] === "veto" !== (record.outcome === "vetoed")) return damaged(`a "${task[1]}" task holds a record whose outcome is ${record.outcome}`);
  if (record.environment.toLowerCase() !== deployment.environment.toLowerCase()) {
    return damaged(`it is a deployment to ${JSON.stringify(deployment.environment)} but its record names ${JSON.stringify(record.environment)}`);
  }
  return record;
}
function payloadObject(payload) {
  let value = payload;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return void 0;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

// src/stores/ledger/github/stretches.ts
function stretchesOf(statuses, deploymentId, digest, environment) {
  const spans = [];
  let from = null;
  for (const status of [...statuses].reverse()) {
    if (status.state === "success") {
      from ??= status.createdAt;
    } else if (status.state === "inactive" && !status.description.startsWith(REPLACED_PREFIX)) {
      continue;
    } else if (from !== null) {
      spans.push({ digest, environment, from, until: status.createdAt, recordId: deploymentId });
      from = null;
    }
  }
  if (from !== null) spans.push({ digest, environment, from, until: null, recordId: deploymentId });
  return spans;
}

// src/stores/ledger/github-deployments.ts
var LIVE_PAGE_SIZE = 20;
var LIVE_LIST_LIMIT = 400;
var LIVE_READ_LIMIT = 50;
var HISTORY_PAGE_SIZE = 100;
var COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
var GitHubDeploymentsLedger = class {
  constructor(options) {
    this.options = options;
    const parts = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(options.repository);
    if (parts === null) {
      throw new SealError(`GITHUB_REPOSITORY: ${quote(options.repository)} is not "owner/name"; the github ledger keeps its records in that repository's deployments.`);
    }
    this.location = `github:${options.repository}`;
    this.context = { repository: options.repository, location: this.location };
    this.serverUrl = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
    const apiUrl = options.apiUrl.replace(/\/+$/, "");
    this.api = new DeploymentsApi({
      token: options.token,
      owner: parts[1],
      repo: parts[2],
      apiUrl,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      timeoutMs: options.timeoutMs ?? 3e4,
      blame: { location: this.location, repository: options.repository, tokenInput: options.tokenInput ?? "github-token", apiUrl }
    });
  }
  options;
  location;
  api;
  context;
  serverUrl;
  async append(record) {
    if (record.environment.trim() === "") {
      throw new SealError(`${this.location}: a record needs an environment; GitHub would file a deployment without one under "production".`);
    }
    const ref = this.refFor(record);
    const before = makesLive(record.outcome) ? await this.live(record.environment) : null;
    const deployment = await this.api.createDeployment({
      ref,
      task: taskFor(kindOf(record), record.digest),
      environment: record.environment,
      payload: payloadFor(record),
      description: descriptionFor(record)
    });
    await this.api.createStatus(deployment.id, statusFor(record));
    if (before !== null && before.recordId !== deployment.id) {
      await this.api.createStatus(before.recordId, { state: "inactive", description: truncate(`${REPLACED_PREFIX}${shortDigest(record.digest)}`) });
    }
    return this.entry(record, deployment.id);
  }
  async live(environment) {
    for await (const spans of this.wentLive(environment, true)) {
      const last = spans[spans.length - 1];
      return last.until === null ? last : null;
    }
    return null;
  }
  async spans(digest, environment) {
    const spans = [];
    for await (const deployment of this.api.deployments({ environment, task: taskFor("deploy", digest) }, HISTORY_PAGE_SIZE)) {
      const record = recordOf(deployment, this.context);
      if (record === null || !makesLive(record.outcome)) continue;
      spans.push(...stretchesOf(await this.api.statuses(deployment.id), deployment.id, digest, environment));
    }
    spans.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
    if (spans.every((s) => s.until !== null)) return spans;
    const live = await this.live(environment);
    return spans.map((s) => s.until !== null || s.recordId === live?.recordId ? s : { ...s, until: s.from });
  }
  async veto(digest) {
    for await (const deployment of this.api.deployments({ task: taskFor("veto", digest) }, HISTORY_PAGE_SIZE)) {
      const record = recordOf(deployment, this.context);
      if (record?.outcome === "vetoed") return this.entry(record, deployment.id);
    }
    return null;
  }
  async *previouslyLive(environment) {
    const seen = /* @__PURE__ */ new Set();
    let newerFrom = null;
    for await (const spans of this.wentLive(environment, false)) {
      const latest = spans[spans.length - 1];
      if (newerFrom === null && latest.until === null) {
        seen.add(latest.digest);
      } else if (!seen.has(latest.digest)) {
        seen.add(latest.digest);
        yield latest.until === null && newerFrom !== null ? { ...latest, until: newerFrom } : latest;
      }
      newerFrom = spans[0].from;
    }
  }
  async *entries(filter = {}) {
    const { environment, digest } = filter;
    const sources = digest === void 0 ? [this.api.deployments({ environment }, HISTORY_PAGE_SIZE)] : [this.api.deployments({ environment, task: taskFor("deploy", digest) }, HISTORY_PAGE_SIZE), this.api.deployments({ environment, task: taskFor("veto", digest) }, HISTORY_PAGE_SIZE)];
    for await (const deployment of newestFirst(sources)) {
      const record = recordOf(deployment, this.context);
      if (record !== null) yield this.entry(record, deployment.id);
    }
  }
  /**
   * The stretches of each of the environment's deployments that went live, newest deployment
   * first. `bounded` stops (fail closed) after LIVE_LIST_LIMIT deployments listed or
   * LIVE_READ_LIMIT statuses read without finding one.
   */
  async *wentLive(environment, bounded) {
    let listed = 0;
    let read = 0;
    for await (const deployment of this.api.deployments({ environment }, LIVE_PAGE_SIZE)) {
      if (bounded && (listed >= LIVE_LIST_LIMIT || read >= LIVE_READ_LIMIT)) throw this.tooFarBack(environment, listed, read);
      listed += 1;
      const record = recordOf(deployment, this.context);
      if (record === null || !makesLive(record.outcome)) continue;
      read += 1;
      const spans = stretchesOf(await this.api.statuses(deployment.id), deployment.id, record.digest, environment);
      const [first, ...rest] = spans;
      if (first !== void 0) yield [first, ...rest];
    }
  }
  tooFarBack(environment, listed, read) {
    return new SealError(
      `${this.location}: none of the ${listed} most recent deployments to ${quote(environment)} (${read} of them artifact-seal promotions) was ever live; artifact-seal looks no further back than that rather than read the whole history, so the promotion is refused (fail closed). Deployments by other tools, or promotions whose status was never posted, have pushed the last live one out of reach: see ${this.environmentUrl(environment)}, delete the stray deployments, or give artifact-seal an environment of its own.`
    );
  }
  /** The commit that sealed the digest when it is one of this repository's, else the job's commit. */
  refFor(record) {
    const sealed = record.sealedBy;
    const ours = sealed?.repository == null || sealed.repository.toLowerCase() === this.options.repository.toLowerCase();
    if (sealed?.commit != null && ours && COMMIT.test(sealed.commit)) return sealed.commit;
    if (this.options.ref !== "") return this.options.ref;
    throw new SealError(
      `${this.location}: a deployment must be made on a commit of ${this.options.repository}, and there is none: the record's sealing commit ${sealed?.commit == null ? "is unknown" : `${quote(sealed.commit)} (of ${sealed.repository ?? this.options.repository}) cannot be used`} and GITHUB_SHA is not set. Run the step in a GitHub Actions job, or set GITHUB_SHA.`
    );
  }
  environmentUrl(environment) {
    return `${this.serverUrl}/${this.options.repository}/deployments/${encodeURIComponent(environment)}`;
  }
  entry(record, id) {
    return { ...record, id, url: this.environmentUrl(record.environment) };
  }
};
function statusFor(record) {
  const links = {
    ...record.runUrl === null ? {} : { log_url: record.runUrl },
    ...record.environmentUrl === null ? {} : { environment_url: record.environmentUrl }
  };
  switch (record.outcome) {
    case "promoted":
    case "rolled-back":
      return { state: "success", description: descriptionFor(record), ...links };
    case "refused":
      return { state: "failure", description: truncate(record.reason ?? "refused"), ...links };
    case "vetoed":
      return { state: "error", description: truncate(record.reason ?? "vetoed"), ...links };
  }
}
export {
  GitHubDeploymentsLedger
};
