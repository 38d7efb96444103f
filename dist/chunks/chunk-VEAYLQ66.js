
// src/report/paint.ts
var plain = (_style, text) => text;

export {
  plain
};
