import {
  openImageRegistry
} from "./chunk-SXVO4VSG.js";
import "./chunk-RSEN4ODH.js";
import "./chunk-2JUBQCCK.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-WISAU6C5.js";
import "./chunk-APYKEJN7.js";
import "./chunk-QIE64KWE.js";
import "./chunk-M6ACESL2.js";
import "./chunk-GFS6RC4G.js";
import "./chunk-AVGSY6YS.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-S6LFGLV7.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  openImageRegistry
};
