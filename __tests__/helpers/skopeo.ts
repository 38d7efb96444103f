import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'

/**
 * skopeo, the independent client the registry tests compare with: it pushes the test
 * layouts, and its `inspect --raw` and `manifest-digest` say what a tag names. It runs with
 * a HOME of its own, so no credentials of the machine's user leak in; a registry that
 * wants credentials gets them with --creds.
 */

const run = promisify(execFile)
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'skopeo-home-'))
process.once('exit', () => fs.rmSync(home, { recursive: true, force: true }))

export interface SkopeoTarget {
  readonly host: string
  readonly username: string | null
  readonly password: string | null
}

const creds = (target: SkopeoTarget, flag: string): string[] =>
  target.username === null ? [] : [flag, `${target.username}:${target.password}`]

async function skopeo(args: string[]): Promise<Buffer> {
  const { stdout } = await run('skopeo', args, {
    env: { PATH: process.env.PATH, HOME: home },
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024
  })
  return stdout
}

/** Pushes a layout tag (all platforms, digests kept) to `repository:tag` on the registry. */
export async function pushLayout(
  target: SkopeoTarget,
  layoutDir: string,
  layoutTag: string,
  repository: string,
  tag: string
): Promise<void> {
  await skopeo([
    'copy',
    '--quiet',
    '--all',
    '--preserve-digests',
    '--dest-tls-verify=false',
    ...creds(target, '--dest-creds'),
    `oci:${layoutDir}:${layoutTag}`,
    `docker://${target.host}/${repository}:${tag}`
  ])
}

/** Pushes a skopeo `dir:` directory (all instances, digests kept) to `repository:tag`. */
export async function pushDir(
  target: SkopeoTarget,
  dir: string,
  repository: string,
  tag: string
): Promise<void> {
  await skopeo([
    'copy',
    '--quiet',
    '--all',
    '--preserve-digests',
    '--dest-tls-verify=false',
    ...creds(target, '--dest-creds'),
    `dir:${dir}`,
    `docker://${target.host}/${repository}:${tag}`
  ])
}

/** The manifest bytes `repository:reference` names, as skopeo reads them. */
export async function inspectRaw(
  target: SkopeoTarget,
  repository: string,
  reference: string
): Promise<Buffer> {
  const separator = reference.startsWith('sha256:') ? '@' : ':'
  return skopeo([
    'inspect',
    '--raw',
    '--tls-verify=false',
    ...creds(target, '--creds'),
    `docker://${target.host}/${repository}${separator}${reference}`
  ])
}

/** skopeo's digest of a manifest file (what the tag names, by skopeo's rules). */
export async function manifestDigest(bytes: Buffer): Promise<string> {
  const file = path.join(home, `manifest-${createHash('sha256').update(bytes).digest('hex')}.json`)
  fs.writeFileSync(file, bytes)
  return (await skopeo(['manifest-digest', file])).toString('utf8').trim()
}

/** The digest the tag names: skopeo inspect --raw, then skopeo manifest-digest. */
export async function tagDigest(
  target: SkopeoTarget,
  repository: string,
  tag: string
): Promise<string> {
  return manifestDigest(await inspectRaw(target, repository, tag))
}

export async function listTags(target: SkopeoTarget, repository: string): Promise<string[]> {
  const out = await skopeo([
    'list-tags',
    '--tls-verify=false',
    ...creds(target, '--creds'),
    `docker://${target.host}/${repository}`
  ])
  return (JSON.parse(out.toString('utf8')) as { Tags: string[] }).Tags
}
