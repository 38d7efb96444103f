/**
 * `$ref` resolution, confined to the artifact: a fragment of the same document, or
 * (through the caller's reader) another file under the artifact root. Anything that
 * would need the network or a path outside the root is refused, never fetched.
 */
import { SealError, quote } from '../../errors.js'
import { appendPointer, parsePointer, valueAt } from './pointer.js'
import type { ExternalDocumentReader } from './types.js'
import { isRecord } from '../../json-shape.js'

/** A node and where it lives: the file (relative to the artifact root) and a JSON pointer in it. */
export interface Located {
  readonly value: unknown
  readonly file: string
  readonly pointer: string
}

const URL_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/

export class RefResolver {
  private readonly documents = new Map<string, unknown>()
  private readonly targets = new Map<string, Located>()

  /**
   * `label` names the side in errors: the before document is the live contract, not the
   * file on disk. `rootIsSchema`: a standalone JSON Schema, where `#` is the schema itself
   * (recursion); in an OpenAPI document `#` is the whole document, which no schema can be.
   */
  constructor(
    readonly file: string,
    readonly root: unknown,
    private readonly label: string,
    private readonly readExternal?: ExternalDocumentReader,
    private readonly rootIsSchema = false
  ) {
    this.documents.set(file, root)
  }

  at(pointer: string): Located {
    const tokens = parsePointer(pointer) ?? []
    return { value: valueAt(this.root, tokens), file: this.file, pointer }
  }

  child(parent: Located, ...tokens: readonly (string | number)[]): Located {
    let value = parent.value
    for (const token of tokens)
      value = isRecord(value) || Array.isArray(value) ? valueAt(value, [String(token)]) : undefined
    return { value, file: parent.file, pointer: appendPointer(parent.pointer, ...tokens) }
  }

  /**
   * Follows `$ref` after `$ref` until a node that is not one. A chain that comes back to
   * itself has no meaning (unlike a recursive schema, which the diff handles) and is an error.
   */
  follow(start: Located): Located {
    let current = start
    let seen: Set<string> | null = null
    while (isRecord(current.value) && typeof current.value.$ref === 'string') {
      const ref = current.value.$ref
      const key = `${current.file}#${ref}`
      seen ??= new Set()
      if (seen.has(key)) {
        throw new SealError(
          'malformed',
          `${this.where(current.file)}: the $ref ${quote(ref)} at ${current.pointer || '/'} is circular: it ` +
            'leads back to itself without reaching a schema. Point it at a definition.'
        )
      }
      seen.add(key)
      let target = this.targets.get(key)
      if (target === undefined) {
        target = this.resolve(ref, current)
        this.targets.set(key, target)
      }
      current = target
    }
    return current
  }

  private resolve(ref: string, from: Located): Located {
    const at = `${this.where(from.file)}: the $ref ${quote(ref)} at ${from.pointer || '/'}`
    if (URL_SCHEME.test(ref) || ref.startsWith('//')) {
      throw new SealError(
        'refused',
        `${at} points to a URL. Contract $refs are resolved only inside the artifact, never fetched: copy the ` +
          'referenced document into the artifact and refer to it by a relative path.'
      )
    }
    const hash = ref.indexOf('#')
    let filePart = hash === -1 ? ref : ref.slice(0, hash)
    let fragment = hash === -1 ? '' : ref.slice(hash + 1)
    try {
      // A $ref is a URI reference: "my%20schemas.yaml" names the file "my schemas.yaml", as the seal reads it.
      filePart = decodeURIComponent(filePart)
      fragment = decodeURIComponent(fragment)
    } catch {
      throw new SealError(
        'malformed',
        `${at} has a malformed %-escape. Write each % as %25, or refer to the definition as a JSON pointer ` +
          'such as "#/components/schemas/Order".'
      )
    }
    const tokens = parsePointer(fragment)
    if (tokens === null) {
      throw new SealError(
        'malformed',
        `${at} uses a plain-name fragment, which is not supported. Write it as a JSON pointer such as ` +
          '"#/components/schemas/Order".'
      )
    }
    if (/~(?![01])/.test(fragment)) {
      throw new SealError(
        'malformed',
        `${at} has a malformed JSON pointer: "~" must be followed by 0 (for "~") or 1 (for "/"). Write it as a ` +
          'JSON pointer such as "#/components/schemas/Order".'
      )
    }
    if (filePart === '' && tokens.length === 0 && !this.rootIsSchema && from.file === this.file) {
      throw new SealError(
        'malformed',
        `${at} points to the whole document, which is not a schema. Point it at a definition, such as ` +
          '"#/components/schemas/Order".'
      )
    }
    let file = from.file
    let document: unknown = this.documents.get(from.file)
    if (filePart !== '') {
      file = joinInsideRoot(from.file, filePart, at)
      if (!this.documents.has(file)) {
        if (this.readExternal === undefined) {
          throw new SealError(
            'malformed',
            `${at} refers to another file, ${quote(file)}, which was not given with the contract. Add it to ` +
              'the "contract" input.'
          )
        }
        this.documents.set(file, this.readExternal(file))
      }
      document = this.documents.get(file)
    }
    const value = valueAt(document, tokens)
    if (value === undefined) {
      throw new SealError(
        'malformed',
        `${at} points to nothing: ${quote(file)} has no ${fragment || '/'}. Fix the $ref or add the definition.`
      )
    }
    return { value, file, pointer: fragment }
  }

  private where(file: string): string {
    return file === this.file ? this.label : file
  }
}

/** The root-relative path of `target` as written in `from`, refused when it climbs out of the root. */
function joinInsideRoot(from: string, target: string, at: string): string {
  if (target.startsWith('/') || target.includes('\\')) {
    throw new SealError(
      'refused',
      `${at} is an absolute or Windows path. Refer to other contract files by a relative path inside the artifact.`
    )
  }
  const parts = from.split('/').slice(0, -1)
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0)
        throw new SealError(
          'refused',
          `${at} leaves the artifact root. Contract $refs may only refer to files inside the artifact.`
        )
      parts.pop()
    } else {
      parts.push(part)
    }
  }
  return parts.join('/')
}
