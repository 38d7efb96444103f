import { parsePlainHttpRegistries } from '../core/image/reference.js'

/** The flag every command that talks to a registry takes: a registry reached over plain HTTP. */
export const PLAIN_HTTP_OPTIONS = {
  'plain-http-registry': { type: 'string', multiple: true }
} as const

export const PLAIN_HTTP_HELP = `  --plain-http-registry HOST[:PORT]
                      reach this registry over plain HTTP (repeatable); loopback ones
                      are, every other stays HTTPS`

/** The registries given with --plain-http-registry, checked; empty when none. */
export function plainHttpRegistries(values: {
  readonly 'plain-http-registry'?: string[]
}): string[] {
  return parsePlainHttpRegistries(values['plain-http-registry'] ?? [], '--plain-http-registry')
}
