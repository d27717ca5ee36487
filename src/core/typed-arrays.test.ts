import { describe, expect, it } from 'vitest';
import { streamFor } from './rng.js';
import { sortAscending } from './typed-arrays.js';

describe('sortAscending', () => {
  it('sorts the first n integers in place as a typed-array sort does, leaving the rest', () => {
    const rng = streamFor(2, 'sort-ascending');
    for (const n of [0, 1, 2, 5, 63, 64, 65, 200]) {
      const a = Int32Array.from({ length: n + 3 }, () => rng.int(50) - 25);
      const expected = Int32Array.from(a);
      expected.subarray(0, n).sort();
      sortAscending(a, n);
      expect(Array.from(a)).toEqual(Array.from(expected));
    }
  });
});
