import {
  parsePlainHttpRegistries
} from "./chunk-N5LYBXRY.js";

// src/cli/registry-options.ts
var PLAIN_HTTP_OPTIONS = {
  "plain-http-registry": { type: "string", multiple: true }
};
var PLAIN_HTTP_HELP = `  --plain-http-registry HOST[:PORT]
                      reach this registry over plain HTTP (repeatable); loopback ones
                      are, every other stays HTTPS`;
function plainHttpRegistries(values) {
  return parsePlainHttpRegistries(values["plain-http-registry"] ?? [], "--plain-http-registry");
}

export {
  PLAIN_HTTP_OPTIONS,
  PLAIN_HTTP_HELP,
  plainHttpRegistries
};
