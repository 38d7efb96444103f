import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:os
var builtin = __require("node:os");
var { arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname, loadavg, networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo, uptime, version, machine, constants, EOL, devNull } = builtin;

export {
  availableParallelism,
  homedir,
  hostname,
  tmpdir,
  userInfo
};
