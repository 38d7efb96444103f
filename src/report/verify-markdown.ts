import type { VerifyResult } from '../app/verify-artifact.js'
import { formatBytes, formatCount } from './format.js'
import { cell, code, shortDigest } from './markdown.js'

/** Mismatch rows shown in the summary; the rest are counted. */
const ROWS_SHOWN = 200

export function renderVerifyMarkdown(result: VerifyResult): string {
  const { artifact } = result
  const out: string[] = []
  const content = artifact.size === null ? formatCount(artifact.fileCount, 'file') : `${formatCount(artifact.fileCount, 'file')}, ${formatBytes(artifact.size)}`
  if (result.verified) {
    out.push(`### ✅ Verified ${code(artifact.name)}`, '')
    out.push(`${content} under ${code(artifact.root ?? '')} are the sealed bytes: ${code(result.actual)}.`, '')
    return out.join('\n')
  }
  out.push(`### ❌ ${code(artifact.name)} is not the sealed artifact`, '')
  out.push('| | |', '| --- | --- |')
  out.push(`| Expected | ${code(result.expected)} |`, `| Found | ${code(result.actual)} (${content}) |`, '')
  if (result.mismatches.length > 0) {
    out.push(`${formatCount(result.mismatches.length, 'file')} differ from the seal:`, '')
    out.push('| File | Difference | Sealed | Found |', '| --- | --- | --- | --- |')
    for (const m of result.mismatches.slice(0, ROWS_SHOWN)) {
      out.push(`| ${code(cell(m.path))} | ${m.kind} | ${m.expected ? code(shortDigest(`sha256:${m.expected}`)) : '—'} | ${m.actual ? code(shortDigest(`sha256:${m.actual}`)) : '—'} |`)
    }
    if (result.mismatches.length > ROWS_SHOWN) out.push(`| … ${result.mismatches.length - ROWS_SHOWN} more | | | |`)
  } else if (!result.listingGiven) {
    out.push('Give `checksums-path` (the seal step\'s output of that name) to see which files differ.')
  }
  out.push('')
  return out.join('\n')
}
