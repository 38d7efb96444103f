import {
  __export,
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:http
var node_http_exports = {};
__export(node_http_exports, {
  Agent: () => Agent,
  ClientRequest: () => ClientRequest,
  IncomingMessage: () => IncomingMessage,
  METHODS: () => METHODS,
  OutgoingMessage: () => OutgoingMessage,
  STATUS_CODES: () => STATUS_CODES,
  Server: () => Server,
  ServerResponse: () => ServerResponse,
  _connectionListener: () => _connectionListener,
  createServer: () => createServer,
  default: () => node_http_default,
  get: () => get,
  request: () => request,
  setGlobalProxyFromEnv: () => setGlobalProxyFromEnv,
  setMaxIdleHTTPParsers: () => setMaxIdleHTTPParsers,
  validateHeaderName: () => validateHeaderName,
  validateHeaderValue: () => validateHeaderValue
});
var builtin = __require("node:http");
var node_http_default = builtin;
var { _connectionListener, METHODS, STATUS_CODES, Agent, ClientRequest, IncomingMessage, OutgoingMessage, Server, ServerResponse, createServer, validateHeaderName, validateHeaderValue, get, request, setMaxIdleHTTPParsers, setGlobalProxyFromEnv } = builtin;

// src/http/exchange.ts
import { Readable, pipeline } from "node:stream";
var agents = /* @__PURE__ */ new Map();
function agentFor(https, env) {
  const protocol = https === null ? "http:" : "https:";
  const proxied = env.NODE_USE_ENV_PROXY === "1" || process.execArgv.includes("--use-env-proxy") || /(^|\s)--use-env-proxy(\s|$)/.test(env.NODE_OPTIONS ?? "");
  const key = `${protocol}${proxied ? JSON.stringify([env.HTTP_PROXY, env.http_proxy, env.HTTPS_PROXY, env.https_proxy, env.NO_PROXY, env.no_proxy]) : ""}`;
  let agent = agents.get(key);
  if (agent === void 0) {
    const options = { keepAlive: true, ...proxied ? { proxyEnv: { ...env } } : {} };
    agent = https === null ? new Agent(options) : new https.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}
async function exchange(request2) {
  const { url, signal } = request2;
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TypeError(`not an http(s) URL: ${url.protocol}`);
  const https = url.protocol === "https:" ? await import("node:https") : null;
  if (signal.aborted) throw reasonOf(signal);
  const headers = { ...request2.headers };
  const body = request2.body;
  if (Buffer.isBuffer(body) && !hasHeader(headers, "content-length"))
    headers["content-length"] = String(body.length);
  const answer = await new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      reject(signal.aborted ? reasonOf(signal) : error);
    };
    let req;
    try {
      req = (https ?? node_http_exports).request(url, {
        method: request2.method,
        headers,
        agent: agentFor(https, request2.env ?? process.env),
        signal
      });
    } catch (error) {
      fail(error);
      return;
    }
    req.on("error", fail);
    req.on("response", (res) => {
      if (settled) {
        res.destroy();
        return;
      }
      settled = true;
      resolve(res);
    });
    if (body === void 0) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else pipeline(Readable.fromWeb(body), req, () => {
    });
  });
  return {
    status: answer.statusCode ?? 0,
    headers: new ReceivedHeaders(answer),
    body: await decode(answer, request2.method),
    signal
  };
}
async function readBounded(answer, limit, options = {}) {
  const length = answer.headers.get("content-length");
  const declared = length !== null && /^\d+$/.test(length) ? Number(length) : null;
  if (declared !== null && declared > limit && options.head !== true) {
    answer.body.destroy();
    return { bytes: Buffer.alloc(0), over: "declared", declared };
  }
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of answer.body) {
      if (size + chunk.length > limit) {
        chunks.push(chunk.subarray(0, limit - size));
        answer.body.destroy();
        return { bytes: Buffer.concat(chunks), over: "sent", declared };
      }
      size += chunk.length;
      chunks.push(chunk);
    }
  } catch (error) {
    throw answer.signal.aborted ? reasonOf(answer.signal) : error;
  }
  return { bytes: Buffer.concat(chunks), over: null, declared };
}
function discard(answer) {
  answer.body.destroy();
}
function webStream(answer) {
  return Readable.toWeb(answer.body);
}
function reasonOf(signal) {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
function hasHeader(headers, name) {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
var ENCODINGS = /* @__PURE__ */ new Set(["gzip", "x-gzip", "deflate", "br"]);
async function decode(res, method) {
  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (method === "HEAD" || res.statusCode === 204 || res.statusCode === 304 || !ENCODINGS.has(encoding))
    return res;
  const zlib = await import("node:zlib");
  const decoder = encoding === "br" ? zlib.createBrotliDecompress() : encoding === "deflate" ? zlib.createInflate() : zlib.createGunzip();
  return pipeline(res, decoder, () => {
  });
}
var ReceivedHeaders = class {
  fields;
  cookies;
  constructor(res) {
    this.fields = /* @__PURE__ */ new Map();
    this.cookies = [];
    const raw = res.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      const value = raw[i + 1];
      if (name === "set-cookie") this.cookies.push(value);
      const before = this.fields.get(name);
      this.fields.set(name, before === void 0 ? value : `${before}, ${value}`);
    }
  }
  get(name) {
    return this.fields.get(name.toLowerCase()) ?? null;
  }
  has(name) {
    return this.fields.has(name.toLowerCase());
  }
  getSetCookie() {
    return [...this.cookies];
  }
  forEach(callback, thisArg) {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
  *entries() {
    for (const key of [...this.fields.keys()].sort()) yield [key, this.fields.get(key)];
  }
  *keys() {
    for (const [key] of this.entries()) yield key;
  }
  *values() {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  append() {
    throw new TypeError("the headers of an answer are read-only");
  }
  delete() {
    throw new TypeError("the headers of an answer are read-only");
  }
  set() {
    throw new TypeError("the headers of an answer are read-only");
  }
};

export {
  exchange,
  readBounded,
  discard,
  webStream
};
