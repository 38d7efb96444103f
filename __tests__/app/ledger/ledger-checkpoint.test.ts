import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { digest } from '../../../__fixtures__/promotion.js'
import { checkpointSigner, verifyCheckpoint } from '../../../src/app/ledger/ledger-checkpoint.js'
import { prepareSigning } from '../../../src/app/signature/signing.js'
import type { Signing } from '../../../src/app/signature/types.js'
import { main } from '../../../src/cli/main.js'
import { readPublicKey } from '../../../src/core/signing/signing-key.js'
import {
  CHECKPOINT_PREDICATE_TYPE,
  checkpointStatement
} from '../../../src/core/signing/ledger-checkpoint.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { deploy, letIn } from '../../helpers/ledger-history.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { besideLedger } from '../../../src/stores/ledger/beside-ledger.js'

afterAll(removeAll)

function keyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  }
}

/** A ledger whose every append signs a checkpoint with the key. */
async function keySigning(privatePem: string): Promise<Signing> {
  return prepareSigning(
    {
      mode: 'key',
      key: { pem: privatePem, password: undefined, inputName: 'signing-key' },
      endpoints: { fulcioUrl: null, rekorUrl: null, tsaUrl: null }
    },
    {}
  )
}

async function signedLedger(file: string, privatePem: string): Promise<FileLedger> {
  return new FileLedger(file, 'ledger', {
    create: true,
    signHead: checkpointSigner(await keySigning(privatePem), file) ?? undefined
  })
}

/** A ledger of three promotions, signed with a fresh key; the key's public half written beside it. */
async function history(): Promise<{
  dir: string
  file: string
  publicKey: string
  key: ReturnType<typeof keyPair>
}> {
  const dir = tempDir('ledger-checkpoint-')
  const file = path.join(dir, 'ledger.jsonl')
  const key = keyPair()
  const ledger = await signedLedger(file, key.privatePem)
  await deploy(ledger, digest(1), 'staging')
  await deploy(ledger, digest(2), 'staging')
  await letIn(ledger, digest(3), 'staging')
  const publicKey = path.join(dir, 'cosign.pub')
  fs.writeFileSync(publicKey, key.publicPem)
  return { dir, file, publicKey, key }
}

async function ledgerVerify(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(['ledger', 'verify', '--ledger', 'file:ledger.jsonl', ...args], {
    cwd,
    env: {},
    out: (t) => (out += t),
    err: (t) => (err += t),
    progress: () => undefined
  })
  return { code, out, err }
}

const lines = (file: string): string[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')

describe('the file ledger signed checkpoint', () => {
  it('is rewritten with every append, signing the last line as the head', async () => {
    const { file, key } = await history()
    const bundle = JSON.parse(fs.readFileSync(besideLedger(file).checkpoint, 'utf8'))
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    )
    const all = lines(file)
    expect(statement.predicateType).toBe(CHECKPOINT_PREDICATE_TYPE)
    expect(statement.predicate).toMatchObject({
      format: 'artifact-seal/ledger/v2',
      seq: all.length,
      ledger: `sha256:${createHash('sha256')
        .update(all[0] as string)
        .digest('hex')}`
    })
    const ledger = new FileLedger(file, 'ledger')
    const { head } = await ledger.verifyChain()
    expect(statement.predicate.head).toBe(head.hash)
    expect(statement.subject).toEqual([
      { name: 'ledger.jsonl', digest: { sha256: head.hash.slice(7) } }
    ])
    const check = await verifyCheckpoint(ledger, {
      publicKey: readPublicKey(key.publicPem, 'public-key'),
      trustedRootFile: null,
      identity: null
    })
    expect(check).toMatchObject({ status: 'signed', head, checkpoint: { seq: all.length } })
  })

  it('verifies with ledger verify --public-key', async () => {
    const { dir } = await history()
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out).toMatch(
      /^Intact and signed: 5 records after the ledger's first line in file:\S+ledger\.jsonl, each chained to the one before, up to the head key:\S+ signed at \S+/
    )
  })

  it('refuses a ledger without a checkpoint', async () => {
    const { dir, file } = await history()
    fs.rmSync(besideLedger(file).checkpoint)
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /^NOT TRUSTED \(missing\): .*ledger\.jsonl\.checkpoint\.sigstore\.json" does not exist/
    )
  })

  it('refuses a ledger rewritten with a new chain: the signed head is not on it', async () => {
    const { dir, file } = await history()
    // A writer without the key rebuilds the chain after the first line with one record changed: the chain is intact.
    const forged = path.join(tempDir('forged-'), 'ledger.jsonl')
    fs.writeFileSync(forged, `${lines(file)[0]}\n`)
    const unsigned = new FileLedger(forged, 'ledger')
    await deploy(unsigned, digest(1), 'staging')
    await deploy(unsigned, digest(66), 'staging')
    await letIn(unsigned, digest(3), 'staging')
    fs.copyFileSync(forged, file)
    expect((await new FileLedger(file, 'ledger').verifyChain()).problems).toEqual([])
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /^NOT TRUSTED \(rewritten\): .*line 6 is not the head the checkpoint signed by key:\S+ at \S+ \(line 6, sha256:[0-9a-f]{64}\) covers: the ledger was rewritten at or before that line/
    )
  })

  it('refuses a ledger cut short', async () => {
    const { dir, file } = await history()
    fs.writeFileSync(file, `${lines(file).slice(0, -2).join('\n')}\n`)
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /^NOT TRUSTED \(truncated\): .*the ledger has 4 lines, but the checkpoint .* covers 6: lines 5 to 6 were cut off/
    )
  })

  it('refuses records appended after the checkpoint without the key', async () => {
    const { dir, file } = await history()
    await letIn(new FileLedger(file, 'ledger'), digest(4), 'production')
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /^NOT TRUSTED \(appended\): .*the ledger has 7 lines, but the checkpoint .* covers 6: lines 7 to 7 were appended after it and no signature covers them/
    )
  })

  it('refuses a ledger and checkpoint replaced by ones signed with another key', async () => {
    const { dir, file } = await history()
    const other = keyPair()
    const replaced = path.join(tempDir('replaced-'), 'ledger.jsonl')
    const ledger = await signedLedger(replaced, other.privatePem)
    await deploy(ledger, digest(9), 'staging')
    fs.copyFileSync(replaced, file)
    fs.copyFileSync(besideLedger(replaced).checkpoint, besideLedger(file).checkpoint)
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /^NOT TRUSTED \(replaced\): .*is not signed by the signer given: signature: the bundle's signature verifies with none of the 1 public key\(s\) given/
    )
  })

  it('refuses a checkpoint copied from another ledger signed with the same key', async () => {
    const { dir, file, key } = await history()
    const elsewhere = path.join(tempDir('elsewhere-'), 'other.jsonl')
    await deploy(await signedLedger(elsewhere, key.privatePem), digest(5), 'staging')
    fs.copyFileSync(besideLedger(elsewhere).checkpoint, besideLedger(file).checkpoint)
    const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /^NOT TRUSTED \(replaced\): .*the checkpoint signed by key:\S+ .* is of the ledger sha256:[0-9a-f]{64}, and this is the ledger sha256:[0-9a-f]{64} \(the sha256 of its first line\): it was copied from another ledger/
    )
  })

  it(
    "signs the ledger's identity: a checkpoint of the right head for another ledger is refused, whatever the " +
      'file is called',
    async () => {
      const { dir, file, key } = await history()
      const { head, identity } = await new FileLedger(file, 'ledger').verifyChain()
      expect(identity).toBe(
        `sha256:${createHash('sha256')
          .update(lines(file)[0] as string)
          .digest('hex')}`
      )
      const signing = await keySigning(key.privatePem)
      if (signing.kind === 'none') throw new Error('a key signs')
      const sign = async (predicate: Record<string, unknown>) =>
        fs.writeFileSync(
          besideLedger(file).checkpoint,
          (
            await signing.sign({
              ...checkpointStatement('ledger.jsonl', {
                format: 'artifact-seal/ledger/v2',
                seq: head.seq,
                head: head.hash,
                time: new Date().toISOString(),
                ledger: digest(7)
              }),
              predicate
            })
          ).json
        )
      await sign({
        format: 'artifact-seal/ledger/v2',
        seq: head.seq,
        head: head.hash,
        time: new Date().toISOString(),
        ledger: digest(7)
      })
      const run = await ledgerVerify(dir, '--public-key', 'cosign.pub')
      expect(run.code).toBe(1)
      expect(run.out).toContain(
        `is of the ledger ${digest(7)}, and this is the ledger ${identity} (the sha256 of its first line): it ` +
          'was copied from another ledger.'
      )

      // A checkpoint written before the identity was signed names the file only: it still verifies, by name.
      await sign({
        format: 'artifact-seal/ledger/v2',
        seq: head.seq,
        head: head.hash,
        time: new Date().toISOString()
      })
      expect(await ledgerVerify(dir, '--public-key', 'cosign.pub')).toMatchObject({
        code: 0,
        out: expect.stringContaining(`Ledger: ${identity}\n`)
      })
      const rename = async (at: string): Promise<number> => {
        fs.renameSync(path.join(at, 'ledger.jsonl'), path.join(at, 'renamed.jsonl'))
        fs.renameSync(
          besideLedger(path.join(at, 'ledger.jsonl')).checkpoint,
          besideLedger(path.join(at, 'renamed.jsonl')).checkpoint
        )
        return main(
          ['ledger', 'verify', '--ledger', 'file:renamed.jsonl', '--public-key', 'cosign.pub'],
          {
            cwd: at,
            env: {},
            out: () => undefined,
            err: () => undefined,
            progress: () => undefined
          }
        )
      }
      expect(await rename(dir)).toBe(1)
      // One that names the identity follows the ledger under another name.
      expect(await rename((await history()).dir)).toBe(0)
    }
  )

  it('says plainly, without a key, that the chain detects corruption and not a deliberate rewrite', async () => {
    const { dir } = await history()
    const run = await ledgerVerify(dir)
    expect(run.code).toBe(0)
    expect(run.out).toContain(
      'This detects corruption (an edited, deleted or reordered line), not a deliberate rewrite: whoever can ' +
        'write the file can write a new chain.'
    )
  })

  it('writes no checkpoint and appends nothing when signing the head fails', async () => {
    const dir = tempDir('ledger-checkpoint-')
    const file = path.join(dir, 'ledger.jsonl')
    const ledger = new FileLedger(file, 'ledger', {
      create: true,
      signHead: () => Promise.reject(new Error('Fulcio is down'))
    })
    await expect(letIn(ledger, digest(1), 'staging')).rejects.toThrow('Fulcio is down')
    expect(lines(file)).toHaveLength(1)
    expect(fs.existsSync(besideLedger(file).checkpoint)).toBe(false)
  })
})
