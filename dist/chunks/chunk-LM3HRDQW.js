
// src/core/errors.ts
var SealError = class extends Error {
  name = "SealError";
};
function quote(value) {
  return JSON.stringify(value);
}

export {
  SealError,
  quote
};
