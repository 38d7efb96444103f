import {
  renderObserveText
} from "./chunk-IQVFZSLI.js";
import {
  fetchAndCheckBytes
} from "./chunk-SHKYJPQ3.js";
import {
  driftStateOf
} from "./chunk-YOLHK5RF.js";
import {
  artifactOf,
  contractOfLive
} from "./chunk-HVXD5CRU.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-DOVHFKHJ.js";
import {
  severityCounts
} from "./chunk-TUMNQBV5.js";
import {
  requireEnvironment
} from "./chunk-UHB2LTWT.js";
import "./chunk-P5U6KBZP.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from "./chunk-5WSHTDSJ.js";
import {
  classifyContracts
} from "./chunk-IPPFJG7D.js";
import "./chunk-26HFV435.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-QEF4JICF.js";
import {
  contractSources
} from "./chunk-BWWEPLRU.js";
import "./chunk-IGYYOMVJ.js";
import {
  besideLedger
} from "./chunk-PEENHNVN.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-7EN7PEUO.js";
import "./chunk-XL7QM46K.js";
import "./chunk-ENTDSYKT.js";
import {
  PLAIN_HTTP_HELP,
  PLAIN_HTTP_OPTIONS,
  plainHttpRegistries
} from "./chunk-E4QCWJIG.js";
import {
  cliCheckpointSigning
} from "./chunk-VMITG4QB.js";
import {
  listDirectory
} from "./chunk-6HQEGJDK.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import "./chunk-6YWBE2YG.js";
import "./chunk-A63B7KBV.js";
import "./chunk-LYSN4LFY.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from "./chunk-ATCQMFML.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import "./chunk-BXUFWVSN.js";
import {
  describeContract,
  detectContractKind
} from "./chunk-TCEWC7VX.js";
import "./chunk-RW4NSDQG.js";
import "./chunk-JPYWA7SW.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import {
  diffListings,
  digestOfListing,
  parseListing
} from "./chunk-3JZVAEQI.js";
import {
  parseImageReference
} from "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import {
  digestFromHex,
  sha256Digest,
  sha256Hex,
  shortDigest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  printJson,
  printWarning
} from "./chunk-7BLIV633.js";
import {
  CONTROL_CHARACTERS
} from "./chunk-OTNJMBZK.js";
import {
  parsePointer,
  valueAt
} from "./chunk-44GBISK2.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PK6RSM65.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import {
  discard,
  exchange,
  readBounded
} from "./chunk-6Q2WRFY4.js";
import {
  SYSTEM_CLOCK
} from "./chunk-P4TSECCU.js";
import {
  spawn
} from "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync,
  statSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/core/observe/observation.ts
var SHOWN = 120;
var CONTROL_RUNS = new RegExp(`[${CONTROL_CHARACTERS}]+`, "gu");
function shown(text) {
  const line = text.replace(CONTROL_RUNS, " ").trim();
  return quote(line.length > SHOWN ? `${line.slice(0, SHOWN)}\u2026` : line);
}
var DIGEST_TOKEN = /^(?:[^\s@]+@)?(?:sha256:)?([0-9a-fA-F]{64})$/;
function digestsIn(text) {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== "");
  if (tokens.length === 0) return null;
  const found = [];
  for (const token of tokens) {
    const match = DIGEST_TOKEN.exec(token.replace(/^docker-pullable:\/\/|^docker:\/\//, ""));
    if (match === null) return null;
    const digest = digestFromHex(match[1].toLowerCase());
    if (!found.includes(digest)) found.push(digest);
  }
  return found;
}
function judgeDigests(probe, digests, live) {
  const others = digests.filter((d) => d !== live);
  if (others.length === 0) return { probe, verdict: "matches", observed: live, detail: null };
  return {
    probe,
    verdict: "drifted",
    observed: digests.join(" "),
    detail: digests.length === 1 ? `runs ${shortDigest(others[0])}, not the live ${shortDigest(live)}` : `runs ${digests.length} digests (${digests.map(shortDigest).join(", ")}), not only the live ${shortDigest(live)}`
  };
}
function unknown(probe, reason) {
  return { probe, verdict: "unknown", observed: null, detail: reason };
}
function combine(results) {
  if (results.some((r) => r.verdict === "drifted")) return "drifted";
  if (results.length === 0 || results.some((r) => r.verdict === "unknown")) return "unknown";
  return "matches";
}

// src/app/observe/command-probe.ts
async function commandProbe(command, live, timeoutMs, context) {
  const ran = await runBounded(command, timeoutMs, context);
  if ("failed" in ran) return unknown("command", ran.failed);
  const digests = digestsIn(ran.stdout);
  if (digests === null) {
    return unknown(
      "command",
      `the command printed ${ran.stdout.trim() === "" ? "nothing" : shown(ran.stdout)}, not a digest (sha256:<hex>, the hex alone, or name@sha256:<hex>)`
    );
  }
  return judgeDigests("command", digests, live);
}
function runBounded(command, timeoutMs, context) {
  return new Promise((resolve2) => {
    const child = spawn("/bin/sh", ["-c", command], {
      cwd: context.cwd,
      env: context.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    });
    const out = [];
    const err = [];
    let outSize = 0;
    let errSize = 0;
    let settled = false;
    const finish = (ran) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve2(ran);
    };
    const stop = (why) => {
      try {
        if (child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
      } catch {
      }
      child.stdout.destroy();
      child.stderr.destroy();
      finish({ failed: why });
    };
    const timer = setTimeout(
      () => stop(`the command did not finish within ${timeoutMs} ms and was stopped`),
      timeoutMs
    );
    child.stdout.on("data", (chunk) => {
      outSize += chunk.length;
      if (settled) return;
      if (outSize > context.maxCommandBytes)
        stop(`the command printed more than ${context.maxCommandBytes} bytes and was stopped`);
      else out.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      errSize += chunk.length;
      err.push(chunk);
      while (err.length > 1 && errSize - err[0].length > 4096)
        errSize -= err.shift().length;
    });
    child.on(
      "error",
      (error) => finish({ failed: `the command could not be started (${error.message})` })
    );
    child.on("close", (code, signal) => {
      const stderr = Buffer.concat(err).toString("utf8").trim();
      if (code !== 0) {
        return finish({
          failed: `the command ${signal !== null ? `was ended by ${signal}` : `exited with ${code}`}${stderr === "" ? "" : `: ${shown(stderr.slice(-240))}`}`
        });
      }
      finish({ stdout: Buffer.concat(out).toString("utf8") });
    });
  });
}

// src/http/bounded-get.ts
var MAX_REDIRECTS = 20;
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
async function boundedGet(url, options) {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const signal = clock.timeout(options.timeoutMs);
  const timedOut = () => new SealError(
    "unavailable",
    `${options.what}: ${quote(url)} did not answer in full within ${options.timeoutMs} ms`
  );
  const unreachable = (why, error) => new SealError(
    "unavailable",
    `${options.what}: ${quote(url)} cannot be reached (${why})`,
    error === void 0 ? {} : { cause: error }
  );
  let answer;
  let at;
  try {
    at = new URL(url);
  } catch (error) {
    throw unreachable("not a URL", error);
  }
  for (let hop = 0; ; hop++) {
    try {
      answer = await exchange({
        method: "GET",
        url: at,
        headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1" },
        signal
      });
    } catch (error) {
      if (signal.aborted) throw timedOut();
      const cause = error;
      throw unreachable(cause.code ?? cause.message ?? String(error), error);
    }
    const location = answer.headers.get("location");
    if (!REDIRECTS.has(answer.status) || location === null) break;
    discard(answer);
    let next = null;
    try {
      next = new URL(location, at);
    } catch {
    }
    if (next === null || next.protocol !== "http:" && next.protocol !== "https:")
      throw unreachable(
        `a redirect to ${quote(location.slice(0, 100))}, which is not an http(s) URL`
      );
    if (hop >= MAX_REDIRECTS) throw unreachable(`more than ${MAX_REDIRECTS} redirects`);
    at = next;
  }
  let read;
  try {
    read = await readBounded(answer, options.maxBytes);
  } catch (error) {
    if (signal.aborted) throw timedOut();
    throw new SealError(
      "unavailable",
      `${options.what}: ${quote(url)} broke off its answer (${error.message})`,
      { cause: error }
    );
  }
  if (read.over !== null)
    throw tooLarge(
      url,
      options,
      read.over === "declared" ? `it declares ${read.declared} bytes` : "it sent more"
    );
  return {
    status: answer.status,
    contentType: answer.headers.get("content-type") ?? "",
    body: read.bytes
  };
}
function tooLarge(url, options, how) {
  return new SealError(
    "refused",
    `${options.what}: ${quote(url)} answered with more than ${options.maxBytes} bytes (${how}); nothing past the limit was read`
  );
}

// src/app/observe/contract-probe.ts
async function contractProbe(url, sealed, timeoutMs, context, now, clock) {
  const none = (reason) => ({
    result: unknown("contract-url", reason),
    changes: []
  });
  const documents = sealed.manifest.files.filter((f) => f.kind === "openapi");
  if (documents.length !== 1) {
    return none(
      `the live digest's sealed contract holds ${documents.length} OpenAPI documents; contract-url compares a service's one served document with one`
    );
  }
  const document = documents[0];
  let answer;
  try {
    answer = await boundedGet(url, {
      timeoutMs,
      maxBytes: context.maxContractBytes,
      what: "observe contract-url",
      ...clock ? { clock } : {}
    });
  } catch (error) {
    if (error instanceof SealError) return none(error.message);
    throw error;
  }
  if (answer.status < 200 || answer.status > 299)
    return none(`${quote(url)} answered HTTP ${answer.status}`);
  const served = answer.body;
  const text = served.toString("utf8");
  try {
    const found = detectContractKind(document.path, text);
    if (found.kind !== "openapi")
      return none(`${quote(url)} serves ${found.kind}, not an OpenAPI document`);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return none(
      `${quote(url)} answered ${answer.contentType === "" ? "something" : shown(answer.contentType)} that is no OpenAPI document: ${shown(text.slice(0, 120))}`
    );
  }
  if (sha256Hex(served) === document.sha256) {
    return {
      result: {
        probe: "contract-url",
        verdict: "matches",
        observed: sealed.manifest.digest,
        detail: null
      },
      changes: []
    };
  }
  let running;
  try {
    const manifest = describeContract(
      [{ path: document.path, role: null }],
      (p) => p === document.path ? served : Buffer.from(sealed.read(p), "utf8"),
      {
        version: { from: "info.version-or-none" },
        inputs: { contract: "observe contract-url", version: "observe contract-url" }
      }
    );
    running = { manifest, read: (p) => p === document.path ? text : sealed.read(p) };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return none(
      `${quote(url)} serves a document that cannot be read as the sealed contract's ${quote(document.path)}: ${error.message}`
    );
  }
  const changes = await classifyContracts(sealed, running, { now });
  if (changes.length === 0)
    return {
      result: {
        probe: "contract-url",
        verdict: "matches",
        observed: sealed.manifest.digest,
        detail: null
      },
      changes: []
    };
  const rules = [...new Set(changes.map((c) => c.rule))];
  return {
    result: {
      probe: "contract-url",
      verdict: "drifted",
      observed: running.manifest.digest,
      detail: `the served contract differs from the sealed one: ${severityCounts(changes)} (${rules.join(", ")})`,
      items: rules
    },
    changes
  };
}

// src/app/observe/files-probe.ts
var NAMED = 20;
async function filesProbe(files, checksums, live, context) {
  const target = resolve(context.cwd, files);
  let listing = null;
  let digest;
  try {
    const stat = statSync(target);
    if (stat.isDirectory()) {
      listing = await listDirectory(target, "observe files");
      digest = digestOfListing(listing);
    } else {
      digest = sha256Digest(readFileSync(target));
    }
  } catch (error) {
    const e = error;
    if (error instanceof SealError) return unknown("files", error.message);
    return unknown("files", `cannot read ${quote(target)} (${e.code ?? e.message})`);
  }
  if (digest === live) return { probe: "files", verdict: "matches", observed: live, detail: null };
  const drifted = (detail, items2) => ({
    probe: "files",
    verdict: "drifted",
    observed: digest,
    detail,
    ...items2 ? { items: items2 } : {}
  });
  if (listing === null || checksums === null) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}${listing === null ? "" : " (give checksums: the live listing, to name the files)"}`
    );
  }
  const listingFile = resolve(context.cwd, checksums);
  let sealedText;
  try {
    sealedText = readFileSync(listingFile, "utf8");
  } catch (error) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}; the listing ${quote(listingFile)} cannot be read (${error.code ?? ""}) to name them`
    );
  }
  if (digestOfListing(sealedText) !== live) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}; the listing ${quote(listingFile)} is not the live digest's either, so it names nothing`
    );
  }
  const mismatches = diffListings(
    parseListing(sealedText, listingFile),
    parseListing(listing.toString("utf8"), target)
  );
  const items = mismatches.map((m) => `${m.kind} ${quote(m.path)}`);
  const named = items.slice(0, NAMED).join(", ") + (items.length > NAMED ? ` and ${items.length - NAMED} more` : "");
  return drifted(
    `${items.length} ${items.length === 1 ? "file differs" : "files differ"} from the live ${shortDigest(live)}: ${named}`,
    items
  );
}

// src/app/observe/image-probe.ts
async function imageProbe(image, live, registry) {
  try {
    const reference = parseImageReference(image, "observe image");
    const resolved = await registry.resolve(reference);
    const result = judgeDigests("image", [resolved.digest], live);
    return result.verdict === "drifted" ? { ...result, detail: `${image} names ${resolved.digest}, not the live ${live}` } : result;
  } catch (error) {
    if (error instanceof SealError) return unknown("image", error.message);
    throw error;
  }
}

// src/app/observe/url-probe.ts
async function urlProbe(url, pointer, live, timeoutMs, context, clock) {
  let answer;
  try {
    answer = await boundedGet(url, {
      timeoutMs,
      maxBytes: context.maxUrlBytes,
      what: "observe url",
      ...clock ? { clock } : {}
    });
  } catch (error) {
    if (error instanceof SealError) return unknown("url", error.message);
    throw error;
  }
  if (answer.status < 200 || answer.status > 299)
    return unknown("url", `${quote(url)} answered HTTP ${answer.status}`);
  let document;
  try {
    document = JSON.parse(answer.body.toString("utf8"));
  } catch {
    return unknown(
      "url",
      `${quote(url)} answered ${answer.contentType === "" ? "without a content type" : shown(answer.contentType)}, not JSON: ${shown(answer.body.subarray(0, 200).toString("utf8"))}`
    );
  }
  const tokens = parsePointer(pointer) ?? [];
  const value = valueAt(document, tokens);
  if (typeof value !== "string") {
    return unknown(
      "url",
      `${quote(url)}'s answer has ${value === void 0 ? "nothing" : `a ${value === null ? "null" : Array.isArray(value) ? "list" : typeof value}`} at ${quote(pointer)}, not the digest as text`
    );
  }
  const digests = digestsIn(value);
  if (digests === null || digests.length !== 1)
    return unknown(
      "url",
      `${quote(url)}'s answer has ${shown(value)} at ${quote(pointer)}, not one sha256 digest`
    );
  return judgeDigests("url", digests, live);
}

// src/app/observe/observe-environments.ts
async function observeEnvironments(request, ledger) {
  const targets = targetsOf(request.policy, request.environments, request.environmentsInput);
  const results = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const { rule, spec: spec2 } = targets[i];
      results[i] = await observeOne(rule, spec2, request, ledger);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(request.concurrency ?? 4, targets.length) }, worker)
  );
  return { drifted: results.some((r) => r.verdict === "drifted"), environments: results };
}
function targetsOf(policy, only, input) {
  const observed = policy.environments.filter((e) => (e.observe ?? []).length > 0);
  if (only !== null) {
    for (const name of only) {
      const rule = requireEnvironment(policy, name, input);
      if ((rule.observe ?? []).length === 0) {
        throw new SealError(
          "bad-input",
          `${input}: the promotion policy ${policy.source} does not say how to observe ${quote(name)}. Add "observe:" (url, command, files or contract-url) under environments.${name}, or leave it out of ${input}.`
        );
      }
    }
  }
  const chosen = only === null ? observed : observed.filter((e) => only.includes(e.name));
  if (chosen.length === 0) {
    throw new SealError(
      "bad-input",
      `The promotion policy ${policy.source} says how to observe no environment. Add "observe:" under an environment, such as "observe: { url: https://shop.example/version, pointer: /digest }".`
    );
  }
  return chosen.flatMap((rule) => (rule.observe ?? []).map((spec2) => ({ rule, spec: spec2 })));
}
async function observeOne(rule, spec2, request, ledger) {
  const environment = rule.name;
  const service = spec2.service ?? request.policy.service ?? (await ledger.newest(environment))?.service ?? null;
  const live = await ledger.live(environment, service);
  const previous = await driftStateOf(ledger.entries({ environment, service }), service);
  const base = {
    environment,
    service,
    contractChanges: [],
    recordId: null
  };
  if (live === null) {
    const reason2 = `the ledger names nothing live in ${environment}${service === null ? "" : ` for ${quote(service)}`}, so there is nothing to compare with`;
    return {
      ...base,
      expected: null,
      observed: null,
      verdict: "unknown",
      reason: reason2,
      since: null,
      probes: []
    };
  }
  const { probes, changes } = await runProbes(spec2, live, request, ledger);
  const verdict = combine(probes);
  const drifted = probes.filter((p) => p.verdict === "drifted");
  const seen = [...drifted, ...probes.filter((p) => p.verdict === "matches")].find(
    (p) => p.probe !== "contract-url" && p.observed !== null
  );
  const observed = verdict === "unknown" && seen === void 0 ? null : seen?.observed ?? (verdict === "matches" ? live.digest : null);
  const reason = verdict === "drifted" ? drifted.map((p) => `${p.probe}: ${p.detail ?? ""}`).join("; ") : verdict === "unknown" ? probes.filter((p) => p.verdict === "unknown").map((p) => `${p.probe}: ${p.detail ?? ""}`).join("; ") : null;
  let recordId = null;
  let recordedAt = null;
  if (request.record) {
    const recorded = await ledger.record(
      environment,
      async () => observationRecord(
        environment,
        service,
        live,
        { verdict, observed, reason, probes },
        request.requester
      ),
      DEFAULT_PENDING_TIMEOUT_MS
    );
    recordId = recorded.entry?.id ?? null;
    recordedAt = recorded.entry?.time ?? null;
  }
  const now = (request.now ?? (() => /* @__PURE__ */ new Date()))().toISOString();
  const since = verdict !== "drifted" ? null : previous.drifted ? previous.since?.time ?? null : recordedAt ?? now;
  return {
    ...base,
    expected: live.digest,
    observed,
    verdict,
    reason,
    since,
    probes,
    contractChanges: changes,
    recordId
  };
}
async function runProbes(spec2, live, request, ledger) {
  const context = request.probe;
  const clock = request.clock;
  const jobs = [];
  if (spec2.url !== null)
    jobs.push(urlProbe(spec2.url, spec2.pointer, live.digest, spec2.timeoutMs, context, clock));
  if (spec2.command !== null)
    jobs.push(commandProbe(spec2.command, live.digest, spec2.timeoutMs, context));
  if (spec2.files !== null) jobs.push(filesProbe(spec2.files, spec2.checksums, live.digest, context));
  const image = spec2.image ?? null;
  if (image !== null) {
    jobs.push(
      (async () => {
        const registry = await registryFor(
          spec2.timeoutMs,
          context,
          request.registryToken,
          request.plainHttpRegistries ?? []
        );
        return imageProbe(image, live.digest, registry);
      })()
    );
  }
  let changes = [];
  if (spec2.contractUrl !== null) {
    const url = spec2.contractUrl;
    jobs.push(
      (async () => {
        const sealed = await liveContract(live, ledger, request);
        if ("unknown" in sealed) return unknown("contract-url", sealed.unknown);
        const found = await contractProbe(
          url,
          sealed.contract,
          spec2.timeoutMs,
          context,
          (request.now ?? (() => /* @__PURE__ */ new Date()))(),
          clock
        );
        changes = found.changes;
        return found.result;
      })()
    );
  }
  return { probes: await Promise.all(jobs), changes };
}
async function liveContract(live, ledger, request) {
  const contract = await contractOfLive(ledger, live);
  if (contract === null)
    return {
      unknown: `the live ${live.digest} was recorded without a contract, so there is nothing to compare the served one with`
    };
  try {
    return {
      contract: await request.sealedContract({
        environment: live.environment,
        digest: live.digest,
        contract,
        artifact: await artifactOf(ledger, live.digest)
      })
    };
  } catch (error) {
    if (error instanceof SealError) return { unknown: error.message };
    throw error;
  }
}
function observationRecord(environment, service, live, found, requester) {
  return {
    digest: live.digest,
    name: service,
    environment,
    service,
    outcome: "observed",
    mode: null,
    runUrl: requester.runUrl,
    actor: requester.actor,
    sealedBy: null,
    previousDigest: null,
    reason: found.reason === null ? null : found.reason.slice(0, 1e3),
    environmentUrl: null,
    // Where the live digest's files are is its promotion's to say; reading it here would cost every
    // observation the digest's history.
    artifact: null,
    resolves: null,
    key: randomUUID(),
    observation: {
      verdict: found.verdict,
      observed: found.observed === null ? null : found.observed.slice(0, 1e3),
      probes: found.probes.map((p) => p.probe),
      rules: found.probes.filter((p) => p.probe === "contract-url").flatMap((p) => p.items ?? [])
    }
  };
}
async function registryFor(timeoutMs, context, token, plainHttp) {
  const { openImageRegistry } = await import("./open-registry-MKVPUX7B.js");
  return openImageRegistry(context.env, token, {
    timeoutMs,
    deadlineMs: timeoutMs,
    insecureRegistries: plainHttp
  });
}

// src/app/observe/sealed-contract.ts
function sealedContractSource(ledger, options) {
  const { env } = options;
  const downloadsDir = options.downloadsDir;
  const sources = contractSources({
    store: ledger.kind === "file" ? besideLedger(ledger.file).contracts : null,
    baseline: null,
    warn: options.warn,
    ...downloadsDir === null || options.token === "" ? {} : {
      download: async (digest, artifact) => {
        const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId);
        const fetched = await fetchAndCheckBytes(
          {
            kind: "artifact",
            name: artifact.name,
            runId,
            repository: null,
            token: options.token
          },
          digest,
          { sealedBy: null, name: null, artifact },
          {
            env,
            downloadsDir,
            seal: {
              fallbackName: fallbackName(env, options.baseDir),
              build: buildContextFromEnv(env),
              onProgress: () => void 0
            },
            inputs: {
              expected: "the live digest",
              checksums: "checksums-path",
              artifactName: "name"
            },
            log: () => void 0
          }
        );
        if (!fetched.verified || fetched.checksumsFile === null)
          throw new SealError("mismatch", `its files are not ${digest}`);
        return fetched.checksumsFile;
      }
    }
  });
  return (live) => sources.baseline(live);
}

// src/app/observe/types.ts
var DEFAULT_PROBE_LIMITS = {
  maxUrlBytes: 64 * 1024,
  maxContractBytes: 8 * 1024 * 1024,
  maxCommandBytes: 64 * 1024
};

// src/cli/observe-command.ts
var OBSERVE_USAGE = `Usage: artifact-seal observe [--policy FILE] [--ledger L] [--environment ENV]... [--record [--signing-key FILE]] [--json]

For every environment whose policy entry says how to observe it (observe: url + pointer,
command, files, contract-url), find out what runs there and compare it with the digest the
ledger says is live. Each is "matches", "drifted" (what runs instead, since when) or
"unknown" (the probe could not tell; never taken for a match). Exit 1 when any drifted.

  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
  --environment ENV   observe only this environment (repeat for several)
  --record            append an observation record per environment to the ledger
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  --json              print the report as JSON
${PLAIN_HTTP_HELP}
  -h, --help          show this help`;
var spec = {
  name: "observe",
  usage: OBSERVE_USAGE,
  allowPositionals: false,
  options: {
    ...PLAIN_HTTP_OPTIONS,
    policy: { type: "string" },
    environment: { type: "string", multiple: true },
    record: { type: "boolean" },
    json: { type: "boolean" },
    "signing-key": { type: "string" },
    ...LEDGER_OPTIONS
  }
};
async function observeCommand(args, terminal) {
  const { values } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${OBSERVE_USAGE}
`);
    return 0;
  }
  const policy = loadPolicy(
    resolve(terminal.cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_FILE),
    "--policy",
    terminal.cwd
  );
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    values.record === true,
    false,
    values.record === true ? await cliCheckpointSigning(values, terminal) : void 0
  );
  const report = await observeEnvironments(
    {
      policy,
      environments: values.environment ?? null,
      environmentsInput: "--environment",
      record: values.record === true,
      requester: requesterFromEnv(terminal.env),
      probe: { cwd: terminal.cwd, env: terminal.env, ...DEFAULT_PROBE_LIMITS },
      registryToken: terminal.env.GITHUB_TOKEN ?? "",
      plainHttpRegistries: plainHttpRegistries(values),
      sealedContract: sealedContractSource(ledgerLocationFromOptions(values, terminal), {
        env: terminal.env,
        baseDir: terminal.cwd,
        downloadsDir: null,
        token: "",
        tokenInput: "GITHUB_TOKEN",
        warn: (message) => printWarning(terminal, message)
      })
    },
    ledger
  );
  if (values.json) printJson(terminal, report);
  else terminal.out(renderObserveText(report));
  return report.drifted ? 1 : 0;
}
export {
  OBSERVE_USAGE,
  observeCommand
};
