/**
 * The import rules `npm run lint` keeps (.dependency-cruiser.mjs), held to what they are for:
 * they pass on the tree, and each fails on the import it forbids, written into a fixture tree
 * laid out as src/ is. A rule that matched nothing would pass on both.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from './helpers/runner.js'
import { removeAll, tempDir, writeTree } from './helpers/trees.js'

afterAll(removeAll)

const CONFIG = path.join(PROJECT_ROOT, '.dependency-cruiser.mjs')
const DEPCRUISE = path.join(
  PROJECT_ROOT,
  'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'
)

interface Violation {
  readonly from: string
  readonly to: string
  readonly rule: { readonly name: string }
}

/** The rules each import of `src` breaks, by the rule's name. */
async function violations(cwd: string): Promise<Violation[]> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'],
      { cwd, maxBuffer: 1 << 26 }
    )
    return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
  } catch (error) {
    // depcruise exits non-zero when a rule is broken; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout ?? ''
    if (!stdout.startsWith('{')) throw error
    return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
  }
}

/** A tree laid out as src/ is, with a module that breaks nothing in each layer. */
function fixture(extra: Record<string, string>): string {
  return writeTree(tempDir('import-rules-'), {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true
      },
      include: ['src']
    }),
    'package.json': '{"type":"module"}',
    'src/core/digest.ts': 'export const HEX = 64\n',
    'src/http/retry.ts': "import { HEX } from '../core/digest.js'\nexport const tries = HEX\n",
    'src/stores/ledger.ts':
      "import { tries } from '../http/retry.js'\nexport const ledger = tries\n",
    'src/app/settings/types.ts':
      "import { HEX } from '../../core/digest.js'\nexport const given = HEX\n",
    'src/app/promote/promote.ts':
      "import { ledger } from '../../stores/ledger.js'\nimport { given } from '../settings/types.js'\nexport " +
      'const promote = ledger + given\n',
    'src/report/text.ts':
      "import { promote } from '../app/promote/promote.js'\nexport const text = String(promote)\n",
    'src/actions/runner-io.ts': 'export const io = 1\n',
    'src/actions/verify/run.ts':
      "import { io } from '../runner-io.js'\nimport { text } from '../../report/text.js'\nexport const verify " +
      '= io + text\n',
    'src/actions/promote/run.ts':
      "import { io } from '../runner-io.js'\nexport const promote = io\n",
    'src/cli/main.ts': "import { text } from '../report/text.js'\nexport const main = text\n",
    ...extra
  })
}

describe('the import rules', () => {
  it('pass on the tree', async () => {
    expect(await violations(PROJECT_ROOT)).toEqual([])
  })

  it('pass on a fixture tree whose imports all go down', async () => {
    expect(await violations(fixture({}))).toEqual([])
  })

  it('fail on a cycle added to the fixture tree, naming the modules on it', async () => {
    const found = await violations(
      fixture({
        'src/core/a.ts': "import { b } from './b.js'\nexport const a = (): number => b()\n",
        'src/core/b.ts': "import { a } from './a.js'\nexport const b = (): number => a()\n"
      })
    )
    expect(found.map((v) => v.rule.name)).toEqual(['no-circular'])
    expect([found[0]?.from, found[0]?.to].sort()).toEqual(['src/core/a.ts', 'src/core/b.ts'])
  })

  it('fail on a cycle made of type imports alone', async () => {
    const found = await violations(
      fixture({
        'src/app/promote/plan.ts':
          "import type { Request } from './request.js'\nexport interface Plan { readonly request: Request }\n",
        'src/app/promote/request.ts':
          "import type { Plan } from './plan.js'\nexport interface Request { readonly plan?: Plan }\n"
      })
    )
    expect(found.map((v) => v.rule.name)).toContain('no-circular')
  })

  it.each([
    [
      'core-imports-only-core',
      'src/core/upward.ts',
      "import { promote } from '../app/promote/promote.js'\nexport const u = promote\n"
    ],
    [
      'core-does-no-network-io',
      'src/core/fetches.ts',
      "import * as https from 'node:https'\nexport const h = https\n"
    ],
    [
      'http-is-below-the-stores',
      'src/http/upward.ts',
      "import { ledger } from '../stores/ledger.js'\nexport const u = ledger\n"
    ],
    [
      'stores-and-attestation-are-below-app',
      'src/stores/upward.ts',
      "import { promote } from '../app/promote/promote.js'\nexport const u = promote\n"
    ],
    [
      'app-is-below-the-entry-points',
      'src/app/promote/upward.ts',
      "import { io } from '../../actions/runner-io.js'\nexport const u = io\n"
    ],
    [
      'report-is-below-the-entry-points',
      'src/report/upward.ts',
      "import { main } from '../cli/main.js'\nexport const u = main\n"
    ],
    [
      'app-settings-is-the-bottom-of-app',
      'src/app/settings/upward.ts',
      "import { promote } from '../promote/promote.js'\nexport const u = promote\n"
    ],
    [
      'cli-never-imports-an-action',
      'src/cli/sideways.ts',
      "import { verify } from '../actions/verify/run.js'\nexport const s = verify\n"
    ],
    [
      'no-action-imports-another',
      'src/actions/promote/sideways.ts',
      "import { verify } from '../verify/run.js'\nexport const s = verify\n"
    ],
    [
      'shared-action-modules-import-no-action',
      'src/actions/shared.ts',
      "import { verify } from './verify/run.js'\nexport const s = verify\n"
    ]
  ])('fail on an import %s forbids, added to the fixture tree', async (rule, file, text) => {
    const found = await violations(fixture({ [file]: text }))
    expect(found.map((v) => `${v.rule.name}: ${v.from}`)).toEqual([`${rule}: ${file}`])
  })
})
