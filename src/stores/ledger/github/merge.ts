import type { ApiDeployment } from './api.js'

/**
 * Merges lists of deployments that are each newest first into one newest-first list,
 * pulling from each only as far as the merged list is read. Ties on time go to the higher
 * id, which GitHub hands out in creation order.
 */
export async function* newestFirst(
  sources: readonly AsyncIterator<ApiDeployment>[]
): AsyncGenerator<ApiDeployment> {
  const heads = await Promise.all(sources.map((s) => s.next()))
  try {
    for (;;) {
      let best = -1
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]
        const current = heads[best]
        if (head === undefined || head.done === true) continue
        if (current === undefined || current.done === true || newer(head.value, current.value))
          best = i
      }
      const winner = heads[best]
      if (winner === undefined || winner.done === true) return
      yield winner.value
      heads[best] = await (sources[best] as AsyncIterator<ApiDeployment>).next()
    }
  } finally {
    // Stop every source that was not read to its end, so none holds a page it will never give.
    await Promise.all(sources.map((s) => s.return?.()))
  }
}

function newer(a: ApiDeployment, b: ApiDeployment): boolean {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt)
  return byTime !== 0 ? byTime > 0 : BigInt(a.id) > BigInt(b.id)
}
