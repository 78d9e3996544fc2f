/** A binary heap of (priority, node), ties broken by node index so runs are deterministic. */
export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.values = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    const { keys, values } = this;
    let i = this.size;
    this.size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && values[parent] <= value)) break;
      keys[i] = pk;
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the minimum and returns its node (read its key first with `topKey`). */
  pop(): number {
    const { keys, values } = this;
    const top = values[0];
    this.size -= 1;
    const size = this.size;
    if (size > 0) {
      const key = keys[size];
      const value = values[size];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        let m = l;
        if (r < size && (keys[r] < keys[l] || (keys[r] === keys[l] && values[r] < values[l]))) m = r;
        if (keys[m] > key || (keys[m] === key && values[m] > value)) break;
        keys[i] = keys[m];
        values[i] = values[m];
        i = m;
      }
      keys[i] = key;
      values[i] = value;
    }
    return top;
  }
}
