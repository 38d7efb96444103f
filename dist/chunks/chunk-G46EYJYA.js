import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);

// src/stores/evidence/seal-bundle.ts
function fileSafeName(name) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe === "" ? "artifact" : safe;
}
function bundleFileNames(name) {
  const base = fileSafeName(name);
  return { checksums: `${base}.sha256`, statement: `${base}.intoto.json` };
}
function statementBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.intoto.json` : null;
}

export {
  fileSafeName,
  bundleFileNames,
  statementBeside
};
