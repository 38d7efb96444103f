// The policy's observe: and drift: keys: read into typed entries, and every mistake reported at
// its line with what to write, the form of observe: not written never reported as a mistake.
import { describe, expect, it } from '@jest/globals'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

const mistakes = (text: string): string[] =>
  sealErrorOf(() => parsePolicy(text, 'p.yml'), 'malformed')
    .split('\n')
    .filter((l) => l.startsWith('  p.yml'))
    .map((l) => l.trim())

describe('observe: in the promotion policy', () => {
  it('reads one mapping or a list of them, with defaults, and drift', () => {
    const policy = parsePolicy(
      'environments:\n  staging:\n    observe: { url: https://staging.example/version }\n  production:\n    ' +
        'drift: block\n    observe:\n      - { service: api, command: kubectl get ' +
        'pods, timeout: 30s }\n      - { service: web, files: /srv/web, checksums: ' +
        '/srv/web.sha256, contract-url: https://web.example/openapi.json }\n',
      'p.yml'
    )
    const [staging, production] = policy.environments
    expect(staging?.observe).toEqual([
      {
        service: null,
        url: 'https://staging.example/version',
        pointer: '/digest',
        command: null,
        files: null,
        checksums: null,
        contractUrl: null,
        timeoutMs: 10_000
      }
    ])
    expect(staging?.drift).toBeUndefined()
    expect(production?.drift).toBe('block')
    expect(
      production?.observe?.map((o) => [
        o.service,
        o.command,
        o.files,
        o.checksums,
        o.contractUrl,
        o.timeoutMs
      ])
    ).toEqual([
      ['api', 'kubectl get pods', null, null, null, 30_000],
      ['web', null, '/srv/web', '/srv/web.sha256', 'https://web.example/openapi.json', 10_000]
    ])
    // A policy without observe: reads as before: no keys added.
    expect(parsePolicy('environments:\n  dev: {}\n', 'p.yml').environments[0]).not.toHaveProperty(
      'observe'
    )
  })

  it('reports each mistake at its line with what to write', () => {
    expect(
      mistakes('environments:\n  prod:\n    observe:\n      url: ftp://x\n      sevice: a\n')
    ).toEqual([
      'p.yml:4:12: environments.prod.observe.url "ftp://x" is not an http(s) URL. Give the URL the running ' +
        'service answers with its digest, such as https://shop.example/version.',
      'p.yml:5:7: environments.prod.observe has an unknown key "sevice". Allowed here: service, url, pointer, ' +
        'command, files, checksums, contract-url, image, timeout.'
    ])
    expect(
      mistakes(
        'environments:\n  prod:\n    observe:\n      - url: https://x\n        timeout: 5 minutes\n'
      )
    ).toEqual([
      'p.yml:5:18: environments.prod.observe.0.timeout "5 minutes" is not a duration. Give a number and a ' +
        'unit, such as 500ms, 10s or 1m.'
    ])
    expect(mistakes('environments:\n  prod:\n    observe: {}\n')).toEqual([
      expect.stringContaining(
        'p.yml:3:14: environments.prod.observe is empty. Give one probe or more'
      )
    ])
    expect(mistakes('environments:\n  prod:\n    drift: stop\n')).toEqual([
      'p.yml:3:12: environments.prod.drift "stop" is not one of block, warn.'
    ])
    expect(mistakes('environments:\n  prod:\n    observe: { pointer: /a }\n')).toEqual([
      expect.stringContaining(
        'environments.prod.observe names no probe. Give url (with pointer), command, files, contract-url or image.'
      ),
      expect.stringContaining('environments.prod.observe has a pointer but no url.')
    ])
    expect(
      mistakes(
        'environments:\n  prod:\n    observe:\n      - { url: https://a }\n      - { command: x }\n'
      )
    ).toEqual([
      expect.stringContaining('environments.prod.observe observes the same service twice')
    ])
    expect(
      mistakes('environments:\n  prod:\n    observe: { image: "ghcr.io/acme/shop@md5:00" }\n')
    ).toEqual([
      expect.stringContaining(
        'environments.prod.observe.image "ghcr.io/acme/shop@md5:00" is not an image reference: the digest ' +
          'after "@" is a "md5" digest'
      )
    ])
  })
})
