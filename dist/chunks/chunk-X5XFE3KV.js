import {
  hexOf
} from "./chunk-KRR2HU2L.js";

// src/core/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_TYPE = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var LOCAL_BUILD_TYPE = "urn:artifact-seal:buildtypes:local:v1";
var DIGEST_ONLY_ANNOTATION = "artifact-seal.digest-only";
function statementSubject(name, digest, isTree) {
  const hex = hexOf(digest);
  return { name, digest: isTree ? { sha256: hex, dirHash: hex } : { sha256: hex } };
}
function digestOnlySubject(name, digest) {
  return {
    ...statementSubject(name, digest, false),
    annotations: { [DIGEST_ONLY_ANNOTATION]: true }
  };
}
function runUrl(build) {
  return `${build.serverUrl}/${build.repository}/actions/runs/${build.runId}/attempts/${build.runAttempt}`;
}
function commitUrl(build) {
  return `${build.serverUrl}/${build.repository}/commit/${build.sha}`;
}
function workflowPath(build) {
  const withoutRepo = build.workflowRef.startsWith(`${build.repository}/`) ? build.workflowRef.slice(build.repository.length + 1) : build.workflowRef;
  const at = withoutRepo.lastIndexOf("@");
  return at === -1 ? withoutRepo : withoutRepo.slice(0, at);
}
function workflowPredicate(build) {
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: build.ref,
          repository: `${build.serverUrl}/${build.repository}`,
          path: workflowPath(build)
        }
      },
      internalParameters: {
        github: {
          event_name: build.eventName,
          repository_id: build.repositoryId,
          repository_owner_id: build.repositoryOwnerId,
          runner_environment: build.runnerEnvironment
        }
      },
      resolvedDependencies: [
        {
          uri: `git+${build.serverUrl}/${build.repository}@${build.ref}`,
          digest: { gitCommit: build.sha }
        }
      ]
    },
    runDetails: {
      builder: { id: `${build.serverUrl}/${build.jobWorkflowRef ?? build.workflowRef}` },
      metadata: { invocationId: runUrl(build) }
    }
  };
}
function localPredicate(build, subjects) {
  return {
    buildDefinition: {
      buildType: LOCAL_BUILD_TYPE,
      externalParameters: { subjects: subjects.map((s) => s.name) },
      internalParameters: { host: build.host },
      resolvedDependencies: []
    },
    runDetails: {
      builder: { id: build.tool },
      metadata: { startedOn: build.startedOn }
    }
  };
}
function buildStatement(subjects, context) {
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: SLSA_PROVENANCE_TYPE,
    predicate: context.kind === "workflow" ? workflowPredicate(context.build) : localPredicate(context.build, subjects)
  };
}

export {
  STATEMENT_TYPE,
  SLSA_PROVENANCE_TYPE,
  GITHUB_WORKFLOW_BUILD_TYPE,
  DIGEST_ONLY_ANNOTATION,
  statementSubject,
  digestOnlySubject,
  runUrl,
  commitUrl,
  buildStatement
};
