'use strict'
/* global module */
// ToPrimitive as ECMAScript 2015 defines it (7.1.1), the hint given as String or Number.
const isPrimitive = (value) => value === null || (typeof value !== 'object' && typeof value !== 'function')

/** A Date by its internal slot, as the package's is-date-object tells one, whatever its prototype says. */
function isDate(value) {
  try {
    Date.prototype.getDay.call(value)
    return true
  } catch {
    return false
  }
}

function ordinaryToPrimitive(object, hint) {
  for (const name of hint === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString']) {
    const method = object[name]
    if (typeof method === 'function') {
      const result = method.call(object)
      if (isPrimitive(result)) return result
    }
  }
  throw new TypeError('No default value')
}

module.exports = function toPrimitive(input, preferredType) {
  if (isPrimitive(input)) return input
  const hint = arguments.length > 1 && preferredType === String ? 'string' : arguments.length > 1 && preferredType === Number ? 'number' : 'default'
  const exotic = input[Symbol.toPrimitive]
  if (exotic !== undefined && exotic !== null) {
    if (typeof exotic !== 'function') throw new TypeError("the object's Symbol.toPrimitive is not a function")
    const result = exotic.call(input, hint)
    if (isPrimitive(result)) return result
    throw new TypeError('unable to convert exotic object to primitive')
  }
  return ordinaryToPrimitive(input, hint === 'default' ? (isDate(input) ? 'string' : 'number') : hint)
}
