import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  hostname,
  userInfo
} from "./chunk-M6ACESL2.js";
import {
  basename,
  resolve
} from "./chunk-SHE4BTPW.js";

// src/app/settings/runner-environment.ts
function buildContextFromEnv(env, now = /* @__PURE__ */ new Date()) {
  const { GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID } = env;
  if (env.GITHUB_ACTIONS === "true" && GITHUB_REPOSITORY && GITHUB_SHA && GITHUB_RUN_ID) {
    return {
      kind: "workflow",
      build: {
        serverUrl: serverUrlOf(env),
        repository: GITHUB_REPOSITORY,
        repositoryId: env.GITHUB_REPOSITORY_ID ?? "",
        repositoryOwnerId: env.GITHUB_REPOSITORY_OWNER_ID ?? "",
        sha: GITHUB_SHA,
        ref: env.GITHUB_REF ?? "",
        workflowRef: env.GITHUB_WORKFLOW_REF ?? `${GITHUB_REPOSITORY}/${env.GITHUB_WORKFLOW ?? "workflow"}`,
        eventName: env.GITHUB_EVENT_NAME ?? "",
        runId: GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT || "1",
        runnerEnvironment: env.RUNNER_ENVIRONMENT || "unknown"
      }
    };
  }
  return {
    kind: "local",
    build: {
      tool: `pkg:npm/artifact-seal@${VERSION}`,
      host: hostname(),
      startedOn: now.toISOString()
    }
  };
}
function fallbackName(env, baseDir) {
  const repository = env.GITHUB_REPOSITORY?.split("/")[1];
  return repository || basename(resolve(baseDir)) || "artifact";
}
function requesterFromEnv(env) {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  const runUrl = env.GITHUB_ACTIONS === "true" && GITHUB_REPOSITORY && GITHUB_RUN_ID ? `${serverUrlOf(env)}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ""}` : null;
  let actor = env.GITHUB_ACTOR || null;
  if (actor === null && env.GITHUB_ACTIONS !== "true") {
    try {
      actor = userInfo().username;
    } catch {
      actor = null;
    }
  }
  return { runUrl, actor };
}

export {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
};
