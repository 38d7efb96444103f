import {
  removeQuietly
} from "./chunk-LYSN4LFY.js";
import {
  readTextIfAny,
  whyUnreadable
} from "./chunk-YOF4W5VX.js";
import {
  randomBytes
} from "./chunk-VF62UBY7.js";
import {
  dirname,
  join,
  relative,
  resolve,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync
} from "./chunk-KUE42OYI.js";

// src/stores/ledger/beside-ledger.ts
function besideLedger(ledgerFile) {
  return {
    checkpoint: `${ledgerFile}.checkpoint.sigstore.json`,
    contracts: `${ledgerFile}.contracts`,
    attestations: `${ledgerFile}.attestations`
  };
}
function readCheckpoint(ledgerFile, unreadable) {
  return readTextIfAny(besideLedger(ledgerFile).checkpoint, unreadable);
}
function writeRecordAttestation(ledgerFile, key, json, unwritable) {
  const dir = besideLedger(ledgerFile).attestations;
  const file = join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, "-")}.sigstore.json`);
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, json, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw unwritable(error.code ?? String(error), file);
  }
  return relative(dirname(ledgerFile), file).split(sep).join("/");
}
function readRecordAttestation(ledgerFile, link, unreadable) {
  const file = resolve(dirname(ledgerFile), link);
  try {
    return { file, bytes: readFileSync(file) };
  } catch (error) {
    throw unreadable(whyUnreadable(error), file);
  }
}

export {
  besideLedger,
  readCheckpoint,
  writeRecordAttestation,
  readRecordAttestation
};
