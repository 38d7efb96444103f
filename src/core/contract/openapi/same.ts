/**
 * A cheap "nothing changed below here" test on the raw documents, so the diff builds
 * no views for the (usually vast) unchanged part of a contract. `$ref`s are compared by
 * what they resolve to, on each side.
 */
import type { RefResolver } from './refs.js'
import { isRecord } from '../../json-shape.js'

/**
 * Past this many steps or this depth the answer is "maybe different" and the full diff (breadth
 * first, no recursion) decides.
 */
const BUDGET = 200_000
const MAX_DEPTH = 256

export class SameCheck {
  private readonly different = new Map<object, WeakSet<object>>()
  private readonly equal = new Map<object, WeakSet<object>>()
  private readonly active = new Set<string>()
  private steps = 0
  private assumed = false

  constructor(
    private readonly before: RefResolver,
    private readonly after: RefResolver
  ) {}

  same(b: unknown, a: unknown, bFile: string, aFile: string): boolean {
    this.steps = 0
    this.depth = 0
    this.assumed = false
    return this.walk(b, a, bFile, aFile)
  }

  private depth = 0

  private walk(b: unknown, a: unknown, bFile: string, aFile: string): boolean {
    if (++this.steps > BUDGET || this.depth > MAX_DEPTH) return false
    this.depth++
    try {
      return this.walkNode(b, a, bFile, aFile)
    } finally {
      this.depth--
    }
  }

  private walkNode(b: unknown, a: unknown, bFile: string, aFile: string): boolean {
    if (b === a && !isRecord(b) && !Array.isArray(b)) return true
    if (Array.isArray(b) || Array.isArray(a)) {
      if (!Array.isArray(b) || !Array.isArray(a) || b.length !== a.length) return false
      for (let i = 0; i < b.length; i++) if (!this.walk(b[i], a[i], bFile, aFile)) return false
      return true
    }
    if (!isRecord(b) || !isRecord(a)) return false
    if (typeof b.$ref === 'string' || typeof a.$ref === 'string')
      return this.refs(b, a, bFile, aFile)
    const keys = Object.keys(b)
    if (keys.length !== Object.keys(a).length) return false
    for (const key of keys) {
      if (!Object.hasOwn(a, key) || !this.walk(b[key], a[key], bFile, aFile)) return false
    }
    return true
  }

  private refs(
    b: Record<string, unknown>,
    a: Record<string, unknown>,
    bFile: string,
    aFile: string
  ): boolean {
    if (Object.keys(b).length !== Object.keys(a).length) return false
    for (const key of Object.keys(b))
      if (key !== '$ref' && !this.walk(b[key], a[key], bFile, aFile)) return false
    let bTarget, aTarget
    try {
      bTarget = this.before.follow({ value: b, file: bFile, pointer: '' })
      aTarget = this.after.follow({ value: a, file: aFile, pointer: '' })
    } catch {
      return false
    }
    const bv = bTarget.value
    const av = aTarget.value
    if (!isRecord(bv) || !isRecord(av)) return this.walk(bv, av, bTarget.file, aTarget.file)
    if (this.different.get(bv)?.has(av)) return false
    if (this.equal.get(bv)?.has(av)) return true
    const key = `${bTarget.file}#${bTarget.pointer}|${aTarget.file}#${aTarget.pointer}`
    // Comparing it already, further up: assume equal (any difference shows there).
    if (this.active.has(key)) {
      this.assumed = true
      return true
    }
    this.active.add(key)
    const outerAssumed = this.assumed
    this.assumed = false
    const result = this.walk(bv, av, bTarget.file, aTarget.file)
    this.active.delete(key)
    // "Different" is always true; "equal" only when no cycle was assumed equal on the way.
    const memo = !result ? this.different : this.assumed ? null : this.equal
    if (memo) {
      let set = memo.get(bv)
      if (!set) memo.set(bv, (set = new WeakSet()))
      set.add(av)
    }
    this.assumed = outerAssumed || this.assumed
    return result
  }
}
