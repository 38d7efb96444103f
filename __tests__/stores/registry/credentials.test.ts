// Where registry credentials come from, in the documented order, read from real files and
// real credential helper programs (a shell script speaking docker-credential-helpers' protocol).
import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../../src/core/errors.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import {
  type CredentialOptions,
  CredentialResolver
} from '../../../src/stores/registry/credentials.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const basic = (user: string, password: string) =>
  Buffer.from(`${user}:${password}`).toString('base64')

/** A docker-credential-<name> on a PATH of its own, logging each server it is asked about. */
function helper(
  name: string,
  answers: Readonly<Record<string, string>>
): { bin: string; asked: () => string[] } {
  const bin = tempDir('bin-')
  const log = path.join(bin, 'asked.log')
  const cases = Object.entries(answers)
    .map(
      ([server, answer]) => `  ${JSON.stringify(server)}) printf '%s' ${JSON.stringify(answer)} ;;`
    )
    .join('\n')
  const script =
    `#!/bin/sh\nserver=$(cat)\nprintf '%s\\n' "$server" >> ${JSON.stringify(log)}\ncase "$server" ` +
    `in\n${cases}\n  *) echo "credentials not found in native keychain"; exit 1 ` +
    ';;\nesac\n'
  fs.writeFileSync(path.join(bin, `docker-credential-${name}`), script, { mode: 0o755 })
  return {
    bin,
    asked: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [])
  }
}

function resolver(
  files: Record<string, string>,
  options: Partial<CredentialOptions> & { env?: NodeJS.ProcessEnv } = {}
): { find: CredentialResolver['find']; looked: CredentialResolver['looked']; home: string } {
  const home = writeTree(tempDir('home-'), files)
  const r = new CredentialResolver({
    homeDir: home,
    ...options,
    env: { PATH: process.env.PATH, ...options.env }
  })
  return {
    find: (registry, repository) => r.find(registry, repository),
    looked: (registry) => r.looked(registry),
    home
  }
}

const dockerConfig = (config: unknown) => ({ '.docker/config.json': JSON.stringify(config) })

describe('credentials, in order', () => {
  it('explicit credentials for the registry come first; those for another registry are never used', async () => {
    const { find } = resolver(
      dockerConfig({ auths: { 'ghcr.io': { auth: basic('docker', 'config') } } }),
      {
        explicit: [
          { registry: 'registry.example.com', username: 'other', password: 'x' },
          { registry: 'ghcr.io', username: 'given', password: 'secret' }
        ],
        github: { token: 'ghs_token' }
      }
    )
    expect(await find('ghcr.io', 'acme/app')).toEqual({
      credentials: { kind: 'basic', username: 'given', password: 'secret' },
      source: 'the user and password given for ghcr.io'
    })
  })

  it('the GitHub token is for the GitHub registry only, before the docker config', async () => {
    const { find } = resolver(
      dockerConfig({
        auths: {
          'ghcr.io': { auth: basic('docker', 'config') },
          'quay.io': { auth: basic('q', 'config') }
        }
      }),
      {
        github: { token: 'ghs_token' },
        env: { GITHUB_ACTOR: 'octocat' }
      }
    )
    expect(await find('ghcr.io', 'acme/app')).toEqual({
      credentials: { kind: 'basic', username: 'octocat', password: 'ghs_token' },
      source: 'the GitHub token for ghcr.io'
    })
    expect((await find('quay.io', 'acme/app'))?.source).toMatch(/config\.json auths\["quay\.io"\]$/)
    const ghes = resolver(
      {},
      { github: { token: 't', registry: 'containers.github.example.com', username: 'me' } }
    )
    expect((await ghes.find('containers.github.example.com', 'a/b'))?.credentials).toEqual({
      kind: 'basic',
      username: 'me',
      password: 't'
    })
    expect(await ghes.find('ghcr.io', 'a/b')).toBeNull()
  })

  it('reads $DOCKER_CONFIG before ~/.docker, matching keys exactly after dropping scheme and path', async () => {
    const dir = writeTree(tempDir('docker-config-'), {
      'config.json': JSON.stringify({
        auths: {
          'ghcr.io.evil.example': { auth: basic('evil', 'x') },
          'https://ghcr.io/v2/': { auth: basic('scheme', 'p:with:colons') },
          'https://index.docker.io/v1/': { username: 'hub', password: 'hub-secret' },
          'registry.example.com': {},
          'acr.example.io': {
            auth: basic('00000000-0000-0000-0000-000000000000', ''),
            identitytoken: 'refresh-token'
          }
        }
      })
    })
    const { find } = resolver(
      dockerConfig({ auths: { 'ghcr.io': { auth: basic('home', 'x') } } }),
      { env: { DOCKER_CONFIG: dir } }
    )
    expect((await find('ghcr.io', 'a/b'))?.credentials).toEqual({
      kind: 'basic',
      username: 'scheme',
      password: 'p:with:colons'
    })
    expect((await find('docker.io', 'library/nginx'))?.credentials).toEqual({
      kind: 'basic',
      username: 'hub',
      password: 'hub-secret'
    })
    expect(await find('registry.example.com', 'a/b')).toBeNull()
    expect((await find('acr.example.io', 'a/b'))?.credentials).toEqual({
      kind: 'identity-token',
      username: '00000000-0000-0000-0000-000000000000',
      token: 'refresh-token'
    })
    expect(await find('evil.example', 'a/b')).toBeNull()
  })

  it(
    "asks the registry's credHelpers entry, else credsStore, with the server on stdin, then falls back to " +
      'auths',
    async () => {
      const pass = helper('pass', {
        'ghcr.io': JSON.stringify({
          ServerURL: 'ghcr.io',
          Username: 'from-helper',
          Secret: 'helper-secret'
        }),
        'https://index.docker.io/v1/': JSON.stringify({
          Username: '<token>',
          Secret: 'hub-refresh'
        })
      })
      const ecr = helper('ecr-login', {
        '123.dkr.ecr.example.com': JSON.stringify({ Username: 'AWS', Secret: 'ecr-token' })
      })
      const { find } = resolver(
        dockerConfig({
          credsStore: 'pass',
          credHelpers: { '123.dkr.ecr.example.com': 'ecr-login' },
          auths: { 'quay.io': { auth: basic('fallback', 'x') } }
        }),
        { env: { PATH: `${pass.bin}:${ecr.bin}:${process.env.PATH}` } }
      )
      expect(await find('ghcr.io', 'a/b')).toEqual({
        credentials: { kind: 'basic', username: 'from-helper', password: 'helper-secret' },
        source: expect.stringMatching(/^docker-credential-pass \(credsStore in .*config\.json\)$/)
      })
      expect((await find('docker.io', 'library/x'))?.credentials).toEqual({
        kind: 'identity-token',
        username: '<token>',
        token: 'hub-refresh'
      })
      expect((await find('123.dkr.ecr.example.com', 'a'))?.source).toMatch(
        /^docker-credential-ecr-login \(credHelpers\["123\.dkr\.ecr\.example\.com"\]/
      )
      expect((await find('quay.io', 'a/b'))?.credentials).toEqual({
        kind: 'basic',
        username: 'fallback',
        password: 'x'
      })
      expect(pass.asked()).toEqual(['ghcr.io', 'https://index.docker.io/v1/', 'quay.io'])
      expect(ecr.asked()).toEqual(['123.dkr.ecr.example.com'])
    }
  )

  it('reads the containers auth file last, the longest matching key first', async () => {
    const authFile = path.join(
      writeTree(tempDir('auth-'), {
        'auth.json': JSON.stringify({
          auths: {
            'quay.io': { auth: basic('registry-wide', 'x') },
            'quay.io/acme': { auth: basic('namespace', 'x') },
            'quay.io/acme/app': { auth: basic('repository', 'x') }
          }
        })
      }),
      'auth.json'
    )
    const { find } = resolver(
      dockerConfig({ auths: { 'ghcr.io': { auth: basic('docker', 'x') } } }),
      { env: { REGISTRY_AUTH_FILE: authFile } }
    )
    expect((await find('quay.io', 'acme/app'))?.credentials).toMatchObject({
      username: 'repository'
    })
    expect((await find('quay.io', 'acme/other'))?.credentials).toMatchObject({
      username: 'namespace'
    })
    expect((await find('quay.io', 'someone/else'))?.credentials).toMatchObject({
      username: 'registry-wide'
    })
    expect((await find('ghcr.io', 'acme/app'))?.credentials).toMatchObject({ username: 'docker' })
    const runtime = writeTree(tempDir('xdg-'), {
      'containers/auth.json': JSON.stringify({
        auths: { 'ghcr.io': { auth: basic('podman', 'x') } }
      })
    })
    expect(
      (await resolver({}, { env: { XDG_RUNTIME_DIR: runtime } }).find('ghcr.io', 'a'))?.credentials
    ).toMatchObject({ username: 'podman' })
  })

  it('says where it looked when nothing matches', async () => {
    const { find, looked, home } = resolver({})
    expect(await find('ghcr.io', 'a/b')).toBeNull()
    expect(looked('ghcr.io')).toEqual([
      path.join(home, '.docker', 'config.json'),
      'no containers auth file (REGISTRY_AUTH_FILE and XDG_RUNTIME_DIR unset)'
    ])
  })

  it.each([
    [
      'a config that is not JSON',
      { '.docker/config.json': '{auths' },
      {},
      /config\.json: the credentials file is not JSON/
    ],
    [
      'an auth that is not user:password',
      dockerConfig({ auths: { 'ghcr.io': { auth: Buffer.from('nocolon').toString('base64') } } }),
      {},
      /auths\["ghcr\.io"\]\.auth is not base64 of "user:password"/
    ],
    [
      'a helper that is not installed',
      dockerConfig({ credsStore: 'missing-helper' }),
      {},
      /docker-credential-missing-helper is not on PATH/
    ],
    [
      'a helper name that is a path',
      dockerConfig({ credsStore: '../../bin/sh' }),
      {},
      /not a helper name/
    ]
  ])('refuses %s, naming the file', async (_name, files, options, why) => {
    const { find } = resolver(files, options)
    await expect(find('ghcr.io', 'a/b')).rejects.toThrow(SealError)
    await expect(find('ghcr.io', 'a/b')).rejects.toThrow(why)
  })

  it('reports a helper that fails with what it said', async () => {
    const bin = tempDir('bin-')
    fs.writeFileSync(
      path.join(bin, 'docker-credential-broken'),
      '#!/bin/sh\ncat >/dev/null\necho "gpg: decryption failed: No secret key" >&2\nexit 2\n',
      { mode: 0o755 }
    )
    const { find } = resolver(dockerConfig({ credsStore: 'broken' }), {
      env: { PATH: `${bin}:${process.env.PATH}` }
    })
    await expect(find('ghcr.io', 'a/b')).rejects.toThrowSealError('unavailable')
  })

  it('reads nothing and runs no helper for a registry that never asks', async () => {
    const pass = helper('pass', {})
    const host = await new OciRegistryHost().start()
    try {
      const home = writeTree(tempDir('home-'), dockerConfig({ credsStore: 'pass' }))
      const client = new RegistryClient({
        credentials: { homeDir: home, env: { PATH: `${pass.bin}:${process.env.PATH}` } }
      })
      await expect(
        client.resolve(parseImageReference(`${host.host}/acme/app:v1`, 'image'))
      ).rejects.toThrowSealError('unreadable')
      expect(pass.asked()).toEqual([])
    } finally {
      await host.close()
    }
  })
})
