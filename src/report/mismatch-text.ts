import type { Mismatch } from '../core/listing.js'
import { type Paint, plain } from './paint.js'

const LABEL: Record<Mismatch['kind'], string> = {
  changed: 'changed',
  missing: 'missing',
  added: 'added  ',
  mode: 'mode   '
}

/** Every differing file for a terminal, with both digests of a changed one. */
export function mismatchLines(mismatches: readonly Mismatch[], paint: Paint = plain): string[] {
  const lines: string[] = []
  for (const m of mismatches) {
    lines.push(`  ${paint(m.kind === 'added' ? 'warn' : 'bad', LABEL[m.kind])}  ${m.path}`)
    if (m.kind === 'changed' || m.kind === 'mode')
      lines.push(`             sealed ${m.expected}`, `             now    ${m.actual}`)
  }
  return lines
}
