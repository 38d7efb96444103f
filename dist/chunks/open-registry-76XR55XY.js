import {
  openImageRegistry
} from "./chunk-BMCPOC63.js";
import "./chunk-ABWLM7WC.js";
import "./chunk-DWUZVQWC.js";
import "./chunk-QAD55PFD.js";
import "./chunk-WISAU6C5.js";
import "./chunk-COPLKY7P.js";
import "./chunk-7NBIB6HM.js";
import "./chunk-P4TSECCU.js";
import "./chunk-PXYCEGCV.js";
import "./chunk-QLO65AW2.js";
import "./chunk-M6ACESL2.js";
import "./chunk-Y3QM5BXP.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  openImageRegistry
};
