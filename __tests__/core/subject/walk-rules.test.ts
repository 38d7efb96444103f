import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseSubjectPatterns } from '../../../src/core/subject/patterns.js'
import { resolveFiles } from '../../../src/core/subject/resolve-files.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

function resolve(baseDir: string, patterns: string, root?: string) {
  return resolveFiles({ patterns: parseSubjectPatterns(patterns), baseDir, inputName: 'subject-path', ...(root ? { root } : {}) })
}

const sorted = (baseDir: string, patterns: string): string[] => [...resolve(baseDir, patterns).relativePaths].sort()

describe('a symbolic link named in subject-path', () => {
  it('is refused when it leaves the root, like one the walk finds', () => {
    const outside = writeTree(tempDir(), { 'secret.txt': 'secret', 'lib/x.so': 'so' })
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()' })
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(base, 'dist', 'secret.txt'))
    fs.symlinkSync(path.join(outside, 'lib'), path.join(base, 'dist', 'lib'))
    const leaves = `"${path.join(base, 'dist', 'secret.txt')}" is a symbolic link to "${fs.realpathSync(path.join(outside, 'secret.txt'))}", outside the artifact root`
    expect(() => resolve(base, 'dist/app.js, dist/secret.txt')).toThrow(leaves)
    expect(() => resolve(base, 'dist/secret.txt', 'dist')).toThrow(leaves)
    expect(() => resolve(base, 'dist/app.js, dist/lib')).toThrowSealError('bad-input')
    expect(() => resolve(base, 'dist/app.js, dist/secret.txt')).toThrowSealError('bad-input')
  })

  it('is sealed when its target is inside the root', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()', 'dist/real/b.js': 'b()' })
    fs.symlinkSync('real/b.js', path.join(base, 'dist', 'b.js'))
    expect(sorted(base, 'dist/app.js, dist/b.js')).toEqual(['app.js', 'b.js'])
  })
})

describe('a glob walks only what its pattern can match', () => {
  it('never looks into a directory the pattern cannot reach: a dangling link there does not matter', () => {
    const base = writeTree(tempDir(), { 'src/a/index.js': 'a', 'src/b/index.js': 'b', 'src/a/deep/more.js': 'm', 'other/x.js': 'x' })
    fs.symlinkSync('nowhere', path.join(base, 'src', 'a', 'deep', 'broken.js'))
    fs.symlinkSync('nowhere', path.join(base, 'src', 'a', 'broken-link'))
    fs.symlinkSync('nowhere', path.join(base, 'other', 'broken.js'))
    expect(sorted(base, 'src/*/index.js')).toEqual(['a/index.js', 'b/index.js'])
  })

  it('still refuses a dangling link the pattern would take as a file', () => {
    const base = writeTree(tempDir(), { 'app/a.js': 'a' })
    fs.symlinkSync('nowhere.js', path.join(base, 'app', 'b.js'))
    expect(() => resolve(base, 'app/*.js')).toThrowSealError('bad-input', `${path.join(base, 'app', 'b.js')}`)
  })

  it('never descends into node_modules or .git unless the pattern names them', () => {
    const base = writeTree(tempDir(), {
      'app/index.js': 'i',
      'app/node_modules/dep/lib.js': 'dep',
      'app/.git/hooks/pre-commit.js': 'hook',
      'app/lib/node_modules/nested.js': 'n'
    })
    expect(sorted(base, 'app/**/*.js')).toEqual(['index.js'])
    expect(sorted(base, 'app/**')).toEqual(['index.js'])
    expect(sorted(base, 'app/node_modules/**/*.js')).toEqual(['lib.js'])
    // A directory named as such is every file under it, whatever the names.
    expect(sorted(base, 'app')).toEqual(['.git/hooks/pre-commit.js', 'index.js', 'lib/node_modules/nested.js', 'node_modules/dep/lib.js'])
  })

  it('handles groups in a segment, and groups holding a "/" by walking everything below the base', () => {
    const base = writeTree(tempDir(), { 'web/a.js': 'a', 'web/b.css': 'b', 'web/c.txt': 'c', 'web/x/y.js': 'y', 'web/z/w.js': 'w' })
    expect(sorted(base, 'web/*.@(js|css)')).toEqual(['a.js', 'b.css'])
    expect(sorted(base, 'web/*/*.js')).toEqual(['x/y.js', 'z/w.js'])
    expect(sorted(base, 'web/@(x/y|z/w).js')).toEqual(['x/y.js', 'z/w.js'])
  })
})

describe('exclusions', () => {
  it('an exclusion that matches nothing is an error naming it', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a', 'dist/app.js.map': 'm' })
    expect(() => resolve(base, 'dist\n!*.map')).toThrowSealError('bad-input', 'subject-path', '"!*.map"', '"dist"')
    expect(() => resolve(base, 'dist\n!dist/*.map\n!dist/*.gz, !dist/*.br')).toThrowSealError('bad-input', '"!dist/*.gz"', '"!dist/*.br"')
  })

  it('resolve relative to the same base as the patterns, and may repeat one another', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a', 'dist/app.js.map': 'm', 'dist/vendor/v.js': 'v' })
    expect(sorted(base, 'dist/**/*.js*\n!dist/**/*.map\n!dist/vendor')).toEqual(['app.js'])
    expect(sorted(base, `${path.join(base, 'dist')}\n!dist/*.map\n!${path.join(base, 'dist', '*.map')}`)).toEqual(['app.js', 'vendor/v.js'])
  })
})
