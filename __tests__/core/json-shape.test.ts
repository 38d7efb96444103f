import { describe, expect, it } from '@jest/globals'
import { isRecord } from '../../src/core/json-shape.js'
import { sourcesMatching } from '../helpers/source-files.js'

describe('isRecord', () => {
  it('takes a parsed object, never null, a list or a scalar', () => {
    expect([{}, { a: 1 }, JSON.parse('{"x":[]}')].map(isRecord)).toEqual([true, true, true])
    expect([null, [], [{}], 'x', 1, true, undefined].map(isRecord)).toEqual(Array(7).fill(false))
  })

  it('is the one such check in src/', () => {
    // stores/registry/ is another change's area for now; its asRecord is to follow.
    expect(
      sourcesMatching(
        /typeof (\w+) === 'object' && \1 !== null && !Array\.isArray\(\1\)|typeof (\w+) !== 'object' \|\| \2 === null \|\| Array\.isArray\(\2\)/
      )
    ).toEqual(['core/json-shape.ts', 'stores/registry/credentials.ts'])
  })
})
