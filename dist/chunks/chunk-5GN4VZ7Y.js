import {
  getOctokit
} from "./chunk-OM6KMUFD.js";
import {
  retrying
} from "./chunk-ERNWVJRV.js";
import {
  classify
} from "./chunk-SJOLJ5TF.js";

// src/http/github.ts?seal
import { AsyncLocalStorage } from "node:async_hooks";

// stand-in:seal:src/version.ts:src/http/github.ts
import { m39$VERSION } from "../seal/index-core.js";

// src/http/github.ts?seal
var API_VERSION = "2022-11-28";
function gitHubClient(options) {
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: `artifact-seal/${m39$VERSION}`
  });
  const recoveries = new AsyncLocalStorage();
  octokit.hook.wrap("request", async (request, endpoint) => {
    const parsed = octokit.request.endpoint.parse(endpoint);
    const name = requestName(parsed.method, parsed.url);
    endpoint.headers["x-github-api-version"] = API_VERSION;
    const recover = recoveries.getStore();
    return retrying(
      async (signal) => {
        endpoint.request = { ...endpoint.request, signal };
        try {
          const response = await request(endpoint);
          options.onAnswer?.(response);
          return { value: response };
        } catch (error) {
          return { failure: classify(error) };
        }
      },
      {
        policy: options.policy,
        ...options.clock ? { clock: options.clock } : {},
        ...recover === void 0 ? {} : { recover: async () => await recoveries.exit(recover) },
        fail: (failure, attempts, refusedWait) => options.fail(name, failure, attempts, refusedWait)
      }
    );
  });
  return Object.assign(octokit, {
    writeOnce: (send, recover) => recoveries.run(recover, send)
  });
}
function requestName(method, url) {
  const parsed = new URL(url);
  let query = parsed.search;
  try {
    query = decodeURIComponent(query);
  } catch {
  }
  return { method: method.toUpperCase(), path: `${parsed.pathname}${query}` };
}

export {
  gitHubClient
};
