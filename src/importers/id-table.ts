/**
 * A hash table from source ids to a 32-bit fingerprint and the line where the id was first seen, in typed
 * arrays: about 24 bytes per id, against ~100 for a Map of strings, which at a million ACLED rows is the
 * difference between fitting the import's memory budget and not.
 *
 * Ids are keyed by a 64-bit hash (two independent 32-bit FNV-1a variants). Two different ids share a key with
 * probability n²/2^65 — about 3·10⁻⁸ for a million ids — and the only consequence would be a wrongly flagged
 * repeat, which the import reports by line, never silently.
 */
export class IdTable {
  private keysA: Uint32Array;
  private keysB: Uint32Array;
  private values: Uint32Array; // index + 1 into prints/rows; 0 marks an empty slot
  private prints: Uint32Array;
  private rows: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    this.keysA = new Uint32Array(initialCapacity);
    this.keysB = new Uint32Array(initialCapacity);
    this.values = new Uint32Array(initialCapacity);
    this.prints = new Uint32Array(initialCapacity >> 1);
    this.rows = new Uint32Array(initialCapacity >> 1);
  }

  get size(): number {
    return this.count;
  }

  /** The fingerprint and first line stored for `id`, or null when the id is new (then it is added). */
  seenOrAdd(id: string, print: number, row: number): { print: number; row: number } | null {
    let a = 0x811c9dc5;
    let b = 0x84222325;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01b3) + (b >>> 13);
    }
    a >>>= 0;
    b >>>= 0;
    const mask = this.values.length - 1;
    for (let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot] ?? 0;
      if (value === 0) {
        this.insertAt(slot, a, b, print, row);
        return null;
      }
      if (this.keysA[slot] === a && this.keysB[slot] === b) {
        return { print: this.prints[value - 1] ?? 0, row: this.rows[value - 1] ?? 0 };
      }
    }
  }

  private insertAt(slot: number, a: number, b: number, print: number, row: number): void {
    if (this.count >= this.prints.length) {
      this.prints = grow(this.prints);
      this.rows = grow(this.rows);
    }
    this.keysA[slot] = a;
    this.keysB[slot] = b;
    this.prints[this.count] = print;
    this.rows[this.count] = row;
    this.count++;
    this.values[slot] = this.count;
    // Keep the load under one half so probe runs stay short.
    if (this.count * 2 > this.values.length) this.rehash();
  }

  private rehash(): void {
    const { keysA, keysB, values } = this;
    const size = values.length * 2;
    this.keysA = new Uint32Array(size);
    this.keysB = new Uint32Array(size);
    this.values = new Uint32Array(size);
    const mask = size - 1;
    for (let old = 0; old < values.length; old++) {
      const value = values[old] ?? 0;
      if (value === 0) continue;
      const a = keysA[old] ?? 0;
      const b = keysB[old] ?? 0;
      let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while ((this.values[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.keysA[slot] = a;
      this.keysB[slot] = b;
      this.values[slot] = value;
    }
  }
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(Math.max(16, array.length * 2));
  bigger.set(array);
  return bigger;
}
