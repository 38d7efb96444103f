import {
  run
} from "../chunks/chunk-QIESDJ54.js";
import "../chunks/chunk-P3LFBAAN.js";
import "../chunks/chunk-2FA2NVHV.js";
import "../chunks/chunk-4OSLGI64.js";
import "../chunks/chunk-NVACJPZY.js";
import "../chunks/chunk-JVZDWJ74.js";
import "../chunks/chunk-47XK5U45.js";
import "../chunks/chunk-MKZ7O5YQ.js";
import "../chunks/chunk-ZKPFZ6OV.js";
import "../chunks/chunk-T6LU5YRH.js";
import "../chunks/chunk-CXUYZPCD.js";
import "../chunks/chunk-W2T4WNMM.js";
import "../chunks/chunk-KBCO63BF.js";
import "../chunks/chunk-OUGGR7GI.js";
import "../chunks/chunk-26EACSW7.js";
import "../chunks/chunk-WQL46BTN.js";
import "../chunks/chunk-U2O7APQI.js";
import "../chunks/chunk-Z26ZLIIK.js";
import "../chunks/chunk-PURSDPP7.js";
import "../chunks/chunk-Y26XYTCZ.js";
import "../chunks/chunk-7LPUHTON.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-RLG6D2AJ.js";
import "../chunks/chunk-NID24HAP.js";
import "../chunks/chunk-HFKVVJJS.js";
import "../chunks/chunk-WN5XRVDE.js";
import "../chunks/chunk-32RFBYNG.js";
import "../chunks/chunk-KQET6ZTM.js";
import "../chunks/chunk-EWOWW24O.js";

// src/actions/verify/index.ts
await run();
