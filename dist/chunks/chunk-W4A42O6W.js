import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";

// src/cli/arguments.ts
import { parseArgs } from "node:util";
function parseCommand(spec, args) {
  try {
    return parseArgs({
      args,
      options: { ...spec.options, help: { type: "boolean", short: "h" } },
      allowPositionals: spec.allowPositionals,
      strict: true
    });
  } catch (error) {
    const message = error.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new SealError("usage", `${spec.name}: ${message}.

${spec.usage}`);
  }
}
function requireValue(option, value) {
  if (value !== void 0 && value.trim() === "")
    throw new SealError(
      "usage",
      `--${option}: ${quote(value)} is empty. Give a value or leave the option out.`
    );
  return value;
}

export {
  parseCommand,
  requireValue
};
