#!/usr/bin/env node

// src/cli/node-version.ts
var OLDEST_NODE_MAJOR = 22;
function nodeVersionProblem(version) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= OLDEST_NODE_MAJOR) return null;
  return `artifact-seal needs Node.js ${OLDEST_NODE_MAJOR} or later; this is ${JSON.stringify(`v${version.replace(/^v/, "")}`)}. Install Node.js ${OLDEST_NODE_MAJOR} LTS or 24 (from https://nodejs.org, or "nvm install ${OLDEST_NODE_MAJOR}"), then run artifact-seal again.`;
}

// src/cli/index.ts
var problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}
`);
  const args = process.argv.slice(2);
  const split = args.indexOf("--");
  if ((split < 0 ? args : args.slice(0, split)).includes("--json"))
    process.stdout.write(
      `${JSON.stringify({ error: { code: "bad-input", message: problem } }, null, 2)}
`
    );
  process.exitCode = 2;
} else {
  const [{ main }, { processTerminal }] = await Promise.all([
    import("../chunks/main-QWDLQFRZ.js"),
    import("../chunks/terminal-CF2D2XIY.js")
  ]);
  const terminal = processTerminal();
  const code = await main(process.argv.slice(2), terminal);
  const lost = terminal.outputError();
  if (lost !== null)
    process.stderr.write(
      `artifact-seal: the output could not be written (${lost.code ?? lost.message}).
`
    );
  process.exitCode = lost !== null && code === 0 ? 1 : code;
}
