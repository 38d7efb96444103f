import * as core from './runner-io.js'
import type { Mismatch } from '../core/listing.js'

/** GitHub shows ten error annotations per step; the rest are counted in one more. */
export const ANNOTATIONS_SHOWN = 10

/** One error annotation per differing file, up to GitHub's limit, then one counting the rest. */
export function annotateMismatches(mismatches: readonly Mismatch[]): void {
  const what: Record<Mismatch['kind'], string> = {
    changed: 'changed since it was sealed',
    missing: 'was sealed but is missing',
    added: 'was not sealed but is present',
    mode: 'changed its mode since it was sealed'
  }
  const detail = (m: Mismatch): string =>
    m.kind === 'mode' ? ` (sealed ${m.expected}, now ${m.actual})` : ''
  for (const m of mismatches.slice(0, ANNOTATIONS_SHOWN - 1)) {
    core.error(`${m.path} ${what[m.kind]}${detail(m)}.`, { title: `artifact-seal: ${m.kind} file` })
  }
  const rest = mismatches.slice(ANNOTATIONS_SHOWN - 1)
  if (rest.length === 1) {
    const m = rest[0] as Mismatch
    core.error(`${m.path} ${what[m.kind]}${detail(m)}.`, { title: `artifact-seal: ${m.kind} file` })
  } else if (rest.length > 1) {
    core.error(
      `${rest.length} more files differ from the seal (${rest[0]?.path} and others); the job summary lists them.`,
      { title: 'artifact-seal: more files differ' }
    )
  }
}
