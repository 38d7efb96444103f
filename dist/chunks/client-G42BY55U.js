import {
  RegistryClient
} from "./chunk-AJ2K7IQ2.js";
import "./chunk-2JUBQCCK.js";
import "./chunk-RSEN4ODH.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-WISAU6C5.js";
import "./chunk-APYKEJN7.js";
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
  RegistryClient
};
