import { afterAll, describe, expect, it } from '@jest/globals'
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

describe('dist/', () => {
  it('is exactly what npm run package builds from src/', () => {
    const rebuilt = tempDir('dist-')
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/package.mjs'), rebuilt], { cwd: PROJECT_ROOT })
    const committed = path.join(PROJECT_ROOT, 'dist')
    expect(filesUnder(committed)).toEqual(filesUnder(rebuilt))
    for (const file of filesUnder(rebuilt)) {
      const same = fs.readFileSync(path.join(committed, file)).equals(fs.readFileSync(path.join(rebuilt, file)))
      if (!same) throw new Error(`dist/${file} differs from what "npm run package" builds: run it and commit dist/.`)
    }
  })

  it('is tested on the Node major the actions run on (runs.using: node24)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
  })

  it('carries the version package.json declares', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
    expect(VERSION).toBe(pkg.version)
  })
})
