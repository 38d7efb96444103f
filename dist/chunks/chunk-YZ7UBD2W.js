import {
  refuseListingAsFile
} from "./chunk-CXUYZPCD.js";
import {
  sealSubject
} from "./chunk-W2T4WNMM.js";
import {
  LocalDirectoryStore,
  fileSafeName
} from "./chunk-7LPUHTON.js";
import {
  parseListing
} from "./chunk-HFKVVJJS.js";
import {
  SealError,
  quote
} from "./chunk-KQET6ZTM.js";

// src/app/seal-to-bundle.ts
import * as fs from "node:fs";
import * as path from "node:path";
async function sealToBundle(subject, options, destination, finish) {
  const { outputDir, defaultParent, inputName } = destination;
  const sealed = subject.kind === "paths" ? { ...subject, skipDirs: [...subject.skipDirs ?? [], defaultParent, ...outputDir ? [outputDir] : []] } : subject;
  const artifact = await sealSubject(sealed, options);
  if (subject.kind === "paths" && artifact.root !== null) {
    if (artifact.kind === "file") {
      const only = parseListing(artifact.listing.toString("utf8"), "the sealed listing")[0]?.path;
      refuseListingAsFile(path.join(artifact.root, ...only.split("/")), subject.inputName);
    } else if (outputDir !== null && isInside(outputDir, artifact.root)) {
      throw new SealError(
        `${inputName}: ${quote(outputDir)} is inside the sealed tree ${quote(artifact.root)}. A later verify of the tree would find the seal bundle's files there, files that were not sealed. Give a directory outside the tree${inputName === "--out" ? "" : `, or leave ${inputName} empty for a directory under the runner's temp directory`}.`
      );
    }
  }
  const finished = finish ? await finish(artifact) : { artifact, extras: {} };
  const dir = outputDir ?? path.join(defaultParent, fileSafeName(artifact.name));
  const bundle = await new LocalDirectoryStore(dir, inputName).putSealBundle(finished.artifact, finished.extras);
  return { artifact: finished.artifact, bundle };
}
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
      return path.join(fs.realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(p);
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

export {
  sealToBundle
};
