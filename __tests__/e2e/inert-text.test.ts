// Outside text through the bundled actions and CLI, as a runner runs them: file names, the
// artifact's name, a hand-edited unsigned statement, a contract's text, and ledger fields
// read back by later steps. The runner's own rules read stdout and stderr (the only
// commands are the ones artifact-seal means to write); cmark-gfm reads the summaries (no
// row, cell, element or link that artifact-seal did not write).
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import type { LedgerEntry } from '../../src/core/promotion/record.js'
import { GITHUB_ENV } from '../../__fixtures__/github-env.js'
import { HOSTILE_FILE, HOSTILE_NAME } from '../helpers/hostile.js'
import { type RunnerCommand, displayHazards, runnerCommands } from '../helpers/runner-commands.js'
import { PROJECT_ROOT, type ActionRun, runAction, runPost } from '../helpers/runner.js'
import {
  type MdNode,
  parseMarkdown,
  structureProblems,
  textOf,
  walk
} from '../helpers/summary-structure.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { ensureFileLedger } from '../helpers/file-ledger.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const ORIGINS = { origins: ['https://github.com'] }
const POLICY = 'environments:\n  dev: {}\n  staging:\n    requires: [dev]\n'

/** The commands in both streams, and nothing a stricter reader could take for one. */
function commandsOf(run: { stdout: string; stderr: string }): RunnerCommand[] {
  const out = runnerCommands(run.stdout)
  const err = runnerCommands(run.stderr)
  expect(displayHazards(run.stdout, out)).toEqual([])
  expect(displayHazards(run.stderr, err)).toEqual([])
  return [...out, ...err]
}

const names = (run: { stdout: string; stderr: string }): string[] =>
  commandsOf(run).map((c) => c.name)

/** Every row of every table in the summary, as the text of its cells. */
function tableRows(markdown: string): string[][] {
  const rows: string[][] = []
  walk(parseMarkdown(markdown), (node: MdNode) => {
    if (node.type === 'table_row' || node.type === 'table_header')
      rows.push(node.children.map(textOf))
  })
  return rows
}

const seen = (text: string): string =>
  text
    .replace(/[\n\r\u0085\u2028\u2029]+/g, ' ')
    .split('\u200b')
    .join('')
const summaryText = (markdown: string): string =>
  textOf(parseMarkdown(markdown)).split('\u200b').join('')

async function all(ledger: FileLedger): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = []
  for await (const e of ledger.entries()) entries.unshift(e)
  return entries
}

describe('outside text through the bundled actions', () => {
  it('seal and verify: a hostile file name is text in the log, the annotations and the summary tables', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      [`site/${HOSTILE_FILE}`]: 'evil',
      'site/index.html': '<p>v1</p>',
      'site/b/c.txt': 'c'
    })
    const seal = await runAction(
      SEAL,
      { 'subject-path': 'site', 'subject-name': 'shop' },
      { workspace }
    )
    expect(seal.code).toBe(0)
    expect(names(seal)).toEqual(['notice'])
    expect(structureProblems(seal.summary, ORIGINS)).toEqual([])
    expect(summaryText(seal.summary)).toContain(seen(HOSTILE_FILE))

    fs.writeFileSync(path.join(workspace, 'site', HOSTILE_FILE), 'changed')
    const verify = await runAction(
      VERIFY,
      {
        'subject-path': 'site',
        'expected-digest': seal.outputs.digest as string,
        'checksums-path': seal.outputs['checksums-path'] as string
      },
      { workspace }
    )
    expect(verify.code).toBe(1)
    const commands = commandsOf(verify)
    expect(commands.map((c) => c.name)).toEqual(['error', 'error'])
    expect(commands[0]?.data.split('\u200b').join('')).toContain(
      HOSTILE_FILE.replace(/[\u0085\u2028]/g, '\n')
    )
    expect(structureProblems(verify.summary, ORIGINS)).toEqual([])
    const changed = tableRows(verify.summary).filter((row) => row[1] === 'changed')
    expect(changed).toHaveLength(1)
    expect(changed[0]?.[0]?.split('\u200b').join('')).toBe(seen(HOSTILE_FILE))
  })

  it(
    'promote and its post step: a hand-edited statement names the artifact and forges its build; nothing of ' +
      'it is a command, a row or a link, and the name stays inert when the ledger ' +
      'gives it back',
    async () => {
      const workspace = writeTree(tempDir('workspace-'), {
        '.github/promotion.yml': POLICY,
        'site/index.html': '<p>v1</p>'
      })
      const seal = await runAction(
        SEAL,
        { 'subject-path': 'site', 'subject-name': 'shop' },
        { workspace }
      )
      const digest = seal.outputs.digest as Digest
      const checksums = seal.outputs['checksums-path'] as string
      const statementFile = checksums.replace(/\.sha256$/, '.intoto.json')
      const statement = JSON.parse(fs.readFileSync(statementFile, 'utf8'))
      statement.subject[0].name = HOSTILE_NAME
      statement.predicate.buildDefinition.externalParameters.workflow.repository =
        'https://github.com/acme/shop)](javascript:alert(1))'
      statement.predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit =
        '0123456789abcdef0123456789abcdef01234567\n| signed-by | dev | ✅ passed | forged |'
      statement.predicate.runDetails.metadata.invocationId =
        'https://github.com/acme/shop/actions/runs/1\n| signed-by | dev | ✅ passed | the signature was checked |'
      fs.writeFileSync(statementFile, JSON.stringify(statement))

      const inputs = {
        ledger: 'file:ledger.jsonl',
        environment: 'dev',
        'expected-digest': digest,
        'subject-path': 'site',
        'checksums-path': checksums
      }
      await ensureFileLedger(path.join(workspace, 'ledger.jsonl'))
      const main = await runAction(PROMOTE, inputs, { workspace })
      expect(main.code).toBe(0)
      const commands = commandsOf(main)
      // Each forged field is left out with a warning naming it.
      expect(commands.map((c) => c.name)).toEqual(['warning', 'warning', 'warning'])
      expect(commands.map((c) => /predicate\.[A-Za-z.[\]0-9]+/.exec(c.data)?.[0])).toEqual([
        'predicate.buildDefinition.externalParameters.workflow.repository',
        'predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit',
        'predicate.runDetails.metadata.invocationId'
      ])
      expect(structureProblems(main.summary, ORIGINS)).toEqual([])
      const rows = tableRows(main.summary)
      expect(rows.filter((row) => row[0] === 'signed-by')).toEqual([])
      expect(rows.filter((row) => row[0] === 'Sealed by' || row[0] === 'Commit')).toEqual([
        [
          'Sealed by',
          'unknown: the seal statement names no build in the form a seal writes it (the log says which fields ' +
            'were left out)'
        ]
      ])
      expect(summaryText(main.summary)).toContain(seen(HOSTILE_NAME))

      const post = await runPost(POST, main, inputs)
      expect(post.code).toBe(0)
      expect(names(post)).toEqual([])
      expect(structureProblems(post.summary, ORIGINS)).toEqual([])
      expect(post.stdout.split('\u200b').join('')).toContain('::add-mask::secret')

      // The next promotion reads the name and the build from the ledger, not from a statement.
      const ledger = new FileLedger(path.join(workspace, 'ledger.jsonl'), 'ledger')
      expect((await all(ledger)).map((e) => [e.name, e.sealedBy])).toEqual([
        [HOSTILE_NAME, { repository: null, commit: null, runUrl: null }],
        [HOSTILE_NAME, { repository: null, commit: null, runUrl: null }]
      ])
      // The bytes were checked by the promotion to main; these read only what the ledger gives back.
      const staging = await runAction(
        PROMOTE,
        {
          ledger: 'file:ledger.jsonl',
          environment: 'staging',
          'expected-digest': digest,
          'digest-only': 'true'
        },
        { workspace }
      )
      expect(staging.code).toBe(0)
      expect(names(staging)).toEqual([])
      expect(structureProblems(staging.summary, ORIGINS)).toEqual([])
      const stagingPost = await runPost(POST, staging, {
        ledger: 'file:ledger.jsonl',
        environment: 'staging',
        'expected-digest': digest
      })
      expect(names(stagingPost)).toEqual([])

      // A veto whose reason is hostile, then a refusal that quotes it.
      const veto = await runAction(
        PROMOTE,
        {
          ledger: 'file:ledger.jsonl',
          environment: 'staging',
          'expected-digest': digest,
          veto: HOSTILE_NAME
        },
        { workspace }
      )
      expect(veto.code).toBe(0)
      expect(names(veto)).toEqual([])
      expect(structureProblems(veto.summary, ORIGINS)).toEqual([])
      const refused = await runAction(
        PROMOTE,
        {
          ledger: 'file:ledger.jsonl',
          environment: 'dev',
          'expected-digest': digest,
          'digest-only': 'true'
        },
        { workspace }
      )
      expect(refused.code).toBe(1)
      expect(names(refused)).toEqual(['error'])
      expect(structureProblems(refused.summary, ORIGINS)).toEqual([])
    }
  )

  it(
    'a contract whose property names are hostile: the amendment in the log, the refusal and the summary stay ' +
      'text',
    async () => {
      const key = HOSTILE_NAME
      const api = (version: string, withKey: boolean): string =>
        JSON.stringify({
          openapi: '3.0.3',
          info: { title: 'shop', version },
          paths: {
            '/orders': {
              get: {
                responses: {
                  '200': {
                    description: 'orders',
                    content: {
                      'application/json': {
                        schema: {
                          type: 'object',
                          required: withKey ? ['id', key] : ['id'],
                          properties: {
                            id: { type: 'string' },
                            ...(withKey ? { [key]: { type: 'string' } } : {})
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        })
      const shared = tempDir('shared-')
      const policy = path.join(shared, 'promotion.yml')
      fs.writeFileSync(
        policy,
        'environments:\n  staging:\n    contract:\n      breaking: require-major\n'
      )
      const promote = async (version: string, withKey: boolean): Promise<ActionRun> => {
        const workspace = writeTree(tempDir('workspace-'), {
          'site/index.html': `<p>${version}</p>`,
          'site/api/openapi.json': api(version, withKey)
        })
        const seal = await runAction(
          SEAL,
          { 'subject-path': 'site', 'subject-name': 'shop', contract: 'api/openapi.json' },
          { workspace }
        )
        expect(seal.code).toBe(0)
        await ensureFileLedger(path.join(shared, 'ledger.jsonl'))
        const inputs = {
          ledger: `file:${path.join(shared, 'ledger.jsonl')}`,
          policy,
          environment: 'staging',
          'expected-digest': seal.outputs.digest as string,
          'subject-path': 'site',
          'checksums-path': seal.outputs['checksums-path'] as string
        }
        const main = await runAction(PROMOTE, inputs, { workspace })
        if (main.code === 0) expect((await runPost(POST, main, inputs)).code).toBe(0)
        return main
      }
      expect((await promote('1.0.0', true)).code).toBe(0)
      const refused = await promote('1.1.0', false)
      expect(refused.code).toBe(1)
      const commands = commandsOf(refused)
      expect(commands.map((c) => c.name)).toEqual(['error'])
      expect(commands[0]?.data.split('\u200b').join('')).toContain('::add-mask::secret')
      expect(structureProblems(refused.summary, ORIGINS)).toEqual([])
      const amendment = tableRows(refused.summary).filter(
        (row) => row[2] === 'response-required-property-removed'
      )
      expect(amendment).toHaveLength(1)
      expect(amendment[0]?.[3]?.split('\u200b').join('')).toContain(seen(key))
    }
  )
})

describe('outside text through the bundled CLI inside a runner', () => {
  function cli(
    args: string[],
    cwd: string
  ): { code: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...GITHUB_ENV }
    })
    return { code: run.status, stdout: run.stdout, stderr: run.stderr }
  }

  it(
    'seal, promote, history and status print names, reasons and fields as text; --json answers keep their ' +
      'values',
    () => {
      const cwd = writeTree(tempDir('cli-'), {
        [`build/${HOSTILE_FILE}`]: 'evil',
        'build/index.html': '<p>v1</p>',
        'promotion.yml': POLICY
      })
      const seal = cli(
        [
          'seal',
          'build',
          '--subject-name',
          HOSTILE_NAME.replace(/[\n\r\u0085\u2028]/g, ' '),
          '--out',
          'bundle'
        ],
        cwd
      )
      expect(seal.code).toBe(0)
      expect(names(seal)).toEqual([])
      const sealJson = cli(['seal', 'build', '--json', '--out', 'bundle2'], cwd)
      expect(names(sealJson)).toEqual([])
      const digest = JSON.parse(sealJson.stdout).digest as string
      const listing = fs
        .readdirSync(path.join(cwd, 'bundle2'))
        .find((f) => f.endsWith('.sha256')) as string
      const statementFile = path.join(cwd, 'bundle2', listing.replace(/\.sha256$/, '.intoto.json'))
      const statement = JSON.parse(fs.readFileSync(statementFile, 'utf8'))
      statement.subject[0].name = HOSTILE_NAME
      fs.writeFileSync(statementFile, JSON.stringify(statement))

      const ledger = ['--ledger', 'file:ledger.jsonl', '--policy', 'promotion.yml']
      expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], cwd).code).toBe(0)
      const promote = cli(
        [
          'promote',
          digest,
          '--environment',
          'dev',
          '--path',
          'build',
          '--checksums',
          path.join('bundle2', listing),
          ...ledger,
          '--',
          process.execPath,
          '-e',
          'console.log("::notice::the deploy command\'s own")'
        ],
        cwd
      )
      expect(promote.code).toBe(0)
      // The deploy command's own output is passed through, its commands too; artifact-seal's lines hold none.
      expect(names(promote)).toEqual(['notice'])
      const veto = cli(
        [
          'veto',
          digest,
          '--reason',
          HOSTILE_NAME,
          '--environment',
          'dev',
          '--ledger',
          'file:ledger.jsonl'
        ],
        cwd
      )
      expect(veto.code).toBe(0)
      expect(names(veto)).toEqual([])

      const history = cli(['history', '--ledger', 'file:ledger.jsonl'], cwd)
      expect(history.code).toBe(0)
      expect(names(history)).toEqual([])
      expect(history.stdout.split('\u200b').join('')).toContain('::stop-commands::tok')
      const historyJson = cli(['history', '--ledger', 'file:ledger.jsonl', '--json'], cwd)
      expect(names(historyJson)).toEqual([])
      const entries = JSON.parse(historyJson.stdout) as LedgerEntry[]
      expect(entries.map((e) => e.name)).toContain(HOSTILE_NAME)
      expect(entries.map((e) => e.reason)).toContain(HOSTILE_NAME)

      const status = cli(['status', '--json', ...ledger], cwd)
      expect(names(status)).toEqual([])
      const refused = cli(['promote', digest, '--environment', 'staging', ...ledger], cwd)
      expect(refused.code).toBe(2)
      expect(names(refused)).toEqual([])
    }
  )
})
