import {
  openImageRegistry
} from "./chunk-ZUEPVXXA.js";
import "./chunk-63EGTO4W.js";
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
