import {
  modesAnnotation,
  modesDigest,
  parseModes
} from "./chunk-A63B7KBV.js";
import {
  readStatementBeside
} from "./chunk-YOF4W5VX.js";
import {
  modesBeside
} from "./chunk-4WMSIVT4.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";

// src/app/verify/sealed-modes.ts
function sealedModesBeside(checksumsFile, what) {
  let statement = null;
  try {
    statement = readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why))?.json ?? null;
  } catch {
  }
  const claimed = modesAnnotation(statement);
  if (claimed === null) return null;
  const file = modesBeside(checksumsFile);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new SealError(
      "tampered",
      `${what}: the statement beside the listing records the files' modes, but ${quote(file)} is missing. The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  if (modesDigest(bytes) !== claimed) {
    throw new SealError(
      "tampered",
      `${what}: ${quote(file)} is not the modes file the statement records (${claimed}). The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  return parseModes(bytes.toString("utf8"), `${what}: ${quote(file)}`);
}

export {
  sealedModesBeside
};
