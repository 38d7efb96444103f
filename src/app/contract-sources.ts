import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { LoadedContract } from '../core/contract/classify.js'
import type { ContractRef } from '../core/contract/manifest.js'
import { type Digest, hexOf } from '../core/digest.js'
import { BadInputError, SealError, quote } from '../core/errors.js'
import { parseListing } from '../core/listing.js'
import type { ArtifactRef } from '../core/promotion/record.js'
import { contractBeside } from '../stores/evidence/seal-bundle.js'
import { fromManifest, loadContract } from './load-contract.js'
import type { BytesCheck } from './promote-digest.js'

/** Where the gate finds the two contracts it compares. */
export interface ContractSources {
  /**
   * The candidate's sealed contract: the manifest beside the verified bytes' listing, or one
   * kept earlier under the digest `claimed` (what the digest's records or signed statement
   * say). `known: false` when there was nowhere to look (no listing beside the bytes, nothing
   * claimed); a SealError when the seal has a contract that cannot be read.
   */
  candidate(digest: Digest, bytes: BytesCheck | null, claimed: ContractRef | null): Promise<CandidateContract>
  /** The contract of the digest the environment runs, whose files must hash to `contract.digest`; a SealError naming the fix when it cannot be had. */
  baseline(live: LiveContract): Promise<LoadedContract>
  /** Keeps a contract where a later `baseline` or `candidate` finds it; absent when there is nowhere to keep it. */
  keep?(contract: LoadedContract): Promise<void>
}

/** The candidate's sealed contract, or null: then `known` says whether its seal has none, or nobody could tell. */
export interface CandidateContract {
  readonly contract: LoadedContract | null
  readonly known: boolean
}

/** The digest an environment runs and the contract its record names. */
export interface LiveContract {
  readonly environment: string
  readonly digest: Digest
  readonly contract: ContractRef
  /** The workflow artifact its record names, to download its seal bundle from. */
  readonly artifact: ArtifactRef | null
}

export interface ContractSourceOptions {
  /** A directory of contracts kept by content (`<hex>.contract.json` and `<hex>.contract/`): beside a file ledger; null for none. */
  readonly store: string | null
  /** The `contract-baseline` input: a seal bundle (its directory or its `.contract.json`) of the live digest. */
  readonly baseline: { readonly path: string; readonly inputName: string } | null
  /**
   * Downloads the live digest's workflow artifact and returns its verified listing's path
   * (the seal bundle is beside it); absent when nothing can be downloaded.
   */
  readonly download?: (digest: Digest, artifact: ArtifactRef) => Promise<string>
}

/** The contract the seal bundle beside a listing holds; null when there is none or no listing. */
export function sealedContractBeside(checksumsFile: string | null): ContractRef | null {
  const manifest = checksumsFile === null ? null : contractBeside(checksumsFile)
  if (manifest === null || !fs.existsSync(manifest)) return null
  const loaded = fromManifest(manifest)
  return { digest: loaded.manifest.digest, version: loaded.manifest.version }
}

/** The contract files kept beside a file ledger: `<ledger>.contracts/`. */
export function contractStoreOf(ledgerFile: string): string {
  return `${ledgerFile}.contracts`
}

export function contractSources(options: ContractSourceOptions): ContractSources {
  const stored = (digest: Digest): string | null => {
    if (options.store === null) return null
    const file = path.join(options.store, `${hexOf(digest)}.contract.json`)
    return fs.existsSync(file) ? file : null
  }
  const fromStore = (ref: ContractRef): LoadedContract | null => {
    const file = stored(ref.digest)
    if (file === null) return null
    const loaded = fromManifest(file)
    return loaded.manifest.digest === ref.digest ? loaded : null
  }
  return {
    async candidate(digest, bytes, claimed) {
      const manifest = bytes?.checksumsFile ? contractBeside(bytes.checksumsFile) : null
      if (manifest !== null && fs.existsSync(manifest)) {
        const loaded = fromManifest(manifest)
        if (bytes?.checksumsFile) checkSealedFiles(loaded, bytes.checksumsFile, manifest)
        return { contract: loaded, known: true }
      }
      // A seal bundle beside the bytes without a manifest: the seal has no contract.
      if (claimed === null) return { contract: null, known: manifest !== null }
      const kept = fromStore(claimed)
      if (kept !== null) return { contract: kept, known: true }
      throw new SealError(
        `the seal of ${digest} carries contract ${claimed.version} (${claimed.digest}), but its manifest is not beside the bytes' listing${options.store === null ? '' : ` nor kept in ${quote(options.store)}`}. ` +
          `Give the seal bundle (checksums-path) the seal wrote, with its .contract.json and .contract/ beside the listing.`
      )
    },
    async baseline(live) {
      const wanted = live.contract
      if (options.baseline !== null) {
        const loaded = loadContract(options.baseline.path, options.baseline.inputName)
        if (loaded.manifest.digest !== wanted.digest) {
          throw new BadInputError(
            `${options.baseline.inputName}: ${quote(options.baseline.path)} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), ` +
              `but ${live.environment} runs ${live.digest}, whose record names contract ${wanted.version} (${wanted.digest}). ` +
              `Give the seal bundle of ${live.digest}, or leave ${options.baseline.inputName} out.`
          )
        }
        return loaded
      }
      const kept = fromStore(wanted)
      if (kept !== null) return kept
      const tried: string[] = []
      if (options.store !== null) tried.push(`it is not kept in ${quote(options.store)}`)
      if (options.download && live.artifact !== null) {
        try {
          const listing = await options.download(live.digest, live.artifact)
          const manifest = contractBeside(listing)
          if (manifest !== null && fs.existsSync(manifest)) {
            const loaded = fromManifest(manifest)
            if (loaded.manifest.digest === wanted.digest) return loaded
            tried.push(`the workflow artifact ${quote(live.artifact.name)} of run ${live.artifact.runId} holds contract ${loaded.manifest.digest}, not ${wanted.digest}`)
          } else {
            tried.push(`the workflow artifact ${quote(live.artifact.name)} of run ${live.artifact.runId} holds no contract manifest`)
          }
        } catch (error) {
          if (!(error instanceof SealError)) throw error
          tried.push(`the workflow artifact ${quote(live.artifact.name)} of run ${live.artifact.runId} could not be fetched (${error.message})`)
        }
      } else if (live.artifact === null) {
        tried.push('no record names a workflow artifact holding its seal bundle')
      }
      throw new SealError(
        `The contract ${live.environment} runs (${wanted.version}, ${wanted.digest}, sealed with ${live.digest}) could not be read: ${tried.join('; ') || 'nowhere to look'}. ` +
          `Give contract-baseline: the path to the seal bundle of ${live.digest}.`
      )
    },
    ...(options.store === null ? {} : { keep: async (contract: LoadedContract) => keepContract(options.store as string, contract) })
  }
}

/**
 * Every file the manifest names must be one of the sealed files, with the same sha256: the
 * manifest travels beside the listing, unsealed, so this is what ties the contract to the
 * digest (the signed statement's annotation, when there is one, pins the manifest itself).
 */
function checkSealedFiles(contract: LoadedContract, listingFile: string, manifestFile: string): void {
  // The listing verified the bytes a moment ago; one that cannot be read now ties nothing (fail closed).
  const sealed = new Map(parseListing(fs.readFileSync(listingFile, 'utf8'), listingFile).map((e) => [e.path, e.hex]))
  for (const file of contract.manifest.files) {
    if (sealed.get(file.path) !== file.sha256) {
      throw new SealError(
        `${manifestFile}: the contract file ${quote(file.path)} is ${sealed.has(file.path) ? 'not the sealed one (its sha256 differs from the listing\'s)' : 'not one of the sealed files'}. ` +
          `The manifest was changed after sealing; give the seal bundle as the seal wrote it.`
      )
    }
  }
}

/** Writes the contract under its digest, whole or not at all: a kept contract is read back by its digest and checked. */
async function keepContract(store: string, contract: LoadedContract): Promise<void> {
  const base = path.join(store, hexOf(contract.manifest.digest))
  if (fs.existsSync(`${base}.contract.json`)) return
  // The files are at hand as text; one that is not valid UTF-8 would not come back as its
  // sealed bytes, and a kept copy that does not verify would refuse every later promotion.
  const bytes = contract.manifest.files.map((file) => ({ file, bytes: Buffer.from(contract.read(file.path), 'utf8') }))
  if (bytes.some(({ file, bytes: b }) => createHash('sha256').update(b).digest('hex') !== file.sha256)) return
  const temp = `${base}.${process.pid}.${Date.now()}.tmp`
  try {
    fs.mkdirSync(`${temp}.contract`, { recursive: true })
    for (const { file, bytes: b } of bytes) {
      const target = path.join(`${temp}.contract`, ...file.path.split('/'))
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, b)
    }
    fs.writeFileSync(`${temp}.contract.json`, `${JSON.stringify(contract.manifest, null, 2)}\n`)
    fs.rmSync(`${base}.contract`, { recursive: true, force: true })
    fs.renameSync(`${temp}.contract`, `${base}.contract`)
    // The manifest last: it is what says the kept contract is there.
    fs.renameSync(`${temp}.contract.json`, `${base}.contract.json`)
  } finally {
    fs.rmSync(`${temp}.contract`, { recursive: true, force: true })
    fs.rmSync(`${temp}.contract.json`, { force: true })
  }
}
