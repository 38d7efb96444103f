import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import {
  applyModes,
  diffModes,
  formatModes,
  linkTargetPath,
  parseModes,
  readModes
} from '../../src/core/modes.js'
import { resolveFiles } from '../../src/core/subject/resolve-files.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

/** A build tree with an executable, a link to a file, a link to a directory, and a link to something not sealed. */
function tree(): string {
  const root = writeTree(tempDir('modes-'), {
    'bin/run.sh': '#!/bin/sh\n',
    'v2/app.js': 'a()',
    'index.html': 'x',
    'private.txt': 'p'
  })
  fs.chmodSync(path.join(root, 'bin/run.sh'), 0o755)
  fs.symlinkSync('bin/run.sh', path.join(root, 'start'))
  fs.symlinkSync('v2', path.join(root, 'current'))
  fs.symlinkSync('private.txt', path.join(root, 'public.txt'))
  return root
}

function modesOf(root: string, exclude: string[] = []) {
  const resolved = resolveFiles({
    patterns: { include: [root], exclude },
    baseDir: root,
    inputName: 'subject-path'
  })
  return {
    modes: readModes(resolved.root, resolved.relativePaths, resolved.links),
    paths: resolved.relativePaths
  }
}

describe('file modes sealed beside the listing', () => {
  it('records execute bits and the links whose targets are sealed, relative to the link', () => {
    const root = tree()
    expect(modesOf(root, [path.join(root, 'private.txt')]).modes).toEqual({
      executable: ['bin/run.sh', 'start'],
      links: { current: 'v2', start: 'bin/run.sh' }
    })
    expect(modesOf(root).modes.links).toEqual({
      current: 'v2',
      'public.txt': 'private.txt',
      start: 'bin/run.sh'
    })
  })

  it('record a link whose target lies under a directory whose name starts with ".."', () => {
    const root = writeTree(tempDir('modes-'), { '..a/run.sh': '#!/bin/sh\n' })
    fs.chmodSync(path.join(root, '..a/run.sh'), 0o755)
    fs.symlinkSync('..a/run.sh', path.join(root, 'start'))
    fs.symlinkSync('..a', path.join(root, 'current'))
    expect(modesOf(root).modes).toEqual({
      executable: ['..a/run.sh', 'current/run.sh', 'start'],
      links: { current: '..a', start: '..a/run.sh' }
    })
  })

  it('record a link to a directory whose files lie only deeper, and not one to a name that merely prefixes a directory', () => {
    const root = '/sealed-root'
    const paths = ['a/b/c/d.txt', 'a/e.txt', 'lib/x/y.js', 'lib2/z.js']
    const to = (link: string, target: string) => ({
      link: path.join(root, link),
      target: path.join(root, target)
    })
    const links = [
      to('to-ab', 'a/b'),
      to('to-a', 'a'),
      to('to-lib', 'lib'),
      to('to-li', 'li'),
      to('to-lib2x', 'lib2/x'),
      to('to-file', 'lib2/z.js'),
      to('to-root', '.')
    ]
    expect(readModes(root, paths, links, [0o644, 0o644, 0o644, 0o644]).links).toEqual({
      'to-ab': 'a/b',
      'to-a': 'a',
      'to-lib': 'lib',
      'to-file': 'lib2/z.js'
    })
  })

  it('are written one way and read strictly: unknown keys and links out of the root are refused', () => {
    const modes = { executable: ['b', 'a'], links: { z: 'a', 'd/y': '../b' } }
    const text = formatModes(modes).toString()
    expect(text).toBe('{"executable":["a","b"],"links":{"d/y":"../b","z":"a"}}\n')
    expect(parseModes(text, 'm')).toEqual({
      executable: ['a', 'b'],
      links: { 'd/y': '../b', z: 'a' }
    })
    expect(() =>
      parseModes('{"executable":[],"links":{"x":"../../etc/passwd"}}', 'm')
    ).toThrowSealError('tampered', 'm', '"x"')
    expect(() => parseModes('{"executable":[],"links":{"x":"/etc/passwd"}}', 'm')).toThrowSealError(
      'tampered',
      'm'
    )
    expect(() => parseModes('{"executable":[],"links":{},"setuid":["x"]}', 'm')).toThrowSealError(
      'tampered',
      '"setuid"'
    )
    expect(() => parseModes('{"executable":["../x"],"links":{}}', 'm')).toThrowSealError(
      'malformed',
      '../x'
    )
  })

  it('a link target never resolves outside the root, whatever its spelling (property)', () => {
    const segment = fc.constantFrom('a', 'b', '..', '.', '')
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.array(segment, { minLength: 1, maxLength: 5 }),
        (linkParts, targetParts) => {
          const link = linkParts.filter((p) => p !== '' && p !== '.' && p !== '..').join('/') || 'l'
          const resolved = linkTargetPath(link, targetParts.join('/'))
          return (
            resolved === null ||
            (!resolved.startsWith('..') &&
              !resolved.startsWith('/') &&
              path.posix.normalize(resolved) === resolved)
          )
        }
      )
    )
    expect(linkTargetPath('a/b', '../../x')).toBeNull()
  })

  it(
    "applied to a carrier's copies, gives back the links and the execute bits, and clears a bit the carrier " +
      'added',
    () => {
      const sealedRoot = tree()
      const { modes, paths } = modesOf(sealedRoot)
      // What a zip or tar holds: every path as a plain file, the execute bits whatever the archive said.
      const copy = tempDir('copy-')
      for (const rel of paths) {
        const target = path.join(copy, rel)
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fs.copyFileSync(path.join(sealedRoot, rel), target)
        fs.chmodSync(target, rel === 'index.html' ? 0o755 : 0o644)
      }
      applyModes(copy, paths, modes)
      expect([
        fs.readlinkSync(path.join(copy, 'current')),
        fs.readlinkSync(path.join(copy, 'start'))
      ]).toEqual(['v2', 'bin/run.sh'])
      expect([
        fs.statSync(path.join(copy, 'bin/run.sh')).mode & 0o111,
        fs.statSync(path.join(copy, 'index.html')).mode & 0o111
      ]).toEqual([0o111, 0])
      expect(diffModes(modes, modesOf(copy).modes)).toEqual([])
    }
  )

  it('differences name each path with what was sealed and what is there', () => {
    const sealed = { executable: ['bin/run.sh'], links: { current: 'v2' } }
    expect(diffModes(sealed, { executable: [], links: {} })).toEqual([
      { path: 'bin/run.sh', expected: 'executable', actual: 'not executable' },
      { path: 'current', expected: 'link to v2', actual: 'not executable' }
    ])
  })
})
