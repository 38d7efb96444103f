// The promote summary (markdown) and terminal text: the contract amendment, the contract
// each environment runs, and escaping of whatever a contract's authors wrote.
import { describe, expect, it } from '@jest/globals'
import type { ContractPlan } from '../../src/app/promote/types.js'
import type { EnvironmentStatus } from '../../src/app/ledger/types.js'
import type { ContractChange, Severity } from '../../src/core/contract/change.js'
import type { ContractRef } from '../../src/core/contract/manifest.js'
import type { RuleCheck } from '../../src/core/promotion/gate.js'
import { parsePolicy } from '../../src/core/promotion/policy-file.js'
import { renderPromotionMarkdown } from '../../src/report/promotion-markdown.js'
import type { PromotionReport } from '../../src/report/promotion-report.js'
import {
  renderHistoryText,
  renderPromotionText,
  renderStatusText
} from '../../src/report/promotion-text.js'
import { digest, entry, minutesAfter, span } from '../../__fixtures__/promotion.js'
import { structureProblems } from '../helpers/summary-structure.js'

/** A ledger time as a summary writes it: the colons as character references (no autolink, no emoji). */
const shownTime = (time: string): string => time.replace(/:/g, '&#58;')

const POLICY = parsePolicy(
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    contract: { breaking: require-major }\n',
  'policy.yml'
)
const D1 = digest(1)
const D2 = digest(2)
const V1: ContractRef = { digest: digest(0xc1), version: '1.0.0' }
const V2: ContractRef = { digest: digest(0xc2), version: '2.0.0' }

function change(
  severity: Severity,
  operation: string | null,
  rule: string,
  field: string
): ContractChange {
  return {
    rule,
    severity,
    kind: 'openapi',
    operation,
    location: `${operation ?? 'components'} › 200 response › body › ${field}`,
    file: 'openapi.yaml',
    position: null,
    message: `the property ${field} was ${severity === 'compatible' ? 'added' : 'removed'}`
  }
}

const CHANGES: ContractChange[] = [
  change('compatible', 'GET /orders', 'response-optional-property-added', 'note'),
  change('breaking', 'GET /orders/{id}', 'response-required-property-removed', 'total'),
  change('dangerous', 'GET /orders', 'response-property-enum-value-added', 'status'),
  change('compatible', 'GET /orders/{id}', 'response-optional-property-added', 'currency'),
  change('breaking', 'POST /orders', 'request-property-became-required', 'a|b')
]

function plan(
  live: ContractRef | null,
  candidate: ContractRef | null,
  changes: readonly ContractChange[] | null,
  problem: string | null = null
): ContractPlan {
  return {
    environment: 'production',
    compared: true,
    candidate,
    loaded: null,
    liveDigest: live === null ? null : D1,
    live,
    changes,
    problem
  }
}

const contractCheck = (passed: boolean, detail: string): RuleCheck => ({
  rule: 'contract',
  environment: 'production',
  passed,
  detail
})

function status(): EnvironmentStatus[] {
  return [
    {
      environment: 'staging',
      service: 'hello-service',
      live: span(D2, 'staging', minutesAfter(1)),
      contract: V2,
      pending: [],
      error: null
    },
    {
      environment: 'production',
      service: 'hello-service',
      live: span(D1, 'production', minutesAfter(0)),
      contract: V1,
      pending: [entry(7, { digest: D2, environment: 'production', contract: V2 })],
      error: null
    }
  ]
}

function report(
  contract: ContractPlan | null,
  fields: {
    allowed?: boolean
    mode?: 'promote' | 'rollback'
    checks?: RuleCheck[]
    status?: EnvironmentStatus[]
  } = {}
): PromotionReport {
  const allowed = fields.allowed ?? true
  return {
    result: {
      decision: {
        allowed,
        mode: fields.mode ?? 'promote',
        digest: D2,
        environment: 'production',
        checks: fields.checks ?? [
          { rule: 'requires', environment: 'staging', passed: true, detail: 'staging ran it.' }
        ],
        reason: allowed ? null : 'refused'
      },
      digest: D2,
      service: 'hello-service',
      previous: span(D1, 'production', minutesAfter(0)),
      record: allowed ? entry(7, { digest: D2, environment: 'production' }) : null,
      abandoned: [],
      sealedBy: null,
      name: 'shop',
      verification: null,
      signature: null,
      contract
    },
    policy: POLICY,
    status: fields.status ?? status(),
    ledger: 'file:/work/ledger.jsonl',
    name: 'shop',
    dryRun: false
  }
}

/** The rows of the markdown table under a heading that starts with `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.startsWith(heading))
  const rows: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line)
    else if (rows.length > 0) break
  }
  return rows
}

describe('the promote summary: the contract amendment', () => {
  it('shows from → to, the counts, and every change grouped by operation with breaking ones first, escaped', () => {
    const markdown = renderPromotionMarkdown(report(plan(V1, V2, CHANGES)))
    expect(markdown).toContain(
      '#### Contract amendment: production `1.0.0` → `2.0.0`\n\n2 breaking, 1 dangerous, 2 compatible.\n'
    )
    expect(tableAfter(markdown, '#### Contract amendment')).toEqual([
      '| Operation | Severity | Rule | Location | Change |',
      '| --- | --- | --- | --- | --- |',
      '| `GET /orders/{id}` | 🔴 breaking | `response-required-property-removed` | GET /orders/{id} › 200 ' +
        'response › body › total | the property total was removed |',
      '|  | 🟢 compatible | `response-optional-property-added` | GET /orders/{id} › 200 response › body › ' +
        'currency | the property currency was added |',
      '| `POST /orders` | 🔴 breaking | `request-property-became-required` | POST /orders › 200 response › ' +
        'body › a&#124;b | the property a&#124;b was removed |',
      '| `GET /orders` | 🟠 dangerous | `response-property-enum-value-added` | GET /orders › 200 response › ' +
        'body › status | the property status was removed |',
      '|  | 🟢 compatible | `response-optional-property-added` | GET /orders › 200 response › body › note | ' +
        'the property note was added |'
    ])
    expect(markdown).toContain(
      '| Contract | `1.0.0` → `2.0.0`: 2 breaking, 1 dangerous, 2 compatible (listed above) |'
    )
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
    // The amendment comes after the rules, before the details.
    expect(markdown.indexOf('| Rule | Environment |')).toBeLessThan(
      markdown.indexOf('#### Contract amendment')
    )
    expect(markdown.indexOf('#### Contract amendment')).toBeLessThan(markdown.indexOf('| Digest |'))
  })

  it('lists the first 50 changes of a long amendment, then how many more', () => {
    const many = Array.from({ length: 73 }, (_, i) =>
      change(
        i % 3 === 0 ? 'breaking' : 'compatible',
        `GET /items/${i % 7}`,
        'some-rule',
        `field${i}`
      )
    )
    const markdown = renderPromotionMarkdown(report(plan(V1, V2, many)))
    const rows = tableAfter(markdown, '#### Contract amendment').slice(2)
    expect(rows).toHaveLength(50)
    expect(markdown).toContain('…and 23 more: `artifact-seal contract diff` lists every change.')
    // Breaking first: every group with a breaking change comes before any group without one.
    expect(rows[0]).toContain('🔴 breaking')
  })

  it(
    'says briefly when the contract is initial, unchanged, removed or not compared, and nothing when there is ' +
      'none',
    () => {
      const row = (markdown: string) =>
        markdown.split('\n').find((l) => l.startsWith('| Contract |'))
      expect(row(renderPromotionMarkdown(report(plan(V1, V1, []))))).toBe(
        '| Contract | contract unchanged (`1.0.0`) |'
      )
      expect(row(renderPromotionMarkdown(report(plan(null, V2, null))))).toBe(
        '| Contract | initial contract `2.0.0` (`sha256:000000000000…`) |'
      )
      expect(row(renderPromotionMarkdown(report(plan(V1, null, null))))).toBe(
        '| Contract | `1.0.0` → none: this digest carries no contract |'
      )
      const problem = 'the live contract | cannot be read'
      expect(row(renderPromotionMarkdown(report(plan(V1, V2, null, problem))))).toBe(
        '| Contract | `1.0.0` → `2.0.0`, not compared: the live contract &#124; cannot be read |'
      )
      expect(
        row(
          renderPromotionMarkdown(
            report(plan(V1, V2, null, problem), {
              allowed: false,
              checks: [contractCheck(false, problem)]
            })
          )
        )
      ).toBe('| Contract | `1.0.0` → `2.0.0`, not compared (see the contract rule) |')
      expect(
        row(
          renderPromotionMarkdown(report(plan(V1, { digest: digest(0xc3), version: '1.0.0' }, [])))
        )
      ).toBe(
        '| Contract | `1.0.0 (sha256:000000000000…)` → `1.0.0 (sha256:000000000000…)`: no change a client can see |'
      )
      for (const p of [null, plan(null, null, null)]) {
        const markdown = renderPromotionMarkdown(report(p))
        expect(row(markdown)).toBeUndefined()
        expect(markdown).not.toContain('Contract amendment')
      }
      expect(renderPromotionMarkdown(report(plan(V1, V1, [])))).not.toContain('Contract amendment')
    }
  )

  it('marks a rollback amendment', () => {
    const markdown = renderPromotionMarkdown(
      report(
        plan(V2, V1, [change('dangerous', 'GET /orders', 'response-property-removed', 'note')]),
        { mode: 'rollback' }
      )
    )
    expect(markdown).toContain('#### Contract amendment (rollback): production `2.0.0` → `1.0.0`')
  })
})

describe('the promote summary: the contract each environment runs', () => {
  it('in the pipeline diagram and in the table, pending ones with the contract they carry', () => {
    const markdown = renderPromotionMarkdown(report(plan(V1, V2, CHANGES)))
    expect(markdown).toContain('  env0["staging<br/>sha256:000000000000#8230;<br/>contract 2.0.0"]')
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
    expect(markdown).toContain(
      '  env1["production ✅<br/>sha256:000000000000#8230;<br/>contract 1.0.0<br/>pending sha256:000000000000#8230; ' +
        '(contract 2.0.0)"]'
    )
    expect(tableAfter(markdown, '| Environment |')).toEqual([
      '| --- | --- | --- | --- |',
      `| staging | \`sha256:000000000000…\` (this digest) | ${shownTime(minutesAfter(1))} | \`2.0.0\` |`,
      '| production | `sha256:000000000000…`<br/>pending: `sha256:000000000000…` (record 7, contract ' +
        `\`2.0.0\`, not confirmed) | ${shownTime(minutesAfter(0))} | \`1.0.0\` |`
    ])
  })

  it('escapes a version written to break the diagram or the table, and leaves out what no environment has', () => {
    const odd: ContractRef = { digest: digest(0xc9), version: '1.0"] --> x["|`' }
    const markdown = renderPromotionMarkdown(
      report(null, {
        status: [
          {
            environment: 'staging',
            service: null,
            live: span(D2, 'staging', minutesAfter(1)),
            contract: odd,
            pending: [],
            error: null
          },
          {
            environment: 'production',
            service: null,
            live: null,
            contract: null,
            pending: [],
            error: null
          }
        ]
      })
    )
    expect(markdown).toContain(
      '  env0["staging<br/>sha256:000000000000#8230;<br/>contract 1.0#34;#93; --#62; x#91;#34;#124;#96;"]'
    )
    expect(markdown).toContain('  env1["production ✅<br/>nothing yet"]')
    expect(markdown).toContain(
      `| staging | \`sha256:000000000000…\` (this digest) | ${shownTime(minutesAfter(1))} | ` +
        '<code>&#49;.0"&#93; --&gt; x&#91;"&#124;&#96;</code> |'
    )
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
    expect(markdown).toContain('| production | — |  |  |')
  })
})

describe('the promote summary: the build that sealed the digest', () => {
  const COMMIT = '0123456789abcdef0123456789abcdef01234567'
  const rows = (markdown: string): string[] =>
    markdown.split('\n').filter((l) => l.startsWith('| Commit |') || l.startsWith('| Sealed by |'))
  const withSealedBy = (
    sealedBy: PromotionReport['result']['sealedBy'],
    serverUrl?: string
  ): PromotionReport => {
    const base = report(null)
    return { ...base, result: { ...base.result, sealedBy }, ...(serverUrl ? { serverUrl } : {}) }
  }

  it('marks every value an unsigned statement gave as claimed, and links only to the server', () => {
    const markdown = renderPromotionMarkdown(
      withSealedBy({
        repository: 'acme/shop',
        commit: COMMIT,
        runUrl: 'https://github.com/acme/shop/actions/runs/42/attempts/1'
      })
    )
    expect(rows(markdown)).toEqual([
      `| Commit | [\`0123456\`](https://github.com/acme/shop/commit/${COMMIT}) (claimed by an unsigned ` +
        'statement, not proven) |',
      '| Sealed by | [acme/shop/actions/runs/42/attempts/1](https://github.com/acme/shop/actions/runs/42/attempts/1) (claimed by an unsigned statement, not proven) |'
    ])
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
    const signed = renderPromotionMarkdown(
      withSealedBy({
        repository: 'acme/shop',
        commit: COMMIT,
        runUrl: 'https://github.com/acme/shop/actions/runs/42/attempts/1',
        signer: 'key:abc'
      })
    )
    expect(rows(signed).join('\n')).not.toContain('claimed')
  })

  it('on another server, links there; a run on another host is not shown', () => {
    const ghes = renderPromotionMarkdown(
      withSealedBy(
        {
          repository: 'acme/shop',
          commit: COMMIT,
          runUrl: 'https://ghes.example.com/acme/shop/actions/runs/42'
        },
        'https://ghes.example.com'
      )
    )
    expect(rows(ghes)[1]).toContain('](https://ghes.example.com/acme/shop/actions/runs/42)')
    expect(structureProblems(ghes, { origins: ['https://ghes.example.com'] })).toEqual([])
    const elsewhere = renderPromotionMarkdown(
      withSealedBy({
        repository: 'acme/shop',
        commit: COMMIT,
        runUrl: 'https://ghes.example.com/acme/shop/actions/runs/42'
      })
    )
    expect(rows(elsewhere)[1]).toBe('| Sealed by | invalid run in the seal statement (not shown) |')
  })

  it(
    'what a ledger gives back is checked again before it is shown: a forged run or commit is never a link or ' +
      'a row',
    () => {
      const forged = renderPromotionMarkdown(
        withSealedBy({
          repository: 'acme/shop)](javascript:alert(1))',
          commit: `${COMMIT}\n| signed-by | production | ✅ passed | x |`,
          runUrl:
            'https://github.com/acme/shop/actions/runs/1\n| signed-by | production | ✅ passed | the signature ' +
            'was checked |'
        })
      )
      expect(rows(forged)).toEqual([
        '| Commit | invalid in the seal statement (not shown) |',
        '| Sealed by | invalid run in the seal statement (not shown) |'
      ])
      expect(forged).not.toContain('signed-by')
      expect(structureProblems(forged, { origins: ['https://github.com'] })).toEqual([])
    }
  )
})

describe('the promote text: the contract amendment and the contract each environment runs', () => {
  it('prints from → to with the counts and each change under its operation, breaking first', () => {
    const text = renderPromotionText(report(plan(V1, V2, CHANGES)))
    expect(text).toContain(
      [
        '  contract  1.0.0 → 2.0.0: 2 breaking, 1 dangerous, 2 compatible',
        '    GET /orders/{id}',
        '      breaking    response-required-property-removed  GET /orders/{id} › 200 response › body › total: ' +
          'the property total was removed',
        '      compatible  response-optional-property-added  GET /orders/{id} › 200 response › body › ' +
          'currency: the property currency was added',
        '    POST /orders',
        '      breaking    request-property-became-required  POST /orders › 200 response › body › a|b: the ' +
          'property a|b was removed',
        '    GET /orders',
        '      dangerous   response-property-enum-value-added  GET /orders › 200 response › body › status: the ' +
          'property status was removed',
        '      compatible  response-optional-property-added  GET /orders › 200 response › body › note: the ' +
          'property note was added',
        '  recorded  file:/work/ledger.jsonl #7'
      ].join('\n')
    )
  })

  it('caps a long list, and says briefly when the contract is initial, unchanged, removed or not compared', () => {
    const many = Array.from({ length: 51 }, (_, i) =>
      change('compatible', null, 'some-rule', `field${i}`)
    )
    const long = renderPromotionText(report(plan(V1, V2, many)))
    expect(long.split('\n').filter((l) => l.startsWith('      compatible'))).toHaveLength(50)
    expect(long).toContain('    and 1 more (artifact-seal contract diff lists every change)\n')
    expect(long).toContain('    openapi.yaml\n') // changes of no operation are grouped under their file

    const line = (p: ContractPlan, fields: Parameters<typeof report>[1] = {}) =>
      renderPromotionText(report(p, fields))
        .split('\n')
        .find((l) => l.startsWith('  contract  '))
    expect(line(plan(V1, V1, []))).toBe('  contract  unchanged (1.0.0)')
    expect(line(plan(null, V2, null))).toBe(`  contract  initial contract 2.0.0 (${V2.digest})`)
    expect(line(plan(V1, null, null))).toBe(
      '  contract  1.0.0 → none: this digest carries no contract'
    )
    expect(line(plan(V1, V2, null))).toBe('  contract  1.0.0 → 2.0.0: not compared')
    expect(line(plan(V1, V2, null, 'no baseline'))).toBe(
      '  contract  1.0.0 → 2.0.0: not compared: no baseline'
    )
    expect(
      line(plan(V1, V2, null, 'no baseline'), {
        allowed: false,
        checks: [contractCheck(false, 'no baseline')]
      })
    ).toBe('  contract  1.0.0 → 2.0.0: not compared (see the contract rule above)')
    expect(line(plan(V2, V1, [change('compatible', null, 'r', 'x')]), { mode: 'rollback' })).toBe(
      '  contract  2.0.0 → 1.0.0 (rollback): 0 breaking, 0 dangerous, 1 compatible'
    )
    expect(renderPromotionText(report(null))).not.toContain('  contract  ')
  })

  it('status names the contract of each live digest and of each pending one', () => {
    const lines = renderStatusText(status())
    expect(lines[1]).toBe(`staging      ${D2}  ${minutesAfter(1)}  contract 2.0.0`)
    expect(lines[2]).toBe(`production   ${D1}  ${minutesAfter(0)}  contract 1.0.0`)
    expect(lines[3]).toBe(
      `             pending: ${D2} (record 7, let in ${minutesAfter(0)}, contract 2.0.0, not confirmed)`
    )
    expect(
      renderStatusText([
        { environment: 'prod', service: null, live: null, contract: null, pending: [], error: null }
      ])[1]
    ).toBe('prod         -')
  })
})

describe('services in status, history and the summary: named when there is more than one', () => {
  const two = (): EnvironmentStatus[] => [
    {
      environment: 'production',
      service: 'api',
      live: span(D1, 'production', minutesAfter(0)),
      contract: null,
      pending: [],
      error: null
    },
    {
      environment: 'production',
      service: 'web',
      live: span(D2, 'production', minutesAfter(1)),
      contract: null,
      pending: [entry(9, { digest: D1, environment: 'production', name: 'web' })],
      error: null
    },
    {
      environment: 'production',
      service: null,
      live: null,
      contract: null,
      pending: [],
      error: null
    }
  ]

  it('status: a service column, the default service as (unnamed), pending lines under their service', () => {
    const lines = renderStatusText(two())
    expect(lines[0]).toBe(`environment  service    runs now${' '.repeat(64)}since`)
    expect(lines[1]).toBe(`production   api        ${D1}  ${minutesAfter(0)}`)
    expect(lines[2]).toBe(`production   web        ${D2}  ${minutesAfter(1)}`)
    expect(lines[3]).toBe(
      `${' '.repeat(24)}pending: ${D1} (record 9, let in ${minutesAfter(0)}, not confirmed)`
    )
    expect(lines[4]).toBe('production   (unnamed)  -')
  })

  it(
    'history: the service of each record in brackets when there are several, and the name only where it ' +
      'differs',
    () => {
      const text = renderHistoryText([
        entry(3, { digest: D1, environment: 'production', name: 'api' }),
        entry(2, { digest: D2, environment: 'production', name: 'web-1.2.tgz', service: 'web' }),
        entry(1, { digest: D2, environment: 'production', name: null })
      ])
      expect(
        text.split('\n').map((l) => /sha256:\S+( .*?)?( {2}by|$)/.exec(l)?.[1] ?? null)
      ).toEqual([' [api]', ' [web] web-1.2.tgz', ' [(unnamed)]', null])
      expect(renderHistoryText([entry(1, { digest: D1, environment: 'dev' })])).toContain(
        `${D1} hello-service  by`
      )
    }
  )

  it('the summary: a Service column and one line per service in the pipeline diagram', () => {
    const markdown = renderPromotionMarkdown(report(null, { status: two() }))
    expect(markdown).toContain('| Environment | Service | Runs now | Since | Contract |')
    expect(markdown).toContain(`| production | api | \`${D1.slice(0, 19)}…\` |`)
    expect(markdown).toContain(
      `env0["production ✅<br/>api: ${D1.slice(0, 19)}#8230;<br/>web: ${D2.slice(0, 19)}#8230;<br/>pending ${D1.slice(0, 19)}#8230;<br/>(unnamed): nothing yet"]`
    )
  })
})
