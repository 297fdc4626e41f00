/** Append-only posting list over internal slot numbers (ascending), with a float weight per entry. */
export class PostingList {
  slots: Int32Array;
  tfs: Float32Array;
  length = 0;

  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.tfs = new Float32Array(capacity);
  }

  push(slot: number, tf: number): void {
    if (this.length === this.slots.length) {
      const cap = this.slots.length * 2;
      const s = new Int32Array(cap);
      s.set(this.slots);
      const t = new Float32Array(cap);
      t.set(this.tfs);
      this.slots = s;
      this.tfs = t;
    }
    this.slots[this.length] = slot;
    this.tfs[this.length] = tf;
    this.length++;
  }

  /** tf of a slot, 0 when absent (binary search: slots are ascending). */
  get(slot: number): number {
    let lo = 0;
    let hi = this.length - 1;
    const s = this.slots;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = s[mid];
      if (v === slot) return this.tfs[mid];
      if (v < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Drops entries whose slot is dead; keeps order. Returns removed count. */
  compact(isLive: (slot: number) => boolean): number {
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const slot = this.slots[r];
      if (isLive(slot)) {
        this.slots[w] = slot;
        this.tfs[w] = this.tfs[r];
        w++;
      }
    }
    const removed = this.length - w;
    this.length = w;
    return removed;
  }
}
