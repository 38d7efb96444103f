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
import { type ContractManifest, parseContractPatterns, parseManifest } from '../core/contract/manifest.js'
import { SealError } from '../core/errors.js'
import type { SealBundleLocation } from '../stores/evidence/seal-bundle.js'
import * as fs from 'node:fs'

export const SEAL_USAGE = `Usage: artifact-seal seal <path...> [--subject-name NAME] [--root DIR] [--out DIR] [--signing-key FILE] [--json]

Seals files, directories or globs: computes the digest, writes the checksums listing
and the in-toto statement (signed in <name>.sigstore.json when a key or the job's OIDC
token is at hand), and prints a summary.

  <path...>     files, directories or globs; "!pattern" excludes
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
  if (contractVersion !== undefined && contractPatterns.length === 0) throw new SealError('bad-input', 'seal: --contract-version goes with --contract; name the contract files, or remove it.')
  const signing = await prepareSigning(readCliSigning(values, cwd, terminal.env), terminal.env)
  // On a laptop an unsigned seal is the expected case; on a runner it is worth a line.
  if (signing.kind === 'none' && signing.notice !== null && terminal.env.GITHUB_ACTIONS === 'true') terminal.err(`notice: ${signing.notice}\n`)
  const build = withSigningWorkflow(buildContextFromEnv(terminal.env), signing)
  let signed: SignedStatement | null = null
  const { artifact, bundle } = await sealToBundle(
    {
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
    { outputDir: out ? path.resolve(cwd, out) : null, defaultParent: path.join(cwd, '.seal'), inputName: '--out' },
    async (sealed) => {
      let artifact = sealed
      let contract: SealedContract | null = null
      if (contractPatterns.length > 0) {
        const { collectContract, withContractAnnotation } = await import('../app/seal/seal-contract.js')
        contract = collectContract(artifact, { patterns: contractPatterns, version: contractVersion ?? '', inputs: { contract: '--contract', version: '--contract-version' } })
        artifact = { ...artifact, statement: withContractAnnotation(artifact.statement, contract.manifest) }
      }
      if (signing.kind !== 'none') signed = await signing.sign(artifact.statement)
      const json = (signed as SignedStatement | null)?.json ?? null
      return {
        artifact,
        extras: { signed: json, contract: contract === null ? null : { manifestJson: `${JSON.stringify(contract.manifest, null, 2)}\n`, files: contract.files } }
      }
    }
  )
  const done = signed as SignedStatement | null
  const signature =
    done !== null && bundle.sigstoreBundlePath !== null
      ? { signed: true as const, signer: done.signer, kind: done.kind, bundlePath: bundle.sigstoreBundlePath, attestationUrl: null }
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
      contractVersion: contractOf(bundle)?.version ?? null
    }
    printJson(terminal, result)
  } else {
    terminal.out(renderSealText({ artifact, bundle, build, signature }))
  }
  return 0
}

function contractOf(bundle: SealBundleLocation): ContractManifest | null {
  return bundle.contractPath ? parseManifest(fs.readFileSync(bundle.contractPath, 'utf8'), bundle.contractPath) : null
}
