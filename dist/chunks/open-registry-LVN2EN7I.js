import {
  openImageRegistry
} from "./chunk-BY3B3PY5.js";
import "./chunk-HFPNINQP.js";
import "./chunk-PXYCEGCV.js";
import "./chunk-QLO65AW2.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  openImageRegistry
};
