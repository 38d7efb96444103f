import {
  checkCandidates,
  checkSignature
} from "./chunk-J3Q3E3RM.js";
import "./chunk-BTGAOTTD.js";
import "./chunk-6YWBE2YG.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-A63B7KBV.js";
import "./chunk-GCWGIEKY.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-JPYWA7SW.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
