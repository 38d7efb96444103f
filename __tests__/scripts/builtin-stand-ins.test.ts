import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'

// Each stand-in scripts/package.mjs bundles for one of traverse's polyfills, held against
// the package it replaces (still installed, as traverse's dependency): same result, or the
// same class of error, for every input.
const require = createRequire(path.join(PROJECT_ROOT, 'package.json'))
const standIn = (file: string): unknown =>
  require(path.join(PROJECT_ROOT, 'scripts', 'builtin-stand-ins', file))
const original = (name: string): unknown =>
  require(require.resolve(name, { paths: [path.join(PROJECT_ROOT, 'node_modules', 'traverse')] }))

type Outcome = { returned: unknown } | { threw: string }

/** What a call gives: its value, or the class of what it threw. */
function outcome(call: () => unknown): Outcome {
  try {
    return { returned: call() }
  } catch (error) {
    return { threw: (error as Error)?.constructor?.name ?? typeof error }
  }
}

const TYPED_ARRAYS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array
]
const float16 = (globalThis as { Float16Array?: new (n: number) => ArrayLike<number> }).Float16Array

/** Typed arrays of every kind (Buffer too), and values that only look like one. */
const typedArrayOrNot = fc.oneof(
  fc.tuple(fc.constantFrom(...TYPED_ARRAYS), fc.nat(20)).map(([Kind, n]) => new Kind(n)),
  fc.nat(20).map((n) => Buffer.alloc(n, 7)),
  fc.constant(float16 ? new float16(3) : new Uint8Array(3)),
  fc.constantFrom<unknown>(
    new DataView(new ArrayBuffer(4)),
    new ArrayBuffer(4),
    [1, 2, 3],
    { length: 2, 0: 1, 1: 2 },
    { [Symbol.toStringTag]: 'Uint8Array' },
    Object.create(Uint8Array.prototype),
    null,
    undefined,
    0,
    'Uint8Array',
    () => 1
  )
)

/** An index argument as slice coerces it: numbers of every kind, strings, nothing. */
const index = fc.oneof(
  fc.integer({ min: -25, max: 25 }),
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -Infinity, '2', '-1', 'x', 1.5, true)
)

describe("stand-ins for traverse's polyfills", () => {
  it('gopd: Object.getOwnPropertyDescriptor, as the package gives it', () => {
    expect(standIn('gopd.cjs')).toBe(original('gopd'))
  })

  it('which-typed-array: the name of a typed array, false for anything else', () => {
    const mine = standIn('which-typed-array.cjs') as (v: unknown) => unknown
    const theirs = original('which-typed-array') as (v: unknown) => unknown
    fc.assert(
      fc.property(typedArrayOrNot, (value) =>
        expect(outcome(() => mine(value))).toEqual(outcome(() => theirs(value)))
      )
    )
    expect(mine(Buffer.alloc(1))).toBe('Uint8Array')
  })

  it('typedarray.prototype.slice: a slice of the same kind, or the same error', () => {
    const mine = standIn('typedarray.prototype.slice.cjs') as (
      ...a: unknown[]
    ) => ArrayLike<unknown>
    const theirs = original('typedarray.prototype.slice') as (...a: unknown[]) => ArrayLike<unknown>
    const shape = (o: Outcome): unknown =>
      'threw' in o
        ? o
        : {
            kind: Object.prototype.toString.call(o.returned),
            values: Array.from(o.returned as ArrayLike<unknown>)
          }
    fc.assert(
      fc.property(typedArrayOrNot, fc.array(index, { maxLength: 2 }), (array, args) => {
        expect(shape(outcome(() => mine(array, ...args)))).toEqual(
          shape(outcome(() => theirs(array, ...args)))
        )
      })
    )
  })

  it('define-data-property: the same property, or the same error', () => {
    const mine = standIn('define-data-property.cjs') as (...a: unknown[]) => void
    const theirs = original('define-data-property') as (...a: unknown[]) => void
    const flag = fc.constantFrom<unknown>(true, false, null, undefined, 0, 'yes')
    const existing = fc.option(
      fc.record({ configurable: fc.boolean(), enumerable: fc.boolean(), writable: fc.boolean() }),
      { nil: undefined }
    )
    const key = fc.oneof(
      fc.constantFrom<unknown>('a', '__proto__', 'length', 1, null),
      fc.constant(Symbol.for('k'))
    )
    fc.assert(
      fc.property(
        fc.constantFrom('object', 'function', 'array', 'primitive'),
        existing,
        key,
        fc.array(flag, { maxLength: 4 }),
        (kind, had, property, flags) => {
          const make = (): unknown => {
            const target =
              kind === 'object'
                ? {}
                : kind === 'function'
                  ? function f() {}
                  : kind === 'array'
                    ? []
                    : 'text'
            if (had && property === 'a' && typeof target !== 'string')
              Object.defineProperty(target, property, { ...had, value: 'before' })
            return target
          }
          const describeAfter = (define: (...a: unknown[]) => void) => {
            const target = make()
            const result = outcome(() => define(target, property, 'after', ...flags))
            const descriptor =
              typeof target === 'string' ||
              (typeof property !== 'string' && typeof property !== 'symbol')
                ? null
                : Object.getOwnPropertyDescriptor(target, property)
            return { result, descriptor }
          }
          expect(describeAfter(mine)).toEqual(describeAfter(theirs))
        }
      )
    )
  })

  it('es-to-primitive/es2015: ToPrimitive with the hint given, or the same error', () => {
    const mine = standIn('es-to-primitive-es2015.cjs') as (...a: unknown[]) => unknown
    const theirs = original('es-to-primitive/es2015') as (...a: unknown[]) => unknown
    const conversion = fc.constantFrom<unknown>(
      undefined,
      null,
      'not callable',
      () => 'text',
      () => 42,
      () => ({}),
      () => Symbol.for('s'),
      () => {
        throw new RangeError('inside')
      }
    )
    const object = fc
      .record({ toString: conversion, valueOf: conversion, toPrimitive: conversion })
      .map(({ toString, valueOf, toPrimitive }) => {
        const o: object = Object.create(null)
        if (toString !== undefined) Reflect.set(o, 'toString', toString)
        if (valueOf !== undefined) Reflect.set(o, 'valueOf', valueOf)
        if (toPrimitive !== undefined) Reflect.set(o, Symbol.toPrimitive, toPrimitive)
        return o
      })
    const input = fc.oneof(
      object,
      fc.constantFrom<unknown>(
        new Date(0),
        // A Date without its own conversion: the default hint is then the string one.
        Object.defineProperty(new Date(0), Symbol.toPrimitive, { value: undefined }),
        Object(1),
        Object('s'),
        Object(Symbol.for('boxed')),
        [1, 2],
        {},
        function named() {},
        1,
        'x',
        null,
        undefined,
        Symbol.for('bare'),
        10n
      )
    )
    const hint = fc.constantFrom<unknown[]>([], [String], [Number], [Boolean], ['string'])
    fc.assert(
      fc.property(input, hint, (value, args) =>
        expect(outcome(() => mine(value, ...args))).toEqual(outcome(() => theirs(value, ...args)))
      )
    )
  })
})
