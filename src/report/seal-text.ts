import type { MergedPart } from '../app/seal/merge-bundles.js'
import type { SealedArtifact } from '../core/seal.js'
import type { BuildContext } from '../core/statement.js'
import type { SealBundleLocation } from '../stores/evidence/seal-bundle.js'
import { formatBytes, formatCount } from './format.js'
import { type SealReport, provenanceLinks } from './seal-report.js'
import { type Paint, plain } from './paint.js'

type Row = (label: string, value: string) => void

/** A summary's lines and the labelled row every one of them writes: `  digest     sha256:…`. */
function rows(): { lines: string[]; row: Row } {
  const lines: string[] = []
  return { lines, row: (label, value) => void lines.push(`  ${label.padEnd(10)} ${value}`) }
}

/** Where a seal came from and where its bundle lies: the rows a seal and a merge share. */
function originRows(
  row: Row,
  build: BuildContext,
  bundle: Pick<SealBundleLocation, 'checksumsPath' | 'statementPath'>
): void {
  const links = provenanceLinks(build)
  if (links.commit) row('commit', `${links.commit.url} (${links.commit.ref})`)
  if (links.run) row('run', links.run.url)
  row('listing', bundle.checksumsPath)
  row('statement', bundle.statementPath)
}

/** The same summary for a terminal: the CLI and the demo print it. */
export function renderSealText(
  report: Pick<SealReport, 'artifact' | 'bundle' | 'build' | 'signature'>,
  paint: Paint = plain
): string {
  const { artifact, bundle } = report
  const { lines, row } = rows()
  lines.push(`${paint('good', 'Sealed')} ${artifact.name}`)
  row('digest', artifact.digest)
  if (artifact.size !== null)
    row('content', `${formatCount(artifact.fileCount, 'file')}, ${formatBytes(artifact.size)}`)
  else if (artifact.kind === 'checksums')
    row('content', `${formatCount(artifact.fileCount, 'file')} (from a checksums listing)`)
  if (artifact.root !== null) row('root', artifact.root)
  originRows(row, report.build, bundle)
  if (report.signature?.signed) {
    row('signed', `${report.signature.bundlePath} by ${report.signature.signer}`)
    if (report.signature.attestationUrl) row('attested', report.signature.attestationUrl)
  }
  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel
    const entries =
      groups.length > 1
        ? groups
            .slice(0, 8)
            .map(
              (g) => [g.name, `${formatCount(g.files, 'file')}, ${formatBytes(g.size)}`] as const
            )
        : artifact.summary.largest.map((f) => [f.path, formatBytes(f.size)] as const)
    const width = Math.min(40, Math.max(...entries.map(([name]) => name.length)))
    lines.push(groups.length > 1 ? '  top level:' : '  largest files:')
    for (const [name, value] of entries) lines.push(`    ${name.padEnd(width)}  ${value}`)
  }
  return `${lines.join('\n')}\n`
}

/** What `artifact-seal merge` prints: the merged seal, then each part it was made of. */
export function renderMergeText(
  artifact: Pick<SealedArtifact, 'name' | 'digest' | 'fileCount'>,
  bundle: Pick<SealBundleLocation, 'checksumsPath' | 'statementPath'>,
  build: BuildContext,
  parts: readonly MergedPart[]
): string {
  const { lines, row } = rows()
  lines.push(`Merged ${artifact.name} from ${formatCount(parts.length, 'part')}`)
  row('digest', artifact.digest)
  row('content', formatCount(artifact.fileCount, 'file'))
  originRows(row, build, bundle)
  lines.push('  parts:')
  const width = Math.min(40, Math.max(...parts.map((p) => p.name.length)))
  for (const p of parts) {
    const note = p.statementFile === null ? ', no statement to check' : ''
    lines.push(
      `    ${p.name.padEnd(width)}  ${p.digest}  ${p.kind === 'file' ? 'single file' : formatCount(p.fileCount, 'file')}${note}`
    )
  }
  return `${lines.join('\n')}\n`
}
