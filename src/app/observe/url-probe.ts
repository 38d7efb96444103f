import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { parsePointer, valueAt } from '../../core/contract/openapi/pointer.js'
import {
  digestsIn,
  judgeDigests,
  type ProbeResult,
  shown,
  unknown
} from '../../core/observe/observation.js'
import { boundedGet } from '../../http/bounded-get.js'
import type { Clock } from '../../http/clock.js'
import type { ProbeContext } from './types.js'

/**
 * Asks the running service which digest it was deployed with: a GET of `url`, its JSON answer,
 * the text at `pointer`. Anything else (no answer in time, a status other than 2xx, a body over
 * the limit, not JSON, nothing at the pointer, not a digest) is "unknown", with the reason.
 */
export async function urlProbe(
  url: string,
  pointer: string,
  live: Digest,
  timeoutMs: number,
  context: ProbeContext,
  clock?: Pick<Clock, 'timeout'>
): Promise<ProbeResult> {
  let answer
  try {
    answer = await boundedGet(url, {
      timeoutMs,
      maxBytes: context.maxUrlBytes,
      what: 'observe url',
      ...(clock ? { clock } : {})
    })
  } catch (error) {
    if (error instanceof SealError) return unknown('url', error.message)
    throw error
  }
  if (answer.status < 200 || answer.status > 299)
    return unknown('url', `${quote(url)} answered HTTP ${answer.status}`)
  let document: unknown
  try {
    document = JSON.parse(answer.body.toString('utf8'))
  } catch {
    return unknown(
      'url',
      `${quote(url)} answered ${answer.contentType === '' ? 'without a content type' : shown(answer.contentType)}, not JSON: ${shown(answer.body.subarray(0, 200).toString('utf8'))}`
    )
  }
  const tokens = parsePointer(pointer) ?? []
  const value = valueAt(document, tokens)
  if (typeof value !== 'string') {
    return unknown(
      'url',
      `${quote(url)}'s answer has ${value === undefined ? 'nothing' : `a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value}`} at ${quote(pointer)}, not the digest as text`
    )
  }
  const digests = digestsIn(value)
  if (digests === null || digests.length !== 1)
    return unknown(
      'url',
      `${quote(url)}'s answer has ${shown(value)} at ${quote(pointer)}, not one sha256 digest`
    )
  return judgeDigests('url', digests, live)
}
