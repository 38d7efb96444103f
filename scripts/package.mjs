// Bundles every entry point into dist/: one file per action and one for the CLI, plus
// shared chunks loaded on demand.
// The output depends only on src/ and the lockfile, so CI can check that the
// committed dist/ is exactly what this script builds.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist')

export const ENTRY_POINTS = {
  'seal/index': 'src/actions/seal/index.ts',
  'verify/index': 'src/actions/verify/index.ts',
  'promote/index': 'src/actions/promote/index.ts',
  'promote/post': 'src/actions/promote/post-index.ts',
  'cli/index': 'src/cli/index.ts'
}

rmSync(outdir, { recursive: true, force: true })
await build({
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
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); ESM output needs one in scope.
  banner: {
    js: "import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);"
  }
})
