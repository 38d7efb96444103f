import { formatBytes, formatCount } from './format.js'
import { type SealReport, largestFiles, provenanceLinks, topLevelBreakdown, verifySnippet } from './seal-report.js'

/** The job summary stays well under GitHub's 1 MiB limit however large the artifact. */
const LISTING_LINES_SHOWN = 500

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``
const cell = (text: string): string => text.replace(/\|/g, '\\|')

export function renderSealMarkdown(report: SealReport): string {
  const { artifact, bundle } = report
  const out: string[] = []
  out.push(`### 🔒 Sealed ${code(artifact.name)}`, '')
  out.push('| | |', '| --- | --- |')
  out.push(`| Digest | ${code(artifact.digest)} |`)
  if (artifact.size !== null) out.push(`| Content | ${formatCount(artifact.files.length, 'file')}, ${formatBytes(artifact.size)} |`)
  else if (artifact.kind === 'checksums') out.push(`| Content | ${formatCount(artifact.files.length, 'file')} (from a checksums listing) |`)
  else out.push('| Content | a digest given by the build (not read from files) |')
  const links = provenanceLinks(report.build)
  if (links.commit) out.push(`| Commit | [${code(links.commit.label)}](${links.commit.url}) on ${code(links.commit.ref)} |`)
  if (links.run) out.push(`| Built by | [${cell(links.run.label)}](${links.run.url}) |`)
  if (report.build.kind === 'local') out.push(`| Built by | ${cell(report.build.build.tool)} on ${cell(report.build.build.host)} |`)
  out.push(`| Seal bundle | ${code(bundle.checksumsPath)}<br>${code(bundle.statementPath)} |`)
  out.push('')

  if (artifact.size !== null && artifact.files.length > 1) {
    const groups = topLevelBreakdown(artifact.files)
    if (groups.length > 1) {
      out.push('| Top level | Files | Size |', '| --- | ---: | ---: |')
      for (const g of groups.slice(0, 8)) out.push(`| ${code(g.name)} | ${g.files.toLocaleString('en-US')} | ${formatBytes(g.size)} |`)
      if (groups.length > 8) out.push(`| … ${groups.length - 8} more | | |`)
    } else {
      out.push('| Largest files | Size |', '| --- | ---: |')
      for (const f of largestFiles(artifact.files, 5)) out.push(`| ${code(f.path)} | ${formatBytes(f.size ?? 0)} |`)
    }
    out.push('')
  }

  out.push('<details><summary>Verify these bytes in a later job</summary>', '', '```yaml', verifySnippet(report), '```', '', '</details>', '')

  const shown = artifact.files.slice(0, LISTING_LINES_SHOWN)
  out.push(`<details><summary>Checksums listing (${formatCount(artifact.files.length, 'line')})</summary>`, '', '```text')
  for (const f of shown) out.push(`${f.hex}  ${f.path}`)
  out.push('```')
  if (artifact.files.length > shown.length) out.push('', `${(artifact.files.length - shown.length).toLocaleString('en-US')} more lines in ${code(bundle.checksumsPath)}.`)
  out.push('', '</details>', '')
  return out.join('\n')
}
