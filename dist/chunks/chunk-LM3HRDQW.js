import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);

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
