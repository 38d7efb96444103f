import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { type ArtifactClient, DefaultArtifactClient, type FindOptions } from '@actions/artifact'
import { type Digest, digestFromHex, hexOf } from '../../core/digest.js'
import { isSealError, messageOf, quote, SealError } from '../../core/errors.js'
import { ARTIFACT_FILES_DIR, ARTIFACT_SEAL_DIR, unpackArtifact } from './artifact-unpack.js'
import { signedArtifactUrl } from './artifact-service.js'
import { ServiceAnswerError } from '../../http/service-call.js'
import { privateDir, removeQuietly } from './directory-handoff.js'
import type { SealBundleLocation } from './seal-bundle.js'
import { type SavedDownload, StorageAnswerError, saveSignedUrl } from './signed-download.js'
import { UnreadableZipError } from './zip-reader.js'
import type { Env } from '../../core/env.js'

/**
 * Carries a seal bundle, and optionally the sealed files, from one job to later jobs (of
 * the same run or of later runs) as one workflow artifact, through @actions/artifact.
 *
 * Inside the artifact:
 *
 *   seal/<name>.sha256        the checksums listing
 *   seal/<name>.intoto.json   the statement
 *   seal/<name>.sigstore.json the signed statement, when the seal is signed
 *   seal/<name>.contract.json the contract manifest, and seal/<name>.contract/ its files
 *   files/<path>              each sealed file, at its path in the listing (when included)
 *
 * Workflow artifacts are immutable: the results service refuses a second artifact of the
 * same name in a run, so what a later job downloads under a name is what was uploaded.
 * The zip's sha256, recorded by the service at upload, is checked on every download.
 *
 * A download is saved as a zip into a fresh private directory under the runner's temp
 * directory (the client's own extraction is not used), then listed and unpacked there by
 * artifact-unpack.ts, which refuses the whole zip when one entry is not what a seal puts
 * there. A name can be deleted and uploaded again, so the digest recorded at upload
 * proves only that the download arrived whole.
 */

export { ARTIFACT_FILES_DIR, ARTIFACT_SEAL_DIR } from './artifact-unpack.js'

/** The names of the inputs that feed each value, for error messages. */
export interface ArtifactInputNames {
  readonly name: string
  readonly runId: string
  readonly token: string
  readonly repository: string
  readonly retentionDays: string
  readonly path: string
}

export const ARTIFACT_INPUTS: ArtifactInputNames = {
  name: 'name',
  runId: 'run-id',
  token: 'github-token',
  repository: 'repository',
  retentionDays: 'retention-days',
  path: 'path'
}

export interface ArtifactUpload {
  readonly name: string
  readonly bundle: SealBundleLocation
  /** The sealed files (the artifact root and the listing's paths), or null to carry the bundle alone. */
  readonly files: { readonly root: string; readonly paths: readonly string[] } | null
  /** Days until the artifact expires; the repository's setting when absent. */
  readonly retentionDays?: number
}

export interface UploadedArtifact {
  readonly id: number
  readonly name: string
  /** Bytes of the zip. */
  readonly size: number
  /** sha256 of the zip, as the service recorded it (actions/upload-artifact's `artifact-digest`). */
  readonly digest: Digest | null
  /**
   * True when a first attempt of the job had uploaded this very seal under the name, and this
   * upload is that artifact.
   */
  readonly reused: boolean
  /** Days GitHub keeps it: what was asked, capped at the repository's limit; null when neither is known. */
  readonly retentionDays: number | null
  /** The repository's limit the runner passed (GITHUB_RETENTION_DAYS); null when it passed none. */
  readonly retentionLimit: number | null
}

export interface ArtifactDownload {
  readonly name: string
  /**
   * Where the download's private directory is made (mkdtemp, mode 0700): the runner's temp
   * directory, never the workspace (refused when inside GITHUB_WORKSPACE).
   */
  readonly parent: string
  /** The workflow run that uploaded it; this run when absent. */
  readonly runId?: number
  /** Needed for another run: a token that may read the repository's actions (`actions: read`). */
  readonly token?: string
  /** owner/name of that run's repository; this repository when absent. */
  readonly repository?: string
  /**
   * What to do when the zip's sha256 differs from the one recorded at upload (a download
   * cut short, or storage changed): `fail` (default) or `continue`, for a caller that
   * verifies every file against the seal itself and reports the difference by file.
   */
  readonly onDigestMismatch?: 'fail' | 'continue'
}

export interface DownloadedArtifact {
  readonly id: number
  readonly name: string
  /** The run it came from; null for this run. */
  readonly runId: number | null
  readonly dir: string
  readonly sealDir: string
  readonly checksumsPath: string
  readonly statementPath: string
  /** The sealed files' root, or null when only the bundle was uploaded. */
  readonly filesDir: string | null
  /** The zip's sha256 as recorded at upload; null when the service recorded none. */
  readonly digest: Digest | null
  /** Bytes of the zip. */
  readonly size: number
  /** False only with `onDigestMismatch: 'continue'`, when the zip's bytes differed from `digest`. */
  readonly digestMatched: boolean
}

export interface WorkflowArtifactStoreOptions {
  /** Where GITHUB_RUN_ID, GITHUB_REPOSITORY and RUNNER_TEMP are read; process.env by default. */
  readonly env?: Env
  readonly inputs?: Partial<ArtifactInputNames>
  /** The @actions/artifact client; it reads the runner's variables from process.env itself. */
  readonly client?: ArtifactClient
}

/** Characters @actions/artifact (and the service) refuse in file paths, and names add `\` and `/`. */
const PATH_FORBIDDEN = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n']
/** The zip's name in the download's private directory: ours, never one storage's headers chose. */
const DOWNLOADED_ZIP = '.artifact.zip'
const NAME_FORBIDDEN = [...PATH_FORBIDDEN, '\\', '/']
const describeChar = (c: string): string =>
  c === '\r' ? 'a carriage return' : c === '\n' ? 'a line break' : quote(c)

export class WorkflowArtifactStore {
  private readonly env: Env
  private readonly inputs: ArtifactInputNames
  private readonly client: ArtifactClient

  constructor(options: WorkflowArtifactStoreOptions = {}) {
    this.env = options.env ?? process.env
    this.inputs = { ...ARTIFACT_INPUTS, ...options.inputs }
    this.client = options.client ?? new DefaultArtifactClient()
  }

  /** Uploads the bundle and, when given, exactly the listed files: nothing else under the root. */
  async upload(request: ArtifactUpload): Promise<UploadedArtifact> {
    const { name } = request
    this.checkName(name)
    const retentionDays = this.checkRetention(request.retentionDays)
    const keptFor = this.keptFor(retentionDays)
    const { staging, files } = this.stage(request)
    try {
      const result = await this.client.uploadArtifact(
        name,
        files,
        staging,
        retentionDays === undefined ? {} : { retentionDays }
      )
      if (result.id === undefined)
        throw new Error(`the results service returned no id for the artifact ${quote(name)}`)
      return {
        id: result.id,
        name,
        size: result.size ?? 0,
        digest: result.digest ? digestFromHex(result.digest) : null,
        reused: false,
        ...keptFor
      }
    } catch (error) {
      const refused = this.uploadError(name, error)
      if (!isSealError(refused, 'conflict')) throw refused
      return { ...(await this.sameSealUploaded(request, refused)), ...keptFor }
    } finally {
      removeQuietly(staging)
    }
  }

  /**
   * The days GitHub keeps the artifact: what was asked, capped at the repository's limit the
   * runner passes (GITHUB_RETENTION_DAYS), as the results service applies it; the limit alone
   * when nothing was asked. Null where the runner says nothing.
   */
  private keptFor(
    asked: number | undefined
  ): Pick<UploadedArtifact, 'retentionDays' | 'retentionLimit'> {
    const limit = Number(this.env.GITHUB_RETENTION_DAYS)
    const retentionLimit = Number.isInteger(limit) && limit > 0 ? limit : null
    const retentionDays =
      asked === undefined
        ? retentionLimit
        : retentionLimit === null
          ? asked
          : Math.min(asked, retentionLimit)
    return { retentionDays, retentionLimit }
  }

  /** The names of this run's artifacts (the latest of each name), for a pattern to match. */
  async list(): Promise<string[]> {
    try {
      const { artifacts } = await this.client.listArtifacts({ latest: true })
      return artifacts.map((a) => a.name)
    } catch (error) {
      throw environmentError(error, 'list the workflow artifacts') ?? asError(error)
    }
  }

  /**
   * A job run again finds the artifact its first attempt uploaded under the name. When that
   * artifact carries this very seal (the same listing, with the files when they are asked for),
   * the upload is done already: it is that artifact. Anything else under the name is refused.
   */
  private async sameSealUploaded(
    request: ArtifactUpload,
    refused: SealError
  ): Promise<Omit<UploadedArtifact, 'retentionDays' | 'retentionLimit'>> {
    let existing: DownloadedArtifact
    try {
      existing = await this.download({
        name: request.name,
        parent: this.env.RUNNER_TEMP || os.tmpdir()
      })
    } catch (error) {
      throw new SealError(
        'conflict',
        `${refused.message} The artifact under the name could not be compared with this seal (${messageOf(error)}).`,
        { cause: error }
      )
    }
    try {
      const same = fs
        .readFileSync(existing.checksumsPath)
        .equals(fs.readFileSync(request.bundle.checksumsPath))
      const carriesFiles = existing.filesDir !== null
      if (same && carriesFiles === (request.files !== null))
        return {
          id: existing.id,
          name: existing.name,
          size: existing.size,
          digest: existing.digest,
          reused: true
        }
      throw new SealError(
        'conflict',
        `${this.inputs.name}: an artifact named ${quote(request.name)} already exists in this workflow run and ` +
          `holds ${same ? `the same seal ${carriesFiles ? 'with' : 'without'} the files, where this upload ${carriesFiles ? 'leaves them out' : 'carries them'}` : 'another seal (other files)'}; ` +
          `workflow artifacts are immutable: a name holds the bytes first uploaded under it. Choose another ${this.inputs.name} (for example with the job or matrix values in it).`
      )
    } finally {
      removeQuietly(existing.dir)
    }
  }

  /**
   * Downloads the artifact into a new private directory under `parent`, lists it and
   * unpacks what passed. On any failure nothing is left: the directory is deleted.
   */
  async download(request: ArtifactDownload): Promise<DownloadedArtifact> {
    const { name } = request
    this.checkName(name)
    const source = this.source(request)
    const dir = privateDir(request.parent, 'artifact-', this.env, this.inputs.path)
    try {
      const findBy = source.findBy
      const { artifact } = await this.client
        .getArtifact(name, findBy ? { findBy } : undefined)
        .catch((error: unknown) => {
          throw this.lookupError(name, source, error)
        })
      const digest = artifact.digest ? toDigest(artifact.digest) : null
      const zipFile = path.join(dir, DOWNLOADED_ZIP)
      let saved: SavedDownload
      try {
        const url = await signedArtifactUrl(
          this.env,
          { id: artifact.id, name: artifact.name },
          findBy
        )
        saved = await saveSignedUrl(url, zipFile)
      } catch (error) {
        throw this.downloadError(name, source, error)
      }
      const digestMismatch = digest !== null && saved.sha256 !== hexOf(digest)
      const label = `the artifact ${quote(name)} (id ${artifact.id}${source.where})`
      const otherBytes = (): SealError =>
        new SealError(
          'tampered',
          `${this.inputs.name}: ${label} arrived with other bytes than were uploaded: ` +
            (`its zip does not hash to ${digest}, the digest recorded at upload. The download was cut short or ` +
              'the stored artifact was changed. ') +
            `Re-run the job; if it fails again, do not trust this artifact and seal the build again.`
        )
      if (digestMismatch && request.onDigestMismatch !== 'continue') throw otherBytes()
      let layout: Awaited<ReturnType<typeof unpackArtifact>>
      try {
        layout = await unpackArtifact(zipFile, dir, { label, name, inputName: this.inputs.name })
      } catch (error) {
        if (isSealError(error, 'refused')) throw error
        // With the zip unreadable or the bundle gone, the files cannot say what differs: the zip's digest can.
        if (digestMismatch) throw otherBytes()
        if (error instanceof UnreadableZipError) {
          throw new SealError(
            'malformed',
            `${this.inputs.name}: ${label} is not a zip that can be read: ${error.message}. Nothing was ` +
              'extracted. Re-run the job; if it fails again, upload the artifact again.',
            { cause: error }
          )
        }
        throw error
      }
      removeQuietly(zipFile)
      return {
        id: artifact.id,
        name,
        runId: source.runId,
        dir,
        sealDir: path.join(dir, ARTIFACT_SEAL_DIR),
        checksumsPath: layout.checksumsPath,
        statementPath: layout.statementPath,
        filesDir: layout.hasFiles ? path.join(dir, ARTIFACT_FILES_DIR) : null,
        digest,
        size: saved.bytes,
        digestMatched: !digestMismatch
      }
    } catch (error) {
      removeQuietly(dir)
      throw error
    }
  }

  private checkName(name: string): void {
    if (name.trim() === '')
      throw new SealError(
        'bad-input',
        `${this.inputs.name}: the artifact name is empty. Give the name of the workflow artifact.`
      )
    const bad = NAME_FORBIDDEN.find((c) => name.includes(c))
    if (bad !== undefined) {
      throw new SealError(
        'bad-input',
        `${this.inputs.name}: ${quote(name)} contains ${describeChar(bad)}, which a workflow artifact name ` +
          'cannot hold ' +
          `(nor " : < > | * ? \\ / or line breaks). Choose a name without them.`
      )
    }
  }

  private checkRetention(days: number | undefined): number | undefined {
    if (days === undefined) return undefined
    if (!Number.isInteger(days) || days < 1) {
      throw new SealError(
        'bad-input',
        `${this.inputs.retentionDays}: ${quote(String(days))} is not a number of days. Give a whole number of ` +
          'days, 1 or more (at most what the repository allows).'
      )
    }
    return days
  }

  /**
   * Lays the artifact out as it will be zipped: links to the bundle under seal/ and to each
   * listed file under files/. @actions/artifact zips a link's target under the link's
   * name, so nothing is copied; where links cannot be made, the file is copied.
   */
  private stage(request: ArtifactUpload): { staging: string; files: string[] } {
    const staging = fs.mkdtempSync(
      path.join(
        this.env.RUNNER_TEMP || os.tmpdir(),
        `artifact-seal-upload-${randomBytes(3).toString('hex')}-`
      )
    )
    const files: string[] = []
    try {
      const sealDir = path.join(staging, ARTIFACT_SEAL_DIR)
      fs.mkdirSync(sealDir)
      const bundleFiles = [
        request.bundle.checksumsPath,
        request.bundle.statementPath,
        request.bundle.sigstoreBundlePath,
        request.bundle.contractPath,
        request.bundle.modesPath
      ].filter((f): f is string => typeof f === 'string')
      for (const file of bundleFiles) {
        const target = path.join(sealDir, path.basename(file))
        placeFile(path.resolve(file), target, `the seal bundle file ${quote(file)}`)
        files.push(target)
      }
      const contractDir = request.bundle.contractDir
      if (contractDir) {
        for (const entry of fs
          .readdirSync(contractDir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())) {
          const source = path.join(entry.parentPath, entry.name)
          const target = path.join(
            sealDir,
            path.basename(contractDir),
            path.relative(contractDir, source)
          )
          fs.mkdirSync(path.dirname(target), { recursive: true })
          placeFile(source, target, `the contract file ${quote(source)}`)
          files.push(target)
        }
      }
      if (request.files !== null) {
        const root = path.resolve(request.files.root)
        const made = new Set<string>()
        for (const rel of request.files.paths) {
          const bad = PATH_FORBIDDEN.find((c) => rel.includes(c))
          if (bad !== undefined) {
            throw new SealError(
              'bad-input',
              `The file ${quote(rel)} cannot travel in a workflow artifact: its path contains ${describeChar(bad)} ` +
                ('(artifact paths cannot hold " : < > | * ? or line breaks). Rename it, or upload the seal ' +
                  'bundle without the files.')
            )
          }
          const target = path.join(staging, ARTIFACT_FILES_DIR, ...rel.split('/'))
          const parent = path.dirname(target)
          if (!made.has(parent)) {
            fs.mkdirSync(parent, { recursive: true })
            made.add(parent)
          }
          placeFile(
            path.join(root, ...rel.split('/')),
            target,
            `the sealed file ${quote(rel)} under ${quote(root)}`
          )
          files.push(target)
        }
      }
      return { staging, files }
    } catch (error) {
      removeQuietly(staging)
      throw error
    }
  }

  private source(request: ArtifactDownload): {
    runId: number | null
    where: string
    findBy: FindOptions['findBy'] | undefined
  } {
    const here = Number(this.env.GITHUB_RUN_ID)
    const { runId } = request
    if (runId !== undefined && (!Number.isSafeInteger(runId) || runId < 1)) {
      throw new SealError(
        'bad-input',
        `${this.inputs.runId}: ${quote(String(runId))} is not a workflow run id. Give the numeric id of the ` +
          'run that uploaded the artifact (github.run_id there).'
      )
    }
    if (runId === undefined || runId === here)
      return { runId: null, where: ' in this workflow run', findBy: undefined }
    const repository = request.repository || this.env.GITHUB_REPOSITORY || ''
    const [owner, repo, ...rest] = repository.split('/')
    if (!owner || !repo || rest.length > 0) {
      throw new SealError(
        'bad-input',
        `${this.inputs.repository}: ${quote(repository)} is not a repository. Give it as owner/name.`
      )
    }
    if (!request.token) {
      throw new SealError(
        'bad-input',
        `${this.inputs.token}: downloading the artifact ${quote(request.name)} from another workflow run ` +
          `(${this.inputs.runId} ${runId}) needs a token. ` +
          `Give a token that may read ${repository}'s actions, such as github.token with "permissions: actions: read".`
      )
    }
    return {
      runId,
      where: ` in workflow run ${runId} of ${repository}`,
      findBy: {
        token: request.token,
        workflowRunId: runId,
        repositoryOwner: owner,
        repositoryName: repo
      }
    }
  }

  private uploadError(name: string, error: unknown): Error {
    if (error instanceof SealError) return error
    const message = messageOf(error)
    if (/\(409\)|already exists/i.test(message)) {
      return new SealError(
        'conflict',
        `${this.inputs.name}: an artifact named ${quote(name)} already exists in this workflow run, and ` +
          'workflow artifacts are immutable: ' +
          (`a name holds the bytes first uploaded under it. Choose another ${this.inputs.name} (for example ` +
            'with the job or matrix values in it).')
      )
    }
    const environment = environmentError(error, 'upload the workflow artifact')
    if (environment) return environment
    if (nameOf(error) === 'UsageError') {
      return new SealError(
        'unavailable',
        `${this.inputs.name}: the repository's artifact storage quota is used up, so ${quote(name)} cannot be ` +
          'uploaded. Delete old artifacts or shorten their retention, then re-run.'
      )
    }
    return error instanceof Error ? error : new Error(message)
  }

  private lookupError(
    name: string,
    source: { runId: number | null; where: string; findBy: FindOptions['findBy'] | undefined },
    error: unknown
  ): Error {
    const status = statusOf(error)
    // An artifact of this run is found without findBy: it belongs to the run's own repository.
    const repository = source.findBy
      ? `${source.findBy.repositoryOwner}/${source.findBy.repositoryName}`
      : this.env.GITHUB_REPOSITORY || 'this repository'
    if (nameOf(error) === 'ArtifactNotFoundError') {
      return new SealError(
        'unreadable',
        `${this.inputs.name}: there is no artifact named ${quote(name)}${source.where}. ` +
          (source.runId === null
            ? 'Upload it in an earlier job of this run (and make this job need that one); an artifact that has ' +
              'expired is not listed either.'
            : `Check the name and the ${this.inputs.runId}; an artifact that was deleted is not listed.`)
      )
    }
    if (status === 404) {
      return new SealError(
        'bad-input',
        `${this.inputs.runId}: workflow run ${source.runId} was not found in ${repository} (404). ` +
          ('Give the id of a run of that repository (github.run_id in the run that uploaded the artifact), and ' +
            `a ${this.inputs.token} that can see the repository.`)
      )
    }
    if (status === 401) {
      return new SealError(
        'denied',
        `${this.inputs.token}: GitHub refused the token (401 ${messageOf(error)}). Give a valid token, such as ` +
          'github.token.'
      )
    }
    if (status === 403) {
      return new SealError(
        'denied',
        `${this.inputs.token}: the token may not read the workflow artifacts of ${repository} (403 ${messageOf(error)}). ` +
          ('Give a token with the "actions: read" permission: add "permissions: actions: read" to the job, or ' +
            'use a token with read access to Actions.')
      )
    }
    return environmentError(error, 'find the workflow artifact') ?? asError(error)
  }

  private downloadError(
    name: string,
    source: { runId: number | null; where: string; findBy: FindOptions['findBy'] | undefined },
    error: unknown
  ): Error {
    if (error instanceof SealError) return error
    const status = error instanceof ServiceAnswerError ? error.status : undefined
    if (status === 410) {
      return new SealError(
        'unreadable',
        `${this.inputs.name}: the artifact ${quote(name)}${source.where} has expired and its files are gone. ` +
          ('Re-run the workflow that uploaded it (or seal the build again), and keep artifacts longer with ' +
            'retention-days.')
      )
    }
    if (status === 404 || (error instanceof StorageAnswerError && error.status === 404)) {
      return new SealError(
        'unreadable',
        `${this.inputs.name}: the artifact ${quote(name)}${source.where} was listed but cannot be downloaded ` +
          'any more (404): it was deleted or has expired. Upload it again.'
      )
    }
    if (status === 401 || status === 403) return this.lookupError(name, source, error)
    return new SealError(
      'unavailable',
      `${this.inputs.name}: the download of the artifact ${quote(name)}${source.where} failed part-way ` +
        `(${messageOf(error)}). ` +
        (`Nothing was kept. Re-run the job; if it keeps failing, check the runner's connection to GitHub's ` +
          'artifact storage.'),
      { cause: error }
    )
  }
}

function placeFile(source: string, target: string, what: string): void {
  let real: string
  try {
    real = fs.realpathSync(source)
    if (!fs.statSync(real).isFile())
      throw Object.assign(new Error('not a file'), { code: 'EISDIR' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SealError(
      'unreadable',
      `Cannot upload ${what}: ${code === 'ENOENT' ? 'it no longer exists' : code === 'EISDIR' ? 'it is no longer a file' : (code ?? messageOf(error))}. ` +
        `The files changed after they were sealed: seal them again, then upload.`,
      { cause: error }
    )
  }
  try {
    fs.symlinkSync(real, target, 'file')
  } catch {
    fs.copyFileSync(real, target)
  }
}

/** Errors that mean "not inside a GitHub Actions job the artifact service can serve". */
function environmentError(error: unknown, doing: string): SealError | null {
  const message = messageOf(error)
  const missing = /Unable to get the (ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL) env variable/.exec(
    message
  )
  if (missing) {
    return new SealError(
      'bad-input',
      `Cannot ${doing}: ${missing[1]} is not set, so this is not a GitHub Actions job step. ` +
        `Workflow artifacts exist only inside a workflow run; elsewhere keep the seal bundle in a directory.`
    )
  }
  if (nameOf(error) === 'GHESNotSupportedError') {
    return new SealError(
      'bad-input',
      `Cannot ${doing}: GitHub Enterprise Server does not support the artifact service @actions/artifact v2 ` +
        'uses. Keep the seal bundle in a directory instead.'
    )
  }
  return null
}

function toDigest(value: string): Digest {
  const hex = value.toLowerCase().replace(/^sha256:/, '')
  return digestFromHex(hex)
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : ''
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
