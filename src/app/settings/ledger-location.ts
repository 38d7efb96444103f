import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import type { LedgerLocation } from './types.js'

/** The CLI's embedded default, relative to the working directory. */
export const DEFAULT_FILE_LEDGER = '.artifact-seal/ledger.jsonl'

/** Reads `github` or `file:<path>` (relative paths from `baseDir`). */
export function parseLedgerLocation(
  value: string,
  inputName: string,
  baseDir: string
): LedgerLocation {
  const v = value.trim()
  if (v === 'github') return { kind: 'github' }
  if (v.startsWith('file:') && v.length > 'file:'.length)
    return { kind: 'file', file: path.resolve(baseDir, v.slice('file:'.length)) }
  throw new SealError(
    'bad-input',
    `${inputName}: ${quote(value)} is not a ledger. Give "github" (the repository's Deployments, needs ` +
      'permissions: deployments: write) ' +
      `or "file:<path>", such as "file:${DEFAULT_FILE_LEDGER}".`
  )
}
