import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-UGRU5UNL.js";
import "./chunk-IK4JKFGG.js";
import "./chunk-LD2USHA5.js";
import "./chunk-GSG2IMQB.js";
import "./chunk-MNBNWFGF.js";
import "./chunk-L337EJKP.js";
import "./chunk-OWHOXF4U.js";
import "./chunk-NVACJPZY.js";
import "./chunk-XZP3SJIE.js";
import "./chunk-SB5SYUBX.js";
import "./chunk-IM7BOTGG.js";
import "./chunk-BN3BV3BB.js";
import "./chunk-PVC4D2FM.js";
import "./chunk-2KLFQZN5.js";
import "./chunk-JQN5ZRY2.js";
import "./chunk-F2S7RG6J.js";
import "./chunk-G46EYJYA.js";
import "./chunk-QBBW7JKU.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-ZEIFKGXQ.js";
import "./chunk-37ZI6LGB.js";
import "./chunk-3CR25UGK.js";
import "./chunk-TXKGNR4J.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-MQKQALL5.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
