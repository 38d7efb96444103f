import { describe, expect, it } from '@jest/globals'
import {
  digestReference,
  formatReference,
  parseImageReference,
  registryHost,
  subjectName,
  withTag
} from '../../../src/core/image/reference.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

const HEX = 'a'.repeat(64)

describe('parseImageReference', () => {
  it.each([
    // [text, registry, repository, name, tag, digest]
    ['ghcr.io/acme/app:1.4.0', 'ghcr.io', 'acme/app', 'ghcr.io/acme/app', '1.4.0', null],
    [
      `ghcr.io/acme/app@sha256:${HEX}`,
      'ghcr.io',
      'acme/app',
      'ghcr.io/acme/app',
      null,
      `sha256:${HEX}`
    ],
    [
      `ghcr.io/acme/app:1.4.0@sha256:${HEX}`,
      'ghcr.io',
      'acme/app',
      'ghcr.io/acme/app',
      '1.4.0',
      `sha256:${HEX}`
    ],
    ['nginx', 'docker.io', 'library/nginx', 'nginx', null, null],
    ['nginx:1.27', 'docker.io', 'library/nginx', 'nginx', '1.27', null],
    ['acme/app:v1', 'docker.io', 'acme/app', 'acme/app', 'v1', null],
    ['docker.io/nginx', 'docker.io', 'library/nginx', 'docker.io/nginx', null, null],
    ['index.docker.io/acme/app', 'docker.io', 'acme/app', 'index.docker.io/acme/app', null, null],
    ['localhost/app', 'localhost', 'app', 'localhost/app', null, null],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'localhost:5000/app', 'dev', null],
    ['127.0.0.1:5000/a/b/c:x', '127.0.0.1:5000', 'a/b/c', '127.0.0.1:5000/a/b/c', 'x', null],
    ['[::1]:5000/app', '[::1]:5000', 'app', '[::1]:5000/app', null, null],
    ['GHCR.IO/acme/app', 'ghcr.io', 'acme/app', 'ghcr.io/acme/app', null, null],
    // An org written with capitals (ghcr.io/${{ github.repository }}) is its lower-case repository;
    // the tag keeps its case.
    ['ghcr.io/Acme/App:V1', 'ghcr.io', 'acme/app', 'ghcr.io/acme/app', 'V1', null],
    ['Acme/App', 'docker.io', 'acme/app', 'acme/app', null, null],
    [
      'registry.example.com/a__b/c-d/e.f_g:T_1.x-y',
      'registry.example.com',
      'a__b/c-d/e.f_g',
      'registry.example.com/a__b/c-d/e.f_g',
      'T_1.x-y',
      null
    ],
    // A first component without ".", ":" and not "localhost" is a Docker Hub namespace, not a host.
    ['myhost/app', 'docker.io', 'myhost/app', 'myhost/app', null, null],
    // Without a slash, a colon starts the tag: "localhost:5000" alone is the image "localhost" tagged 5000.
    ['localhost:5000', 'docker.io', 'library/localhost', 'localhost', '5000', null],
    ['  ghcr.io/acme/app:1 \n', 'ghcr.io', 'acme/app', 'ghcr.io/acme/app', '1', null]
  ])('%s', (text, registry, repository, name, tag, digest) => {
    expect(parseImageReference(text, 'image')).toEqual({ registry, repository, name, tag, digest })
  })

  it('reaches Docker Hub at registry-1.docker.io and every other registry as written', () => {
    expect(registryHost(parseImageReference('nginx', 'image'))).toBe('registry-1.docker.io')
    expect(registryHost(parseImageReference('ghcr.io/a/b', 'image'))).toBe('ghcr.io')
    expect(registryHost(parseImageReference('localhost:5000/a', 'image'))).toBe('localhost:5000')
  })

  it('names the subject as actions/attest does: no tag, no digest, registry in lower case, port kept', () => {
    expect(
      subjectName(parseImageReference(`GHCR.io:443/Acme/App:1.4.0@sha256:${HEX}`, 'image'))
    ).toBe('ghcr.io:443/acme/app')
    expect(subjectName(parseImageReference('nginx:1', 'image'))).toBe('nginx')
    expect(
      digestReference(parseImageReference('ghcr.io/acme/app:1.4.0', 'image'), `sha256:${HEX}`)
    ).toBe(`ghcr.io/acme/app@sha256:${HEX}`)
    expect(formatReference(parseImageReference(`ghcr.io/acme/app:1@sha256:${HEX}`, 'image'))).toBe(
      `ghcr.io/acme/app:1@sha256:${HEX}`
    )
  })

  it.each([
    ['', /is empty/],
    ['ghcr.io/acme/app:-bad', /the tag "-bad" is not a valid tag/],
    [`ghcr.io/acme/app:${'t'.repeat(129)}`, /not a valid tag/],
    ['ghcr.io/acme//app', /empty path component/],
    ['ghcr.io/acme/app_/x', /path component "app_" is not valid/],
    ['ghcr.io/acme/-app', /path component "-app"/],
    [
      `ghcr.io/acme/app@sha512:${'b'.repeat(128)}`,
      /"sha512" digest\. artifact-seal reads sha256 digests only/
    ],
    ['ghcr.io/acme/app@sha256:abc', /not "sha256:" and 64 hex characters \(got 3 characters\)/],
    [`ghcr.io/acme/app@${HEX}`, /must start with "sha256:"/],
    [`a@sha256:${HEX}@sha256:${HEX}`, /more than one "@"/],
    ['exa_mple.com/app', /not a host name/],
    ['host.com:99999/app', /port 99999 is out of range/],
    [':tag', /name before the tag or digest is empty/],
    [`ghcr.io/${'a'.repeat(250)}`, /characters long/],
    ['ghcr.io/acme/app\u0007:1', /"ghcr.io\/acme\/app\\u0007:1"/]
  ])('refuses %j, saying why', (text, why) => {
    const message = sealErrorOf(() => parseImageReference(text, 'subject-image'), 'bad-input')
    expect(message).toMatch(/^subject-image: /)
    expect(message).toMatch(why)
  })

  it('sets a tag only when it is one', () => {
    const reference = parseImageReference(`ghcr.io/acme/app@sha256:${HEX}`, 'image')
    expect(withTag(reference, 'production', 'retag')).toEqual({
      ...reference,
      tag: 'production',
      digest: null
    })
    expect(sealErrorOf(() => withTag(reference, 'prod/x', 'retag'), 'bad-input')).toMatch(
      /^retag: "prod\/x" is not a valid tag/
    )
  })
})
