import { formatBytes, formatCount } from './format.js'
import { type SealReport, provenanceLinks } from './seal-report.js'
import { type Paint, plain } from './paint.js'

/** The same summary for a terminal: the CLI and the demo print it. */
export function renderSealText(
  report: Pick<SealReport, 'artifact' | 'bundle' | 'build' | 'signature'>,
  paint: Paint = plain
): string {
  const { artifact, bundle } = report
  const lines: string[] = []
  const row = (label: string, value: string): void =>
    void lines.push(`  ${label.padEnd(10)} ${value}`)
  lines.push(`${paint('good', 'Sealed')} ${artifact.name}`)
  row('digest', artifact.digest)
  if (artifact.size !== null)
    row('content', `${formatCount(artifact.fileCount, 'file')}, ${formatBytes(artifact.size)}`)
  else if (artifact.kind === 'checksums')
    row('content', `${formatCount(artifact.fileCount, 'file')} (from a checksums listing)`)
  if (artifact.root !== null) row('root', artifact.root)
  const links = provenanceLinks(report.build)
  if (links.commit) row('commit', `${links.commit.url} (${links.commit.ref})`)
  if (links.run) row('run', links.run.url)
  row('listing', bundle.checksumsPath)
  row('statement', bundle.statementPath)
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
