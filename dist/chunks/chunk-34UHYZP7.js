import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  bundleFileNames
} from "./chunk-G46EYJYA.js";
import {
  SealError,
  quote
} from "./chunk-LM3HRDQW.js";

// src/stores/evidence/local-directory.ts
import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import * as path from "node:path";
var LocalDirectoryStore = class {
  constructor(dir, inputName) {
    this.dir = dir;
    this.inputName = inputName;
  }
  dir;
  inputName;
  async putSealBundle(artifact) {
    const names = bundleFileNames(artifact.name);
    try {
      await fs.mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw this.cannotWrite(this.dir, error);
    }
    const files = [
      { final: path.join(this.dir, names.checksums), content: artifact.listing },
      { final: path.join(this.dir, names.statement), content: `${JSON.stringify(artifact.statement, null, 2)}
` }
    ];
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const renamed = [];
    try {
      for (const file of files) await fs.writeFile(file.final + suffix, file.content);
      for (const file of files) {
        await fs.rename(file.final + suffix, file.final);
        renamed.push(file.final);
      }
    } catch (error) {
      await Promise.all([...files.map((f) => f.final + suffix), ...renamed].map((p) => fs.rm(p, { force: true })));
      throw this.cannotWrite(this.dir, error);
    }
    return { dir: this.dir, checksumsPath: files[0].final, statementPath: files[1].final };
  }
  cannotWrite(target, error) {
    const e = error;
    return new SealError(
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a directory the runner can write to.`
    );
  }
};

export {
  LocalDirectoryStore
};
