/**
 * A neighbour list in compressed sparse row form: the neighbours of unit i are
 * `indices[offsets[i] .. offsets[i + 1])`. Typed arrays rather than arrays of arrays, because a 2,000 × 2,000 grid
 * has 4 M units and 32 M links, and the spatial statistics loop over them millions of times.
 *
 * Lists never include the unit itself: statistics that want it (Gi*) add it themselves.
 */
export interface Neighbours {
  offsets: Int32Array;
  indices: Int32Array;
}

/** Builds the CSR arrays from one array of neighbour indices per unit (sorted, so outputs are deterministic). */
export function neighboursFromLists(lists: readonly (readonly number[])[]): Neighbours {
  const offsets = new Int32Array(lists.length + 1);
  let total = 0;
  for (let i = 0; i < lists.length; i++) {
    total += lists[i]?.length ?? 0;
    offsets[i + 1] = total;
  }
  const indices = new Int32Array(total);
  let k = 0;
  for (const list of lists) for (const j of [...list].sort((a, b) => a - b)) indices[k++] = j;
  return { offsets, indices };
}
