// A spatial index of a tracker's tracks for one picture time, so that a scan visits the tracks near
// its reports instead of the whole picture. Each track sits in a uniform grid cell by its position,
// with the trace of its position covariance; a scan asks for every track whose gate could reach its
// reports' bounding box. Tracks whose trace exceeds the index's cap (wide gates: just seeded, long
// coasting) are kept apart and always returned, so the cap bounds the search margin of the others.
// A track that changes within the picture time (updated, seeded) is placed again; only the latest
// placement of a row counts.

import { SnappedGrid } from '../core/snapped-grid.js';
import type { SpatialGrid } from '../core/spatial-grid.js';
import { grown, sortAscending } from '../core/typed-arrays.js';

export class TrackIndex {
  private readonly snapped = new SnappedGrid();
  private grid: SpatialGrid | undefined;
  /** Row of each entry (one entry per placement). */
  private entryRow = new Int32Array(256);
  private entries = 0;
  /** Entries the grid holds at most until the next reset; later placements go to `always`. */
  private gridCapacity = 0;
  /** Latest entry of each row, or -1 when the row is not placed. */
  private latest = new Int32Array(64).fill(-1);
  /** Entries returned by every query: wide gates, and placements past the grid's capacity. */
  private always = new Int32Array(64);
  private alwaysCount = 0;
  /** Largest position-covariance trace of a track kept in the grid, m². */
  private traceCap = 0;

  // Query output, shared with the grid visitor (no closure per query).
  private out: Int32Array = new Int32Array(0);
  private found = 0;
  private readonly collect = (e: number): void => {
    const row = this.entryRow[e];
    if (this.latest[row] === e) this.out[this.found++] = row;
  };

  /**
   * Empties the index for rows 0..rows-1, over a grid of `cellM` cells framing
   * [minX, maxX] × [minY, maxY] (points outside fall into the edge cells, so nothing is lost), with
   * room for about `capacity` placements. Tracks with a trace over `traceCap` are kept apart.
   */
  reset(
    rows: number,
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    cellM: number,
    traceCap: number,
    capacity: number,
  ): void {
    if (this.latest.length < rows) this.latest = new Int32Array(Math.max(rows, 2 * this.latest.length));
    this.latest.fill(-1, 0, rows);
    this.grid = this.snapped.cover(minX, minY, maxX, maxY, cellM, capacity);
    this.grid.reset(capacity);
    this.gridCapacity = capacity;
    this.entries = 0;
    this.alwaysCount = 0;
    this.traceCap = traceCap;
  }

  /** Places row `row` at (x, y) with position-covariance trace `trace`, replacing its earlier place. */
  place(row: number, x: number, y: number, trace: number): void {
    if (row >= this.latest.length) {
      const n = Math.max(row + 1, 2 * this.latest.length);
      const old = this.latest.length;
      this.latest = grown(this.latest, n);
      this.latest.fill(-1, old, n);
    }
    const e = this.entries++;
    if (e === this.entryRow.length) this.entryRow = grown(this.entryRow, 2 * e);
    this.entryRow[e] = row;
    this.latest[row] = e;
    // A NaN trace or position fails the test and is kept apart too.
    if (trace <= this.traceCap && e < this.gridCapacity && x - x === 0 && y - y === 0)
      this.grid!.insert(e, x, y);
    else {
      if (this.alwaysCount === this.always.length) this.always = grown(this.always, 2 * this.alwaysCount);
      this.always[this.alwaysCount++] = e;
    }
  }

  /** Takes row `row` out of the index. */
  remove(row: number): void {
    if (row < this.latest.length) this.latest[row] = -1;
  }

  /**
   * Writes into `out` (ascending, each row once) every placed row whose gate may reach a point of
   * [minX, maxX] × [minY, maxY]: a row at (x, y) with trace t is returned whenever
   * |px − x| ≤ gate·√(t + reportTrace) and |py − y| ≤ gate·√(t + reportTrace) for some point
   * (px, py) of the box (some rows farther off may come too). Returns how many rows it wrote, or
   * −1 without writing any when the search would visit more than `maxCells` grid cells (a box
   * as wide as the picture: then visiting every track is cheaper). `out` must hold one slot per row.
   */
  gather(
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    gate: number,
    reportTrace: number,
    out: Int32Array,
    maxCells = Infinity,
  ): number {
    // The farthest a kept track's gate reaches, with a hair of slack for rounding.
    const reach = gate * Math.sqrt(this.traceCap + reportTrace) * (1 + 1e-9) + 1e-6;
    const half = 0.5 * Math.max(maxX - minX, maxY - minY) + reach;
    const cx = 0.5 * (minX + maxX);
    const cy = 0.5 * (minY + maxY);
    const grid = this.grid;
    if (grid && grid.cellsNear(cx, cy, half) > maxCells) return -1;
    this.out = out;
    this.found = 0;
    grid?.forEachNear(cx, cy, half, this.collect);
    for (let i = 0; i < this.alwaysCount; i++) this.collect(this.always[i]);
    const n = this.found;
    sortAscending(out, n);
    this.out = EMPTY;
    return n;
  }
}

const EMPTY = new Int32Array(0);
