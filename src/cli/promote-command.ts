import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { DEFAULT_POLICY_FILE, loadPolicy } from '../app/settings/load-policy.js'
import { findEnvironment } from '../core/promotion/policy.js'
import { ownService, pipelineStatus } from '../app/ledger/pipeline-status.js'
import { contractsKnown } from '../app/promote/contract-plan.js'
import { promoteDigest } from '../app/promote/promote-digest.js'
import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { parseDigest } from '../core/digest.js'
import { formatDuration, parseDuration } from '../core/promotion/duration.js'
import { isImageSubject, parseImageSubject } from '../core/image/reference.js'
import { SealError, quote } from '../core/errors.js'
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  type LedgerEntry,
  makesLive
} from '../core/promotion/record.js'
import { parseSubjectPatterns } from '../core/subject/patterns.js'
import { describeProgress } from '../report/progress.js'
import { resolutionHeadline } from '../report/promotion-report.js'
import { renderPromotionText } from '../report/promotion-text.js'
import { parseCommand, requireValue } from './arguments.js'
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from './ledger-options.js'
import { type Terminal, printJson, printWarning } from './terminal.js'
import {
  RECORD_SIGNING_USAGE,
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  SIGNING_OPTIONS,
  readCliSignerCheck,
  readCliSigning
} from './signing-options.js'
import { prepareSigning } from '../app/signature/signing.js'
import { promoteRequest } from '../app/promote/request.js'
import type { PromotionAsked } from '../app/promote/types.js'
import { signerName } from '../app/signature/verdict.js'
import type { ImageRegistry } from '../stores/registry/image-registry.js'
import { PLAIN_HTTP_HELP, PLAIN_HTTP_OPTIONS, plainHttpRegistries } from './registry-options.js'

export const PROMOTE_USAGE = `Usage: artifact-seal promote <digest|previous> --environment ENV [options] [-- <deploy command…>]
       artifact-seal promote --from ENV --environment ENV [options] [-- <deploy command…>]

Lets a sealed digest into an environment when the promotion policy holds, and records
the decision in the ledger: pending, since nothing counts as deployed until the deployment
is confirmed. Exits 1 when it is refused.

With "-- <deploy command…>", runs the command once the digest is let in (with
ARTIFACT_SEAL_PATH set to the verified files, empty without --path; ARTIFACT_SEAL_DIGEST, ARTIFACT_SEAL_ENVIRONMENT,
ARTIFACT_SEAL_RECORD_ID and, for an image, ARTIFACT_SEAL_IMAGE_REF: name@sha256:…, the copy's when
the policy copies it) and confirms the record when it exits 0, or records the
deployment as failed and exits with its status. Without it, confirm the record afterwards
with "artifact-seal confirm <record-id>".

  --environment ENV   the environment, as the policy names it
  --path P            the bytes about to be deployed: re-verified first (repeatable);
                      or oci://<image>, checked in its registry as the verify command does;
                      the policy's image: rule then retags or copies it, as the action does
  --checksums FILE    the sealed listing, to name the files that differ; the seal's
                      signature is the <name>.sigstore.json beside it
${PLAIN_HTTP_HELP}
  --push-to-registry  with oci://<image>: attach the signed record (its verification
                      summary) to the image in its registry, as seal's flag does
  --digest-only       promote with no bytes to check (an image deployed by its digest).
                      Without --path a promotion is refused unless this is given or the
                      seal's signature (beside --checksums) shows it was sealed from a
                      digest alone (subject-digest); a dry run needs neither
  --root DIR          the directory listing paths are relative to
  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
  --from ENV          promote what ENV runs now: the live digest of the service there
                      (--subject-name picks it when ENV runs several); a digest given
                      too must be it
  --wait DURATION     wait up to DURATION (30m, 2h) for a soak to end, or for an upstream
                      deployment of the digest to be confirmed, then read the ledger and
                      judge everything again; by default such a promotion is refused
  --rollback          return to a digest the environment ran before ("previous": the last good one)
  --dry-run           decide, record nothing
  --subject-name NAME the artifact's name, for the records: the service it is of (an
                      environment runs one live digest per service), unless the
                      policy names one; a rollback to "previous" is of this service
  --contract-baseline BUNDLE
                      the seal bundle of the digest the environment runs, for a contract
                      rule, when its contract is not kept beside the file ledger
  --json              print the decision as JSON on stdout (with "resolution", the
                      record a deploy command's status wrote); everything else on stderr

The seal's signature (<name>.sigstore.json beside --checksums) is checked, and the
policy's signed-by rule applies to it:
${SIGNER_USAGE}

Each record can be signed as a SLSA verification summary, kept beside the file ledger:
${RECORD_SIGNING_USAGE}
  -h, --help          show this help`

const spec = {
  name: 'promote',
  usage: PROMOTE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: 'string' },
    path: { type: 'string', multiple: true },
    checksums: { type: 'string' },
    root: { type: 'string' },
    policy: { type: 'string' },
    rollback: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'digest-only': { type: 'boolean' },
    'push-to-registry': { type: 'boolean' },
    ...PLAIN_HTTP_OPTIONS,
    'subject-name': { type: 'string' },
    json: { type: 'boolean' },
    'contract-baseline': { type: 'string' },
    from: { type: 'string' },
    wait: { type: 'string' },
    ...LEDGER_OPTIONS,
    ...SIGNER_OPTIONS,
    ...SIGNING_OPTIONS
  }
} as const

export async function promoteCommand(args: string[], terminal: Terminal): Promise<number> {
  const split = args.indexOf('--')
  const deploy = split < 0 ? null : args.slice(split + 1)
  const { values, positionals } = parseCommand(spec, split < 0 ? args : args.slice(0, split))
  if (values.help) {
    terminal.out(`${PROMOTE_USAGE}\n`)
    return 0
  }
  const from = requireValue('from', values.from) ?? null
  if (positionals.length > 1 || (positionals.length === 0 && from === null))
    throw new SealError(
      'usage',
      `promote: give one digest (or "previous" with --rollback, or --from ENV).\n\n${PROMOTE_USAGE}`
    )
  const environment = requireValue('environment', values.environment)
  if (environment === undefined)
    throw new SealError('usage', `promote: --environment is required.\n\n${PROMOTE_USAGE}`)
  const given = positionals[0] ?? null
  if (given === 'previous' && !values.rollback)
    throw new SealError(
      'bad-input',
      'promote: "previous" means a rollback; add --rollback, or give a digest.'
    )
  const digest =
    given === null
      ? null
      : given === 'previous'
        ? 'previous'
        : parseDigest(given, 'promote <digest>')
  const waitText = requireValue('wait', values.wait)
  const waitMs = waitText === undefined ? 0 : parseDuration(waitText)
  if (waitMs === null)
    throw new SealError(
      'bad-input',
      `--wait: ${quote(waitText as string)} is not a duration. Give one such as "30m", "2h" or "1h30m".`
    )
  const cwd = terminal.cwd
  const checksums = requireValue('checksums', values.checksums)
  const checksumsFile = checksums ? path.resolve(cwd, checksums) : null
  const root = requireValue('root', values.root)
  const paths = values.path ?? []
  const digestOnly = values['digest-only'] ?? false
  if (digestOnly && paths.length > 0)
    throw new SealError(
      'bad-input',
      'promote: --digest-only says this promotion carries no bytes, but --path gives them. Leave out ' +
        '--digest-only to check them, or --path.'
    )
  const dryRun = values['dry-run'] ?? false
  if (deploy !== null && deploy.length === 0)
    throw new SealError(
      'bad-input',
      'promote: "--" is followed by nothing; give the deploy command after it, such as "-- ./deploy.sh".'
    )
  if (deploy !== null && dryRun)
    throw new SealError(
      'bad-input',
      'promote: --dry-run records nothing, so there is no deployment to run after "--"; leave one of them out.'
    )

  const imageSubject = isImageSubject(paths.join('\n'))
  const plainHttp = plainHttpRegistries(values)
  const pushToRegistry = values['push-to-registry'] === true
  if (pushToRegistry && !imageSubject)
    throw new SealError(
      'bad-input',
      'promote: --push-to-registry attaches the signed record to an image; give --path oci://<image>.'
    )
  const signer = readCliSignerCheck(values, cwd, terminal.env)
  const signing = await prepareSigning(
    readCliSigning(
      { sign: values['signing-key'] === undefined ? 'none' : 'key', ...values },
      cwd,
      terminal.env
    ),
    terminal.env
  )
  // Refused in a dry run too, as the action does: the dry run is where the mistake shows.
  if (pushToRegistry && signing.kind === 'none')
    throw new SealError(
      'bad-input',
      'promote: --push-to-registry attaches the signed record, and records are not signed: give --signing-key ' +
        '(or --sign keyless), or leave out --push-to-registry.'
    )
  const policy = loadPolicy(
    path.resolve(cwd, requireValue('policy', values.policy) ?? DEFAULT_POLICY_FILE),
    '--policy',
    cwd
  )
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    !dryRun,
    false,
    dryRun ? undefined : signing
  )
  const location = ledgerLocationFromOptions(values, terminal)
  const baseline = requireValue('contract-baseline', values['contract-baseline'])
  const warn = (message: string): void => printWarning(terminal, message)
  const asked: PromotionAsked = {
    environment,
    digest,
    from,
    waitMs,
    rollback: values.rollback ?? false,
    dryRun,
    name: requireValue('subject-name', values['subject-name']) ?? null,
    environmentUrl: null,
    source: imageSubject
      ? {
          kind: 'image',
          reference: parseImageSubject(paths.join('\n'), '--path'),
          inputName: '--path',
          token: terminal.env.GITHUB_TOKEN ?? '',
          checksumsFile,
          plainHttp
        }
      : paths.length > 0
        ? {
            kind: 'local',
            subject: {
              kind: 'paths',
              patterns: parseSubjectPatterns(paths.join('\n')),
              baseDir: cwd,
              inputName: '--path',
              unusedExclusions: 'allow',
              ...(root ? { root } : {})
            },
            checksumsFile
          }
        : null,
    sealListing: paths.length > 0 ? null : checksumsFile,
    withoutBytes: {
      declared: digestOnly,
      missing:
        'promote: no bytes to check: the digest would be let in with nothing verified, and ARTIFACT_SEAL_PATH ' +
        'empty. Give --path with the files about to be deployed (and --checksums ' +
        "with the seal's listing). " +
        ('A seal of a digest alone (subject-digest, such as an image) needs none when its signature shows it: ' +
          "give --checksums with its seal bundle's listing and --public-key (or the " +
          'signer options). ') +
        'To promote with nothing checked, say so with --digest-only.'
    },
    signer,
    contractBaseline: baseline === undefined ? null : path.resolve(cwd, baseline),
    token: ''
  }
  const signedRecords = new Map<string, string>()
  const imageRegistry = lazyImageRegistry(terminal.env, plainHttp)
  const request = promoteRequest(asked, policy, location, signing, {
    env: terminal.env,
    onRecordSigned: (record, json) => signedRecords.set(record.key, json),
    ...(imageSubject ? { imageRegistry } : {}),
    baseDir: cwd,
    downloadsDir: path.join(cwd, '.artifact-seal', 'downloads'),
    names: {
      environment: '--environment',
      digest: 'promote <digest>',
      name: '--subject-name',
      checksums: '--checksums',
      artifactName: '--artifact-name',
      contractBaseline: '--contract-baseline',
      token: 'GITHUB_TOKEN',
      from: '--from',
      wait: '--wait'
    },
    asFlags: true,
    downloads: false,
    log: (message) => terminal.progress(message),
    warn,
    onProgress: (p) => terminal.progress(describeProgress(p)),
    ...(terminal.sleep === undefined
      ? {}
      : { sleep: (ms: number) => (terminal.sleep as (ms: number) => Promise<void>)(ms) })
  })
  const result = await promoteDigest(request, policy, ledger, {
    pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS
  })
  // As the action: once the gate allowed and the record is pending, the policy's image rule (retag,
  // copy-to) and --push-to-registry; a failure of the rule leaves the record pending.
  const imageRule = findEnvironment(policy, environment)?.image
  let imageRef: string | null = result.verification?.imageRef ?? null
  let imageDone: readonly string[] = []
  if (
    result.decision.allowed &&
    !dryRun &&
    asked.source?.kind === 'image' &&
    result.digest !== null &&
    result.record !== null &&
    (imageRule !== undefined || pushToRegistry)
  ) {
    const { finishImagePromotion } = await import('../app/promote/image-promotion.js')
    const image = await finishImagePromotion(
      {
        reference: asked.source.reference,
        digest: result.digest,
        environment,
        rule: imageRule,
        pushToRegistry,
        signedRecord: signedRecords.get(result.record.key) ?? null,
        signedRecordUri: result.record.attestation?.uri ?? null,
        pushInput: '--push-to-registry'
      },
      await imageRegistry()
    )
    imageDone = image.done
    if (image.recordNotAttached !== null) warn(image.recordNotAttached)
    imageRef = image.imageRef
  }
  // With --json, stdout holds the JSON alone.
  if (values.json) for (const line of imageDone) terminal.progress(line)
  // With --json the result is printed once, at the end, with the deployment's resolution.
  const printResult = (resolution: LedgerEntry | null): void =>
    printJson(terminal, {
      ...result.decision,
      previous: result.previous?.digest ?? null,
      signer: signerName(result.signature),
      record: result.record,
      imageRef: result.decision.allowed ? imageRef : null,
      resolution
    })
  if (!values.json) {
    const status = await pipelineStatus(policy, ledger, {
      knownContracts: contractsKnown(result.digest, result.contract),
      ...ownService(policy, result.service)
    })
    terminal.out(
      renderPromotionText(
        { result, policy, status, ledger: ledger.location, name: result.name, dryRun },
        terminal.paint
      )
    )
    for (const line of imageDone) terminal.out(`${line}\n`)
    if (result.decision.allowed && imageRef !== null)
      terminal.out(`Deploy ${imageRef} (the image by digest, never the tag).\n`)
  }
  // Said only where the claim disagrees with the service something proven picked (a pinned service
  // names every artifact's).
  if (
    (result.claimedName ?? null) !== null &&
    result.service !== null &&
    result.service !== result.claimedName &&
    (policy.service ?? null) === null
  ) {
    terminal.progress(
      `the seal's unsigned statement claims the name ${quote(result.claimedName as string)}: a claim, not ` +
        'proven, so it did not pick the service (give --subject-name or sign the ' +
        'seal)'
    )
  }
  if ((result.waitedMs ?? 0) > 0)
    terminal.err(
      `artifact-seal: waited ${formatDuration(result.waitedMs as number)} for the soak before deciding.\n`
    )
  for (const entry of result.abandoned)
    terminal.err(
      `artifact-seal: record ${entry.resolves} (${entry.digest}) was never confirmed; marked abandoned.\n`
    )
  const record = result.record
  if (!result.decision.allowed || record === null || deploy === null) {
    if (values.json) printResult(null)
    if (result.decision.allowed && record !== null) {
      terminal.out(
        `Record ${record.id} is pending. When the deployment is done: artifact-seal confirm ${record.id} ` +
          `--ledger ${ledger.location} (or --outcome failure).\n`
      )
    }
    return result.decision.allowed ? 0 : 1
  }
  const status = await runDeploy(deploy, terminal, {
    ARTIFACT_SEAL_PATH: result.verification?.path ?? '',
    ARTIFACT_SEAL_DIGEST: record.digest,
    ARTIFACT_SEAL_ENVIRONMENT: record.environment,
    ARTIFACT_SEAL_RECORD_ID: record.id,
    ...(imageRef === null ? {} : { ARTIFACT_SEAL_IMAGE_REF: imageRef })
  })
  const failed =
    status.code === 0 ? null : `the deploy command ${quote(deploy.join(' '))} ${status.describe}`
  const entry = await ledger.resolve({
    id: record.id,
    outcome: failed === null ? 'confirmed' : 'failed',
    reason: failed,
    ...requesterFromEnv(terminal.env)
  })
  terminal.out(`${resolutionHeadline(entry)}${entry.reason ? `: ${entry.reason}` : ''}\n`)
  if (values.json) printResult(entry)
  if (failed !== null) return status.code
  return makesLive(entry.outcome) ? 0 : 1
}

/** One registry client for the gate, the image rule and --push-to-registry (one login), opened on first use. */
function lazyImageRegistry(
  env: Terminal['env'],
  plainHttp: readonly string[]
): () => Promise<ImageRegistry> {
  let registry: ImageRegistry | null = null
  return async () => {
    if (registry === null) {
      const { openImageRegistry } = await import('../app/image/open-registry.js')
      registry = openImageRegistry(env, env.GITHUB_TOKEN ?? '', { insecureRegistries: plainHttp })
    }
    return registry
  }
}

/** Runs the deploy command with the terminal's environment and the promotion's, its output passed through. */
async function runDeploy(
  command: readonly string[],
  terminal: Terminal,
  extra: Record<string, string>
): Promise<{ code: number; describe: string }> {
  const [file, ...args] = command as [string, ...string[]]
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: terminal.cwd,
      env: { ...terminal.env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // The deploy command's output is the user's own, commands included: relayed unchanged.
    const relay = (stream: 'out' | 'err', chunk: Buffer): void =>
      terminal.relay ? terminal.relay(stream, chunk.toString()) : terminal[stream](chunk.toString())
    child.stdout.on('data', (chunk: Buffer) => relay('out', chunk))
    child.stderr.on('data', (chunk: Buffer) => relay('err', chunk))
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ code: 127, describe: `could not be started (${error.code ?? error.message})` })
    )
    child.on('close', (code, signal) =>
      resolve(
        code === 0
          ? { code: 0, describe: 'exited 0' }
          : { code: code ?? 1, describe: signal ? `was killed by ${signal}` : `exited ${code}` }
      )
    )
  })
}
