'use strict'
/* global module */
// Object.defineProperty with the package's checks and defaults: each attribute not asked
// for keeps what the property had, or is true for a new one.
module.exports = function defineDataProperty(obj, property, value) {
  if (!obj || (typeof obj !== 'object' && typeof obj !== 'function')) throw new TypeError('`obj` must be an object or a function`')
  if (typeof property !== 'string' && typeof property !== 'symbol') throw new TypeError('`property` must be a string or a symbol`')
  const flag = (index, name) => {
    if (arguments.length <= index) return null
    const given = arguments[index]
    if (typeof given !== 'boolean' && given !== null) throw new TypeError(`\`${name}\`, if provided, must be a boolean or null`)
    return given
  }
  const nonEnumerable = flag(3, 'nonEnumerable')
  const nonWritable = flag(4, 'nonWritable')
  const nonConfigurable = flag(5, 'nonConfigurable')
  if (arguments.length > 6 && typeof arguments[6] !== 'boolean') throw new TypeError('`loose`, if provided, must be a boolean')
  const had = Object.getOwnPropertyDescriptor(obj, property)
  Object.defineProperty(obj, property, {
    configurable: nonConfigurable === null && had ? had.configurable : !nonConfigurable,
    enumerable: nonEnumerable === null && had ? had.enumerable : !nonEnumerable,
    value,
    writable: nonWritable === null && had ? had.writable : !nonWritable
  })
}
