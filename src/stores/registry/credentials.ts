import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import { DOCKER_HUB } from '../../core/image/reference.js'
import type { Env } from '../../core/env.js'

/**
 * Where a registry's credentials come from, first match wins:
 *
 * 1. explicit credentials for that registry (given by the caller; the actions take none: a
 *    workflow logs in with docker/login-action, which writes Docker's config);
 * 2. the GitHub token, for the GitHub server's own registry (ghcr.io unless told otherwise);
 * 3. Docker's config, `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`: the registry's
 *    `credHelpers` entry, else `credsStore`, run as `docker-credential-<name> get`; then its
 *    `auths` entry (`auth` as base64 `user:password`, or `username`/`password`; an
 *    `identitytoken` is an OAuth2 refresh token, as ACR and `docker login` with a token write);
 * 4. the containers auth file of podman, buildah and skopeo, `$REGISTRY_AUTH_FILE` or
 *    `$XDG_RUNTIME_DIR/containers/auth.json`, whose keys may also name a namespace or a
 *    repository (the longest matching key wins), and its `credHelpers`.
 *
 * Nothing is read until a registry asks for credentials, so an open registry never runs a
 * helper. Keys match the registry exactly (after dropping a scheme and path, and with
 * Docker Hub's aliases as one), never as a substring.
 */

export type Credentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  /** An OAuth2 refresh token, exchanged at the token service for access tokens. */
  | { readonly kind: 'identity-token'; readonly username: string; readonly token: string }

export interface FoundCredentials {
  readonly credentials: Credentials
  /** Where they came from, for messages (never the secret): `~/.docker/config.json auths["ghcr.io"]`. */
  readonly source: string
}

export interface CredentialOptions {
  /** Credentials given as inputs, each for the registry named. */
  readonly explicit?: readonly {
    readonly registry: string
    readonly username: string
    readonly password: string
  }[]
  readonly github?: {
    readonly token: string
    readonly registry?: string
    readonly username?: string
  }
  /** The environment to read DOCKER_CONFIG, REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR and PATH (for helpers) from. */
  readonly env?: Env
  readonly homeDir?: string
  readonly helperTimeoutMs?: number
}

export const GITHUB_REGISTRY = 'ghcr.io'
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])
/** The server URL Docker stores Docker Hub's credentials under, and asks helpers for. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/'
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const CONFIG_MAX_BYTES = 1024 * 1024

/**
 * An `auths` key as the registry (and, in a containers auth file, the namespace) it is for:
 * `https://index.docker.io/v1/` → `docker.io`; `GHCR.io/acme` → `ghcr.io/acme`. A key with a
 * scheme is a URL in Docker's legacy form, whose path is an API path, not a namespace.
 */
function normalizeKey(key: string): string {
  const hadScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(key)
  const bare = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '')
  const slash = bare.indexOf('/')
  const host = (slash === -1 ? bare : bare.slice(0, slash)).toLowerCase()
  const rest = slash === -1 || hadScheme ? '' : bare.slice(slash)
  return `${DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host}${rest}`
}

const hostOf = (key: string): string => normalizeKey(key).split('/')[0]!

export class CredentialResolver {
  private readonly found = new Map<string, Promise<FoundCredentials | null>>()
  private readonly env: Env
  private readonly home: string

  constructor(private readonly options: CredentialOptions = {}) {
    this.env = options.env ?? process.env
    this.home = options.homeDir ?? os.homedir()
  }

  /** The credentials for a repository on a registry (`docker.io` for Docker Hub), or null when none are configured. */
  find(registry: string, repository: string): Promise<FoundCredentials | null> {
    const key = `${registry}/${repository}`
    let pending = this.found.get(key)
    if (pending === undefined) {
      pending = this.lookUp(registry, repository)
      this.found.set(key, pending)
    }
    return pending
  }

  /** The places `find` looks, for a message saying none had anything. */
  looked(registry: string): string[] {
    const places = (this.options.explicit ?? []).some(
      (given) => hostOf(given.registry) === registry
    )
      ? ['the credentials given for it']
      : []
    if (
      this.options.github !== undefined &&
      registry === (this.options.github.registry ?? GITHUB_REGISTRY)
    )
      places.push('the GitHub token')
    places.push(this.dockerConfigPath())
    places.push(
      this.authFilePath() ??
        'no containers auth file (REGISTRY_AUTH_FILE and XDG_RUNTIME_DIR unset)'
    )
    return places
  }

  private async lookUp(registry: string, repository: string): Promise<FoundCredentials | null> {
    for (const given of this.options.explicit ?? []) {
      if (hostOf(given.registry) === registry) {
        return {
          credentials: { kind: 'basic', username: given.username, password: given.password },
          source: `the user and password given for ${registry}`
        }
      }
    }
    const github = this.options.github
    if (
      github !== undefined &&
      github.token !== '' &&
      registry === hostOf(github.registry ?? GITHUB_REGISTRY)
    ) {
      const username = github.username ?? this.env.GITHUB_ACTOR ?? 'x-access-token'
      return {
        credentials: { kind: 'basic', username, password: github.token },
        source: `the GitHub token for ${registry}`
      }
    }
    const docker = this.readJson(this.dockerConfigPath())
    if (docker !== null) {
      // Docker reads every auths key as a registry host, whatever path it carries.
      const found = await this.fromConfig(
        docker,
        this.dockerConfigPath(),
        registry,
        [registry],
        true
      )
      if (found !== null) return found
    }
    const authFile = this.authFilePath()
    if (authFile !== null) {
      const containers = this.readJson(authFile)
      if (containers !== null) {
        // The longest key first: acme/app, then acme, then the registry itself.
        const parts = repository.split('/')
        const keys = parts
          .map((_, i) => `${registry}/${parts.slice(0, parts.length - i).join('/')}`)
          .concat(registry)
        const found = await this.fromConfig(containers, authFile, registry, keys, false)
        if (found !== null) return found
      }
    }
    return null
  }

  private dockerConfigPath(): string {
    const dir =
      this.env.DOCKER_CONFIG !== undefined && this.env.DOCKER_CONFIG !== ''
        ? this.env.DOCKER_CONFIG
        : path.join(this.home, '.docker')
    return path.join(dir, 'config.json')
  }

  private authFilePath(): string | null {
    if (this.env.REGISTRY_AUTH_FILE !== undefined && this.env.REGISTRY_AUTH_FILE !== '')
      return this.env.REGISTRY_AUTH_FILE
    if (this.env.XDG_RUNTIME_DIR !== undefined && this.env.XDG_RUNTIME_DIR !== '')
      return path.join(this.env.XDG_RUNTIME_DIR, 'containers', 'auth.json')
    return null
  }

  /** A config file as an object; null when it does not exist. Anything unreadable is an error naming the file. */
  private readJson(file: string): Record<string, unknown> | null {
    let text: string
    try {
      const stat = fs.statSync(file)
      if (!stat.isFile())
        throw new SealError(
          'bad-input',
          `${file}: the credentials file is not a regular file. Remove it or point DOCKER_CONFIG / ` +
            'REGISTRY_AUTH_FILE elsewhere.'
        )
      if (stat.size > CONFIG_MAX_BYTES)
        throw new SealError(
          'refused',
          `${file}: the credentials file is ${stat.size} bytes, more than such a file holds; refused unread.`
        )
      text = fs.readFileSync(file, 'utf8')
    } catch (error) {
      if (error instanceof SealError) throw error
      if (
        (error as NodeJS.ErrnoException).code === 'ENOENT' ||
        (error as NodeJS.ErrnoException).code === 'ENOTDIR'
      )
        return null
      throw new SealError(
        'unreadable',
        `${file}: the credentials file cannot be read (${(error as Error).message}). Fix its permissions, or ` +
          'point DOCKER_CONFIG / REGISTRY_AUTH_FILE elsewhere.',
        { cause: error }
      )
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new SealError(
        'malformed',
        `${file}: the credentials file is not JSON. Fix it (docker login rewrites it), or point DOCKER_CONFIG ` +
          '/ REGISTRY_AUTH_FILE elsewhere.'
      )
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new SealError(
        'malformed',
        `${file}: the credentials file is not a JSON object. Fix it, or point DOCKER_CONFIG / ` +
          'REGISTRY_AUTH_FILE elsewhere.'
      )
    return json as Record<string, unknown>
  }

  /** `keys`: what to look the registry up by in `auths`, most specific first. */
  private async fromConfig(
    config: Record<string, unknown>,
    file: string,
    registry: string,
    keys: readonly string[],
    hostOnly: boolean
  ): Promise<FoundCredentials | null> {
    const helpers = asRecord(config.credHelpers)
    const helperKey = Object.keys(helpers).find((key) => normalizeKey(key) === registry)
    const helper = helperKey !== undefined ? helpers[helperKey] : config.credsStore
    if (typeof helper === 'string' && helper !== '') {
      const found = await this.runHelper(
        helper,
        registry,
        file,
        helperKey !== undefined ? `credHelpers[${quote(helperKey)}]` : 'credsStore'
      )
      if (found !== null) return found
    }
    const auths = asRecord(config.auths)
    for (const want of keys) {
      const key = Object.keys(auths).find((k) => (hostOnly ? hostOf(k) : normalizeKey(k)) === want)
      if (key === undefined) continue
      const credentials = fromAuthEntry(asRecord(auths[key]), file, key)
      if (credentials !== null) return { credentials, source: `${file} auths[${quote(key)}]` }
    }
    return null
  }

  /** `docker-credential-<name> get`: the server on stdin, `{"Username","Secret"}` on stdout. */
  private async runHelper(
    name: string,
    registry: string,
    file: string,
    field: string
  ): Promise<FoundCredentials | null> {
    if (!HELPER_NAME.test(name))
      throw new SealError(
        'malformed',
        `${file}: ${field} names the credential helper ${quote(name)}, which is not a helper name. Fix the ` +
          'entry (a name such as "pass" or "ecr-login").'
      )
    const program = `docker-credential-${name}`
    const server = registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry
    const result = await new Promise<{
      code: number | null
      stdout: string
      stderr: string
      error?: NodeJS.ErrnoException
    }>((resolve) => {
      const child = spawn(program, ['get'], { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] })
      // A helper waiting on a keychain prompt nobody answers must not hold the step forever.
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.helperTimeoutMs ?? 30_000)
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.once('error', (error) => {
        clearTimeout(timer)
        resolve({ code: null, stdout, stderr, error })
      })
      child.once('close', (code) => {
        clearTimeout(timer)
        resolve({ code, stdout, stderr })
      })
      child.stdin.on('error', () => undefined)
      child.stdin.end(server)
    })
    const where = `${program} (${field} in ${file})`
    if (result.error !== undefined) {
      if (result.error.code === 'ENOENT')
        throw new SealError(
          'bad-input',
          `${file}: ${field} names the credential helper ${quote(name)}, but ${program} is not on PATH. ` +
            'Install it, or remove the entry.'
        )
      throw new SealError('unavailable', `${where} could not be run: ${result.error.message}.`, {
        cause: result.error
      })
    }
    if (result.code !== 0) {
      if (/credentials not found/i.test(result.stdout + result.stderr)) return null
      const said = (result.stderr.trim() || result.stdout.trim()).slice(0, 200)
      throw new SealError(
        'unavailable',
        `${where} failed for ${registry} (exit ${result.code ?? 'by signal'}${said === '' ? '' : `: ${quote(said)}`}). Fix the helper (is it logged in?), or remove the entry.`
      )
    }
    let answer: { Username?: unknown; Secret?: unknown }
    try {
      answer = JSON.parse(result.stdout) as { Username?: unknown; Secret?: unknown }
    } catch {
      throw new SealError(
        'unavailable',
        `${where} answered something other than JSON for ${registry}. Check the helper's version.`
      )
    }
    if (typeof answer.Secret !== 'string' || answer.Secret === '') return null
    const username = typeof answer.Username === 'string' ? answer.Username : ''
    const credentials: Credentials =
      username === '<token>'
        ? { kind: 'identity-token', username, token: answer.Secret }
        : { kind: 'basic', username, password: answer.Secret }
    return { credentials, source: where }
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** An `auths` entry; null for the empty placeholder Docker writes beside a credsStore. */
function fromAuthEntry(
  entry: Record<string, unknown>,
  file: string,
  key: string
): Credentials | null {
  let username = typeof entry.username === 'string' ? entry.username : ''
  let password = typeof entry.password === 'string' ? entry.password : ''
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon === -1)
      throw new SealError(
        'malformed',
        `${file}: auths[${quote(key)}].auth is not base64 of "user:password". Log in again (docker login) to ` +
          'rewrite it.'
      )
    username = decoded.slice(0, colon)
    password = decoded.slice(colon + 1)
  }
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
    return { kind: 'identity-token', username, token: entry.identitytoken }
  if (username === '' && password === '') return null
  return { kind: 'basic', username, password }
}
