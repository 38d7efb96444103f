import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-QR6PKKZG.js";
import "../chunks/chunk-DIGEBHAR.js";
import "../chunks/chunk-7SRA44GV.js";
import "../chunks/chunk-QNKJSCO2.js";
import "../chunks/chunk-3AGDGDDE.js";
import "../chunks/chunk-ATXONXS2.js";
import "../chunks/chunk-NERSNKZR.js";
import "../chunks/chunk-YQE4J5OP.js";
import "../chunks/chunk-IM7BOTGG.js";
import "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-KQBLYS6I.js";
import "../chunks/chunk-3WOVBTA6.js";
import "../chunks/chunk-EYKS4CAZ.js";
import "../chunks/chunk-NMF5PPW7.js";
import "../chunks/chunk-V5KCH6HQ.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-EJITM6IO.js";
import "../chunks/chunk-6NUB2OMI.js";
import "../chunks/chunk-JWCK4D2M.js";

// src/actions/verify/index.ts
await run();
