
// src/cli/terminal.ts
function processTerminal() {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    progress: (line) => void process.stderr.write(`${line}
`)
  };
}

export {
  processTerminal
};
