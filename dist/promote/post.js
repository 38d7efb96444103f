import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  readPromoteSettings,
  reportResolution
} from "../chunks/chunk-IPR3P6G3.js";
import "../chunks/chunk-BN3BV3BB.js";
import {
  openLedger
} from "../chunks/chunk-V4I5O5IV.js";
import "../chunks/chunk-775XJJYF.js";
import "../chunks/chunk-AJ3FXXKA.js";
import "../chunks/chunk-JQN5ZRY2.js";
import {
  PromoteInput,
  PromoteState,
  reportFailure
} from "../chunks/chunk-JY4GFFAA.js";
import "../chunks/chunk-DIOQ6AAJ.js";
import "../chunks/chunk-34UHYZP7.js";
import "../chunks/chunk-F2S7RG6J.js";
import "../chunks/chunk-G46EYJYA.js";
import {
  requesterFromEnv,
  workspaceDir
} from "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-3CR25UGK.js";
import "../chunks/chunk-ZF2UFZB3.js";
import {
  getInput,
  getState
} from "../chunks/chunk-A66XVOGK.js";
import "../chunks/chunk-S7RBMPPZ.js";
import "../chunks/chunk-MQKQALL5.js";
import "../chunks/chunk-LM3HRDQW.js";
import "../chunks/chunk-DWPQK6M2.js";

// src/actions/promote/post.ts
async function post(env = process.env) {
  try {
    const id = getState(PromoteState.Pending);
    if (id === "") return;
    const settings = readPromoteSettings((name) => getInput(name), env, workspaceDir(env));
    const ledger = await openLedger(
      settings.ledger,
      { token: settings.token, ledgerInput: PromoteInput.Ledger, tokenInput: PromoteInput.GitHubToken, forWriting: true },
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
