import { type ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The storage account every Azurite instance knows (Azure's documented development account). */
export const DEV_ACCOUNT_NAME = 'devstoreaccount1'
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1`: the blob endpoint, path-style as Azurite serves it. */
  readonly blobEndpoint: string
  readonly host: string
  readonly port: number
  readonly accountName: string
  readonly accountKey: string
  /** A connection string for `BlobServiceClient.fromConnectionString`. */
  readonly connectionString: string
  /** Whatever Azurite printed, for diagnosing a failed start or a failing request. */
  output(): string
  /** Stops Azurite and waits for its process to exit. Safe to call twice. */
  close(): Promise<void>
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const AZURITE_BLOB = path.join(
  PROJECT_ROOT,
  'node_modules',
  'azurite',
  'dist',
  'src',
  'blob',
  'main.js'
)

/**
 * Starts Azurite's blob service (from node_modules, on the Node that runs the tests) on
 * 127.0.0.1 and a port the system picks, keeping blobs in memory. Azurite prints the
 * address it listens on once it accepts connections; that line is what this waits for,
 * so no port is guessed and no polling is needed. Telemetry is off: tests never use the
 * internet.
 */
export async function startAzurite(
  options: { readonly memoryLimitMb?: number } = {}
): Promise<Azurite> {
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'))
  const args = [
    AZURITE_BLOB,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--inMemoryPersistence',
    '--extentMemoryLimit',
    String(options.memoryLimitMb ?? 512),
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
    '--disableTelemetry'
  ]
  const child = spawn(process.execPath, args, { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let port: number
  try {
    port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString()
        const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
        if (match) resolve(Number(match[1]))
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('error', reject)
      child.once('exit', (code, signal) =>
        reject(new Error(`Azurite exited (${code ?? signal}) before listening:\n${output}`))
      )
    })
  } catch (error) {
    await stop(child, exited)
    fs.rmSync(location, { recursive: true, force: true })
    throw error
  }
  let closed = false
  const host = '127.0.0.1'
  const blobEndpoint = `http://${host}:${port}/${DEV_ACCOUNT_NAME}`
  return {
    blobEndpoint,
    host,
    port,
    accountName: DEV_ACCOUNT_NAME,
    accountKey: DEV_ACCOUNT_KEY,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT_NAME};AccountKey=${DEV_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    output: () => output,
    async close() {
      if (closed) return
      closed = true
      await stop(child, exited)
      fs.rmSync(location, { recursive: true, force: true })
    }
  }
}

/** SIGTERM, and SIGKILL if Azurite has not exited ten seconds later (it exits in well under a second). */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const stubborn = setTimeout(() => child.kill('SIGKILL'), 10_000)
  try {
    await exited
  } finally {
    clearTimeout(stubborn)
  }
}
