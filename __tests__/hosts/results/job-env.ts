import type { JobSpec, ResultsServiceHost } from '../results-service-host.js'

/**
 * Runs `fn` as a step of a simulated job in this process: the job's runner variables are
 * put into process.env (where @actions/artifact and @actions/cache read them) and every
 * variable is put back afterwards, so jobs never see each other's token. Jobs in one test
 * file run one after another.
 */
export async function inJob<T>(
  host: ResultsServiceHost,
  job: JobSpec & {
    readonly workspace: string
    readonly runnerTemp: string
    readonly extra?: Record<string, string | undefined>
  },
  fn: () => Promise<T>
): Promise<T> {
  const vars: Record<string, string | undefined> = {
    ...host.runnerEnv(job),
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_TEMP: job.runnerTemp,
    ...job.extra
  }
  const saved = new Map<string, string | undefined>()
  for (const [name, value] of Object.entries(vars)) {
    saved.set(name, process.env[name])
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  try {
    return await fn()
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/**
 * Keeps what the client libraries print (workflow commands such as ::warning:: and
 * ::debug::) out of the test output, and lets a test read it.
 */
export function captureStdout(): { text(): string; clear(): void; restore(): void } {
  const original = process.stdout.write.bind(process.stdout)
  let captured = ''
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    const callback = rest.find((r): r is () => void => typeof r === 'function')
    callback?.()
    return true
  }) as typeof process.stdout.write
  return {
    text: () => captured,
    clear: () => {
      captured = ''
    },
    restore: () => {
      process.stdout.write = original
    }
  }
}
