import * as fs from 'node:fs'
import { type FileModes, modesAnnotation, modesDigest, parseModes } from '../../core/modes.js'
import { SealError, quote } from '../../core/errors.js'
import { readStatementBeside } from '../../stores/evidence/bundle-reader.js'
import { modesBeside } from '../../stores/evidence/seal-bundle.js'

/**
 * The file modes a seal recorded beside its listing, proven to be the ones its statement
 * names (MODES_ANNOTATION); null when the statement names none (a seal of a digest or a
 * listing, or one made before modes were sealed). A modes file the statement names that is
 * missing or differs is refused: a carrier changed the bundle.
 */
export function sealedModesBeside(checksumsFile: string, what: string): FileModes | null {
  let statement: unknown = null
  try {
    statement =
      readStatementBeside(checksumsFile, (why) => new SealError('unreadable', why))?.json ?? null
  } catch {
    // A statement that cannot be read names no modes; the kind checks report it.
  }
  const claimed = modesAnnotation(statement)
  if (claimed === null) return null
  const file = modesBeside(checksumsFile) as string
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch {
    throw new SealError(
      'tampered',
      `${what}: the statement beside the listing records the files' modes, but ${quote(file)} is missing. The ` +
        'seal bundle was changed after sealing: give it as the seal wrote it.'
    )
  }
  if (modesDigest(bytes) !== claimed) {
    throw new SealError(
      'tampered',
      `${what}: ${quote(file)} is not the modes file the statement records (${claimed}). The seal bundle was ` +
        'changed after sealing: give it as the seal wrote it.'
    )
  }
  return parseModes(bytes.toString('utf8'), `${what}: ${quote(file)}`)
}
