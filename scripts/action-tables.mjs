#!/usr/bin/env node
// node scripts/action-tables.mjs [--write]
//
// The README's input and output tables, generated from action.yml, verify/action.yml and
// promote/action.yml, so the tables say what the metadata says. Each table sits between
// `<!-- action-tables: <action> inputs -->` and `<!-- /action-tables -->` (or outputs).
// Without --write it prints the README as it should be; with --write it rewrites it.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'

export const ACTIONS = {
  seal: 'action.yml',
  verify: 'verify/action.yml',
  promote: 'promote/action.yml'
}

/** A table cell: one line, pipes escaped. */
function cell(text) {
  return String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

function defaultOf(value) {
  if (value === undefined || value === '') return ''
  return `\`${cell(value)}\``
}

/** The markdown table of one action's inputs or outputs. */
export function actionTable(root, action, kind) {
  const metadata = parse(fs.readFileSync(path.join(root, ACTIONS[action]), 'utf8'))
  const entries = Object.entries(metadata[kind] ?? {})
  if (kind === 'inputs') {
    return [
      '| input | default | description |',
      '| --- | --- | --- |',
      ...entries.map(
        ([name, spec]) =>
          `| \`${name}\`${spec.required ? ' (required)' : ''} | ${defaultOf(spec.default)} | ${cell(spec.description)} |`
      )
    ].join('\n')
  }
  return [
    '| output | description |',
    '| --- | --- |',
    ...entries.map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  ].join('\n')
}

const MARKER =
  /<!-- action-tables: (seal|verify|promote) (inputs|outputs) -->\n[\s\S]*?<!-- \/action-tables -->/g

/** The README with every marked table generated again. */
export function withActionTables(root, readme) {
  return readme.replace(
    MARKER,
    (_, action, kind) =>
      `<!-- action-tables: ${action} ${kind} -->\n${actionTable(root, action, kind)}\n<!-- /action-tables -->`
  )
}

if (
  process.argv[1] &&
  fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)
) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
  const file = path.join(root, 'README.md')
  const next = withActionTables(root, fs.readFileSync(file, 'utf8'))
  if (process.argv.includes('--write')) fs.writeFileSync(file, next)
  else process.stdout.write(next)
}
