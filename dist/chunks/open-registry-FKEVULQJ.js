import {
  openImageRegistry
} from "./chunk-7GVAVCG7.js";
import "./chunk-DVI5PLAP.js";
import "./chunk-P4TSECCU.js";
import "./chunk-QIE64KWE.js";
import "./chunk-S6LFGLV7.js";
import "./chunk-M6ACESL2.js";
import "./chunk-AVGSY6YS.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  openImageRegistry
};
