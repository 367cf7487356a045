/** What the process holds open: timers, sockets, servers… counted by kind. */
export type ResourceCounts = Record<string, number>;

export function activeResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Kinds of which more are open now than at the start, and how many more. */
export function leakedResources(before: ResourceCounts, after: ResourceCounts): ResourceCounts {
  const leaked: ResourceCounts = {};
  for (const [kind, count] of Object.entries(after)) {
    const extra = count - (before[kind] ?? 0);
    if (extra > 0) leaked[kind] = extra;
  }
  return leaked;
}

/** Heap in use after forced garbage collections (the soak runs with --expose-gc). */
export function settledHeapBytes(): number {
  const collect = globalThis.gc;
  if (!collect) throw new Error('run the soak with node --expose-gc');
  for (let round = 0; round < 3; round += 1) collect();
  return process.memoryUsage().heapUsed;
}
