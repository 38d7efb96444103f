import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-DOVHFKHJ.js";
import "./chunk-UHB2LTWT.js";
import "./chunk-P5U6KBZP.js";
import "./chunk-3BNILISX.js";
import {
  formatCount
} from "./chunk-HCENANLJ.js";
import {
  parseCommand
} from "./chunk-W4A42O6W.js";
import "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import {
  SealError,
  isSealError
} from "./chunk-C7O7QJOZ.js";
import {
  plain,
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-VF62UBY7.js";
import {
  relative,
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/policy-command.ts
var POLICY_USAGE = `Usage: artifact-seal policy validate [file] [--json]

Reads a promotion policy as promote reads it and names every mistake with its file, line
and column ("file:line:col: \u2026"). Exits 1 when the policy has mistakes, 2 when the file
cannot be read. Editors check the policy as it is written with the JSON Schema
schemas/promotion.schema.json; put this line at the top of the file:
  # yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/artifact-seal/v1/schemas/promotion.schema.json

  [file]      the policy (default ${DEFAULT_POLICY_FILE})
  --json      {"valid": true, "file", "environments": [names], "services"} or
              {"valid": false, "file", "problems": [{file, line, column, message}]}
  -h, --help  show this help`;
var spec = {
  name: "policy validate",
  usage: POLICY_USAGE,
  allowPositionals: true,
  options: { json: { type: "boolean" } }
};
async function policyCommand(args, terminal) {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h") {
    terminal.out(`${POLICY_USAGE}
`);
    return 0;
  }
  if (sub !== "validate")
    throw new SealError(
      "usage",
      `policy: ${sub === void 0 ? "give a subcommand" : `unknown subcommand ${JSON.stringify(sub)}`}.

${POLICY_USAGE}`
    );
  const { values, positionals } = parseCommand(spec, rest);
  if (values.help) {
    terminal.out(`${POLICY_USAGE}
`);
    return 0;
  }
  if (positionals.length > 1)
    throw new SealError(
      "usage",
      `policy validate: give one policy file, or none for ${DEFAULT_POLICY_FILE}.

${POLICY_USAGE}`
    );
  const file = resolve(terminal.cwd, positionals[0] ?? DEFAULT_POLICY_FILE);
  const shown = relative(terminal.cwd, file) || file;
  const paint = terminal.paint ?? plain;
  let policy;
  try {
    policy = loadPolicy(file, "policy validate [file]", terminal.cwd);
  } catch (error) {
    if (!isSealError(error, "malformed")) throw error;
    if (values.json)
      printJson(terminal, { valid: false, file: shown, problems: error.details.problems ?? [] });
    else terminal.out(`${paint("bad", "INVALID")}: ${error.message}
`);
    return 1;
  }
  const names = policy.environments.map((e) => e.name);
  if (values.json) {
    printJson(terminal, {
      valid: true,
      file: shown,
      environments: names,
      services: policy.services ?? (policy.service ? [policy.service] : null)
    });
  } else {
    terminal.out(
      `${paint("good", "Valid")}: ${shown}: ${formatCount(names.length, "environment")} (${names.join(", ")})
`
    );
  }
  return 0;
}
export {
  POLICY_USAGE,
  policyCommand
};
