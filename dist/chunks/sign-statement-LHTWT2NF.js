import {
  INTOTO_PAYLOAD_TYPE,
  signStatement
} from "./chunk-JOQJILDY.js";
import "./chunk-P4INBWYS.js";
import "./chunk-3JABIHTE.js";
import "./chunk-ID6YFACX.js";
import "./chunk-46C4WCSX.js";
import "./chunk-NRHD3AR6.js";
import "./chunk-WMMA72G5.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-ULEFO6FB.js";
export {
  INTOTO_PAYLOAD_TYPE,
  signStatement
};
