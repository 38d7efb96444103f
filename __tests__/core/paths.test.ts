import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as path from 'node:path'
import { isInside, leavesParent, toSlashes } from '../../src/core/paths.js'
import { sourcesMatching } from '../helpers/source-files.js'

/** The oracle: compare resolved paths segment by segment, no path.relative. */
function insideBySegments(child: string, parent: string): boolean {
  const c = path.resolve(child).split(path.sep).filter(Boolean)
  const p = path.resolve(parent).split(path.sep).filter(Boolean)
  return p.length <= c.length && p.every((segment, i) => c[i] === segment)
}

describe('isInside', () => {
  it('counts a name that starts with two dots as inside, and .. itself as outside', () => {
    expect(isInside('/a/..bundle', '/a')).toBe(true)
    expect(isInside('/a/...', '/a')).toBe(true)
    expect(isInside('/a', '/a')).toBe(true)
    expect(isInside('/a/../b', '/a')).toBe(false)
    expect(isInside('/', '/a')).toBe(false)
    expect(isInside('/ab', '/a')).toBe(false)
  })

  it('agrees with a comparison segment by segment on hostile names', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '..a', 'a..', '...', '.a')
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 5 }),
        fc.array(segment, { maxLength: 5 }),
        (c, p) => {
          const child = `/${c.join('/')}`
          const parent = `/${p.join('/')}`
          expect(isInside(child, parent)).toBe(insideBySegments(child, parent))
        }
      )
    )
  })

  it('writes a relative path with slashes', () => {
    expect(toSlashes(['a', 'b', 'c'].join(path.sep))).toBe('a/b/c')
  })
})

describe('a relative path that climbs out', () => {
  it('is told by leavesParent: "..", "../x" and absolute paths, never "..name"', () => {
    expect(['..', `..${path.sep}x`, path.resolve('/x')].map(leavesParent)).toEqual([
      true,
      true,
      true
    ])
    expect(['', 'a', '..a', `..a${path.sep}b`, '...'].map(leavesParent)).toEqual(
      Array(5).fill(false)
    )
  })

  it('is told one way in src/: no path is judged by its first two characters', () => {
    expect(sourcesMatching(/\.startsWith\(['"`]\.\.['"`]\)/)).toEqual([])
  })
})
