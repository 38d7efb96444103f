/**
 * The shapes the OpenAPI and JSON Schema engine works on. Documents arrive already
 * parsed (YAML or JSON) and are read defensively: nothing here trusts their structure.
 */

/** A parsed OpenAPI 2.0 (swagger), 3.0 or 3.1 document. */
export type OpenApiDocument = Readonly<Record<string, unknown>>

/** A parsed JSON Schema document (draft 4 to 2020-12). */
export type JsonSchemaDocument = Readonly<Record<string, unknown>> | boolean

/**
 * Reads another contract file of the artifact, for a `$ref` that leaves the document.
 * `path` is relative to the artifact root (posix separators, no `..` left in it); the
 * caller returns the parsed document, or throws a SealError when it has no such file.
 */
export type ExternalDocumentReader = (path: string) => unknown

/**
 * Request: what clients send (new constraints break them). Response: what clients receive (new
 * freedom breaks them).
 */
export type Direction = 'request' | 'response'

export interface OpenApiOptions {
  /** The document's path relative to the artifact root: named in every change and error. */
  readonly file: string
  /** The promotion time: an `x-sunset` before it has passed. Never the wall clock of a re-run. */
  readonly now: Date
  /** For `$ref`s to other files of the artifact; without it such a `$ref` is a SealError. */
  readonly readExternal?: ExternalDocumentReader
  /**
   * The before document's other files, when they differ from the after one's (two sealed
   * contracts); `readExternal` otherwise.
   */
  readonly readExternalBefore?: ExternalDocumentReader
  /** The before document's path, when it moved; its relative `$ref`s resolve from there. */
  readonly beforeFile?: string
}

export type SchemaRole = 'produces' | 'consumes'

export interface JsonSchemaOptions {
  readonly file: string
  /**
   * `produces`: the service emits documents of this schema (response direction); `consumes`: it
   * reads them (request direction).
   */
  readonly role: SchemaRole
  readonly readExternal?: ExternalDocumentReader
  /** As for OpenAPI: the before side's own files and path. */
  readonly readExternalBefore?: ExternalDocumentReader
  readonly beforeFile?: string
}
