import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../core/errors.js'
import type { PromotionPolicy } from '../core/promotion/policy.js'
import { parsePolicy } from '../core/promotion/policy-file.js'

/** Reads and checks the promotion policy; `baseDir` makes the path in messages short. */
export function loadPolicy(file: string, inputName: string, baseDir: string): PromotionPolicy {
  const shown = path.relative(baseDir, file) || file
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SealError(
      code === 'ENOENT'
        ? `${inputName}: the promotion policy ${quote(shown)} does not exist. Create it (for example "environments: { dev: {}, staging: { requires: [dev] } }") or point ${inputName} at yours.`
        : `${inputName}: cannot read the promotion policy ${quote(shown)} (${code ?? String(error)}).`
    )
  }
  return parsePolicy(text, shown.startsWith('..') ? file : shown)
}
