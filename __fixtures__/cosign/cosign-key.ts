import * as fs from 'node:fs'
import { randomBytes, scryptSync } from 'node:crypto'
import nacl from 'tweetnacl'

const DIR = new URL('.', import.meta.url).pathname

/** A fixture file of this folder, as text. */
export function cosignFixture(name: string): string {
  return fs.readFileSync(`${DIR}${name}`, 'utf8')
}

export interface CosignEncryptOptions {
  /** scrypt's cost; cosign writes 32768 or 65536, tests use less to stay fast. */
  readonly n?: number
  readonly label?: 'ENCRYPTED SIGSTORE PRIVATE KEY' | 'ENCRYPTED COSIGN PRIVATE KEY'
}

/**
 * A private key's DER encrypted as cosign encrypts it (go-securesystemslib `encrypted`:
 * scrypt, then NaCl secretbox), as PEM: the writer the tests need to make keys of every
 * type in cosign's format.
 */
export function encryptCosignKey(der: Buffer, password: string, options: CosignEncryptOptions = {}): string {
  const n = options.n ?? 1024
  const salt = randomBytes(32)
  const nonce = randomBytes(nacl.secretbox.nonceLength)
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 16 * 1024 * 1024 })
  const ciphertext = nacl.secretbox(der, nonce, key)
  const json = JSON.stringify({
    kdf: { name: 'scrypt', params: { N: n, r: 8, p: 1 }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: Buffer.from(nonce).toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64')
  })
  return wrapPem(options.label ?? 'ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from(json))
}

export function wrapPem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** The JSON inside a cosign key's PEM, for tests that damage one field of it. */
export function cosignEnvelope(pem: string): Record<string, Record<string, unknown> | string> {
  const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')
  return JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as Record<string, Record<string, unknown> | string>
}
