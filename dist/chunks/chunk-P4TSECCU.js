
// src/http/clock.ts
var SYSTEM_CLOCK = {
  // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks.
  now: () => Number(process.hrtime.bigint() / 1000000n),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeout: (ms) => AbortSignal.timeout(ms),
  random: Math.random
};

export {
  SYSTEM_CLOCK
};
