import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'

/**
 * Downloads and restores land in a fresh directory beside the destination and are moved
 * into place only when complete, so a failure never leaves half a tree where the caller
 * looks for one. These are the two halves of that hand-off.
 */

/**
 * Checks the destination can receive a tree (absent, or an empty directory) and returns a
 * new empty working directory beside it, on the same file system so the final move is a
 * rename. `inputName` names whatever gave the destination, for the error message.
 */
export function workingDirBeside(into: string, inputName: string): string {
  const target = path.resolve(into)
  let entries: string[] | null = null
  try {
    entries = fs.readdirSync(target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw new SealError(`${inputName}: ${quote(into)} is a file. Give a directory that does not exist yet, or an empty one.`)
    if (code !== 'ENOENT') throw cannotWrite(inputName, into, error)
  }
  if (entries !== null && entries.length > 0) {
    throw new SealError(`${inputName}: ${quote(into)} is not empty. Give a directory that does not exist yet, or an empty one, so nothing already there is mixed with what is fetched.`)
  }
  const parent = path.dirname(target)
  try {
    fs.mkdirSync(parent, { recursive: true })
    const work = path.join(parent, `.${path.basename(target)}.partial-${randomBytes(4).toString('hex')}`)
    fs.mkdirSync(work)
    return work
  } catch (error) {
    throw cannotWrite(inputName, into, error)
  }
}

/** Moves a completed working directory to the destination (replacing an empty directory there). */
export function moveIntoPlace(work: string, into: string, inputName: string): string {
  const target = path.resolve(into)
  try {
    fs.rmdirSync(target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') throw cannotWrite(inputName, into, error)
  }
  try {
    fs.renameSync(work, target)
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true })
    throw cannotWrite(inputName, into, error)
  }
  return target
}

export function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true })
  } catch {
    // Best effort: the directory is temporary and beside the destination, never in it.
  }
}

function cannotWrite(inputName: string, into: string, error: unknown): SealError {
  const e = error as NodeJS.ErrnoException
  return new SealError(`${inputName}: cannot write to ${quote(into)} (${e.code ?? e.message}). Give a directory the runner can write to.`)
}
