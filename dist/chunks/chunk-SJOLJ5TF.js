
// src/http/retry-policy.ts
var DEFAULT_RETRY = { attempts: 4, baseDelayMs: 1e3, maxDelayMs: 6e4 };
var DEFAULT_POLICY = {
  ...DEFAULT_RETRY,
  timeoutMs: 3e4,
  deadlineMs: 3e5
};
function sigstoreFetchOptions(policy = DEFAULT_POLICY) {
  return {
    timeout: policy.timeoutMs,
    retry: {
      retries: policy.attempts - 1,
      factor: 2,
      minTimeout: policy.baseDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true
    }
  };
}
var SECONDARY_DEFAULT_WAIT_MS = 6e4;
function classify(error) {
  const e = typeof error === "object" && error !== null ? error : {};
  const response = e.response;
  if (response === void 0 || typeof e.status !== "number")
    return { kind: "network", detail: networkDetail(e) };
  const status = e.status;
  const headers = response.headers ?? {};
  const message = bodyMessageOf(response.data);
  const detail = message === "" ? `${status}` : `${status} ${message}`;
  if (status === 401) return { kind: "bad-credentials", status, detail };
  if (status === 403 || status === 429) {
    const remaining = header(headers, "x-ratelimit-remaining");
    const retryAfter = Number(header(headers, "retry-after"));
    const secondary = /secondary rate limit/i.test(message);
    if (header(headers, "retry-after") !== void 0 && Number.isFinite(retryAfter)) {
      return {
        kind: "rate-limit",
        status,
        detail,
        waitMs: Math.max(0, retryAfter * 1e3),
        resetAt: null
      };
    }
    const retryAt = Date.parse(header(headers, "retry-after") ?? "");
    if (!Number.isNaN(retryAt)) {
      const serverNow = Date.parse(header(headers, "date") ?? "");
      return {
        kind: "rate-limit",
        status,
        detail,
        waitMs: Math.max(0, retryAt - (Number.isNaN(serverNow) ? Date.now() : serverNow)),
        resetAt: new Date(retryAt).toISOString()
      };
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
    if (secondary || status === 429)
      return {
        kind: "rate-limit",
        status,
        detail,
        waitMs: SECONDARY_DEFAULT_WAIT_MS,
        resetAt: null
      };
    if (status === 403 && /not accessible by integration/i.test(message))
      return { kind: "forbidden", status, detail };
  }
  if (status >= 500 || status === 408) return { kind: "server", status, detail };
  return { kind: "client", status, detail };
}
function isRetryable(failure) {
  return failure.kind === "network" || failure.kind === "server" || failure.kind === "rate-limit";
}
function delayBefore(failure, attempt, options, random = Math.random) {
  if (failure.kind === "rate-limit" && failure.waitMs !== null && failure.waitMs > 0)
    return failure.waitMs;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}
function header(headers, name) {
  const value = headers[name];
  return value === void 0 || value === null ? void 0 : String(value);
}
function bodyMessageOf(data) {
  if (typeof data === "object" && data !== null && "message" in data)
    return String(data.message);
  if (typeof data === "string")
    return abbreviate(
      data.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim()
    );
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

export {
  DEFAULT_RETRY,
  DEFAULT_POLICY,
  sigstoreFetchOptions,
  classify,
  isRetryable,
  delayBefore,
  abbreviate
};
