import type { HashProgress } from '../core/hashing/hash-files.js'
import { formatBytes } from './format.js'

export function describeProgress(p: HashProgress): string {
  const files = p.filesTotal > 1 ? `${p.filesDone.toLocaleString('en-US')} of ${p.filesTotal.toLocaleString('en-US')} files, ` : ''
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`
}
