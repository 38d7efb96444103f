import {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  INTOTO_PAYLOAD_TYPE,
  signStatement
} from "./chunk-WKKF2BWT.js";
import "./chunk-VCZOCPNW.js";
import "./chunk-LEN6KP2N.js";
import "./chunk-7NT7Q6V2.js";
import "./chunk-BPDNE36K.js";
import "./chunk-VBR4O5EM.js";
import "./chunk-3LPQGX4A.js";
import "./chunk-G53TYASR.js";
import "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";
export {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  INTOTO_PAYLOAD_TYPE,
  signStatement
};
