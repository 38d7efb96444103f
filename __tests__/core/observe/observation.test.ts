// What a probe's text says runs: digests in the forms services and clusters print them, and
// nothing else: any other text is no answer (unknown), never a match.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { combine, digestsIn, judgeDigests, shown } from '../../../src/core/observe/observation.js'

const hex = fc.stringMatching(/^[0-9a-f]{64}$/)
const LIVE = `sha256:${'a'.repeat(64)}` as const

describe('digestsIn', () => {
  it(
    "reads sha256:<hex>, the bare hex, an image reference by digest and kubectl's docker-pullable form, each " +
      'once',
    () => {
      expect(
        digestsIn(
          `sha256:${'A'.repeat(64)}\n${'a'.repeat(64)}  ghcr.io/acme/app@${LIVE} ` +
            `docker-pullable://ghcr.io/acme/app@${LIVE}`
        )
      ).toEqual([LIVE])
    }
  )

  it('is null for anything else: empty, another algorithm, a short digest, a tag, a word among digests', () => {
    for (const text of [
      '',
      '  \n',
      `md5:${'a'.repeat(32)}`,
      `sha256:${'a'.repeat(63)}`,
      'ghcr.io/acme/app:1.4.0',
      `${LIVE} error`,
      `sha512:${'a'.repeat(128)}`,
      '<html>'
    ]) {
      expect(digestsIn(text)).toBeNull()
    }
  })

  it('gives back exactly the digests written, in any of the forms, whatever the spacing (property)', () => {
    let read = 0
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hex, fc.constantFrom('prefixed', 'bare', 'image')), {
          minLength: 1,
          maxLength: 6
        }),
        fc.constantFrom(' ', '\n', '\t', ', ', '\r\n'),
        (items, gap) => {
          const text = items
            .map(([h, form]) =>
              form === 'bare' ? h : form === 'image' ? `reg.example/app@sha256:${h}` : `sha256:${h}`
            )
            .join(gap)
          const found = digestsIn(text)
          expect(found).toEqual([...new Set(items.map(([h]) => `sha256:${h}`))])
          read += 1
        }
      )
    )
    expect(read).toBe(100)
  })
})

describe('judgeDigests and combine', () => {
  it('matches only when every copy runs the live digest; one other copy is drift', () => {
    expect(judgeDigests('command', [LIVE], LIVE).verdict).toBe('matches')
    const half = judgeDigests('command', [LIVE, `sha256:${'b'.repeat(64)}`], LIVE)
    expect(half).toMatchObject({ verdict: 'drifted', observed: `${LIVE} sha256:${'b'.repeat(64)}` })
  })

  it('drift wins over unknown, unknown over matches; no probe is unknown', () => {
    const m = { probe: 'url', verdict: 'matches', observed: LIVE, detail: null } as const
    const u = { probe: 'url', verdict: 'unknown', observed: null, detail: 'x' } as const
    const d = { probe: 'files', verdict: 'drifted', observed: 'x', detail: 'y' } as const
    expect(combine([m, u, d])).toBe('drifted')
    expect(combine([m, u])).toBe('unknown')
    expect(combine([m, m])).toBe('matches')
    expect(combine([])).toBe('unknown')
  })

  it('shows outside text on one line, cut short, quoted', () => {
    expect(shown('a\nb\u001b[31m')).toBe('"a b [31m"')
    expect(shown('x'.repeat(500)).length).toBeLessThan(130)
  })
})
