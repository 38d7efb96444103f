
// src/core/control-characters.ts
var CONTROL_CHARACTERS = "\\u0000-\\u001f\\u007f-\\u009f";
var ANY_CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, "gu");

export {
  CONTROL_CHARACTERS,
  ANY_CONTROL
};
