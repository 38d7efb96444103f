import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { SealError } from '../../core/errors.js'
import { type Unreadable, readTextIfAny, whyUnreadable } from '../evidence/bundle-reader.js'
import { removeQuietly } from '../evidence/directory-handoff.js'

/**
 * The files a file ledger keeps beside itself, named here and nowhere else: the signed
 * checkpoint of its head, the contracts of promotions it let in (kept by digest for later
 * baselines), and the signed verification summaries of its records (what their records link).
 */
export interface BesideLedger {
  /** `<ledger>.checkpoint.sigstore.json`, rewritten whole with every signed append. */
  readonly checkpoint: string
  /** `<ledger>.contracts/`: `<hex>.contract.json` and `<hex>.contract/` per contract digest. */
  readonly contracts: string
  /** `<ledger>.attestations/`: `<record key>.sigstore.json` per signed record. */
  readonly attestations: string
}

export function besideLedger(ledgerFile: string): BesideLedger {
  return {
    checkpoint: `${ledgerFile}.checkpoint.sigstore.json`,
    contracts: `${ledgerFile}.contracts`,
    attestations: `${ledgerFile}.attestations`
  }
}

/** The checkpoint's text; null when there is none. */
export function readCheckpoint(ledgerFile: string, unreadable: Unreadable): string | null {
  return readTextIfAny(besideLedger(ledgerFile).checkpoint, unreadable)
}

/**
 * Writes a record's signed summary as `<ledger>.attestations/<record key>.sigstore.json`, whole
 * (under a temporary name, then renamed); returns its path from the ledger's directory, which
 * is what the record links. `unwritable` words the failure.
 */
export function writeRecordAttestation(
  ledgerFile: string,
  key: string,
  json: string,
  unwritable: (why: string, file: string) => SealError
): string {
  const dir = besideLedger(ledgerFile).attestations
  const file = path.join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '-')}.sigstore.json`)
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(temporary, json, { flag: 'wx' })
    fs.renameSync(temporary, file)
  } catch (error) {
    // One that cannot be removed (its directory was never made) is no reason to hide why the write failed.
    removeQuietly(temporary)
    throw unwritable((error as NodeJS.ErrnoException).code ?? String(error), file)
  }
  return path.relative(path.dirname(ledgerFile), file).split(path.sep).join('/')
}

/** The bytes of the summary a record links by its path from the ledger's directory. */
export function readRecordAttestation(
  ledgerFile: string,
  link: string,
  unreadable: Unreadable
): { readonly file: string; readonly bytes: Buffer } {
  const file = path.resolve(path.dirname(ledgerFile), link)
  try {
    return { file, bytes: fs.readFileSync(file) }
  } catch (error) {
    throw unreadable(whyUnreadable(error), file)
  }
}
