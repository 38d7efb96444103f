import { describe, expect, it } from '@jest/globals'
import { buildContextFromEnv } from '../../src/app/settings/runner-environment.js'
import { buildStatement, statementSubject, workflowPath } from '../../src/core/statement.js'
import { GITHUB_ENV } from '../../__fixtures__/github-env.js'
import { VERSION } from '../../src/version.js'

const HEX = '5e146d8395cc5c8356c77669ba3590a46bb728d392166e142797e40838d70b1e'

describe('the statement', () => {
  it('is an in-toto Statement v1 with the SLSA predicate actions/attest emits for the same run', () => {
    const context = buildContextFromEnv(GITHUB_ENV)
    const statement = buildStatement([statementSubject('shop', `sha256:${HEX}`, true)], context)
    expect(statement).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'shop', digest: { sha256: HEX, dirHash: HEX } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          externalParameters: {
            workflow: {
              ref: 'refs/heads/main',
              repository: 'https://github.com/acme/shop',
              path: '.github/workflows/build.yml'
            }
          },
          internalParameters: {
            github: {
              event_name: 'push',
              repository_id: '123456',
              repository_owner_id: '7890',
              runner_environment: 'github-hosted'
            }
          },
          resolvedDependencies: [
            {
              uri: 'git+https://github.com/acme/shop@refs/heads/main',
              digest: { gitCommit: '0123456789abcdef0123456789abcdef01234567' }
            }
          ]
        },
        runDetails: {
          builder: {
            id: 'https://github.com/acme/shop/.github/workflows/build.yml@refs/heads/main'
          },
          metadata: { invocationId: 'https://github.com/acme/shop/actions/runs/4242/attempts/2' }
        }
      }
    })
  })

  it('says a seal outside GitHub Actions was made locally', () => {
    const context = buildContextFromEnv({}, new Date('2026-01-02T03:04:05Z'))
    expect(context.kind).toBe('local')
    const statement = buildStatement([statementSubject('app.tgz', `sha256:${HEX}`, false)], context)
    expect(statement.subject).toEqual([{ name: 'app.tgz', digest: { sha256: HEX } }])
    expect(statement.predicate).toMatchObject({
      buildDefinition: {
        buildType: 'urn:artifact-seal:buildtypes:local:v1',
        externalParameters: { subjects: ['app.tgz'] }
      },
      runDetails: {
        builder: { id: `pkg:npm/artifact-seal@${VERSION}` },
        metadata: { startedOn: '2026-01-02T03:04:05.000Z' }
      }
    })
    // SLSA: builder.id is a URI, and externalParameters is never empty.
    expect(
      URL.canParse(
        (statement.predicate as { runDetails: { builder: { id: string } } }).runDetails.builder.id
      )
    ).toBe(true)
  })

  it('names the called workflow as the builder when a reusable workflow seals (the OIDC job_workflow_ref)', () => {
    const context = buildContextFromEnv(GITHUB_ENV)
    if (context.kind !== 'workflow') throw new Error('expected a workflow build')
    const reusable = {
      ...context,
      build: {
        ...context.build,
        jobWorkflowRef: 'acme/pipelines/.github/workflows/seal.yml@refs/tags/v3'
      }
    }
    const statement = buildStatement([statementSubject('shop', `sha256:${HEX}`, true)], reusable)
    expect(statement.predicate).toMatchObject({
      buildDefinition: {
        externalParameters: {
          workflow: {
            repository: 'https://github.com/acme/shop',
            path: '.github/workflows/build.yml'
          }
        }
      },
      runDetails: {
        builder: { id: 'https://github.com/acme/pipelines/.github/workflows/seal.yml@refs/tags/v3' }
      }
    })
  })

  it('takes the workflow path from a reusable or nested workflow ref', () => {
    const build = (
      buildContextFromEnv(GITHUB_ENV) as Extract<
        ReturnType<typeof buildContextFromEnv>,
        { kind: 'workflow' }
      >
    ).build
    expect(
      workflowPath({
        ...build,
        workflowRef: 'acme/shop/.github/workflows/release@v2.yml@refs/tags/v1'
      })
    ).toBe('.github/workflows/release@v2.yml')
  })
})
