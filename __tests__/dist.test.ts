import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { VERSION } from '../src/version.js'
import { PROJECT_ROOT } from './helpers/runner.js'
import { removeAll, tempDir } from './helpers/trees.js'

afterAll(removeAll)

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort()
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
}

// Packages that ship no licence and declare none. Each is a finding to resolve upstream or by
// replacing the dependency; the list keeps a new one from slipping in unnoticed.
const NO_LICENCE_AT_ALL = new Set([
  // @actions/artifact → unzip-stream → binary → buffers: substack's package.json names none.
  'buffers@0.1.1'
])

let rebuilt: string
let metafile: Metafile

beforeAll(() => {
  rebuilt = tempDir('dist-')
  const metafilePath = path.join(tempDir('metafile-'), 'meta.json')
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/package.mjs'), rebuilt, '--metafile', metafilePath], { cwd: PROJECT_ROOT })
  metafile = JSON.parse(fs.readFileSync(metafilePath, 'utf8'))
})

/** name@version of every package with code in an output, found from the inputs' paths alone. */
function bundledPackages(): string[] {
  const found = new Set<string>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
      if (dir === undefined || bytesInOutput === 0) continue
      const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, dir, 'package.json'), 'utf8'))
      found.add(`${pkg.name}@${pkg.version}`)
    }
  }
  return [...found].sort()
}

/** The entries of licenses.txt by their `name@version` heading. */
function licenceEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>()
  for (const block of text.split(`\n${'-'.repeat(80)}\n`).slice(1)) {
    const [heading, ...rest] = block.split('\n')
    entries.set(heading as string, rest.join('\n'))
  }
  return entries
}

describe('dist/', () => {
  it('is exactly what npm run package builds from src/', () => {
    const committed = path.join(PROJECT_ROOT, 'dist')
    expect(filesUnder(committed)).toEqual(filesUnder(rebuilt))
    for (const file of filesUnder(rebuilt)) {
      const same = fs.readFileSync(path.join(committed, file)).equals(fs.readFileSync(path.join(rebuilt, file)))
      if (!same) throw new Error(`dist/${file} differs from what "npm run package" builds: run it and commit dist/.`)
    }
  })

  it('ships the licence of every package bundled in it', () => {
    const text = fs.readFileSync(path.join(rebuilt, 'licenses.txt'), 'utf8')
    const entries = licenceEntries(text)
    const packages = bundledPackages()
    expect(packages).toContain('@actions/artifact@6.2.1')
    expect([...entries.keys()].sort()).toEqual(packages)
    for (const name of packages) {
      const entry = entries.get(name) as string
      // A licence file's text, or at least the licence its package.json declares.
      const hasText = /^(LICEN[CS]E|COPYING|NOTICE)[^\n]*:\n\n\s*\S/im.test(entry) || /declares the licence \S/.test(entry)
      if (!hasText && !NO_LICENCE_AT_ALL.has(name)) throw new Error(`dist/licenses.txt has no licence text for ${name}`)
    }
    expect(text).not.toContain(PROJECT_ROOT)
    // Licence comments taken out of the code are kept, under the package they came from.
    expect(entries.get(packages.find((p) => p.startsWith('undici@')) as string)).toContain('ws. MIT License. Einar Otto Stangvik')
  })

  it('is tested on the Node major the actions run on (runs.using: node24)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
  })

  it('carries the version package.json declares', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
    expect(VERSION).toBe(pkg.version)
  })
})
