'use strict'
/* global module */
// The package hands out the engine's own %TypedArray%.prototype.slice, called with the
// array first, wherever the engine's is correct: every Node since 6.
const slice = Object.getPrototypeOf(Uint8Array.prototype).slice

module.exports = function typedArraySlice(array, ...args) {
  return Reflect.apply(slice, array, args)
}
