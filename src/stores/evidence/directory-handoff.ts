import * as fs from 'node:fs'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { SealError, quote } from '../../core/errors.js'
import type { Env } from '../../core/env.js'
import { isInside } from '../../core/paths.js'

/**
 * Where a carrier's bytes land: a fresh directory that only this user can enter, made with
 * mkdtemp under the runner's temp directory, never in the workspace. A download or a cache
 * archive is written there, listed, and only what its listing allowed is extracted there,
 * by paths this module joins itself: files are created new (O_EXCL), never through a link
 * (O_NOFOLLOW), in directories it made. On any refusal the whole directory is deleted.
 */

/**
 * Makes `<parent>/<prefix>XXXXXX` (mode 0700). `inputName` names whatever gave the parent,
 * for the message when it cannot be made or lies inside the workspace.
 */
export function privateDir(parent: string, prefix: string, env: Env, inputName: string): string {
  const resolved = path.resolve(parent)
  let dir: string
  try {
    fs.mkdirSync(resolved, { recursive: true, mode: 0o700 })
    dir = fs.mkdtempSync(path.join(resolved, prefix))
    fs.chmodSync(dir, 0o700)
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new SealError(
      'unreadable',
      `${inputName}: cannot make a private directory under ${quote(parent)} (${e.code ?? e.message}). Give the ` +
        'runner a writable temp directory (RUNNER_TEMP).',
      { cause: e }
    )
  }
  const workspace = env.GITHUB_WORKSPACE
  if (workspace && isInside(fs.realpathSync(dir), realOrResolved(workspace))) {
    removeQuietly(dir)
    throw new SealError(
      'bad-input',
      `${inputName}: the directory for downloads, ${quote(parent)}, is inside the workspace ${quote(workspace)}. ` +
        ('Nothing from a carrier is unpacked in the workspace, where a later step could take it for checked-out ' +
          'files: set RUNNER_TEMP outside the workspace.')
    )
  }
  return dir
}

/** Makes a directory at a checked relative path under `root`, one segment at a time, never following a link. */
export function makeDirectories(root: string, rel: string): string {
  let at = root
  for (const segment of rel.split('/')) {
    at = path.join(at, segment)
    try {
      fs.mkdirSync(at, { mode: 0o755 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.lstatSync(at).isDirectory())
        throw error
    }
  }
  return at
}

const CREATE_NEW =
  fs.constants.O_WRONLY |
  fs.constants.O_CREAT |
  fs.constants.O_EXCL |
  (fs.constants.O_NOFOLLOW ?? 0)

/**
 * Writes a new file at a checked relative path under `root` from `content`; an existing name is an
 * error, never overwritten.
 */
export async function writeNewFile(
  root: string,
  rel: string,
  content: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  executable: boolean
): Promise<void> {
  const segments = rel.split('/')
  const parent = segments.length > 1 ? makeDirectories(root, segments.slice(0, -1).join('/')) : root
  const target = path.join(parent, segments[segments.length - 1] as string)
  const handle = await fs.promises.open(target, CREATE_NEW, executable ? 0o755 : 0o644)
  await pipeline(content, handle.createWriteStream())
}

/**
 * Copies the listed files (paths from `root` with `/`) into a new directory `dir`, for a hand-out
 * of exactly what was verified; throws the file system's error, leaving `dir` for the caller
 * to remove.
 */
export function copyListedFiles(root: string, listed: readonly string[], dir: string): void {
  fs.mkdirSync(dir, { recursive: true })
  const made = new Set<string>()
  for (const rel of listed) {
    const target = path.join(dir, ...rel.split('/'))
    const parent = path.dirname(target)
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true })
      made.add(parent)
    }
    fs.copyFileSync(path.join(root, ...rel.split('/')), target)
  }
}

/**
 * Removes a file or a directory if it is there, as a clean-up: a failure is not reported, as
 * what it would leave is private and temporary, or a leftover the next write replaces or fails on.
 */
export function removeQuietly(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true })
  } catch {
    // See above.
  }
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}
