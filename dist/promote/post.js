import {
  readPromoteSettings,
  reportResolution
} from "../chunks/chunk-DB47YGSQ.js";
import "../chunks/chunk-BN3BV3BB.js";
import {
  checkpointSigning,
  openLedger
} from "../chunks/chunk-AWLEXHAZ.js";
import "../chunks/chunk-I4AZKPM5.js";
import "../chunks/chunk-WOEF7BS6.js";
import "../chunks/chunk-JQN5ZRY2.js";
import {
  getInput,
  getState,
  reportFailure
} from "../chunks/chunk-WHO5DA4Z.js";
import {
  PromoteInput,
  PromoteState
} from "../chunks/chunk-5O3ZRBRA.js";
import {
  requesterFromEnv,
  workspaceDir
} from "../chunks/chunk-Y26XYTCZ.js";
import "../chunks/chunk-IVGQQWRF.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-6BKEXAWG.js";
import "../chunks/chunk-7WIOIR7E.js";
import "../chunks/chunk-TST44RD6.js";
import "../chunks/chunk-MQKQALL5.js";
import "../chunks/chunk-5E6I27RW.js";
import "../chunks/chunk-LM3HRDQW.js";
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
