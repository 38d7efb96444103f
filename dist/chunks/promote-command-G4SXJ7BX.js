import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-KDTO5T2N.js";
import "./chunk-XF5IRKUC.js";
import "./chunk-VYCQZRYS.js";
import "./chunk-LVZOJKQO.js";
import "./chunk-QCTJLSDC.js";
import "./chunk-7IMTTECP.js";
import "./chunk-D6AQBV6Z.js";
import "./chunk-PATJDSKG.js";
import "./chunk-XKPUXSYZ.js";
import "./chunk-QAXZ32M4.js";
import "./chunk-PNDUH7SH.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-YVUBSRLI.js";
import "./chunk-26HFV435.js";
import "./chunk-HSU5AKFI.js";
import "./chunk-X6XH6LHW.js";
import "./chunk-Q46E44F5.js";
import "./chunk-LCJQTPH3.js";
import "./chunk-3Y6US3PS.js";
import "./chunk-FUH2ZLFO.js";
import "./chunk-HCENANLJ.js";
import "./chunk-BGN5R62D.js";
import "./chunk-2Y4X4FFT.js";
import "./chunk-FEZZ7WDO.js";
import "./chunk-GBIDQISK.js";
import "./chunk-7T4WVHKE.js";
import "./chunk-NGVAXBT3.js";
import "./chunk-EWXYFNFY.js";
import "./chunk-5JBH2JDF.js";
import "./chunk-NKOJDP3X.js";
import "./chunk-CGOBM355.js";
import "./chunk-WISAU6C5.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-SWPOQELI.js";
import "./chunk-G5FGRV6Q.js";
import "./chunk-KTVEUXKI.js";
import "./chunk-ULEFO6FB.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
