import * as fs from 'node:fs'
import * as path from 'node:path'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'

/**
 * Creates the file ledger a promote step appends to, as `artifact-seal ledger init` does
 * before a workflow's first promotion (the action never creates one); a ledger that exists
 * is left as it is.
 */
export async function ensureFileLedger(file: string): Promise<void> {
  if (fs.existsSync(file)) return
  fs.mkdirSync(path.dirname(file), { recursive: true })
  await new FileLedger(file, 'ledger').init()
}

/** The ledger file an input such as "file:ledger.jsonl" names, from the step's workspace. */
export async function ensureLedgerInput(ledger: string, workspace: string): Promise<void> {
  if (!ledger.startsWith('file:')) return
  await ensureFileLedger(path.resolve(workspace, ledger.slice('file:'.length)))
}
