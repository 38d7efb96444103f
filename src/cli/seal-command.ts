import * as path from 'node:path'
import { parseSubjectPatterns } from '../core/subject/patterns.js'
import { sealToBundle } from '../app/seal-to-bundle.js'
import { buildContextFromEnv, fallbackName } from '../app/runner-environment.js'
import { describeProgress } from '../report/progress.js'
import { renderSealText } from '../report/seal-text.js'
import { type Terminal } from './terminal.js'
import { parseCommand, requireValue } from './arguments.js'

export const SEAL_USAGE = `Usage: artifact-seal seal <path...> [--name NAME] [--root DIR] [--out DIR] [--json]

Seals files, directories or globs: computes the digest, writes the checksums listing
and the in-toto statement, and prints a summary.

  <path...>     files, directories or globs; "!pattern" excludes
  --name NAME   the artifact's name (default: the file's or directory's name)
  --root DIR    the directory listing paths are relative to
                (default: the directory given, else the deepest one holding every match)
  --out DIR     where the seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  -h, --help    show this help`

const spec = {
  name: 'seal',
  usage: SEAL_USAGE,
  allowPositionals: true,
  options: { name: { type: 'string' }, root: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } }
} as const

export async function sealCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${SEAL_USAGE}\n`)
    return 0
  }
  const cwd = terminal.cwd
  const out = requireValue('out', values.out)
  const root = requireValue('root', values.root)
  const build = buildContextFromEnv(terminal.env)
  const { artifact, bundle } = await sealToBundle(
    {
      kind: 'paths',
      patterns: parseSubjectPatterns(positionals.join('\n')),
      baseDir: cwd,
      inputName: 'seal <path...>',
      ...(root ? { root } : {})
    },
    {
      name: requireValue('name', values.name) ?? '',
      fallbackName: fallbackName(terminal.env, cwd),
      build,
      onProgress: (p) => terminal.progress(describeProgress(p))
    },
    { outputDir: out ? path.resolve(cwd, out) : null, defaultParent: path.join(cwd, '.seal'), inputName: '--out' }
  )
  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      size: artifact.size,
      root: artifact.root,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir
    }
    terminal.out(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    terminal.out(renderSealText({ artifact, bundle, build }))
  }
  return 0
}
