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
 * an object per file: an artifact can hold hundreds of thousands of files. In listing
 * order the files of one top-level entry follow each other, so a file is counted with the
 * entry before it whenever its path starts with that entry's name; only a new entry is
 * cut out of its path and looked up.
 */
export function summarizeFiles(
  paths: readonly string[],
  sizes: ArrayLike<number>,
  order: ArrayLike<number>,
  largestCount = 5
): FileSummary {
  const groups = new Map<string, { files: number; size: number }>()
  const largest: SizedFile[] = []
  let current: { files: number; size: number } | undefined
  let currentName = ''
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number
    const filePath = paths[i] as string
    const size = sizes[i] as number
    // A directory's name ends with "/"; a file at the top is its own entry, never a prefix of another path's.
    if (current === undefined || !currentName.endsWith('/') || !filePath.startsWith(currentName)) {
      const slash = filePath.indexOf('/')
      currentName = slash === -1 ? filePath : filePath.slice(0, slash + 1)
      current = groups.get(currentName)
      if (current === undefined) groups.set(currentName, (current = { files: 0, size: 0 }))
    }
    current.files++
    current.size += size
    if (largest.length < largestCount || size > (largest[largest.length - 1] as SizedFile).size) {
      let at = largest.length
      while (at > 0 && (largest[at - 1] as SizedFile).size < size) at--
      largest.splice(at, 0, { path: filePath, size })
      if (largest.length > largestCount) largest.pop()
    }
  }
  const topLevel = [...groups]
    .map(([name, g]) => ({ name, ...g }))
    .sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1))
  return { largest, topLevel }
}
