import { identityPolicy } from '../core/signing/signer-policy.js'
import { SealError, quote } from '../core/errors.js'
import { verifyRecordAttestation } from '../app/ledger/verify-record.js'
import { parseCommand } from './arguments.js'
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from './ledger-options.js'
import { SIGNER_OPTIONS, SIGNER_USAGE, readCliSignerCheck } from './signing-options.js'
import { type Terminal, printJson } from './terminal.js'
import { serverUrlOf } from '../core/env.js'

export const VERIFY_RECORD_USAGE = `Usage: artifact-seal verify-record <record-id> [--ledger L] [--public-key FILE | --trusted-root FILE --signer-repository O/R]

Checks the signed verification summary (SLSA VSA) a promote wrote for a ledger record: the
bundle beside a file ledger (or in the repository's attestations, with GITHUB_REPOSITORY and
GITHUB_TOKEN) must be the bytes the record pins, verify with the key or the signer given,
and be about the record's digest and key. Prints the summary's result (PASSED or FAILED)
and who decided. Exits 1 when the attestation does not check out.

  <record-id>   the record, as "history" or the promote step's record-id shows it
${LEDGER_HELP}
${SIGNER_USAGE}
  --json        print {verified, record, result, verifier, timeVerified, signer, bundle} (or
                {verified: false, record, reason}) as JSON
  -h, --help    show this help`

const spec = {
  name: 'verify-record',
  usage: VERIFY_RECORD_USAGE,
  allowPositionals: true,
  options: { json: { type: 'boolean' }, ...LEDGER_OPTIONS, ...SIGNER_OPTIONS }
} as const

export async function verifyRecordCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${VERIFY_RECORD_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1)
    throw new SealError('usage', `verify-record: give one record id.\n\n${VERIFY_RECORD_USAGE}`)
  const id = positionals[0] as string
  const settings = readCliSignerCheck(values, terminal.cwd, terminal.env)
  const ledger = await ledgerFromOptions(values, terminal)
  let record = null
  for await (const entry of ledger.entries()) {
    if (entry.id === id) {
      record = entry
      break
    }
  }
  if (record === null)
    throw new SealError(
      'bad-input',
      `verify-record: ${quote(ledger.location)} has no record ${quote(id)}. Give an id "artifact-seal history" shows.`
    )
  const serverUrl = serverUrlOf(terminal.env)
  const identity =
    settings.repository === null
      ? null
      : identityPolicy({ ...settings, repository: settings.repository }, serverUrl)
  try {
    const verified = await verifyRecordAttestation(
      record,
      ledgerLocationFromOptions(values, terminal),
      {
        publicKey: settings.publicKey,
        trustedRootFile: settings.trustedRootFile,
        tufMirrors: settings.tufMirrors,
        identity
      },
      terminal.env,
      terminal.env.GITHUB_TOKEN ?? ''
    )
    if (values.json) {
      const { result, verifier, timeVerified, signer, source } = verified
      printJson(terminal, {
        verified: true,
        record,
        result,
        verifier,
        timeVerified: timeVerified ?? null,
        signer,
        bundle: source
      })
      return 0
    }
    terminal.out(
      `${verified.result}  record ${record.id}: ${record.outcome} ${record.digest} in ${record.environment}\n` +
        `  verifier  ${verified.verifier}${verified.timeVerified ? ` at ${verified.timeVerified}` : ''}\n` +
        `  signed    ${verified.signer}\n` +
        `  bundle    ${verified.source}\n`
    )
    return 0
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    if (values.json) {
      printJson(terminal, { verified: false, record, reason: error.message, code: error.code })
      return 1
    }
    terminal.out(`NOT VERIFIED  record ${record.id} in ${ledger.location}: ${error.message}\n`)
    return 1
  }
}
