import {
  readPromoteSettings,
  reportResolution
} from "../chunks/chunk-NQSST6RD.js";
import "../chunks/chunk-OKC3V5KO.js";
import {
  checkpointSigning,
  openLedger
} from "../chunks/chunk-UHTOHAQ5.js";
import "../chunks/chunk-PDXRZ77U.js";
import "../chunks/chunk-OUGGR7GI.js";
import "../chunks/chunk-26EACSW7.js";
import "../chunks/chunk-WQL46BTN.js";
import "../chunks/chunk-U2O7APQI.js";
import {
  getInput,
  getState,
  reportFailure
} from "../chunks/chunk-Z26ZLIIK.js";
import {
  PromoteInput,
  PromoteState
} from "../chunks/chunk-PURSDPP7.js";
import {
  requesterFromEnv,
  workspaceDir
} from "../chunks/chunk-Y26XYTCZ.js";
import "../chunks/chunk-7LPUHTON.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-RLG6D2AJ.js";
import "../chunks/chunk-NID24HAP.js";
import "../chunks/chunk-HFKVVJJS.js";
import "../chunks/chunk-WN5XRVDE.js";
import "../chunks/chunk-32RFBYNG.js";
import "../chunks/chunk-KQET6ZTM.js";
import "../chunks/chunk-EWOWW24O.js";

// src/actions/promote/post.ts
async function post(env = process.env) {
  try {
    const id = getState(PromoteState.Pending);
    if (id === "") return;
    const settings = readPromoteSettings((name) => getInput(name), env, workspaceDir(env));
    const ledger = await openLedger(
      settings.ledger,
      { token: settings.token, ledgerInput: PromoteInput.Ledger, tokenInput: PromoteInput.GitHubToken, forWriting: true, signing: await checkpointSigning(settings.ledger, settings.signing, env) },
      env
    );
    const entry = await ledger.resolve({ id, outcome: "confirmed", reason: null, environment: settings.environment, ...requesterFromEnv(env) });
    await reportResolution(entry, "confirmed", ledger.location, settings.summary && env.GITHUB_STEP_SUMMARY !== void 0);
  } catch (error) {
    reportFailure(error);
  }
}

// src/actions/promote/post-index.ts
await post();
