import { type Digest, digestFromHex, shortDigest } from '../core/digest.js'
import type { Mismatch } from '../core/listing.js'
import { code, plain } from './markdown.js'
import { formatCount } from './format.js'
import type { SignatureCheck } from '../app/signature/types.js'
import { signerRows } from './signer-markdown.js'
import { DEFAULT_SERVER_URL } from '../core/env.js'

/** Mismatch rows shown in the summary; the rest are counted. */
const ROWS_SHOWN = 200

/** One verification as the summary shows it, whether the files were local or downloaded. */
export interface VerifyReport {
  readonly name: string
  readonly verified: boolean
  readonly expected: Digest
  readonly actual: Digest
  readonly mismatches: readonly Mismatch[]
  /** Whether a listing was there to name the files that differ. */
  readonly listingGiven: boolean
  /** "14 files, 2.1 KiB", when known. */
  readonly content: string | null
  /** Where the verified files are. */
  readonly location: string | null
  /** The check of the seal's signature, once the bytes matched. */
  readonly signature?: SignatureCheck | null
  /** Why the signature is not accepted (refused, or missing where required). */
  readonly signatureFailure?: string | null
  /** The server links may point at (GITHUB_SERVER_URL); https://github.com when not given. */
  readonly serverUrl?: string
}

export function renderVerifyMarkdown(report: VerifyReport): string {
  const out: string[] = []
  if (report.verified && report.signatureFailure) {
    out.push(`### ❌ ${code(report.name)}: the signature is not accepted`, '')
    out.push(
      `The files are the sealed bytes (${code(report.actual)}), but: ${plain(report.signatureFailure)}`,
      ''
    )
    out.push('Do not deploy these bytes.', '')
    return out.join('\n')
  }
  if (report.verified) {
    out.push(`### ✅ Verified ${code(report.name)}`, '')
    const what = report.content ?? 'The files'
    out.push(
      `${plain(what)}${report.location ? ` under ${code(report.location)}` : ''} are the sealed bytes: ${code(report.actual)}.`,
      ''
    )
    const rows = signerRows(report.signature, [report.serverUrl ?? DEFAULT_SERVER_URL])
    if (rows.length > 0) out.push('| | |', '| --- | --- |', ...rows, '')
    return out.join('\n')
  }
  out.push(`### ❌ ${code(report.name)} is not the sealed artifact`, '')
  out.push('| | |', '| --- | --- |')
  out.push(
    `| Expected | ${code(report.expected)} |`,
    `| Found | ${code(report.actual)}${report.content ? ` (${plain(report.content)})` : ''} |`,
    ''
  )
  if (report.mismatches.length > 0) {
    out.push(`${formatCount(report.mismatches.length, 'file')} differ from the seal:`, '')
    out.push('| File | Difference | Sealed | Found |', '| --- | --- | --- | --- |')
    for (const m of report.mismatches.slice(0, ROWS_SHOWN)) {
      out.push(
        `| ${code(m.path)} | ${m.kind} | ${m.expected ? code(m.kind === 'mode' ? m.expected : shortDigest(digestFromHex(m.expected))) : '—'} | ${m.actual ? code(m.kind === 'mode' ? m.actual : shortDigest(digestFromHex(m.actual))) : '—'} |`
      )
    }
    if (report.mismatches.length > ROWS_SHOWN)
      out.push(`| … ${report.mismatches.length - ROWS_SHOWN} more | | | |`)
  } else if (!report.listingGiven) {
    out.push(
      "Give `checksums-path` (the seal step's output of that name) to see which files differ."
    )
  }
  out.push('')
  return out.join('\n')
}
