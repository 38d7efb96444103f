import {
  classifyContracts
} from "./chunk-XBWNAYHL.js";
import "./chunk-WME3HOLL.js";
import "./chunk-JDE2Z3ZW.js";
import "./chunk-U2O7APQI.js";
import "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";
export {
  classifyContracts
};
