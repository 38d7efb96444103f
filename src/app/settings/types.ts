import type { WantedSigner } from '../../core/signing/signer-policy.js'
import type { PublicKeyMaterial } from '../../core/signing/public-key.js'
import type { TufMirror } from '../../attestation/trusted-root.js'
import type { SubjectSpec } from '../../core/seal.js'
import type { ImageReference } from '../../core/image/reference.js'

/**
 * The typed settings the actions read from their inputs and the CLI from its flags: what the
 * use cases take, so neither entry point's way of asking reaches below it.
 */

/** Reads one input (an action's) or option (the CLI's, under the input's name) as given: empty when absent. */
export type GetInput = (name: string) => string

/** How a statement is signed: the seal's statement, and promote's records. */
export type SignMode = 'auto' | 'keyless' | 'key' | 'none'

export interface SigningSettings {
  /** `auto` is resolved at run time: keyless when the job can mint an OIDC token, else unsigned. */
  readonly mode: SignMode
  /** With mode `key`: the user's key as given; `prepareSigning` opens it before any work starts. */
  readonly key: {
    readonly pem: string
    readonly password: string | undefined
    readonly inputName: string
  } | null
  /** Overrides of the Sigstore instance's endpoints (ARTIFACT_SEAL_FULCIO_URL…: GHE.com, a private instance, tests). */
  readonly endpoints: {
    readonly fulcioUrl: string | null
    readonly rekorUrl: string | null
    readonly tsaUrl: string | null
  }
}

/** Whose signature is accepted, from the inputs (the policy's signed-by is the gate's). */
export interface SignerExpectation extends Omit<WantedSigner, 'repository'> {
  /** `owner/name`; null accepts any repository (only outside a runner, with none given). */
  readonly repository: string | null
  readonly publicKey: PublicKeyMaterial | null
  readonly trustedRootFile: string | null
  /** The TUF repositories of the trusted root when no file is given; null for the defaults. */
  readonly tufMirrors: readonly TufMirror[] | null
  /** An unsigned seal is refused. */
  readonly required: boolean
  /** The GitHub server the identity's URLs are on. */
  readonly serverUrl: string
}

/** Whose signature verify and promote accept, before the policy adds its own rule. */
export interface SignerCheckSettings extends Omit<SignerExpectation, 'required' | 'serverUrl'> {
  /** The CLI's --require-signature; null means "decide from the policy and signed-by" (see `signatureRequired`). */
  readonly requireSignature: boolean | null
  /**
   * What was given that names a signer, a key or what to trust (signed-by's keys, or flags): each
   * makes a signature required.
   */
  readonly named: readonly string[]
  /** Some input names a signer, a key or what to trust, so a signature is asked for. */
  readonly asksForSigner: boolean
}

/** Where the bytes about to be deployed come from. */
export type BytesSource =
  /** Files already in the workspace. */
  | { readonly kind: 'local'; readonly subject: SubjectSpec; readonly checksumsFile: string | null }
  /** A workflow artifact of this run, or of another run (a token with actions: read). */
  | {
      readonly kind: 'artifact'
      readonly name: string
      readonly runId: number | null
      readonly repository: string | null
      readonly token: string
    }
  /**
   * What the seal carried, fetched when nothing said where the bytes are (promote's bytes by
   * default): the Actions cache by digest, falling back to the workflow artifact the ledger
   * names. When neither holds them the check says so (BytesCheck.absent).
   */
  | { readonly kind: 'cache'; readonly token: string; readonly inputName: string }
  /**
   * An image in its registry (`subject-path: oci://…`): its manifest is the bytes, checked
   * there; the token is the GitHub registry's credential. `checksumsFile` is the seal
   * bundle's listing when given, beside which its signature is.
   */
  | {
      readonly kind: 'image'
      readonly reference: ImageReference
      readonly inputName: string
      readonly token: string
      readonly checksumsFile: string | null
      /** Registries (host[:port]) named to be reached over plain HTTP besides loopback ones. */
      readonly plainHttp: readonly string[]
    }

/** Where promotion records live: a local file, or the repository's Deployments API. */
export type LedgerLocation =
  { readonly kind: 'file'; readonly file: string } | { readonly kind: 'github' }
