/**
 * A fetch answer's body as text, read only as far as `limit` bytes: null when it is longer,
 * declared so or sent so, and then the rest is never read. A service or a storage URL that
 * answers without end cannot fill the runner's memory.
 */
export async function textWithin(response: Response, limit: number): Promise<string | null> {
  const length = response.headers.get('content-length')
  if (length !== null && /^\d+$/.test(length) && Number(length) > limit) {
    await response.body?.cancel()
    return null
  }
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  // As response.text() reads it: a byte order mark dropped, bad bytes as U+FFFD.
  return new TextDecoder().decode(Buffer.concat(chunks))
}
