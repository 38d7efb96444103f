import { type Digest, parseDigest } from '../../core/digest.js'
import { SealError } from '../../core/errors.js'
import type { BytesSource, GetInput, SignerCheckSettings } from '../../app/settings/types.js'
import { readBytesSource } from '../../app/settings/bytes-source.js'
import { VerifyInput } from '../../app/settings/names.js'
import { readSignedBy } from '../../app/settings/signed-by.js'
import type { Env } from '../../core/env.js'

/** Every input of the verify action, read once and checked. */
export interface VerifySettings {
  /** Files in the workspace, or a workflow artifact to download. */
  readonly source: Exclude<BytesSource, { kind: 'cache' }>
  readonly expected: Digest
  readonly signer: SignerCheckSettings
  /** For the attestations API, when a signature is looked up by digest. */
  readonly token: string
}

export function readVerifySettings(
  getInput: GetInput,
  workspace: string,
  env: Env = {}
): VerifySettings {
  const input = (name: string): string => getInput(name).trim()
  const expectedText = input(VerifyInput.ExpectedDigest)
  if (expectedText === '') {
    throw new SealError(
      'bad-input',
      `${VerifyInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ ` +
        'needs.build.outputs.digest }}".'
    )
  }
  const expected = parseDigest(expectedText, VerifyInput.ExpectedDigest)
  const source = readBytesSource(getInput, workspace, {
    subjectPath: VerifyInput.SubjectPath,
    checksumsPath: VerifyInput.ChecksumsPath,
    name: VerifyInput.Name,
    runId: VerifyInput.RunId,
    repository: VerifyInput.Repository,
    token: VerifyInput.GitHubToken,
    plainHttp: VerifyInput.PlainHttpRegistries
  })
  if (source === null) {
    throw new SealError(
      'bad-input',
      `${VerifyInput.SubjectPath}: give the files about to be deployed, as the seal step named them, or ${VerifyInput.Name} to download the sealed workflow artifact and verify it.`
    )
  }
  return {
    source,
    expected,
    signer: readSignedBy(getInput, env, workspace),
    token: input(VerifyInput.GitHubToken)
  }
}
