import * as path from 'node:path'

/**
 * Whether `child` is `parent` or below it, by their text (resolve links first where they
 * matter). A name that merely starts with two dots (`..bundle`) is inside.
 */
export function isInside(child: string, parent: string): boolean {
  return !leavesParent(path.relative(parent, child))
}

/**
 * Whether a path from path.relative climbs out of where it starts: "..", "../x" or absolute
 * (another drive). A name that only starts with two dots, such as "..a", stays inside.
 */
export function leavesParent(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)
}

/** A relative path as listings write it: `/` between segments on every platform. */
export function toSlashes(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/')
}
