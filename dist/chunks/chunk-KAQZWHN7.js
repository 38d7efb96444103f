import {
  DOCKER_HUB,
  digestReference,
  formatReference,
  registryHost,
  sameRepository,
  withDigest
} from "./chunk-N5LYBXRY.js";
import {
  CONFIG_MAX_BYTES,
  MANIFEST_MAX_BYTES,
  blobsOf,
  childOf,
  formatPlatform,
  platformChildren,
  platformOfConfig,
  proveManifest,
  readManifest
} from "./chunk-ZPQHICT5.js";
import {
  digestFromHex,
  hexOf,
  sha256Digest,
  shortDigest
} from "./chunk-KRR2HU2L.js";
import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  SealError,
  isSealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  ANY_CONTROL
} from "./chunk-OTNJMBZK.js";
import {
  discard,
  exchange,
  readBounded,
  webStream
} from "./chunk-6Q2WRFY4.js";
import {
  retrying
} from "./chunk-ERNWVJRV.js";
import {
  SYSTEM_CLOCK
} from "./chunk-P4TSECCU.js";
import {
  parseChallenges
} from "./chunk-PXYCEGCV.js";
import {
  spawn
} from "./chunk-PEFIDIUF.js";
import {
  MANIFEST_ACCEPT,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  OCTET_STREAM,
  SIGSTORE_BUNDLE_PREFIX,
  bareMediaType,
  isManifestType
} from "./chunk-IOF2R6EN.js";
import {
  homedir
} from "./chunk-M6ACESL2.js";
import {
  DEFAULT_RETRY,
  abbreviate,
  classify,
  isRetryable
} from "./chunk-SJOLJ5TF.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import {
  join
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync,
  statSync
} from "./chunk-KUE42OYI.js";

// src/stores/registry/credentials.ts
var GITHUB_REGISTRY = "ghcr.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
var DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
var HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var CONFIG_MAX_BYTES2 = 1024 * 1024;
function normalizeKey(key) {
  const hadScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(key);
  const bare = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
  const slash = bare.indexOf("/");
  const host = (slash === -1 ? bare : bare.slice(0, slash)).toLowerCase();
  const rest = slash === -1 || hadScheme ? "" : bare.slice(slash);
  return `${DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host}${rest}`;
}
var hostOf = (key) => normalizeKey(key).split("/")[0];
var CredentialResolver = class {
  constructor(options = {}) {
    this.options = options;
    this.env = options.env ?? process.env;
    this.home = options.homeDir ?? homedir();
  }
  options;
  found = /* @__PURE__ */ new Map();
  env;
  home;
  /** The credentials for a repository on a registry (`docker.io` for Docker Hub), or null when none are configured. */
  find(registry, repository) {
    const key = `${registry}/${repository}`;
    let pending = this.found.get(key);
    if (pending === void 0) {
      pending = this.lookUp(registry, repository);
      this.found.set(key, pending);
    }
    return pending;
  }
  /** The places `find` looks, for a message saying none had anything. */
  looked(registry) {
    const places = (this.options.explicit ?? []).some(
      (given) => hostOf(given.registry) === registry
    ) ? ["the credentials given for it"] : [];
    if (this.options.github !== void 0 && registry === (this.options.github.registry ?? GITHUB_REGISTRY))
      places.push("the GitHub token");
    places.push(this.dockerConfigPath());
    places.push(
      this.authFilePath() ?? "no containers auth file (REGISTRY_AUTH_FILE and XDG_RUNTIME_DIR unset)"
    );
    return places;
  }
  async lookUp(registry, repository) {
    for (const given of this.options.explicit ?? []) {
      if (hostOf(given.registry) === registry) {
        return {
          credentials: { kind: "basic", username: given.username, password: given.password },
          source: `the user and password given for ${registry}`
        };
      }
    }
    const github = this.options.github;
    if (github !== void 0 && github.token !== "" && registry === hostOf(github.registry ?? GITHUB_REGISTRY)) {
      const username = github.username ?? this.env.GITHUB_ACTOR ?? "x-access-token";
      return {
        credentials: { kind: "basic", username, password: github.token },
        source: `the GitHub token for ${registry}`
      };
    }
    const docker = this.readJson(this.dockerConfigPath());
    if (docker !== null) {
      const found = await this.fromConfig(
        docker,
        this.dockerConfigPath(),
        registry,
        [registry],
        true
      );
      if (found !== null) return found;
    }
    const authFile = this.authFilePath();
    if (authFile !== null) {
      const containers = this.readJson(authFile);
      if (containers !== null) {
        const parts = repository.split("/");
        const keys = parts.map((_, i) => `${registry}/${parts.slice(0, parts.length - i).join("/")}`).concat(registry);
        const found = await this.fromConfig(containers, authFile, registry, keys, false);
        if (found !== null) return found;
      }
    }
    return null;
  }
  dockerConfigPath() {
    const dir = this.env.DOCKER_CONFIG !== void 0 && this.env.DOCKER_CONFIG !== "" ? this.env.DOCKER_CONFIG : join(this.home, ".docker");
    return join(dir, "config.json");
  }
  authFilePath() {
    if (this.env.REGISTRY_AUTH_FILE !== void 0 && this.env.REGISTRY_AUTH_FILE !== "")
      return this.env.REGISTRY_AUTH_FILE;
    if (this.env.XDG_RUNTIME_DIR !== void 0 && this.env.XDG_RUNTIME_DIR !== "")
      return join(this.env.XDG_RUNTIME_DIR, "containers", "auth.json");
    return null;
  }
  /** A config file as an object; null when it does not exist. Anything unreadable is an error naming the file. */
  readJson(file) {
    let text;
    try {
      const stat = statSync(file);
      if (!stat.isFile())
        throw new SealError(
          "bad-input",
          `${file}: the credentials file is not a regular file. Remove it or point DOCKER_CONFIG / REGISTRY_AUTH_FILE elsewhere.`
        );
      if (stat.size > CONFIG_MAX_BYTES2)
        throw new SealError(
          "refused",
          `${file}: the credentials file is ${stat.size} bytes, more than such a file holds; refused unread.`
        );
      text = readFileSync(file, "utf8");
    } catch (error) {
      if (error instanceof SealError) throw error;
      if (error.code === "ENOENT" || error.code === "ENOTDIR")
        return null;
      throw new SealError(
        "unreadable",
        `${file}: the credentials file cannot be read (${error.message}). Fix its permissions, or point DOCKER_CONFIG / REGISTRY_AUTH_FILE elsewhere.`,
        { cause: error }
      );
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SealError(
        "malformed",
        `${file}: the credentials file is not JSON. Fix it (docker login rewrites it), or point DOCKER_CONFIG / REGISTRY_AUTH_FILE elsewhere.`
      );
    }
    if (typeof json !== "object" || json === null || Array.isArray(json))
      throw new SealError(
        "malformed",
        `${file}: the credentials file is not a JSON object. Fix it, or point DOCKER_CONFIG / REGISTRY_AUTH_FILE elsewhere.`
      );
    return json;
  }
  /** `keys`: what to look the registry up by in `auths`, most specific first. */
  async fromConfig(config, file, registry, keys, hostOnly) {
    const helpers = asRecord(config.credHelpers);
    const helperKey = Object.keys(helpers).find((key) => normalizeKey(key) === registry);
    const helper = helperKey !== void 0 ? helpers[helperKey] : config.credsStore;
    if (typeof helper === "string" && helper !== "") {
      const found = await this.runHelper(
        helper,
        registry,
        file,
        helperKey !== void 0 ? `credHelpers[${quote(helperKey)}]` : "credsStore"
      );
      if (found !== null) return found;
    }
    const auths = asRecord(config.auths);
    for (const want of keys) {
      const key = Object.keys(auths).find((k) => (hostOnly ? hostOf(k) : normalizeKey(k)) === want);
      if (key === void 0) continue;
      const credentials = fromAuthEntry(asRecord(auths[key]), file, key);
      if (credentials !== null) return { credentials, source: `${file} auths[${quote(key)}]` };
    }
    return null;
  }
  /** `docker-credential-<name> get`: the server on stdin, `{"Username","Secret"}` on stdout. */
  async runHelper(name, registry, file, field) {
    if (!HELPER_NAME.test(name))
      throw new SealError(
        "malformed",
        `${file}: ${field} names the credential helper ${quote(name)}, which is not a helper name. Fix the entry (a name such as "pass" or "ecr-login").`
      );
    const program = `docker-credential-${name}`;
    const server = registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry;
    const result = await new Promise((resolve) => {
      const child = spawn(program, ["get"], { env: this.env, stdio: ["pipe", "pipe", "pipe"] });
      const timer = setTimeout(() => child.kill("SIGKILL"), this.options.helperTimeoutMs ?? 3e4);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => stdout += chunk.toString());
      child.stderr.on("data", (chunk) => stderr += chunk.toString());
      child.once("error", (error) => {
        clearTimeout(timer);
        resolve({ code: null, stdout, stderr, error });
      });
      child.once("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.on("error", () => void 0);
      child.stdin.end(server);
    });
    const where2 = `${program} (${field} in ${file})`;
    if (result.error !== void 0) {
      if (result.error.code === "ENOENT")
        throw new SealError(
          "bad-input",
          `${file}: ${field} names the credential helper ${quote(name)}, but ${program} is not on PATH. Install it, or remove the entry.`
        );
      throw new SealError("unavailable", `${where2} could not be run: ${result.error.message}.`, {
        cause: result.error
      });
    }
    if (result.code !== 0) {
      if (/credentials not found/i.test(result.stdout + result.stderr)) return null;
      const said = (result.stderr.trim() || result.stdout.trim()).slice(0, 200);
      throw new SealError(
        "unavailable",
        `${where2} failed for ${registry} (exit ${result.code ?? "by signal"}${said === "" ? "" : `: ${quote(said)}`}). Fix the helper (is it logged in?), or remove the entry.`
      );
    }
    let answer;
    try {
      answer = JSON.parse(result.stdout);
    } catch {
      throw new SealError(
        "unavailable",
        `${where2} answered something other than JSON for ${registry}. Check the helper's version.`
      );
    }
    if (typeof answer.Secret !== "string" || answer.Secret === "") return null;
    const username = typeof answer.Username === "string" ? answer.Username : "";
    const credentials = username === "<token>" ? { kind: "identity-token", username, token: answer.Secret } : { kind: "basic", username, password: answer.Secret };
    return { credentials, source: where2 };
  }
};
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function fromAuthEntry(entry, file, key) {
  let username = typeof entry.username === "string" ? entry.username : "";
  let password = typeof entry.password === "string" ? entry.password : "";
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1)
      throw new SealError(
        "malformed",
        `${file}: auths[${quote(key)}].auth is not base64 of "user:password". Log in again (docker login) to rewrite it.`
      );
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (typeof entry.identitytoken === "string" && entry.identitytoken !== "")
    return { kind: "identity-token", username, token: entry.identitytoken };
  if (username === "" && password === "") return null;
  return { kind: "basic", username, password };
}

// src/core/image/attestation.ts
var EMPTY_CONFIG = Buffer.from("{}");
var EMPTY_CONFIG_DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
var CREATED_ANNOTATION = "org.opencontainers.image.created";
var BUNDLE_CONTENT_ANNOTATION = "dev.sigstore.bundle.content";
var BUNDLE_PREDICATE_TYPE_ANNOTATION = "dev.sigstore.bundle.predicateType";
function bundleFacts(bundle, where2) {
  const bad = (why) => {
    throw new SealError(
      "malformed",
      `${where2}: ${why}. Give the Sigstore bundle (the .sigstore.json a signed seal writes) unchanged.`
    );
  };
  let json;
  try {
    json = JSON.parse(bundle.toString("utf8"));
  } catch {
    return bad("it is not JSON");
  }
  if (typeof json !== "object" || json === null) return bad("it is not a JSON object");
  const b = json;
  if (typeof b.mediaType !== "string" || !b.mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return bad(`its mediaType ${quote(String(b.mediaType))} is not a Sigstore bundle's`);
  }
  if (typeof b.dsseEnvelope !== "object" || b.dsseEnvelope === null) {
    if (typeof b.messageSignature === "object" && b.messageSignature !== null) {
      return {
        mediaType: b.mediaType,
        content: "message-signature",
        predicateType: null,
        subjectDigests: []
      };
    }
    return bad("it holds neither a DSSE envelope nor a message signature");
  }
  const envelope = b.dsseEnvelope;
  let statement;
  try {
    statement = JSON.parse(
      Buffer.from(String(envelope.payload), "base64").toString("utf8")
    );
  } catch {
    return bad("its DSSE payload is not a JSON statement");
  }
  if (typeof statement.predicateType !== "string") bad("its statement has no predicateType");
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  const subjectDigests = subjects.flatMap((s) => {
    const hex = s?.digest?.sha256;
    return typeof hex === "string" ? [hex.toLowerCase()] : [];
  });
  return {
    mediaType: b.mediaType,
    content: "dsse-envelope",
    predicateType: statement.predicateType,
    subjectDigests
  };
}
function attestationArtifact(input) {
  const facts = bundleFacts(input.bundle, input.where);
  const hex = hexOf(input.subject.digest);
  if (facts.content === "dsse-envelope" && !facts.subjectDigests.includes(hex)) {
    throw new SealError(
      "tampered",
      `${input.where}: the bundle's statement names ${facts.subjectDigests.length === 0 ? "no sha256 subject" : facts.subjectDigests.map(digestFromHex).join(", ")}, not the image ${input.subject.digest}. Attach a bundle that was signed for this image's digest.`
    );
  }
  const config = {
    mediaType: OCI_EMPTY,
    digest: EMPTY_CONFIG_DIGEST,
    size: EMPTY_CONFIG.length
  };
  const layer = {
    mediaType: facts.mediaType,
    digest: sha256Digest(input.bundle),
    size: input.bundle.length
  };
  const annotations = {
    [CREATED_ANNOTATION]: input.created,
    [BUNDLE_CONTENT_ANNOTATION]: facts.content
  };
  if (facts.predicateType !== null)
    annotations[BUNDLE_PREDICATE_TYPE_ANNOTATION] = facts.predicateType;
  const body = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: facts.mediaType,
    config: plainDescriptor(config),
    layers: [plainDescriptor(layer)],
    subject: plainDescriptor(input.subject),
    annotations
  };
  const bytes = Buffer.from(JSON.stringify(body));
  const manifest = readManifest(bytes, sha256Digest(bytes), OCI_MANIFEST, input.where);
  return {
    manifest,
    blobs: [
      { descriptor: config, bytes: EMPTY_CONFIG },
      { descriptor: layer, bytes: input.bundle }
    ],
    entry: {
      mediaType: OCI_MANIFEST,
      digest: manifest.digest,
      size: bytes.length,
      artifactType: facts.mediaType,
      annotations
    }
  };
}
function plainDescriptor(descriptor) {
  return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
}

// src/stores/registry/messages.ts
function named(request) {
  const url = new URL(request.url);
  return `${request.method} ${url.origin}${url.pathname}`;
}
var origin = (request) => new URL(request.url).origin;
function requestFailed(request, failure, attempts, waitMs) {
  const times = attempts === 1 ? "once" : `${attempts} times`;
  switch (failure.kind) {
    case "rate-limit":
      if (waitMs !== void 0) {
        return `${request.where}: the registry rate-limited ${named(request)} (${failure.detail}) and asks for a wait of ${Math.ceil(waitMs / 1e3)} s, longer than artifact-seal waits. Run again later, or give credentials: registries allow logged-in clients more requests.`;
      }
      return `${request.where}: the registry rate-limited ${named(request)} ${times} (last: ${failure.detail}). Run again later, or give credentials: registries allow logged-in clients more requests.`;
    case "server":
      return `${request.where}: ${named(request)} failed ${times}; the last answer was ${failure.detail}. Run again; if it keeps failing, check the registry's status${waitMs === void 0 ? "" : " (the retries ran out of time)"}.`;
    case "network":
      return `${request.where}: ${named(request)} failed ${times}; the last attempt got ${failure.detail}. Check that ${origin(request)} is reachable from the runner (a proxy, a firewall, a typo in the registry's name), then run again.`;
    default:
      return `${request.where}: ${named(request)} answered ${failure.detail}.`;
  }
}
function tooLarge(request, limit) {
  return `${request.where}: ${named(request)} answered with more than ${limit} bytes, more than such an answer holds; refused unread. Check that the registry's address is right.`;
}
function unsafeRedirect(request, why) {
  return `${request.where}: ${named(request)} was refused: ${why}. Check the registry's address and its storage settings.`;
}
function unexpectedAnswer(request, status, detail, fix) {
  return `${request.where}: ${named(request)} answered ${status}${detail === "" ? "" : ` ${abbreviate(detail, 200)}`}. ${fix}`;
}
function noCredentials(where2, registry, looked) {
  return `${where2}: the registry ${registry} asks for credentials, and none were found for it (looked at ${looked.join("; ")}). Log in first: docker login ${registry} (docker/login-action in a workflow)${registry === "ghcr.io" ? `, or give the job's github-token with "permissions: packages: read"` : ""}.`;
}
function credentialsRefused(where2, registry, source, detail) {
  return `${where2}: the registry ${registry} refused the credentials from ${source}${detail === "" ? "" : ` (${abbreviate(detail, 200)})`}. Check the user name and password or token there; a token may have expired.`;
}
function accessDenied(where2, registry, repository, push, source, detail) {
  const right = push ? "push to (pull and push)" : "pull from";
  const who = source === null ? "without credentials" : `with the credentials from ${source}`;
  const hint = registry === "ghcr.io" ? ` For ghcr.io in a workflow, give the job "permissions: packages: ${push ? "write" : "read"}" and the package access to the repository.` : "";
  return `${where2}: the registry ${registry} does not let this client ${right} ${quote(repository)} ${who}${detail === "" ? "" : ` (${abbreviate(detail, 200)})`}. Give credentials that may ${push ? "push" : "pull"} there.${hint}`;
}
function badChallenge(where2, registry, header) {
  return `${where2}: the registry ${registry} answered 401 with ${header === null ? "no WWW-Authenticate header" : `an unreadable WWW-Authenticate header ${quote(abbreviate(header, 200))}`}, so artifact-seal cannot tell how to log in. Check the registry's address.`;
}
function insecureRealm(where2, registry, realm) {
  return `${where2}: the registry ${registry} sends clients to the token service ${quote(realm)}, which is not HTTPS; credentials are never sent in the clear. Fix the registry's token realm, or name the service as an insecure registry if it is on a trusted network.`;
}

// src/stores/registry/transport.ts
function codeOf(failure) {
  if (isRetryable(failure)) return "unavailable";
  return failure.kind === "bad-credentials" || failure.kind === "forbidden" ? "denied" : "refused";
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 10;
var DEFAULT_BODY_LIMIT = 64 * 1024;
function isLoopbackHost(hostPort) {
  const host = hostPort.startsWith("[") ? hostPort.slice(0, hostPort.indexOf("]") + 1) : hostPort.replace(/:\d+$/, "");
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
var Transport = class {
  constructor(options, plainHttpAllowed) {
    this.options = options;
    this.plainHttpAllowed = plainHttpAllowed;
  }
  options;
  plainHttpAllowed;
  counts = /* @__PURE__ */ new Map();
  /** Requests made so far, per operation. */
  requestCounts() {
    return Object.fromEntries(this.counts);
  }
  resetCounts() {
    this.counts.clear();
  }
  /**
   * Sends a request, retrying per the policy; an answer the policy does not retry (2xx, 3xx
   * without a usable Location, 4xx but 408 and 429) is returned for the caller to read.
   */
  async send(request) {
    const streamed = request.body !== void 0 && !Buffer.isBuffer(request.body);
    return retrying(
      async (signal) => {
        try {
          const response = await this.attempt(request, signal);
          if (!shouldRetry(response.status) || request.noRetry?.includes(response.status))
            return { value: response };
          return {
            failure: classify({
              status: response.status,
              response: {
                headers: Object.fromEntries(response.headers),
                data: errorSummary(response.body)
              }
            })
          };
        } catch (error) {
          if (error instanceof SealError) throw error;
          return { failure: classify({ cause: error }) };
        }
      },
      {
        policy: this.options.policy,
        clock: this.options.clock,
        timeoutMs: request.stream === true || streamed ? this.options.blobTimeoutMs : this.options.policy.timeoutMs,
        once: streamed,
        fail: (failure, attempts, refusedWait) => new SealError(
          codeOf(failure),
          requestFailed(request, failure, attempts, refusedWait ?? void 0)
        )
      }
    );
  }
  /** One attempt: the request and the redirects it leads to. */
  async attempt(request, signal) {
    let url = new URL(request.url);
    let method = request.method;
    let body = request.body;
    let credentials = request.credentials;
    const entityHeaders = { ...request.headers };
    for (let hop = 0; ; hop++) {
      const sendCredentials = credentials !== void 0 && url.origin === request.credentialOrigin;
      this.count(request.operation);
      const response = await exchange({
        method,
        url,
        headers: {
          "user-agent": this.options.userAgent,
          ...entityHeaders,
          ...sendCredentials ? credentials : {}
        },
        body,
        signal,
        ...this.options.env === void 0 ? {} : { env: this.options.env }
      });
      const location = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || location === null)
        return this.read(request, response, url);
      discard(response);
      if (hop >= MAX_REDIRECTS)
        throw new SealError(
          "refused",
          unsafeRedirect(request, `more than ${MAX_REDIRECTS} redirects`)
        );
      const next = parseUrl(location, url.href);
      if (next === null)
        throw new SealError(
          "refused",
          unsafeRedirect(
            request,
            `a redirect to ${JSON.stringify(location.slice(0, 100))}, which is not a URL`
          )
        );
      if (next.protocol !== "https:" && !(next.protocol === "http:" && this.plainHttpAllowed(next.host))) {
        throw new SealError(
          "refused",
          unsafeRedirect(
            request,
            `a redirect from ${url.origin} to ${next.protocol}//${next.host}, which would send the request in the clear or over another protocol`
          )
        );
      }
      if (next.origin !== url.origin) credentials = void 0;
      if (response.status === 303 || (response.status === 301 || response.status === 302) && method === "POST") {
        if (method !== "HEAD") method = "GET";
        body = void 0;
        for (const name of Object.keys(entityHeaders))
          if (/^content-/i.test(name)) delete entityHeaders[name];
      } else if (body !== void 0 && !Buffer.isBuffer(body)) {
        throw new SealError(
          "refused",
          unsafeRedirect(request, "a redirect of a streamed upload, which cannot be sent twice")
        );
      }
      url = next;
    }
  }
  async read(request, response, url) {
    const ok = response.status >= 200 && response.status < 300;
    if (request.stream === true && ok) {
      return {
        status: response.status,
        headers: response.headers,
        url: url.href,
        body: Buffer.alloc(0),
        stream: webStream(response)
      };
    }
    const limit = request.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
    const read = await readBounded(response, request.method === "HEAD" ? Infinity : limit, {
      head: !ok
    });
    if (read.over !== null && ok) throw new SealError("refused", tooLarge(request, limit));
    return {
      status: response.status,
      headers: response.headers,
      url: url.href,
      body: read.bytes,
      stream: null
    };
  }
  count(operation) {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }
};
function parseUrl(text, base) {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}
function shouldRetry(status) {
  return status >= 500 || status === 429 || status === 408;
}
function errorSummary(body) {
  const text = body.subarray(0, 4096).toString("utf8");
  let summary = null;
  try {
    const errors = JSON.parse(text).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      summary = errors.map(
        (e) => [e.code, e.message].filter((part) => typeof part === "string" && part !== "").join(": ")
      ).join("; ");
    }
  } catch {
  }
  return (summary ?? text.replace(/<[^>]*>/g, " ")).replace(ANY_CONTROL, " ").replace(/\s+/g, " ").trim();
}

// src/stores/registry/api.ts
var enc = (repository) => repository;
var RegistryApi = class {
  constructor(session) {
    this.session = session;
  }
  session;
  /**
   * Manifests fetched by digest and proven, per repository: content-addressed, so one read
   * serves the gate, the retag, the copy and the referrers of one run without asking again.
   */
  proven = /* @__PURE__ */ new Map();
  /** A manifest this client already proved in `repository`, or undefined. */
  provenManifest(repository, digest) {
    return this.proven.get(`${repository}@${digest}`);
  }
  /** Keeps a manifest whose bytes were proven to hash to its digest. */
  rememberProven(repository, manifest) {
    this.proven.set(`${repository}@${manifest.digest}`, manifest);
    return manifest;
  }
  get registry() {
    return this.session.registry;
  }
  async headManifest(call, repository, reference) {
    const request = {
      ...call,
      method: "HEAD",
      path: `/v2/${enc(repository)}/manifests/${reference}`,
      headers: { accept: MANIFEST_ACCEPT }
    };
    const response = await this.session.send(request);
    if (response.status === 404) return null;
    if (response.status !== 200)
      throw this.refusal(call, request, response, "Check the image reference.");
    const length = response.headers.get("content-length");
    return {
      digest: response.headers.get("docker-content-digest"),
      mediaType: bareMediaType(response.headers.get("content-type")),
      size: length === null || !/^\d+$/.test(length) ? null : Number(length)
    };
  }
  async getManifest(call, repository, reference) {
    const request = {
      ...call,
      method: "GET",
      path: `/v2/${enc(repository)}/manifests/${reference}`,
      headers: { accept: MANIFEST_ACCEPT },
      maxBodyBytes: MANIFEST_MAX_BYTES
    };
    const response = await this.session.send(request);
    if (response.status === 404) return null;
    if (response.status !== 200)
      throw this.refusal(call, request, response, "Check the image reference.");
    return {
      bytes: response.body,
      contentType: response.headers.get("content-type"),
      digestHeader: response.headers.get("docker-content-digest"),
      etag: response.headers.get("etag")
    };
  }
  /** PUTs exactly `bytes` with `mediaType`; `'precondition-failed'` when an If-Match no longer holds. */
  async putManifest(call, repository, reference, bytes, mediaType, ifMatch) {
    const request = {
      ...call,
      method: "PUT",
      path: `/v2/${enc(repository)}/manifests/${reference}`,
      headers: {
        "content-type": mediaType,
        ...ifMatch === void 0 ? {} : { "if-match": ifMatch }
      },
      body: bytes
    };
    const response = await this.session.send(request);
    if (response.status === 412) return "precondition-failed";
    if (response.status !== 201 && response.status !== 200) {
      throw this.refusal(
        call,
        request,
        response,
        "The registry refused the manifest (an immutable tag, a missing blob or child, or a type it does not take); see its answer."
      );
    }
    return {
      digestHeader: response.headers.get("docker-content-digest"),
      subject: response.headers.get("oci-subject")
    };
  }
  async blobExists(call, repository, digest) {
    const request = {
      ...call,
      method: "HEAD",
      path: `/v2/${enc(repository)}/blobs/${digest}`
    };
    const response = await this.session.send(request);
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw this.refusal(call, request, response, "Check the image reference.");
  }
  /** A cross-repository mount: true when the registry mounted it, else the upload it opened instead. */
  async mountBlob(call, repository, digest, from) {
    const query = new URLSearchParams({ mount: digest, from });
    const request = {
      ...call,
      method: "POST",
      path: `/v2/${enc(repository)}/blobs/uploads/?${query.toString()}`
    };
    const response = await this.session.send(request);
    if (response.status === 201) return true;
    if (response.status === 202) return this.location(call, request, response);
    throw this.refusal(call, request, response, "The registry refused to start an upload.");
  }
  async startUpload(call, repository) {
    const request = {
      ...call,
      method: "POST",
      path: `/v2/${enc(repository)}/blobs/uploads/`
    };
    const response = await this.session.send(request);
    if (response.status !== 202)
      throw this.refusal(call, request, response, "The registry refused to start an upload.");
    return this.location(call, request, response);
  }
  /** Ends an upload with the whole blob in one PUT (a buffer, or a stream sent once). */
  async putBlob(call, location, digest, body, size) {
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    const headers = { "content-type": OCTET_STREAM, "content-length": String(size) };
    const request = { ...call, method: "PUT", headers, body };
    const response = await this.session.sendTo(url.href, request);
    if (response.status !== 201)
      throw this.refusal(
        call,
        { method: "PUT", path: `${url.pathname}${url.search}` },
        response,
        "The registry refused the blob; see its answer."
      );
  }
  /** A blob's bytes as a stream (a redirect to storage is followed, without credentials). */
  async getBlob(call, repository, digest) {
    const request = {
      ...call,
      method: "GET",
      path: `/v2/${enc(repository)}/blobs/${digest}`,
      stream: true
    };
    const response = await this.session.send(request);
    if (response.status !== 200 || response.stream === null)
      throw this.refusal(
        call,
        request,
        response,
        "The blob could not be read from the registry or the storage it redirects to."
      );
    return response.stream;
  }
  /** A blob small enough to hold (a bundle), as bytes. */
  async getSmallBlob(call, repository, digest, limit) {
    const request = {
      ...call,
      method: "GET",
      path: `/v2/${enc(repository)}/blobs/${digest}`,
      maxBodyBytes: limit
    };
    const response = await this.session.send(request);
    if (response.status !== 200)
      throw this.refusal(
        call,
        request,
        response,
        "The blob could not be read from the registry or the storage it redirects to."
      );
    return response.body;
  }
  /**
   * One page of the referrers API; null when the registry does not serve it (404, 400, 405,
   * 406, or an answer that is not an OCI index, as ECR and older registries give).
   */
  async referrers(call, repository, subject, pathAndQuery, artifactType) {
    let path = pathAndQuery;
    if (path === void 0) {
      path = `/v2/${enc(repository)}/referrers/${subject}`;
      if (artifactType !== void 0) path += `?${new URLSearchParams({ artifactType }).toString()}`;
    }
    const request = {
      ...call,
      method: "GET",
      path,
      headers: { accept: OCI_INDEX },
      maxBodyBytes: MANIFEST_MAX_BYTES
    };
    const response = await this.session.send(request);
    if (response.status !== 200) {
      if ([400, 404, 405, 406].includes(response.status)) return null;
      throw this.refusal(call, request, response, "Check the registry's status and run again.");
    }
    if (bareMediaType(response.headers.get("content-type")) !== OCI_INDEX) return null;
    let body;
    try {
      body = JSON.parse(response.body.toString("utf8"));
    } catch {
      return null;
    }
    if (!Array.isArray(body.manifests)) return null;
    return {
      manifests: body.manifests,
      next: this.nextPage(response),
      filtered: /(^|,)\s*artifactType\s*(,|$)/.test(
        response.headers.get("oci-filters-applied") ?? ""
      )
    };
  }
  /** Link: <…>; rel="next", on the registry's own origin only (a page elsewhere is not followed). */
  nextPage(response) {
    const link = response.headers.get("link");
    const match = link === null ? null : /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
    if (match === null) return null;
    const url = parseUrl(match[1], response.url);
    return url !== null && url.origin === this.session.origin ? `${url.pathname}${url.search}` : null;
  }
  location(call, request, response) {
    const location = response.headers.get("location");
    const url = location === null ? null : parseUrl(location, response.url);
    if (url === null) {
      const said = location === null ? "no Location header" : `the Location ${quote(location)}, which is not a URL`;
      throw new SealError(
        "unavailable",
        unexpectedAnswer(
          { ...request, where: call.where, url: `${this.session.origin}${request.path}` },
          response.status,
          said,
          "The registry opened an upload without saying where to; check the registry."
        )
      );
    }
    return url.href;
  }
  /** The SealError for an answer an endpoint cannot act on. */
  refusal(call, request, response, fix) {
    const named2 = {
      where: call.where,
      method: request.method,
      url: `${this.session.origin}${request.path}`
    };
    const detail = errorSummary(response.body);
    if (response.status === 403 && new URL(response.url).origin === this.session.origin) {
      return new SealError(
        "denied",
        accessDenied(
          call.where,
          this.registry,
          call.scopes.map((s) => s.repository).join(", "),
          call.scopes.some((s) => s.push),
          this.session.credentialSource,
          detail
        )
      );
    }
    const elsewhere = new URL(response.url).origin !== this.session.origin;
    return new SealError(
      "unavailable",
      unexpectedAnswer(
        elsewhere ? { ...named2, url: response.url } : named2,
        response.status,
        detail,
        elsewhere ? `The registry redirected the request to ${new URL(response.url).origin}, whose answer this is; check the registry's storage.` : fix
      )
    );
  }
};

// src/stores/registry/manifests.ts
var where = (reference) => `image ${quote(formatReference(reference))}`;
var DIGEST_HEADER = /^sha256:[0-9a-f]{64}$/;
async function fetchProven(api, call, reference, digest) {
  const known = api.provenManifest(reference.repository, digest);
  if (known !== void 0) return known;
  const fetched = await api.getManifest(call, reference.repository, digest);
  if (fetched === null) {
    throw new SealError(
      "unreadable",
      `${call.where}: the manifest ${digest} is not in ${quote(reference.repository)} on ${api.registry} (404). The image was deleted, or the digest or repository is wrong; check them.`
    );
  }
  if (fetched.digestHeader !== null && fetched.digestHeader !== digest) {
    throw new SealError(
      "refused",
      `${call.where}: asked for the manifest ${digest}, the registry says it served ${quote(fetched.digestHeader)} (Docker-Content-Digest). Nothing is trusted from this answer; check the registry.`
    );
  }
  return api.rememberProven(
    reference.repository,
    proveManifest(fetched.bytes, digest, fetched.contentType, call.where)
  );
}
async function resolveTag(api, call, reference, tag) {
  const head = await api.headManifest(call, reference.repository, tag);
  if (head === null) throw tagMissing(call, reference, api.registry, tag);
  if (head.digest !== null && !DIGEST_HEADER.test(head.digest)) {
    throw new SealError(
      "refused",
      `${call.where}: the registry names the tag's manifest ${quote(head.digest)}, which is not a sha256 digest (Docker-Content-Digest). artifact-seal follows sha256 digests only; check the registry.`
    );
  }
  if (head.digest !== null && isManifestType(head.mediaType))
    return { reference, digest: head.digest, mediaType: head.mediaType, size: head.size };
  const fetched = await api.getManifest(call, reference.repository, tag);
  if (fetched === null) throw tagMissing(call, reference, api.registry, tag);
  const digest = sha256Digest(fetched.bytes);
  for (const said of [head.digest, fetched.digestHeader]) {
    if (said !== null && said !== digest) {
      throw new SealError(
        "refused",
        `${call.where}: the tag's manifest hashes to ${digest}, but the registry names it ${quote(said)}. Nothing is trusted from this answer; check the registry.`
      );
    }
  }
  const manifest = api.rememberProven(
    reference.repository,
    readManifest(fetched.bytes, digest, fetched.contentType, call.where)
  );
  return {
    reference,
    digest,
    mediaType: manifest.mediaType,
    size: fetched.bytes.length,
    fetched: manifest
  };
}
function tagMissing(call, reference, registry, tag) {
  return new SealError(
    "unreadable",
    `${call.where}: the tag ${quote(tag)} does not exist in ${quote(reference.repository)} on ${registry} (404), or the repository does not. Check the tag and the repository, and that the image was pushed.`
  );
}
function tagMoved(call, tag, expected, found) {
  return new SealError(
    "conflict",
    `${call.where}: the tag ${quote(tag)} now names ${found}, not ${expected} (${shortDigest(expected)} was expected): the tag moved. Nothing is re-resolved silently: deploy by the digest, or seal and promote the image the tag names now.`
  );
}

// src/core/image/referrers.ts
function fallbackTag(subject) {
  return `sha256-${hexOf(subject)}`;
}
function entryObject(descriptor) {
  return {
    mediaType: descriptor.mediaType,
    digest: descriptor.digest,
    size: descriptor.size,
    ...descriptor.artifactType === void 0 ? {} : { artifactType: descriptor.artifactType },
    ...descriptor.annotations === void 0 ? {} : { annotations: descriptor.annotations }
  };
}
function mergeReferrers(existing, entries, where2) {
  let body;
  if (existing === null) {
    body = { mediaType: OCI_INDEX, schemaVersion: 2, manifests: [] };
  } else {
    if (existing.mediaType !== OCI_INDEX) {
      throw new SealError(
        "refused",
        `${where2}: the referrers fallback tag names a ${quote(existing.mediaType)} manifest, not an OCI index, so it is not a referrers list; artifact-seal will not overwrite it. Move or delete that tag, then run again.`
      );
    }
    body = JSON.parse(existing.bytes.toString("utf8"));
  }
  const manifests = body.manifests;
  const present = new Set(manifests.map((m) => m.digest));
  const added = entries.filter((entry) => !present.has(entry.digest));
  for (const entry of added) manifests.push(entryObject(entry));
  return { bytes: Buffer.from(JSON.stringify(body)), added };
}
function listsDigest(index, digest) {
  return index !== null && index.manifest.kind === "index" && index.manifest.manifests.some((m) => m.digest === digest);
}
function judgeReferrer(manifest, subject) {
  const m = manifest.manifest;
  if (m.subject?.digest !== subject) return null;
  if (m.kind === "image" && m.mediaType === OCI_MANIFEST && m.layers.length === 1 && m.layers[0].mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return { manifest, what: { kind: "sigstore-bundle", bundle: m.layers[0] } };
  }
  const artifactType = m.artifactType ?? (m.kind === "image" ? m.config.mediaType : m.mediaType);
  return { manifest, what: { kind: "other", artifactType } };
}

// src/stores/registry/referrers.ts
var ZERO_DIGEST = `sha256:${"0".repeat(64)}`;
var BUNDLE_MAX_BYTES = 16 * 1024 * 1024;
var MAX_REFERRERS = 256;
var MAX_PAGES = 64;
async function pushBlob(api, call, repository, blob) {
  if (await api.blobExists(call, repository, blob.descriptor.digest)) return "present";
  const location = await api.startUpload(call, repository);
  try {
    await api.putBlob(call, location, blob.descriptor.digest, blob.bytes, blob.bytes.length);
  } catch (error) {
    if (error instanceof SealError && await api.blobExists(call, repository, blob.descriptor.digest))
      return "uploaded";
    throw error;
  }
  return "uploaded";
}
async function servesReferrersApi(api, call, repository) {
  return await api.referrers(call, repository, ZERO_DIGEST) !== null;
}
async function publishReferrers(api, call, repository, subject, manifests, fallback) {
  let indexed = manifests.length > 0;
  for (const manifest of manifests) {
    const answer = await api.putManifest(
      call,
      repository,
      manifest.digest,
      manifest.bytes,
      manifest.mediaType
    );
    if (answer === "precondition-failed")
      throw new SealError(
        "refused",
        `${call.where}: the registry refused the referrer ${manifest.digest} with 412 though no If-Match was sent; check the registry.`
      );
    checkPutDigest(call, answer.digestHeader, manifest.digest);
    if (answer.subject !== subject) indexed = false;
  }
  if (indexed && await servesReferrersApi(api, call, repository))
    return { via: "referrers-api", tag: null };
  const tag = await writeFallback(api, call, repository, subject, manifests.map(entryOf), fallback);
  return { via: "fallback-tag", tag };
}
function checkPutDigest(call, header, digest) {
  if (header !== null && header !== digest) {
    throw new SealError(
      "refused",
      `${call.where}: the registry stored the manifest ${digest} under the digest ${quote(header)}: it changed the bytes. Check the registry.`
    );
  }
}
function entryOf(manifest) {
  const m = manifest.manifest;
  const artifactType = m.artifactType ?? (m.kind === "image" ? m.config.mediaType : void 0);
  return {
    mediaType: manifest.mediaType,
    digest: manifest.digest,
    size: manifest.bytes.length,
    ...artifactType === void 0 ? {} : { artifactType },
    ...m.annotations === void 0 ? {} : { annotations: m.annotations }
  };
}
async function readFallback(api, call, repository, tag) {
  const fetched = await api.getManifest(call, repository, tag);
  if (fetched === null) return { index: null, etag: null };
  return {
    index: readManifest(
      fetched.bytes,
      sha256Digest(fetched.bytes),
      fetched.contentType,
      `${call.where} (referrers fallback tag ${tag})`
    ),
    etag: fetched.etag
  };
}
async function writeFallback(api, call, repository, subject, entries, options) {
  const tag = fallbackTag(subject);
  const where2 = `${call.where} (referrers fallback tag ${tag})`;
  const allListed = (read) => entries.every((entry) => listsDigest(read.index, entry.digest));
  let current = await readFallback(api, call, repository, tag);
  if (allListed(current)) return tag;
  for (let writes = 0; ; ) {
    if (writes >= options.rounds) {
      throw new SealError(
        "conflict",
        `${call.where}: the referrers fallback tag ${tag} lost the entry for ${entries.map((e) => shortDigest(e.digest)).join(", ")} ${writes} times in a row: other writers keep replacing the index. The artifact itself is stored by digest; run again when the other writers are done.`
      );
    }
    const merged = mergeReferrers(current.index, entries, where2);
    await options.pauses?.beforeWrite?.();
    try {
      await api.putManifest(
        call,
        repository,
        tag,
        merged.bytes,
        OCI_INDEX,
        current.etag ?? void 0
      );
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      throw new SealError(
        "refused",
        `${error.message} The referrers fallback tag ${tag} must be movable for registries without the referrers API: exempt tags matching "sha256-*" from tag immutability, or use a registry that serves the referrers API.`,
        { cause: error }
      );
    }
    writes++;
    await (options.pauses?.settle ?? options.sleep)(options.settleMs);
    current = await readFallback(api, call, repository, tag);
    if (allListed(current)) return tag;
  }
}
async function fetchReferrer(api, call, repository, digest) {
  const known = api.provenManifest(repository, digest);
  if (known !== void 0) return known;
  const fetched = await api.getManifest(call, repository, digest);
  if (fetched === null) return null;
  let proven;
  try {
    proven = proveManifest(fetched.bytes, digest, fetched.contentType, call.where);
  } catch (error) {
    if (error instanceof SealError) return null;
    throw error;
  }
  return api.rememberProven(repository, proven);
}
var SHA256 = /^sha256:[0-9a-f]{64}$/;
function listedDigests(manifests) {
  return manifests.flatMap((m) => {
    const digest = m?.digest;
    return typeof digest === "string" && SHA256.test(digest) ? [digest] : [];
  });
}
async function readReferrers(api, call, repository, subject, artifactType) {
  const digests = /* @__PURE__ */ new Set();
  let page = await api.referrers(call, repository, subject, void 0, artifactType);
  for (let pages = 1; page !== null; pages++) {
    for (const digest of listedDigests(page.manifests)) digests.add(digest);
    if (page.next === null || pages >= MAX_PAGES) break;
    page = await api.referrers(call, repository, subject, page.next);
  }
  const fallback = await api.getManifest(call, repository, fallbackTag(subject));
  if (fallback !== null) {
    try {
      const index = readManifest(
        fallback.bytes,
        sha256Digest(fallback.bytes),
        fallback.contentType,
        call.where
      );
      if (index.manifest.kind === "index" && index.mediaType === OCI_INDEX)
        for (const m of index.manifest.manifests) digests.add(m.digest);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
    }
  }
  const referrers = [];
  for (const digest of [...digests].slice(0, MAX_REFERRERS)) {
    const manifest = await fetchReferrer(api, call, repository, digest);
    if (manifest === null) continue;
    const referrer = judgeReferrer(manifest, subject);
    if (referrer !== null) referrers.push(referrer);
  }
  return referrers;
}
async function readBundles(api, call, repository, subject, predicateType) {
  const found = [];
  for (const referrer of await readReferrers(api, call, repository, subject)) {
    if (referrer.what.kind !== "sigstore-bundle") continue;
    const says = referrer.manifest.manifest.annotations?.[BUNDLE_PREDICATE_TYPE_ANNOTATION];
    if (predicateType !== void 0 && says !== void 0 && says !== predicateType) continue;
    const layer = referrer.what.bundle;
    if (layer.size > BUNDLE_MAX_BYTES) continue;
    const bytes = await api.getSmallBlob(call, repository, layer.digest, BUNDLE_MAX_BYTES);
    if (sha256Digest(bytes) !== layer.digest || bytes.length !== layer.size) continue;
    found.push({ referrer, bundle: bytes });
  }
  return found;
}

// src/stores/registry/copy.ts
var MAX_DEPTH = 4;
async function copyImage(context, digest) {
  const counts = {
    manifests: 0,
    present: 0,
    mounted: 0,
    uploaded: 0,
    copied: /* @__PURE__ */ new Set()
  };
  const { to, destination, write } = context;
  const top = await fetchProven(context.from, context.read, context.source, digest);
  await copyTree(context, top, 0, counts);
  if (destination.tag !== null) {
    const answer = await to.putManifest(
      write,
      destination.repository,
      destination.tag,
      top.bytes,
      top.mediaType
    );
    if (answer === "precondition-failed")
      throw new SealError(
        "refused",
        `${write.where}: the registry refused the tag with 412 though no If-Match was sent; check the registry.`
      );
    checkPutDigest(write, answer.digestHeader, digest);
    const after = await resolveTag(to, write, destination, destination.tag);
    if (after.digest !== digest) {
      throw new SealError(
        "conflict",
        `${write.where}: after the copy the tag ${quote(destination.tag)} names ${after.digest}, not the copied ${digest}: another writer moved it meanwhile. Check who pushes to ${quote(destination.repository)}, then copy again.`
      );
    }
  } else {
    const there = await to.headManifest(write, destination.repository, digest);
    if (there === null || there.digest !== null && there.digest !== digest) {
      throw new SealError(
        "unavailable",
        `${write.where}: after the copy the registry does not serve ${digest} in ${quote(destination.repository)}. Check the destination registry.`
      );
    }
  }
  const referrers = await readReferrers(
    context.from,
    context.read,
    context.source.repository,
    digest
  );
  for (const referrer of referrers) await copyTree(context, referrer.manifest, 0, counts, true);
  if (referrers.length > 0) {
    await publishReferrers(
      to,
      write,
      destination.repository,
      digest,
      referrers.map((r) => r.manifest),
      context.fallback
    );
  }
  return {
    digest,
    digestReference: digestReference(destination, digest),
    manifests: counts.manifests,
    blobs: { present: counts.present, mounted: counts.mounted, uploaded: counts.uploaded },
    referrers: referrers.length
  };
}
async function copyTree(context, manifest, depth, counts, blobsOnly = false) {
  if (depth > MAX_DEPTH)
    throw new SealError(
      "refused",
      `${context.read.where}: the index nests more than ${MAX_DEPTH} levels deep; refused.`
    );
  const { to, destination, write } = context;
  if (!blobsOnly) {
    const there = await to.headManifest(write, destination.repository, manifest.digest);
    if (there !== null && there.digest === manifest.digest) return;
  }
  const m = manifest.manifest;
  if (m.kind === "index") {
    for (const child of m.manifests) {
      const fetched = await fetchProven(context.from, context.read, context.source, child.digest);
      await copyTree(context, fetched, depth + 1, counts);
    }
  } else {
    for (const blob of blobsOf(m)) await copyBlob(context, blob, counts);
  }
  if (blobsOnly) return;
  const answer = await to.putManifest(
    write,
    destination.repository,
    manifest.digest,
    manifest.bytes,
    manifest.mediaType
  );
  if (answer === "precondition-failed")
    throw new SealError(
      "refused",
      `${write.where}: the registry refused ${manifest.digest} with 412 though no If-Match was sent; check the registry.`
    );
  checkPutDigest(write, answer.digestHeader, manifest.digest);
  counts.manifests++;
}
async function copyBlob(context, blob, counts) {
  const { from, to, source, destination, write } = context;
  if (counts.copied.has(blob.digest)) return;
  counts.copied.add(blob.digest);
  let location;
  if (from.session === to.session) {
    const mounted = await to.mountBlob(
      write,
      destination.repository,
      blob.digest,
      source.repository
    );
    if (mounted === true) {
      counts.mounted++;
      return;
    }
    location = mounted;
  } else {
    if (await to.blobExists(write, destination.repository, blob.digest)) {
      counts.present++;
      return;
    }
    location = await to.startUpload(write, destination.repository);
  }
  for (let attempt = 1; ; attempt++) {
    const hashing = hashingStream(blob);
    try {
      const body = (await from.getBlob(context.read, source.repository, blob.digest)).pipeThrough(
        hashing.stream
      );
      await to.putBlob(write, location, blob.digest, body, blob.size);
      hashing.check(where(source));
      counts.uploaded++;
      return;
    } catch (error) {
      hashing.check(where(source));
      if (!isSealError(error, "unavailable") || attempt >= context.blobAttempts) throw error;
      location = await to.startUpload(write, destination.repository);
    }
  }
}
function hashingStream(blob) {
  const hash = createHash("sha256");
  let size = 0;
  let ended = false;
  const stream = new TransformStream({
    transform(chunk, controller) {
      hash.update(chunk);
      size += chunk.length;
      if (size > blob.size) {
        ended = true;
        controller.error(new Error(`the blob ${blob.digest} is longer than its ${blob.size} bytes`));
      } else controller.enqueue(chunk);
    },
    flush(controller) {
      ended = true;
      if (size < blob.size)
        controller.error(
          new Error(`the blob ${blob.digest} is shorter than its ${blob.size} bytes`)
        );
    }
  });
  return {
    stream,
    check(where2) {
      if (!ended) return;
      const actual = digestFromHex(hash.copy().digest("hex"));
      if (actual !== blob.digest || size !== blob.size) {
        throw new SealError(
          "refused",
          `${where2}: the source served ${size} bytes hashing to ${actual} for the blob ${blob.digest} (${blob.size} bytes); nothing was copied from it. Check the source registry.`
        );
      }
    }
  };
}

// src/stores/registry/session.ts
var scopeText = (scope) => `repository:${scope.repository}:${scope.push ? "pull,push" : "pull"}`;
var DEFAULT_TOKEN_SECONDS = 60;
var TOKEN_MARGIN_MS = 5e3;
var TOKEN_BODY_LIMIT = 1024 * 1024;
var RegistrySession = class {
  constructor(options) {
    this.options = options;
  }
  options;
  basic = null;
  bearer = null;
  tokens = [];
  /** Where the credentials in use came from; null while anonymous. */
  source = null;
  get origin() {
    return this.options.origin;
  }
  get registry() {
    return this.options.registry;
  }
  /** Where the credentials last used came from, for messages; null while none were needed or found. */
  get credentialSource() {
    return this.source;
  }
  /**
   * Sends a request with what the registry asked for; returns the first answer that is not
   * a 401 of the registry's own. A 401 that logging in cannot cure is a SealError.
   */
  async send(request) {
    let renewed = false;
    for (let round = 1; ; round++) {
      if (round > 4)
        throw new SealError(
          "denied",
          `${request.where}: the registry ${this.registry} kept answering 401 with other challenges after each login; check the registry's authentication settings.`
        );
      const sent = await this.authorization(request);
      const response = await this.options.transport.send({
        ...request,
        url: `${this.origin}${request.path}`,
        ...sent === null ? {} : { credentials: { authorization: sent.header }, credentialOrigin: this.origin }
      });
      if (response.status !== 401 || new URL(response.url).origin !== this.origin) return response;
      const header = response.headers.get("www-authenticate");
      const challenges = header === null ? null : parseChallenges(header);
      const challenge = challenges?.find((c) => c.scheme === "bearer") ?? challenges?.find((c) => c.scheme === "basic");
      if (challenge === void 0)
        throw new SealError("unavailable", badChallenge(request.where, this.registry, header));
      const detail = errorSummary(response.body);
      if (challenge.scheme === "basic") {
        if (sent?.kind === "basic")
          throw new SealError(
            "denied",
            credentialsRefused(request.where, this.registry, this.basic.source, detail)
          );
        await this.logInBasic(request);
        continue;
      }
      const push = request.scopes.some((s) => s.push);
      if (sent?.kind === "bearer") {
        this.tokens = this.tokens.filter((t) => t.token !== sent.token);
        if (sent.cached && !renewed) {
          renewed = true;
          continue;
        }
        if (this.source === null)
          throw new SealError(
            "denied",
            noCredentials(
              request.where,
              this.registry,
              this.options.credentials.looked(this.registry)
            )
          );
        throw new SealError(
          "denied",
          accessDenied(
            request.where,
            this.registry,
            request.scopes.map((s) => s.repository).join(", "),
            push,
            this.source,
            challenge.params.error ?? detail
          )
        );
      }
      this.bearer = {
        realm: this.realmOf(challenge, request.where),
        service: challenge.params.service ?? null
      };
    }
  }
  /**
   * A request to a URL the registry named (an upload's Location): on the registry's own
   * origin it logs in as `send` does; on another (upload storage) it goes without credentials.
   */
  async sendTo(url, request) {
    const target = new URL(url);
    if (target.origin === this.origin)
      return this.send({ ...request, path: `${target.pathname}${target.search}` });
    if (target.protocol !== "https:" && !(target.protocol === "http:" && this.options.plainHttpAllowed(target.host))) {
      throw new SealError(
        "refused",
        `${request.where}: the registry ${this.registry} sent an upload to ${target.origin}, which is not HTTPS; artifact-seal does not send images in the clear.`
      );
    }
    return this.options.transport.send({ ...request, url });
  }
  /** The Authorization header for a request, fetching a token when the registry is known to want one. */
  async authorization(request) {
    if (this.basic !== null) return { kind: "basic", header: this.basic.header };
    if (this.bearer === null) return null;
    const now = this.options.now();
    const cached = this.tokens.find(
      (t) => t.expiresAt > now && request.scopes.every(
        (s) => t.grants.has(s.repository) && (!s.push || t.grants.get(s.repository) === true)
      )
    );
    if (cached !== void 0)
      return { kind: "bearer", header: `Bearer ${cached.token}`, token: cached.token, cached: true };
    const token = await this.fetchToken(request);
    return { kind: "bearer", header: `Bearer ${token}`, token, cached: false };
  }
  async logInBasic(request) {
    const found = await this.find(request);
    if (found === null)
      throw new SealError(
        "denied",
        noCredentials(request.where, this.registry, this.options.credentials.looked(this.registry))
      );
    const c = found.credentials;
    this.basic = {
      header: basicHeader(c.username, c.kind === "basic" ? c.password : c.token),
      source: found.source
    };
    this.source = found.source;
  }
  find(request) {
    return this.options.credentials.find(this.registry, request.scopes[0]?.repository ?? "");
  }
  realmOf(challenge, where2) {
    const realm = challenge.params.realm;
    let url;
    try {
      url = new URL(realm ?? "");
    } catch {
      throw new SealError(
        "unavailable",
        badChallenge(where2, this.registry, `Bearer realm=${JSON.stringify(realm ?? "")}`)
      );
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && this.options.plainHttpAllowed(url.host)))
      throw new SealError("refused", insecureRealm(where2, this.registry, url.href));
    return url;
  }
  /**
   * A token for the request's scopes from the realm: with the credentials found (Basic, or
   * an OAuth2 refresh-token grant for an identity token), anonymously when there are none
   * (public images). Credentials go to the realm's origin only.
   */
  async fetchToken(request) {
    const { realm, service } = this.bearer;
    const found = await this.find(request);
    this.source = found?.source ?? null;
    const scopes = request.scopes.map(scopeText);
    let tokenRequest;
    if (found?.credentials.kind === "identity-token") {
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: found.credentials.token,
        client_id: "artifact-seal",
        scope: scopes.join(" ")
      });
      if (service !== null) form.set("service", service);
      tokenRequest = {
        operation: request.operation,
        where: request.where,
        method: "POST",
        url: realm.href,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: Buffer.from(form.toString()),
        maxBodyBytes: TOKEN_BODY_LIMIT
      };
    } else {
      const url = new URL(realm.href);
      if (service !== null) url.searchParams.set("service", service);
      for (const scope of scopes) url.searchParams.append("scope", scope);
      const credentials = found === null ? void 0 : { authorization: basicHeader(found.credentials.username, found.credentials.password) };
      tokenRequest = {
        operation: request.operation,
        where: request.where,
        method: "GET",
        url: url.href,
        maxBodyBytes: TOKEN_BODY_LIMIT,
        ...credentials === void 0 ? {} : { credentials, credentialOrigin: realm.origin }
      };
    }
    const response = await this.options.transport.send(tokenRequest);
    const detail = errorSummary(response.body);
    if (response.status === 401 || response.status === 403) {
      if (found === null)
        throw new SealError(
          "denied",
          noCredentials(
            request.where,
            this.registry,
            this.options.credentials.looked(this.registry)
          )
        );
      throw new SealError(
        "denied",
        credentialsRefused(
          request.where,
          this.registry,
          found.source,
          `${response.status} from the token service: ${detail}`
        )
      );
    }
    if (response.status !== 200) {
      throw new SealError(
        "unavailable",
        unexpectedAnswer(
          tokenRequest,
          response.status,
          detail,
          "The registry's token service did not issue a token; check the registry's status and run again."
        )
      );
    }
    let answer;
    try {
      answer = JSON.parse(response.body.toString("utf8"));
    } catch {
      throw new SealError(
        "unavailable",
        unexpectedAnswer(
          tokenRequest,
          response.status,
          "an answer that is not JSON",
          "The token realm the registry names is not a token service; check the registry's address."
        )
      );
    }
    const token = typeof answer.token === "string" && answer.token !== "" ? answer.token : answer.access_token;
    if (typeof token !== "string" || token === "") {
      throw new SealError(
        "unavailable",
        unexpectedAnswer(
          tokenRequest,
          response.status,
          "an answer with no token",
          "The token realm the registry names is not a token service; check the registry's address."
        )
      );
    }
    const seconds = typeof answer.expires_in === "number" && answer.expires_in > 0 ? answer.expires_in : DEFAULT_TOKEN_SECONDS;
    const grants = /* @__PURE__ */ new Map();
    for (const scope of request.scopes)
      grants.set(scope.repository, (grants.get(scope.repository) ?? false) || scope.push);
    this.tokens.push({
      grants,
      token,
      expiresAt: this.options.now() + Math.max(0, seconds * 1e3 - TOKEN_MARGIN_MS)
    });
    return token;
  }
};
var basicHeader = (username, password) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

// src/stores/registry/client.ts
var resolvedOnly = (resolved) => ({
  reference: resolved.reference,
  digest: resolved.digest,
  mediaType: resolved.mediaType,
  size: resolved.size
});
function httpHost(host) {
  try {
    return new URL(`http://${host}`).host;
  } catch {
    return host;
  }
}
var sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var RegistryClient = class {
  constructor(options = {}) {
    this.options = options;
    this.insecure = new Set((options.insecureRegistries ?? []).map(httpHost));
    this.credentials = new CredentialResolver(options.credentials ?? {});
    const sleep = options.sleep ?? sleepFor;
    this.transport = new Transport(
      {
        policy: {
          ...options.retry ?? DEFAULT_RETRY,
          timeoutMs: options.timeoutMs ?? 3e4,
          deadlineMs: options.deadlineMs ?? 12e4
        },
        blobTimeoutMs: options.blobTimeoutMs ?? 6e5,
        clock: { ...SYSTEM_CLOCK, sleep, random: options.random ?? Math.random },
        userAgent: `artifact-seal/${VERSION}`
      },
      (host) => this.plainHttpAllowed(host)
    );
    this.fallback = {
      settleMs: options.fallback?.settleMs ?? 1e3,
      rounds: options.fallback?.rounds ?? 10,
      sleep,
      ...options.fallback?.pauses === void 0 ? {} : { pauses: options.fallback.pauses }
    };
  }
  options;
  transport;
  credentials;
  insecure;
  sessions = /* @__PURE__ */ new Map();
  fallback;
  requestCounts() {
    return this.transport.requestCounts();
  }
  resetRequestCounts() {
    this.transport.resetCounts();
  }
  async resolve(reference) {
    const { api, call } = this.open("resolve", reference, false);
    if (reference.digest !== null) {
      const head = await api.headManifest(call, reference.repository, reference.digest);
      if (head === null || !isManifestType(head.mediaType)) {
        const manifest = await fetchProven(api, call, reference, reference.digest);
        return {
          reference,
          digest: manifest.digest,
          mediaType: manifest.mediaType,
          size: manifest.bytes.length
        };
      }
      if (head.digest !== null && head.digest !== reference.digest)
        throw this.digestDisagrees(call, reference.digest, head.digest);
      return { reference, digest: reference.digest, mediaType: head.mediaType, size: head.size };
    }
    return resolvedOnly(await resolveTag(api, call, reference, reference.tag ?? "latest"));
  }
  async fetchManifest(reference, digest) {
    const { api, call } = this.open("fetch", reference, false);
    return fetchProven(api, call, reference, digest);
  }
  async pin(reference, expected) {
    const { api, call } = this.open("pin", reference, false);
    let manifest;
    if (reference.digest !== null) {
      if (expected !== void 0 && expected !== reference.digest)
        throw tagMoved(call, `@${reference.digest}`, expected, reference.digest);
      manifest = await fetchProven(api, call, reference, reference.digest);
    } else {
      const tag = reference.tag ?? "latest";
      const resolved = await resolveTag(api, call, reference, tag);
      if (expected !== void 0 && resolved.digest !== expected)
        throw tagMoved(call, tag, expected, resolved.digest);
      manifest = resolved.fetched ?? await fetchProven(api, call, reference, resolved.digest);
    }
    return {
      reference,
      digest: manifest.digest,
      manifest,
      digestReference: digestReference(reference, manifest.digest)
    };
  }
  async platforms(reference, index) {
    const { api, call } = this.open("platforms", reference, false);
    const manifest = await fetchProven(api, call, reference, index);
    return manifest.manifest.kind === "index" ? platformChildren(manifest.manifest) : [];
  }
  async imagePlatform(reference, manifest) {
    const { api, call } = this.open("platforms", withDigest(reference, manifest.digest), false);
    if (manifest.manifest.kind !== "image")
      throw new Error("unreachable: the platform of an index is its children's");
    const config = manifest.manifest.config;
    if (config.size > CONFIG_MAX_BYTES)
      throw new SealError(
        "refused",
        `${call.where}: the image config ${config.digest} is said to be ${config.size} bytes, more than an image config is; refused.`
      );
    const bytes = await api.getSmallBlob(
      call,
      reference.repository,
      config.digest,
      CONFIG_MAX_BYTES
    );
    return platformOfConfig(manifest.manifest, bytes, call.where);
  }
  async platformChild(reference, index, child) {
    const { api, call } = this.open("platforms", reference, false);
    const manifest = await fetchProven(api, call, reference, index);
    const found = manifest.manifest.kind === "index" ? childOf(manifest.manifest, child) : null;
    const platform = found === null ? void 0 : platformChildren({
      ...manifest.manifest,
      manifests: [found]
    })[0];
    if (platform === void 0) {
      throw new SealError(
        "refused",
        `${call.where}: ${child} is not a platform image of the sealed ${manifest.manifest.kind === "index" ? "index" : "image"} ${index}${found === null ? "" : ` (it is a child, but ${found.platform === void 0 ? "has no platform" : `for ${quote(formatPlatform(found.platform))}, an attestation manifest`})`}. Deploy the sealed digest, or a platform digest the sealed index lists.`
      );
    }
    return platform;
  }
  async retag(reference, digest, tag) {
    const { api, call } = this.open("retag", reference, true);
    const manifest = await fetchProven(api, call, reference, digest);
    const target = { ...reference, tag, digest: null };
    const before = await api.headManifest(call, reference.repository, tag);
    if (before?.digest !== digest) {
      const answer = await api.putManifest(
        call,
        reference.repository,
        tag,
        manifest.bytes,
        manifest.mediaType
      );
      if (answer === "precondition-failed")
        throw new SealError(
          "refused",
          `${call.where}: the registry refused the tag ${quote(tag)} with 412 though no If-Match was sent; check the registry.`
        );
      if (answer.digestHeader !== null && answer.digestHeader !== digest)
        throw this.digestDisagrees(call, digest, answer.digestHeader);
    }
    const after = resolvedOnly(await resolveTag(api, call, target, tag));
    if (after.digest !== digest) {
      throw new SealError(
        "conflict",
        `${call.where}: after the retag the tag ${quote(tag)} names ${after.digest}, not ${digest}: another writer moved it meanwhile. Check who pushes to ${quote(reference.repository)}, then promote again.`
      );
    }
    return after;
  }
  async copy(source, digest, destination) {
    const from = this.api(source);
    const to = this.api(destination);
    const sameRegistry = from === to;
    if (sameRegistry && sameRepository(source, destination) && destination.tag === null) {
      throw new SealError(
        "bad-input",
        `${where(destination)}: the copy's destination is its source repository with no tag; give another repository, or a tag (a retag).`
      );
    }
    const read = {
      operation: "copy",
      where: where(withDigest(source, digest)),
      scopes: [{ repository: source.repository, push: false }]
    };
    const writeScopes = [{ repository: destination.repository, push: true }];
    if (sameRegistry && !sameRepository(source, destination))
      writeScopes.push({ repository: source.repository, push: false });
    const write = { operation: "copy", where: where(destination), scopes: writeScopes };
    return copyImage(
      { from, to, source, destination, read, write, fallback: this.fallback, blobAttempts: 3 },
      digest
    );
  }
  async attachBundle(reference, subject, bundle) {
    const { api, call } = this.open("attach", withDigest(reference, subject), true);
    const known = api.provenManifest(reference.repository, subject);
    const head = known === void 0 ? await api.headManifest(call, reference.repository, subject) : null;
    let descriptor;
    if (head !== null && head.digest !== null && head.digest !== subject)
      throw this.digestDisagrees(call, subject, head.digest);
    if (known !== void 0) {
      descriptor = { mediaType: known.mediaType, digest: subject, size: known.bytes.length };
    } else if (head !== null && head.size !== null && isManifestType(head.mediaType)) {
      descriptor = { mediaType: head.mediaType, digest: subject, size: head.size };
    } else {
      const manifest = await fetchProven(api, call, reference, subject);
      descriptor = { mediaType: manifest.mediaType, digest: subject, size: manifest.bytes.length };
    }
    const artifact = attestationArtifact({
      bundle,
      subject: descriptor,
      created: (this.options.clock?.() ?? /* @__PURE__ */ new Date()).toISOString(),
      where: call.where
    });
    for (const blob of artifact.blobs) await pushBlob(api, call, reference.repository, blob);
    const published = await publishReferrers(
      api,
      call,
      reference.repository,
      subject,
      [artifact.manifest],
      this.fallback
    );
    return { manifest: artifact.manifest.digest, ...published };
  }
  async referrers(reference, subject, options = {}) {
    const { api, call } = this.open("referrers", withDigest(reference, subject), false);
    return readReferrers(api, call, reference.repository, subject, options.artifactType);
  }
  async bundles(reference, subject, options = {}) {
    const { api, call } = this.open("bundles", withDigest(reference, subject), false);
    return readBundles(api, call, reference.repository, subject, options.predicateType);
  }
  open(operation, reference, push) {
    return {
      api: this.api(reference),
      call: {
        operation,
        where: where(reference),
        scopes: [{ repository: reference.repository, push }]
      }
    };
  }
  api(reference) {
    const host = registryHost(reference);
    let api = this.sessions.get(host);
    if (api === void 0) {
      const session = new RegistrySession({
        registry: reference.registry,
        // The URL's own form of the origin, which every answer and redirect is compared with.
        origin: new URL(`${this.plainHttpAllowed(host) ? "http" : "https"}://${host}`).origin,
        transport: this.transport,
        credentials: this.credentials,
        plainHttpAllowed: (h) => this.plainHttpAllowed(h),
        now: this.options.now ?? Date.now
      });
      api = new RegistryApi(session);
      this.sessions.set(host, api);
    }
    return api;
  }
  plainHttpAllowed(host) {
    const canonical = httpHost(host);
    return isLoopbackHost(canonical) || this.insecure.has(canonical);
  }
  digestDisagrees(call, asked, said) {
    return new SealError(
      "refused",
      `${call.where}: asked for ${asked}, the registry names ${quote(said)} (Docker-Content-Digest). Nothing is trusted from this answer; check the registry.`
    );
  }
};

// src/app/image/open-registry.ts
function openImageRegistry(env, token, options = {}) {
  return new RegistryClient({
    ...options,
    credentials: {
      env,
      ...env.HOME === void 0 || env.HOME === "" ? {} : { homeDir: env.HOME },
      ...token === "" ? {} : {
        github: {
          token,
          registry: GITHUB_REGISTRY,
          ...env.GITHUB_ACTOR ? { username: env.GITHUB_ACTOR } : {}
        }
      }
    }
  });
}

export {
  openImageRegistry
};
