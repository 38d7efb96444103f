import { quote } from '../errors.js'
import { type ContractChange, compareChanges } from './change.js'
import { classifyGraphql } from './graphql.js'
import { isProtobufFile } from './file-kinds.js'
import type { ContractFileEntry, ContractManifest } from './manifest.js'
import { classifyJsonSchema, classifyOpenApi } from './openapi/index.js'
import { classifyProtobuf } from './protobuf.js'
import { readContractDocument } from './read-document.js'

/** A sealed contract with its files' text at hand: from a seal bundle, a directory, or the artifact. */
export interface LoadedContract {
  readonly manifest: ContractManifest
  /** The text of a file the manifest names, by its path from the artifact root. */
  readonly read: (path: string) => string
}

/**
 * Every change between two contracts, breaking ones first. An unchanged contract digest
 * says nothing changed without reading a file. Files are paired by path: a contract file
 * that is gone is breaking (its clients are left with nothing), a new one compatible;
 * protobuf files are compared as one set, since messages move between files freely.
 */
export async function classifyContracts(
  before: LoadedContract,
  after: LoadedContract,
  options: { readonly now: Date }
): Promise<ContractChange[]> {
  if (before.manifest.digest === after.manifest.digest) return []
  const changes: ContractChange[] = []
  // Protobuf files, declared or imported, are compared below as one set; the others file by file.
  const declared = (contract: LoadedContract): Map<string, ContractFileEntry> =>
    new Map(
      contract.manifest.files
        .filter((f) => f.kind !== 'reference' && f.kind !== 'protobuf')
        .map((f) => [f.path, f])
    )
  const was = declared(before)
  const now = declared(after)
  const pairs: [ContractFileEntry, ContractFileEntry][] = []
  for (const [path, entry] of was) {
    const next = now.get(path)
    if (next !== undefined) pairs.push([entry, next])
  }
  // A file that moved: the only one of its kind left on each side is the same contract.
  const left = [...was.values()].filter((e) => !now.has(e.path))
  const right = [...now.values()].filter((e) => !was.has(e.path))
  for (const kind of new Set(left.map((e) => e.kind))) {
    const a = left.filter((e) => e.kind === kind)
    const b = right.filter((e) => e.kind === kind)
    if (a.length === 1 && b.length === 1)
      pairs.push([a[0] as ContractFileEntry, b[0] as ContractFileEntry])
  }
  const paired = new Set(pairs.flatMap(([a, b]) => [`before:${a.path}`, `after:${b.path}`]))
  for (const [entry, next] of pairs) {
    if (next.kind !== entry.kind) {
      changes.push(
        fileChange(
          'contract-file-kind-changed',
          'breaking',
          next,
          `${quote(entry.path)} was ${entry.kind} and is now ${next.kind}.`
        )
      )
    } else if (next.sha256 !== entry.sha256 || referencesChanged(before, after)) {
      changes.push(...(await classifyFile(entry, next, before, after, options.now)))
    }
  }
  for (const entry of was.values()) {
    if (!paired.has(`before:${entry.path}`))
      changes.push(
        fileChange(
          'contract-file-removed',
          'breaking',
          entry,
          `The contract file ${quote(entry.path)} was removed: its clients lose everything it described.`
        )
      )
  }
  for (const entry of now.values()) {
    if (!paired.has(`after:${entry.path}`))
      changes.push(
        fileChange(
          'contract-file-added',
          'compatible',
          entry,
          `The contract file ${quote(entry.path)} was added.`
        )
      )
  }
  const protos = (contract: LoadedContract) =>
    contract.manifest.files
      .filter((f) => isProtobufFile(f.path))
      .map((f) => ({ path: f.path, text: contract.read(f.path) }))
  const beforeProtos = protos(before)
  const afterProtos = protos(after)
  if (beforeProtos.length > 0 || afterProtos.length > 0) {
    if (beforeProtos.length === 0 || afterProtos.length === 0) {
      const entry = (afterProtos.length === 0 ? before : after).manifest.files.find((f) =>
        isProtobufFile(f.path)
      ) as ContractFileEntry
      const removed = afterProtos.length === 0
      changes.push(
        fileChange(
          removed ? 'contract-file-removed' : 'contract-file-added',
          removed ? 'breaking' : 'compatible',
          entry,
          `The protobuf contract was ${removed ? 'removed' : 'added'}.`
        )
      )
    } else {
      changes.push(...classifyProtobuf(beforeProtos, afterProtos))
    }
  }
  return changes.sort(compareChanges)
}

function referencesChanged(before: LoadedContract, after: LoadedContract): boolean {
  const refs = (contract: LoadedContract) =>
    new Map(
      contract.manifest.files.filter((f) => f.kind === 'reference').map((f) => [f.path, f.sha256])
    )
  const a = refs(before)
  const b = refs(after)
  return a.size !== b.size || [...a].some(([path, sha]) => b.get(path) !== sha)
}

async function classifyFile(
  was: ContractFileEntry,
  now: ContractFileEntry,
  before: LoadedContract,
  after: LoadedContract,
  at: Date
): Promise<ContractChange[]> {
  const path = now.path
  if (now.kind === 'graphql')
    return classifyGraphql(before.read(was.path), after.read(path), { file: path })
  const parse = (contract: LoadedContract, file: string): unknown =>
    readContractDocument(file, contract.read(file)).value
  const reader = (contract: LoadedContract) => (file: string) => parse(contract, file)
  if (now.kind === 'jsonschema') {
    const role = now.role ?? was.role ?? 'produces'
    return classifyJsonSchema(parse(before, was.path) as never, parse(after, path) as never, {
      file: path,
      role,
      readExternal: reader(after),
      readExternalBefore: reader(before),
      beforeFile: was.path
    })
  }
  // Each side resolves its $refs among its own files.
  return classifyOpenApi(
    parse(before, was.path) as Record<string, unknown>,
    parse(after, path) as Record<string, unknown>,
    {
      file: path,
      now: at,
      readExternal: reader(after),
      readExternalBefore: reader(before),
      beforeFile: was.path
    }
  )
}

function fileChange(
  rule: string,
  severity: ContractChange['severity'],
  entry: ContractFileEntry,
  message: string
): ContractChange {
  const kind = entry.kind === 'reference' ? 'openapi' : entry.kind
  return {
    rule,
    severity,
    kind,
    operation: null,
    location: entry.path,
    file: entry.path,
    position: null,
    message
  }
}
