import type { ContractChange } from '../../core/contract/change.js'
import type { ProbeResult, Verdict } from '../../core/observe/observation.js'
import type { Service } from '../../core/promotion/record.js'

/** What the observer found for one service of one environment. */
export interface EnvironmentObservation {
  readonly environment: string
  readonly service: Service
  /** The live digest the ledger names; null when nothing is live there. */
  readonly expected: string | null
  /** What runs, as the probes saw it; null when no probe could tell. */
  readonly observed: string | null
  readonly verdict: Verdict
  /** Why unknown, or what drifted, in one line. */
  readonly reason: string | null
  /** ISO time of the first observation of the drift still going on (this one when it is new); null unless drifted. */
  readonly since: string | null
  readonly probes: readonly ProbeResult[]
  /** The changes a contract-url probe found against the live digest's sealed contract. */
  readonly contractChanges: readonly ContractChange[]
  /** The observation record appended (with `record: true`); null otherwise. */
  readonly recordId: string | null
}

/** What one run of the observer found: the JSON of the action's `report` output. */
export interface ObserveReport {
  /** Whether any environment drifted. */
  readonly drifted: boolean
  readonly environments: readonly EnvironmentObservation[]
}

/** Limits and places a probe works with; tests give short ones, the action the defaults. */
export interface ProbeContext {
  /** Where relative `files:` and `checksums:` paths start, and where commands run. */
  readonly cwd: string
  /** The environment variables a `command:` sees. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The most bytes read from a url's answer (a digest document). */
  readonly maxUrlBytes: number
  /** The most bytes read from a contract-url's answer. */
  readonly maxContractBytes: number
  /** The most bytes kept of a command's output. */
  readonly maxCommandBytes: number
}

export const DEFAULT_PROBE_LIMITS = {
  maxUrlBytes: 64 * 1024,
  maxContractBytes: 8 * 1024 * 1024,
  maxCommandBytes: 64 * 1024
} as const
