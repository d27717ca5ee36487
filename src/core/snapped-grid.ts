// A SpatialGrid over a changing set of points (a scan's reports, a picture's tracks) whose frame
// snaps to blocks of 16 cells: successive sets over about the same area reuse one grid instead of
// allocating a new one each time. A grid is kept while the area fits in it, its cells are within a
// factor of two of the size asked for, and it is not more than four times larger than needed.

import { SpatialGrid } from './spatial-grid.js';

export class SnappedGrid {
  private grid: SpatialGrid | undefined;
  private x0 = NaN;
  private y0 = NaN;
  private w = NaN;
  private h = NaN;
  private cell = NaN;

  /** A grid of the given cell size covering [minX, maxX] × [minY, maxY], for up to `capacity` points. */
  cover(
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    cellM: number,
    capacity: number,
  ): SpatialGrid {
    const block = 16 * cellM;
    const x0 = Math.floor(minX / block) * block;
    const y0 = Math.floor(minY / block) * block;
    const w = (Math.floor(maxX / block) + 1) * block - x0;
    const h = (Math.floor(maxY / block) + 1) * block - y0;
    if (
      !this.grid ||
      x0 !== this.x0 ||
      y0 !== this.y0 ||
      w !== this.w ||
      h !== this.h ||
      cellM !== this.cell
    ) {
      this.grid = new SpatialGrid(x0, y0, w, h, cellM, capacity);
      this.x0 = x0;
      this.y0 = y0;
      this.w = w;
      this.h = h;
      this.cell = cellM;
    }
    return this.grid!;
  }
}

/** A power-of-two cell size near `target`, within [minM, extent/4] so no grid gets too fine or too coarse. */
export function cellSizeFor(target: number, extentM: number, minM: number): number {
  const upper = Math.max(minM, extentM / 4);
  const cell = 2 ** Math.ceil(Math.log2(Math.max(target, minM)));
  return Math.min(cell, 2 ** Math.ceil(Math.log2(upper)));
}
