#!/usr/bin/env node
// node scripts/changelog-section.mjs <version> [CHANGELOG.md]
//
// Prints the body of the CHANGELOG.md section for <version> (`## [1.2.3] - 2026-11-30`,
// Keep a Changelog 1.1.0), without its heading and without the link references at the
// end of the file: the release notes of that version. Exits 1, saying why, when there is
// no such section or it is empty, so a release is never cut without its notes.
import * as fs from 'node:fs'

/** The section of `version` in a Keep a Changelog document, or null when there is none. */
export function changelogSection(text, version) {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const heading = new RegExp(
    `^## \\[?v?${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]?(?:\\s|$)`
  )
  const start = lines.findIndex((l) => heading.test(l))
  if (start === -1) return null
  const rest = lines.slice(start + 1)
  // The section ends at the next version heading, or at the link references of the file's end.
  const end = rest.findIndex((l) => /^## /.test(l) || /^\[[^\]]+\]:\s/.test(l))
  const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
  return body
}

if (
  process.argv[1] &&
  fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)
) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version || !/^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    console.error('usage: node scripts/changelog-section.mjs <version, e.g. 1.2.3> [CHANGELOG.md]')
    process.exit(2)
  }
  const wanted = version.replace(/^v/, '')
  const body = changelogSection(fs.readFileSync(file, 'utf8'), wanted)
  if (body === null) {
    console.error(
      `${file} has no section "## [${wanted}] - YYYY-MM-DD". Move the Unreleased entries under it ` +
        '(CONTRIBUTING.md, "Cut a release").'
    )
    process.exit(1)
  }
  if (body === '') {
    console.error(`${file}: the section of ${wanted} is empty. Write what changed before tagging.`)
    process.exit(1)
  }
  process.stdout.write(`${body}\n`)
}
