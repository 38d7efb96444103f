import {
  contractBeside,
  sigstoreBundleBeside,
  statementBeside
} from "./chunk-4WMSIVT4.js";
import {
  parseListing
} from "./chunk-3JZVAEQI.js";
import {
  messageOf
} from "./chunk-C7O7QJOZ.js";
import {
  existsSync,
  readFileSync,
  readdirSync,
  statSync
} from "./chunk-KUE42OYI.js";

// src/stores/evidence/bundle-reader.ts
function whyUnreadable(error) {
  const e = error;
  if (e?.code === "ENOENT") return "it does not exist";
  if (e?.code === "EISDIR") return "it is a directory";
  return e?.code ?? messageOf(error);
}
function readListing(file, unreadable) {
  return parseListing(readText(file, unreadable), file);
}
function readStatementBeside(checksumsFile, unreadable) {
  const file = statementBeside(checksumsFile);
  return file === null ? null : readDocument(file, unreadable);
}
function readStatement(file, unreadable) {
  return readDocument(file, unreadable);
}
function readSigstoreBundleBeside(checksumsFile, unreadable) {
  const file = sigstoreBundleBeside(checksumsFile);
  return file === null ? null : readDocument(file, unreadable);
}
function contractManifestBeside(checksumsFile) {
  const file = contractBeside(checksumsFile);
  return file !== null && existsSync(file) ? file : null;
}
function hasBundleBeside(checksumsFile) {
  return contractBeside(checksumsFile) !== null;
}
function readDocument(file, unreadable) {
  const text = readTextIfAny(file, unreadable);
  if (text === null) return null;
  try {
    return { file, text, json: JSON.parse(text), notJson: null };
  } catch (error) {
    return { file, text, json: void 0, notJson: error.message };
  }
}
function readText(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw unreadable(whyUnreadable(error), file);
  }
}
function readTextIfAny(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw unreadable(whyUnreadable(error), file);
  }
}
function listingsIn(dir, unreadable) {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
  }
  if (!isDirectory) return null;
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith(".sha256") && !e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    throw unreadable(whyUnreadable(error), dir);
  }
}

export {
  whyUnreadable,
  readListing,
  readStatementBeside,
  readStatement,
  readSigstoreBundleBeside,
  contractManifestBeside,
  hasBundleBeside,
  readText,
  readTextIfAny,
  listingsIn
};
