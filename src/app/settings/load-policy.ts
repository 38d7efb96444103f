import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import type { PromotionPolicy } from '../../core/promotion/policy.js'
import { parsePolicy } from '../../core/promotion/policy-file.js'
import { sha256Hex } from '../../core/digest.js'
import { leavesParent } from '../../core/paths.js'

/** Where the actions and the CLI look for the promotion policy when none is named. */
export const DEFAULT_POLICY_FILE = '.github/promotion.yml'

const MAX_POLICY_CHARS = 1_048_576

/** Reads and checks the promotion policy; `baseDir` makes the path in messages short. */
export function loadPolicy(file: string, inputName: string, baseDir: string): PromotionPolicy {
  const shown = path.relative(baseDir, file) || file
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SealError(
      'unreadable',
      code === 'ENOENT'
        ? `${inputName}: the promotion policy ${quote(shown)} does not exist. Create it (for example ` +
            `"environments: { dev: {}, staging: { requires: [dev] } }") or point ${inputName} at yours.`
        : code === 'EISDIR'
          ? `${inputName}: the promotion policy ${quote(shown)} is a directory. Point ${inputName} at the ` +
            'policy file, such as ".github/promotion.yml".'
          : `${inputName}: cannot read the promotion policy ${quote(shown)} (${code ?? String(error)}). Check ` +
            'that the file is readable.',
      { cause: error }
    )
  }
  // A policy is a few lines; a file this large is the wrong file, and parsing it would only waste time.
  if (text.length > MAX_POLICY_CHARS) {
    throw new SealError(
      'bad-input',
      `${inputName}: the promotion policy ${quote(shown)} is ${text.length.toLocaleString('en-US')} characters ` +
        `long; a policy is a few lines (at most ${MAX_POLICY_CHARS.toLocaleString('en-US')}). ` +
        `Point ${inputName} at the policy file.`
    )
  }
  return {
    ...parsePolicy(text, leavesParent(shown) ? file : shown),
    digest: sha256Hex(text)
  }
}
