import type { Env } from '../../core/env.js'
import { GITHUB_REGISTRY } from '../../stores/registry/credentials.js'
import { RegistryClient, type RegistryClientOptions } from '../../stores/registry/client.js'

/**
 * The registry client an action or the CLI uses, with credentials in the documented order:
 * the GitHub token for the GitHub server's own registry (ghcr.io), then Docker's config
 * (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`, with its credential helpers, as
 * docker/login-action writes it), then the containers auth file (`$REGISTRY_AUTH_FILE`).
 * Plain HTTP only for a registry on localhost or a loopback address, as Docker does, and the
 * registries `options.insecureRegistries` names (`plain-http-registries`), host and port exactly.
 */
export function openImageRegistry(
  env: Env,
  token: string,
  options: Omit<RegistryClientOptions, 'credentials'> = {}
): RegistryClient {
  return new RegistryClient({
    ...options,
    credentials: {
      env,
      ...(env.HOME === undefined || env.HOME === '' ? {} : { homeDir: env.HOME }),
      ...(token === ''
        ? {}
        : {
            github: {
              token,
              registry: GITHUB_REGISTRY,
              ...(env.GITHUB_ACTOR ? { username: env.GITHUB_ACTOR } : {})
            }
          })
    }
  })
}
