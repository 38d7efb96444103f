import {
  GITHUB_REGISTRY,
  RegistryClient
} from "./chunk-L6SABWFJ.js";

// src/app/image/open-registry.ts
function openImageRegistry(env, token, options = {}) {
  return new RegistryClient({
    ...options,
    credentials: {
      env,
      ...env.HOME === void 0 || env.HOME === "" ? {} : { homeDir: env.HOME },
      ...token === "" ? {} : {
        github: {
          token,
          registry: GITHUB_REGISTRY,
          ...env.GITHUB_ACTOR ? { username: env.GITHUB_ACTOR } : {}
        }
      }
    }
  });
}

export {
  openImageRegistry
};
