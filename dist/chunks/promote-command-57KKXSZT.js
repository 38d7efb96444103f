import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-ADWJCGIY.js";
import "./chunk-6BNCNALW.js";
import "./chunk-6GFU6QGV.js";
import "./chunk-EKROG2TR.js";
import "./chunk-MWNRATBR.js";
import "./chunk-KPF2372Z.js";
import "./chunk-LVFZX5JV.js";
import "./chunk-DIGEBHAR.js";
import "./chunk-7SRA44GV.js";
import "./chunk-QNKJSCO2.js";
import "./chunk-YQE4J5OP.js";
import "./chunk-IM7BOTGG.js";
import "./chunk-QBBW7JKU.js";
import "./chunk-KQBLYS6I.js";
import "./chunk-3WOVBTA6.js";
import "./chunk-EYKS4CAZ.js";
import "./chunk-NMF5PPW7.js";
import "./chunk-LHHWUTPI.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-6NUB2OMI.js";
import "./chunk-JWCK4D2M.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
