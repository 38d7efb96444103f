
// src/stores/ledger/github/merge.ts
async function* newestFirst(sources) {
  const heads = await Promise.all(sources.map((s) => s.next()));
  try {
    for (; ; ) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        const current = heads[best];
        if (head === void 0 || head.done === true) continue;
        if (current === void 0 || current.done === true || newer(head.value, current.value))
          best = i;
      }
      const winner = heads[best];
      if (winner === void 0 || winner.done === true) return;
      yield winner.value;
      heads[best] = await sources[best].next();
    }
  } finally {
    await Promise.all(sources.map((s) => s.return?.()));
  }
}
function newer(a, b) {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return byTime !== 0 ? byTime > 0 : BigInt(a.id) > BigInt(b.id);
}

export {
  newestFirst
};
