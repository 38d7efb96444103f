// A registry written in a form the URL standard writes shorter (a zero-padded IPv4 address, a
// default port) is one origin: credentials go to it and its login prompt is its own, and plain
// HTTP covers it when named in either form, where the client compared the text as written with
// the URL's and so never sent the credentials, or refused the registry's own upload address.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest

let host: OciRegistryHost
beforeEach(async () => {
  host = await new OciRegistryHost().start()
  loadTestImage(host, 'acme/app', image)
  host.quirks.basicAuth = { username: 'u', password: 'p' }
})
afterEach(async () => {
  await host.close()
})

describe('a registry written in a longer form of its origin', () => {
  it('logs in, reads and attaches as under its shortest form', async () => {
    const port = host.host.split(':')[1]!
    const written = `127.000.000.001:${port}`
    const client = new RegistryClient({
      credentials: {
        explicit: [{ registry: written, username: 'u', password: 'p' }],
        env: {},
        homeDir: tempDir('home-')
      },
      sleep: () => Promise.resolve(),
      fallback: { settleMs: 0 }
    })
    const reference = parseImageReference(`${written}/acme/app:v1`, 'image')

    expect((await client.resolve(reference)).digest).toBe(INDEX)
    const attached = await client.attachBundle(reference, INDEX, await imageBundle('app', INDEX))
    expect(host.manifest('acme/app', attached.manifest)).toBeDefined()
    expect(host.requests.some((r) => r.authorization)).toBe(true)
  })
})
