/** The environment a step or a command runs in (the process's, or a test's): read, never written. */
export type Env = Readonly<Record<string, string | undefined>>

export const DEFAULT_SERVER_URL = 'https://github.com'
export const DEFAULT_API_URL = 'https://api.github.com'

/**
 * The GitHub server the runner names (GITHUB_SERVER_URL), without a trailing slash, so every
 * address built on it (a run, a repository, a deployment, Sigstore's endpoints) has one form;
 * github.com when it is unset or empty.
 */
export function serverUrlOf(env: Env): string {
  return withoutTrailingSlash(env.GITHUB_SERVER_URL, DEFAULT_SERVER_URL)
}

/** The REST API the runner names (GITHUB_API_URL), without a trailing slash; api.github.com when unset or empty. */
export function apiUrlOf(env: Env): string {
  return withoutTrailingSlash(env.GITHUB_API_URL, DEFAULT_API_URL)
}

function withoutTrailingSlash(value: string | undefined, fallback: string): string {
  return (value?.trim() || fallback).replace(/\/+$/, '')
}
