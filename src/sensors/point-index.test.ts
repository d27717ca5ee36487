import { describe, expect, it } from 'vitest';
import { streamFor } from '../core/rng.js';
import { PointIndex } from './point-index.js';

describe('PointIndex.within', () => {
  it('finds exactly the points in the disc, row by row of cells then by index, as brute force', () => {
    const rng = streamFor(3, 'point-index');
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + rng.int(300);
      const east = Array.from({ length: n }, () => rng.uniform(-20_000, 30_000));
      const north = Array.from({ length: n }, () => rng.uniform(-5_000, 15_000));
      const cellM = rng.uniform(200, 6000);
      const index = new PointIndex(east, north, cellM);
      for (let q = 0; q < 30; q++) {
        const x = rng.uniform(-40_000, 50_000);
        const y = rng.uniform(-25_000, 35_000);
        const r2 = rng.uniform(0, 8000) ** 2;
        const m = index.within(x, y, r2);
        const found = Array.from(index.hits.subarray(0, m));
        const expected: number[] = [];
        for (let k = 0; k < n; k++) if ((x - east[k]) ** 2 + (y - north[k]) ** 2 <= r2) expected.push(k);
        expect([...found].sort((a, b) => a - b)).toEqual(expected);
        for (let h = 0; h < m; h++)
          expect(index.hitD2[h]).toBe((x - east[found[h]]) ** 2 + (y - north[found[h]]) ** 2);
        // Visiting order: by cell row, then cell column, then index (never decreasing in that key).
        const cell = Math.max(
          cellM,
          Math.max(Math.max(...east) - Math.min(...east), Math.max(...north) - Math.min(...north)) / 1024,
          1,
        );
        const key = (k: number) => {
          const cx = Math.floor((east[k] - (Math.min(...east) - cell)) / cell);
          const cy = Math.floor((north[k] - (Math.min(...north) - cell)) / cell);
          return [cy, cx, k];
        };
        for (let h = 1; h < m; h++) {
          const [a, b] = [key(found[h - 1]), key(found[h])];
          const before = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
          expect(before).toBe(true);
        }
      }
    }
  });

  it('answers nothing for an empty set or a disc far outside the points', () => {
    expect(new PointIndex([], [], 100).within(0, 0, 1e12)).toBe(0);
    const index = new PointIndex([0, 1000], [0, 0], 500);
    expect(index.within(1e6, 0, 1e8)).toBe(0);
    expect(index.within(1000, 10, 200)).toBe(1);
    expect(index.hits[0]).toBe(1);
  });
});
