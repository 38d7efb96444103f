import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-TWXIIWDP.js";
import "./chunk-IK4JKFGG.js";
import "./chunk-IR3OTZ46.js";
import "./chunk-GSG2IMQB.js";
import "./chunk-MNBNWFGF.js";
import "./chunk-ZE6JGXM3.js";
import "./chunk-ZLGW7ZI3.js";
import "./chunk-NVACJPZY.js";
import "./chunk-EXUFTQFU.js";
import "./chunk-SB5SYUBX.js";
import "./chunk-IM7BOTGG.js";
import "./chunk-BN3BV3BB.js";
import "./chunk-V4I5O5IV.js";
import "./chunk-775XJJYF.js";
import "./chunk-JQN5ZRY2.js";
import "./chunk-F2S7RG6J.js";
import "./chunk-G46EYJYA.js";
import "./chunk-QBBW7JKU.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-JNKVE2JS.js";
import "./chunk-4VJWAQ33.js";
import "./chunk-3CR25UGK.js";
import "./chunk-ZF2UFZB3.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-MQKQALL5.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
