import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  LocalDirectoryStore
} from "./chunk-WSNV27UL.js";
import {
  fileSafeName
} from "./chunk-G46EYJYA.js";
import {
  sealSubject
} from "./chunk-IYSVIPOP.js";

// src/app/seal-to-bundle.ts
import * as path from "node:path";
async function sealToBundle(subject, options, destination) {
  const { outputDir, defaultParent, inputName } = destination;
  const sealed = subject.kind === "paths" ? { ...subject, skipDirs: [...subject.skipDirs ?? [], defaultParent, ...outputDir ? [outputDir] : []] } : subject;
  const artifact = await sealSubject(sealed, options);
  const dir = outputDir ?? path.join(defaultParent, fileSafeName(artifact.name));
  const bundle = await new LocalDirectoryStore(dir, inputName).putSealBundle(artifact);
  return { artifact, bundle };
}

export {
  sealToBundle
};
