import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A TUF repository on loopback, as a Sigstore TUF mirror serves one (TUF specification
 * 1.0, consistent snapshots), written and signed here with ed25519 keys of its own rather
 * than by a TUF library, so the client under test (tuf-js inside @sigstore/tuf) is checked
 * against an independent writer:
 *
 * - `/<n>.root.json` for each root version, `/timestamp.json`, `/<n>.snapshot.json`,
 *   `/<n>.targets.json`, and each target at `/targets/<sha256>.<name>`; anything else 404,
 *   which tells a client that the root it has is the newest.
 * - `initialRoot`: version 1 of root.json, the file a user keeps and names as the mirror's
 *   initial root (`tuf-mirrors`).
 * - `publish` signs new targets (and a new snapshot and timestamp), as the repository does
 *   when Sigstore's trusted root changes; `rotateRoot` publishes the next root with new keys,
 *   signed by the old root keys and the new, so a client walks the chain.
 * - `replace` serves other bytes at a path from then on (an attacker on the mirror);
 *   `expire` re-signs the timestamp as expired (a mirror replaying stale metadata).
 *
 * One key per role, threshold 1. Canonical JSON is the OLPC form TUF signs: keys sorted, no
 * whitespace; the metadata here holds only ASCII strings, integers and booleans.
 */

export interface LoggedTufRequest {
  readonly method: string
  readonly path: string
  readonly status: number
}

export interface TufHost {
  readonly url: string
  /** Version 1 of root.json, as served at /1.root.json. */
  readonly initialRoot: string
  publish(targets: Readonly<Record<string, string>>): void
  rotateRoot(): void
  replace(path: string, body: string): void
  expire(): void
  readonly requests: readonly LoggedTufRequest[]
  clearRequests(): void
  close(): Promise<void>
}

const SPEC_VERSION = '1.0.31'
const ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const
type Role = (typeof ROLES)[number]

interface RoleKey {
  readonly id: string
  readonly json: Record<string, unknown>
  readonly privateKey: KeyObject
}

/** TUF's canonical JSON: what the signatures are over. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`canonical JSON has no floats: ${value}`)
    return String(value)
  }
  if (typeof value === 'string') {
    if (!/^[\x20-\x7e]*$/.test(value))
      throw new Error(`canonical JSON here holds printable ASCII only: ${JSON.stringify(value)}`)
    return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined
    )
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${canonicalJson(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  throw new Error(`canonical JSON cannot hold ${typeof value}`)
}

function newKey(): RoleKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  // The raw 32 bytes are the end of the SPKI DER.
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32)
  const json = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw.toString('hex') } }
  return { id: createHash('sha256').update(canonicalJson(json)).digest('hex'), json, privateKey }
}

function signed(body: Record<string, unknown>, keys: readonly RoleKey[]): string {
  const bytes = Buffer.from(canonicalJson(body))
  return JSON.stringify({
    signatures: keys.map((k) => ({
      keyid: k.id,
      sig: cryptoSign(null, bytes, k.privateKey).toString('hex')
    })),
    signed: body
  })
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const inAYear = (): string =>
  new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

export async function startTufHost(targets: Readonly<Record<string, string>>): Promise<TufHost> {
  let keys = Object.fromEntries(ROLES.map((role) => [role, newKey()])) as Record<Role, RoleKey>
  const files = new Map<string, string>()
  const replaced = new Map<string, string>()
  const log: LoggedTufRequest[] = []
  let rootVersion = 0
  let version = 0

  function publishRoot(signers: readonly RoleKey[]): void {
    rootVersion += 1
    const body = {
      _type: 'root',
      spec_version: SPEC_VERSION,
      version: rootVersion,
      expires: inAYear(),
      consistent_snapshot: true,
      keys: Object.fromEntries(ROLES.map((role) => [keys[role].id, keys[role].json])),
      roles: Object.fromEntries(
        ROLES.map((role) => [role, { keyids: [keys[role].id], threshold: 1 }])
      )
    }
    files.set(`/${rootVersion}.root.json`, signed(body, signers))
  }

  function publishTargets(content: Readonly<Record<string, string>>, expires = inAYear()): void {
    version += 1
    const described: Record<string, unknown> = {}
    for (const [name, text] of Object.entries(content)) {
      described[name] = { length: Buffer.byteLength(text), hashes: { sha256: sha256(text) } }
      files.set(`/targets/${sha256(text)}.${name}`, text)
    }
    files.set(
      `/${version}.targets.json`,
      signed(
        {
          _type: 'targets',
          spec_version: SPEC_VERSION,
          version,
          expires: inAYear(),
          targets: described
        },
        [keys.targets]
      )
    )
    files.set(
      `/${version}.snapshot.json`,
      signed(
        {
          _type: 'snapshot',
          spec_version: SPEC_VERSION,
          version,
          expires: inAYear(),
          meta: { 'targets.json': { version } }
        },
        [keys.snapshot]
      )
    )
    files.set(
      '/timestamp.json',
      signed(
        {
          _type: 'timestamp',
          spec_version: SPEC_VERSION,
          version,
          expires,
          meta: { 'snapshot.json': { version } }
        },
        [keys.timestamp]
      )
    )
  }

  publishRoot([keys.root])
  const initialRoot = files.get('/1.root.json') as string
  let current = { ...targets }
  publishTargets(current)

  const server = http.createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase()
    const pathname = new URL(req.url ?? '/', 'http://tuf').pathname
    const body = method === 'GET' ? (replaced.get(pathname) ?? files.get(pathname)) : undefined
    const status = body === undefined ? 404 : 200
    log.push({ method, path: pathname, status })
    const bytes = Buffer.from(body ?? 'Not Found')
    res.writeHead(status, {
      'content-type': body === undefined ? 'text/plain' : 'application/json',
      'content-length': String(bytes.length)
    })
    res.end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    initialRoot,
    publish(next) {
      current = { ...next }
      publishTargets(current)
    },
    rotateRoot() {
      const old = keys.root
      keys = Object.fromEntries(ROLES.map((role) => [role, newKey()])) as Record<Role, RoleKey>
      publishRoot([old, keys.root])
      // The other roles' keys changed with it: everything below is signed again.
      publishTargets(current)
    },
    replace(path, text) {
      replaced.set(path, text)
    },
    expire() {
      publishTargets(
        current,
        new Date(Date.now() - 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
      )
    },
    get requests() {
      return log
    },
    clearRequests: () => void log.splice(0),
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
