// A fixed set of ground points (microphone nodes, observer posts) indexed once in a spatial grid,
// so "which points are near this threat" costs the points nearby, not all of them.

import { SpatialGrid } from '../core/spatial-grid.js';

export interface PointIndex {
  x: Float64Array;
  y: Float64Array;
  grid: SpatialGrid;
}

/** Indexes the points (east[i], north[i]) in cells of about `cellM` (at most 1,024 across). */
export function indexPoints(east: readonly number[], north: readonly number[], cellM: number): PointIndex {
  const n = east.length;
  const x = Float64Array.from(east);
  const y = Float64Array.from(north);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < n; k++) {
    minX = Math.min(minX, x[k]);
    maxX = Math.max(maxX, x[k]);
    minY = Math.min(minY, y[k]);
    maxY = Math.max(maxY, y[k]);
  }
  const cell = Math.max(cellM, Math.max(maxX - minX, maxY - minY) / 1024, 1);
  const grid = new SpatialGrid(
    minX - cell,
    minY - cell,
    maxX - minX + 2 * cell,
    maxY - minY + 2 * cell,
    cell,
    n,
  );
  grid.rebuild(n, x, y, () => true);
  return { x, y, grid };
}
