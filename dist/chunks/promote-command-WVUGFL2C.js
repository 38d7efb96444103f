import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-ZK4ZEG43.js";
import "./chunk-HTIDVKND.js";
import "./chunk-GGHN3GML.js";
import "./chunk-EJGKRJPM.js";
import "./chunk-QCVEIRUZ.js";
import "./chunk-7ID42SAT.js";
import "./chunk-3USDI6ST.js";
import "./chunk-D6AQBV6Z.js";
import "./chunk-PATJDSKG.js";
import "./chunk-23JNQBRJ.js";
import "./chunk-ZC7YKKWW.js";
import "./chunk-YC3CEF7Z.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-YVUBSRLI.js";
import "./chunk-26HFV435.js";
import "./chunk-MYJAWS3X.js";
import "./chunk-5IUE7KC6.js";
import "./chunk-LCJQTPH3.js";
import "./chunk-NIRZY44X.js";
import "./chunk-HCENANLJ.js";
import "./chunk-BGN5R62D.js";
import "./chunk-UWYEIZS6.js";
import "./chunk-QOOYI7M2.js";
import "./chunk-2YME2WUQ.js";
import "./chunk-NGVAXBT3.js";
import "./chunk-EWXYFNFY.js";
import "./chunk-ENEXP3UV.js";
import "./chunk-NQDO363Y.js";
import "./chunk-CGOBM355.js";
import "./chunk-D4O4SRY3.js";
import "./chunk-WISAU6C5.js";
import "./chunk-UJW5JWF6.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-3WEHOHFK.js";
import "./chunk-G5FGRV6Q.js";
import "./chunk-WHHTSQ7G.js";
import "./chunk-SWPOQELI.js";
import "./chunk-ULEFO6FB.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
