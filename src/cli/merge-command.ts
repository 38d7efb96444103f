import * as path from 'node:path'
import { mergeSealBundles, partSourceFromArgument } from '../app/seal/merge-bundles.js'
import { buildContextFromEnv } from '../app/settings/runner-environment.js'
import { SealError } from '../core/errors.js'
import { renderMergeText } from '../report/seal-text.js'
import { fileSafeName } from '../stores/evidence/seal-bundle.js'
import { parseCommand, requireValue } from './arguments.js'
import { type Terminal, printJson } from './terminal.js'

export const MERGE_USAGE = `Usage: artifact-seal merge <part...> --subject-name NAME [--out DIR] [--json]

Merges the seal bundles of several parts (the legs of a matrix build) into one seal
whose digest covers them all. The merged listing holds every part's files under a
directory named after the part, so its digest is the digest of a tree laid out as
<part>/<files>, and "sha256sum -c" of it passes in that tree. Each part's listing is
checked against the statement beside it before anything is written.

  <part...>     NAME=FILE.sha256  a part's listing, and the part's name
                FILE.sha256       the same, named after the file (linux.sha256: linux)
                DIR               the directory holding a part's bundle (one *.sha256)
                NAME=DIR          the same, with the part's name
  --subject-name NAME   the merged artifact's name (required)
  --out DIR     where the merged seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  -h, --help    show this help`

const spec = {
  name: 'merge',
  usage: MERGE_USAGE,
  allowPositionals: true,
  options: {
    'subject-name': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' }
  }
} as const

const ARGUMENT = 'merge <part...>'

export async function mergeCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${MERGE_USAGE}\n`)
    return 0
  }
  const name = requireValue('subject-name', values['subject-name'])
  if (name === undefined)
    throw new SealError(
      'usage',
      `merge: --subject-name is required: the name of the merged artifact, such as "release".\n\n${MERGE_USAGE}`
    )
  if (positionals.length === 0)
    throw new SealError(
      'usage',
      `merge: give the seal bundle of each part to merge.\n\n${MERGE_USAGE}`
    )
  const out = requireValue('out', values.out)
  const cwd = terminal.cwd
  const build = buildContextFromEnv(terminal.env)
  const parts = positionals.map((arg) => partSourceFromArgument(arg, cwd, ARGUMENT))
  const {
    artifact,
    bundle,
    parts: merged
  } = await mergeSealBundles(parts, {
    name,
    build,
    outputDir: out ? path.resolve(cwd, out) : path.join(cwd, '.seal', fileSafeName(name)),
    inputName: ARGUMENT,
    outputInputName: '--out'
  })

  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir,
      parts: merged.map((p) => ({
        name: p.name,
        digest: p.digest,
        kind: p.kind,
        fileCount: p.fileCount,
        checksumsPath: p.checksumsFile,
        statementPath: p.statementFile
      }))
    }
    printJson(terminal, result)
    return 0
  }
  terminal.out(renderMergeText(artifact, bundle, build, merged))
  return 0
}
