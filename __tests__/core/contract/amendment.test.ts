import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { severityCounts, summarizeAmendment } from '../../../src/core/contract/amendment.js'
import { type ContractChange, SEVERITIES } from '../../../src/core/contract/change.js'
import { sourcesMatching } from '../../helpers/source-files.js'

const change = (severity: ContractChange['severity'], rule: string): ContractChange =>
  ({
    rule,
    severity,
    kind: 'openapi',
    operation: null,
    location: 'x',
    message: 'm'
  }) as ContractChange

describe('counting a contract change by severity', () => {
  it('says the counts as every message does, and as the record keeps them', () => {
    const severities = fc.constantFrom(...SEVERITIES)
    fc.assert(
      fc.property(fc.array(severities, { maxLength: 20 }), (picked) => {
        const changes = picked.map((s, i) => change(s, `rule-${i % 3}`))
        const kept = summarizeAmendment(null, null, changes)
        expect(severityCounts(changes)).toBe(
          `${kept.breaking} breaking, ${kept.dangerous} dangerous, ${kept.compatible} compatible`
        )
        expect(kept.breaking + kept.dangerous + kept.compatible).toBe(changes.length)
      })
    )
  })

  it('is done in core/contract/amendment.ts alone', () => {
    expect(sourcesMatching(/\.filter\(\(\w+\) => \w+\.severity === \w+\)\.length/)).toEqual([
      'core/contract/amendment.ts'
    ])
  })
})
