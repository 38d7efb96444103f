import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { filesProbe } from '../../../src/app/observe/files-probe.js'
import { DEFAULT_PROBE_LIMITS } from '../../../src/app/observe/types.js'
import { digestFromHex } from '../../../src/core/digest.js'
import { quote } from '../../../src/core/errors.js'
import { sourcesMatching } from '../../helpers/source-files.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

describe("a probe's message", () => {
  it('quotes a path from the policy with quote(), one inert line', async () => {
    const cwd = tempDir()
    const hostile = 'gone\n::error::forged'
    const result = await filesProbe(hostile, null, digestFromHex('0'.repeat(64)), {
      cwd,
      env: {},
      ...DEFAULT_PROBE_LIMITS
    })
    expect(result.verdict).toBe('unknown')
    expect(result.detail).toContain(quote(path.join(cwd, hostile)))
    expect(result.detail).not.toMatch(/[\r\n]/)
  })

  it('quotes outside values with quote() alone in every probe and in core/observe', () => {
    // The drift marker is a machine-read line (a JSON array), not a quoted value.
    expect(sourcesMatching(/JSON\.stringify\(/, /^(?!(app|core)\/observe\/)/)).toEqual([
      'app/observe/drift-issues.ts'
    ])
  })
})
