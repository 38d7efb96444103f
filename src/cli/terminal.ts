/** What a command may touch of the process it runs in, so tests can run commands in-process. */
export interface Terminal {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  out(text: string): void
  err(text: string): void
  /** A progress line: shown on a terminal, left out of pipes and CI logs that are not one. */
  progress(line: string): void
}

export function processTerminal(): Terminal {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    progress: (line) => void process.stderr.write(`${line}\n`)
  }
}
