import { formatBytes, formatCount, formatNumber } from './format.js'
import { code, fence, link, plain } from './markdown.js'
import { type SealedImage, imageRef } from '../core/image/sealed-image.js'
import { type SealReport, provenanceLinks, verifySnippet } from './seal-report.js'

/** The job summary stays well under GitHub's 1 MiB limit however large the artifact. */
const LISTING_LINES_SHOWN = 500
const LEFT_OUT_SHOWN = 100

function firstLines(listing: Buffer, count: number): { text: string; count: number } {
  let end = 0
  let lines = 0
  while (lines < count && end < listing.length) {
    const newline = listing.indexOf(0x0a, end)
    end = newline === -1 ? listing.length : newline + 1
    lines++
  }
  return { text: listing.toString('utf8', 0, end).replace(/\n$/, ''), count: lines }
}

/**
 * The image as the seal found it: resolved from which tag, what kind, its platforms; its bytes were
 * proven in the registry.
 */
function imageContent(image: SealedImage): string {
  const from = image.tag === null ? 'by digest' : `from the tag ${code(image.tag)}`
  const kind =
    image.platforms.length === 0
      ? 'a single image'
      : `an index of ${image.platforms.map((p) => code(p.platform)).join(', ')}`
  return `the image ${code(imageRef(image))}, ${kind}, resolved ${from}; its manifest's bytes proven in the registry`
}

export function renderSealMarkdown(report: SealReport): string {
  const { artifact, bundle } = report
  const out: string[] = []
  out.push(`### 🔒 Sealed ${code(artifact.name)}`, '')
  out.push('| | |', '| --- | --- |')
  out.push(`| Digest | ${code(artifact.digest)} |`)
  if (report.image) out.push(`| Content | ${imageContent(report.image)} |`)
  else if (artifact.size !== null)
    out.push(
      `| Content | ${formatCount(artifact.fileCount, 'file')}, ${formatBytes(artifact.size)} |`
    )
  else if (artifact.kind === 'checksums')
    out.push(`| Content | ${formatCount(artifact.fileCount, 'file')} (from a checksums listing) |`)
  else out.push('| Content | a digest given by the build (not read from files) |')
  const links = provenanceLinks(report.build)
  const origins = report.build.kind === 'workflow' ? [report.build.build.serverUrl] : []
  if (links.commit)
    out.push(
      `| Commit | ${link(code(links.commit.label), links.commit.url, origins)} on ${code(links.commit.ref)} |`
    )
  if (links.run) out.push(`| Built by | ${link(plain(links.run.label), links.run.url, origins)} |`)
  if (report.build.kind === 'local')
    out.push(
      `| Built by | ${plain(report.build.build.tool)} on ${plain(report.build.build.host)} |`
    )
  out.push(
    `| Seal bundle | ${code(bundle.checksumsPath)}<br>${code(bundle.statementPath)}${bundle.sigstoreBundlePath ? `<br>${code(bundle.sigstoreBundlePath)}` : ''} |`
  )
  if (report.contract) {
    const kinds = [
      ...new Set(report.contract.files.filter((f) => f.kind !== 'reference').map((f) => f.kind))
    ].join(', ')
    out.push(
      `| Contract | ${code(report.contract.version)} (${plain(kinds)}, ${formatCount(report.contract.files.length, 'file')}): ${code(report.contract.digest)} |`
    )
  }
  const signature = report.signature
  if (signature?.signed) {
    const how = signature.kind === 'keyless' ? 'Sigstore certificate' : 'key'
    const attestation = signature.attestationUrl
      ? ` · ${link('attestation', signature.attestationUrl, origins)}`
      : ''
    out.push(`| Signed by | ${code(signature.signer)} (${how})${attestation} |`)
  } else if (signature) {
    out.push(`| Signed by | not signed${signature.notice ? `: ${plain(signature.notice)}` : ''} |`)
  }
  out.push('')

  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel
    if (groups.length > 1) {
      out.push('| Top level | Files | Size |', '| --- | ---: | ---: |')
      for (const g of groups.slice(0, 8))
        out.push(`| ${code(g.name)} | ${formatNumber(g.files)} | ${formatBytes(g.size)} |`)
      if (groups.length > 8) out.push(`| … ${groups.length - 8} more | | |`)
    } else {
      out.push('| Largest files | Size |', '| --- | ---: |')
      for (const f of artifact.summary.largest)
        out.push(`| ${code(f.path)} | ${formatBytes(f.size)} |`)
    }
    out.push('')
  }

  const leftOut = artifact.leftOut ?? []
  if (leftOut.length > 0) {
    out.push(
      `<details><summary>Left out: ${formatCount(leftOut.length, 'hidden or secret-looking entry', 'hidden or secret-looking entries')} (not sealed, not uploaded)</summary>`,
      '',
      ...leftOut.slice(0, LEFT_OUT_SHOWN).map((p) => `- ${code(p)}`),
      ...(leftOut.length > LEFT_OUT_SHOWN
        ? [`- … ${formatNumber(leftOut.length - LEFT_OUT_SHOWN)} more`]
        : []),
      '',
      'Set `include-hidden-files: true` to seal them, or leave them out with a `!` pattern to silence this.',
      '',
      '</details>',
      ''
    )
  }

  out.push(
    '<details><summary>Verify these bytes in a later job</summary>',
    '',
    fence(verifySnippet(report), 'yaml'),
    '',
    '</details>',
    ''
  )

  const shown = firstLines(artifact.listing, LISTING_LINES_SHOWN)
  out.push(
    `<details><summary>Checksums listing (${formatCount(artifact.fileCount, 'line')})</summary>`,
    '',
    fence(shown.text, 'text')
  )
  if (artifact.fileCount > shown.count)
    out.push(
      '',
      `${formatNumber(artifact.fileCount - shown.count)} more lines in ${code(bundle.checksumsPath)}.`
    )
  out.push('', '</details>', '')
  return out.join('\n')
}
