/** JSON pointers (RFC 6901): the `position` of a change and the fragment of a `$ref`. */

export function escapeToken(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function appendPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  let out = pointer
  for (const token of tokens) out += `/${escapeToken(String(token))}`
  return out
}

/** The tokens of a pointer, or null when it is not one (it must be empty or start with `/`). */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return null
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The value at `tokens` inside `root`, or undefined when a step is missing. */
export function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined
      node = node[Number(token)]
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token]
    } else {
      return undefined
    }
  }
  return node
}
