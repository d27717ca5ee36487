// A SpatialGrid over a changing set of points (a scan's reports, a picture's tracks) whose frame
// snaps to blocks of 16 cells: successive sets over about the same area keep one frame, and a new
// frame re-uses the grid's arrays (they grow only when a frame needs more cells than any before).

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
    const same = x0 === this.x0 && y0 === this.y0 && w === this.w && h === this.h && cellM === this.cell;
    if (!this.grid) this.grid = new SpatialGrid(x0, y0, w, h, cellM, capacity);
    else if (!same) this.grid.reframe(x0, y0, w, h, cellM, capacity);
    this.x0 = x0;
    this.y0 = y0;
    this.w = w;
    this.h = h;
    this.cell = cellM;
    return this.grid;
  }
}

/** A power-of-two cell size near `target`, at least `minM`, with between 4 and 256 cells across the extent. */
export function cellSizeFor(target: number, extentM: number, minM: number): number {
  const pow2 = (x: number) => 2 ** Math.ceil(Math.log2(Math.max(x, 1e-3)));
  const lower = pow2(Math.max(minM, extentM / 256));
  const upper = Math.max(lower, pow2(extentM / 4));
  return Math.min(Math.max(pow2(target), lower), upper);
}
