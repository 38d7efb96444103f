
// src/stores/evidence/seal-bundle.ts
function fileSafeName(name) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe === "" ? "artifact" : safe;
}
function bundleFileNames(name) {
  const base = fileSafeName(name);
  return {
    checksums: `${base}.sha256`,
    statement: `${base}.intoto.json`,
    sigstore: `${base}.sigstore.json`,
    contract: `${base}.contract.json`,
    contractDir: `${base}.contract`,
    modes: `${base}.modes.json`
  };
}
function modesBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.modes.json` : null;
}
function contractBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.contract.json` : null;
}
function statementBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.intoto.json` : null;
}
function sigstoreBundleBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.sigstore.json` : null;
}
var BUNDLE_SUFFIXES = [
  ".sha256",
  ".intoto.json",
  ".sigstore.json",
  ".contract.json",
  ".modes.json"
];
function isBundleEntry(rest, base, directory) {
  const contractDir = `${base}.contract`;
  if (rest === contractDir) return directory;
  if (rest.startsWith(`${contractDir}/`)) return true;
  return !directory && BUNDLE_SUFFIXES.some((suffix) => rest === `${base}${suffix}`);
}
function bundleBaseOf(fileName) {
  return fileName.endsWith(".sha256") && !fileName.includes("/") && fileName.length > ".sha256".length ? fileName.slice(0, -".sha256".length) : null;
}

export {
  fileSafeName,
  bundleFileNames,
  modesBeside,
  contractBeside,
  statementBeside,
  sigstoreBundleBeside,
  isBundleEntry,
  bundleBaseOf
};
