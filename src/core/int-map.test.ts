import { describe, expect, it } from 'vitest';
import { IntMap } from './int-map.js';
import { streamFor } from './rng.js';

describe('IntMap', () => {
  it('agrees with a Map over random inserts, overwrites, clears and growth', () => {
    const rng = streamFor(1, 'int-map');
    const map = new IntMap(4);
    const reference = new Map<number, number>();
    for (let step = 0; step < 20_000; step++) {
      const action = rng.next();
      if (action < 0.001) {
        map.clear();
        reference.clear();
      } else {
        const key = rng.int(action < 0.5 ? 50 : 2 ** 31 - 1);
        const value = rng.int(1000);
        map.set(key, value);
        reference.set(key, value);
      }
      const probe = rng.int(60);
      expect(map.get(probe)).toBe(reference.get(probe) ?? -1);
    }
    for (const [k, v] of reference) expect(map.get(k)).toBe(v);
  });
});
