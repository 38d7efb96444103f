import type { ContractChange } from '../../core/contract/change.js'
import { type LoadedContract, classifyContracts } from '../../core/contract/classify.js'
import { detectContractKind } from '../../core/contract/detect.js'
import { describeContract } from '../../core/contract/identity.js'
import { SealError, quote } from '../../core/errors.js'
import { type ProbeResult, shown, unknown } from '../../core/observe/observation.js'
import { boundedGet } from '../../http/bounded-get.js'
import type { Clock } from '../../http/clock.js'
import type { ProbeContext } from './types.js'
import { sha256Hex } from '../../core/digest.js'
import { severityCounts } from '../../core/contract/amendment.js'

export interface ContractProbeResult {
  readonly result: ProbeResult
  readonly changes: readonly ContractChange[]
}

/**
 * Fetches the API description the running service serves and classifies it against the live
 * digest's sealed contract with the gate's own engine: the served document stands in for the
 * sealed OpenAPI document (the files it refers to stay the sealed ones), and any change found
 * is drift, with its rule ids. A sealed contract with no OpenAPI document, or more than one, or
 * an answer that is no OpenAPI document (an HTML page, a login form) is "unknown".
 */
export async function contractProbe(
  url: string,
  sealed: LoadedContract,
  timeoutMs: number,
  context: ProbeContext,
  now: Date,
  clock?: Pick<Clock, 'timeout'>
): Promise<ContractProbeResult> {
  const none = (reason: string): ContractProbeResult => ({
    result: unknown('contract-url', reason),
    changes: []
  })
  const documents = sealed.manifest.files.filter((f) => f.kind === 'openapi')
  if (documents.length !== 1) {
    return none(
      `the live digest's sealed contract holds ${documents.length} OpenAPI documents; contract-url compares a ` +
        `service's one served document with one`
    )
  }
  const document = documents[0] as (typeof documents)[number]
  let answer
  try {
    answer = await boundedGet(url, {
      timeoutMs,
      maxBytes: context.maxContractBytes,
      what: 'observe contract-url',
      ...(clock ? { clock } : {})
    })
  } catch (error) {
    if (error instanceof SealError) return none(error.message)
    throw error
  }
  if (answer.status < 200 || answer.status > 299)
    return none(`${quote(url)} answered HTTP ${answer.status}`)
  const served = answer.body
  const text = served.toString('utf8')
  try {
    const found = detectContractKind(document.path, text)
    if (found.kind !== 'openapi')
      return none(`${quote(url)} serves ${found.kind}, not an OpenAPI document`)
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return none(
      `${quote(url)} answered ${answer.contentType === '' ? 'something' : shown(answer.contentType)} ` +
        `that is no OpenAPI document: ${shown(text.slice(0, 120))}`
    )
  }
  if (sha256Hex(served) === document.sha256) {
    return {
      result: {
        probe: 'contract-url',
        verdict: 'matches',
        observed: sealed.manifest.digest,
        detail: null
      },
      changes: []
    }
  }
  let running: LoadedContract
  try {
    const manifest = describeContract(
      [{ path: document.path, role: null }],
      (p) => (p === document.path ? served : Buffer.from(sealed.read(p), 'utf8')),
      {
        version: { from: 'info.version-or-none' },
        inputs: { contract: 'observe contract-url', version: 'observe contract-url' }
      }
    )
    running = { manifest, read: (p) => (p === document.path ? text : sealed.read(p)) }
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return none(
      `${quote(url)} serves a document that cannot be read as the sealed contract's ${quote(document.path)}: ${error.message}`
    )
  }
  const changes = await classifyContracts(sealed, running, { now })
  if (changes.length === 0)
    return {
      result: {
        probe: 'contract-url',
        verdict: 'matches',
        observed: sealed.manifest.digest,
        detail: null
      },
      changes: []
    }
  const rules = [...new Set(changes.map((c) => c.rule))]
  return {
    result: {
      probe: 'contract-url',
      verdict: 'drifted',
      observed: running.manifest.digest,
      detail: `the served contract differs from the sealed one: ${severityCounts(changes)} (${rules.join(', ')})`,
      items: rules
    },
    changes
  }
}
