import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-5NVIYEUI.js";
import "./chunk-IK4JKFGG.js";
import "./chunk-RUFMACFB.js";
import "./chunk-2ZE3NV5G.js";
import "./chunk-GSG2IMQB.js";
import "./chunk-ML6JYTTS.js";
import "./chunk-ISK7PWW6.js";
import "./chunk-3A5KCLP4.js";
import "./chunk-X3545L6M.js";
import "./chunk-ZQGXNYS7.js";
import "./chunk-NVACJPZY.js";
import "./chunk-GS57ZZWA.js";
import "./chunk-J3YF67JO.js";
import "./chunk-KIX3PTMG.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-ZKPFZ6OV.js";
import "./chunk-T6LU5YRH.js";
import "./chunk-5PWKKN77.js";
import "./chunk-AOQAK625.js";
import "./chunk-KBCO63BF.js";
import "./chunk-BN3BV3BB.js";
import "./chunk-SOZUR2GS.js";
import "./chunk-I4AZKPM5.js";
import "./chunk-JQN5ZRY2.js";
import "./chunk-Y26XYTCZ.js";
import "./chunk-CI2HIK7O.js";
import "./chunk-IVGQQWRF.js";
import "./chunk-WDH4CWYV.js";
import "./chunk-7WIOIR7E.js";
import "./chunk-TST44RD6.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-MQKQALL5.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
