// Bundles every entry point into dist/, and writes dist/licenses.txt for the packages
// bundled in them. The output depends only on src/ and the lockfile, so CI can check that
// the committed dist/ is exactly what this script builds.
//
// The layout follows what a step pays for before it does anything: each ES module file a
// process loads costs a resolve, a read and a compile, and each `await import()` more, so
//
//   dist/seal/index.js     an entry's whole static import graph, in one file; or, when code
//   dist/seal/index-core.js  it loads lazily needs modules of that graph, the graph in a
//                          core file beside it and the entry a few lines that import it.
//                          The lazy code imports those modules from the core (through
//                          "stand-ins" below), never a copy: a module has one instance per
//                          process (SealError's class, runner-io's state).
//   dist/chunks/           everything an entry loads with `await import()`: the clients for
//                          workflow artifacts, the cache, the GitHub API and Sigstore, the
//                          contract engines, the CLI's commands. Built once for all entries
//                          and split into shared chunks; an own module whose imports lead
//                          to an entry's core is built once for each such entry, as
//                          `src/….ts?<entry>`.
//
// One esbuild build cannot lay it out so: with code splitting, it puts the code an entry
// shares with its dynamic imports into shared chunks (the seal's static graph was 22 files);
// without, it inlines the lazy code too. So: the import graph, then the chunks (one build,
// split), then each entry (one build each, not split), with plugins that say which module
// an import gets.
//
// node scripts/package.mjs [outdir] [--metafile <file>]: the metafile (which input went
// into which output) is for the dist test, and stays out of dist/.
import { build as esbuild } from 'esbuild'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { compileEagerly } from './eager-compile.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)
const metafileAt = args.indexOf('--metafile')
const metafileOut = metafileAt === -1 ? null : path.resolve(args.splice(metafileAt, 2)[1])
const outdir = args[0] ? path.resolve(args[0]) : path.join(root, 'dist')

export const ENTRY_POINTS = {
  'seal/index': 'src/actions/seal/index.ts',
  'verify/index': 'src/actions/verify/index.ts',
  'promote/index': 'src/actions/promote/index.ts',
  'promote/post': 'src/actions/promote/post-index.ts',
  'observe/index': 'src/actions/observe/index.ts',
  'cli/index': 'src/cli/index.ts'
}

// Bundled CommonJS dependencies call require(), for Node's built-in modules only (esbuild
// bundles every other package), and ESM output needs one in scope. process.getBuiltinModule
// is that require without loading node:module, as createRequire() does (about a
// millisecond at start); Node 22.0 to 22.2, where the CLI also runs, lack it.
const REQUIRE_BANNER =
  "const require = globalThis.process.getBuiltinModule ?? (await import('node:module')).createRequire(import.meta.url);"

// Packages that the entries' static graphs import but a plain step never calls: picomatch
// (resolve-files.ts calls it only for a pattern with glob characters in it), js-yaml (for a
// contract written in YAML), yaml (for a promotion policy that is not plain YAML, or has a
// mistake to point at). Each is bundled alone into a CommonJS file of dist/chunks/, and our
// code gets, instead of the package, its exports as properties (or, for a package that is
// a function, a function) that require() that file on the first call or read. Even unused,
// a package in an entry's file costs the time to compile its text: yaml's 0.26 MB 4 ms
// of every promote. The names are read from the installed package here, so that a new
// version's are not missed.
const LOADED_ON_FIRST_USE = new Set(['picomatch', 'js-yaml', 'yaml'])

// The top-level functions the plain steps call as they start, by file of dist/: compiled as
// the file loads (scripts/eager-compile.mjs).
const STARTUP_FUNCTIONS = JSON.parse(
  readFileSync(path.join(root, 'scripts', 'startup-functions.json'), 'utf8')
)

// What a licence or notice file is called in a package: LICENSE, LICENCE.md, COPYING, NOTICE.txt, LICENSE-MIT…
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i
const RULE = '-'.repeat(80)

/**
 * esbuild's build, a warning taken as an error: an import a module of ours does not export (a
 * built-in's name not taken over below) would otherwise be undefined at run time.
 */
async function build(options) {
  const result = await esbuild(options)
  if (result.warnings.length > 0)
    throw new Error(
      `esbuild warned: ${result.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`).join('; ')}`
    )
  return result
}

const OPTIONS = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  // The actions run on node24, the CLI also on Node 22 (src/cli/node-version.ts): syntax
  // newer than Node 22 is lowered, so no chunk fails to parse there.
  target: 'node22',
  format: 'esm',
  sourcemap: false,
  // Licence comments (/*! … */, @license, @preserve) are taken out of the code, not
  // dropped: 'external' hands them over as one .LEGAL.txt per chunk, and they go into
  // dist/licenses.txt under the package they came from. Some name code a package copied
  // from elsewhere (undici carries ws and formdata-polyfill), which its LICENSE file does
  // not cover. 'inline' would repeat them in every chunk that bundles the file; 'none'
  // alone would lose them.
  legalComments: 'external',
  metafile: true,
  write: false,
  logLevel: 'warning',
  // Given rather than found: esbuild applies a tsconfig.json only to the files it reads
  // itself, not to the per-entry copies the chunks' plugin reads.
  tsconfigRaw: {
    compilerOptions: JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'))
      .compilerOptions
  }
}

const isOwn = (input) => input.startsWith('src/')
const requireFromRoot = createRequire(path.join(root, 'package.json'))
const absolute = (input) => path.resolve(root, input)
const relative = (file) => path.relative(root, file).split(path.sep).join('/')

// ---------------------------------------------------------------------------
// Packages as they are bundled: one copy of each, built-ins instead of polyfills.

const lockedPackages = JSON.parse(
  readFileSync(path.join(root, 'package-lock.json'), 'utf8')
).packages

/** The installed package a module's path is in, as the lockfile names it: `node_modules/a/node_modules/@s/b`. */
function packageDirOf(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
  return match ? match[1] : null
}

/** A package's name: the lockfile gives it only for an alias (`npm:name@version`), else its directory does. */
const packageNameOf = (dir) => lockedPackages[dir]?.name ?? dir.replace(/^.*node_modules\//, '')

/** The package whose node_modules holds `dir`; '' for the project's own. */
const parentPackageOf = (dir) => dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))

/** Where `name` is found from the package at `dir`, as Node looks: in its node_modules, then in each parent's. */
function installedFrom(dir, name) {
  for (let at = dir; ; at = parentPackageOf(at)) {
    const candidate = at === '' ? `node_modules/${name}` : `${at}/node_modules/${name}`
    if (lockedPackages[candidate]) return candidate
    if (at === '') return null
  }
}

/**
 * npm installs one name and version twice when its dependents cannot share a directory
 * (glob and readdir-glob each get their own brace-expansion 2.1.8 beside a newer one at the
 * top). esbuild bundles by path, so each copy would be bundled. Two copies are the same
 * code when their name, version and what each of their dependencies resolves to (the
 * same, recursively) are; such an import is bundled from one of them, the one nearest the
 * top.
 */
const sameCopy = (() => {
  const identities = new Map()
  const identityOf = (dir, visiting = new Set()) => {
    if (identities.has(dir)) return identities.get(dir)
    const entry = lockedPackages[dir]
    const own = `${packageNameOf(dir)}@${entry.version}`
    if (visiting.has(dir)) return `${own}(cycle)`
    visiting.add(dir)
    const dependencies = Object.keys({
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies
    }).sort()
    const identity = `${own}{${dependencies
      .map((name) => {
        const found = installedFrom(dir, name)
        return `${name}=${found === null ? 'missing' : identityOf(found, visiting)}`
      })
      .join(',')}}`
    visiting.delete(dir)
    identities.set(dir, identity)
    return identity
  }
  const byIdentity = new Map()
  for (const dir of Object.keys(lockedPackages)) {
    if (!dir.startsWith('node_modules/') || lockedPackages[dir].link) continue
    const identity = identityOf(dir)
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), dir])
  }
  const nearestTop = (a, b) =>
    a.split('/node_modules/').length - b.split('/node_modules/').length || (a < b ? -1 : 1)
  const redirects = new Map()
  for (const dirs of byIdentity.values()) {
    const [first, ...others] = dirs.sort(nearestTop)
    for (const other of others) redirects.set(other, first)
  }
  return redirects
})()

// The polyfills traverse requires (through @actions/artifact → unzip-stream → binary →
// chainsaw), each a built-in on every Node the bundle runs on; with them go the 67 packages
// they pull in. scripts/builtin-stand-ins/ says more; a test holds each against its package.
const STAND_INS = {
  traverse: {
    gopd: 'gopd.cjs',
    'define-data-property': 'define-data-property.cjs',
    'es-to-primitive/es2015': 'es-to-primitive-es2015.cjs',
    'typedarray.prototype.slice': 'typedarray.prototype.slice.cjs',
    'which-typed-array': 'which-typed-array.cjs'
  }
}

// The promotion policy's schema, published for editors (yaml-language-server) and
// SchemaStore; written with the repository's dist/ only, never by a build into another
// directory.
if (!args[0]) {
  const schemaModule = await build({
    ...OPTIONS,
    entryPoints: ['src/core/promotion/policy-schema.ts'],
    metafile: false,
    legalComments: 'none'
  })
  const { POLICY_SCHEMA } = await import(
    `data:text/javascript;base64,${Buffer.from(schemaModule.outputFiles[0].text).toString('base64')}`
  )
  mkdirSync(path.join(root, 'schemas'), { recursive: true })
  writeFileSync(
    path.join(root, 'schemas', 'promotion.schema.json'),
    `${JSON.stringify(POLICY_SCHEMA, null, 2)}\n`
  )
}

// Node makes an ES module of a built-in by reading every export it has, getters included:
// `import * as fs from 'node:fs'` loads the file streams, fs/promises and, through it,
// readline; `node:crypto` loads the Web Crypto API. About 3 ms of the start of every step,
// which uses none of them; `node:http` loads undici (Node's fetch, about 40 ms) for its
// WebSocket and EventSource getters. So our modules get these built-ins from a module of the bundle:
// the built-in taken with require(), its plain properties exported as they are, and
// fs.promises as an object whose properties read fs.promises when used. The built-ins a
// step imports but seldom calls (worker threads for a tree, stream and file promises for
// a large file or a download, child processes for a registry's credential helper) load on
// the first call of what is imported from them.
const WITHOUT_FACADE = new Set([
  'node:buffer',
  'node:crypto',
  'node:fs',
  'node:http',
  'node:os',
  'node:path',
  'node:url'
])
const ON_FIRST_CALL = new Set([
  'node:child_process',
  'node:worker_threads',
  'node:stream/promises',
  'node:fs/promises'
])
const builtinExports = (id) =>
  Object.entries(Object.getOwnPropertyDescriptors(requireFromRoot(id))).filter(
    ([name]) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default'
  )

function builtinModule(id) {
  const exported = builtinExports(id)
  if (WITHOUT_FACADE.has(id)) {
    const plain = exported.filter(([, d]) => !d.get).map(([name]) => name)
    const lines = [
      `const builtin = require(${JSON.stringify(id)})`,
      'export default builtin',
      `export const { ${plain.join(', ')} } = builtin`
    ]
    if (id === 'node:fs') {
      lines.push(
        'export const promises = {}',
        `for (const key of ${JSON.stringify(Object.keys(requireFromRoot('node:fs').promises))}) ` +
          'Object.defineProperty(promises, key, { get: () => builtin.promises[key], ' +
          'enumerable: true })'
      )
    }
    return lines.join('\n')
  }
  const functions = exported.filter(([, d]) => typeof d.value === 'function').map(([name]) => name)
  return [
    'let loaded',
    `const builtin = () => (loaded ??= require(${JSON.stringify(id)}))`,
    ...functions.map(
      (name) =>
        `export function ${name}(...args) { return new.target === undefined ? builtin().${name}.apply(this, ` +
        `args) : Reflect.construct(builtin().${name}, args) }`
    )
  ].join('\n')
}

const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      (WITHOUT_FACADE.has(args.path) || ON_FIRST_CALL.has(args.path)) &&
      args.namespace === 'file' &&
      isOwn(relative(args.importer))
        ? { path: args.path, namespace: 'builtin' }
        : undefined
    )
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: builtinModule(args.path),
      loader: 'js'
    }))
  }
}

// Node warns of \`new Buffer()\` (DEP0005) only when the call comes from outside node_modules,
// and a bundle is outside it: unzip-stream, buffers and tunnel, which a download of a workflow
// artifact runs, would print the warning on every download. Their calls become the
// allocation they meant: a zeroed buffer of a length, or a copy of what they were given.
const LEGACY_BUFFER =
  'var __legacyBuffer = (value, encodingOrOffset, length) => typeof value === "number" ? Buffer.alloc(value) : ' +
  'Buffer.from(value, encodingOrOffset, length);\n'
const legacyBufferCalls = {
  name: 'legacy-buffer-calls',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!/\bnew Buffer\(/.test(text)) return undefined
      return {
        contents: LEGACY_BUFFER + text.replace(/\bnew Buffer\(/g, '__legacyBuffer('),
        loader: 'js',
        resolveDir: path.dirname(args.path)
      }
    })
  }
}

const packagesAsBundled = {
  name: 'packages-as-bundled',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (
        args.pluginData?.packagesAsBundled ||
        (args.kind !== 'import-statement' && args.kind !== 'require-call')
      )
        return undefined
      const importerDir = args.namespace === 'file' ? packageDirOf(relative(args.importer)) : null
      if (importerDir === null) return undefined
      const standIn = STAND_INS[packageNameOf(importerDir)]?.[args.path]
      if (standIn !== undefined)
        return { path: path.join(root, 'scripts', 'builtin-stand-ins', standIn) }
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        namespace: 'file',
        pluginData: { packagesAsBundled: true, asIs: true }
      })
      if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== 'file')
        return undefined
      const dir = packageDirOf(relative(resolved.path))
      const copy = dir === null ? undefined : sameCopy.get(dir)
      if (copy === undefined) return undefined
      return {
        path: absolute(copy + relative(resolved.path).slice(dir.length)),
        sideEffects: resolved.sideEffects
      }
    })
  }
}

// ---------------------------------------------------------------------------
// Step 1: the import graph, as esbuild resolves it: the metafile's inputs, by path
// relative to the project; own modules are those under src/.

const graph = (
  await build({
    ...OPTIONS,
    entryPoints: ENTRY_POINTS,
    splitting: true,
    outdir,
    legalComments: 'none',
    plugins: [legacyBufferCalls, packagesAsBundled]
  })
).metafile.inputs
const importsOf = (input) => (graph[input]?.imports ?? []).filter((i) => !i.external)
const importsFrom = (modules, accept) =>
  new Set(
    [...modules].flatMap((m) =>
      importsOf(m)
        .filter(accept)
        .map((i) => i.path)
    )
  )

/** What `from` reaches over the imports `follow` accepts, `from` itself excluded, never entering `stop`. */
function reach(from, follow, stop = new Set()) {
  const seen = new Set()
  const queue = [...from]
  while (queue.length > 0) {
    for (const i of importsOf(queue.pop())) {
      if (seen.has(i.path) || stop.has(i.path) || !follow(i)) continue
      seen.add(i.path)
      queue.push(i.path)
    }
  }
  return seen
}

const entries = Object.entries(ENTRY_POINTS).map(([name, source]) => {
  const tag = name.replace('/index', '').replace('/', '-')
  // The static graph: our modules that loading the entry loads (the npm packages they
  // import are bundled with them, as they come).
  const staticGraph = reach([source], (i) => i.kind === 'import-statement' && isOwn(i.path))
  const lazyRoots = importsFrom(
    [source, ...staticGraph],
    (i) => i.kind === 'dynamic-import' && !staticGraph.has(i.path)
  )
  const lazy = new Set([...lazyRoots, ...reach(lazyRoots, () => true, staticGraph)])
  // A lazily loaded module of ours is copied for this entry when its imports lead to the
  // static graph; the others are the same whichever entry loads them.
  const copied = new Set(
    [...lazy].filter((m) => isOwn(m) && importsOf(m).some((i) => staticGraph.has(i.path)))
  )
  for (let grew = true; grew;) {
    grew = false
    for (const m of lazy) {
      if (isOwn(m) && !copied.has(m) && importsOf(m).some((i) => copied.has(i.path)))
        grew = Boolean(copied.add(m))
    }
  }
  // The static modules the lazy code imports. With none, the entry is its static graph.
  const sharedWithLazy = importsFrom(copied, (i) => staticGraph.has(i.path))
  const [dir, base] = name.split('/')
  const core =
    sharedWithLazy.size > 0
      ? {
          name: `${dir}/${base}-core`,
          shared: new Set([
            ...sharedWithLazy,
            ...importsFrom([source], (i) => staticGraph.has(i.path))
          ])
        }
      : null
  return { name, source, tag, staticGraph, lazyRoots, copied, core }
})

// What each module a core shares exports: the core exports it as `m<n>$<name>`, unique in
// the core, and the stand-ins map the names back.
const sharedModules = [...new Set(entries.flatMap((e) => [...(e.core?.shared ?? [])]))].sort()
const exportsOf = new Map()
if (sharedModules.length > 0) {
  const listed = await build({
    ...OPTIONS,
    entryPoints: sharedModules,
    bundle: false,
    outdir,
    outbase: root,
    legalComments: 'none'
  })
  for (const output of Object.values(listed.metafile.outputs))
    exportsOf.set(output.entryPoint, output.exports)
}
const coreName = (module, name) => `m${sharedModules.indexOf(module)}$${name}`

/** The core's own module: every export of every module it shares, under its core name. */
const coreModule = (entry) =>
  [...entry.core.shared]
    .sort()
    .map(
      (m) =>
        `export { ${exportsOf
          .get(m)
          .map((n) => `${n} as ${coreName(m, n)}`)
          .join(', ')} } from ${JSON.stringify(`./${m}`)}\n`
    )
    .join('')

/** A module of the static graph, seen from outside the core: its exports, from the core. */
const standIn = (module, core) =>
  `export { ${exportsOf
    .get(module)
    .map((n) => `${coreName(module, n)} as ${n}`)
    .join(', ')} } from ${JSON.stringify(core)}\n`

/** How esbuild would resolve an import without these plugins. */
async function resolveAsIs(pluginBuild, args, specifier = args.path) {
  const resolved = await pluginBuild.resolve(specifier, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    namespace: 'file',
    pluginData: { asIs: true }
  })
  if (resolved.errors.length > 0) return null
  const { path, external, namespace, sideEffects, suffix } = resolved
  return { path, external, namespace, sideEffects, suffix }
}

// A CommonJS package loaded with `await import()` (@sigstore/tuf): split, esbuild makes its
// chunk export one name, `default` (esbuild issues #3245 and #4377), so `const {
// getTrustedRoot } = await import('@sigstore/tuf')` gets undefined, where Node and an
// unsplit build give the package's exports as names. Such an import loads a face instead:
// an ES module whose names are the package's exports, read from the installed package (as
// for LOADED_ON_FIRST_USE), and whose default is its exports object, as Node gives it.
const FACE = 'esm-face'
const isCommonJs = (module) => !isOwn(module) && graph[module]?.format !== 'esm'
// Named by the package's path, without node_modules/: the inputs under node_modules/ are
// the packages' own files, which dist/licenses.txt lists.
const facePath = (module) => module.replace(/^(.*\/)?node_modules\//, '')
/** The key esbuild gives a face as an entry point, as in `chunkOf`. */
const faceKey = (module) => `${FACE}:${facePath(module)}`

function faceModule(module) {
  const file = absolute(module)
  const exported = createRequire(path.join(root, 'package.json'))(file)
  const names = Object.keys(exported).filter((name) => name !== 'default' && name !== '__esModule')
  const bad = names.find((name) => !/^[A-Za-z_$][\w$]*$/.test(name))
  if (bad !== undefined)
    throw new Error(`${module}: exports ${JSON.stringify(bad)}, which a face cannot name`)
  return [
    `const exported = require(${JSON.stringify(file)})`,
    'export default exported',
    names.length > 0 ? `export const { ${names.join(', ')} } = exported` : ''
  ].join('\n')
}

const esmFace = {
  name: 'esm-face',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.asIs || (args.kind !== 'dynamic-import' && args.kind !== 'entry-point'))
        return undefined
      const resolved = await resolveAsIs(b, args)
      if (!resolved || resolved.external || resolved.namespace !== 'file') return undefined
      const module = relative(resolved.path)
      return isCommonJs(module)
        ? { path: facePath(module), namespace: FACE, pluginData: { module } }
        : undefined
    })
    b.onLoad({ filter: /.*/, namespace: FACE }, (args) => ({
      contents: faceModule(args.pluginData.module),
      resolveDir: root,
      loader: 'js',
      pluginData: { asIs: true }
    }))
  }
}

// ---------------------------------------------------------------------------
// Step 2: the chunks: one build, split, of the lazy roots the entries import.

const byTag = new Map(entries.map((e) => [e.tag, e]))

/** The chunks build's entry point for a lazy root: `./<path>`, or `./<path>?<entry>` for a per-entry copy. */
const chunkRoot = (entry, module) =>
  entry.copied.has(module) ? `./${module}?${entry.tag}` : `./${module}`
/** The metafile's `entryPoint` for a chunk root: the path, or the face of a CommonJS package. */
const entryPointOf = (root) => (isCommonJs(root.slice(2)) ? faceKey(root.slice(2)) : root.slice(2))

const buildChunks = (roots) =>
  build({
    ...OPTIONS,
    outdir,
    splitting: true,
    entryNames: 'chunks/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: REQUIRE_BANNER },
    entryPoints: [...roots].sort(),
    plugins: [
      legacyBufferCalls,
      builtinsWithoutFacades,
      loadedOnFirstUse,
      packagesAsBundled,
      esmFace,
      {
        name: 'per-entry-copies',
        setup(b) {
          // A copy is `<path>?<tag>`, a module of its own to esbuild; its imports are resolved
          // for its entry: a static module's to a stand-in, a copied module's to its copy.
          b.onResolve({ filter: /.*/ }, async (args) => {
            if (args.pluginData?.asIs) return undefined
            if (args.namespace === 'stand-in') return { path: args.path, external: true }
            const tagged = /^(.*)\?([\w-]+)$/.exec(args.path)
            const entry = byTag.get(tagged?.[2] ?? args.pluginData?.tag)
            if (!entry) return undefined
            const resolved = await resolveAsIs(b, args, tagged?.[1] ?? args.path)
            if (!resolved || resolved.external) return resolved
            const module = relative(resolved.path)
            // One stand-in per importer, so that it lands in the importer's chunk: shared by
            // several, esbuild would give it a chunk of its own, one more file to load.
            if (entry.staticGraph.has(module))
              return {
                path: `${entry.tag}:${module}:${relative(args.importer)}`,
                namespace: 'stand-in',
                pluginData: { module, core: `../${entry.core.name}.js` }
              }
            if (entry.copied.has(module))
              return {
                path: resolved.path,
                suffix: `?${entry.tag}`,
                pluginData: { tag: entry.tag }
              }
            return resolved
          })
          b.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({
            contents: standIn(args.pluginData.module, args.pluginData.core),
            loader: 'js'
          }))
          b.onLoad({ filter: /\.ts$/ }, (args) =>
            args.pluginData?.tag
              ? {
                  contents: readFileSync(args.path, 'utf8'),
                  loader: 'ts',
                  resolveDir: path.dirname(args.path),
                  pluginData: args.pluginData
                }
              : undefined
          )
        }
      }
    ]
  })

/** The chunk each lazy root became, as the entries' files name it (both one level under dist/). */
function chunksByEntryPoint(chunksBuild) {
  const chunkOf = new Map()
  for (const [file, output] of Object.entries(chunksBuild.metafile.outputs)) {
    if (output.entryPoint)
      chunkOf.set(
        output.entryPoint,
        `../${path.relative(outdir, absolute(file)).split(path.sep).join('/')}`
      )
  }
  return chunkOf
}

// ---------------------------------------------------------------------------
// Step 3: each entry, its static graph in one file (with a core, two).

// Each package of LOADED_ON_FIRST_USE alone, as CommonJS, bundled from the file require()
// finds, so that the file has exactly the exports read below.
const firstUseBuild = await build({
  ...OPTIONS,
  outdir,
  format: 'cjs',
  entryPoints: Object.fromEntries(
    [...LOADED_ON_FIRST_USE].map((name) => [name, requireFromRoot.resolve(name)])
  ),
  entryNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  plugins: [packagesAsBundled]
})
/** The file each package went into, by name; and its key among the build's outputs. */
const firstUseFiles = new Map()
for (const [file, output] of Object.entries(firstUseBuild.metafile.outputs)) {
  const name = [...LOADED_ON_FIRST_USE].find(
    (n) => output.entryPoint === relative(requireFromRoot.resolve(n))
  )
  if (name !== undefined)
    firstUseFiles.set(name, {
      fromDist: path.relative(outdir, absolute(file)).split(path.sep).join('/'),
      output: file
    })
}

const loadedOnFirstUse = {
  name: 'loaded-on-first-use',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.pluginData?.asIs || args.namespace !== 'file' || !isOwn(relative(args.importer)))
        return undefined
      if (
        LOADED_ON_FIRST_USE.has(args.path) &&
        (args.kind === 'import-statement' || args.kind === 'dynamic-import')
      )
        return { path: args.path, namespace: 'first-use' }
      return undefined
    })
    // require() of a file beside the one running: the entries' files and the chunks are
    // both one level under dist/, so one relative path serves from either.
    b.onResolve({ filter: /^first-use-loader$/, namespace: 'first-use' }, () => ({
      path: 'loader',
      namespace: 'first-use-loader'
    }))
    b.onLoad({ filter: /.*/, namespace: 'first-use-loader' }, () => ({
      contents:
        "export const requireBeside = (file) => require('node:module').createRequire(import.meta.url)(file)\n",
      loader: 'js'
    }))
    b.onLoad({ filter: /.*/, namespace: 'first-use' }, (args) => {
      const exported = requireFromRoot(args.path)
      const keys = Object.keys(exported).filter((key) => key !== 'default' && key !== '__esModule')
      const file = `../${firstUseFiles.get(args.path).fromDist}`
      const contents = [
        "const { requireBeside } = require('first-use-loader')",
        'let loaded',
        `const load = () => (loaded ??= requireBeside(${JSON.stringify(file)}))`,
        typeof exported === 'function'
          ? 'const firstUse = function (...args) { return load().apply(this, args) }'
          : 'const firstUse = {}',
        `for (const key of ${JSON.stringify(keys)}) Object.defineProperty(firstUse, key, { get: () => ` +
          'load()[key], enumerable: true })',
        'module.exports = firstUse'
      ]
      return { contents: `${contents.join('\n')}\n`, resolveDir: root, loader: 'js' }
    })
  }
}

const NEVER_LOADED = '../chunks/never-loaded.js'

async function buildEntries(chunkOf, dropped) {
  const entryBuilds = []
  for (const entry of entries) {
    const entryPoints = { [entry.name]: entry.source }
    if (entry.core) entryPoints[entry.core.name] = 'core'
    const coreFromEntry = `./${path.basename(entry.core?.name ?? '')}.js`
    const entryFile = absolute(entry.source)
    const inEntry = {
      name: 'entry',
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (args.pluginData?.asIs) return undefined
          if (args.kind === 'entry-point' && args.path === 'core')
            return { path: entry.core.name, namespace: 'core' }
          if (args.namespace === 'stand-in') return { path: args.path, external: true }
          const resolved = await resolveAsIs(b, args)
          if (!resolved || resolved.external) return resolved
          const module = relative(resolved.path)
          if (entry.core && args.importer === entryFile && entry.staticGraph.has(module))
            return { path: module, namespace: 'stand-in' }
          if (args.kind !== 'dynamic-import' || entry.staticGraph.has(module)) return resolved
          const root = chunkRoot(entry, module)
          const chunk = chunkOf.get(entryPointOf(root))
          // esbuild resolves an import before it drops the code that holds it: one whose chunk
          // was left out (rootsLoaded) gets a name that must not be in any file it writes.
          if (!chunk && dropped.has(root)) return { path: NEVER_LOADED, external: true }
          if (!chunk) throw new Error(`${entry.name}: no chunk for ${module}`)
          return { path: chunk, external: true }
        })
        b.onLoad({ filter: /.*/, namespace: 'core' }, () => ({
          contents: coreModule(entry),
          resolveDir: root,
          loader: 'js'
        }))
        b.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({
          contents: standIn(args.path, coreFromEntry),
          loader: 'js'
        }))
      }
    }
    entryBuilds.push(
      await build({
        ...OPTIONS,
        outdir,
        splitting: false,
        entryPoints,
        banner: { js: REQUIRE_BANNER },
        plugins: [builtinsWithoutFacades, loadedOnFirstUse, packagesAsBundled, inEntry]
      })
    )
  }
  return entryBuilds
}

/**
 * The chunk roots whose chunk some entry loads, directly or through other chunks. A lazy
 * root found in an entry's import graph may sit in code the entry never calls, which
 * esbuild leaves out of the entry: its chunk would ship and never load.
 */
function rootsLoaded(chunksBuild, entryBuilds, roots) {
  const chunks = chunksBuild.metafile.outputs
  const fromDist = (file) => path.relative(outdir, absolute(file)).split(path.sep).join('/')
  const byFile = new Map(Object.keys(chunks).map((file) => [fromDist(file), file]))
  const reached = new Set()
  const queue = entryBuilds.flatMap((b) =>
    Object.entries(b.metafile.outputs).flatMap(([file, output]) =>
      output.imports
        .filter((i) => i.external)
        .map((i) => path.posix.join(path.posix.dirname(fromDist(file)), i.path))
    )
  )
  while (queue.length > 0) {
    const file = byFile.get(queue.pop())
    if (file === undefined || reached.has(file)) continue
    reached.add(file)
    for (const i of chunks[file].imports) queue.push(fromDist(i.path))
  }
  const loaded = new Set([...reached].map((file) => chunks[file].entryPoint).filter(Boolean))
  return new Set([...roots].filter((root) => loaded.has(entryPointOf(root))))
}

// Built again without the roots nothing loads, until every chunk is loaded by something:
// a root left out can change how the others are split into shared chunks.
const allRoots = new Set(entries.flatMap((e) => [...e.lazyRoots].map((m) => chunkRoot(e, m))))
let roots = allRoots
let chunksBuild
let entryBuilds
for (;;) {
  chunksBuild = await buildChunks(roots)
  entryBuilds = await buildEntries(
    chunksByEntryPoint(chunksBuild),
    new Set([...allRoots].filter((root) => !roots.has(root)))
  )
  const neverLoaded = entryBuilds.flatMap((b) =>
    Object.keys(b.metafile.outputs).filter((file) =>
      b.metafile.outputs[file].imports.some((i) => i.path === NEVER_LOADED)
    )
  )
  if (neverLoaded.length > 0)
    throw new Error(`${neverLoaded.join(', ')}: imports a chunk that was left out as never loaded`)
  const loaded = rootsLoaded(chunksBuild, entryBuilds, roots)
  if (loaded.size === roots.size) break
  roots = loaded
}

const results = [firstUseBuild, chunksBuild, ...entryBuilds]
const metafile = {
  inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)),
  outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs))
}
// A file that holds a package's stand-in loads the package's own file with require(): in
// the metafile (for the dist test), an import like the others.
for (const output of Object.values(metafile.outputs)) {
  for (const [name, file] of firstUseFiles) {
    if ((output.inputs[`first-use:${name}`]?.bytesInOutput ?? 0) > 0)
      output.imports.push({ path: file.output, kind: 'require-call' })
  }
}

rmSync(outdir, { recursive: true, force: true })
const legalTexts = []
for (const file of results.flatMap((r) => r.outputFiles)) {
  if (file.path.endsWith('.LEGAL.txt')) {
    legalTexts.push(file.text)
    continue
  }
  mkdirSync(path.dirname(file.path), { recursive: true })
  const eager = STARTUP_FUNCTIONS[relative(file.path).slice(relative(outdir).length + 1)] ?? []
  writeFileSync(file.path, compileEagerly(withoutUnusedBanner(file.text), eager))
}
writeFileSync(path.join(outdir, 'licenses.txt'), licensesText(metafile, legalTexts))
if (metafileOut) writeFileSync(metafileOut, JSON.stringify(metafile))

// Most files hold only our own ES modules, and need no require(). Bundled CommonJS reaches
// it only through esbuild's __require helper: a file needs the banner exactly when it
// defines that helper. esbuild writes the banner after a #! line.
function withoutUnusedBanner(text) {
  const start = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0
  if (!text.startsWith(`${REQUIRE_BANNER}\n`, start) || /^var __require = /m.test(text)) return text
  return text.slice(0, start) + text.slice(start + REQUIRE_BANNER.length + 1)
}

// ---------------------------------------------------------------------------
// dist/licenses.txt: every npm package with code in an output file, sorted, with its
// declared licence, the licence and notice files it ships, and the licence comments
// esbuild took out of its code. Only names, versions and file text: no dates, no paths
// outside the package, so a rebuild from the same lockfile writes the same bytes.

function declaredLicence(pkg) {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? String(l)).join(' OR ')
  return null
}

function bundledPackages(metafile) {
  const dirs = new Set()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = packageDirOf(input)
      if (dir !== null && bytesInOutput > 0) dirs.add(dir)
    }
  }
  const packages = new Map()
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'))
    const files = readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isFile() && LICENCE_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort()
    const key = `${pkg.name}@${pkg.version}`
    // One name and version installed twice (nested node_modules) is one entry.
    if (!packages.has(key))
      packages.set(key, {
        name: pkg.name,
        version: pkg.version,
        dir,
        licence: declaredLicence(pkg),
        files,
        notices: new Set()
      })
  }
  return packages
}

/**
 * Splits esbuild's .LEGAL.txt ("path:" lines, then the comment indented) into comments
 * by the file they came from. Paths there are relative to the last node_modules/.
 */
function legalComments(texts) {
  const comments = []
  for (const text of texts) {
    const blocks = text
      .replace(/\r\n/g, '\n')
      .replace(/^Bundled license information:\n\n/, '')
      .split(/\n\n(?=\S)/)
    for (const block of blocks) {
      const lines = block.split('\n')
      const files = []
      while (lines.length > 0 && /^\S.*:$/.test(lines[0])) files.push(lines.shift().slice(0, -1))
      const comment = lines
        .map((line) => line.replace(/^ {2}/, ''))
        .join('\n')
        .trimEnd()
      if (files.length > 0 && comment !== '') comments.push({ files, comment })
    }
  }
  return comments
}

function licensesText(metafile, legalTexts) {
  const packages = bundledPackages(metafile)
  const byDir = new Map([...packages.values()].map((p) => [p.dir, p]))
  for (const { files, comment } of legalComments(legalTexts)) {
    // Coverage hints for a test tool (`v8 ignore … @preserve`) carry no notice to keep.
    if (!/copyright|licen[cs]e|\(c\)|©/i.test(comment)) continue
    for (const file of files) {
      // `bar/x.js` is from node_modules/bar or from a copy nested under another package.
      const tail = packageDirOf(`node_modules/${file}`)
      const owners = [...byDir.entries()].filter(
        ([dir]) => dir === tail || dir.endsWith(`/${tail}`)
      )
      if (owners.length === 0)
        throw new Error(`a licence comment in ${file} belongs to no bundled package`)
      for (const [, owner] of owners) owner.notices.add(comment)
    }
  }
  const sorted = [...packages.values()].sort((a, b) =>
    a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1
  )
  const out = [
    'Third-party software in dist/',
    '',
    "artifact-seal's own code is under the MIT licence: LICENSE at the root of the repository.",
    `The files in dist/ also contain code from the ${sorted.length} npm packages below. Each entry gives`,
    'the licence the package declares, the licence and notice files it ships, as it ships them,',
    'and the licence comments found in its bundled code.',
    'This file is written by scripts/package.mjs (npm run package); do not edit it.'
  ]
  for (const p of sorted) {
    out.push('', RULE, `${p.name}@${p.version}`, `License: ${p.licence ?? 'not declared'}`)
    for (const file of p.files) {
      const text = readFileSync(path.join(root, p.dir, file), 'utf8')
        .replace(/\r\n?/g, '\n')
        .trimEnd()
      out.push('', `${file}:`, '', text)
    }
    if (p.files.length === 0) {
      out.push(
        '',
        p.licence === null
          ? 'The package ships no licence file and declares no licence.'
          : `The package ships no licence file; its package.json declares the licence ${p.licence}.`
      )
    }
    if (p.notices.size > 0)
      out.push('', 'Notices in the bundled code:', '', [...p.notices].sort().join('\n\n'))
  }
  return `${out.join('\n')}\n`
}
