/**
 * CHANGELOG.md follows Keep a Changelog, and scripts/changelog-section.mjs (the release
 * workflow's notes) prints exactly one version's section.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from './helpers/runner.js'
import { removeAll, tempDir } from './helpers/trees.js'

afterAll(removeAll)

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/changelog-section.mjs')
const section = (version: string, file: string) =>
  spawnSync(process.execPath, [SCRIPT, version, file], { encoding: 'utf8' })

const SAMPLE = `# Changelog

## [Unreleased]

## [1.2.3] - 2026-12-01

### Added

- A thing.

### Fixed

- [a link](https://example.com) in an entry.

## [1.2.2] - 2026-11-01

### Fixed

- An older thing.

## [1.2.0] - 2026-10-01

## [1.0.0] - 2026-09-01

- First.

[Unreleased]: https://github.com/OWNER/artifact-seal/compare/v1.2.3...HEAD
[1.2.3]: https://github.com/OWNER/artifact-seal/compare/v1.2.2...v1.2.3
`

describe('scripts/changelog-section.mjs', () => {
  const file = path.join(tempDir(), 'CHANGELOG.md')
  fs.writeFileSync(file, SAMPLE)

  it("prints one version's section, without its heading or the next one", () => {
    expect(section('1.2.3', file)).toMatchObject({
      status: 0,
      stdout:
        '### Added\n\n- A thing.\n\n### Fixed\n\n- [a link](https://example.com) in an entry.\n'
    })
    expect(section('v1.2.2', file)).toMatchObject({
      status: 0,
      stdout: '### Fixed\n\n- An older thing.\n'
    })
  })

  it('stops at the link references at the end of the file', () => {
    expect(section('1.0.0', file)).toMatchObject({ status: 0, stdout: '- First.\n' })
  })

  it('fails, saying why, for a version with no section or an empty one, and for no version', () => {
    expect(section('1.2.4', file)).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('has no section "## [1.2.4] - YYYY-MM-DD"')
    })
    expect(section('1.2.0', file)).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('the section of 1.2.0 is empty')
    })
    expect(section('1.2', file)).toMatchObject({ status: 2 })
  })
})

describe('CHANGELOG.md', () => {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8')

  it('has an Unreleased section first, and dated versions in Keep a Changelog form', () => {
    const headings = text.split('\n').filter((l) => l.startsWith('## '))
    expect(headings[0]).toBe('## [Unreleased]')
    for (const h of headings.slice(1))
      expect(h).toMatch(/^## \[\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\] - \d{4}-\d{2}-\d{2}$/)
    for (const h of text.split('\n').filter((l) => l.startsWith('### ')))
      expect([
        '### Added',
        '### Changed',
        '### Deprecated',
        '### Removed',
        '### Fixed',
        '### Security'
      ]).toContain(h)
  })

  // 0.x is unreleased: from the first release on, the version in package.json has its notes.
  const { version } = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')
  ) as { version: string }
  ;(version.startsWith('0.') ? it.skip : it)(
    "has a section for package.json's version once that version is released",
    () => {
      expect(section(version, path.join(PROJECT_ROOT, 'CHANGELOG.md')).status).toBe(0)
    }
  )
})
