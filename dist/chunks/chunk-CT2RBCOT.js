import {
  commitUrl,
  runUrl
} from "./chunk-YUA324DC.js";
import {
  bundleFileNames
} from "./chunk-C5FJLWC7.js";
import {
  SealError,
  quote
} from "./chunk-APYKEJN7.js";

// src/report/seal-report.ts
function provenanceLinks(build) {
  if (build.kind !== "workflow") return { commit: null, run: null };
  const b = build.build;
  return {
    commit: { label: b.sha.slice(0, 7), url: commitUrl(b), ref: b.ref },
    run: { label: `${b.workflowRef.split("@")[0]?.split("/").pop() ?? "workflow"} run ${b.runId} (attempt ${b.runAttempt})`, url: runUrl(b) }
  };
}

// src/stores/evidence/local-directory.ts
import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import { realpathSync } from "node:fs";
import * as path from "node:path";
var LocalDirectoryStore = class {
  constructor(dir, inputName) {
    this.dir = dir;
    this.inputName = inputName;
  }
  dir;
  inputName;
  async putSealBundle(artifact, extras = {}) {
    const signed = extras.signed ?? null;
    const contract = extras.contract ?? null;
    const names = bundleFileNames(artifact.name);
    try {
      await fs.mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw this.cannotWrite(this.dir, error);
    }
    const files = [
      { final: path.join(this.dir, names.checksums), content: artifact.listing },
      { final: path.join(this.dir, names.statement), content: `${JSON.stringify(artifact.statement, null, 2)}
` },
      ...signed === null ? [] : [{ final: path.join(this.dir, names.sigstore), content: signed }],
      ...contract === null ? [] : [{ final: path.join(this.dir, names.contract), content: contract.manifestJson }]
    ];
    if (signed === null) await fs.rm(path.join(this.dir, names.sigstore), { force: true }).catch(() => void 0);
    if (contract === null) {
      await fs.rm(path.join(this.dir, names.contract), { force: true }).catch(() => void 0);
      await fs.rm(path.join(this.dir, names.contractDir), { recursive: true, force: true }).catch(() => void 0);
    }
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const contractDir = path.join(this.dir, names.contractDir);
    const renamed = [];
    try {
      for (const file of files) await fs.writeFile(file.final + suffix, file.content);
      if (contract !== null) {
        for (const file of contract.files) {
          const target = path.join(contractDir + suffix, ...file.path.split("/"));
          await fs.mkdir(path.dirname(target), { recursive: true });
          await fs.writeFile(target, file.bytes);
        }
        await fs.rm(contractDir, { recursive: true, force: true });
        await fs.rename(contractDir + suffix, contractDir);
        renamed.push(contractDir);
      }
      for (const file of files) {
        await fs.rename(file.final + suffix, file.final);
        renamed.push(file.final);
      }
    } catch (error) {
      await Promise.all([...files.map((f) => f.final + suffix), contractDir + suffix, ...renamed].map((p) => fs.rm(p, { recursive: true, force: true })));
      throw this.cannotWrite(this.dir, error);
    }
    const at = (name) => files.some((f) => f.final === path.join(this.dir, name)) ? path.join(this.dir, name) : null;
    return {
      dir: this.dir,
      checksumsPath: files[0].final,
      statementPath: files[1].final,
      sigstoreBundlePath: at(names.sigstore),
      contractPath: at(names.contract),
      contractDir: contract === null ? null : contractDir
    };
  }
  cannotWrite(target, error) {
    const e = error;
    return new SealError(
      "unreadable",
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a directory the runner can write to.`,
      { cause: e }
    );
  }
};
function isInside(dir, root) {
  const inside = (child, parent) => {
    const rel = path.relative(parent, child);
    return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  return inside(path.resolve(dir), path.resolve(root)) || inside(realExisting(dir), realExisting(root));
}
function realExisting(p) {
  let existing = path.resolve(p);
  const rest = [];
  for (; ; ) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(p);
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

export {
  LocalDirectoryStore,
  isInside,
  provenanceLinks
};
