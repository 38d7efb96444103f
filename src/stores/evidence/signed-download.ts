import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Saves what a signed storage URL serves to a file, and nothing else: no header of the
 * answer (its Content-Disposition file name, its type) reaches the log or chooses where the
 * bytes go. Both carriers fetch their archives this way.
 */

/** A download that sends nothing for this long is given up (never a half archive extracted). */
const IDLE_TIMEOUT_MS = 60_000

export interface SavedDownload {
  readonly bytes: number
  /** sha256 of what was saved, in hex. */
  readonly sha256: string
}

/** An answer other than 200 from storage; `status` lets callers tell expired from refused. */
export class StorageAnswerError extends Error {
  constructor(
    readonly status: number,
    statusText: string
  ) {
    super(`storage answered ${status} ${statusText}`.trim())
  }
}

/** Saves the body at `url` to `file` (created new, 0600); throws on any status but 200, a short body or a stall. */
export async function saveSignedUrl(url: string, file: string): Promise<SavedDownload> {
  const controller = new AbortController()
  const stall = (): NodeJS.Timeout =>
    setTimeout(
      () => controller.abort(new Error(`no data for ${IDLE_TIMEOUT_MS / 1000} s`)),
      IDLE_TIMEOUT_MS
    )
  let timer = stall()
  let bytes = 0
  const hash = createHash('sha256')
  try {
    const response = await fetch(url, { signal: controller.signal })
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel()
      throw new StorageAnswerError(response.status, response.statusText)
    }
    const announced = Number(response.headers.get('content-length') ?? NaN)
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        clearTimeout(timer)
        timer = stall()
        bytes += chunk.length
        hash.update(chunk)
        done(null, chunk)
      }
    })
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      counter,
      fs.createWriteStream(file, { flags: 'wx', mode: 0o600 })
    )
    if (Number.isFinite(announced) && announced !== bytes)
      throw new Error(`the download ended after ${bytes} of ${announced} bytes`)
    return { bytes, sha256: hash.digest('hex') }
  } finally {
    clearTimeout(timer)
  }
}
