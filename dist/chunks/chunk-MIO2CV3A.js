
// src/stores/evidence/directory-handoff.ts?seal
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

// stand-in:seal:src/core/errors.ts:src/stores/evidence/directory-handoff.ts
import { m8$BadInputError, m8$SealError, m8$quote } from "../seal/index-core.js";

// src/stores/evidence/directory-handoff.ts?seal
function workingDirBeside(into, inputName) {
  const target = path.resolve(into);
  let entries = null;
  try {
    entries = fs.readdirSync(target);
  } catch (error) {
    const code = error.code;
    if (code === "ENOTDIR") throw new m8$SealError(`${inputName}: ${m8$quote(into)} is a file. Give a directory that does not exist yet, or an empty one.`);
    if (code !== "ENOENT") throw cannotWrite(inputName, into, error);
  }
  if (entries !== null && entries.length > 0) {
    throw new m8$SealError(`${inputName}: ${m8$quote(into)} is not empty. Give a directory that does not exist yet, or an empty one, so nothing already there is mixed with what is fetched.`);
  }
  const parent = path.dirname(target);
  try {
    fs.mkdirSync(parent, { recursive: true });
    const work = path.join(parent, `.${path.basename(target)}.partial-${randomBytes(4).toString("hex")}`);
    fs.mkdirSync(work);
    return work;
  } catch (error) {
    throw cannotWrite(inputName, into, error);
  }
}
function moveIntoPlace(work, into, inputName) {
  const target = path.resolve(into);
  try {
    fs.rmdirSync(target);
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT") throw cannotWrite(inputName, into, error);
  }
  try {
    fs.renameSync(work, target);
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw cannotWrite(inputName, into, error);
  }
  return target;
}
function removeQuietly(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
  }
}
function cannotWrite(inputName, into, error) {
  const e = error;
  return new m8$SealError(`${inputName}: cannot write to ${m8$quote(into)} (${e.code ?? e.message}). Give a directory the runner can write to.`);
}

export {
  workingDirBeside,
  moveIntoPlace,
  removeQuietly
};
