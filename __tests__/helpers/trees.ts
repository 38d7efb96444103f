import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

/** A fresh temporary directory, removed by `removeAll`. */
const made: string[] = []
export function tempDir(prefix = 'artifact-seal-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function removeAll(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

/** Writes files given as { 'relative/path': content }; a null content makes an empty directory. */
export function writeTree(root: string, files: Record<string, string | Buffer | null>): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel)
    if (content === null) {
      fs.mkdirSync(abs, { recursive: true })
    } else {
      fs.mkdirSync(path.dirname(abs), { recursive: true })
      fs.writeFileSync(abs, content)
    }
  }
  return root
}

/** What the shell says a tree's dirHash1 is: the reference the digest engine must equal. */
export function shellTreeDigest(dir: string): string {
  const out = execFileSync(
    'bash',
    [
      '-c',
      "find -L . -type f | cut -c3- | LC_ALL=C sort | xargs -r -d '\\n' sha256sum | sha256sum"
    ],
    {
      cwd: dir,
      encoding: 'utf8'
    }
  )
  return `sha256:${out.slice(0, 64)}`
}

/** The listing `sha256sum` prints for the tree, sorted as `LC_ALL=C sort` sorts. */
export function shellTreeListing(dir: string): string {
  return execFileSync(
    'bash',
    ['-c', "find -L . -type f | cut -c3- | LC_ALL=C sort | xargs -r -d '\\n' sha256sum"],
    { cwd: dir, encoding: 'utf8' }
  )
}

export function shellFileDigest(file: string): string {
  return `sha256:${execFileSync('sha256sum', [file], { encoding: 'utf8' }).slice(0, 64)}`
}
