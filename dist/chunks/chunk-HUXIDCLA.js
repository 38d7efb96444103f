
// src/core/errors.ts
var SealError = class extends Error {
  name = "SealError";
};
var BadInputError = class extends SealError {
};
function quote(value) {
  return JSON.stringify(value);
}

export {
  SealError,
  BadInputError,
  quote
};
