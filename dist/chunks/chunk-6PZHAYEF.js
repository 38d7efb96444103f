
// src/core/signing/signer-policy.ts
function defaultIssuer(serverUrl) {
  const url = new URL(serverUrl);
  if (url.hostname === "github.com") return "https://token.actions.githubusercontent.com";
  const tenant = /^([a-z0-9-]+)\.ghe\.com$/i.exec(url.hostname);
  if (tenant) return `https://token.actions.${tenant[1]?.toLowerCase()}.ghe.com`;
  return `${url.origin}/_services/token`;
}
function identityPolicy(wanted, serverUrl) {
  return {
    repository: wanted.repository,
    ...wanted.workflow === null ? {} : { workflow: wanted.workflow },
    ...wanted.sourceRef === null ? {} : { sourceRef: wanted.sourceRef },
    issuer: wanted.issuer ?? defaultIssuer(serverUrl),
    denySelfHostedRunners: wanted.denySelfHostedRunners,
    serverUrl
  };
}

export {
  identityPolicy
};
