import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import semver from 'semver'
import ts from 'typescript'
import { VERSION } from '../src/version.js'
import { PROJECT_ROOT } from './helpers/runner.js'
import { removeAll, tempDir } from './helpers/trees.js'

afterAll(removeAll)

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort()
}

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>
  outputs: Record<
    string,
    {
      inputs: Record<string, { bytesInOutput: number }>
      imports: { path: string; kind: string; external?: boolean }[]
    }
  >
}

/** The files a step can load: the entry points of action.yml, verify/, promote/, observe/ and the CLI's bin. */
const ENTRY_FILES = [
  'seal/index.js',
  'verify/index.js',
  'promote/index.js',
  'promote/post.js',
  'observe/index.js',
  'cli/index.js'
]

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
  execFileSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'scripts/package.mjs'), rebuilt, '--metafile', metafilePath],
    { cwd: PROJECT_ROOT }
  )
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

/** The metafile's key for a file of dist/, such as `seal/index.js`. */
function outputOf(name: string): string {
  const key = Object.keys(metafile.outputs).find((k) => k.endsWith(`/${name}`))
  if (key === undefined) throw new Error(`no output ${name}`)
  return key
}

/** The outputs an output imports with the kinds given (the entries name their chunks as external paths). */
function importsOf(output: string, kinds: readonly string[]): string[] {
  return metafile.outputs[output]!.imports.filter((i) => kinds.includes(i.kind))
    .map((i) => (i.external ? path.posix.join(path.posix.dirname(output), i.path) : i.path))
    .filter((p) => p in metafile.outputs)
}

/** Every output `from` loads over the import kinds given, `from` included. */
function loadedFrom(from: string, kinds: readonly string[]): string[] {
  const seen = new Set([from])
  for (const output of seen) for (const next of importsOf(output, kinds)) seen.add(next)
  return [...seen]
}

/** The JavaScript files of a build that none of its entries loads, statically, with import() or with require(). */
function unloadedOutputs(meta: Metafile, entries: readonly string[]): string[] {
  const outputOf = (name: string): string =>
    Object.keys(meta.outputs).find((k) => k === name || k.endsWith(`/${name}`)) ?? name
  const seen = new Set(entries.map(outputOf))
  for (const output of seen) {
    for (const i of meta.outputs[output]?.imports ?? []) {
      const next = i.external ? path.posix.join(path.posix.dirname(output), i.path) : i.path
      if (next in meta.outputs) seen.add(next)
    }
  }
  return Object.keys(meta.outputs).filter((o) => /\.c?js$/.test(o) && !seen.has(o))
}

/** The installed package a bundled input is in: `node_modules/a/node_modules/@s/b`. */
const packageDirOf = (input: string): string | null =>
  /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? null

interface PackageJson {
  readonly name: string
  readonly version: string
  readonly dependencies?: Record<string, string>
  readonly optionalDependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
  readonly devDependencies?: Record<string, string>
}

/**
 * Packages bundled from two directories where one would have done: a copy whose version
 * satisfies what every package importing the other copy asks for (its range in their
 * package.json), as a second copy of one name and version always does. Copies that no
 * one version can serve (minimatch 5, 9 and 10) are needed. `readPackage` reads a
 * package.json by directory, '' for the project's own.
 */
function redundantCopies(meta: Metafile, readPackage: (dir: string) => PackageJson): string[] {
  const bundled = new Set(
    Object.values(meta.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([input]) => input)
    )
  )
  const copies = new Map<
    string,
    Map<string, { version: string; asked: { by: string; range: string }[] }>
  >()
  for (const input of bundled) {
    const dir = packageDirOf(input)
    if (dir === null) continue
    const { name, version } = readPackage(dir)
    const byDir = copies.get(name) ?? new Map()
    if (!byDir.has(dir)) byDir.set(dir, { version, asked: [] })
    copies.set(name, byDir)
  }
  for (const [input, { imports }] of Object.entries(meta.inputs)) {
    const from = packageDirOf(input) ?? ''
    for (const { path: imported } of imports) {
      const to = packageDirOf(imported)
      if (to === null || to === from) continue
      const copy = copies.get(readPackage(to).name)?.get(to)
      if (copy === undefined) continue
      const by = readPackage(from)
      const name = readPackage(to).name
      const range =
        by.dependencies?.[name] ??
        by.optionalDependencies?.[name] ??
        by.peerDependencies?.[name] ??
        by.devDependencies?.[name] ??
        '(undeclared)'
      if (!copy.asked.some((a) => a.by === (from || 'artifact-seal')))
        copy.asked.push({ by: from || 'artifact-seal', range })
    }
  }
  const redundant: string[] = []
  for (const [name, byDir] of copies) {
    for (const [dir, copy] of byDir) {
      const other = [...byDir].find(
        ([d, c]) =>
          d !== dir &&
          copy.asked.every(
            (a) => semver.validRange(a.range) !== null && semver.satisfies(c.version, a.range)
          )
      )
      if (other !== undefined) {
        redundant.push(
          `${name}@${copy.version} in ${dir} (asked for by ${copy.asked.map((a) => `${a.by} ${a.range}`).join(', ')}) could be ${name}@${other[1].version} in ${other[0]}`
        )
      }
    }
  }
  return redundant.sort()
}

const readInstalledPackage = (dir: string): PackageJson =>
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, dir, 'package.json'), 'utf8'))

// traverse's polyfills (scripts/builtin-stand-ins/) and the packages only they bring.
const POLYFILLS_OF_TRAVERSE = [
  'gopd',
  'define-data-property',
  'es-to-primitive',
  'typedarray.prototype.slice',
  'which-typed-array',
  'es-abstract',
  'call-bind',
  'get-intrinsic'
]

const packageOf = (input: string): string | null =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? null

// What an action's start never loads: the clients for workflow artifacts, the cache, the
// GitHub API, the OIDC token and Sigstore, loaded with `await import()` when an input asks.
const LAZY_CLIENTS = [
  '@actions/artifact',
  '@actions/cache',
  '@actions/github',
  '@actions/core',
  'undici',
  '@sigstore/sign',
  '@sigstore/verify',
  '@sigstore/tuf'
]
// A package loaded on first use (scripts/package.mjs: LOADED_ON_FIRST_USE), or a Node
// built-in taken without its ES module facade, is reached through a few lines standing in
// for it in each file that imports it; every stand-in require()s the package's one file or
// the built-in, and require() keeps one instance of each per process.
const isStandIn = (input: string): boolean => /^(first-use|first-use-loader|builtin):/.test(input)

/** The entries of licenses.txt by their `name@version` heading. */
function licenceEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>()
  for (const block of text.split(`\n${'-'.repeat(80)}\n`).slice(1)) {
    const [heading, ...rest] = block.split('\n')
    entries.set(heading as string, rest.join('\n'))
  }
  return entries
}

/** One `import()` of a file of dist/, and the names the code takes from what it loads. */
interface LazyImport {
  readonly from: string
  readonly target: string
  readonly names: readonly string[]
}

/**
 * The names a `const { a, b: c } = …` or `const [{ a }, { b }] = …` binding takes. A rest
 * element takes everything and names nothing this test can check, so it is refused.
 */
function boundNames(pattern: ts.ObjectBindingPattern, where: string): string[] {
  return pattern.elements.map((element) => {
    const key = element.propertyName ?? element.name
    if (element.dotDotDotToken !== undefined || !(ts.isIdentifier(key) || ts.isStringLiteral(key)))
      throw new Error(`${where}: a binding this test cannot read`)
    return key.text
  })
}

/**
 * The property names read from `name` in `scope`, the only use this test accepts for a namespace
 * held in a variable.
 */
function propertiesReadFrom(name: ts.Identifier, scope: ts.Node, where: string): string[] {
  const names: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
      const parent = node.parent
      if (!(ts.isPropertyAccessExpression(parent) && parent.expression === node))
        throw new Error(`${where}: ${name.text} is used otherwise than as ${name.text}.<name>`)
      names.push(parent.name.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(scope)
  return names
}

/**
 * What the code takes from one `import("…")`, in the shapes esbuild writes: destructured
 * from the awaited namespace, read as a property of it, held in a variable and read as
 * properties, or one element of an awaited Promise.all. Any other shape fails the test, so
 * that a new one is taught here rather than passed unchecked.
 */
function namesTaken(call: ts.CallExpression, where: string): string[] {
  const awaited = (node: ts.Node): ts.Node | null =>
    ts.isAwaitExpression(node.parent) ? node.parent.parent : null
  let parent: ts.Node | null = awaited(call)
  if (
    parent !== null &&
    ts.isParenthesizedExpression(parent) &&
    ts.isPropertyAccessExpression(parent.parent) &&
    parent.parent.expression === parent
  )
    return [parent.parent.name.text]
  if (parent !== null && ts.isVariableDeclaration(parent)) {
    if (ts.isObjectBindingPattern(parent.name)) return boundNames(parent.name, where)
    if (ts.isIdentifier(parent.name)) {
      const scope = parent.parent.parent.parent
      return propertiesReadFrom(parent.name, scope, where)
    }
  }
  // const [{ a }, { b }] = await Promise.all([import("./x.js"), import("./y.js")])
  parent = call.parent
  if (
    ts.isArrayLiteralExpression(parent) &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression.getText() === 'Promise.all'
  ) {
    const declaration = awaited(parent.parent)
    if (
      declaration !== null &&
      ts.isVariableDeclaration(declaration) &&
      ts.isArrayBindingPattern(declaration.name)
    ) {
      const element = declaration.name.elements[parent.elements.indexOf(call)]
      if (element === undefined || ts.isOmittedExpression(element)) return []
      if (ts.isObjectBindingPattern(element.name)) return boundNames(element.name, where)
    }
  }
  throw new Error(
    `${where}: an import() whose use this test cannot read; teach namesTaken this shape`
  )
}

/** Every `import("./…")` in the files of `dir`: what each loads, and the names taken from it. */
function lazyImportsIn(dir: string): LazyImport[] {
  const found: LazyImport[] = []
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
    if (!text.includes('import(')) continue
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [specifier] = node.arguments
        // Bare specifiers are packages left external (optional peers a bundled package tries), not files of dist/.
        if (
          specifier !== undefined &&
          ts.isStringLiteral(specifier) &&
          /^\.\.?\//.test(specifier.text)
        ) {
          const where = `dist/${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
          found.push({
            from: where,
            target: path.posix.join(
              path.posix.dirname(file.split(path.sep).join('/')),
              specifier.text
            ),
            names: namesTaken(node, where)
          })
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

/**
 * Loads each file in a fresh Node process, as a step would, and answers the names each exports with
 * a defined value.
 */
function exportsWhenLoaded(dir: string, files: readonly string[]): Record<string, string[]> {
  const script = [
    'const [dir, ...files] = process.argv.slice(1)',
    'const out = {}',
    'for (const file of files) { const ns = await import(new URL(file, `file://${dir}/`).href); out[file] = ' +
      'Object.keys(ns).filter((k) => ns[k] !== undefined) }',
    'process.stdout.write(JSON.stringify(out))'
  ].join('\n')
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script, dir, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
  )
}

/** A package's stand-in: the file it require()s on first use, and the names it reads from it. */
interface FirstUseLoad {
  readonly from: string
  readonly target: string
  readonly names: readonly string[]
}

/** Every stand-in of a package loaded on first use (scripts/package.mjs: loaded-on-first-use) in the files of `dir`. */
function firstUseLoadsIn(dir: string): FirstUseLoad[] {
  const found: FirstUseLoad[] = []
  const standIn =
    /requireBeside\("(\.\.?\/[^"]+)"\)[\s\S]*?for \(const key of (\[[^\]]*\])\) Object\.defineProperty\(firstUse/g
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
    for (const match of text.matchAll(standIn)) {
      found.push({
        from: `dist/${file}`,
        target: path.posix.join(path.posix.dirname(file.split(path.sep).join('/')), match[1]!),
        names: JSON.parse(match[2]!) as string[]
      })
    }
  }
  return found
}

/** The names each CommonJS file of `dir` exports with a value, required as a stand-in requires it. */
function exportsWhenRequired(dir: string, files: readonly string[]): Record<string, string[]> {
  const script = [
    'const [dir, ...files] = process.argv.slice(1)',
    'const out = {}',
    'for (const file of files) { const m = require(require("node:path").join(dir, file)); out[file] = Object.keys(m).filter((k) => ' +
      'm[k] !== undefined) }',
    'process.stdout.write(JSON.stringify(out))'
  ].join('\n')
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, dir, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
  )
}

describe('dist/', () => {
  it('is exactly what npm run package builds from src/', () => {
    const committed = path.join(PROJECT_ROOT, 'dist')
    expect(filesUnder(committed)).toEqual(filesUnder(rebuilt))
    for (const file of filesUnder(rebuilt)) {
      const same = fs
        .readFileSync(path.join(committed, file))
        .equals(fs.readFileSync(path.join(rebuilt, file)))
      if (!same)
        throw new Error(
          `dist/${file} differs from what "npm run package" builds: run it and commit dist/.`
        )
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
      const hasText =
        /^(LICEN[CS]E|COPYING|NOTICE)[^\n]*:\n\n\s*\S/im.test(entry) ||
        /declares the licence \S/.test(entry)
      if (!hasText && !NO_LICENCE_AT_ALL.has(name))
        throw new Error(`dist/licenses.txt has no licence text for ${name}`)
    }
    expect(text).not.toContain(PROJECT_ROOT)
    // Licence comments taken out of the code are kept, under the package they came from.
    expect(entries.get(packages.find((p) => p.startsWith('undici@')) as string)).toContain(
      'ws. MIT License. Einar Otto Stangvik'
    )
  })

  it("loads each entry's static import graph from at most two files, without the clients it loads lazily", () => {
    for (const entry of ENTRY_FILES) {
      const loaded = loadedFrom(outputOf(entry), ['import-statement'])
      expect({ entry, files: loaded.length <= 2 ? 'at most 2' : loaded }).toEqual({
        entry,
        files: 'at most 2'
      })
      const packages = new Set(
        loaded.flatMap((o) => Object.keys(metafile.outputs[o]!.inputs).map(packageOf))
      )
      expect({ entry, clients: LAZY_CLIENTS.filter((p) => packages.has(p)) }).toEqual({
        entry,
        clients: []
      })
    }
  })

  it('ships no file that nothing loads: every chunk is reached from an entry, statically or with import()', () => {
    expect(unloadedOutputs(metafile, ENTRY_FILES)).toEqual([])
  })

  it('sees a chunk nothing loads', () => {
    const meta: Metafile = {
      inputs: {},
      outputs: {
        'out/seal/index.js': {
          inputs: {},
          imports: [{ path: '../chunks/used.js', kind: 'dynamic-import', external: true }]
        },
        'out/chunks/used.js': {
          inputs: {},
          imports: [{ path: 'out/chunks/shared.js', kind: 'import-statement' }]
        },
        'out/chunks/shared.js': { inputs: {}, imports: [] },
        'out/chunks/orphan.js': {
          inputs: {},
          imports: [{ path: 'out/chunks/shared.js', kind: 'import-statement' }]
        }
      }
    }
    expect(unloadedOutputs(meta, ['seal/index.js'])).toEqual(['out/chunks/orphan.js'])
  })

  it('bundles one copy of each package wherever one version would serve every package that imports it', () => {
    expect(redundantCopies(metafile, readInstalledPackage)).toEqual([])
  })

  it('sees a package bundled twice: the same version in two places, or two versions one range covers', () => {
    const packages: Record<string, PackageJson> = {
      '': {
        name: 'artifact-seal',
        version: '0.1.0',
        devDependencies: { a: '^1.0.0', b: '^1.0.0', lib: '~12.32.0' }
      },
      'node_modules/a': {
        name: 'a',
        version: '1.0.0',
        dependencies: { b: '^2.0.0', lib: '~12.31.0' }
      },
      'node_modules/b': { name: 'b', version: '1.0.0', dependencies: { c: '^1.0.0' } },
      'node_modules/a/node_modules/b': {
        name: 'b',
        version: '2.0.0',
        dependencies: { c: '^1.0.0' }
      },
      'node_modules/a/node_modules/c': { name: 'c', version: '1.0.1' },
      'node_modules/b/node_modules/c': { name: 'c', version: '1.0.1' },
      'node_modules/lib': { name: 'lib', version: '12.32.0' },
      'node_modules/a/node_modules/lib': { name: 'lib', version: '12.31.0' }
    }
    const input = (imports: string[]) => ({
      imports: imports.map((p) => ({ path: p, kind: 'require-call' }))
    })
    const meta: Metafile = {
      inputs: {
        'src/x.ts': input([
          'node_modules/a/index.js',
          'node_modules/b/index.js',
          'node_modules/lib/index.js'
        ]),
        'node_modules/a/index.js': input([
          'node_modules/a/node_modules/b/index.js',
          'node_modules/a/node_modules/lib/index.js'
        ]),
        'node_modules/a/node_modules/b/index.js': input(['node_modules/a/node_modules/c/index.js']),
        'node_modules/b/index.js': input(['node_modules/b/node_modules/c/index.js'])
      },
      outputs: {
        'out/x.js': {
          inputs: Object.fromEntries(
            Object.keys(packages)
              .filter(Boolean)
              .map((dir) => [`${dir}/index.js`, { bytesInOutput: 10 }])
          ),
          imports: []
        }
      }
    }
    const found = redundantCopies(meta, (dir) => packages[dir] as PackageJson)
    // b 1.0.0 and 2.0.0 and lib ~12.31 and ~12.32: no one version serves both sides. c: one version twice.
    expect(found).toEqual([
      expect.stringMatching(
        /^c@1\.0\.1 in node_modules\/a\/node_modules\/c .* could be c@1\.0\.1 in node_modules\/b\/node_modules\/c$/
      ),
      expect.stringMatching(
        /^c@1\.0\.1 in node_modules\/b\/node_modules\/c .* could be c@1\.0\.1 in node_modules\/a\/node_modules\/c$/
      )
    ])
    // The project asking for a range the pinned copy also satisfies: the newer copy is one too many.
    const loose = {
      ...packages,
      '': { ...packages[''], devDependencies: { a: '^1.0.0', b: '^1.0.0', lib: '^12.31.0' } }
    } as Record<string, PackageJson>
    expect(redundantCopies(meta, (dir) => loose[dir] as PackageJson)).toContainEqual(
      expect.stringMatching(
        /^lib@12\.32\.0 in node_modules\/lib \(asked for by artifact-seal \^12\.31\.0\) could be lib@12\.31\.0/
      )
    )
  })

  it('holds no JSON Schema compiler: the policy is checked by the few keywords its schema uses', () => {
    const names = new Set(bundledPackages().map((p) => p.slice(0, p.lastIndexOf('@'))))
    expect(['ajv', 'fast-uri', 'json-schema-traverse'].filter((name) => names.has(name))).toEqual(
      []
    )
    const promote = loadedFrom(outputOf('promote/index.js'), ['import-statement'])
    expect(
      promote.some((o) =>
        Object.keys(metafile.outputs[o]!.inputs).some((input) =>
          input.endsWith('src/core/promotion/schema-check.ts')
        )
      )
    ).toBe(true)
  })

  it("bundles built-ins in place of traverse's polyfills, and nothing they pull in", () => {
    const names = new Set(bundledPackages().map((p) => p.slice(0, p.lastIndexOf('@'))))
    expect(names).toContain('traverse')
    expect(POLYFILLS_OF_TRAVERSE.filter((name) => names.has(name))).toEqual([])
  })

  it('gives each of our modules one instance per process: lazy code imports the static graph, never a copy', () => {
    for (const entry of ENTRY_FILES) {
      const where = new Map<string, string[]>()
      for (const output of loadedFrom(outputOf(entry), ['import-statement', 'dynamic-import'])) {
        for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[output]!.inputs)) {
          // A per-entry copy of one of our modules is `src/….ts?<entry>`.
          const module = input.replace(/\?[\w-]+$/, '')
          if (bytesInOutput > 0) where.set(module, [...(where.get(module) ?? []), output])
        }
      }
      const twice = [...where]
        .filter(([, outputs]) => outputs.length > 1)
        .map(([module]) => packageOf(module) ?? module)
      expect({ entry, twice: [...new Set(twice)].filter((m) => !isStandIn(m)) }).toEqual({
        entry,
        twice: []
      })
    }
  })

  it('gives every import() of a lazily loaded file the names the code takes from it, loaded as a step loads it', () => {
    const dist = path.join(PROJECT_ROOT, 'dist')
    const imports = lazyImportsIn(dist)
    // Every chunk an entry loads on demand is reached, so none goes unchecked.
    const chunks = new Set(imports.map((i) => i.target))
    expect(chunks.size).toBeGreaterThan(20)
    const loaded = exportsWhenLoaded(dist, [...chunks].sort())
    const missing = imports.flatMap((i) =>
      i.names
        .filter((name) => !loaded[i.target]?.includes(name))
        .map(
          (name) =>
            `${i.from} takes ${name} from ${i.target}, which exports ${JSON.stringify(loaded[i.target])}`
        )
    )
    expect(missing).toEqual([])
  })

  it('gives every stand-in of a package loaded on first use the names it reads, from a file that loads', () => {
    const dist = path.join(PROJECT_ROOT, 'dist')
    const loads = firstUseLoadsIn(dist)
    // Every package file in dist/chunks is reached by a stand-in, so none goes unchecked.
    const packageFiles = filesUnder(path.join(dist, 'chunks'))
      .filter((f) => f.endsWith('.cjs'))
      .map((f) => `chunks/${f}`)
    expect([...new Set(loads.map((l) => l.target))].sort()).toEqual(packageFiles.sort())
    expect(packageFiles.length).toBeGreaterThanOrEqual(3)
    const loaded = exportsWhenRequired(dist, packageFiles)
    const missing = loads.flatMap((l) =>
      l.names
        .filter((name) => !loaded[l.target]?.includes(name))
        .map(
          (name) =>
            `${l.from} reads ${name} from ${l.target}, which exports ${JSON.stringify(loaded[l.target])}`
        )
    )
    expect(missing).toEqual([])
  })

  it(
    'sees a name a lazily loaded file lacks: a CommonJS chunk split with only a default export, as esbuild ' +
      'made @sigstore/tuf',
    () => {
      const dir = tempDir('lazy-')
      fs.mkdirSync(path.join(dir, 'chunks'))
      fs.writeFileSync(
        path.join(dir, 'chunks/trusted-root.js'),
        'export async function load() {\n  const { getTrustedRoot } = await import("./dist.js");\n  return ' +
          'getTrustedRoot\n}\n'
      )
      fs.writeFileSync(
        path.join(dir, 'chunks/dist.js'),
        'var require_dist = () => ({ getTrustedRoot() {} });\nexport default require_dist();\n'
      )
      const imports = lazyImportsIn(dir)
      expect(imports).toEqual([
        {
          from: 'dist/chunks/trusted-root.js:2',
          target: 'chunks/dist.js',
          names: ['getTrustedRoot']
        }
      ])
      expect(exportsWhenLoaded(dir, ['chunks/dist.js'])).toEqual({ 'chunks/dist.js': ['default'] })
    }
  )

  it('is tested on the Node major the actions run on (runs.using: node24)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
  })

  it('carries the version package.json declares', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
    expect(VERSION).toBe(pkg.version)
  })
})
