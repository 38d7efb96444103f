import { verifyArtifact } from '../app/verify/verify-artifact.js'
import { buildContextFromEnv, fallbackName } from '../app/settings/runner-environment.js'
import { parseDigest } from '../core/digest.js'
import { SealError } from '../core/errors.js'
import { parseSubjectPatterns } from '../core/subject/patterns.js'
import { describeProgress } from '../report/progress.js'
import { mismatchLines } from '../report/mismatch-text.js'
import { parseCommand, requireValue } from './arguments.js'
import { type Terminal, printJson } from './terminal.js'
import * as path from 'node:path'
import { checkSignature } from '../app/signature/check-signature.js'
import { requirementReason, signatureRequired } from '../app/settings/signing-settings.js'
import { signerExpectation } from '../app/settings/signer-expectation.js'
import { SIGNER_OPTIONS, SIGNER_USAGE, readCliSignerCheck } from './signing-options.js'
import { judgeSignature, signerName } from '../app/signature/verdict.js'

export const VERIFY_USAGE = `Usage: artifact-seal verify <path...> --digest DIGEST [--checksums FILE] [--root DIR] [--json]

Recomputes the digest of the files and compares it with the sealed digest. Exits 1 when
they differ, naming every file that changed, went missing or appeared (with --checksums).
The files must be of the kind that was sealed (one file, or a tree): the listing and the
statement beside it say which, and one file whose bytes are a checksums listing is
refused, since its sha256 is also the digest of the tree it lists.

  <path...>          the files, directories or globs, as they were sealed
  --digest DIGEST    the sealed digest ("sha256:<hex>" or bare hex)
  --checksums FILE   the sealed checksums listing, to name the files that differ
  --root DIR         the directory listing paths are relative to
  --json             print the result as JSON

With a signed seal (<name>.sigstore.json beside the listing) the signature is checked too:
${SIGNER_USAGE}
  -h, --help         show this help`

const spec = {
  name: 'verify',
  usage: VERIFY_USAGE,
  allowPositionals: true,
  options: { digest: { type: 'string' }, checksums: { type: 'string' }, root: { type: 'string' }, json: { type: 'boolean' }, ...SIGNER_OPTIONS }
} as const

export async function verifyCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${VERIFY_USAGE}\n`)
    return 0
  }
  if (positionals.length === 0) throw new SealError('usage', `verify: give the files to check.\n\n${VERIFY_USAGE}`)
  const digest = requireValue('digest', values.digest)
  if (digest === undefined) throw new SealError('usage', `verify: --digest is required: the digest the seal printed.\n\n${VERIFY_USAGE}`)
  const root = requireValue('root', values.root)
  const checksums = requireValue('checksums', values.checksums)
  const signer = readCliSignerCheck(values, terminal.cwd, terminal.env)
  const result = await verifyArtifact(
    {
      subject: { kind: 'paths', patterns: parseSubjectPatterns(positionals.join('\n')), baseDir: terminal.cwd, inputName: 'verify <path...>', unusedExclusions: 'allow', ...(root ? { root } : {}) },
      expected: parseDigest(digest, '--digest'),
      checksumsFile: checksums ? path.resolve(terminal.cwd, checksums) : null,
      checksumsInput: '--checksums',
      expectedInput: '--digest'
    },
    { fallbackName: fallbackName(terminal.env, terminal.cwd), build: buildContextFromEnv(terminal.env), onProgress: (p) => terminal.progress(describeProgress(p)) }
  )
  const required = signatureRequired(signer, false)
  const signature = result.verified
    ? await checkSignature(result.expected, { checksumsFile: checksums ? path.resolve(terminal.cwd, checksums) : null, attestations: null }, signerExpectation(signer, required, terminal.env))
    : null
  const verdict = signature === null ? null : judgeSignature(signature, required ? requirementReason(signer, false) : null)
  const refusal = verdict !== null && !verdict.accepted ? verdict.reason : null
  const signedBy = signerName(signature)
  if (values.json) {
    const json = { verified: result.verified && refusal === null, expected: result.expected, digest: result.actual, mismatches: result.mismatches, signer: signedBy, signatureRefused: refusal }
    printJson(terminal, json)
  } else if (result.verified && refusal !== null) {
    terminal.out(`The files are the sealed bytes, ${result.actual}, but the signature is not accepted:\n  ${refusal}\n`)
  } else if (result.verified) {
    terminal.out(`Verified: ${result.artifact.fileCount} files are the sealed bytes, ${result.actual}\n${signedBy ? `Signed by ${signedBy}\n` : ''}`)
  } else {
    const lines = [`NOT the sealed bytes`, `  sealed  ${result.expected}`, `  found   ${result.actual}`, ...mismatchLines(result.mismatches)]
    if (!result.listingGiven) lines.push('  (give --checksums with the sealed listing to name the files that differ)')
    terminal.out(`${lines.join('\n')}\n`)
  }
  return result.verified && refusal === null ? 0 : 1
}
