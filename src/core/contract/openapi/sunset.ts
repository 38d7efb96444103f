/** `x-sunset` dates (RFC 3339, a date or a date-time), the announced end of something deprecated. */

/** The date, or null when the value is no RFC 3339 date. */
export function parseSunset(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}([Tt ][0-9:.]+([Zz]|[+-]\d{2}:\d{2})?)?$/.test(value.trim())
  )
    return null
  const date = new Date(value.trim().length === 10 ? `${value.trim()}T00:00:00Z` : value.trim())
  return Number.isNaN(date.getTime()) ? null : date
}
