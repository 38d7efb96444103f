// The import rules of src/, checked by `npm run lint` (dependency-cruiser): no cycles, and data
// flows one way, each layer importing only those below it:
//
//   actions/, cli/  →  report/  →  app/  →  stores/, attestation/  →  http/  →  core/
//
// The CLI never imports an action, no action imports another, core/ does no network I/O and
// imports no @actions/* package, and app/settings/ is the bottom of app/. docs/architecture.md
// says what each folder is for; __tests__/dependency-rules.test.ts holds these rules to a cycle
// and to upward imports written into a fixture tree.

const ENTRY_POINTS = '^src/(actions|cli)/'
const NETWORK = [
  '^(node:)?(http|https|http2|net|tls|dgram|dns)$',
  '(^|/)node_modules/(@actions|@octokit|undici|@sigstore/(sign|tuf|oci)|make-fetch-happen)/'
]

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be read, tested or loaded without the other.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'core-imports-only-core',
      comment: 'core/ is the logic, and depends on nothing of ours above it.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/version\\.ts$'] }
    },
    {
      name: 'core-does-no-network-io',
      comment: 'core/ imports no @actions/* package and nothing that talks over the network: remote calls go through http/.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: NETWORK }
    },
    {
      name: 'http-is-below-the-stores',
      comment: 'http/ is the one way out to the network; it knows nothing of what calls it.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(stores|attestation|app|report|actions|cli)/' }
    },
    {
      name: 'stores-and-attestation-are-below-app',
      severity: 'error',
      from: { path: '^src/(stores|attestation)/' },
      to: { path: '^src/(app|report|actions|cli)/' }
    },
    {
      name: 'app-is-below-the-entry-points',
      comment: 'A use case is the same for the actions and the CLI, and knows neither.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: ['^src/report/', ENTRY_POINTS] }
    },
    {
      name: 'report-is-below-the-entry-points',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: ENTRY_POINTS }
    },
    {
      name: 'app-settings-is-the-bottom-of-app',
      comment: 'The typed settings every use case takes depend on no use case.',
      severity: 'error',
      from: { path: '^src/app/settings/' },
      to: { path: '^src/app/', pathNot: '^src/app/settings/' }
    },
    {
      name: 'cli-never-imports-an-action',
      comment: 'What the CLI shares with the actions lives in app/ (settings, use cases) or report/.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/actions/' }
    },
    {
      name: 'actions-never-import-the-cli',
      severity: 'error',
      from: { path: '^src/actions/' },
      to: { path: '^src/cli/' }
    },
    {
      name: 'no-action-imports-another',
      comment: 'What two actions share is a module directly in actions/ (runner-io, annotations) or below.',
      severity: 'error',
      from: { path: '^src/actions/([^/]+)/' },
      to: { path: '^src/actions/[^/]+/', pathNot: '^src/actions/$1/' }
    },
    {
      name: 'shared-action-modules-import-no-action',
      severity: 'error',
      from: { path: '^src/actions/[^/]+\\.ts$' },
      to: { path: '^src/actions/[^/]+/' }
    }
  ],
  options: {
    // Type-only imports count: a cycle of types still ties two modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' }
  }
}
