import * as path from 'node:path'
import { parseSubjectPatterns } from '../core/subject/patterns.js'
import { sealToBundle } from '../app/seal/seal-to-bundle.js'
import { buildContextFromEnv, fallbackName } from '../app/settings/runner-environment.js'
import { describeProgress } from '../report/progress.js'
import { renderSealText } from '../report/seal-text.js'
import { type Terminal, printJson } from './terminal.js'
import { parseCommand, requireValue } from './arguments.js'
import { SIGNING_OPTIONS, SIGNING_USAGE, readCliSigning } from './signing-options.js'
import { prepareSigning, withSigningWorkflow } from '../app/signature/signing.js'
import type { SignedStatement } from '../app/signature/types.js'
import type { SealedContract } from '../app/seal/types.js'
import {
  type ContractManifest,
  parseContractPatterns,
  parseManifest
} from '../core/contract/manifest.js'
import { SealError, quote } from '../core/errors.js'
import { isImageSubject, parseImageSubject } from '../core/image/reference.js'
import { imageRef, withImageAnnotation } from '../core/image/sealed-image.js'
import type { SealBundleLocation } from '../stores/evidence/seal-bundle.js'
import * as fs from 'node:fs'
import { PLAIN_HTTP_HELP, PLAIN_HTTP_OPTIONS, plainHttpRegistries } from './registry-options.js'

export const SEAL_USAGE = `Usage: artifact-seal seal <path...> [--subject-name NAME] [--root DIR] [--out DIR] [--signing-key FILE] [--json]
       artifact-seal seal oci://<image> [--push-to-registry] [--subject-name NAME] [--out DIR] [--signing-key FILE] [--json]

Seals files, directories or globs: computes the digest, writes the checksums listing
and the in-toto statement (signed in <name>.sigstore.json when a key or the job's OIDC
token is at hand), and prints a summary.

  <path...>     files, directories or globs; "!pattern" excludes
  oci://<image> an image in its registry (ghcr.io/acme/app:1.4.0): its top-level digest is sealed
  --push-to-registry   attach the signed seal to the image, as actions/attest does
${PLAIN_HTTP_HELP}
  --subject-name NAME   the artifact's name (default: the file's or directory's name)
  --root DIR    the directory listing paths are relative to
                (default: the directory given, else the deepest one holding every match)
  --out DIR     where the seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  --contract F  a contract file or glob among the sealed files, relative to the root
                (repeatable; "produces:F" or "consumes:F" for a JSON Schema)
  --contract-version V   the contract's version (default: the OpenAPI info.version)
${SIGNING_USAGE}
  -h, --help    show this help`

const spec = {
  name: 'seal',
  usage: SEAL_USAGE,
  allowPositionals: true,
  options: {
    'subject-name': { type: 'string' },
    root: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    contract: { type: 'string', multiple: true },
    'contract-version': { type: 'string' },
    'push-to-registry': { type: 'boolean' },
    ...PLAIN_HTTP_OPTIONS,
    ...SIGNING_OPTIONS
  }
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
  const contractPatterns = parseContractPatterns((values.contract ?? []).join('\n'), '--contract')
  const contractVersion = requireValue('contract-version', values['contract-version'])
  if (contractVersion !== undefined && contractPatterns.length === 0)
    throw new SealError(
      'bad-input',
      'seal: --contract-version goes with --contract; name the contract files, or remove it.'
    )
  // Read for files too: a mistake in it is refused, not ignored, as the actions do.
  const plainHttp = plainHttpRegistries(values)
  const signing = await prepareSigning(readCliSigning(values, cwd, terminal.env), terminal.env)
  const build = withSigningWorkflow(buildContextFromEnv(terminal.env), signing)
  let signed: SignedStatement | null = null
  const image = isImageSubject(positionals.join('\n'))
    ? await sealedImage(positionals.join('\n'), root, terminal, plainHttp)
    : null
  const push = values['push-to-registry'] === true
  if (push && image === null)
    throw new SealError(
      'usage',
      `seal: --push-to-registry attaches the signed seal to an image; give oci://<image>.\n\n${SEAL_USAGE}`
    )
  if (push && signing.kind === 'none')
    throw new SealError(
      'usage',
      'seal: --push-to-registry attaches the signed seal, and this seal is not signed: give ' +
        `--signing-key.\n\n${SEAL_USAGE}`
    )
  const { artifact, bundle } = await sealToBundle(
    image !== null
      ? { kind: 'digest', digest: image.sealed.digest, name: image.sealed.name }
      : {
          kind: 'paths',
          patterns: parseSubjectPatterns(positionals.join('\n')),
          baseDir: cwd,
          inputName: 'seal <path...>',
          ...(root ? { root } : {})
        },
    {
      name: requireValue('subject-name', values['subject-name']) ?? '',
      fallbackName: fallbackName(terminal.env, cwd),
      build,
      onProgress: (p) => terminal.progress(describeProgress(p))
    },
    {
      outputDir: out ? path.resolve(cwd, out) : null,
      defaultParent: path.join(cwd, '.seal'),
      inputName: '--out'
    },
    async (sealed) => {
      let artifact =
        image === null
          ? sealed
          : { ...sealed, statement: withImageAnnotation(sealed.statement, image.sealed) }
      let contract: SealedContract | null = null
      if (contractPatterns.length > 0) {
        const { collectContract, withContractAnnotation } =
          await import('../app/seal/seal-contract.js')
        contract = collectContract(artifact, {
          patterns: contractPatterns,
          version: contractVersion ?? '',
          inputs: { contract: '--contract', version: '--contract-version' }
        })
        artifact = {
          ...artifact,
          statement: withContractAnnotation(artifact.statement, contract.manifest)
        }
      }
      if (signing.kind !== 'none') signed = await signing.sign(artifact.statement)
      if (push && image !== null && signed !== null)
        await image.registry.attachBundle(
          image.reference,
          image.sealed.digest,
          Buffer.from((signed as SignedStatement).json)
        )
      const json = (signed as SignedStatement | null)?.json ?? null
      return {
        artifact,
        extras: {
          signed: json,
          contract:
            contract === null
              ? null
              : {
                  manifestJson: `${JSON.stringify(contract.manifest, null, 2)}\n`,
                  files: contract.files
                }
        }
      }
    }
  )
  // On a laptop an unsigned seal is the expected case; on a runner it is worth a line, once
  // the seal is made (a mistake in the paths is the news then, not the signature).
  if (signing.kind === 'none' && signing.notice !== null && terminal.env.GITHUB_ACTIONS === 'true')
    terminal.err(`notice: ${signing.notice}\n`)
  const done = signed as SignedStatement | null
  const signature =
    done !== null && bundle.sigstoreBundlePath !== null
      ? {
          signed: true as const,
          signer: done.signer,
          kind: done.kind,
          bundlePath: bundle.sigstoreBundlePath,
          attestationUrl: null
        }
      : { signed: false as const, notice: null }
  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      size: artifact.size,
      root: artifact.root,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir,
      bundlePath: bundle.sigstoreBundlePath,
      signer: done?.signer ?? null,
      contractPath: bundle.contractPath ?? null,
      contractDigest: contractOf(bundle)?.digest ?? null,
      contractVersion: contractOf(bundle)?.version ?? null,
      imageRef: image === null ? null : imageRef(image.sealed)
    }
    printJson(terminal, result)
  } else {
    terminal.out(renderSealText({ artifact, bundle, build, signature }, terminal.paint))
    if (image !== null) terminal.out(`Deploy ${imageRef(image.sealed)}\n`)
  }
  return 0
}

/** `seal oci://<image>`: the tag resolved once, the manifest's bytes proven, its platforms read from them. */
async function sealedImage(
  text: string,
  root: string | undefined,
  terminal: Terminal,
  plainHttp: readonly string[]
) {
  if (root)
    throw new SealError(
      'usage',
      `seal: --root applies to files; ${quote(text)} is an image.\n\n${SEAL_USAGE}`
    )
  const reference = parseImageSubject(text, 'seal <image>')
  const { openImageRegistry } = await import('../app/image/open-registry.js')
  const { resolveImage } = await import('../app/image/resolve-image.js')
  const registry = openImageRegistry(terminal.env, terminal.env.GITHUB_TOKEN ?? '', {
    insecureRegistries: plainHttp
  })
  return { reference, registry, sealed: await resolveImage(reference, registry) }
}

function contractOf(bundle: SealBundleLocation): ContractManifest | null {
  return bundle.contractPath
    ? parseManifest(fs.readFileSync(bundle.contractPath, 'utf8'), bundle.contractPath)
    : null
}
