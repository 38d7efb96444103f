/**
 * The files a contract file refers to: an OpenAPI or JSON Schema `$ref` to another file, a
 * protobuf import. Pure: the caller reads the files. The seal follows them to put every file
 * the contract needs beside it, and every later reading follows them again, so which files
 * are references is derived from the sealed bytes, never taken from a manifest's word.
 */
import * as path from 'node:path'
import type { ContractKind } from './change.js'
import { SealError, quote } from '../errors.js'
import { isProtobufFile } from './file-kinds.js'
import { readContractDocument } from './read-document.js'

/** How a file reached only by reference is read for its own references: by its name, as the comparison reads it. */
export function referenceKind(file: string): ContractKind {
  return isProtobufFile(file) ? 'protobuf' : 'openapi'
}

/**
 * The artifact files one contract file refers to, as paths from the artifact root (a `$ref` to a
 * URL or out of the artifact is an error).
 */
export function referencesOf(
  file: string,
  kind: ContractKind,
  text: string,
  inputName: string
): string[] {
  const dir = path.posix.dirname(file)
  const inside = (target: string, what: string): string => {
    const resolved = path.posix.normalize(path.posix.join(dir, target))
    if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(target)) {
      throw new SealError(
        'refused',
        `${inputName}: ${quote(file)} refers to ${quote(what)}, outside the artifact. A contract may refer ` +
          'only to files sealed with it; move the file into the artifact.'
      )
    }
    return resolved
  }
  if (kind === 'protobuf') {
    const imports = [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map(
      (m) => m[1] as string
    )
    // Imports name files from an import root, as protoc's -I does; the artifact root is one.
    return imports
      .filter((i) => !i.startsWith('google/protobuf/'))
      .map((i) => inside(path.posix.relative(dir, i), i))
  }
  if (kind !== 'openapi' && kind !== 'jsonschema') return []
  const doc = readDocument(file, text)
  if (doc === undefined) return []
  const refs = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.add(value)
        else walk(value)
      }
    }
  }
  walk(doc)
  const files: string[] = []
  for (const ref of refs) {
    if (ref.startsWith('#')) continue
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      throw new SealError(
        'refused',
        `${inputName}: ${quote(file)} has a $ref to ${quote(ref)}, a URL. A contract is checked without the ` +
          'network; copy the referenced document into the artifact and refer to it by ' +
          'path.'
      )
    }
    let target: string
    try {
      target = decodeURIComponent(ref.split('#')[0] as string)
    } catch {
      throw new SealError(
        'malformed',
        `${inputName}: ${quote(file)} has a $ref ${quote(ref)} with a malformed %-escape (a "%" not followed ` +
          `by two hex digits). Write each % as %25, or the file's path without escapes.`
      )
    }
    if (target !== '') files.push(inside(target, ref))
  }
  return files
}

/**
 * The document's value, read as the comparison reads it (merge keys, byte-order mark); undefined
 * when it cannot be read (a declared file's reading error is reported by detection).
 */
function readDocument(file: string, text: string): unknown {
  try {
    return readContractDocument(file, text).value
  } catch (error) {
    if (error instanceof SealError) return undefined
    throw error
  }
}
