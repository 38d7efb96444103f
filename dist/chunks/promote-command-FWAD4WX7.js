import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-7YX5U5YZ.js";
import "./chunk-IK4JKFGG.js";
import "./chunk-KMTL7SHL.js";
import "./chunk-CWDRKGLZ.js";
import "./chunk-GSG2IMQB.js";
import "./chunk-ASBWU4Y3.js";
import "./chunk-ISK7PWW6.js";
import "./chunk-JDE2Z3ZW.js";
import "./chunk-4IJ26T4C.js";
import "./chunk-N23RTFQ6.js";
import "./chunk-LFYFGPMI.js";
import "./chunk-342Q3T45.js";
import "./chunk-NVACJPZY.js";
import "./chunk-JVZDWJ74.js";
import "./chunk-KIX3PTMG.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-ZKPFZ6OV.js";
import "./chunk-T6LU5YRH.js";
import "./chunk-5PWKKN77.js";
import "./chunk-AOQAK625.js";
import "./chunk-KBCO63BF.js";
import "./chunk-BN3BV3BB.js";
import "./chunk-AWLEXHAZ.js";
import "./chunk-I4AZKPM5.js";
import "./chunk-JQN5ZRY2.js";
import "./chunk-5O3ZRBRA.js";
import "./chunk-Y26XYTCZ.js";
import "./chunk-IVGQQWRF.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-6BKEXAWG.js";
import "./chunk-7WIOIR7E.js";
import "./chunk-TST44RD6.js";
import "./chunk-MQKQALL5.js";
import "./chunk-5E6I27RW.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
