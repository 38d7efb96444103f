// A seal's summary and terminal text, rendered from a real seal: what a person reads is checked
// through GitHub's own markdown parser where it is markdown.
import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { sealToBundle } from '../../src/app/seal/seal-to-bundle.js'
import { buildContextFromEnv } from '../../src/app/settings/runner-environment.js'
import { renderSealMarkdown } from '../../src/report/seal-markdown.js'
import { provenanceLinks, verifySnippet } from '../../src/report/seal-report.js'
import { renderSealText } from '../../src/report/seal-text.js'
import { GITHUB_ENV } from '../../__fixtures__/github-env.js'
import { structureProblems } from '../helpers/summary-structure.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

async function sealed() {
  const root = writeTree(tempDir(), { 'dist/app.js': 'go()', 'dist/css/a.css': 'a{}' })
  const build = buildContextFromEnv(GITHUB_ENV)
  const { artifact, bundle } = await sealToBundle(
    {
      kind: 'paths',
      patterns: { include: ['dist'], exclude: [] },
      baseDir: root,
      inputName: 'subject-path'
    },
    { name: 'shop', fallbackName: 'x', build },
    { outputDir: path.join(root, 'bundle'), defaultParent: root, inputName: 'output-dir' }
  )
  return {
    artifact,
    bundle,
    build,
    verifySubjectPath: 'dist',
    verifyAction: 'acme/artifact-seal/verify@v1',
    jobId: 'build',
    stepId: 'seal'
  }
}

describe("a seal's report", () => {
  it('links the commit and the run that sealed, and gives a verify step for a later job', async () => {
    const report = await sealed()
    const links = provenanceLinks(report.build)
    expect(links.commit?.url).toMatch(/^https:\/\/github\.com\/.+\/commit\/[0-9a-f]{40}$/)
    expect(links.run?.url).toMatch(/\/actions\/runs\/\d+\/attempts\/\d+$/)
    const snippet = verifySnippet(report)
    expect(snippet).toContain('uses: acme/artifact-seal/verify@v1')
    expect(snippet).toContain('needs.build.outputs.digest')
    expect(snippet).toContain('subject-path: dist')
  })

  it(
    'gives a later job the uploaded workflow artifact by name, not a path in this workspace, when the files ' +
      'were uploaded',
    async () => {
      const snippet = verifySnippet({ ...(await sealed()), verifyArtifactName: 'shop-sealed' })
      expect(snippet).toContain(
        '      name: shop-sealed\n      expected-digest: ${{ needs.build.outputs.digest }}'
      )
      expect(snippet).not.toContain('subject-path')
    }
  )

  it('shows the digest and the bundle in the summary and in the terminal, and names an unsigned seal', async () => {
    const report = await sealed()
    const markdown = renderSealMarkdown({ ...report, signature: { signed: false, notice: null } })
    expect(markdown).toContain(report.artifact.digest)
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
    const text = renderSealText({ ...report, signature: { signed: false, notice: null } })
    expect(text).toContain(report.artifact.digest)
    expect(text).toContain(report.bundle.checksumsPath)
  })
})
