import {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
} from "./chunk-DAEBSRHB.js";
import "./chunk-F45TOA4H.js";
import "./chunk-3VDNQKO7.js";
import "./chunk-MDJN366Y.js";
import "./chunk-B4IQGOZB.js";
import "./chunk-RWQXT5AI.js";
import "./chunk-YDBZB2EY.js";
import "./chunk-VQE4U277.js";
import "./chunk-HAD3KXUC.js";
import "./chunk-JDE2Z3ZW.js";
import "./chunk-F2TO3XK7.js";
import "./chunk-P3LFBAAN.js";
import "./chunk-2FA2NVHV.js";
import "./chunk-4OSLGI64.js";
import "./chunk-NVACJPZY.js";
import "./chunk-JVZDWJ74.js";
import "./chunk-47XK5U45.js";
import "./chunk-MKZ7O5YQ.js";
import "./chunk-ZKPFZ6OV.js";
import "./chunk-T6LU5YRH.js";
import "./chunk-CXUYZPCD.js";
import "./chunk-W2T4WNMM.js";
import "./chunk-KBCO63BF.js";
import "./chunk-OKC3V5KO.js";
import "./chunk-UHTOHAQ5.js";
import "./chunk-PDXRZ77U.js";
import "./chunk-26EACSW7.js";
import "./chunk-WQL46BTN.js";
import "./chunk-U2O7APQI.js";
import "./chunk-PURSDPP7.js";
import "./chunk-Y26XYTCZ.js";
import "./chunk-7LPUHTON.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-RLG6D2AJ.js";
import "./chunk-NID24HAP.js";
import "./chunk-HFKVVJJS.js";
import "./chunk-WN5XRVDE.js";
import "./chunk-32RFBYNG.js";
import "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";
export {
  DEFAULT_POLICY_PATH,
  PROMOTE_USAGE,
  promoteCommand
};
