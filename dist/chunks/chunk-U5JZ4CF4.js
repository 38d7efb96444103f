import {
  whyUnreadable
} from "./chunk-LGWJCIYU.js";
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
  rmSync,
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
  const file = besideLedger(ledgerFile).checkpoint;
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw unreadable(whyUnreadable(error), file);
  }
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
function removeQuietly(file) {
  try {
    rmSync(file, { force: true });
  } catch {
  }
}

export {
  besideLedger,
  readCheckpoint,
  writeRecordAttestation,
  readRecordAttestation
};
