import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PROJECT_ROOT } from '../helpers/runner.js'

type Functions = Map<string, { start: number; eager: boolean }>
interface EagerCompile {
  compileEagerly(text: string, names: string[]): string
  topLevelFunctions(text: string): Functions
}

const { compileEagerly, topLevelFunctions } = (await import(
  pathToFileURL(path.join(PROJECT_ROOT, 'scripts', 'eager-compile.mjs')).href
)) as EagerCompile

/** What the module prints when Node runs it as an ES module. */
function runModule(text: string): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', text], {
    encoding: 'utf8'
  })
  expect(result.stderr).toBe('')
  return result.stdout
}

// A bundle as esbuild writes it: the require line, module markers, doc comments, a call
// at the top level to a function declared further down, a recursive one, an async one.
const BUNDLE = [
  "const require = globalThis.process.getBuiltinModule ?? (await import('node:module')).createRequire(import.meta.url);",
  "import { sep } from 'node:path';",
  '',
  '// src/a.ts',
  'const early = later(2);',
  '/** Twice the value. */',
  'function later(n) {',
  '  return n * 2;',
  '}',
  'function untouched() {',
  "  return 'lazy';",
  '}',
  '',
  '// src/b.ts',
  'function factorial(n) {',
  '  return n <= 1 ? 1 : n * factorial(n - 1);',
  '}',
  'async function waited() {',
  '  return typeof sep;',
  '}',
  'console.log(JSON.stringify([early, factorial(5), untouched(), await waited()]));',
  'export { later as m1$later };',
  ''
].join('\n')

describe('compileEagerly', () => {
  it('rewrites exactly the named declarations as parenthesized expressions, and the module runs the same', () => {
    const eager = compileEagerly(BUNDLE, ['later', 'factorial', 'waited', 'gone'])
    expect(runModule(eager)).toBe(runModule(BUNDLE))
    expect(eager).toContain('var later = (function later(n) {')
    expect(eager).toContain('var factorial = (function factorial(n) {')
    expect(eager).toContain('var waited = (async function waited() {')
    expect(eager).toContain('\nfunction untouched() {')
    expect(eager).not.toMatch(/^function (later|factorial)\(/m)
    expect(
      [...topLevelFunctions(eager)].map(([name, { eager: isEager }]) => [name, isEager])
    ).toEqual([
      ['later', true],
      ['factorial', true],
      ['waited', true],
      ['untouched', false]
    ])
  })

  it('moves them above every other statement, each under its module line with its doc comment', () => {
    const eager = compileEagerly(BUNDLE, ['later', 'waited'])
    const lines = eager.split('\n')
    expect(lines[0]).toMatch(/^const require = /)
    expect(lines[1]).toBe("import { sep } from 'node:path';")
    const block = eager.slice(0, eager.indexOf('const early'))
    expect(block).toContain('// src/a.ts\n/** Twice the value. */\nvar later = (function later(n)')
    expect(block).toContain('// src/b.ts\nvar waited = (async function waited()')
    // The doc comment moved with its function, once.
    expect(eager.split('/** Twice the value. */')).toHaveLength(2)
  })

  it('keeps a #! line and a directive prologue first, and never swallows the line after', () => {
    const script = [
      '#!/usr/bin/env node',
      '"use strict";',
      'var greeting = "hi";',
      'function f() { return greeting }',
      'console.log(f())',
      ''
    ].join('\n')
    const eager = compileEagerly(script, ['f'])
    expect(eager.split('\n').slice(0, 3)).toEqual([
      '#!/usr/bin/env node',
      '"use strict";',
      '// Compiled as the file loads: the functions a plain step calls (scripts/eager-compile.mjs).'
    ])
    expect(runModule(eager.replace(/^#!.*\n/, ''))).toBe('hi\n')
    const bare = 'var greeting = "hi";\nfunction f() { return greeting }\nconsole.log(f())\n'
    expect(runModule(compileEagerly(bare, ['f']))).toBe('hi\n')
  })

  it('leaves a function the file assigns to as a declaration', () => {
    const script = [
      'function lazy() { const v = 42; lazy = () => v; return v }',
      'function counted() { return 1 }',
      'counted++',
      'console.log(lazy(), lazy(), typeof counted)',
      ''
    ].join('\n')
    const eager = compileEagerly(script, ['lazy', 'counted'])
    expect(eager).toBe(script)
    expect(runModule(eager)).toBe('42 42 number\n')
  })

  it('refuses a file that imports more than built-ins, which a module in a cycle could call into early', () => {
    expect(() =>
      compileEagerly("import { x } from './chunk.js';\nfunction f() { return x }\n", ['f'])
    ).toThrow(/imports \.\/chunk\.js cannot have its functions compiled as it loads/)
  })

  it('leaves a file with no names as it is', () => {
    expect(compileEagerly(BUNDLE, [])).toBe(BUNDLE)
  })

  it('is its own fixed point: the functions of a rewritten file are found as eager, at the offset V8 reports', () => {
    const eager = compileEagerly(BUNDLE, ['later'])
    const { start } = topLevelFunctions(eager).get('later')!
    expect(eager.slice(start, start + 'function later'.length)).toBe('function later')
    expect(compileEagerly(eager, ['later'])).toBe(eager)
  })
})

describe('scripts/startup-functions.json', () => {
  const list = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'scripts', 'startup-functions.json'), 'utf8')
  ) as Record<string, string[]>

  it.each(Object.keys(list))(
    '%s: every function it names is compiled as dist/ loads it (else run npm run record-startup)',
    (file) => {
      const functions = topLevelFunctions(
        fs.readFileSync(path.join(PROJECT_ROOT, 'dist', file), 'utf8')
      )
      const notEager = list[file]!.filter((name) => functions.get(name)?.eager !== true)
      expect(notEager).toEqual([])
      expect(list[file]!.length).toBeGreaterThan(0)
    }
  )
})
