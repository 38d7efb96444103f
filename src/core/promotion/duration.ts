const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
type Unit = keyof typeof UNIT_MS

/** A duration as people write it in a policy: `45m`, `1h`, `1h30m`, `2d`, `0`. */
export const DURATION_PATTERN = '^(0|([0-9]+(ms|s|m|h|d|w))+)$'
const PART = /([0-9]+)(ms|s|m|h|d|w)/g

/** Milliseconds in a duration matching DURATION_PATTERN; null when it does not match. */
export function parseDuration(text: string): number | null {
  if (!new RegExp(DURATION_PATTERN).test(text)) return null
  let total = 0
  for (const [, amount, unit] of text.matchAll(PART))
    total += Number(amount) * UNIT_MS[unit as Unit]
  return Number.isSafeInteger(total) ? total : null
}

/** The shortest readable form: `1h 30m`, `45s`, `2d 3h`; under a second, `0s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return '0s'
  const parts: string[] = []
  let rest = Math.floor(ms / 1000)
  for (const [unit, seconds] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    const amount = Math.floor(rest / seconds)
    rest -= amount * seconds
    if (amount > 0) parts.push(`${amount}${unit}`)
  }
  return parts.slice(0, 2).join(' ')
}
