
// src/core/errors.ts
var SealError = class extends Error {
  name = "SealError";
  code;
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
};
function isSealError(error, ...codes) {
  return error instanceof SealError && (codes.length === 0 || codes.includes(error.code));
}
function exitCodeOf(code) {
  return EXIT_CODES[code];
}
var EXIT_CODES = {
  usage: 2,
  "bad-input": 2,
  malformed: 2,
  unrecognized: 2,
  unreadable: 2,
  denied: 2,
  mismatch: 1,
  tampered: 1,
  refused: 1,
  unavailable: 1,
  conflict: 1,
  outdated: 1
};
function stopsPromotion(error) {
  return isSealError(error, "bad-input", "usage");
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
function quote(value) {
  return JSON.stringify(value);
}

export {
  SealError,
  isSealError,
  exitCodeOf,
  stopsPromotion,
  messageOf,
  quote
};
