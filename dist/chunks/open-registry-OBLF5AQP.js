import {
  openImageRegistry
} from "./chunk-HKT7E6ZY.js";
import "./chunk-6Q2WRFY4.js";
import "./chunk-7NBIB6HM.js";
import "./chunk-P4TSECCU.js";
import "./chunk-PXYCEGCV.js";
import "./chunk-PEFIDIUF.js";
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
