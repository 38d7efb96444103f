// Plain HTTP for a registry that is not on loopback only when it is named: a real registry
// (distribution 2.8) reached through this machine's non-loopback address, as a registry on the
// network is. Named exactly (host and port), it is reached over HTTP; not named, or named with
// another port, the client speaks HTTPS to it and fails, never falling back to HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { parseImageReference, parsePlainHttpRegistries } from '../../../src/core/image/reference.js'
import { readPlainHttpRegistries } from '../../../src/app/settings/inputs.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import {
  type CountingProxy,
  type TestRegistry,
  nonLoopbackAddress,
  startCountingProxy,
  startRegistry
} from '../../hosts/registry.js'
import { writeTestImage } from '../../helpers/oci-layout.js'
import { pushLayout } from '../../helpers/skopeo.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
let registry: TestRegistry
let remote: CountingProxy

beforeAll(async () => {
  registry = await startRegistry('open')
  await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
  remote = await startCountingProxy(registry, nonLoopbackAddress())
})
afterAll(async () => {
  await remote?.close()
  await registry?.close()
})

const client = (plainHttp: string[]) =>
  new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-') },
    insecureRegistries: plainHttp,
    sleep: () => Promise.resolve(),
    random: () => 0.5
  })

describe('a registry on another host', () => {
  it('is reached over plain HTTP when named exactly', async () => {
    const resolved = await client([remote.host]).resolve(
      parseImageReference(`${remote.host}/acme/app:v1`, 'image')
    )
    expect(resolved.digest).toBe(image.digests.index as Digest)
    expect(remote.received.map((r) => r.method)).toContain('HEAD')
  })

  it('is spoken to over HTTPS when not named, or named with another port: it fails, the registry hears no HTTP request', async () => {
    const [host, port] = remote.host.split(':') as [string, string]
    for (const named of [[], [host], [`${host}:${Number(port) + 1}`]]) {
      remote.reset()
      const error = await client(named)
        .resolve(parseImageReference(`${remote.host}/acme/app:v1`, 'image'))
        .then(
          () => null,
          (e: unknown) => e
        )
      expect(error).toBeInstanceOf(SealError)
      expect((error as SealError).message).toContain(`https://${remote.host}`)
      // The TLS handshake is not an HTTP request: the proxy forwarded nothing.
      expect(remote.received).toEqual([])
    }
  })
})

describe('the names given', () => {
  it('are host or host:port, lower-cased and deduplicated', () => {
    expect(
      parsePlainHttpRegistries(['Registry.LAN:5000', 'registry.lan:5000', '10.0.0.5'], 'x')
    ).toEqual(['registry.lan:5000', '10.0.0.5'])
  })

  it('as an input, are one a line with blank lines and # comments skipped, CRLF or not', () => {
    expect(
      readPlainHttpRegistries(
        '# the lab registry\r\nregistry.lan:5000\r\n\n  \n  10.0.0.5  \n# 10.0.0.6\n',
        'plain-http-registries'
      )
    ).toEqual(['registry.lan:5000', '10.0.0.5'])
  })

  it.each([
    ['https://registry.lan', 'has a scheme'],
    ['http://registry.lan:5000', 'has a scheme'],
    ['', 'is empty'],
    ['  ', 'is empty'],
    ['registry lan', 'holds a space'],
    ['registry.lan/acme', 'is not a host name'],
    ['registry.lan:99999', 'out of range'],
    ['docker.io', 'Docker Hub'],
    // Written with a port, the default or not, Docker Hub is still Docker Hub.
    ['registry-1.docker.io:80', 'Docker Hub'],
    ['index.docker.io:80', 'Docker Hub'],
    ['docker.io:443', 'Docker Hub'],
    ['Registry-1.Docker.IO:8080', 'Docker Hub']
  ])('refuses %j naming the input', (value, why) => {
    expect(() => parsePlainHttpRegistries([value], 'plain-http-registries')).toThrowSealError(
      'bad-input',
      'plain-http-registries',
      why
    )
  })
})
