// The baseline that `npm run bench` times as "actions/attest": how actions/attest and
// actions/attest-build-provenance turn a subject-path into digests. It is its own
// process (node scripts/bench-attest-baseline.mjs <pattern>) so that it is timed from
// spawn to exit like every other tool, and loads nothing of the bench or of artifact-seal.
//
// The steps follow actions/attest's subject handling (src/subject.ts): expand the
// pattern with @actions/glob's defaults (a directory brings its descendants), stat each
// match and keep the regular files, then hash them one at a time, each as a stream
// piped into a sha256 hash, awaiting each file before the next. Left out: its check of
// each new subject against all earlier ones, quadratic in the file count, which its
// cap of 1,024 subjects keeps small.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as glob from '@actions/glob'

function digestFile(file) {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256').setEncoding('hex')
    fs.createReadStream(file)
      .once('error', reject)
      .pipe(hash)
      .once('finish', () => resolve(hash.read()))
  })
}

const [pattern, root] = process.argv.slice(2)
if (!pattern) {
  console.error(
    'usage: node scripts/bench-attest-baseline.mjs <glob pattern> [root for the tree digest]'
  )
  process.exit(2)
}

const globber = await glob.create(pattern)
const files = []
for (const match of await globber.glob())
  if ((await fs.promises.stat(match)).isFile()) files.push(match)
const digests = []
for (const file of files) digests.push(await digestFile(file))

// Not part of the attest algorithm: the bench needs proof that this baseline hashed
// every byte it was timed for, so it folds the per-file digests into the same
// dirHash1 artifact-seal prints. For 20,000 files this costs a few milliseconds.
// Fixture names are ASCII, where JavaScript's string order is byte order.
if (root) {
  const lines = files
    .map((file, i) => `${digests[i]}  ${path.relative(root, file)}\n`)
    .sort((a, b) => {
      const nameA = a.slice(66)
      const nameB = b.slice(66)
      return nameA < nameB ? -1 : nameA > nameB ? 1 : 0
    })
  const listing = crypto.createHash('sha256').update(lines.join('')).digest('hex')
  console.log(JSON.stringify({ digest: `sha256:${listing}`, fileCount: files.length }))
} else if (files.length === 1) {
  console.log(JSON.stringify({ digest: `sha256:${digests[0]}`, fileCount: 1 }))
} else {
  console.log(JSON.stringify({ fileCount: files.length }))
}
