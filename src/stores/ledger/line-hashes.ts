import { Worker } from 'node:worker_threads'

/**
 * The sha256 of every line of a buffer (lines end at "\n"; a last line without one counts),
 * 32 bytes per line in order. Written as a plain function of its inputs so a worker thread
 * can run it from its source text.
 */
export function hashLines(input: Uint8Array, crypto: typeof import('node:crypto')): Uint8Array {
  // A Buffer's indexOf is a native search; a plain Uint8Array's looks at one element at a time.
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length)
  let count = 0
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(0x0a, at)
    count += 1
    at = end < 0 ? bytes.length : end + 1
  }
  const out = new Uint8Array(count * 32)
  for (let at = 0, line = 0; at < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, at)
    if (end < 0) end = bytes.length
    out.set(crypto.hash('sha256', bytes.subarray(at, end), 'buffer') as unknown as Uint8Array, line * 32)
    at = end + 1
  }
  return out
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const crypto = require('node:crypto')
const hashLines = ${hashLines.toString()}
parentPort.postMessage(hashLines(new Uint8Array(workerData.buffer, workerData.offset, workerData.length), crypto))
`

/**
 * Hashes the lines of a buffer held in shared memory on a worker thread, so that reading a
 * long ledger checks its hash chain on one core while the other parses the records.
 */
export function hashLinesAside(bytes: Uint8Array): Promise<Uint8Array> {
  if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new Error('unreachable: hashLinesAside needs bytes in shared memory')
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length } })
    worker.once('message', (hashes: Uint8Array) => {
      resolve(hashes)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}
