// Bundles every entry point into dist/: one file per action and one for the CLI, plus
// shared chunks loaded on demand, and dist/licenses.txt for the packages bundled in them.
// The output depends only on src/ and the lockfile, so CI can check that the
// committed dist/ is exactly what this script builds.
//
// node scripts/package.mjs [outdir] [--metafile <file>]: the metafile (which input went
// into which output) is for the dist test, and stays out of dist/.
import { build } from 'esbuild'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

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
  'cli/index': 'src/cli/index.ts'
}

// Bundled CommonJS dependencies call require(); ESM output needs one in scope.
const REQUIRE_BANNER = "import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);"

// What a licence or notice file is called in a package: LICENSE, LICENCE.md, COPYING, NOTICE.txt, LICENSE-MIT…
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i
const RULE = '-'.repeat(80)

const result = await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS,
  outdir,
  bundle: true,
  platform: 'node',
  // The actions run on node24, the CLI also on Node 22 (src/cli/node-version.ts): syntax
  // newer than Node 22 is lowered, so no chunk fails to parse there.
  target: 'node22',
  format: 'esm',
  // The clients for workflow artifacts, the cache and the GitHub API are loaded only when
  // an input asks for them, so a plain seal starts as fast as it did without them.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
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
  banner: { js: REQUIRE_BANNER }
})

rmSync(outdir, { recursive: true, force: true })
const legalTexts = []
for (const file of result.outputFiles) {
  if (file.path.endsWith('.LEGAL.txt')) {
    legalTexts.push(file.text)
    continue
  }
  mkdirSync(path.dirname(file.path), { recursive: true })
  writeFileSync(file.path, withoutUnusedBanner(file.text))
}
writeFileSync(path.join(outdir, 'licenses.txt'), licensesText(result.metafile, legalTexts))
if (metafileOut) writeFileSync(metafileOut, JSON.stringify(result.metafile))

// Most chunks hold only our own ES modules; creating a require for them is start-up time
// spent for nothing, once per chunk an entry loads.
function withoutUnusedBanner(text) {
  const body = text.startsWith(`${REQUIRE_BANNER}\n`) ? text.slice(REQUIRE_BANNER.length + 1) : null
  return body !== null && !/\brequire\b/.test(body) ? body : text
}

// ---------------------------------------------------------------------------
// dist/licenses.txt: every npm package with code in an output file, sorted, with its
// declared licence, the licence and notice files it ships, and the licence comments
// esbuild took out of its code. Only names, versions and file text: no dates, no paths
// outside the package, so a rebuild from the same lockfile writes the same bytes.

/** `node_modules/@scope/name/…` → the package's directory, relative to the project. */
function packageDirOf(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
  return match ? match[1] : null
}

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
    if (!packages.has(key)) packages.set(key, { name: pkg.name, version: pkg.version, dir, licence: declaredLicence(pkg), files, notices: new Set() })
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
    const blocks = text.replace(/\r\n/g, '\n').replace(/^Bundled license information:\n\n/, '').split(/\n\n(?=\S)/)
    for (const block of blocks) {
      const lines = block.split('\n')
      const files = []
      while (lines.length > 0 && /^\S.*:$/.test(lines[0])) files.push(lines.shift().slice(0, -1))
      const comment = lines.map((line) => line.replace(/^ {2}/, '')).join('\n').trimEnd()
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
      const owners = [...byDir.entries()].filter(([dir]) => dir === tail || dir.endsWith(`/${tail}`))
      if (owners.length === 0) throw new Error(`a licence comment in ${file} belongs to no bundled package`)
      for (const [, owner] of owners) owner.notices.add(comment)
    }
  }
  const sorted = [...packages.values()].sort((a, b) => (a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1))
  const out = [
    'Third-party software in dist/',
    '',
    "artifact-seal's own code is under the MIT licence: LICENSE at the root of the repository.",
    `The files in dist/ also contain code from the ${sorted.length} npm packages below. Each entry gives`,
    "the licence the package declares, the licence and notice files it ships, as it ships them,",
    'and the licence comments found in its bundled code.',
    'This file is written by scripts/package.mjs (npm run package); do not edit it.'
  ]
  for (const p of sorted) {
    out.push('', RULE, `${p.name}@${p.version}`, `License: ${p.licence ?? 'not declared'}`)
    for (const file of p.files) {
      const text = readFileSync(path.join(root, p.dir, file), 'utf8').replace(/\r\n?/g, '\n').trimEnd()
      out.push('', `${file}:`, '', text)
    }
    if (p.files.length === 0) {
      out.push('', p.licence === null ? 'The package ships no licence file and declares no licence.' : `The package ships no licence file; its package.json declares the licence ${p.licence}.`)
    }
    if (p.notices.size > 0) out.push('', 'Notices in the bundled code:', '', [...p.notices].sort().join('\n\n'))
  }
  return `${out.join('\n')}\n`
}
