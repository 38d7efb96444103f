import {
  contractOfLive,
  knownFromHistory
} from "./chunk-4OSLGI64.js";
import {
  SealError
} from "./chunk-KQET6ZTM.js";

// src/app/approve-amendment.ts
import { randomUUID } from "node:crypto";
async function approveAmendment(request, ledger, options) {
  const known = await knownFromHistory(ledger, request.digest);
  const to = request.to ?? request.sealedContract?.digest ?? known.contract?.digest ?? null;
  if (to === null) {
    throw new SealError(
      `${request.inputs.to}: no record of ${request.digest} names its contract, so the amendment to approve is unknown. Give the contract digest it carries (the seal's contract-digest output), or promote it to an earlier environment first.`
    );
  }
  const recorded = await ledger.record(
    request.environment,
    async (view) => {
      const span = await view.live(request.environment);
      const live = span === null ? null : await contractOfLive(view, span);
      const from = request.from === void 0 ? live?.digest ?? null : request.from;
      if (from !== (live?.digest ?? null)) {
        throw new SealError(
          `${request.inputs.from}: ${request.environment} runs ${live === null ? "no contract" : `contract ${live.version} (${live.digest})`} now, not ${from ?? "none"}; an approval of another amendment would never be used. Leave ${request.inputs.from} out to approve the amendment from what it runs.`
        );
      }
      if (from === to) {
        throw new SealError(`${request.inputs.to}: ${request.environment} runs contract ${to} already; there is no amendment to approve.`);
      }
      const record = {
        digest: request.digest,
        name: request.name ?? known.name,
        environment: request.environment,
        outcome: "approved",
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: known.sealedBy,
        previousDigest: span?.digest ?? null,
        reason: request.reason,
        environmentUrl: null,
        artifact: known.artifact,
        resolves: null,
        key: randomUUID(),
        approves: { from, to }
      };
      return record;
    },
    options.pendingTimeoutMs
  );
  return recorded.entry;
}

export {
  approveAmendment
};
