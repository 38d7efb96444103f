import {
  openImageRegistry
} from "./chunk-J56JP6JY.js";
import "./chunk-LLMSNXUP.js";
import "./chunk-LZ3P5AHR.js";
import "./chunk-NZ5SY2NS.js";
import "./chunk-U5VE7L4O.js";
import "./chunk-WISAU6C5.js";
import "./chunk-COPLKY7P.js";
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
