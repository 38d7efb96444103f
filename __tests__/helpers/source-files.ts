import * as fs from 'node:fs'
import * as path from 'node:path'

/** Where src/ is; tests run from the repository's root. */
export const SRC = path.resolve('src')

/** Every file under src/, as a path relative to it with forward slashes, sorted. */
export function sourceFiles(): string[] {
  return (fs.readdirSync(SRC, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(SRC, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    )
    .sort()
}

/** The files under src/ whose text matches `pattern`, outside the folders `skip` matches. */
export function sourcesMatching(pattern: RegExp, skip?: RegExp): string[] {
  return sourceFiles()
    .filter((file) => skip === undefined || !skip.test(file))
    .filter((file) => pattern.test(fs.readFileSync(path.join(SRC, file), 'utf8')))
}
