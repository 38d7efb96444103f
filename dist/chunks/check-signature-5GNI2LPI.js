import {
  checkCandidates,
  checkSignature
} from "./chunk-F52MI3PZ.js";
import "./chunk-2TSV5ZJ2.js";
import "./chunk-6YWBE2YG.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-73O7IUOI.js";
import "./chunk-GCWGIEKY.js";
import "./chunk-WJZVNM7J.js";
import "./chunk-X5XFE3KV.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-H65UCF2F.js";
import "./chunk-2PAPLS2T.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-ELDMBS62.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
