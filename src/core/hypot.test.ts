import { describe, expect, it } from 'vitest';
import { hypot2 } from './hypot.js';
import { streamFor } from './rng.js';

describe('hypot2', () => {
  it('matches Math.hypot on special values', () => {
    const values = [0, -0, 1, -1, 3, 4, Infinity, -Infinity, NaN, 5e-324, 1e-300, 1e308, Number.MAX_VALUE];
    for (const a of values)
      for (const b of values) expect(Object.is(hypot2(a, b), Math.hypot(a, b))).toBe(true);
    expect(hypot2(3, 4)).toBe(5);
  });

  it('matches Math.hypot bit for bit on random values of every scale', () => {
    const rng = streamFor(1, 'hypot');
    let mismatches = 0;
    for (let k = 0; k < 200_000; k++) {
      const a = (rng.next() - 0.5) * 10 ** rng.int(20) * 10 ** -6;
      const b = (rng.next() - 0.5) * 10 ** rng.int(20) * 10 ** -6;
      if (hypot2(a, b) !== Math.hypot(a, b)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
