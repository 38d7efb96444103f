import {
  delayBefore,
  isRetryable
} from "./chunk-SJOLJ5TF.js";

// stand-in:observe:src/http/clock.ts:src/http/retrying.ts
import { m30$SYSTEM_CLOCK } from "../observe/index-core.js";

// src/http/retrying.ts?observe
async function retrying(attempt, options) {
  const { policy } = options;
  const clock = options.clock ?? m30$SYSTEM_CLOCK;
  const started = clock.now();
  for (let n = 1; ; n++) {
    const outcome = await attempt(clock.timeout(options.timeoutMs ?? policy.timeoutMs), n);
    if ("value" in outcome) return outcome.value;
    const { failure } = outcome;
    if (!isRetryable(failure) || options.once === true) throw options.fail(failure, n, null);
    const wait = delayBefore(failure, n, policy, clock.random);
    if (wait > policy.maxDelayMs || clock.now() - started + wait > policy.deadlineMs)
      throw options.fail(failure, n, wait);
    if (n >= policy.attempts) throw options.fail(failure, n, null);
    await clock.sleep(wait);
    if (options.recover !== void 0 && (failure.kind === "server" || failure.kind === "network")) {
      const found = await options.recover();
      if (found !== void 0) return found;
    }
  }
}

export {
  retrying
};
