/** One file with its size, as a summary shows it. */
export interface SizedFile {
  readonly path: string
  readonly size: number
}

/** The files and bytes under one top-level entry of the tree. */
export interface SizeGroup {
  /** A file's name, or a directory's name with a trailing `/`. */
  readonly name: string
  readonly files: number
  readonly size: number
}

/** What a person looks at first: where the bytes are, without the whole listing. */
export interface FileSummary {
  readonly largest: readonly SizedFile[]
  /** Largest first. */
  readonly topLevel: readonly SizeGroup[]
}

/**
 * Sums sizes per top-level entry and keeps the largest files, in one pass and without
 * an object per file: an artifact can hold hundreds of thousands of files.
 */
export function summarizeFiles(paths: readonly string[], sizes: ArrayLike<number>, order: ArrayLike<number>, largestCount = 5): FileSummary {
  const groups = new Map<string, { files: number; size: number }>()
  const largest: SizedFile[] = []
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number
    const filePath = paths[i] as string
    const size = sizes[i] as number
    const slash = filePath.indexOf('/')
    const name = slash === -1 ? filePath : filePath.slice(0, slash + 1)
    const group = groups.get(name)
    if (group) {
      group.files++
      group.size += size
    } else {
      groups.set(name, { files: 1, size })
    }
    if (largest.length < largestCount || size > (largest[largest.length - 1] as SizedFile).size) {
      let at = largest.length
      while (at > 0 && (largest[at - 1] as SizedFile).size < size) at--
      largest.splice(at, 0, { path: filePath, size })
      if (largest.length > largestCount) largest.pop()
    }
  }
  const topLevel = [...groups].map(([name, g]) => ({ name, ...g })).sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1))
  return { largest, topLevel }
}
