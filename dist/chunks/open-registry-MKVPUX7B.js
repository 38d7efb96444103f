import {
  openImageRegistry
} from "./chunk-KAQZWHN7.js";
import "./chunk-N5LYBXRY.js";
import "./chunk-ZPQHICT5.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-WISAU6C5.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-6Q2WRFY4.js";
import "./chunk-ERNWVJRV.js";
import "./chunk-P4TSECCU.js";
import "./chunk-PXYCEGCV.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-IOF2R6EN.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  openImageRegistry
};
