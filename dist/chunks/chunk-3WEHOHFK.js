
// src/report/runner-log.ts
var MARK = "\u200B";
var BLANK = /[\t \u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]/;
var LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
function visibleControl(char) {
  const code = char.charCodeAt(0);
  if (char === "	") return null;
  if (code < 32) return String.fromCharCode(9216 + code);
  if (code === 127) return "\u2421";
  if (code >= 128 && code <= 159) return "\uFFFD";
  return null;
}
var RunnerLogGuard = class {
  lineStart = true;
  tail = "";
  afterCR = false;
  /** The text made inert, line by line. */
  encode(text) {
    let out = "";
    for (const char of text) {
      if (this.afterCR) {
        this.afterCR = false;
        if (char === "\n") continue;
      }
      if (LINE_BREAK.test(char)) {
        out += "\n";
        this.afterCR = char === "\r";
        this.lineStart = true;
        this.tail = "";
        continue;
      }
      const shown = visibleControl(char) ?? char;
      if (this.lineStart) {
        if (BLANK.test(shown)) {
          out += shown;
          continue;
        }
        this.lineStart = false;
        if (shown === ":") out += MARK;
      }
      if (shown === "[" && this.tail === "##") out += MARK;
      out += shown;
      this.tail = (this.tail + shown).slice(-2);
    }
    return out;
  }
  /** Text another writer put on the same stream (a deploy command's own output), unchanged. */
  observe(text) {
    for (const char of text) {
      if (LINE_BREAK.test(char)) {
        this.lineStart = true;
        this.tail = "";
        this.afterCR = false;
        continue;
      }
      this.afterCR = false;
      if (this.lineStart && BLANK.test(char)) continue;
      this.lineStart = false;
      this.tail = (this.tail + char).slice(-2);
    }
  }
};
function inertJsonText(json) {
  return json.replace(/##\[/g, "##\\u005b").replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function isJsonDocument(text) {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// src/cli/terminal.ts
function printJson(terminal, value) {
  if (terminal.json) terminal.json(value);
  else terminal.out(`${JSON.stringify(value, null, 2)}
`);
}
function processTerminal() {
  const guards = { out: new RunnerLogGuard(), err: new RunnerLogGuard() };
  const writers = { out: writerOf(process.stdout), err: writerOf(process.stderr) };
  const write = (stream, text) => {
    writers[stream].write(guards[stream].encode(isJsonDocument(text) ? inertJsonText(text) : text));
  };
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => write("out", text),
    err: (text) => write("err", text),
    progress: (line) => write("err", `${line}
`),
    relay: (stream, text) => {
      guards[stream].observe(text);
      writers[stream].write(text);
    },
    outputError: () => writers.out.error() ?? writers.err.error()
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
    relay: (_stream, text) => terminal.relay ? terminal.relay("err", text) : terminal.err(text),
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
