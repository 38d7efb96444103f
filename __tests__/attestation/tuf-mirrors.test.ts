import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  GITHUB_TUF_MIRROR,
  PUBLIC_GOOD_TUF_MIRROR,
  parseTufMirrors
} from '../../src/attestation/tuf-mirrors.js'
import { sealErrorOf } from '../helpers/seal-error.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const ROOT = JSON.stringify({ signatures: [], signed: { _type: 'root', version: 1 } })

describe('tuf-mirrors', () => {
  const dir = writeTree(tempDir('mirrors-'), {
    'roots/corp root.json': ROOT,
    'roots/targets.json': JSON.stringify({ signatures: [], signed: { _type: 'targets' } }),
    'roots/broken.json': '{'
  })

  it(
    'reads one repository a line, the root.json resolved from the workspace (spaces kept), the defaults with ' +
      'theirs built in',
    () => {
      const text =
        '# the corporate mirrors\nhttps://tuf.corp.example/sigstore/ roots/corp ' +
        `root.json\n\n${PUBLIC_GOOD_TUF_MIRROR}\n  ${GITHUB_TUF_MIRROR}/  \n`
      expect(parseTufMirrors(text, dir)).toEqual([
        {
          url: 'https://tuf.corp.example/sigstore',
          rootFile: path.join(dir, 'roots/corp root.json')
        },
        { url: PUBLIC_GOOD_TUF_MIRROR, rootFile: null },
        { url: GITHUB_TUF_MIRROR, rootFile: null }
      ])
      expect(parseTufMirrors(' \n# none\n', dir)).toBeNull()
    }
  )

  it('refuses what cannot be a repository or its root, naming the input and quoting the value', () => {
    expect(
      sealErrorOf(() => parseTufMirrors('tuf.corp.example roots/corp root.json', dir), 'bad-input')
    ).toContain(
      'tuf-mirrors: "tuf.corp.example" is not the http(s) URL of a TUF repository. Write one repository a line'
    )
    expect(
      sealErrorOf(() => parseTufMirrors('ftp://tuf.corp.example x', dir), 'bad-input')
    ).toContain('"ftp://tuf.corp.example" is not the http(s) URL')
    expect(
      sealErrorOf(() => parseTufMirrors('https://tuf.corp.example?v=1 x', dir), 'bad-input')
    ).toContain('is not the http(s) URL')
    expect(
      sealErrorOf(() => parseTufMirrors('https://tuf.corp.example', dir), 'bad-input')
    ).toContain('tuf-mirrors: "https://tuf.corp.example" has no root.json.')
    expect(
      sealErrorOf(
        () => parseTufMirrors(`${GITHUB_TUF_MIRROR}\n${GITHUB_TUF_MIRROR}/`, dir),
        'bad-input'
      )
    ).toContain(`"${GITHUB_TUF_MIRROR}" is named twice`)
    expect(
      sealErrorOf(
        () => parseTufMirrors('https://tuf.corp.example roots/missing.json', dir),
        'unreadable'
      )
    ).toContain(
      'the root.json "roots/missing.json" of "https://tuf.corp.example" cannot be read (ENOENT)'
    )
    expect(
      sealErrorOf(
        () => parseTufMirrors('https://tuf.corp.example roots/targets.json', dir),
        'unrecognized'
      )
    ).toContain('"roots/targets.json" of "https://tuf.corp.example" is not a TUF root.json')
    expect(
      sealErrorOf(
        () => parseTufMirrors('https://tuf.corp.example roots/broken.json', dir, '--tuf-mirror'),
        'unrecognized'
      )
    ).toMatch(/^--tuf-mirror: the root.json "roots\/broken.json" .* is not a TUF root.json/)
    expect(fs.existsSync(path.join(dir, 'roots/missing.json'))).toBe(false)
  })
})
