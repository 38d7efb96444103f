import {
  newestFirst
} from "./chunk-ZPCUSI5U.js";
import {
  getOctokit
} from "./chunk-OM6KMUFD.js";
import "./chunk-2W6K4FW3.js";
import {
  retrying
} from "./chunk-ERNWVJRV.js";
import {
  SYSTEM_CLOCK
} from "./chunk-P4TSECCU.js";
import {
  DEFAULT_POLICY,
  abbreviate,
  classify
} from "./chunk-SJOLJ5TF.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote-post:src/core/digest.ts:src/stores/ledger/github-deployments.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/post-core.js";

// stand-in:promote-post:src/core/errors.ts:src/stores/ledger/github-deployments.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/post-core.js";

// stand-in:promote-post:src/core/promotion/confirmation.ts:src/stores/ledger/github-deployments.ts
import { m20$confirmationChanged, m20$needsLiveContract } from "../promote/post-core.js";

// stand-in:promote-post:src/core/promotion/record.ts:src/stores/ledger/github-deployments.ts
import { m22$DEFAULT_PENDING_TIMEOUT_MS, m22$OBSERVING, m22$OUTCOMES, m22$RESOLUTIONS, m22$confirmedOutcome, m22$describeService, m22$isEarlier, m22$makesLive, m22$serviceOf } from "../promote/post-core.js";

// stand-in:promote-post:src/core/errors.ts:src/stores/ledger/github/api.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../promote/post-core.js";

// src/http/github.ts?promote-post
import { AsyncLocalStorage } from "node:async_hooks";

// stand-in:promote-post:src/version.ts:src/http/github.ts
import { m39$VERSION } from "../promote/post-core.js";

// src/http/github.ts?promote-post
var API_VERSION = "2022-11-28";
function gitHubClient(options) {
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: `artifact-seal/${m39$VERSION}`
  });
  const recoveries = new AsyncLocalStorage();
  octokit.hook.wrap("request", async (request, endpoint) => {
    const parsed = octokit.request.endpoint.parse(endpoint);
    const name = requestName(parsed.method, parsed.url);
    endpoint.headers["x-github-api-version"] = API_VERSION;
    const recover = recoveries.getStore();
    return retrying(
      async (signal) => {
        endpoint.request = { ...endpoint.request, signal };
        try {
          const response = await request(endpoint);
          options.onAnswer?.(response);
          return { value: response };
        } catch (error) {
          return { failure: classify(error) };
        }
      },
      {
        policy: options.policy,
        ...options.clock ? { clock: options.clock } : {},
        ...recover === void 0 ? {} : { recover: async () => await recoveries.exit(recover) },
        fail: (failure, attempts, refusedWait) => options.fail(name, failure, attempts, refusedWait)
      }
    );
  });
  return Object.assign(octokit, {
    writeOnce: (send, recover) => recoveries.run(recover, send)
  });
}
function requestName(method, url) {
  const parsed = new URL(url);
  let query = parsed.search;
  try {
    query = decodeURIComponent(query);
  } catch {
  }
  return { method: method.toUpperCase(), path: `${parsed.pathname}${query}` };
}

// stand-in:promote-post:src/core/errors.ts:src/stores/ledger/github/messages.ts
import { m14$SealError as m14$SealError3, m14$exitCodeOf as m14$exitCodeOf3, m14$isSealError as m14$isSealError3, m14$messageOf as m14$messageOf3, m14$quote as m14$quote3, m14$stopsPromotion as m14$stopsPromotion3 } from "../promote/post-core.js";

// stand-in:promote-post:src/core/vocabulary.ts:src/stores/ledger/github/messages.ts
import { m29$ACTION_VOCABULARY, m29$capitalized, m29$speakAs, m29$words } from "../promote/post-core.js";

// src/stores/ledger/github/messages.ts?promote-post
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
      return new m14$SealError3(
        "denied",
        `${blame.tokenInput}: the token was refused (${failure.detail}) on ${named(request)} at ${blame.apiUrl}. ${refused(request)} Give ${blame.tokenInput} a valid token for ${blame.repository}: the default, the job's GITHUB_TOKEN, works when the job has "permissions: deployments: write".`
      );
    case "forbidden":
      return new m14$SealError3(
        "denied",
        `${blame.tokenInput}: the token may not ${isRead(request) ? "read" : "write"} the deployments of ${blame.repository} (${failure.detail} on ${named(request)}). ${refused(request)} Give the job "permissions: ${permission}"${isRead(request) ? " (deployments: write to promote)" : ""}, or a token that has it.`
      );
    case "client":
      return new m14$SealError3(
        "refused",
        `${blame.location}: ${named(request)} answered ${failure.detail}. ${refused(request)} ${clientHint(blame, failure)}`
      );
    case "rate-limit":
      if (waitTooLong && failure.waitMs !== null) {
        const when = failure.resetAt === null ? `in ${Math.ceil(failure.waitMs / 1e3)} s` : `at ${failure.resetAt}`;
        return new m14$SealError3(
          "unavailable",
          `${blame.location}: ${named(request)} hit GitHub's API rate limit (${failure.detail}), which lifts ${when}: longer than artifact-seal waits. ${refused(request)} ${m29$capitalized(m29$words().rerun)} after that, or spread the jobs that use this token.`
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
  return new m14$SealError3(
    "unavailable",
    `${blame.location}: ${named(request)} failed ${attempts === 1 ? "once" : `${attempts} times`}; ${last}. ${refused(request)} ${m29$capitalized(m29$words().rerun)}; if it keeps failing, check ${STATUS_PAGE} and that ${blame.apiUrl} is reachable from ${m29$words().machine}.`
  );
}
function clientHint(blame, failure) {
  if (failure.kind !== "client") return "";
  if (failure.status === 404) {
    return `The repository ${m14$quote3(blame.repository)} does not exist, or the token in ${blame.tokenInput} cannot see it (or the deployment was deleted meanwhile); check GITHUB_REPOSITORY and the token.`;
  }
  if (/no ref found/i.test(failure.detail)) {
    return `A deployment is made on a commit of ${blame.repository}: the one that sealed the digest, else GITHUB_SHA; push that commit to ${blame.repository} first.`;
  }
  return "Trying again will get the same answer; fix what GitHub names.";
}
function unreadableAnswer(blame, request, status, data) {
  const shown = typeof data === "string" ? m14$quote3(abbreviate(data)) : `a JSON ${Array.isArray(data) ? "array" : typeof data} of the wrong shape`;
  return new m14$SealError3(
    "unavailable",
    `${blame.location}: ${named(request)} answered ${status} with ${shown}, not the JSON GitHub sends. ${refused(request)} ${m29$capitalized(m29$words().rerun)}; if it keeps failing, check ${STATUS_PAGE} and any proxy between ${m29$words().machine} and ${blame.apiUrl}.`
  );
}

// stand-in:promote-post:src/core/json-shape.ts:src/stores/ledger/github/api.ts
import { m16$isRecord } from "../promote/post-core.js";

// src/stores/ledger/github/api.ts?promote-post
var CLOCK_FRESH_MS = 1e4;
var RECOVERY_LOOKBACK_MS = 6e4;
var DeploymentsApi = class {
  constructor(options) {
    this.options = options;
    this.octokit = gitHubClient({
      token: options.token,
      apiUrl: options.apiUrl,
      policy: options.policy,
      ...options.clock ? { clock: options.clock } : {},
      fail: (request, failure, attempts, refusedWait) => requestFailed(options.blame, request, failure, attempts, refusedWait !== null),
      onAnswer: (response) => this.noteServerTime(response.headers.date)
    });
  }
  options;
  octokit;
  /** GitHub's clock from the newest answer's Date header, and when (on this process's monotonic clock) it came. */
  lastServerTime = null;
  /**
   * Creates a deployment once, even when an attempt fails after GitHub made it: before each
   * retry of an ambiguous failure, the deployments with the same task and environment made
   * since the first attempt are listed, and one that `isOurs` (the record's key) is taken as
   * the answer instead of making a second.
   */
  async createDeployment(deployment, isOurs) {
    const since = (await this.serverNow()).getTime() - RECOVERY_LOOKBACK_MS;
    const recover = async () => {
      for await (const found of this.deployments(
        { environment: deployment.environment, task: deployment.task },
        100
      )) {
        if (isOurs(found)) {
          const data = {
            id: Number(found.id),
            task: found.task,
            environment: found.environment,
            payload: found.payload,
            created_at: found.createdAt
          };
          return {
            status: 201,
            url: `${this.options.apiUrl}/repos/${this.options.owner}/${this.options.repo}/deployments/${found.id}`,
            headers: {},
            data
          };
        }
        if (Date.parse(found.createdAt) < since) return void 0;
      }
      return void 0;
    };
    const response = await this.octokit.writeOnce(
      () => this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
        owner: this.options.owner,
        repo: this.options.repo,
        ...deployment,
        // Never merge the default branch into the ref, never wait for commit statuses:
        // a ledger entry records what happened, it does not start a deployment.
        auto_merge: false,
        required_contexts: [],
        transient_environment: false
      }),
      recover
    );
    return this.read(response, readDeployment);
  }
  /** One deployment by id. */
  async deployment(deploymentId) {
    const response = await this.octokit.request(
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}",
      {
        owner: this.options.owner,
        repo: this.options.repo,
        deployment_id: Number(deploymentId)
      }
    );
    return this.read(response, readDeployment);
  }
  /**
   * Posts a status. A retried POST whose first attempt was served leaves two identical
   * statuses; the ledger reads a repeated status as the first one (see history.ts), so no
   * lookup is made before retrying.
   */
  async createStatus(deploymentId, status) {
    const response = await this.octokit.request(
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
      {
        owner: this.options.owner,
        repo: this.options.repo,
        deployment_id: Number(deploymentId),
        ...status,
        // The ledger marks the deployment it replaces itself: GitHub's auto_inactive skips
        // production environments, and would also end deployments the ledger did not make.
        auto_inactive: false
      }
    );
    return this.read(response, readStatus);
  }
  /**
   * GitHub's clock: the Date header of the newest answer, when it came in the last few seconds;
   * else that of a cheap request made for it. Never the runner's clock.
   */
  async serverNow() {
    const last = this.lastServerTime;
    if (last === null || performance.now() - last.at > CLOCK_FRESH_MS) {
      await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
        owner: this.options.owner,
        repo: this.options.repo,
        per_page: 1
      });
    }
    const known = this.lastServerTime;
    if (known === null) {
      throw new m14$SealError2(
        "unavailable",
        `${this.options.blame.location}: GitHub's answers carry no Date header, so artifact-seal cannot read GitHub's clock, which soak and order are measured on; the promotion is refused (fail closed). Check any proxy between the runner and ${this.options.blame.apiUrl}.`
      );
    }
    return new Date(known.ms);
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
  /** Every status of a deployment, newest first, with GitHub's clock when it answered. */
  async statuses(deploymentId) {
    const all = [];
    let response = await this.octokit.request(
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
      {
        owner: this.options.owner,
        repo: this.options.repo,
        deployment_id: Number(deploymentId),
        per_page: 100
      }
    );
    for (; ; ) {
      all.push(...this.readList(response, readStatus));
      const next = this.nextPage(response);
      if (next === void 0)
        return { statuses: all, serverTime: Date.parse(response.headers.date ?? "") };
      response = await this.octokit.request(`GET ${next}`);
    }
  }
  noteServerTime(date) {
    const ms = Date.parse(date ?? "");
    if (!Number.isNaN(ms)) this.lastServerTime = { ms, at: performance.now() };
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
    return unreadableAnswer(
      this.options.blame,
      requestName("GET", response.url),
      response.status,
      response.data
    );
  }
  /** The Link header's rel="next", followed only to the API it came from, since it carries the token. */
  nextPage(response) {
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? "")?.[1];
    if (next === void 0) return void 0;
    if (new URL(next).origin !== new URL(this.options.apiUrl).origin) {
      throw new m14$SealError2(
        "refused",
        `${this.options.blame.location}: GitHub's answer to ${requestName("GET", response.url).path} links its next page to ${new URL(next).origin}, not ${this.options.blame.apiUrl}; artifact-seal does not send the token there, and refuses the promotion (fail closed). Check GITHUB_API_URL.`
      );
    }
    return next;
  }
};
function idOf(value) {
  if (typeof value === "number" && Number.isSafeInteger(value) || typeof value === "bigint")
    return String(value);
  return void 0;
}
function readDeployment(value) {
  if (!m16$isRecord(value)) return void 0;
  const id = idOf(value.id);
  const { task, environment, created_at: createdAt, payload } = value;
  if (id === void 0 || typeof task !== "string" || typeof environment !== "string" || typeof createdAt !== "string")
    return void 0;
  return { id, task, environment, payload, createdAt };
}
function readStatus(value) {
  if (!m16$isRecord(value)) return void 0;
  const id = idOf(value.id);
  const { state, created_at: createdAt } = value;
  if (id === void 0 || typeof state !== "string" || typeof createdAt !== "string")
    return void 0;
  const text = (v) => typeof v === "string" ? v : "";
  return {
    id,
    state,
    createdAt,
    description: text(value.description),
    logUrl: text(value.log_url),
    environmentUrl: text(value.environment_url)
  };
}

// stand-in:promote-post:src/core/digest.ts:src/stores/ledger/github/records.ts
import { m12$digestFromHex as m12$digestFromHex2, m12$hexOf as m12$hexOf2, m12$parseDigest as m12$parseDigest2, m12$sha256Digest as m12$sha256Digest2, m12$sha256Hex as m12$sha256Hex2, m12$shortDigest as m12$shortDigest2 } from "../promote/post-core.js";

// stand-in:promote-post:src/core/errors.ts:src/stores/ledger/github/records.ts
import { m14$SealError as m14$SealError4, m14$exitCodeOf as m14$exitCodeOf4, m14$isSealError as m14$isSealError4, m14$messageOf as m14$messageOf4, m14$quote as m14$quote4, m14$stopsPromotion as m14$stopsPromotion4 } from "../promote/post-core.js";

// stand-in:promote-post:src/core/promotion/record.ts:src/stores/ledger/github/records.ts
import { m22$DEFAULT_PENDING_TIMEOUT_MS as m22$DEFAULT_PENDING_TIMEOUT_MS2, m22$OBSERVING as m22$OBSERVING2, m22$OUTCOMES as m22$OUTCOMES2, m22$RESOLUTIONS as m22$RESOLUTIONS2, m22$confirmedOutcome as m22$confirmedOutcome2, m22$describeService as m22$describeService2, m22$isEarlier as m22$isEarlier2, m22$makesLive as m22$makesLive2, m22$serviceOf as m22$serviceOf2 } from "../promote/post-core.js";

// stand-in:promote-post:src/stores/ledger/record-codec.ts:src/stores/ledger/github/records.ts
import { m38$decodeRecord } from "../promote/post-core.js";

// stand-in:promote-post:src/core/json-shape.ts:src/stores/ledger/github/records.ts
import { m16$isRecord as m16$isRecord2 } from "../promote/post-core.js";

// src/stores/ledger/github/records.ts?promote-post
var PAYLOAD_KEY = "artifact-seal";
var PAYLOAD_FORMAT = 2;
var TASK = /^(deploy|veto|approve|observe|drift-ack):(sha256:.*)$/;
var taskFor = (kind, digest) => `${kind}:${digest}`;
var KINDS = {
  vetoed: "veto",
  approved: "approve",
  observed: "observe",
  acknowledged: "drift-ack"
};
var kindOf = (record) => KINDS[record.outcome] ?? "deploy";
function payloadFor(record) {
  const stored = { ...record, service: m22$serviceOf2(record) };
  delete stored.time;
  return { [PAYLOAD_KEY]: PAYLOAD_FORMAT, record: stored };
}
var APPENDED = [
  "pending",
  "refused",
  "vetoed",
  "approved",
  "observed",
  "acknowledged"
];
var REPLACED_PREFIX = "replaced by ";
var VETOED_PREFIX = "vetoed while being deployed: ";
var LIVE_CHANGED_PREFIX = "live changed while being confirmed: ";
var ABANDONED_PREFIX = "abandoned: ";
var CONTINUES = /\(continues (\d+)\)$/;
var DESCRIPTION_LIMIT = 140;
function truncate(text, limit = DESCRIPTION_LIMIT) {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}\u2026`;
}
var named2 = (record) => `${m12$shortDigest2(record.digest)}${record.name === null ? "" : ` (${record.name})`}`;
function descriptionFor(record) {
  const verb = record.outcome === "pending" ? record.mode === "rollback" ? "rolling back to" : "promoting" : record.outcome === "approved" ? "contract amendment approved for" : record.outcome === "observed" ? `observed (${record.observation?.verdict ?? "unknown"}) against` : record.outcome === "acknowledged" ? "drift acknowledged against" : record.outcome;
  return truncate(`${verb} ${named2(record)}`);
}
function confirmationFor(record, continues) {
  const text = `${record.mode === "rollback" ? "rolled back to" : "deployed"} ${named2(record)}`;
  return continues === null ? truncate(text) : `${truncate(text, 100)} (continues ${continues})`;
}
function continuesOf(description) {
  return CONTINUES.exec(description)?.[1] ?? null;
}
function damagedDeployment(deployment, context, detail) {
  return new m14$SealError4(
    "tampered",
    `${context.location}: deployment ${deployment.id} (environment ${JSON.stringify(deployment.environment)}, task ${JSON.stringify(deployment.task)}) was written by artifact-seal but its record cannot be read: ${detail}. The ledger is damaged, so the promotion is refused (fail closed). Inspect it with "gh api repos/${context.repository}/deployments/${deployment.id}"; if it is not a real promotion, mark it inactive and delete it.`
  );
}
function recordOf(deployment, context) {
  const task = TASK.exec(deployment.task);
  const payload = payloadObject(deployment.payload);
  const marked = payload !== void 0 && PAYLOAD_KEY in payload;
  if (task === null && !marked) return null;
  const damaged = (detail) => {
    throw damagedDeployment(deployment, context, detail);
  };
  if (!marked) return damaged(`its payload has no ${JSON.stringify(PAYLOAD_KEY)} key`);
  const format = payload[PAYLOAD_KEY];
  if (typeof format === "number" && format > PAYLOAD_FORMAT) {
    return damaged(
      `its payload is format ${format}, written by a newer artifact-seal; use that version or later to read this ledger`
    );
  }
  if (format !== PAYLOAD_FORMAT)
    return damaged(`its payload format is ${JSON.stringify(format)}, not ${PAYLOAD_FORMAT}`);
  const stored = payload.record;
  if (!m16$isRecord2(stored)) return damaged("its payload has no record object");
  const record = m38$decodeRecord({ ...stored, time: deployment.createdAt }, damaged);
  if (task === null)
    return damaged(
      'its task is not "deploy:<digest>", "veto:<digest>", "approve:<digest>", "observe:<digest>" or "drift-ack:<digest>"'
    );
  if (task[2] !== record.digest)
    return damaged(`its task names ${task[2]} but its record ${record.digest}`);
  if (task[1] !== kindOf(record))
    return damaged(`a "${task[1]}" task holds a record whose outcome is ${record.outcome}`);
  if (!APPENDED.includes(record.outcome)) {
    return damaged(
      `its record is a ${record.outcome} record; those are statuses of a pending deployment, never deployments of their own`
    );
  }
  if (record.environment.toLowerCase() !== deployment.environment.toLowerCase()) {
    return damaged(
      `it is a deployment to ${JSON.stringify(deployment.environment)} but its record names ${JSON.stringify(record.environment)}`
    );
  }
  return record;
}
function keyOf(deployment) {
  const record = payloadObject(deployment.payload)?.record;
  if (typeof record !== "object" || record === null) return void 0;
  const key = record.key;
  return typeof key === "string" ? key : void 0;
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
  return m16$isRecord2(value) ? value : void 0;
}

// src/stores/ledger/github/history.ts?promote-post
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function historyOf(statuses, unreadable) {
  const inOrder = [...statuses].reverse();
  let previous = Number.NEGATIVE_INFINITY;
  for (const status of inOrder) {
    const time = Date.parse(status.createdAt);
    if (!ISO_TIME.test(status.createdAt) || Number.isNaN(time)) {
      unreadable(
        `its ${status.state} status ${status.id} is dated ${JSON.stringify(status.createdAt)}, not an ISO 8601 UTC time`
      );
    }
    if (time < previous)
      unreadable(
        `its ${status.state} status ${status.id} (${status.createdAt}) is dated before the status posted before it`
      );
    previous = time;
  }
  let resolution = null;
  let from = null;
  let until = null;
  let continues = null;
  for (const status of inOrder) {
    if (resolution === null) {
      if (status.state === "success") {
        resolution = { outcome: "deployed", status };
        from = status.createdAt;
        continues = continuesOf(status.description);
      } else if (status.state === "failure") {
        resolution = { outcome: "failed", status };
      } else if (status.state === "error") {
        resolution = {
          outcome: status.description.startsWith(ABANDONED_PREFIX) ? "abandoned" : "failed",
          status
        };
      }
      continue;
    }
    if (resolution.outcome !== "deployed") break;
    if (status.state === "failure" && (status.description.startsWith(VETOED_PREFIX) || status.description.startsWith(LIVE_CHANGED_PREFIX))) {
      return { resolution: { outcome: "failed", status }, stretch: null, continues: null };
    }
    if (until !== null) continue;
    if (status.state === "inactive") {
      if (status.description.startsWith(REPLACED_PREFIX)) until = status.createdAt;
    } else if (status.state === "error" && status.description.startsWith(ABANDONED_PREFIX)) {
      continue;
    } else if (status.state === "failure" || status.state === "error") {
      until = status.createdAt;
    }
  }
  return { resolution, stretch: from === null ? null : { from, until }, continues };
}

// stand-in:promote-post:src/stores/ledger/ledger.ts:src/stores/ledger/github-deployments.ts
import { m37$wrongEnvironment } from "../promote/post-core.js";

// stand-in:promote-post:src/core/vocabulary.ts:src/stores/ledger/github-deployments.ts
import { m29$ACTION_VOCABULARY as m29$ACTION_VOCABULARY2, m29$capitalized as m29$capitalized2, m29$speakAs as m29$speakAs2, m29$words as m29$words2 } from "../promote/post-core.js";

// src/stores/ledger/github-deployments.ts?promote-post
var PAGE_SIZE = 100;
var COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
var CLOCK_SLACK_MS = 10 * 60 * 1e3;
var ABANDON_LOOKBACK_MS = 24 * 60 * 60 * 1e3;
var FUTURE_TOLERANCE_MS = 60 * 1e3;
var GitHubDeploymentsLedger = class {
  constructor(options) {
    this.options = options;
    const parts = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(options.repository);
    if (parts === null) {
      throw new m14$SealError(
        "bad-input",
        `GITHUB_REPOSITORY: ${m14$quote(options.repository)} is not "owner/name"; the github ledger keeps its records in that repository's deployments.`
      );
    }
    this.location = `github:${options.repository}`;
    this.context = { repository: options.repository, location: this.location };
    this.serverUrl = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
    this.pendingTimeoutMs = options.pendingTimeoutMs ?? m22$DEFAULT_PENDING_TIMEOUT_MS;
    const apiUrl = options.apiUrl.replace(/\/+$/, "");
    this.api = new DeploymentsApi({
      token: options.token,
      owner: parts[1],
      repo: parts[2],
      apiUrl,
      policy: {
        ...DEFAULT_POLICY,
        ...options.retry,
        ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs }
      },
      clock: {
        ...SYSTEM_CLOCK,
        ...options.clock,
        ...options.sleep === void 0 ? {} : { sleep: options.sleep }
      },
      blame: {
        location: this.location,
        repository: options.repository,
        tokenInput: options.tokenInput ?? "github-token",
        apiUrl
      }
    });
  }
  options;
  location;
  api;
  context;
  serverUrl;
  pendingTimeoutMs;
  // ---- writes ----------------------------------------------------------------------------
  async record(environment, decide, pendingTimeoutMs) {
    if (environment.trim() === "") {
      throw new m14$SealError(
        "bad-input",
        `${this.location}: a record needs an environment; GitHub would file a deployment without one under "production".`
      );
    }
    const abandoned = await this.abandonStale(environment, pendingTimeoutMs);
    const seenLive = /* @__PURE__ */ new Map();
    const view = {
      live: async (env, service2) => {
        const live2 = await this.live(env, service2);
        if (env === environment) seenLive.set(service2, live2);
        return live2;
      },
      spans: (digest, env, service2) => this.spans(digest, env, service2),
      veto: (digest) => this.veto(digest),
      previouslyLive: (env, service2) => this.previouslyLive(env, service2),
      newest: (env) => this.newest(env),
      pending: (env, service2) => this.pending(env, service2),
      entries: (filter) => this.entries(filter),
      now: () => this.now()
    };
    const record = await decide(view);
    if (record === null) return { entry: null, lost: null, abandoned };
    this.checkNew(record, environment);
    const service = m22$serviceOf(record);
    if (record.outcome === "pending" && !seenLive.has(service))
      seenLive.set(service, await this.live(environment, service));
    const deployment = await this.api.createDeployment(
      {
        ref: this.refFor(record),
        task: taskFor(kindOf(record), record.digest),
        environment: record.environment,
        payload: payloadFor(record),
        description: descriptionFor(record)
      },
      (found) => keyOf(found) === record.key
    );
    await this.api.createStatus(deployment.id, statusFor(record));
    const entry = this.entry({ ...record, service, time: deployment.createdAt }, deployment.id);
    if (record.outcome !== "pending") return { entry, lost: null, abandoned };
    const veto = await this.veto(record.digest);
    const live = (await this.liveRun(environment, service, deployment.id))?.span ?? null;
    const before = seenLive.get(service) ?? null;
    let lost = null;
    if (veto !== null) {
      lost = `${record.digest} was vetoed while the promotion was being recorded (${veto.reason ?? "no reason given"})`;
    } else if (live?.recordId !== before?.recordId) {
      lost = `another promotion to ${environment}${service === null ? "" : ` of ${m14$quote(service)}`} went live while this one was being recorded: ${live === null ? "nothing" : `${live.digest} (deployment ${live.recordId})`} is live now, not ${before === null ? "nothing" : `${before.digest} (deployment ${before.recordId})`}`;
    }
    const approval = record.amendment?.approval ?? null;
    if (lost === null && approval !== null)
      lost = await this.approvalTaken(environment, approval, deployment.id);
    if (lost !== null)
      await this.api.createStatus(deployment.id, { state: "failure", description: truncate(lost) });
    return { entry, lost, abandoned };
  }
  /**
   * An approval lets one promotion through, and this ledger has no lock: when another
   * promotion that names the same approval was appended first (the lower deployment id), this
   * one lost it. The users of an approval come after it, so the walk stops at the approval.
   */
  async approvalTaken(environment, approval, ours) {
    for await (const entry of this.entries({ environment })) {
      if (entry.id === approval) break;
      if (entry.outcome === "pending" && entry.id !== ours && entry.amendment?.approval === approval && compareIds(entry.id, ours) < 0) {
        return `the contract amendment's approval (record ${approval}) was used by deployment ${entry.id} while this promotion was being recorded; an approval lets one promotion through`;
      }
    }
    return null;
  }
  async resolve(request) {
    const pending = await this.pendingRecord(request.id);
    const elsewhere = m37$wrongEnvironment(pending, request, this.location);
    if (elsewhere !== null) throw elsewhere;
    const record = pending;
    if (request.outcome === "failed") {
      return this.close(pending, {
        state: "failure",
        description: truncate(request.reason ?? "the deployment failed"),
        ...links(request.runUrl, null)
      });
    }
    if (request.outcome === "abandoned") {
      return this.close(pending, {
        state: "error",
        description: truncate(`${ABANDONED_PREFIX}${request.reason ?? "not confirmed in time"}`),
        ...links(request.runUrl, null)
      });
    }
    const now = await this.now();
    const age = now.getTime() - Date.parse(record.time);
    if (age >= this.pendingTimeoutMs) {
      throw new m14$SealError(
        "refused",
        `${this.location}: deployment ${request.id} (${record.digest} to ${record.environment}) was decided at ${record.time}, ${Math.round(age / 6e4)} minutes ago by GitHub's clock: longer than a pending record may wait for its confirmation (${Math.round(this.pendingTimeoutMs / 6e4)} minutes), so it is not confirmed and the next promotion to ${record.environment} marks it abandoned. Promote the digest again to record its deployment.`
      );
    }
    const vetoBefore = await this.veto(record.digest);
    if (vetoBefore !== null) return this.close(pending, vetoedStatus(vetoBefore, request.runUrl));
    const service = m22$serviceOf(record);
    const before = await this.liveRun(record.environment, service, request.id);
    const liveContract = before !== null && m20$needsLiveContract(record) ? await this.contractOf(before.span) : void 0;
    const changed = m20$confirmationChanged(
      record,
      before?.span ?? null,
      liveContract,
      (span) => `deployment ${span.recordId}`
    );
    if (changed !== null) {
      const failed = await this.close(pending, {
        state: "failure",
        description: truncate(changed),
        ...links(request.runUrl, null)
      });
      return { ...failed, reason: changed };
    }
    const continues = before !== null && before.span.digest === record.digest ? before.span.recordId : null;
    await this.api.createStatus(request.id, {
      state: "success",
      description: confirmationFor(record, continues),
      ...links(request.runUrl, record.environmentUrl)
    });
    const vetoAfter = await this.veto(record.digest);
    if (vetoAfter !== null) {
      await this.api.createStatus(request.id, vetoedStatus(vetoAfter, request.runUrl));
      return this.resolutionOf(pending);
    }
    const race = await this.overtaken(record);
    if (race.lost !== null) {
      await this.api.createStatus(request.id, {
        state: "failure",
        description: truncate(`${LIVE_CHANGED_PREFIX}${race.lost}`),
        ...links(request.runUrl, null)
      });
      return { ...await this.resolutionOf(pending), reason: race.lost };
    }
    const resolved = race.ours !== null ? this.resolutionEntry(pending, { outcome: "deployed", status: race.ours.confirmation }) : await this.resolutionOf(pending);
    if (resolved.outcome !== m22$confirmedOutcome(record.mode)) {
      throw new m14$SealError(
        "conflict",
        `${this.location}: deployment ${request.id} (${record.digest} to ${record.environment}) was resolved as ${resolved.outcome} by another writer (${resolved.reason ?? "no reason given"}) while this job confirmed it, so it is not live. Promote the digest again to record its deployment.`
      );
    }
    if (before !== null && continues === null) {
      for (const id of before.deployments) {
        await this.api.createStatus(id, {
          state: "inactive",
          description: truncate(
            `${REPLACED_PREFIX}${m12$shortDigest(record.digest)} (deployment ${request.id})`
          )
        });
      }
    }
    return resolved;
  }
  /**
   * Whether another confirmation of the record's service landed just before this one's
   * success (posted already): the stretch right before ours must be the run the gate compared
   * against. Two confirmations that both passed the check before either posted order
   * themselves as every read orders stretches (by time, then deployment id), so exactly the
   * first keeps its success. Why this one lost (null when it did not), and its own stretch
   * when the walk met it.
   */
  async overtaken(record) {
    let ours = null;
    for await (const stretch of this.byConfirmation(
      record.environment,
      m22$serviceOf(record),
      void 0,
      record.id
    )) {
      if (ours === null) {
        if (stretch.id === record.id) ours = stretch;
        continue;
      }
      if (stretch.digest === record.previousDigest || stretch.digest === record.digest)
        return { lost: null, ours };
      const span = {
        digest: stretch.digest,
        environment: record.environment,
        from: stretch.from,
        until: null,
        recordId: stretch.id
      };
      return {
        lost: m20$confirmationChanged(
          record,
          span,
          void 0,
          (s) => `deployment ${s.recordId}, confirmed while this one was`
        ),
        ours
      };
    }
    return {
      lost: ours !== null && record.previousDigest !== null ? m20$confirmationChanged(record, null, void 0, () => "") : null,
      ours
    };
  }
  /** The contract digest the record that made a stretch live names. */
  async contractOf(span) {
    const record = recordOf(await this.api.deployment(span.recordId), this.context);
    return record?.contract?.digest ?? null;
  }
  // ---- reads -----------------------------------------------------------------------------
  async live(environment, service) {
    return (await this.liveRun(environment, service))?.span ?? null;
  }
  async newest(environment) {
    for await (const newest of this.byConfirmation(environment, ANY_SERVICE)) {
      if (newest.until !== null) return null;
      const start = await this.runStart(newest);
      return {
        service: newest.service,
        live: {
          digest: newest.digest,
          environment,
          from: start.from,
          until: null,
          recordId: start.id
        }
      };
    }
    return null;
  }
  /**
   * Every deployment of the environment is listed (no statuses are read): `status` asks, when the
   * policy names no services.
   */
  async services(environment) {
    const found = /* @__PURE__ */ new Set();
    for await (const deployment of this.api.deployments({ environment }, PAGE_SIZE)) {
      const record = recordOf(deployment, this.context);
      if (record?.outcome === "pending") found.add(m22$serviceOf(record));
    }
    return [...found];
  }
  async spans(digest, environment, service) {
    const stretches = [];
    for await (const seen of this.read(
      this.api.deployments({ environment, task: taskFor("deploy", digest) }, PAGE_SIZE),
      void 0,
      ofService(service)
    )) {
      const stretch = stretchOf(seen);
      if (stretch !== null) stretches.push(stretch);
    }
    if (stretches.length === 0) return [];
    const live = stretches.some((s) => s.until === null) ? await this.live(environment, service) : null;
    const ofLiveRun = (s) => live !== null && live.digest === digest && (s.id === live.recordId || Date.parse(s.from) >= Date.parse(live.from));
    const stray = stretches.filter((s) => s.until === null && !ofLiveRun(s));
    const lost = stray.length === 0 ? /* @__PURE__ */ new Set() : await this.lostRaces(environment, service, stray);
    const closed = stretches.filter((s) => !lost.has(s.id)).map((s) => s.until !== null || ofLiveRun(s) ? s : { ...s, until: s.from });
    closed.sort((a, b) => Date.parse(a.from) - Date.parse(b.from) || compareIds(a.id, b.id));
    const merged = [];
    for (const s of closed) {
      const last = merged.at(-1);
      if (last !== void 0 && (last.until === null || Date.parse(s.from) < Date.parse(last.until))) {
        const until = last.until === null || s.until === null ? null : Date.parse(s.until) > Date.parse(last.until) ? s.until : last.until;
        merged[merged.length - 1] = { ...last, until };
      } else {
        merged.push({ digest, environment, from: s.from, until: s.until, recordId: s.id });
      }
    }
    if (live !== null && live.digest === digest) {
      const last = merged.at(-1);
      if (last !== void 0 && last.until === null)
        merged[merged.length - 1] = { ...last, from: live.from, recordId: live.recordId };
    }
    return merged;
  }
  async veto(digest) {
    for await (const deployment of this.api.deployments(
      { task: taskFor("veto", digest) },
      PAGE_SIZE
    )) {
      const record = recordOf(deployment, this.context);
      if (record?.outcome === "vetoed") return this.entry(record, deployment.id);
    }
    return null;
  }
  async *previouslyLive(environment, service) {
    const seen = /* @__PURE__ */ new Set();
    let newerFrom = null;
    for await (const stretch of this.byConfirmation(environment, service)) {
      if (newerFrom === null && stretch.until === null) {
        seen.add(stretch.digest);
      } else if (!seen.has(stretch.digest)) {
        seen.add(stretch.digest);
        const start = await this.runStart(stretch);
        yield {
          digest: stretch.digest,
          environment,
          from: start.from,
          until: stretch.until ?? newerFrom,
          recordId: start.id
        };
      }
      newerFrom = stretch.from;
    }
  }
  async pending(environment, service) {
    const open = await this.openPending(environment, this.pendingTimeoutMs, service);
    const now = (await this.now()).getTime();
    return open.filter((seen) => now - Date.parse(seen.record.time) < this.pendingTimeoutMs).map((seen) => this.entry(seen.record, seen.deployment.id));
  }
  async *entries(filter = {}) {
    const { environment, digest, service } = filter;
    const sources = digest === void 0 ? [this.api.deployments({ environment }, PAGE_SIZE)] : [
      this.api.deployments({ environment, task: taskFor("deploy", digest) }, PAGE_SIZE),
      this.api.deployments({ environment, task: taskFor("veto", digest) }, PAGE_SIZE)
    ];
    for await (const seen of this.read(
      newestFirst(sources),
      void 0,
      service === void 0 ? void 0 : ofService(service)
    )) {
      const entry = this.entry(seen.record, seen.deployment.id);
      const resolution = seen.history?.resolution;
      if (resolution != null) yield this.resolutionEntry(entry, resolution);
      yield entry;
    }
  }
  async now() {
    return this.api.serverNow();
  }
  // ---- how the reads are made ------------------------------------------------------------
  /**
   * The ledger's deployments among those listed (those `keep` takes: one service's), with the
   * statuses of each pending record read and checked. Another service's deployment costs only
   * its share of a page.
   */
  async *read(deployments, stopBefore, keep) {
    for await (const deployment of deployments) {
      if (stopBefore !== void 0 && Date.parse(deployment.createdAt) < stopBefore()) return;
      const record = recordOf(deployment, this.context);
      if (record === null || keep !== void 0 && !keep(record)) continue;
      yield {
        deployment,
        record,
        history: record.outcome === "pending" ? await this.historyOf(deployment) : null
      };
    }
  }
  async historyOf(deployment) {
    const { statuses, serverTime } = await this.api.statuses(deployment.id);
    const unreadable = (detail) => {
      throw damagedDeployment(deployment, this.context, detail);
    };
    const history = historyOf(statuses, unreadable);
    const limit = (Number.isNaN(serverTime) ? Number.POSITIVE_INFINITY : serverTime) + FUTURE_TOLERANCE_MS;
    const future = statuses.find((s) => Date.parse(s.createdAt) > limit);
    if (future !== void 0) {
      throw new m14$SealError(
        "tampered",
        `${this.location}: deployment ${deployment.id} (environment ${m14$quote(deployment.environment)}, task ${m14$quote(deployment.task)}) has a ${future.state} status dated ${future.createdAt}, after GitHub's own clock (${new Date(serverTime).toISOString()}) when it listed it; a time in the future is not trusted, so the promotion is refused (fail closed). Inspect it with "gh api repos/${this.options.repository}/deployments/${deployment.id}/statuses"; a status written by something other than artifact-seal can be removed by deleting the deployment.`
      );
    }
    return history;
  }
  /**
   * The service's live stretches in the environment (every service's, with ANY_SERVICE), newest
   * start first, without the confirmations that lost a race (see `lostRace`): those never
   * count as live, whether or not the failure status that voids them was ever posted. A
   * stretch is given once no deployment not listed yet can change that: every stretch that
   * went live after its gate decision has been met.
   */
  /** `keep`: a deployment whose stretch is given even when it lost a race. */
  async *byConfirmation(environment, service, skip, keep) {
    const met = [];
    let next = 0;
    let horizon = Number.POSITIVE_INFINITY;
    const settled = (stretch) => horizon <= Date.parse(stretch.decidedAt);
    const ready = () => {
      const stretch = met[next];
      return stretch !== void 0 && settled(stretch) && lostRaceWindow(stretch, met).every(settled);
    };
    for await (const item of this.rawByConfirmation(environment, service, skip)) {
      if (typeof item === "number") horizon = item;
      else met.push(item);
      while (ready()) {
        const stretch = met[next++];
        if (stretch.id === keep || !lostRace(stretch, met)) yield stretch;
      }
    }
    horizon = Number.NEGATIVE_INFINITY;
    while (next < met.length) {
      const stretch = met[next++];
      if (stretch.id === keep || !lostRace(stretch, met)) yield stretch;
    }
  }
  /**
   * Which of these stretches of the service lost a race (`lostRace`): the service's stretches are
   * walked until every one is judged.
   */
  async lostRaces(environment, service, candidates) {
    const met = [];
    const settled = (horizon) => candidates.every(
      (c) => horizon <= Date.parse(c.decidedAt) && lostRaceWindow(c, met).every((w) => horizon <= Date.parse(w.decidedAt))
    );
    for await (const item of this.rawByConfirmation(environment, service)) {
      if (typeof item !== "number") met.push(item);
      else if (settled(item)) break;
    }
    return new Set(
      candidates.filter((c) => lostRace(c, [...met.filter((m) => m.id !== c.id), c])).map((c) => c.id)
    );
  }
  /**
   * Every stretch whose `success` stands, newest start first, lost races included. A stretch
   * is given only once no deployment not listed yet can have gone live after it: every
   * deployment still to come was created before the last one listed, and was confirmed within
   * the pending timeout of that. Between them it gives, as a number, the latest time a
   * stretch still to come can have started (its horizon). Another service's deployments cost
   * only their share of a page: their statuses are never read.
   */
  async *rawByConfirmation(environment, service, skip) {
    const reach = this.pendingTimeoutMs + CLOCK_SLACK_MS;
    const buffer = [];
    for await (const deployment of this.api.deployments({ environment }, PAGE_SIZE)) {
      const frontier = Date.parse(deployment.createdAt);
      yield frontier + reach;
      while (buffer.length > 0 && Date.parse(buffer[0].from) > frontier + reach)
        yield buffer.shift();
      const record = recordOf(deployment, this.context);
      if (record?.outcome !== "pending" || deployment.id === skip || service !== ANY_SERVICE && m22$serviceOf(record) !== service)
        continue;
      const stretch = stretchOf({ deployment, record, history: await this.historyOf(deployment) });
      if (stretch === null) continue;
      const at = buffer.findIndex((b) => newer(stretch, b));
      buffer.splice(at === -1 ? buffer.length : at, 0, stretch);
    }
    yield* buffer;
  }
  /**
   * The live stretch: the one that started last, when nothing ended it. A stretch that
   * continues an older deployment's (the live digest confirmed again) starts where that one did.
   */
  /**
   * `skip`: a deployment known to have no stretch (a pending record just read or made), whose
   * statuses are not read.
   */
  async liveRun(environment, service, skip) {
    for await (const newest of this.byConfirmation(environment, service, skip)) {
      if (newest.until !== null) return null;
      const start = await this.runStart(newest);
      const span = {
        digest: newest.digest,
        environment,
        from: start.from,
        until: null,
        recordId: start.id
      };
      return { span, deployments: start.id === newest.id ? [newest.id] : [newest.id, start.id] };
    }
    return null;
  }
  /**
   * Where a stretch's run starts: at the deployment its confirmation says it continues, when
   * that one is of the same digest, environment and service and was never replaced; else at itself.
   */
  async runStart(stretch) {
    if (stretch.continues === null || stretch.continues === stretch.id) return stretch;
    const deployment = await this.api.deployment(stretch.continues);
    const record = recordOf(deployment, this.context);
    if (record?.outcome !== "pending" || record.digest !== stretch.digest || record.environment.toLowerCase() !== stretch.environment.toLowerCase() || m22$serviceOf(record) !== stretch.service) {
      return stretch;
    }
    const history = await this.historyOf(deployment);
    const earlier = history.stretch;
    if (earlier === null || Date.parse(earlier.from) > Date.parse(stretch.from)) return stretch;
    if (earlier.until !== null && Date.parse(earlier.until) <= Date.parse(stretch.from))
      return stretch;
    return { id: deployment.id, from: earlier.from };
  }
  /**
   * The environment's pending records nothing has resolved (of one service, when given), created
   * within `within` of now (GitHub's clock), oldest first.
   */
  async openPending(environment, within, service) {
    const since = (await this.now()).getTime() - Math.max(within, this.pendingTimeoutMs) - CLOCK_SLACK_MS;
    const open = [];
    for await (const seen of this.read(
      this.api.deployments({ environment }, PAGE_SIZE),
      () => since,
      service === void 0 ? void 0 : ofService(service)
    )) {
      if (seen.history !== null && seen.history.resolution === null) open.push(seen);
    }
    return open.reverse();
  }
  /**
   * Marks the environment's pending records older than the timeout abandoned, and returns the
   * abandonments that took. It looks a day past the timeout: a job that failed is marked by any
   * gate in its environment within that day. An older one stays "in progress" on the
   * Environments page, but no read counts it and it can no longer be confirmed.
   */
  async abandonStale(environment, timeoutMs) {
    const open = await this.openPending(environment, timeoutMs + ABANDON_LOOKBACK_MS);
    const now = (await this.now()).getTime();
    const abandoned = [];
    for (const seen of open) {
      const age = now - Date.parse(seen.deployment.createdAt);
      if (age < timeoutMs) continue;
      const pending = this.entry(seen.record, seen.deployment.id);
      const description = truncate(
        `${ABANDONED_PREFIX}not confirmed within ${formatDuration(timeoutMs)} of the gate's decision`
      );
      const resolved = await this.close(pending, { state: "error", description }, false);
      if (resolved.outcome === "abandoned") abandoned.push(resolved);
    }
    return abandoned;
  }
  /** The pending record a deployment id names, or a SealError saying what it is instead. */
  async pendingRecord(id) {
    if (!/^\d+$/.test(id)) {
      throw new m14$SealError(
        "bad-input",
        `${this.location}: ${m14$quote(id)} is not a deployment id; a pending record of the github ledger is named by its deployment's number. Give ${m29$words2().recordIdSource}.`
      );
    }
    const deployment = await this.api.deployment(id);
    const record = recordOf(deployment, this.context);
    if (record === null) {
      throw new m14$SealError(
        "bad-input",
        `${this.location}: deployment ${id} (task ${m14$quote(deployment.task)}, environment ${m14$quote(deployment.environment)}) was not made by artifact-seal, so it cannot be resolved. Give ${m29$words2().recordIdSource}.`
      );
    }
    const pending = this.entry(record, id);
    if (record.outcome !== "pending") {
      throw new m14$SealError(
        "bad-input",
        `${this.location}: deployment ${id} is a ${record.outcome} record of ${record.digest} in ${record.environment}, not a pending one; only a pending record can be resolved.`
      );
    }
    const history = await this.historyOf(deployment);
    if (history.resolution !== null) {
      const resolved = this.resolutionEntry(pending, history.resolution);
      throw new m14$SealError(
        "conflict",
        `${this.location}: deployment ${id} (${record.digest} to ${record.environment}) is not pending: it was resolved as ${resolved.outcome} at ${resolved.time}${resolved.reason === null ? "" : ` (${resolved.reason})`}. A record is resolved once; promote the digest again to record another deployment.`
      );
    }
    return pending;
  }
  /** Posts a resolving status on a pending deployment and returns the resolution its statuses now show. */
  async close(pending, status, strict = true) {
    await this.api.createStatus(pending.id, status);
    const resolved = await this.resolutionOf(pending);
    const wanted = status.state === "failure" ? "failed" : "abandoned";
    if (strict && resolved.outcome !== wanted) {
      throw new m14$SealError(
        "conflict",
        `${this.location}: deployment ${pending.id} (${pending.digest} to ${pending.environment}) was resolved as ${resolved.outcome} by another writer while this job marked it ${wanted}; its statuses say so, and nothing more needs doing.`
      );
    }
    return resolved;
  }
  /** The resolution a pending record's statuses show now. */
  async resolutionOf(pending) {
    const deployment = {
      id: pending.id,
      task: taskFor("deploy", pending.digest),
      environment: pending.environment,
      payload: null,
      createdAt: pending.time
    };
    const history = await this.historyOf(deployment);
    if (history.resolution === null) {
      throw new m14$SealError(
        "unavailable",
        `${this.location}: deployment ${pending.id} still reads as pending after its resolving status was posted; GitHub did not keep the status. ${m29$capitalized2(m29$words2().rerun)}; if it keeps happening, check https://www.githubstatus.com.`
      );
    }
    return this.resolutionEntry(pending, history.resolution);
  }
  resolutionEntry(pending, resolved) {
    const status = resolved.status;
    return {
      ...pending,
      outcome: resolved.outcome === "deployed" ? m22$confirmedOutcome(pending.mode) : resolved.outcome,
      time: status.createdAt,
      runUrl: status.logUrl === "" ? null : status.logUrl,
      actor: null,
      reason: resolved.outcome === "deployed" ? null : status.description === "" ? null : status.description,
      environmentUrl: status.environmentUrl === "" ? pending.environmentUrl : status.environmentUrl,
      resolves: pending.id,
      key: `${pending.key}/resolution`,
      id: `${pending.id}/statuses/${status.id}`
    };
  }
  /** Only gate decisions are appended by `record`; resolutions go through `resolve`. */
  checkNew(record, environment) {
    if (!APPENDED.includes(record.outcome)) {
      throw new Error(
        `${this.location}: a ${record.outcome} record is written by resolving its pending record, not appended; this is a bug in artifact-seal, please report it.`
      );
    }
    if (record.outcome !== "vetoed" && record.environment !== environment) {
      throw new Error(
        `${this.location}: a decision for ${m14$quote(record.environment)} was made while recording ${m14$quote(environment)}; this is a bug in artifact-seal, please report it.`
      );
    }
    if (record.key === "")
      throw new Error(
        `${this.location}: a record needs a key, so a retried write finds what it wrote; this is a bug in artifact-seal, please report it.`
      );
  }
  /** The commit that sealed the digest when it is one of this repository's, else the job's commit. */
  refFor(record) {
    const sealed = record.sealedBy;
    const ours = sealed?.repository == null || sealed.repository.toLowerCase() === this.options.repository.toLowerCase();
    if (sealed?.commit != null && ours && COMMIT.test(sealed.commit)) return sealed.commit;
    if (this.options.ref !== "") return this.options.ref;
    throw new m14$SealError(
      "bad-input",
      `${this.location}: a deployment must be made on a commit of ${this.options.repository}, and there is none: the record's sealing commit ${sealed?.commit == null ? "is unknown" : `${m14$quote(sealed.commit)} (of ${sealed.repository ?? this.options.repository}) cannot be used`} and GITHUB_SHA is not set. Run the step in a GitHub Actions job, or set GITHUB_SHA.`
    );
  }
  environmentUrl(environment) {
    return `${this.serverUrl}/${this.options.repository}/deployments/${encodeURIComponent(environment)}`;
  }
  entry(record, id) {
    return { ...record, id, url: this.environmentUrl(record.environment) };
  }
};
var ANY_SERVICE = /* @__PURE__ */ Symbol("every service");
var ofService = (service) => (record) => m22$serviceOf(record) === service;
function stretchOf(seen) {
  const stretch = seen.history?.stretch;
  const confirmation = seen.history?.resolution?.status;
  if (stretch == null || confirmation === void 0) return null;
  return {
    id: seen.deployment.id,
    digest: seen.record.digest,
    environment: seen.record.environment,
    service: m22$serviceOf(seen.record),
    from: stretch.from,
    until: stretch.until,
    continues: seen.history?.continues ?? null,
    confirmation,
    decidedAt: seen.deployment.createdAt,
    previousDigest: seen.record.previousDigest
  };
}
function lostRaceWindow(stretch, met) {
  const decided = Date.parse(stretch.decidedAt);
  return met.filter(
    (other) => other.id !== stretch.id && other.service === stretch.service && Date.parse(other.from) > decided && newer(stretch, other)
  );
}
function lostRace(stretch, met) {
  const overtakenBy = (s, others) => lostRaceWindow(s, others).filter(
    (other) => other.digest !== s.previousDigest && other.digest !== s.digest
  );
  return overtakenBy(stretch, met).some((other) => overtakenBy(other, met).length === 0);
}
function newer(a, b) {
  const byTime = Date.parse(a.from) - Date.parse(b.from);
  return byTime !== 0 ? byTime > 0 : compareIds(a.id, b.id) > 0;
}
function compareIds(a, b) {
  const d = BigInt(a) - BigInt(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}
function links(runUrl, environmentUrl) {
  return {
    ...runUrl === null ? {} : { log_url: runUrl },
    ...environmentUrl === null ? {} : { environment_url: environmentUrl }
  };
}
function vetoedStatus(veto, runUrl) {
  return {
    state: "failure",
    description: truncate(`${VETOED_PREFIX}${veto.reason ?? `vetoed in ${veto.environment}`}`),
    ...links(runUrl, null)
  };
}
function statusFor(record) {
  const url = links(record.runUrl, record.environmentUrl);
  switch (record.outcome) {
    case "pending":
      return {
        state: "in_progress",
        description: truncate(
          `waiting for the deployment to be confirmed: ${descriptionFor(record)}`
        ),
        ...url
      };
    case "refused":
      return { state: "failure", description: truncate(record.reason ?? "refused"), ...url };
    case "observed":
    case "acknowledged":
      return {
        state: "inactive",
        description: truncate(
          `${record.outcome === "observed" ? `observed ${record.observation?.verdict ?? "unknown"}` : "drift acknowledged"}: ${record.reason ?? ""}`
        ),
        ...url
      };
    case "approved":
      return {
        state: "inactive",
        description: truncate(`contract amendment approved: ${record.reason ?? ""}`),
        ...url
      };
    default:
      return { state: "error", description: truncate(record.reason ?? "vetoed"), ...url };
  }
}
function formatDuration(ms) {
  const minutes = Math.round(ms / 6e4);
  if (minutes < 60) return `${minutes}m`;
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
export {
  GitHubDeploymentsLedger
};
