'use strict'
/* global module */
// The typed array's own name, read by %TypedArray%.prototype[@@toStringTag], which answers
// undefined for anything that is not one (a Symbol.toStringTag of its own fools nothing).
const nameOf = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get

module.exports = function whichTypedArray(value) {
  if (!value || typeof value !== 'object') return false
  return nameOf.call(value) ?? false
}
