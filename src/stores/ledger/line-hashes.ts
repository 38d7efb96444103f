import * as crypto from 'node:crypto'
import { Worker } from 'node:worker_threads'

/**
 * The sha256 of every line of a chunk (lines end at "\n"; a last line without one counts),
 * 32 bytes per line in order. Written as a plain function of its inputs so a worker thread
 * can run it from its source text.
 */
export function hashLines(input: Uint8Array, hashing: typeof import('node:crypto')): Uint8Array {
  // A Buffer's indexOf is a native search; a plain Uint8Array's looks at one element at a time.
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length)
  let count = 0
  for (let at = 0; at < bytes.length;) {
    const end = bytes.indexOf(0x0a, at)
    count += 1
    at = end < 0 ? bytes.length : end + 1
  }
  const out = new Uint8Array(count * 32)
  for (let at = 0, line = 0; at < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, at)
    if (end < 0) end = bytes.length
    out.set(
      hashing.hash('sha256', bytes.subarray(at, end), 'buffer') as unknown as Uint8Array,
      line * 32
    )
    at = end + 1
  }
  return out
}

/** Takes a file's chunks of whole lines in order and gives every line's hash once all are in. */
export interface LineHasher {
  /**
   * A chunk of whole lines (the last chunk may end without a newline), starting at the start
   * of memory of its own (Buffer.allocUnsafeSlow). The hasher may take that memory over: do
   * not use the chunk afterwards.
   */
  add(chunk: Buffer): void
  /** Every line's sha256, 32 bytes per line, in order. */
  done(): Promise<Uint8Array>
}

/** Hashes each chunk on the calling thread as it comes. */
export function hashHere(): LineHasher {
  const parts: Uint8Array[] = []
  return {
    add: (chunk) => void parts.push(hashLines(chunk, crypto)),
    done: async () => Buffer.concat(parts)
  }
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const crypto = require('node:crypto')
const hashLines = ${hashLines.toString()}
parentPort.on('message', (chunk) => {
  if (chunk === null) return parentPort.close()
  parentPort.postMessage(hashLines(new Uint8Array(chunk.buffer, 0, chunk.length), crypto))
})
`

/**
 * Hashes the chunks on a worker thread, each handed over without a copy, so a long ledger's
 * hash chain is checked on one core while the other parses its records.
 */
export function hashAside(): LineHasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true })
  const parts: Uint8Array[] = []
  let sent = 0
  let failure: Error | null = null
  const settled = new Promise<void>((resolve, reject) => {
    worker.on('message', (hashes: Uint8Array) => {
      parts.push(hashes)
      if (parts.length === sent && finished) resolve()
    })
    worker.once('error', (error) => {
      failure = error
      reject(error)
    })
    worker.once('exit', () =>
      parts.length === sent
        ? resolve()
        : reject(failure ?? new Error('the hashing thread stopped early'))
    )
  })
  // Awaited in done(); until then a failure must not count as unhandled.
  settled.catch(() => undefined)
  let finished = false
  return {
    add(chunk) {
      if (chunk.byteOffset !== 0)
        throw new Error('unreachable: a chunk to hash aside must start its own memory')
      sent += 1
      worker.postMessage({ buffer: chunk.buffer, length: chunk.length }, [
        chunk.buffer as ArrayBuffer
      ])
    },
    async done() {
      finished = true
      worker.postMessage(null)
      if (parts.length < sent) await settled
      if (failure !== null) throw failure
      await worker.terminate()
      return Buffer.concat(parts)
    }
  }
}
