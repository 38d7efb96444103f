import {
  approveAmendment
} from "../chunks/chunk-NBCGCXY4.js";
import {
  contractSources,
  contractStoreOf,
  contractsKnown,
  loadPolicy,
  pipelineStatus,
  recordAttester,
  sealedContractBeside
} from "../chunks/chunk-RWQXT5AI.js";
import "../chunks/chunk-YDBZB2EY.js";
import "../chunks/chunk-VQE4U277.js";
import "../chunks/chunk-HAD3KXUC.js";
import "../chunks/chunk-JDE2Z3ZW.js";
import {
  prepareSigning
} from "../chunks/chunk-F2TO3XK7.js";
import {
  annotateMismatches
} from "../chunks/chunk-QIESDJ54.js";
import {
  fetchAndCheckBytes,
  sealInfoBesideListing
} from "../chunks/chunk-P3LFBAAN.js";
import {
  checkSignature,
  signatureSources,
  signerExpectation,
  signerOutput
} from "../chunks/chunk-2FA2NVHV.js";
import {
  promoteDigest,
  vetoDigest
} from "../chunks/chunk-4OSLGI64.js";
import "../chunks/chunk-NVACJPZY.js";
import "../chunks/chunk-JVZDWJ74.js";
import "../chunks/chunk-47XK5U45.js";
import "../chunks/chunk-MKZ7O5YQ.js";
import {
  describeProgress
} from "../chunks/chunk-ZKPFZ6OV.js";
import "../chunks/chunk-T6LU5YRH.js";
import "../chunks/chunk-CXUYZPCD.js";
import "../chunks/chunk-W2T4WNMM.js";
import "../chunks/chunk-KBCO63BF.js";
import {
  readPromoteSettings,
  renderApprovalMarkdown,
  renderPromotionMarkdown,
  renderVetoMarkdown,
  reportResolution
} from "../chunks/chunk-NQSST6RD.js";
import {
  headline
} from "../chunks/chunk-OKC3V5KO.js";
import {
  checkpointSigning,
  creatingLedgerNotice,
  openLedger
} from "../chunks/chunk-UHTOHAQ5.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "../chunks/chunk-PDXRZ77U.js";
import "../chunks/chunk-OUGGR7GI.js";
import "../chunks/chunk-26EACSW7.js";
import "../chunks/chunk-WQL46BTN.js";
import "../chunks/chunk-U2O7APQI.js";
import {
  getInput,
  info,
  reportFailure,
  saveState,
  setFailed,
  setOutput,
  summary,
  warning
} from "../chunks/chunk-Z26ZLIIK.js";
import {
  PromoteInput,
  PromoteOutput,
  PromoteState,
  signatureRequired
} from "../chunks/chunk-PURSDPP7.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv,
  runnerTempDir,
  workspaceDir
} from "../chunks/chunk-Y26XYTCZ.js";
import "../chunks/chunk-7LPUHTON.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-RLG6D2AJ.js";
import "../chunks/chunk-NID24HAP.js";
import "../chunks/chunk-HFKVVJJS.js";
import "../chunks/chunk-WN5XRVDE.js";
import "../chunks/chunk-32RFBYNG.js";
import {
  SealError
} from "../chunks/chunk-KQET6ZTM.js";
import "../chunks/chunk-EWOWW24O.js";

// src/actions/promote/run.ts
import * as path from "node:path";
async function run(env = process.env) {
  try {
    const workspace = workspaceDir(env);
    const settings = readPromoteSettings((name) => getInput(name), env, workspace);
    const access = { token: settings.token, ledgerInput: PromoteInput.Ledger, tokenInput: PromoteInput.GitHubToken, forWriting: !settings.dryRun, create: settings.createLedger };
    const requester = requesterFromEnv(env);
    if (settings.confirm.kind === "record") {
      const ledger2 = await openLedger(settings.ledger, { ...access, signing: await checkpointSigning(settings.ledger, settings.signing, env) }, env);
      const { id, outcome } = settings.confirm;
      const reason = outcome === "failed" ? `the deployment failed (${PromoteInput.Outcome}: failure)` : null;
      const entry = await ledger2.resolve({ id, outcome, reason, environment: settings.environment, ...requester });
      await reportResolution(entry, outcome, ledger2.location, settings.summary && env.GITHUB_STEP_SUMMARY !== void 0);
      return;
    }
    const policy = loadPolicy(settings.policyFile, PromoteInput.Policy, workspace);
    const signing = settings.dryRun ? { kind: "none", notice: null } : await prepareSigning(settings.signing, env);
    const ledger = await openLedger(settings.ledger, { ...access, signing }, env);
    const creating = settings.dryRun ? null : creatingLedgerNotice(settings.ledger, settings.createLedger, PromoteInput.CreateLedger);
    if (creating !== null) warning(creating);
    const options = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS };
    const attest = signing.kind === "none" ? void 0 : recordAttester(signing, { ledger: settings.ledger, policy, env, token: settings.token, tokenInput: PromoteInput.GitHubToken });
    if (settings.veto !== null) {
      if (settings.digest === "previous") throw new Error('unreachable: settings refuse a veto of "previous"');
      if (!policy.environments.some((e) => e.name === settings.environment)) {
        warning(`${PromoteInput.Environment}: ${settings.environment} is not in the policy; the veto applies to every environment all the same.`);
      }
      const record2 = await vetoDigest(
        { digest: settings.digest, environment: settings.environment, reason: settings.veto, name: settings.name, requester, ...attest ? { attest } : {} },
        ledger,
        options
      );
      info(`Vetoed ${settings.digest} in ${ledger.location} (record ${record2.id}): ${settings.veto}. No environment accepts it now.`);
      if (settings.summary && env.GITHUB_STEP_SUMMARY) {
        await summary.addRaw(renderVetoMarkdown(record2, ledger.location)).write();
      }
      setOutput(PromoteOutput.Promoted, "false");
      setOutput(PromoteOutput.Digest, settings.digest);
      setOutput(PromoteOutput.RecordId, record2.id);
      setOutput(PromoteOutput.RecordUrl, record2.url ?? "");
      setOutput(PromoteOutput.AttestationId, record2.attestation?.id ?? "");
      setOutput(PromoteOutput.AttestationUrl, record2.attestation?.uri ?? "");
      return;
    }
    const source = settings.source;
    const checksumsFile = source?.kind === "local" ? source.checksumsFile : null;
    if (settings.approveAmendment !== null) {
      if (settings.digest === "previous") throw new Error('unreachable: settings refuse an approval of "previous"');
      const record2 = await approveAmendment(
        {
          digest: settings.digest,
          environment: settings.environment,
          reason: settings.approveAmendment,
          sealedContract: sealedContractBeside(checksumsFile),
          name: settings.name,
          requester,
          inputs: { from: PromoteInput.ApproveAmendment, to: PromoteInput.ChecksumsPath, digest: PromoteInput.ExpectedDigest }
        },
        ledger,
        options
      );
      info(`Approved the contract amendment ${record2.approves?.from ?? "none"} \u2192 ${record2.approves?.to} of ${settings.environment} for ${settings.digest} (record ${record2.id}): ${settings.approveAmendment}.`);
      if (settings.summary && env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderApprovalMarkdown(record2, ledger.location)).write();
      setOutput(PromoteOutput.Promoted, "false");
      setOutput(PromoteOutput.Digest, settings.digest);
      setOutput(PromoteOutput.RecordId, record2.id);
      setOutput(PromoteOutput.RecordUrl, record2.url ?? "");
      return;
    }
    const sealed = settings.digest === "previous" ? null : sealInfoBesideListing(checksumsFile, settings.digest);
    const fetchContext = {
      env,
      downloadsDir: path.join(runnerTempDir(env), "artifact-seal", "downloads"),
      seal: { fallbackName: fallbackName(env, workspace), build: buildContextFromEnv(env), onProgress: (p) => info(describeProgress(p)) },
      inputs: { expected: PromoteInput.ExpectedDigest, checksums: PromoteInput.ChecksumsPath, artifactName: PromoteInput.ArtifactName },
      log: (message) => info(message)
    };
    const rule = policy.environments.find((e) => e.name === settings.environment);
    const required = signatureRequired(settings.signer, rule?.signedBy !== null && rule?.signedBy !== void 0, env);
    const expectation = signerExpectation(settings.signer, required, env);
    const result = await promoteDigest(
      {
        environment: settings.environment,
        digest: settings.digest,
        rollback: settings.rollback,
        dryRun: settings.dryRun,
        name: settings.name ?? sealed?.name ?? null,
        environmentUrl: settings.environmentUrl,
        sealedBy: sealed?.sealedBy ?? null,
        requester,
        inputs: { environment: PromoteInput.Environment, digest: PromoteInput.ExpectedDigest },
        artifact: null,
        ...source ? { verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext) } : {},
        checkSignature: (digest, bytes) => checkSignature(digest, signatureSources(bytes?.checksumsFile ?? null, required || settings.signer.asksForSigner, settings.token, PromoteInput.GitHubToken, env), expectation),
        requireSignature: required,
        serverUrl: expectation.serverUrl,
        ...attest ? { attest } : {},
        contract: contractSources({
          store: settings.ledger.kind === "file" ? contractStoreOf(settings.ledger.file) : null,
          baseline: settings.contractBaseline === null ? null : { path: settings.contractBaseline, inputName: PromoteInput.ContractBaseline },
          download: async (digest, artifact) => {
            const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId);
            const fetched = await fetchAndCheckBytes({ kind: "artifact", name: artifact.name, runId, token: settings.token }, digest, { sealedBy: null, name: null, artifact }, fetchContext);
            if (!fetched.verified || fetched.checksumsFile === null) throw new SealError(`its files are not ${digest}`);
            return fetched.checksumsFile;
          }
        })
      },
      policy,
      ledger,
      options
    );
    const { decision } = result;
    for (const check of decision.checks) info(`${check.passed ? "\u2713" : "\u2717"} ${check.rule} (${check.environment}): ${check.detail}`);
    if (result.verification && !result.verification.verified) annotateMismatches(result.verification.mismatches);
    const report = { result, policy, status: await pipelineStatus(policy, ledger, { knownContracts: contractsKnown(result.digest, result.contract) }), ledger: ledger.location, name: result.name, dryRun: settings.dryRun };
    if (settings.summary && env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderPromotionMarkdown(report)).write();
    setOutput(PromoteOutput.Promoted, String(decision.allowed && !settings.dryRun));
    setOutput(PromoteOutput.Digest, result.digest ?? "");
    setOutput(PromoteOutput.PreviousDigest, result.previous?.digest ?? "");
    setOutput(PromoteOutput.RecordId, result.record?.id ?? "");
    setOutput(PromoteOutput.RecordUrl, result.record?.url ?? "");
    setOutput(PromoteOutput.Decision, JSON.stringify(decision));
    setOutput(PromoteOutput.Path, decision.allowed ? result.verification?.path ?? "" : "");
    setOutput(PromoteOutput.Signer, result.signature?.status === "verified" ? signerOutput(result.signature.signer) : "");
    setOutput(PromoteOutput.AttestationId, result.record?.attestation?.id ?? "");
    setOutput(PromoteOutput.AttestationUrl, result.record?.attestation?.uri ?? "");
    setOutput(PromoteOutput.ContractVersion, result.contract?.candidate?.version ?? "");
    setOutput(PromoteOutput.ContractDigest, result.contract?.candidate?.digest ?? "");
    for (const entry of result.abandoned) warning(`Record ${entry.resolves} (${entry.digest}) was never confirmed; marked abandoned: ${entry.reason}`);
    if (!decision.allowed) {
      setFailed(`${headline(report)}: ${decision.reason}`);
      return;
    }
    info(headline(report));
    const record = result.record;
    if (record === null) return;
    if (settings.confirm.kind === "on-success") {
      saveState(PromoteState.Pending, record.id);
      info(`Record ${record.id} is pending: it becomes ${decision.environment}'s live digest when this job succeeds, and never if it fails or is cancelled.`);
    } else {
      info(
        `Record ${record.id} is pending until a later step confirms it: uses this action with "${PromoteInput.Confirm}: ${record.id}" and "${PromoteInput.Outcome}: success" (or failure), or "artifact-seal confirm ${record.id} --ledger ${ledger.location}".`
      );
    }
  } catch (error) {
    reportFailure(error);
  }
}

// src/actions/promote/index.ts
await run();
