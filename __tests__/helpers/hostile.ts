import fc from 'fast-check'

/**
 * Pieces of text an attacker puts in a name, a contract or a statement field: workflow
 * commands in both forms, the stop-commands pair, the runner's escapes, every line break a
 * reader may split at, markdown and HTML that would add structure, and links.
 */
export const HOSTILE_PIECES = [
  '::add-mask::',
  '::stop-commands::tok',
  '::tok::',
  '::error file=x,line=1::forged',
  '::warning::',
  '::set-output name=promoted::true',
  '  ::notice::',
  '##[error]',
  '##[group]',
  '##',
  '[',
  ']',
  '::',
  ':',
  '%0A',
  '%25',
  '%0D',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\v',
  '\f',
  '\t',
  ' ',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u001b[31m',
  '\u0000',
  '\u009b',
  '|',
  '\\',
  '\\|',
  '`',
  '```',
  '<script>alert(1)</script>',
  '<img src=x>',
  '&lt;',
  '&#124;',
  '](javascript:alert(1))',
  '[x](https://evil.example)',
  'https://evil.example/',
  'www.evil.example',
  'a@evil.example',
  '*',
  '_',
  '~~',
  '# ',
  '- ',
  '1. ',
  '> ',
  '    ',
  '=== ',
  '"',
  '#quot;',
  '$x$',
  ':smile:',
  'é',
  '🔒',
  'x'
] as const

/** Any text, mostly built from the hostile pieces, with arbitrary code points among them. */
export const hostileText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }
    ),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(''))
  .filter((text) => text.isWellFormed())

/** One hostile name that packs most of the pieces, for end-to-end runs. */
export const HOSTILE_NAME =
  'x\n::add-mask::secret\r::error title=forged::fake\n::stop-commands::tok\n::tok::\u2028::debug::d ' +
  '##[warning]y | <script>alert(1)</script> `code` ](javascript:alert(1)) ' +
  '%0A::notice::z %25 \u0085::debug::e'

/** The same for a file name, which holds no line break (a seal refuses one) and no slash. */
export const HOSTILE_FILE =
  '::add-mask::x ##[error]forged | <img src=x> `q` ](javascript:alert(1)) %0A %25 \u2028::warning::w \u0085::debug::d'
