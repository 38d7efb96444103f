import type * as http from 'node:http'

/**
 * Answers 200 with a body that never ends: `chunk` written again and again, as fast as the
 * client reads, until it goes away. Returns how many bytes were written so far.
 */
export function sendEndlessBody(response: http.ServerResponse, chunk: Buffer): () => number {
  let written = 0
  response.writeHead(200, { 'content-type': 'application/json' })
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk)) written += chunk.length
    if (!response.destroyed) response.once('drain', pump)
  }
  pump()
  return () => written
}
