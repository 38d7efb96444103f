import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { formatDuration, parseDuration } from '../../../src/core/promotion/duration.js'
import { decide, type GateFacts } from '../../../src/core/promotion/gate.js'
import {
  findEnvironment,
  pipelineOrder,
  requireEnvironment,
  type EnvironmentRule,
  type PromotionPolicy
} from '../../../src/core/promotion/policy.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { sealErrorOf } from '../../helpers/seal-error.js'
import { NOT_PLAIN, readPlainYaml } from '../../../src/core/promotion/plain-yaml.js'
import { LedgerIndex } from '../../../src/core/promotion/ledger-index.js'
import { type LedgerEntry, serviceOf } from '../../../src/core/promotion/record.js'
import { SealError } from '../../../src/core/errors.js'
import { T0, digest, entry, minutesAfter, span } from '../../../__fixtures__/promotion.js'
import { sourcesMatching } from '../../helpers/source-files.js'

const PIPELINE = `# the usual three
environments:
  dev: {}
  staging:
    requires: [dev]
  production:
    requires: [staging]      # every listed environment
    soak: 1h
`

function policyError(text: string): string {
  try {
    parsePolicy(text, '.github/promotion.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(SealError)
    return (error as Error).message
  }
  throw new Error('the policy was accepted')
}

function rule(policy: PromotionPolicy, name: string): EnvironmentRule {
  const found = findEnvironment(policy, name)
  if (!found) throw new Error(`no ${name}`)
  return found
}

const NONE: GateFacts = { veto: null, live: null, spans: new Map() }

describe('durations', () => {
  it.each([
    ['0', 0],
    ['45s', 45_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['250ms', 250]
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', '1', '1 h', 'h', '1hour', '-1h', '1.5h', '1H'])('%p is not a duration', (text) =>
    expect(parseDuration(text)).toBeNull()
  )

  it('formats the two largest units', () => {
    expect(formatDuration(5_400_000)).toBe('1h 30m')
    expect(formatDuration(59_000)).toBe('59s')
    expect(formatDuration(90_061_000)).toBe('1d 1h')
    expect(formatDuration(300)).toBe('0s')
  })
})

describe('the policy file', () => {
  it('reads environments in order with their rules', () => {
    const policy = parsePolicy(PIPELINE, '.github/promotion.yml')
    expect(policy.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'production'])
    expect(rule(policy, 'production')).toEqual({
      name: 'production',
      requires: ['staging'],
      requiresAny: [],
      soakMs: 3_600_000,
      soakText: '1h',
      signedBy: null,
      contract: null,
      url: null
    })
    expect(rule(policy, 'dev')).toEqual({
      name: 'dev',
      requires: [],
      requiresAny: [],
      soakMs: 0,
      soakText: null,
      signedBy: null,
      contract: null,
      url: null
    })
    const withUrl = parsePolicy(
      'environments:\n  dev:\n    url: https://dev.example.com\n',
      '.github/promotion.yml'
    )
    expect(rule(withUrl, 'dev').url).toBe('https://dev.example.com')
    expect(
      sealErrorOf(
        () =>
          parsePolicy('environments:\n  dev:\n    url: dev.example.com\n', '.github/promotion.yml'),
        'malformed'
      )
    ).toContain(
      '.github/promotion.yml:3:10: environments.dev.url "dev.example.com" is not an http(s) URL. Write where ' +
        'the environment can be reached'
    )
  })

  it('takes an empty environment written as a bare key', () => {
    expect(
      parsePolicy(
        'environments:\n  dev:\n  qa:\n    requires-any: [dev]\n',
        'p.yml'
      ).environments.map((e) => e.requiresAny)
    ).toEqual([[], ['dev']])
  })

  it('orders the pipeline by requirements, whatever the file order', () => {
    const policy = parsePolicy(
      'environments:\n  production: { requires: [staging] }\n  staging: { requires: [dev] }\n  dev: {}\n',
      'p.yml'
    )
    expect(pipelineOrder(policy).map((e) => e.name)).toEqual(['dev', 'staging', 'production'])
  })

  it('points at the line and column of every mistake, top to bottom, each with its fix', () => {
    const message = policyError(`environments:
  dev: {}
  staging:
    requires: dev
  production:
    requires: [staging]
    soak: 1 hour
    sok: 2h
`)
    expect(message).toContain('has 3 mistakes')
    const lines = message.split('\n').filter((l) => l.startsWith('  .github'))
    expect(lines).toEqual([
      expect.stringContaining(
        '.github/promotion.yml:4:15: environments.staging.requires "dev" should be a list of environment ' +
          'names, such as [staging]'
      ),
      expect.stringContaining(
        '.github/promotion.yml:7:11: environments.production.soak "1 hour" is not a duration. Write a number ' +
          'and a unit, such as 30m, 1h'
      ),
      expect.stringContaining(
        '.github/promotion.yml:8:5: environments.production has an unknown key "sok". Allowed here: requires, ' +
          'requires-any, soak, url, signed-by, contract, platforms, image, observe, ' +
          'drift.'
      )
    ])
  })

  it('refuses a bare number as soak: it has no unit', () => {
    expect(
      policyError('environments:\n  dev: {}\n  prod:\n    requires: [dev]\n    soak: 3600\n')
    ).toContain(':5:11: environments.prod.soak "3600" is not a duration')
  })

  it('names an environment the policy does not define, at its line', () => {
    const message = policyError('environments:\n  dev: {}\n  staging:\n    requires: [dve]\n')
    expect(message).toContain(
      '.github/promotion.yml:4:16: environments.staging.requires names "dve", which the policy does not ' +
        'define. Define it under environments, or use one of: dev, staging.'
    )
  })

  it('finds a cycle and spells it out', () => {
    const message = policyError(
      'environments:\n  dev: {}\n  a:\n    requires: [b]\n  b:\n    requires-any: [dev, c]\n  c:\n    requires: [a]\n'
    )
    expect(message).toContain(
      '.github/promotion.yml:3:3: the environments require each other in a cycle: a → b → c → a.'
    )
  })

  it('refuses an environment requiring itself, and soak with nothing upstream', () => {
    expect(policyError('environments:\n  dev:\n    requires: [dev]\n')).toContain(
      'environments.dev.requires names "dev" itself'
    )
    expect(policyError('environments:\n  dev:\n    soak: 1h\n')).toContain(
      ':3:11: environments.dev.soak is "1h" but dev requires no environment'
    )
  })

  it('reads signed-by: the repository required, the rest optional', () => {
    const policy = parsePolicy(
      'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    signed-by:\n      repository: ' +
        'acme/shop\n      workflow: .github/workflows/release.yml\n      ref: ' +
        'refs/heads/main\n',
      'p.yml'
    )
    expect(rule(policy, 'production').signedBy).toEqual({
      repository: 'acme/shop',
      workflow: '.github/workflows/release.yml',
      ref: 'refs/heads/main',
      issuer: null,
      denySelfHostedRunners: false
    })
    expect(rule(policy, 'staging').signedBy).toBeNull()
  })

  it('reads platforms, the images an index must have for an environment, and points at one that is no platform', () => {
    const policy = parsePolicy(
      'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n    platforms: [linux/amd64, linux/arm/v7]\n',
      'p.yml'
    )
    expect(policy.environments.map((e) => e.platforms)).toEqual([
      undefined,
      ['linux/amd64', 'linux/arm/v7']
    ])
    expect(policyError('environments:\n  prod:\n    platforms: [amd64]\n')).toContain(
      '3:17: environments.prod.platforms.0 "amd64" is not a platform. Write it as docker does, ' +
        'os/architecture[/variant]'
    )
    expect(policyError('environments:\n  prod:\n    platforms: linux/amd64\n')).toContain(
      'should be a list of platforms, such as [linux/amd64, linux/arm64]'
    )
  })

  it('points at each mistake in signed-by with the format to write', () => {
    const message = policyError(
      'environments:\n  prod:\n    signed-by:\n      repository: shop\n      workflow: release.yml\n      ref: ' +
        'main\n      issuer: http://x\n      branch: main\n'
    )
    expect(message).toContain('has 5 mistakes')
    expect(message).toContain(
      '.github/promotion.yml:4:19: environments.prod.signed-by.repository "shop" is not a repository. Write it ' +
        'as owner/name'
    )
    expect(message).toContain(
      ':5:17: environments.prod.signed-by.workflow "release.yml" is not a workflow file'
    )
    expect(message).toContain(
      ':6:12: environments.prod.signed-by.ref "main" is not a full ref. Write it as refs/heads/main'
    )
    expect(message).toContain(
      ':7:15: environments.prod.signed-by.issuer "http://x" is not an https URL'
    )
    expect(message).toContain(
      ':8:7: environments.prod.signed-by has an unknown key "branch". Allowed here: repository, workflow, ref, ' +
        'issuer, runner.'
    )
    expect(policyError('environments:\n  prod:\n    signed-by: {}\n')).toContain(
      'environments.prod.signed-by has no "repository"'
    )
    expect(policyError('environments:\n  prod:\n    signed-by: acme/shop\n')).toContain(
      'signed-by "acme/shop" should be a mapping such as { repository: acme/shop'
    )
  })

  it('reports YAML syntax errors and a missing environments key with positions', () => {
    expect(policyError('environments:\n  dev: {\n')).toMatch(/promotion\.yml:\d+:\d+: /)
    expect(policyError('envs: {}\n')).toContain(
      '.github/promotion.yml:1:1: the file has no "environments"'
    )
    expect(policyError('environments: {}\n')).toContain('environments is empty')
    expect(policyError('environments:\n  dev: {}\n  dev: {}\n')).toContain('promotion.yml:3:3')
  })
})

describe('a policy in plain YAML', () => {
  // A YAML directive changes nothing a policy says, and sends the file past the plain
  // reader to the yaml package, with positions: both readings must give the same policy.
  const throughLibrary = (text: string) => parsePolicy(`%YAML 1.2\n---\n${text}`, 'p.yml')

  const names = ['dev', 'staging', 'qa 2', 'prod-eu', 'production']
  const listed = (items: string[], flow: boolean, indent: string): string =>
    flow
      ? ` [${items.map((i, n) => (n % 2 ? `"${i}"` : i)).join(', ')}]`
      : items.map((i) => `\n${indent}- ${i}`).join('')
  const policies = fc
    .record({
      count: fc.integer({ min: 1, max: names.length }),
      flow: fc.boolean(),
      comments: fc.boolean(),
      service: fc.constantFrom(null, 'shop', 'services'),
      soak: fc.constantFrom('1h', '30m', '1h30m', '2d', '"0"'),
      signer: fc.boolean(),
      contract: fc.constantFrom(
        null,
        '{}',
        '{ breaking: require-major, dangerous: warn }',
        'block'
      ),
      empty: fc.constantFrom('{}', '', '~', 'null')
    })
    .map(({ count, flow, comments, service, soak, signer, contract, empty }) => {
      const lines =
        service === 'shop'
          ? ['service: shop']
          : service === 'services'
            ? ['services: [api, ghcr.io/acme/web]']
            : []
      lines.push(`environments:${comments ? '   # the pipeline' : ''}`)
      names.slice(0, count).forEach((name, i) => {
        if (i === 0) return lines.push(`  ${name}:${empty === '' ? '' : ` ${empty}`}`)
        lines.push(`  ${name}:`, `    requires:${listed(names.slice(0, i), flow, '      ')}`)
        if (i > 1) lines.push(`    soak: ${soak}${comments ? ' # soak' : ''}`)
        if (signer && i === count - 1)
          lines.push(
            '    signed-by:',
            '      repository: acme/shop',
            '      workflow: .github/workflows/release.yml',
            '      runner: github-hosted'
          )
        if (contract === 'block') lines.push('    contract:', '      breaking: require-approval')
        else if (contract !== null) lines.push(`    contract: ${contract}`)
      })
      return `${lines.join('\n')}\n`
    })

  it('is read without the YAML library as it is with it', () => {
    fc.assert(
      fc.property(policies, (text) => {
        expect(readPlainYaml(text)).not.toBe(NOT_PLAIN)
        expect(parsePolicy(text, 'p.yml')).toEqual(throughLibrary(text))
      })
    )
  })

  it('with a mistake, is read again with the library, which says where the mistake is', () => {
    const text = 'environments:\n  dev: {}\n  staging:\n    requires: [dve]\n'
    expect(readPlainYaml(text)).not.toBe(NOT_PLAIN)
    expect(policyError(text)).toContain(
      '.github/promotion.yml:4:16: environments.staging.requires names "dve"'
    )
  })
})

describe('services in the policy file', () => {
  it('reads service (one service, whatever the artifact is named) and services (the names an artifact may have)', () => {
    expect(parsePolicy('service: shop\nenvironments:\n  dev: {}\n', 'p.yml')).toMatchObject({
      service: 'shop',
      services: null
    })
    expect(
      parsePolicy('services: [api, ghcr.io/acme/web]\nenvironments:\n  dev: {}\n', 'p.yml')
    ).toMatchObject({ service: null, services: ['api', 'ghcr.io/acme/web'] })
    expect(parsePolicy('environments:\n  dev: {}\n', 'p.yml')).toMatchObject({
      service: null,
      services: null
    })
  })

  it('points at each mistake: both keys, an empty list, a name twice, a name on two lines or padded, a number', () => {
    expect(policyError('service: shop\nservices: [api]\nenvironments:\n  dev: {}\n')).toContain(
      '.github/promotion.yml:2:11: the policy has both "service" ("shop") and "services". Give "service: ' +
        '<name>" when every promotion under this policy is of one service'
    )
    expect(policyError('services: []\nenvironments:\n  dev: {}\n')).toContain(
      '.github/promotion.yml:1:11: services is empty. List at least one service, or remove the key.'
    )
    expect(policyError('services: [api, api]\nenvironments:\n  dev: {}\n')).toContain(
      'services lists a service twice. Name each once.'
    )
    expect(policyError('service: " shop"\nenvironments:\n  dev: {}\n')).toContain(
      '.github/promotion.yml:1:10: service " shop" is not a service name. Write it as the artifact is named'
    )
    expect(policyError('services: ["a\\nb"]\nenvironments:\n  dev: {}\n')).toContain(
      'services.0 "a\\nb" is not a service name.'
    )
    expect(policyError('service: 12\nenvironments:\n  dev: {}\n')).toContain(
      'service "12" should be a service name, such as api (text).'
    )
    expect(policyError('servce: shop\nenvironments:\n  dev: {}\n')).toContain(
      'the file has an unknown key "servce". Allowed here: environments, service, services.'
    )
  })
})

describe('the gate: a service new to an environment that judges contracts', () => {
  const policy = parsePolicy('environments:\n  production:\n    contract: {}\n', 'p.yml')
  const other = { service: 'app-1.2.3.tgz', live: span(digest(7), 'production', minutesAfter(0)) }
  const contract = {
    live: null,
    liveDigest: null,
    candidate: { digest: digest(0xc2), version: '2.0.0' },
    changes: null,
    problem: null,
    approval: null
  }

  it(
    'is refused while the environment runs another service the policy does not name: it would be judged ' +
      'against no contract',
    () => {
      const decision = decide(
        {
          digest: digest(8),
          rule: rule(policy, 'production'),
          mode: 'promote',
          now: T0,
          service: 'app-1.2.4.tgz'
        },
        { ...NONE, contract, otherService: other }
      )
      expect(decision.allowed).toBe(false)
      expect(decision.checks.find((c) => c.rule === 'service')).toEqual({
        rule: 'service',
        environment: 'production',
        passed: false,
        detail: expect.stringContaining(
          'production judges contract amendments, and service "app-1.2.4.tgz" never ran there, while service ' +
            `"app-1.2.3.tgz" runs ${digest(7)} (since ${minutesAfter(0)}): the amendment ` +
            'would be judged against no contract. ' +
            'If they are one service whose artifact\'s name changed, pin it in the policy ("service: app-1.2.3.tgz")'
        )
      })
    }
  )

  it('is let in when nothing else runs there, or for a rollback', () => {
    expect(
      decide(
        {
          digest: digest(8),
          rule: rule(policy, 'production'),
          mode: 'promote',
          now: T0,
          service: 'api'
        },
        { ...NONE, contract }
      ).allowed
    ).toBe(true)
    const back = decide(
      {
        digest: digest(8),
        rule: rule(policy, 'production'),
        mode: 'rollback',
        now: T0,
        service: 'api'
      },
      {
        ...NONE,
        contract,
        otherService: other,
        spans: new Map([
          ['production', [span(digest(8), 'production', minutesAfter(0), minutesAfter(1))]]
        ])
      }
    )
    expect(back.checks.map((c) => c.rule)).not.toContain('service')
  })
})

describe('the gate', () => {
  const policy = parsePolicy(PIPELINE, 'p.yml')
  const d = digest(1)
  const at = (minutes: number): Date => new Date(minutesAfter(minutes))

  it('lets any digest into an environment that requires nothing', () => {
    const decision = decide(
      { digest: d, rule: rule(policy, 'dev'), mode: 'promote', now: T0 },
      NONE
    )
    expect(decision).toMatchObject({ allowed: true, reason: null, environment: 'dev', digest: d })
    expect(decision.checks).toEqual([
      { rule: 'veto', environment: 'dev', passed: true, detail: 'The digest is not vetoed.' }
    ])
  })

  it('refuses an environment whose upstream never ran the digest, and says where to go first', () => {
    const decision = decide(
      { digest: d, rule: rule(policy, 'staging'), mode: 'promote', now: T0 },
      { ...NONE, spans: new Map([['dev', []]]) }
    )
    expect(decision.allowed).toBe(false)
    expect(decision.reason).toBe(
      'dev never ran this digest; staging takes only digests that passed dev. Promote it to dev first.'
    )
  })

  it('passes requires once the upstream ran the digest, even if it runs another now', () => {
    const facts = {
      ...NONE,
      spans: new Map([['dev', [span(d, 'dev', minutesAfter(0), minutesAfter(5))]]])
    }
    expect(
      decide({ digest: d, rule: rule(policy, 'staging'), mode: 'promote', now: at(10) }, facts)
        .allowed
    ).toBe(true)
  })

  describe('soak', () => {
    const prod = rule(policy, 'production')
    const live = (from: number, until: number | null = null): GateFacts => ({
      ...NONE,
      spans: new Map([
        [
          'staging',
          [span(d, 'staging', minutesAfter(from), until === null ? null : minutesAfter(until))]
        ]
      ])
    })

    it('refuses a digest live upstream for less than the soak, and says when to try again', () => {
      const decision = decide({ digest: d, rule: prod, mode: 'promote', now: at(59) }, live(0))
      expect(decision.allowed).toBe(false)
      expect(decision.reason).toBe(
        `It has been live in staging for 59m of the 1h soak; try again after ${minutesAfter(60)}.`
      )
    })

    it('accepts at exactly the soak', () => {
      expect(decide({ digest: d, rule: prod, mode: 'promote', now: at(60) }, live(0)).allowed).toBe(
        true
      )
    })

    it('accepts a digest that was live for the soak before it was replaced', () => {
      const decision = decide({ digest: d, rule: prod, mode: 'promote', now: at(600) }, live(0, 60))
      expect(decision.allowed).toBe(true)
      expect(decision.checks.find((c) => c.rule === 'soak')?.detail).toBe(
        'It was live there for 1h (soak 1h).'
      )
    })

    it('refuses one replaced before the soak, however long ago', () => {
      const decision = decide(
        { digest: d, rule: prod, mode: 'promote', now: at(6000) },
        live(0, 59)
      )
      expect(decision.allowed).toBe(false)
      expect(decision.reason).toContain(
        'It was live in staging for at most 59m before it was replaced, short of the 1h soak.'
      )
    })

    it('counts continuous time: two short stretches do not add up', () => {
      const facts = {
        ...NONE,
        spans: new Map([
          [
            'staging',
            [
              span(d, 'staging', minutesAfter(0), minutesAfter(40)),
              span(d, 'staging', minutesAfter(100), minutesAfter(140))
            ]
          ]
        ])
      }
      expect(decide({ digest: d, rule: prod, mode: 'promote', now: at(1000) }, facts).allowed).toBe(
        false
      )
    })

    it('takes the longest stretch when one of them is long enough', () => {
      const facts = {
        ...NONE,
        spans: new Map([
          [
            'staging',
            [
              span(d, 'staging', minutesAfter(0), minutesAfter(10)),
              span(d, 'staging', minutesAfter(100))
            ]
          ]
        ])
      }
      expect(decide({ digest: d, rule: prod, mode: 'promote', now: at(160) }, facts).allowed).toBe(
        true
      )
      expect(decide({ digest: d, rule: prod, mode: 'promote', now: at(159) }, facts).allowed).toBe(
        false
      )
    })
  })

  describe('requires-any', () => {
    const any = parsePolicy(
      'environments:\n  eu: {}\n  us: {}\n  global:\n    requires-any: [eu, us]\n    soak: 30m\n',
      'p.yml'
    )
    const global = rule(any, 'global')

    it('accepts when one of the environments ran it long enough', () => {
      const facts = {
        ...NONE,
        spans: new Map([
          ['eu', []],
          ['us', [span(d, 'us', minutesAfter(0))]]
        ])
      }
      const decision = decide({ digest: d, rule: global, mode: 'promote', now: at(30) }, facts)
      expect(decision.allowed).toBe(true)
      expect(decision.checks.map((c) => [c.rule, c.environment, c.passed])).toEqual([
        ['veto', 'global', true],
        ['requires-any', 'us', true],
        ['soak', 'us', true]
      ])
    })

    it('refuses when none qualifies, explaining each', () => {
      const facts = {
        ...NONE,
        spans: new Map([
          ['eu', []],
          ['us', [span(d, 'us', minutesAfter(0))]]
        ])
      }
      const decision = decide({ digest: d, rule: global, mode: 'promote', now: at(10) }, facts)
      expect(decision.allowed).toBe(false)
      expect(decision.reason).toContain(
        'global takes a digest that passed one of eu, us; none qualifies. eu never ran this digest'
      )
      expect(decision.reason).toContain('It has been live in us for 10m of the 30m soak')
    })
  })

  it('refuses a vetoed digest everywhere, naming who and why, and lists every other failure too', () => {
    const veto = entry(9, {
      digest: d,
      environment: 'staging',
      outcome: 'vetoed',
      reason: 'smoke tests failed',
      actor: 'qa-bot'
    })
    const devDecision = decide(
      { digest: d, rule: rule(policy, 'dev'), mode: 'promote', now: T0 },
      { ...NONE, veto }
    )
    expect(devDecision.allowed).toBe(false)
    expect(devDecision.reason).toBe(
      `The digest was vetoed in staging at ${T0.toISOString()} by qa-bot: smoke tests failed. Build and seal a ` +
        'fixed artifact.'
    )
    const prodDecision = decide(
      { digest: d, rule: rule(policy, 'production'), mode: 'promote', now: T0 },
      { ...NONE, veto }
    )
    expect(prodDecision.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual([
      'veto',
      'requires'
    ])
  })

  describe('rollback', () => {
    const prod = rule(policy, 'production')

    it('returns to a digest the environment ran, without the upstream rules', () => {
      const facts = {
        ...NONE,
        spans: new Map([['production', [span(d, 'production', minutesAfter(0), minutesAfter(5))]]])
      }
      const decision = decide({ digest: d, rule: prod, mode: 'rollback', now: at(10) }, facts)
      expect(decision).toMatchObject({ allowed: true, mode: 'rollback' })
      expect(decision.checks.map((c) => c.rule)).toEqual(['veto', 'ran-before'])
    })

    it('refuses a digest the environment never ran', () => {
      const decision = decide(
        { digest: d, rule: prod, mode: 'rollback', now: T0 },
        { ...NONE, spans: new Map([['production', []]]) }
      )
      expect(decision.reason).toBe(
        'production never ran this digest; a rollback can only return to a digest the environment ran before. ' +
          'Promote it instead.'
      )
    })

    it('refuses a vetoed digest it ran', () => {
      const facts = {
        veto: entry(3, {
          digest: d,
          environment: 'production',
          outcome: 'vetoed',
          reason: 'leaks memory'
        }),
        live: null,
        spans: new Map([['production', [span(d, 'production', minutesAfter(0), minutesAfter(5))]]])
      }
      expect(decide({ digest: d, rule: prod, mode: 'rollback', now: at(10) }, facts).allowed).toBe(
        false
      )
    })
  })

  it('says so when the environment runs the digest already', () => {
    const facts = { ...NONE, live: span(d, 'dev', minutesAfter(0)) }
    const decision = decide(
      { digest: d, rule: rule(policy, 'dev'), mode: 'promote', now: at(1) },
      facts
    )
    expect(decision.allowed).toBe(true)
    expect(decision.checks.map((c) => c.rule)).toContain('already-live')
  })
})

describe('live stretches from records (the ledger index)', () => {
  /** What the index takes of an entry: its service as read back. */
  const indexed = (e: LedgerEntry) => ({ ...e, service: serviceOf(e) })
  const [a, b, c] = [digest(1), digest(2), digest(3)]
  const confirm = (id: number, of: number, fields: Parameters<typeof entry>[1]) =>
    entry(id, { ...fields, outcome: fields.outcome ?? 'deployed', resolves: String(of) })
  const records = [
    entry(1, { digest: a, environment: 'prod', time: minutesAfter(0) }),
    confirm(2, 1, { digest: a, environment: 'prod', time: minutesAfter(1) }),
    entry(3, { digest: b, environment: 'dev', time: minutesAfter(1) }),
    entry(4, { digest: b, environment: 'prod', time: minutesAfter(10) }),
    confirm(5, 4, { digest: b, environment: 'prod', time: minutesAfter(12) }),
    entry(6, { digest: c, environment: 'prod', time: minutesAfter(20), outcome: 'refused' }),
    entry(7, {
      digest: c,
      environment: 'prod',
      time: minutesAfter(21),
      outcome: 'vetoed',
      mode: null
    }),
    entry(8, { digest: a, environment: 'prod', time: minutesAfter(30), mode: 'rollback' }),
    confirm(9, 8, {
      digest: a,
      environment: 'prod',
      time: minutesAfter(31),
      outcome: 'rolled-back',
      mode: 'rollback'
    })
  ]
  const indexOf = (entries: typeof records): LedgerIndex => {
    const index = new LedgerIndex(
      (id) => entries.find((e) => e.id === id) as (typeof records)[number]
    )
    for (const e of entries) expect(index.add(indexed(e))).toBeNull()
    return index
  }

  it(
    'starts a stretch at each confirmed deployment and ends the one before; pending records, refusals and ' +
      'vetoes change nothing',
    () => {
      expect(
        indexOf(records)
          .spans(a, 'prod', 'hello-service')
          .concat(indexOf(records).spans(b, 'prod', 'hello-service'))
          .map((s) => [s.digest, s.from, s.until, s.recordId])
      ).toEqual([
        [a, minutesAfter(1), minutesAfter(12), '1'],
        [a, minutesAfter(31), null, '8'],
        [b, minutesAfter(12), minutesAfter(31), '4']
      ])
      expect(indexOf(records).live('dev', 'hello-service')).toBeNull()
      expect(
        indexOf(records)
          .pending('dev')
          .map((e) => e.id)
      ).toEqual(['3'])
    }
  )

  it('lists earlier digests newest first, each once, without the live one', () => {
    expect(
      indexOf(records)
        .previouslyLive('prod', 'hello-service')
        .map((s) => s.digest)
    ).toEqual([b])
    expect(
      indexOf(records.slice(0, 5))
        .previouslyLive('prod', 'hello-service')
        .map((s) => s.digest)
    ).toEqual([a])
  })

  it(
    'refuses a resolution of nothing pending, a second resolution, a deployment after a veto, and time going ' +
      'back',
    () => {
      const index = indexOf(records.slice(0, 2))
      expect(
        index.add(
          indexed(confirm(10, 1, { digest: a, environment: 'prod', time: minutesAfter(2) }))
        )
      ).toBe('it resolves record 1, which is resolved already')
      expect(
        index.add(indexed(confirm(10, 3, { digest: b, environment: 'dev', time: minutesAfter(2) })))
      ).toBe('it resolves record 3, which does not come before it')
      expect(
        index.add(indexed(entry(10, { digest: a, environment: 'dev', time: minutesAfter(0) })))
      ).toContain('before the record before it')
      const vetoed = indexOf([
        ...records.slice(0, 7),
        entry(10, { digest: c, environment: 'dev', time: minutesAfter(22) })
      ])
      expect(
        vetoed.add(
          indexed(confirm(11, 10, { digest: c, environment: 'dev', time: minutesAfter(23) }))
        )
      ).toBe(`it makes ${c} live after its veto (record 7)`)
    }
  )
})

describe('the policies the README shows', () => {
  it('are accepted as written', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    const blocks = [
      ...readme.matchAll(
        /```yaml\n((?:# \.github\/promotion\.yml[^\n]*\n)?(?:services?:[^\n]*\n)?environments:[\s\S]*?)```/g
      )
    ].map((m) => m[1] as string)
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    for (const block of blocks)
      expect(parsePolicy(block, 'README.md').environments.length).toBeGreaterThan(0)
    expect(
      blocks
        .map((block) => parsePolicy(block, 'README.md').services)
        .filter((listed) => listed !== null)
    ).toEqual([['api', 'web']])
  })
})

describe('finding an environment of a policy', () => {
  it('is done by findEnvironment alone, by exact name', () => {
    const policy = parsePolicy(PIPELINE, 'promotion-policy.yml')
    expect(findEnvironment(policy, 'staging')?.name).toBe('staging')
    expect(findEnvironment(policy, 'Staging')).toBeUndefined()
    // app/image/ is another change's area for now; its lookup is to follow.
    expect(
      sourcesMatching(
        /environments\s*\.\s*(find|some|findIndex)\(\s*\(?\w+\)?\s*=>\s*\w+\.name\s*===/
      )
    ).toEqual(['core/promotion/policy.ts'])
  })

  it('refuses a name the policy lacks one way: the input, the value quoted, the names there are', () => {
    const policy = parsePolicy(PIPELINE, 'promotion-policy.yml')
    expect(requireEnvironment(policy, 'dev', 'environment').name).toBe('dev')
    expect(() =>
      requireEnvironment(policy, 'prod\n::error::x', '--from', ', so nothing was recorded')
    ).toThrowSealError(
      'bad-input',
      '--from: "prod\\n::error::x" is not an environment of the promotion policy promotion-policy.yml, so ' +
        'nothing was recorded. Use one of: dev, staging, production, or add it to the policy.'
    )
    expect(sourcesMatching(/is not an environment of the promotion policy/)).toEqual([
      'core/promotion/policy.ts'
    ])
  })
})
