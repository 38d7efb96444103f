/**
 * Unicode's control characters (general category Cc, which Unicode's stability policy fixes)
 * as the inside of a character class. Written as ranges, not as a Unicode property escape: its
 * first use builds its set from Unicode's tables, about a millisecond of a step's start.
 */
export const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f'

/** Any one control character, for `replace` (global). */
export const ANY_CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, 'gu')
