import {
  checkCandidates,
  checkSignature
} from "./chunk-34BXNDM7.js";
import "./chunk-KIKQSJQ6.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-ED5QCPQY.js";
import "./chunk-RJE4JGS4.js";
import "./chunk-4GTZCDOY.js";
import "./chunk-OPHOUBPK.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-BGSBM53Y.js";
import "./chunk-NCAZBD72.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-LHN6YNIO.js";
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
