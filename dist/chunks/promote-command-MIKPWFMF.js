import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-76WXQDGD.js";
import "./chunk-6BNCNALW.js";
import "./chunk-VM4FHYN5.js";
import "./chunk-EKROG2TR.js";
import "./chunk-MWNRATBR.js";
import "./chunk-KPF2372Z.js";
import "./chunk-2YCGOX76.js";
import "./chunk-3XV4SCCJ.js";
import "./chunk-IXOSLNXJ.js";
import "./chunk-QNKJSCO2.js";
import "./chunk-YQE4J5OP.js";
import "./chunk-G46EYJYA.js";
import "./chunk-IM7BOTGG.js";
import "./chunk-QBBW7JKU.js";
import "./chunk-IYSVIPOP.js";
import "./chunk-5ULCEYWG.js";
import "./chunk-GVTCPM22.js";
import "./chunk-NMF5PPW7.js";
import "./chunk-BVAVKUIG.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-HRW4MM62.js";
import "./chunk-JWCK4D2M.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
