import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  renderPromotionText
} from "./chunk-6BNCNALW.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-VM4FHYN5.js";
import {
  parseCommand,
  requireValue
} from "./chunk-EKROG2TR.js";
import {
  loadPolicy,
  pipelineStatus
} from "./chunk-MWNRATBR.js";
import {
  fetchAndCheckBytes,
  sealInfoBesideListing
} from "./chunk-3XV4SCCJ.js";
import {
  NOTHING_KNOWN,
  promoteDigest
} from "./chunk-QNKJSCO2.js";
import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-YQE4J5OP.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from "./chunk-QBBW7JKU.js";
import {
  parseDigest
} from "./chunk-HRW4MM62.js";
import {
  SealError
} from "./chunk-JWCK4D2M.js";

// src/cli/promote-command.ts
import * as path from "node:path";
var DEFAULT_POLICY_PATH = ".github/promotion.yml";
var PROMOTE_USAGE = `Usage: artifact-seal promote <digest|previous> --environment ENV [options]

Lets a sealed digest into an environment when the promotion policy holds, and records
the decision in the ledger. Exits 1 when it is refused.

  --environment ENV   the environment, as the policy names it
  --path P            the bytes about to be deployed: re-verified first (repeatable)
  --checksums FILE    the sealed listing, to name the files that differ
  --root DIR          the directory listing paths are relative to
  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_PATH})
${LEDGER_HELP}
  --rollback          return to a digest the environment ran before ("previous": the last good one)
  --dry-run           decide, record nothing
  --name NAME         the artifact's name, for the records
  --json              print the decision as JSON
  -h, --help          show this help`;
var spec = {
  name: "promote",
  usage: PROMOTE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: "string" },
    path: { type: "string", multiple: true },
    checksums: { type: "string" },
    root: { type: "string" },
    policy: { type: "string" },
    rollback: { type: "boolean" },
    "dry-run": { type: "boolean" },
    name: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS
  }
};
async function promoteCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${PROMOTE_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1) throw new SealError(`promote: give one digest (or "previous" with --rollback).

${PROMOTE_USAGE}`);
  const environment = requireValue("environment", values.environment);
  if (environment === void 0) throw new SealError(`promote: --environment is required.

${PROMOTE_USAGE}`);
  const given = positionals[0];
  if (given === "previous" && !values.rollback) throw new SealError('promote: "previous" means a rollback; add --rollback, or give a digest.');
  const digest = given === "previous" ? "previous" : parseDigest(given, "promote <digest>");
  const cwd = terminal.cwd;
  const checksums = requireValue("checksums", values.checksums);
  const checksumsFile = checksums ? path.resolve(cwd, checksums) : null;
  const root = requireValue("root", values.root);
  const paths = values.path ?? [];
  if (checksumsFile && paths.length === 0) throw new SealError("promote: --checksums names the files that differ; give --path with the bytes to check too.");
  const sealed = digest === "previous" ? null : sealInfoBesideListing(checksumsFile, digest);
  const policy = loadPolicy(path.resolve(cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_PATH), "--policy", cwd);
  const ledger = await ledgerFromOptions(values, terminal, !(values["dry-run"] ?? false));
  const result = await promoteDigest(
    {
      environment,
      digest,
      rollback: values.rollback ?? false,
      dryRun: values["dry-run"] ?? false,
      name: requireValue("name", values.name) ?? sealed?.name ?? null,
      environmentUrl: null,
      sealedBy: sealed?.sealedBy ?? null,
      requester: requesterFromEnv(terminal.env),
      inputs: { environment: "--environment", digest: "promote <digest>" },
      artifact: null,
      ...paths.length > 0 ? {
        verifyBytes: (expected) => fetchAndCheckBytes(
          {
            kind: "local",
            subject: { kind: "paths", patterns: parseSubjectPatterns(paths.join("\n")), baseDir: cwd, inputName: "--path", ...root ? { root } : {} },
            checksumsFile
          },
          expected,
          NOTHING_KNOWN,
          {
            env: terminal.env,
            downloadsDir: path.join(cwd, ".artifact-seal", "downloads"),
            seal: { fallbackName: fallbackName(terminal.env, cwd), build: buildContextFromEnv(terminal.env), onProgress: (p) => terminal.progress(describeProgress(p)) },
            inputs: { expected: "promote <digest>", checksums: "--checksums", artifactName: "--artifact-name" },
            log: (message) => terminal.progress(message)
          }
        )
      } : {}
    },
    policy,
    ledger,
    () => /* @__PURE__ */ new Date()
  );
  if (values.json) {
    terminal.out(`${JSON.stringify({ ...result.decision, previous: result.previous?.digest ?? null, record: result.record }, null, 2)}
`);
  } else {
    const status = await pipelineStatus(policy, ledger);
    terminal.out(renderPromotionText({ result, policy, status, ledger: ledger.location, name: result.name, dryRun: values["dry-run"] ?? false }));
  }
  return result.decision.allowed ? 0 : 1;
}

export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
