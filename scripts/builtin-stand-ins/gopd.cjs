'use strict'
/* global module */
// gopd exports Object.getOwnPropertyDescriptor when it works, which it does on every Node.
module.exports = Object.getOwnPropertyDescriptor
