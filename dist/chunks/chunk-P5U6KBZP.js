
// src/core/promotion/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var DURATION_PATTERN = "^(0|([0-9]+(ms|s|m|h|d|w))+)$";
var PART = /([0-9]+)(ms|s|m|h|d|w)/g;
function parseDuration(text) {
  if (!new RegExp(DURATION_PATTERN).test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART))
    total += Number(amount) * UNIT_MS[unit];
  return Number.isSafeInteger(total) ? total : null;
}
function formatDuration(ms) {
  if (ms < 1e3) return "0s";
  const parts = [];
  let rest = Math.floor(ms / 1e3);
  for (const [unit, seconds] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    const amount = Math.floor(rest / seconds);
    rest -= amount * seconds;
    if (amount > 0) parts.push(`${amount}${unit}`);
  }
  return parts.slice(0, 2).join(" ");
}

export {
  DURATION_PATTERN,
  parseDuration,
  formatDuration
};
