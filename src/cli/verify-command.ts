import { verifyArtifact } from '../app/verify/verify-artifact.js'
import { buildContextFromEnv, fallbackName } from '../app/settings/runner-environment.js'
import { type Digest, parseDigest } from '../core/digest.js'
import { SealError, quote } from '../core/errors.js'
import { isImageSubject, parseImageSubject } from '../core/image/reference.js'
import { parseSubjectPatterns } from '../core/subject/patterns.js'
import { describeProgress } from '../report/progress.js'
import { mismatchLines } from '../report/mismatch-text.js'
import { parseCommand, requireValue } from './arguments.js'
import { type Terminal, printJson } from './terminal.js'
import * as path from 'node:path'
import { checkSignature } from '../app/signature/check-signature.js'
import { requirementReason, signatureRequired } from '../app/settings/signing-settings.js'
import { signerExpectation } from '../app/settings/signer-expectation.js'
import { PLAIN_HTTP_HELP, PLAIN_HTTP_OPTIONS, plainHttpRegistries } from './registry-options.js'
import { SIGNER_OPTIONS, SIGNER_USAGE, readCliSignerCheck } from './signing-options.js'
import { judgeSignature, signerName } from '../app/signature/verdict.js'
import { plain } from '../report/paint.js'
import { formatCount } from '../report/format.js'

export const VERIFY_USAGE = `Usage: artifact-seal verify <path...> --digest DIGEST [--checksums FILE] [--root DIR] [--json]
       artifact-seal verify oci://<image> --digest DIGEST [--checksums FILE] [--json]

Recomputes the digest of the files and compares it with the sealed digest. Exits 1 when
they differ, naming every file that changed, went missing or appeared (with --checksums).
The files must be of the kind that was sealed (one file, or a tree): the listing and the
statement beside it say which, and one file whose bytes are a checksums listing is
refused, since its sha256 is also the digest of the tree it lists.

  <path...>          the files, directories or globs, as they were sealed
  oci://<image>      an image in its registry (ghcr.io/acme/app:1.4.0): its tag must name DIGEST,
                     or @sha256:… a platform image of the sealed index; prints what to deploy
  --digest DIGEST    the sealed digest ("sha256:<hex>" or bare hex)
  --checksums FILE   the sealed checksums listing, to name the files that differ
  --root DIR         the directory listing paths are relative to
  --json             print the result as JSON
${PLAIN_HTTP_HELP}

With a signed seal (<name>.sigstore.json beside the listing) the signature is checked too:
${SIGNER_USAGE}
  -h, --help         show this help`

const spec = {
  name: 'verify',
  usage: VERIFY_USAGE,
  allowPositionals: true,
  options: {
    ...PLAIN_HTTP_OPTIONS,
    digest: { type: 'string' },
    checksums: { type: 'string' },
    root: { type: 'string' },
    json: { type: 'boolean' },
    ...SIGNER_OPTIONS
  }
} as const

export async function verifyCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${VERIFY_USAGE}\n`)
    return 0
  }
  if (positionals.length === 0)
    throw new SealError('usage', `verify: give the files to check.\n\n${VERIFY_USAGE}`)
  const digest = requireValue('digest', values.digest)
  if (digest === undefined)
    throw new SealError(
      'usage',
      `verify: --digest is required: the digest the seal printed.\n\n${VERIFY_USAGE}`
    )
  const root = requireValue('root', values.root)
  const checksums = requireValue('checksums', values.checksums)
  const signer = readCliSignerCheck(values, terminal.cwd, terminal.env)
  // Read for files too: a mistake in it is refused, not ignored, as the actions do.
  const plainHttp = plainHttpRegistries(values)
  if (isImageSubject(positionals.join('\n'))) {
    if (root)
      throw new SealError(
        'usage',
        `verify: --root applies to files; ${quote(positionals.join(' '))} is an image.\n\n${VERIFY_USAGE}`
      )
    return verifyImage(
      positionals.join('\n'),
      parseDigest(digest, '--digest'),
      checksums ? path.resolve(terminal.cwd, checksums) : null,
      signer,
      values.json === true,
      terminal,
      plainHttp
    )
  }
  const result = await verifyArtifact(
    {
      subject: {
        kind: 'paths',
        patterns: parseSubjectPatterns(positionals.join('\n')),
        baseDir: terminal.cwd,
        inputName: 'verify <path...>',
        unusedExclusions: 'allow',
        ...(root ? { root } : {})
      },
      expected: parseDigest(digest, '--digest'),
      checksumsFile: checksums ? path.resolve(terminal.cwd, checksums) : null,
      checksumsInput: '--checksums',
      expectedInput: '--digest'
    },
    {
      fallbackName: fallbackName(terminal.env, terminal.cwd),
      build: buildContextFromEnv(terminal.env),
      onProgress: (p) => terminal.progress(describeProgress(p))
    }
  )
  const required = signatureRequired(signer, false)
  const signature = result.verified
    ? await checkSignature(
        result.expected,
        {
          checksumsFile: checksums ? path.resolve(terminal.cwd, checksums) : null,
          attestations: null
        },
        signerExpectation(signer, required, terminal.env)
      )
    : null
  const verdict =
    signature === null
      ? null
      : judgeSignature(signature, required ? requirementReason(signer, false) : null)
  const refusal = verdict !== null && !verdict.accepted ? verdict.reason : null
  const signedBy = signerName(signature)
  const paint = terminal.paint ?? plain
  if (values.json) {
    const json = {
      verified: result.verified && refusal === null,
      expected: result.expected,
      digest: result.actual,
      mismatches: result.mismatches,
      signer: signedBy,
      signatureRefused: refusal
    }
    printJson(terminal, json)
  } else if (result.verified && refusal !== null) {
    terminal.out(
      `The files are the sealed bytes, ${result.actual}, but the signature is ${paint('bad', 'not accepted')}:\n  ${refusal}\n`
    )
  } else if (result.verified) {
    terminal.out(
      `${paint('good', 'Verified')}: ${formatCount(result.artifact.fileCount, 'file is', 'files are')} the ` +
        `sealed bytes, ${result.actual}\n${signedBy ? `Signed by ${signedBy}\n` : ''}`
    )
  } else {
    const lines = [
      paint('bad', 'NOT the sealed bytes'),
      `  sealed  ${result.expected}`,
      `  found   ${result.actual}`,
      ...mismatchLines(result.mismatches, paint)
    ]
    if (!result.listingGiven)
      lines.push('  (give --checksums with the sealed listing to name the files that differ)')
    terminal.out(`${lines.join('\n')}\n`)
  }
  return result.verified && refusal === null ? 0 : 1
}

/**
 * `verify oci://<image> --digest D`: the image gate the verify action runs (the tag must name
 * D, a platform digest must be a child of the sealed index, every manifest proven), the
 * signature looked for beside --checksums and among the image's referrers.
 */
async function verifyImage(
  text: string,
  expected: Digest,
  checksumsFile: string | null,
  signer: ReturnType<typeof readCliSignerCheck>,
  json: boolean,
  terminal: Terminal,
  plainHttp: readonly string[]
): Promise<number> {
  const { checkImageBytes, imageSignatureSources } = await import('../app/image/image-bytes.js')
  const { openImageRegistry } = await import('../app/image/open-registry.js')
  const source = {
    kind: 'image' as const,
    reference: parseImageSubject(text, 'verify <image>'),
    inputName: 'verify <image>',
    token: terminal.env.GITHUB_TOKEN ?? '',
    checksumsFile,
    plainHttp
  }
  const registry = openImageRegistry(terminal.env, source.token, {
    insecureRegistries: plainHttp
  })
  const checked = await checkImageBytes(source, expected, registry)
  const required = signatureRequired(signer, false)
  const base = { checksumsFile, attestations: null }
  const signature = await checkSignature(
    expected,
    required || signer.asksForSigner ? imageSignatureSources(base, source, registry) : base,
    signerExpectation(signer, required, terminal.env)
  )
  const verdict = judgeSignature(signature, required ? requirementReason(signer, false) : null)
  const refusal = verdict.accepted ? null : verdict.reason
  const signedBy = signerName(signature)
  if (json) {
    printJson(terminal, {
      verified: refusal === null,
      expected,
      digest: checked.actual,
      mismatches: [],
      signer: signedBy,
      signatureRefused: refusal,
      imageRef: checked.image.imageRef
    })
  } else if (refusal !== null) {
    terminal.out(
      `The image is the sealed ${expected}, but the signature is not accepted:\n  ${refusal}\n`
    )
  } else {
    terminal.out(
      `Verified: ${source.reference.name} is the sealed ${expected}\nDeploy ${checked.image.imageRef}\n${signedBy ? `Signed by ${signedBy}\n` : ''}`
    )
  }
  return refusal === null ? 0 : 1
}
