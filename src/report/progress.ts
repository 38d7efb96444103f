import type { HashProgress } from '../core/hashing/hash-files.js'
import { formatBytes, formatNumber } from './format.js'

export function describeProgress(p: HashProgress): string {
  const files =
    p.filesTotal > 1 ? `${formatNumber(p.filesDone)} of ${formatNumber(p.filesTotal)} files, ` : ''
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`
}
