import {
  removeQuietly
} from "./chunk-LYSN4LFY.js";
import {
  isInside
} from "./chunk-3BNILISX.js";
import {
  commitUrl,
  runUrl
} from "./chunk-X5XFE3KV.js";
import {
  formatBytes,
  formatCount
} from "./chunk-HCENANLJ.js";
import {
  bundleFileNames
} from "./chunk-4WMSIVT4.js";
import {
  words
} from "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  plain
} from "./chunk-7BLIV633.js";
import {
  randomBytes
} from "./chunk-VF62UBY7.js";
import {
  basename,
  dirname,
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  mkdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync
} from "./chunk-KUE42OYI.js";

// src/report/seal-report.ts
function provenanceLinks(build) {
  if (build.kind !== "workflow") return { commit: null, run: null };
  const b = build.build;
  return {
    commit: { label: b.sha.slice(0, 7), url: commitUrl(b), ref: b.ref },
    run: {
      label: `${b.workflowRef.split("@")[0]?.split("/").pop() ?? "workflow"} run ${b.runId} (attempt ${b.runAttempt})`,
      url: runUrl(b)
    }
  };
}

// src/report/seal-text.ts
function rows() {
  const lines = [];
  return { lines, row: (label, value) => void lines.push(`  ${label.padEnd(10)} ${value}`) };
}
function originRows(row, build, bundle) {
  const links = provenanceLinks(build);
  if (links.commit) row("commit", `${links.commit.url} (${links.commit.ref})`);
  if (links.run) row("run", links.run.url);
  row("listing", bundle.checksumsPath);
  row("statement", bundle.statementPath);
}
function renderSealText(report, paint = plain) {
  const { artifact, bundle } = report;
  const { lines, row } = rows();
  lines.push(`${paint("good", "Sealed")} ${artifact.name}`);
  row("digest", artifact.digest);
  if (artifact.size !== null)
    row("content", `${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)}`);
  else if (artifact.kind === "checksums")
    row("content", `${formatCount(artifact.fileCount, "file")} (from a checksums listing)`);
  if (artifact.root !== null) row("root", artifact.root);
  originRows(row, report.build, bundle);
  if (report.signature?.signed) {
    row("signed", `${report.signature.bundlePath} by ${report.signature.signer}`);
    if (report.signature.attestationUrl) row("attested", report.signature.attestationUrl);
  }
  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel;
    const entries = groups.length > 1 ? groups.slice(0, 8).map(
      (g) => [g.name, `${formatCount(g.files, "file")}, ${formatBytes(g.size)}`]
    ) : artifact.summary.largest.map((f) => [f.path, formatBytes(f.size)]);
    const width = Math.min(40, Math.max(...entries.map(([name]) => name.length)));
    lines.push(groups.length > 1 ? "  top level:" : "  largest files:");
    for (const [name, value] of entries) lines.push(`    ${name.padEnd(width)}  ${value}`);
  }
  return `${lines.join("\n")}
`;
}
function renderMergeText(artifact, bundle, build, parts) {
  const { lines, row } = rows();
  lines.push(`Merged ${artifact.name} from ${formatCount(parts.length, "part")}`);
  row("digest", artifact.digest);
  row("content", formatCount(artifact.fileCount, "file"));
  originRows(row, build, bundle);
  lines.push("  parts:");
  const width = Math.min(40, Math.max(...parts.map((p) => p.name.length)));
  for (const p of parts) {
    const note = p.statementFile === null ? ", no statement to check" : "";
    lines.push(
      `    ${p.name.padEnd(width)}  ${p.digest}  ${p.kind === "file" ? "single file" : formatCount(p.fileCount, "file")}${note}`
    );
  }
  return `${lines.join("\n")}
`;
}

// src/stores/evidence/local-directory.ts
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
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw this.cannotWrite(this.dir, error);
    }
    const files = [
      { final: join(this.dir, names.checksums), content: artifact.listing },
      {
        final: join(this.dir, names.statement),
        content: `${JSON.stringify(artifact.statement, null, 2)}
`
      },
      ...signed === null ? [] : [{ final: join(this.dir, names.sigstore), content: signed }],
      ...contract === null ? [] : [{ final: join(this.dir, names.contract), content: contract.manifestJson }],
      ...artifact.modes ? [{ final: join(this.dir, names.modes), content: artifact.modes }] : []
    ];
    if (!artifact.modes) removeQuietly(join(this.dir, names.modes));
    if (signed === null) removeQuietly(join(this.dir, names.sigstore));
    if (contract === null) {
      removeQuietly(join(this.dir, names.contract));
      removeQuietly(join(this.dir, names.contractDir));
    }
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const contractDir = join(this.dir, names.contractDir);
    const renamed = [];
    try {
      for (const file of files) writeFileSync(file.final + suffix, file.content);
      if (contract !== null) {
        for (const file of contract.files) {
          const target = join(contractDir + suffix, ...file.path.split("/"));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.bytes);
        }
        rmSync(contractDir, { recursive: true, force: true });
        renameSync(contractDir + suffix, contractDir);
        renamed.push(contractDir);
      }
      for (const file of files) {
        renameSync(file.final + suffix, file.final);
        renamed.push(file.final);
      }
    } catch (error) {
      for (const leftover of [
        ...files.map((f) => f.final + suffix),
        contractDir + suffix,
        ...renamed
      ])
        removeQuietly(leftover);
      throw this.cannotWrite(this.dir, error);
    }
    const at = (name) => files.some((f) => f.final === join(this.dir, name)) ? join(this.dir, name) : null;
    return {
      dir: this.dir,
      checksumsPath: files[0].final,
      statementPath: files[1].final,
      sigstoreBundlePath: at(names.sigstore),
      contractPath: at(names.contract),
      contractDir: contract === null ? null : contractDir,
      modesPath: at(names.modes)
    };
  }
  cannotWrite(target, error) {
    const e = error;
    return new SealError(
      "unreadable",
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a directory ${words().reader} can write to.`,
      { cause: e }
    );
  }
};
function isInsideTree(dir, root) {
  return isInside(resolve(dir), resolve(root)) || isInside(realExisting(dir), realExisting(root));
}
function realExisting(p) {
  let existing = resolve(p);
  const rest = [];
  for (; ; ) {
    try {
      return join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(p);
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

export {
  LocalDirectoryStore,
  isInsideTree,
  renderSealText,
  renderMergeText
};
