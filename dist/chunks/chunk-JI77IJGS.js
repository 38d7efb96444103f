
// src/cli/terminal.ts
function printJson(terminal, value) {
  if (terminal.json) terminal.json(value);
  else terminal.out(`${JSON.stringify(value, null, 2)}
`);
}
function processTerminal() {
  const stdout = writerOf(process.stdout);
  const stderr = writerOf(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    out: stdout.write,
    err: stderr.write,
    progress: (line) => stderr.write(`${line}
`),
    outputError: () => stdout.error() ?? stderr.error()
  };
}
function writerOf(stream) {
  let closed = false;
  let failure = null;
  stream.on("error", (error) => {
    closed = true;
    if (error.code !== "EPIPE" && failure === null) failure = error;
  });
  return {
    write: (text) => {
      if (!closed && !stream.destroyed) stream.write(text);
    },
    error: () => failure
  };
}
function jsonTerminal(terminal) {
  let printed = false;
  return {
    cwd: terminal.cwd,
    env: terminal.env,
    out: (text) => terminal.err(text),
    err: (text) => terminal.err(text),
    progress: (line) => terminal.progress(line),
    json: (value) => {
      if (printed) throw new Error("unreachable: a command printed two JSON documents");
      printed = true;
      terminal.out(`${JSON.stringify(value, null, 2)}
`);
    },
    printed: () => printed
  };
}

export {
  printJson,
  processTerminal,
  jsonTerminal
};
