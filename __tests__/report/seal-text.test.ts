import { describe, expect, it } from '@jest/globals'
import type { MergedPart } from '../../src/app/seal/merge-bundles.js'
import { digestFromHex } from '../../src/core/digest.js'
import type { BuildContext } from '../../src/core/statement.js'
import { renderMergeText, renderSealText } from '../../src/report/seal-text.js'

const D1 = digestFromHex('1'.repeat(64))
const D2 = digestFromHex('2'.repeat(64))
const LOCAL: BuildContext = {
  kind: 'local',
  build: { tool: 't', host: 'h', startedOn: '2026-01-01T00:00:00.000Z' }
}
const BUNDLE = { checksumsPath: '.seal/r/r.sha256', statementPath: '.seal/r/r.intoto.json' }

describe('the terminal summaries of a seal and of a merge', () => {
  it('print the merged seal in the rows a seal prints, then each part', () => {
    const parts: MergedPart[] = [
      {
        name: 'linux',
        digest: D1,
        kind: 'tree',
        fileCount: 2,
        checksumsFile: 'l.sha256',
        statementFile: 'l.intoto.json'
      },
      {
        name: 'win',
        digest: D2,
        kind: 'file',
        fileCount: 1,
        checksumsFile: 'w.sha256',
        statementFile: null
      }
    ]
    const text = renderMergeText(
      { name: 'release', digest: D1, fileCount: 3 },
      BUNDLE,
      LOCAL,
      parts
    )
    expect(text.split('\n')).toEqual([
      'Merged release from 2 parts',
      `  digest     ${D1}`,
      '  content    3 files',
      '  listing    .seal/r/r.sha256',
      '  statement  .seal/r/r.intoto.json',
      '  parts:',
      `    linux  ${D1}  2 files`,
      `    win    ${D2}  single file, no statement to check`,
      ''
    ])
    const seal = renderSealText({
      artifact: {
        name: 'release',
        digest: D1,
        kind: 'tree',
        fileCount: 3,
        size: null,
        root: null,
        summary: null
      } as never,
      bundle: BUNDLE as never,
      build: LOCAL
    })
    // The rows both share are written alike.
    for (const row of [
      `  digest     ${D1}`,
      '  listing    .seal/r/r.sha256',
      '  statement  .seal/r/r.intoto.json'
    ])
      expect(seal.split('\n')).toContain(row)
  })
})
