import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { sourceFiles } from './helpers/source-files.js'

/**
 * docs/architecture.md's folder map is where a newcomer finds their way: every folder and file
 * of src/ named with what it does. These tests read the map as a tree (indentation gives the
 * folder; names are read in the name column and in the descriptions beside it) and hold it to
 * the files there are.
 */

const DOC = fs.readFileSync(path.resolve('docs/architecture.md'), 'utf8')
/** Where descriptions start: a line indented this far continues the entry above it. */
const DESCRIPTION_COLUMN = 28
const TOP_FOLDERS = /^(core|http|stores|attestation|app|report|actions|cli)\//
const FILE_NAME = /[\w.-]+(?:\/[\w.-]+)*\.ts\b/g

interface MapEntry {
  /** The folder (relative to src/, ending in `/`) a line's names are in. */
  readonly folder: string
  /** Names in the name column, as written. */
  readonly listed: readonly string[]
  readonly text: string
}

/** The lines of the map's src/ part, each with the folder it is about. */
function mapOfSrc(): MapEntry[] {
  const block = /```\n(action\.yml[\s\S]*?)```/.exec(DOC)?.[1]
  if (block === undefined)
    throw new Error('docs/architecture.md has no folder map starting at action.yml')
  const lines = block.split('\n')
  const start = lines.findIndex((l) => /^src\/(\s|$)/.test(l))
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l))
  const entries: MapEntry[] = []
  const stack: { indent: number; folder: string }[] = [{ indent: 0, folder: '' }]
  let folder = ''
  for (const line of lines.slice(start + 1, end)) {
    const indent = line.length - line.trimStart().length
    const nameColumn = line.trimStart().split(/\s{2,}/)[0] ?? ''
    let listed: string[] = []
    if (indent < DESCRIPTION_COLUMN && nameColumn !== '') {
      while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop()
      const parent = stack.at(-1)?.folder ?? ''
      if (/^[\w.-]+\/$/.test(nameColumn)) {
        folder = `${parent}${nameColumn}`
        stack.push({ indent, folder })
      } else {
        folder = parent
        listed = nameColumn.split(/,\s*/).filter((n) => n.endsWith('.ts'))
      }
    }
    entries.push({ folder, listed, text: line })
  }
  return entries
}

/** Every file the map names: in the name column, or in a description, relative to its folder or to src/. */
function namedFiles(): Set<string> {
  const named = new Set<string>()
  for (const entry of mapOfSrc()) {
    for (const name of entry.text.match(FILE_NAME) ?? []) {
      named.add(path.posix.join(entry.folder, name))
      if (TOP_FOLDERS.test(name)) named.add(name)
    }
  }
  return named
}

describe("docs/architecture.md's folder map", () => {
  it('names every file of src/ with what it does', () => {
    const named = namedFiles()
    expect(sourceFiles().filter((file) => !named.has(file))).toEqual([])
  })

  it('names every folder of src/', () => {
    const folders = new Set(mapOfSrc().map((e) => e.folder))
    const missing = [...new Set(sourceFiles().map((f) => `${path.posix.dirname(f)}/`))]
      .filter((dir) => dir !== './')
      .filter((dir) => !folders.has(dir))
    expect(missing).toEqual([])
  })

  it('says what every folder is for, on its own line', () => {
    const bare = mapOfSrc()
      .filter((e) => /^\s*[\w.-]+\/\s*$/.test(e.text))
      .map((e) => e.folder)
    expect(bare).toEqual([])
  })

  it('lists no file in its name column that is not there', () => {
    const files = new Set(sourceFiles())
    const stale = mapOfSrc().flatMap((e) =>
      e.listed.map((name) => path.posix.join(e.folder, name)).filter((file) => !files.has(file))
    )
    expect(stale).toEqual([])
  })
})

// ---- what each folder may import, against .dependency-cruiser.mjs -------------------------------

const LAYERS = ['core', 'http', 'stores', 'attestation', 'app', 'report', 'actions', 'cli'] as const

interface Condition {
  readonly path?: string | readonly string[]
  readonly pathNot?: string | readonly string[]
}

const LINT_CONFIG = pathToFileURL(path.resolve('.dependency-cruiser.mjs')).href
const rules = (
  (await import(LINT_CONFIG)) as {
    default: { forbidden: readonly { from: Condition; to: Condition & Record<string, unknown> }[] }
  }
).default

const matches = (condition: Condition, file: string): boolean => {
  const any = (p: string | readonly string[] | undefined): boolean =>
    p !== undefined && [p].flat().some((pattern) => new RegExp(pattern).test(file))
  return (condition.path === undefined || any(condition.path)) && !any(condition.pathNot)
}

/** The layers a module directly in `from` may import, as the lint's rules decide (itself left out). */
function allowedByLint(from: string): string[] {
  // The rules about folders; no-circular is about cycles, whichever folders they pass through.
  const forbidden = rules.forbidden.filter((rule) =>
    Object.keys(rule.to).every((key) => key === 'path' || key === 'pathNot')
  )
  return LAYERS.filter((to) => to !== from).filter(
    (to) =>
      !forbidden.some(
        (rule) => matches(rule.from, `src/${from}/a.ts`) && matches(rule.to, `src/${to}/b.ts`)
      )
  )
}

/** The table's rows: the layers in the first cell, and those its "may import" cell names. */
function tableRows(): { layers: string[]; mayImport: string[] }[] {
  const names = (cell: string): string[] =>
    [...cell.matchAll(/`([a-z]+)\/(?:<[^>]+>\/)?`/g)]
      .map((m) => m[1] as string)
      .filter((name) => (LAYERS as readonly string[]).includes(name))
  return DOC.split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | '))
    .filter((cells) => cells.length === 3)
    .map(([first = '', , last = '']) => ({ layers: names(first), mayImport: names(last) }))
    .filter((row) => row.layers.length > 0)
}

describe("docs/architecture.md's table of what each folder may import", () => {
  it('says for every layer what the lint allows it, no more and no less', () => {
    const rows = tableRows()
    expect(rows.flatMap((r) => r.layers).sort()).toEqual([...LAYERS].sort())
    for (const row of rows) {
      for (const layer of row.layers) {
        const said = [...new Set(row.mayImport.filter((l) => l !== layer))].sort()
        expect({ layer, mayImport: said }).toEqual({
          layer,
          mayImport: allowedByLint(layer).sort()
        })
      }
    }
  })
})
