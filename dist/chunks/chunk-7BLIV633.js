import {
  randomBytes
} from "./chunk-VF62UBY7.js";

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
  return json.replace(/##\[/g, "##\\u005b").replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
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

// src/report/paint.ts
var plain = (_style, text) => text;

// src/cli/colour.ts
function wantsColour(env, isTTY) {
  const force = env.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY;
}
var SGR = {
  good: ["\x1B[32m", "\x1B[39m"],
  bad: ["\x1B[31m", "\x1B[39m"],
  warn: ["\x1B[33m", "\x1B[39m"],
  dim: ["\x1B[2m", "\x1B[22m"],
  bold: ["\x1B[1m", "\x1B[22m"]
};
var STYLES = Object.keys(SGR);
function colourMarks() {
  const token = randomBytes(8).toString("hex");
  const mark = (index, end) => `\uE000${token}${end ? "e" : "s"}${index}\uE001`;
  const pattern = new RegExp(`\uE000${token}([se])(\\d)\uE001`, "g");
  return {
    paint: (style, text) => {
      const index = STYLES.indexOf(style);
      return `${mark(index, false)}${text}${mark(index, true)}`;
    },
    split: (text, colour) => {
      const pieces = [];
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        const style = STYLES[Number(match[2])];
        pieces.push({
          text: text.slice(last, match.index),
          code: colour ? SGR[style][match[1] === "s" ? 0 : 1] : ""
        });
        last = match.index + match[0].length;
      }
      pieces.push({ text: text.slice(last), code: "" });
      return pieces;
    }
  };
}

// src/cli/terminal.ts
function printWarning(terminal, message) {
  terminal.err(`artifact-seal: ${(terminal.paint ?? plain)("warn", "warning:")} ${message}
`);
}
function printJson(terminal, value) {
  if (terminal.json) terminal.json(value);
  else terminal.out(`${JSON.stringify(value, null, 2)}
`);
}
function processTerminal() {
  const guards = { out: new RunnerLogGuard(), err: new RunnerLogGuard() };
  const writers = { out: writerOf(process.stdout), err: writerOf(process.stderr) };
  const colour = {
    out: wantsColour(process.env, process.stdout.isTTY === true),
    err: wantsColour(process.env, process.stderr.isTTY === true)
  };
  const marks = colour.out || colour.err ? colourMarks() : null;
  const write = (stream, text) => {
    if (marks === null || isJsonDocument(text)) {
      writers[stream].write(
        guards[stream].encode(isJsonDocument(text) ? inertJsonText(text) : text)
      );
      return;
    }
    writers[stream].write(
      marks.split(text, colour[stream]).map((piece) => guards[stream].encode(piece.text) + piece.code).join("")
    );
  };
  return {
    cwd: process.cwd(),
    env: process.env,
    ...marks === null ? {} : { paint: marks.paint },
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
  plain,
  printWarning,
  printJson,
  processTerminal,
  jsonTerminal
};
