import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseSubjectPatterns } from '../../../src/core/subject/patterns.js'
import { resolveFiles } from '../../../src/core/subject/resolve-files.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'
import { speakAs } from '../../../src/core/vocabulary.js'
import { CLI_VOCABULARY } from '../../../src/cli/vocabulary.js'

afterAll(removeAll)

function resolve(baseDir: string, patterns: string, root?: string) {
  return resolveFiles({
    patterns: parseSubjectPatterns(patterns),
    baseDir,
    inputName: 'subject-path',
    ...(root ? { root } : {})
  })
}

const sorted = (baseDir: string, patterns: string): string[] =>
  [...resolve(baseDir, patterns).relativePaths].sort()

describe('a symbolic link named in subject-path', () => {
  it('is refused when it leaves the root, like one the walk finds', () => {
    const outside = writeTree(tempDir(), { 'secret.txt': 'secret', 'lib/x.so': 'so' })
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()' })
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(base, 'dist', 'secret.txt'))
    fs.symlinkSync(path.join(outside, 'lib'), path.join(base, 'dist', 'lib'))
    const leaves =
      `"${path.join(base, 'dist', 'secret.txt')}" is a symbolic link to ` +
      `"${fs.realpathSync(path.join(outside, 'secret.txt'))}", outside the ` +
      'artifact root'
    expect(() => resolve(base, 'dist/app.js, dist/secret.txt')).toThrow(leaves)
    expect(() => resolve(base, 'dist/secret.txt', 'dist')).toThrow(leaves)
    expect(() => resolve(base, 'dist/app.js, dist/lib')).toThrowSealError('bad-input')
    expect(() => resolve(base, 'dist/app.js, dist/secret.txt')).toThrowSealError('bad-input')
  })

  it('is refused when it leaves the root under a name that starts with two dots', () => {
    const outside = writeTree(tempDir(), { 'lib/x.so': 'so' })
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()' })
    fs.symlinkSync(path.join(outside, 'lib'), path.join(base, 'dist', '..lib'))
    expect(() => resolve(base, 'dist')).toThrowSealError('bad-input', '..lib')
  })

  it('is sealed when its target is inside the root under a name that starts with two dots', () => {
    // `..real` is a name inside the root, not a way out of it.
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()', 'dist/..real/b.js': 'b()' })
    fs.symlinkSync('..real/b.js', path.join(base, 'dist', 'b.js'))
    expect(sorted(base, 'dist/app.js, dist/b.js')).toEqual(['app.js', 'b.js'])
    expect(sorted(base, 'dist')).toEqual(['..real/b.js', 'app.js', 'b.js'])
  })

  it('is sealed when its target is inside the root', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()', 'dist/real/b.js': 'b()' })
    fs.symlinkSync('real/b.js', path.join(base, 'dist', 'b.js'))
    expect(sorted(base, 'dist/app.js, dist/b.js')).toEqual(['app.js', 'b.js'])
  })

  it('is inside the root when its target lies under a directory whose name starts with ".."', () => {
    const base = writeTree(tempDir(), { 'dist/..a/b.js': 'b()', 'dist/app.js': 'a()' })
    fs.symlinkSync('..a/b.js', path.join(base, 'dist', 'b.js'))
    fs.symlinkSync('..a', path.join(base, 'dist', 'c'))
    expect(sorted(base, 'dist')).toEqual(['..a/b.js', 'app.js', 'b.js', 'c/b.js'])
    expect(sorted(base, 'dist/app.js, dist/b.js')).toEqual(['app.js', 'b.js'])
  })
})

describe('a glob walks only what its pattern can match', () => {
  it('never looks into a directory the pattern cannot reach: a dangling link there does not matter', () => {
    const base = writeTree(tempDir(), {
      'src/a/index.js': 'a',
      'src/b/index.js': 'b',
      'src/a/deep/more.js': 'm',
      'other/x.js': 'x'
    })
    fs.symlinkSync('nowhere', path.join(base, 'src', 'a', 'deep', 'broken.js'))
    fs.symlinkSync('nowhere', path.join(base, 'src', 'a', 'broken-link'))
    fs.symlinkSync('nowhere', path.join(base, 'other', 'broken.js'))
    expect(sorted(base, 'src/*/index.js')).toEqual(['a/index.js', 'b/index.js'])
  })

  it('still refuses a dangling link the pattern would take as a file', () => {
    const base = writeTree(tempDir(), { 'app/a.js': 'a' })
    fs.symlinkSync('nowhere.js', path.join(base, 'app', 'b.js'))
    expect(() => resolve(base, 'app/*.js')).toThrowSealError(
      'bad-input',
      `${path.join(base, 'app', 'b.js')}`
    )
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
    expect(sorted(base, 'app')).toEqual([
      '.git/hooks/pre-commit.js',
      'index.js',
      'lib/node_modules/nested.js',
      'node_modules/dep/lib.js'
    ])
  })

  it('handles groups in a segment, and groups holding a "/" by walking everything below the base', () => {
    const base = writeTree(tempDir(), {
      'web/a.js': 'a',
      'web/b.css': 'b',
      'web/c.txt': 'c',
      'web/x/y.js': 'y',
      'web/z/w.js': 'w'
    })
    expect(sorted(base, 'web/*.@(js|css)')).toEqual(['a.js', 'b.css'])
    expect(sorted(base, 'web/*/*.js')).toEqual(['x/y.js', 'z/w.js'])
    expect(sorted(base, 'web/@(x/y|z/w).js')).toEqual(['x/y.js', 'z/w.js'])
  })
})

describe('exclusions', () => {
  it('an exclusion that matches nothing is an error naming it', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a', 'dist/app.js.map': 'm' })
    expect(() => resolve(base, 'dist\n!*.map')).toThrowSealError(
      'bad-input',
      'subject-path',
      '"!*.map"',
      '"dist"'
    )
    expect(() => resolve(base, 'dist\n!dist/*.map\n!dist/*.gz, !dist/*.br')).toThrowSealError(
      'bad-input',
      '"!dist/*.gz"',
      '"!dist/*.br"'
    )
  })

  it('resolve relative to the same base as the patterns, and may repeat one another', () => {
    const base = writeTree(tempDir(), {
      'dist/app.js': 'a',
      'dist/app.js.map': 'm',
      'dist/vendor/v.js': 'v'
    })
    expect(sorted(base, 'dist/**/*.js*\n!dist/**/*.map\n!dist/vendor')).toEqual(['app.js'])
    expect(
      sorted(base, `${path.join(base, 'dist')}\n!dist/*.map\n!${path.join(base, 'dist', '*.map')}`)
    ).toEqual(['app.js', 'vendor/v.js'])
  })
})

describe('an exclusion of a directory named in the patterns', () => {
  it('leaves the directory out, as it leaves out a named file and a directory the walk meets', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a', 'dist/secrets/key.txt': 'k' })
    const named = resolve(base, 'dist/app.js\ndist/secrets\n!dist/secrets')
    expect(named.relativePaths).toEqual(['app.js'])
    expect(sorted(base, 'dist\n!dist/secrets')).toEqual(['app.js'])
  })
})

describe('exclusions that match nothing, when asked to warn', () => {
  it('are returned, not thrown, and the rest is sealed', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a' })
    const resolved = resolveFiles({
      patterns: parseSubjectPatterns('dist\n!dist/*.map\n!dist/app.js.gz'),
      baseDir: base,
      inputName: 'subject-path',
      unusedExclusions: 'warn'
    })
    expect([resolved.relativePaths, resolved.unusedExclusions]).toEqual([
      ['app.js'],
      ['dist/*.map', 'dist/app.js.gz']
    ])
  })
})

describe('an exclusion that matches nothing, refused', () => {
  it('says relative to what it is read as the caller names it: the current directory for the CLI', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a' })
    const before = speakAs(CLI_VOCABULARY)
    try {
      expect(() => resolve(base, 'dist\n!*.map')).toThrowSealError(
        'bad-input',
        /"!\*\.map".* it is read relative to the current directory \(or absolute\)/
      )
    } finally {
      speakAs(before)
    }
  })
})

describe('hidden and secret-looking files, with hidden: leave-out', () => {
  const TREE = {
    'dist/app.js': 'a',
    'dist/.env': 'PASSWORD=x',
    'dist/.env.production': 'PASSWORD=y',
    'dist/.npmrc': '//registry.npmjs.org/:_authToken=x',
    'dist/.git/config': '[core]',
    'dist/.aws/credentials': 'x',
    'dist/keys/id_rsa': 'k',
    'dist/keys/id_ed25519.pub': 'k',
    'dist/tls/server.key': 'k',
    'dist/tls/server.pem': 'k',
    'dist/tls/readme.txt': 'r',
    'dist/assets/keyboard.js': 'not a key'
  }
  const leaveOut = (base: string, patterns: string) =>
    resolveFiles({
      patterns: parseSubjectPatterns(patterns),
      baseDir: base,
      inputName: 'subject-path',
      hidden: 'leave-out'
    })

  it('are left out of a directory and listed relative to the workspace, a hidden directory once', () => {
    const base = writeTree(tempDir(), TREE)
    const resolved = leaveOut(base, 'dist')
    expect([...resolved.relativePaths].sort()).toEqual([
      'app.js',
      'assets/keyboard.js',
      'tls/readme.txt'
    ])
    expect([...resolved.leftOut].sort()).toEqual([
      'dist/.aws/',
      'dist/.env',
      'dist/.env.production',
      'dist/.git/',
      'dist/.npmrc',
      'dist/keys/id_ed25519.pub',
      'dist/keys/id_rsa',
      'dist/tls/server.key',
      'dist/tls/server.pem'
    ])
  })

  it('are left out of what a glob reaches too, and a path named as such is taken', () => {
    const base = writeTree(tempDir(), TREE)
    expect([...leaveOut(base, 'dist/**/*').relativePaths].sort()).toEqual([
      'app.js',
      'assets/keyboard.js',
      'tls/readme.txt'
    ])
    expect([...leaveOut(base, 'dist/app.js, dist/.npmrc').relativePaths].sort()).toEqual([
      '.npmrc',
      'app.js'
    ])
  })

  it('a directory named as the subject may itself be hidden (.output): only what is below it is judged', () => {
    const base = writeTree(tempDir(), { '.output/server/index.mjs': 's', '.output/.env': 'x' })
    const resolved = leaveOut(base, '.output')
    expect([resolved.relativePaths, resolved.leftOut]).toEqual([
      ['server/index.mjs'],
      ['.output/.env']
    ])
  })

  it('nothing left but hidden files is refused, saying why', () => {
    const base = writeTree(tempDir(), { 'dist/.env': 'x' })
    expect(() => leaveOut(base, 'dist')).toThrowSealError(
      'bad-input',
      'include-hidden-files',
      '"dist/.env"'
    )
  })

  it('without the rule everything is sealed, as before', () => {
    const base = writeTree(tempDir(), TREE)
    const resolved = resolve(base, 'dist')
    expect([resolved.relativePaths.length, resolved.leftOut]).toEqual([
      Object.keys(TREE).length,
      []
    ])
  })
})

describe('a file name that is not UTF-8', () => {
  it('is refused even beside a file whose name is the replacement character it decodes to', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()', 'dist/\uFFFD': 'sealed twice' })
    // The bytes 0xff decode to U+FFFD, the name of the file beside it: listed as that, its own
    // bytes would never be read, and the other file would be listed twice.
    fs.writeFileSync(
      Buffer.concat([Buffer.from(path.join(base, 'dist') + '/'), Buffer.from([0xff])]),
      'unsealed'
    )
    expect(() => resolve(base, 'dist')).toThrowSealError('bad-input', 'not valid UTF-8')
  })
  it('is left out by a "!" pattern, as the message says, and does not hold back a valid name beside it', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()', 'dist/caf\uFFFD.txt': 'valid' })
    fs.writeFileSync(Buffer.concat([Buffer.from(`${base}/dist/bad`), Buffer.from([0xff])]), 'x')
    const resolved = resolveFiles({
      patterns: parseSubjectPatterns('dist\n!dist/bad*'),
      baseDir: base,
      inputName: 'subject-path'
    })
    expect(resolved.relativePaths).toEqual(['app.js', 'caf\uFFFD.txt'])
  })

  it('does not hold back many valid names that hold U+FFFD', () => {
    const files = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`dist/f${i}\uFFFD`, String(i)])
    )
    const base = writeTree(tempDir(), files)
    expect(resolve(base, 'dist').relativePaths).toHaveLength(200)
  })

  it('is refused alone, naming its directory', () => {
    const base = writeTree(tempDir(), { 'dist/app.js': 'a()' })
    fs.writeFileSync(Buffer.concat([Buffer.from(`${base}/dist/`), Buffer.from([0x61, 0xc3])]), 'x')
    expect(() => resolve(base, 'dist')).toThrowSealError('bad-input', path.join(base, 'dist'))
  })
})
