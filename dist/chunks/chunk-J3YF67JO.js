
// src/core/signing/github-issuer.ts
function defaultIssuer(serverUrl) {
  const url = new URL(serverUrl);
  if (url.hostname === "github.com") return "https://token.actions.githubusercontent.com";
  const tenant = /^([a-z0-9-]+)\.ghe\.com$/i.exec(url.hostname);
  if (tenant) return `https://token.actions.${tenant[1]?.toLowerCase()}.ghe.com`;
  return `${url.origin}/_services/token`;
}

export {
  defaultIssuer
};
