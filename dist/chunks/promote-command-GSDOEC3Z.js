import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-K4Z5UNGA.js";
import "./chunk-AYMTK2DR.js";
import "./chunk-IHOK2OA6.js";
import "./chunk-SRZEIPDW.js";
import "./chunk-QCTJLSDC.js";
import "./chunk-7IMTTECP.js";
import "./chunk-D6AQBV6Z.js";
import "./chunk-PATJDSKG.js";
import "./chunk-MUU4MPOS.js";
import "./chunk-QAXZ32M4.js";
import "./chunk-MTOJYOHG.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-YVUBSRLI.js";
import "./chunk-26HFV435.js";
import "./chunk-HSU5AKFI.js";
import "./chunk-M7OCZUU2.js";
import "./chunk-LCJQTPH3.js";
import "./chunk-3Y6US3PS.js";
import "./chunk-7PTIF7HN.js";
import "./chunk-HCENANLJ.js";
import "./chunk-BGN5R62D.js";
import "./chunk-BN2IESFQ.js";
import "./chunk-3L62ILF2.js";
import "./chunk-2YME2WUQ.js";
import "./chunk-NGVAXBT3.js";
import "./chunk-EWXYFNFY.js";
import "./chunk-5JBH2JDF.js";
import "./chunk-NKOJDP3X.js";
import "./chunk-CGOBM355.js";
import "./chunk-WISAU6C5.js";
import "./chunk-UJW5JWF6.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-JI77IJGS.js";
import "./chunk-G5FGRV6Q.js";
import "./chunk-SWPOQELI.js";
import "./chunk-ULEFO6FB.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
