// An integer → integer hash map on typed arrays (open addressing, linear probing): rebuilt every
// step for track lookups without the allocation and hashing cost of a Map.

export class IntMap {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 64) {
    const slots = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Int32Array(slots).fill(-1);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
  }

  clear(): void {
    if (this.size > 0) this.keys.fill(-1);
    this.size = 0;
  }

  /** Sets key (a non-negative int32) to value. */
  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let slot = hash(key) & this.mask;
    while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === -1) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  /** The value of key, or -1. */
  get(key: number): number {
    let slot = hash(key) & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === key) return this.values[slot];
      if (k === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2).fill(-1);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== -1) this.set(oldKeys[i], oldValues[i]);
  }
}

function hash(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
}
