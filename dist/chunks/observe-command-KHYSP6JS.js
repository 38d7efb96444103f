import {
  renderObserveText
} from "./chunk-KHNSGHAE.js";
import {
  fetchAndCheckBytes
} from "./chunk-A432YKIX.js";
import {
  driftStateOf
} from "./chunk-MQIWTPRT.js";
import {
  artifactOf,
  contractOfLive
} from "./chunk-TQNKXSGR.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-QGYHVDQW.js";
import "./chunk-IUAYCHBO.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from "./chunk-VGTKPVB6.js";
import {
  classifyContracts
} from "./chunk-UOV3WIT2.js";
import "./chunk-26HFV435.js";
import "./chunk-MSNLSSV5.js";
import "./chunk-YVFGTIWU.js";
import "./chunk-VBPZY752.js";
import {
  contractSources
} from "./chunk-L5RGIEW7.js";
import "./chunk-3COITM7H.js";
import {
  besideLedger
} from "./chunk-U5JZ4CF4.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-6WR6AUTI.js";
import "./chunk-WR5ZZHNG.js";
import "./chunk-GYWGNZEA.js";
import {
  cliCheckpointSigning
} from "./chunk-MQ5F37O5.js";
import {
  listDirectory
} from "./chunk-AKKS2HFI.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-UFM7SWM7.js";
import "./chunk-KIKQSJQ6.js";
import "./chunk-Z6PKETNA.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from "./chunk-ATCQMFML.js";
import "./chunk-CXD6ZEEB.js";
import "./chunk-OPHOUBPK.js";
import {
  parseCommand,
  requireValue
} from "./chunk-7HTVDUBA.js";
import "./chunk-PWSIF5XA.js";
import "./chunk-BXUFWVSN.js";
import {
  describeContract,
  detectContractKind
} from "./chunk-JPWGE6FR.js";
import "./chunk-44U5ZU6J.js";
import "./chunk-EQVYSVNY.js";
import "./chunk-LGWJCIYU.js";
import "./chunk-4WMSIVT4.js";
import {
  diffListings,
  digestOfListing,
  parseListing
} from "./chunk-43FNMZOV.js";
import {
  parseImageReference
} from "./chunk-PAVEHXKT.js";
import {
  digestFromHex,
  shortDigest
} from "./chunk-U5VE7L4O.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-COPLKY7P.js";
import {
  printJson
} from "./chunk-RVWLEMAR.js";
import {
  parsePointer,
  valueAt
} from "./chunk-2U5KUBRC.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PK6RSM65.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import {
  SYSTEM_CLOCK
} from "./chunk-P4TSECCU.js";
import "./chunk-M6ACESL2.js";
import {
  createHash,
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
function shown(text) {
  const line = text.replace(new RegExp("\\p{Cc}+", "gu"), " ").trim();
  return JSON.stringify(line.length > SHOWN ? `${line.slice(0, SHOWN)}\u2026` : line);
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
import { spawn } from "node:child_process";
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
async function boundedGet(url, options) {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const signal = clock.timeout(options.timeoutMs);
  const timedOut = () => new SealError(
    "unavailable",
    `${options.what}: ${quote(url)} did not answer in full within ${options.timeoutMs} ms`
  );
  let response;
  try {
    response = await fetch(url, {
      signal,
      redirect: "follow",
      headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1" }
    });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    const cause = error.cause;
    throw new SealError(
      "unavailable",
      `${options.what}: ${quote(url)} cannot be reached (${cause?.code ?? cause?.message ?? error.message})`,
      { cause: error }
    );
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => void 0);
    throw tooLarge(url, options, `it declares ${declared} bytes`);
  }
  const chunks = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (; ; ) {
      if (reader === void 0) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel().catch(() => void 0);
        throw tooLarge(url, options, "it sent more");
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (error instanceof SealError) throw error;
    if (signal.aborted) throw timedOut();
    throw new SealError(
      "unavailable",
      `${options.what}: ${quote(url)} broke off its answer (${error.message})`,
      { cause: error }
    );
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body: Buffer.concat(chunks)
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
    return none(`${JSON.stringify(url)} answered HTTP ${answer.status}`);
  const served = answer.body;
  const text = served.toString("utf8");
  try {
    const found = detectContractKind(document.path, text);
    if (found.kind !== "openapi")
      return none(`${JSON.stringify(url)} serves ${found.kind}, not an OpenAPI document`);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return none(
      `${JSON.stringify(url)} answered ${answer.contentType === "" ? "something" : shown(answer.contentType)} that is no OpenAPI document: ${shown(text.slice(0, 120))}`
    );
  }
  if (createHash("sha256").update(served).digest("hex") === document.sha256) {
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
      `${JSON.stringify(url)} serves a document that cannot be read as the sealed contract's ${JSON.stringify(document.path)}: ${error.message}`
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
  const count = (severity) => changes.filter((c) => c.severity === severity).length;
  return {
    result: {
      probe: "contract-url",
      verdict: "drifted",
      observed: running.manifest.digest,
      detail: `the served contract differs from the sealed one: ${count("breaking")} breaking, ${count("dangerous")} dangerous, ${count("compatible")} compatible (${rules.join(", ")})`,
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
      digest = digestFromHex(createHash("sha256").update(readFileSync(target)).digest("hex"));
    }
  } catch (error) {
    const e = error;
    if (error instanceof SealError) return unknown("files", error.message);
    return unknown("files", `cannot read ${JSON.stringify(target)} (${e.code ?? e.message})`);
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
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}; the listing ${JSON.stringify(listingFile)} cannot be read (${error.code ?? ""}) to name them`
    );
  }
  if (digestOfListing(sealedText) !== live) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}; the listing ${JSON.stringify(listingFile)} is not the live digest's either, so it names nothing`
    );
  }
  const mismatches = diffListings(
    parseListing(sealedText, listingFile),
    parseListing(listing.toString("utf8"), target)
  );
  const items = mismatches.map((m) => `${m.kind} ${JSON.stringify(m.path)}`);
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
    return unknown("url", `${JSON.stringify(url)} answered HTTP ${answer.status}`);
  let document;
  try {
    document = JSON.parse(answer.body.toString("utf8"));
  } catch {
    return unknown(
      "url",
      `${JSON.stringify(url)} answered ${answer.contentType === "" ? "without a content type" : shown(answer.contentType)}, not JSON: ${shown(answer.body.subarray(0, 200).toString("utf8"))}`
    );
  }
  const tokens = parsePointer(pointer) ?? [];
  const value = valueAt(document, tokens);
  if (typeof value !== "string") {
    return unknown(
      "url",
      `${JSON.stringify(url)}'s answer has ${value === void 0 ? "nothing" : `a ${value === null ? "null" : Array.isArray(value) ? "list" : typeof value}`} at ${JSON.stringify(pointer)}, not the digest as text`
    );
  }
  const digests = digestsIn(value);
  if (digests === null || digests.length !== 1)
    return unknown(
      "url",
      `${JSON.stringify(url)}'s answer has ${shown(value)} at ${JSON.stringify(pointer)}, not one sha256 digest`
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
      const rule = policy.environments.find((e) => e.name === name);
      if (rule === void 0) {
        throw new SealError(
          "bad-input",
          `${input}: ${quote(name)} is not an environment of the promotion policy ${policy.source}. Give one of: ${policy.environments.map((e) => e.name).join(", ")}.`
        );
      }
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
        const registry = await registryFor(spec2.timeoutMs, context, request.registryToken);
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
async function registryFor(timeoutMs, context, token) {
  const { openImageRegistry } = await import("./open-registry-VSN6K5AX.js");
  return openImageRegistry(context.env, token, { timeoutMs, deadlineMs: timeoutMs });
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
  -h, --help          show this help`;
var spec = {
  name: "observe",
  usage: OBSERVE_USAGE,
  allowPositionals: false,
  options: {
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
      sealedContract: sealedContractSource(ledgerLocationFromOptions(values, terminal), {
        env: terminal.env,
        baseDir: terminal.cwd,
        downloadsDir: null,
        token: "",
        tokenInput: "GITHUB_TOKEN",
        warn: (message) => terminal.err(`warning: ${message}
`)
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
