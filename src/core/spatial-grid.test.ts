import { describe, expect, it } from 'vitest';
import { streamFor } from './rng.js';
import { cellSizeFor, SnappedGrid } from './snapped-grid.js';
import { SpatialGrid } from './spatial-grid.js';

function visited(grid: SpatialGrid, x: number, y: number, r: number): number[] {
  const out: number[] = [];
  grid.forEachNear(x, y, r, (i) => out.push(i));
  return out;
}

describe('SpatialGrid', () => {
  it('visits every point within the radius, and as a fresh grid does after re-framing', () => {
    const rng = streamFor(4, 'spatial-grid');
    const snapped = new SnappedGrid();
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + rng.int(200);
      const x0 = rng.uniform(-1e5, 1e5);
      const y0 = rng.uniform(-1e5, 1e5);
      const w = rng.uniform(100, 1e5);
      const xs = Float64Array.from({ length: n }, () => x0 + rng.uniform(-0.1, 1.1) * w);
      const ys = Float64Array.from({ length: n }, () => y0 + rng.uniform(-0.1, 1.1) * w);
      const cell = cellSizeFor(rng.uniform(10, w / 2), w, 1);
      // The same snapped grid, re-framed trial after trial, against a new grid of the same frame.
      const grid = snapped.cover(x0, y0, x0 + w, y0 + w, cell, n);
      grid.rebuild(n, xs, ys, () => true);
      const block = 16 * cell;
      const fx = Math.floor(x0 / block) * block;
      const fy = Math.floor(y0 / block) * block;
      const fresh = new SpatialGrid(
        fx,
        fy,
        (Math.floor((x0 + w) / block) + 1) * block - fx,
        (Math.floor((y0 + w) / block) + 1) * block - fy,
        cell,
        n,
      );
      fresh.rebuild(n, xs, ys, () => true);
      for (let q = 0; q < 20; q++) {
        const qx = x0 + rng.uniform(-0.3, 1.3) * w;
        const qy = y0 + rng.uniform(-0.3, 1.3) * w;
        const r = rng.uniform(0, w / 3);
        const seen = visited(grid, qx, qy, r);
        expect(seen).toEqual(visited(fresh, qx, qy, r));
        expect(new Set(seen).size).toBe(seen.length);
        expect(grid.cellsNear(qx, qy, r)).toBe(fresh.cellsNear(qx, qy, r));
        for (let i = 0; i < n; i++)
          if (Math.abs(xs[i] - qx) <= r && Math.abs(ys[i] - qy) <= r) expect(seen).toContain(i);
      }
    }
  });
});
