import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { createRequire } from 'node:module'

// runner-io writes the log to file descriptor 1; node:fs is mocked here to make that
// descriptor refuse part way, as a full non-blocking pipe does (EAGAIN).
const realFs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs')
const toDescriptor: string[] = []
let room = Infinity

jest.unstable_mockModule('node:fs', () => ({
  ...realFs,
  default: realFs,
  writeSync: (
    fd: number,
    buffer: Uint8Array,
    offset = 0,
    length = buffer.length - offset
  ): number => {
    if (fd !== 1) return realFs.writeSync(fd, buffer, offset, length)
    if (room <= 0)
      throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), {
        code: 'EAGAIN'
      })
    const taken = Math.min(room, length)
    room -= taken
    toDescriptor.push(Buffer.from(buffer.subarray(offset, offset + taken)).toString('utf8'))
    return taken
  }
}))

const io = await import('../../src/actions/runner-io.js')

afterEach(() => {
  jest.restoreAllMocks()
})

describe('the runner log', () => {
  it('writes to the descriptor, and once it refuses, the rest through process.stdout, nothing lost or reordered', () => {
    const toStream: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      toStream.push(Buffer.from(chunk).toString('utf8'))
      return true
    })
    room = 12
    io.info('first line, whole')
    io.info('second line')
    io.info('third line')
    expect(toDescriptor.join('')).toBe('first line, ')
    expect(toDescriptor.join('') + toStream.join('')).toBe(
      'first line, whole\nsecond line\nthird line\n'
    )
    // Once the stream took over, the descriptor is left alone even when it has room again.
    room = Infinity
    io.info('fourth line')
    expect(toStream.at(-1)).toBe('fourth line\n')
    expect(toDescriptor.join('')).toBe('first line, ')
  })

  it('ends the step only once what went through process.stdout is written', async () => {
    // The descriptor refused in the test above: the log goes through process.stdout for good.
    room = 0
    const order: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      callback?: () => void
    ) => {
      order.push(`write ${JSON.stringify(Buffer.from(chunk).toString('utf8'))}`)
      setImmediate(() => {
        order.push('flushed')
        callback?.()
      })
      return true
    }) as typeof process.stdout.write)
    jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      order.push(`exit ${code}`)
      throw new Error('exited')
    }) as typeof process.exit)
    await expect(io.endStep()).rejects.toThrow('exited')
    expect(order).toEqual(['write ""', 'flushed', 'exit undefined'])
  })
})
