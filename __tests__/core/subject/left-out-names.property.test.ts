import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { isLeftOutName } from '../../../src/core/subject/resolve-files.js'

// The rule as the pattern alone states it: what the quicker test in front of it must keep.
const SECRET_FILE =
  /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..*)?|.*\.(pem|key|p12|pfx|jks|keystore))$/i
const byPattern = (name: string, directory: boolean): boolean =>
  name.startsWith('.') || (!directory && SECRET_FILE.test(name))

// Pieces of secret-looking names in both cases, letters that fold oddly (the Kelvin sign, the
// long s) and ordinary build output.
const piece = fc.constantFrom(
  'id_',
  'ID_',
  'Id_',
  'rsa',
  'RSA',
  'ed25519',
  'ecdsa',
  '_sk',
  '.pub',
  '.',
  'pem',
  'PEM',
  'key',
  'KEY',
  '\u212Aey',
  'p12',
  'P12',
  'pfx',
  'jks',
  'keystore',
  'KeyStore',
  '\u017F',
  'app',
  'js',
  'map',
  'bin',
  'woff2',
  'x',
  'é',
  '\u{1F600}'
)

describe('isLeftOutName (property)', () => {
  it('leaves out exactly what the secret-file pattern and the leading dot do', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (pieces, directory) => {
          const name = pieces.join('')
          expect(isLeftOutName(name, directory)).toBe(byPattern(name, directory))
        }
      ),
      { numRuns: 2000 }
    )
  })
})
