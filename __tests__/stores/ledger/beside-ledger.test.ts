import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../../src/core/errors.js'
import {
  besideLedger,
  readCheckpoint,
  readRecordAttestation,
  writeRecordAttestation
} from '../../../src/stores/ledger/beside-ledger.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const refuse = (why: string, file: string): SealError =>
  new SealError('unreadable', `${file}: ${why}`)

describe('the files kept beside a file ledger', () => {
  it('are named after the ledger file', () => {
    expect(besideLedger('/l/ledger.jsonl')).toEqual({
      checkpoint: '/l/ledger.jsonl.checkpoint.sigstore.json',
      contracts: '/l/ledger.jsonl.contracts',
      attestations: '/l/ledger.jsonl.attestations'
    })
  })

  it(
    'keep a record attestation whole under a safe name, linked by its path from the ledger, and read it back ' +
      'by that link',
    () => {
      const ledger = path.join(tempDir(), 'ledger.jsonl')
      const link = writeRecordAttestation(ledger, 'key/../with spaces', '{"a":1}', refuse)
      expect(link).toBe('ledger.jsonl.attestations/key-..-with-spaces.sigstore.json')
      expect(readRecordAttestation(ledger, link, refuse).bytes.toString()).toBe('{"a":1}')
      expect(fs.readdirSync(besideLedger(ledger).attestations)).toEqual([
        'key-..-with-spaces.sigstore.json'
      ])
    }
  )

  it('say a checkpoint that is not there is none, and refuse one that cannot be read', () => {
    const ledger = path.join(tempDir(), 'ledger.jsonl')
    expect(readCheckpoint(ledger, refuse)).toBeNull()
    fs.mkdirSync(besideLedger(ledger).checkpoint)
    expect(() => readCheckpoint(ledger, refuse)).toThrowSealError(
      'unreadable',
      `${besideLedger(ledger).checkpoint}`
    )
    expect(() => readRecordAttestation(ledger, 'nothing.json', refuse)).toThrowSealError(
      'unreadable'
    )
    fs.writeFileSync(ledger, '')
    // The attestations directory would have to be made inside a file.
    expect(() =>
      writeRecordAttestation(path.join(ledger, 'l.jsonl'), 'k', '{}', refuse)
    ).toThrowSealError('unreadable', 'ENOTDIR')
  })
})
