import {
  checkCandidates,
  checkSignature
} from "./chunk-K6AEZNMO.js";
import "./chunk-KIKQSJQ6.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-F73NK3ER.js";
import "./chunk-Z6PKETNA.js";
import "./chunk-4GTZCDOY.js";
import "./chunk-OPHOUBPK.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-EQVYSVNY.js";
import "./chunk-LGWJCIYU.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-43FNMZOV.js";
import "./chunk-U5VE7L4O.js";
import "./chunk-5B26CPAT.js";
import "./chunk-COPLKY7P.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
