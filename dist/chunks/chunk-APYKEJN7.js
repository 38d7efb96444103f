
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
function stopsPromotion(error) {
  return isSealError(error, "bad-input", "usage");
}
function quote(value) {
  return JSON.stringify(value);
}

export {
  SealError,
  isSealError,
  stopsPromotion,
  quote
};
