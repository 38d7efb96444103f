import {
  formatDuration,
  parseDuration
} from "./chunk-P5U6KBZP.js";
import {
  FileLedger,
  GitLedger,
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  verifyCheckpoint
} from "./chunk-5WSHTDSJ.js";
import "./chunk-OQ72UPIU.js";
import {
  besideLedger
} from "./chunk-PEENHNVN.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-7EN7PEUO.js";
import {
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  readCliSignerCheck
} from "./chunk-VMITG4QB.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import "./chunk-LYSN4LFY.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  formatCount
} from "./chunk-HCENANLJ.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import {
  parseDigest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  plain,
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import {
  existsSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/ledger-command.ts
var LEDGER_USAGE = `Usage: artifact-seal ledger init [--ledger file:<path>]
       artifact-seal ledger verify [--head <seq>:sha256:<hex>] [--ledger-id sha256:<hex>] [--public-key FILE] [--ledger file:<path>]
       artifact-seal ledger abandon-stale --environment ENV [--older-than 6h [--force]] [--ledger L]

init           creates a new file ledger. A missing ledger is otherwise an error, so a
               deleted one never reads as a fresh ledger that forgot its vetoes.
verify         checks a file ledger's hash chain from the first record to the last: an
               edited, deleted or reordered line is reported with its number. It prints
               the head (the last line's number and hash): keep it somewhere the ledger's
               writers cannot change, and "--head" later proves that no line up to it was
               cut off or rewritten. Exits 1 when the chain breaks.
               The chain alone detects corruption, not a deliberate rewrite: whoever
               can write the file can write a new chain. A promote that signs (sign:
               key or keyless) also writes <ledger>.checkpoint.sigstore.json, a signed
               checkpoint of the head and of the ledger's identity (the sha256 of its
               first line, which holds a random id); with --public-key (or
               --trusted-root and --signer-repository for a keyless one) verify checks
               it, and refuses a ledger that was rewritten, cut short, replaced, or has
               records appended after the checkpoint. Another ledger signed with the
               same key, put in this one's place with its own checkpoint, is caught only
               with --ledger-id (the "Ledger:" line init and verify print, kept where
               the ledger's writers cannot change it); an earlier copy of this ledger
               with its earlier checkpoint only with --head.
abandon-stale  marks the environment's pending promotions that nobody confirmed within
               --older-than (default 6h) abandoned; the next promotion does it too. A
               pending promotion may wait 6h for its confirmation (the longest a
               GitHub-hosted job runs), so a shorter --older-than needs --force: it
               would abandon deployments still in flight, whose confirmation is then
               refused.

  --head H          a head printed by an earlier "ledger verify"
  --ledger-id ID    the ledger's identity, printed by "ledger init" and "ledger verify"
  --environment ENV the environment whose pending promotions to look at
  --older-than D    how old a pending record must be, such as 6h or 2d
  --force           abandon below 6h too, when those deployments are known to be over
  --json            print the result as JSON: init {location, ledger, head}; verify
                    {intact, location, count, ledger, head, problems: [{line, problem}]};
                    abandon-stale {abandoned: [records]}
${LEDGER_HELP}
With "ledger verify", whose checkpoint signature is accepted:
${SIGNER_USAGE}
  -h, --help        show this help`;
var spec = {
  name: "ledger",
  usage: LEDGER_USAGE,
  allowPositionals: true,
  options: {
    head: { type: "string" },
    "ledger-id": { type: "string" },
    environment: { type: "string" },
    "older-than": { type: "string" },
    force: { type: "boolean" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS,
    ...SIGNER_OPTIONS
  }
};
async function ledgerCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${LEDGER_USAGE}
`);
    return 0;
  }
  const command = positionals.join(" ");
  if (command === "abandon-stale") {
    const stale = staleAfter(values);
    return abandonStale(
      await ledgerFromOptions(values, terminal, true),
      stale,
      terminal,
      values.json === true
    );
  }
  if (command !== "init" && command !== "verify") {
    throw new SealError(
      "usage",
      `ledger: ${quote(command)} is not a ledger command; they are "ledger init", "ledger verify" and "ledger abandon-stale".

${LEDGER_USAGE}`
    );
  }
  const opened = await ledgerFromOptions(values, terminal, false, command === "init");
  const ledger = opened instanceof GitLedger ? opened.fileLedger() : opened;
  if (!(ledger instanceof FileLedger)) {
    throw new SealError(
      "bad-input",
      `--ledger: ${quote(ledger.location)} is kept by GitHub, which does not let a deployment be edited; "ledger ${command}" is for file ledgers.`
    );
  }
  if (command === "init") {
    const head2 = opened instanceof GitLedger ? await opened.init() : await ledger.init();
    if (values.json)
      printJson(terminal, { location: opened.location, ledger: head2.hash, head: formatHead(head2) });
    else
      terminal.out(`Created ${opened.location}.
Ledger: ${head2.hash}
Head: ${formatHead(head2)}
`);
    return 0;
  }
  const signer = readCliSignerCheck(values, terminal.cwd, terminal.env);
  const headText = requireValue("head", values.head);
  const pinned = headText === void 0 ? void 0 : parseHead(headText);
  const idText = requireValue("ledger-id", values["ledger-id"]);
  const pinnedId = idText === void 0 ? null : parseLedgerId(idText);
  const json = values.json === true;
  if (signer.asksForSigner || signer.trustedRootFile !== null)
    return verifySigned(
      ledger,
      signer,
      { head: pinned, headText, ledger: pinnedId },
      terminal,
      json
    );
  const { count, head, identity, problems } = await ledger.verifyChain(pinned);
  const verdict = (intact, extra = {}) => printJson(terminal, {
    intact,
    signed: false,
    location: ledger.location,
    count,
    ledger: identity,
    head: formatHead(head),
    problems,
    ...extra
  });
  if (problems.length === 0 && pinnedId !== null && identity !== pinnedId) {
    const why = `${ledger.location} is the ledger ${identity} (the sha256 of its first line), not ${pinnedId}: it was replaced by another ledger.`;
    if (json) verdict(false, { reason: why });
    else terminal.out(`NOT THE LEDGER PINNED: ${why}
`);
    return 1;
  }
  if (json) {
    verdict(problems.length === 0);
    return problems.length === 0 ? 0 : 1;
  }
  if (problems.length === 0) {
    const upTo = pinned === void 0 ? ` This detects corruption (an edited, deleted or reordered line), not a deliberate rewrite: whoever can write the file can write a new chain. Check the signed checkpoint with --public-key (or --trusted-root and --signer-repository)${existsSync(besideLedger(ledger.file).checkpoint) ? "" : ", written by a promote that signs"}, or pin the head with --head.` : ` It holds the pinned head ${headText}: no line up to it was cut off or rewritten.`;
    terminal.out(
      `${(terminal.paint ?? plain)("good", "Intact")}: ${recordsAfterFirstLine(count)} in ${ledger.location}, each chained to the one before.${upTo}
Ledger: ${identity}
Head: ${formatHead(head)}
`
    );
    return 0;
  }
  const lines = [
    `${(terminal.paint ?? plain)("bad", "BROKEN")}: ${ledger.location} has ${formatCount(problems.length, "problem")} in ${recordsAfterFirstLine(count)}:`,
    ...problems.map((p) => `  line ${p.line}: ${p.problem}`)
  ];
  terminal.out(`${lines.join("\n")}
`);
  return 1;
}
async function verifySigned(ledger, settings, pins, terminal, json) {
  const serverUrl = serverUrlOf(terminal.env);
  const identity = settings.repository === null ? null : identityPolicy({ ...settings, repository: settings.repository }, serverUrl);
  const check = await verifyCheckpoint(ledger, {
    publicKey: settings.publicKey,
    trustedRootFile: settings.trustedRootFile,
    tufMirrors: settings.tufMirrors,
    identity,
    ledger: pins.ledger
  });
  const notTrusted = (why, detail, problems) => {
    if (json)
      printJson(terminal, {
        intact: false,
        signed: false,
        location: ledger.location,
        why,
        reason: detail,
        problems
      });
    else
      terminal.out(
        `${[`${(terminal.paint ?? plain)("bad", "NOT TRUSTED")} (${why}): ${ledger.location}: ${detail}`, ...problems.map((p) => `  line ${p.line}: ${p.problem}`)].join("\n")}
`
      );
    return 1;
  };
  if (check.status !== "signed") return notTrusted(check.why, check.detail, check.problems);
  if (pins.head !== void 0) {
    const { pinnedProblem } = await ledger.verifyChain(pins.head);
    if (pinnedProblem !== null)
      return notTrusted(
        "rewritten",
        `the ledger does not hold the pinned head ${pins.headText}: it was cut short or rewritten at or before that line, and re-signed.`,
        [pinnedProblem]
      );
  }
  const unpinned = pins.ledger === null ? ` Another ledger signed with the same key would verify as well: pin this one with --ledger-id ${check.ledger}.` : ` It is the ledger pinned (${pins.ledger}).`;
  if (json) {
    printJson(terminal, {
      intact: true,
      signed: true,
      location: ledger.location,
      count: check.count,
      ledger: check.ledger,
      head: formatHead(check.head),
      problems: [],
      signer: check.signer,
      checkpoint: check.file
    });
    return 0;
  }
  terminal.out(
    `${(terminal.paint ?? plain)("good", "Intact and signed")}: ${recordsAfterFirstLine(check.count)} in ${ledger.location}, each chained to the one before, up to the head ${check.signer} signed at ${check.checkpoint.time} (${check.file}).${unpinned}${pins.headText === void 0 ? "" : ` It holds the pinned head ${pins.headText}.`}
Ledger: ${check.ledger}
Head: ${formatHead(check.head)}
`
  );
  return 0;
}
function recordsAfterFirstLine(count) {
  return `${formatCount(count, "record")} after the ledger's first line`;
}
function parseLedgerId(text) {
  if (/^sha256:[0-9a-f]{64}$/.test(text)) return text;
  throw new SealError(
    "bad-input",
    `--ledger-id: ${quote(text)} is not a ledger's identity. Give what "artifact-seal ledger init" or "ledger verify" printed after "Ledger:", such as "sha256:0123\u2026".`
  );
}
function staleAfter(values) {
  const environment = requireValue("environment", values.environment);
  if (environment === void 0)
    throw new SealError(
      "usage",
      `ledger abandon-stale: --environment is required.

${LEDGER_USAGE}`
    );
  const olderThan = requireValue("older-than", values["older-than"]);
  const timeoutMs = olderThan === void 0 ? DEFAULT_PENDING_TIMEOUT_MS : parseDuration(olderThan);
  if (timeoutMs === null)
    throw new SealError(
      "bad-input",
      `--older-than: ${quote(olderThan ?? "")} is not a duration. Give one such as 30m, 6h or 2d.`
    );
  if (timeoutMs < DEFAULT_PENDING_TIMEOUT_MS && values.force !== true) {
    const timeout = formatDuration(DEFAULT_PENDING_TIMEOUT_MS);
    throw new SealError(
      "bad-input",
      `--older-than: ${quote(olderThan ?? "")} is shorter than the ${timeout} a pending promotion waits for its confirmation (the longest a GitHub-hosted job runs): a deployment still in flight would be marked abandoned, and its confirmation refused although its bytes went out. Give --older-than ${timeout} or more, or add --force when you know every deployment of ${environment} pending that long is over.`
    );
  }
  return { environment, timeoutMs };
}
async function abandonStale(ledger, stale, terminal, json) {
  const { environment, timeoutMs } = stale;
  const { abandoned } = await ledger.record(environment, async () => null, timeoutMs);
  if (json) {
    printJson(terminal, { abandoned });
    return 0;
  }
  for (const entry of abandoned)
    terminal.out(
      `abandoned record ${entry.resolves}: ${entry.digest} in ${environment} (record ${entry.id})
`
    );
  terminal.out(
    `${formatCount(abandoned.length, "pending record")} of ${environment} marked abandoned in ${ledger.location}.
`
  );
  return 0;
}
function formatHead(head) {
  return `${head.seq}:${head.hash}`;
}
function parseHead(text) {
  const match = /^(\d+):(sha256:[0-9a-f]{64})$/.exec(text);
  if (match) return { seq: Number(match[1]), hash: match[2] };
  try {
    return parseDigest(text, "--head");
  } catch {
    throw new SealError(
      "bad-input",
      `--head: ${quote(text)} is not a ledger head. Give what "artifact-seal ledger verify" printed after "Head:", such as "12:sha256:0123\u2026".`
    );
  }
}
export {
  LEDGER_USAGE,
  formatHead,
  ledgerCommand
};
