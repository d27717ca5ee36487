// The reports of one scan as the gating sees them: which are already used, each one's error size
// (trace of its covariance R), the "narrow" majority and the few much vaguer "wide" ones, their
// bounding box, and a spatial grid over the narrow unused ones so that a track's gate visits the
// reports near it rather than all of them.

import { cellSizeFor, SnappedGrid } from '../core/snapped-grid.js';
import type { SpatialGrid } from '../core/spatial-grid.js';
import { middle } from '../core/typed-arrays.js';
import type { DetectionBatch } from '../model/detection.js';

/** Scans with at most this many reports skip the spatial grid. */
const SMALL_SCAN = 24;

export class ScanReports {
  /** Reports of the scan already given to a track (or seeding one). */
  used = new Uint8Array(256);
  /** Trace of each report's R, floored. */
  trace = new Float64Array(256);
  /** 1 for reports whose error is over 4× the scan's median: tested against every track directly. */
  wide = new Uint8Array(256);
  wideList = new Int32Array(256);
  wideCount = 0;
  /** Largest trace among the narrow reports (at least the floor). */
  narrowR = 0;
  /** Largest report trace of the scan (narrow or wide). */
  maxTrace = 0;
  /** Bounding box of the scan's reports. */
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  /** Whether the scan is large enough for the grid; its grid and cell size when it is. */
  gridUsed = false;
  grid: SpatialGrid | undefined;
  gridCell = 0;

  private sortedTrace = new Float64Array(256);
  /** One reusable grid per sensor: each sensor's scans cover about the same area. */
  private readonly snapped: SnappedGrid[] = [];
  private gridXs = new Float64Array(256);
  private gridYs = new Float64Array(256);
  private readonly includeUnused = (d: number): boolean => !this.used[d] && !this.wide[d];

  /** Takes in reports indices[0..n) of `batch`: none used yet; traces, wide ones, bounding box. */
  split(batch: DetectionBatch, indices: Int32Array, n: number, minSigmaM: number): void {
    if (this.used.length < n) this.used = new Uint8Array(Math.max(n, 2 * this.used.length));
    this.used.fill(0, 0, n);
    const floor = 2 * minSigmaM * minSigmaM;
    if (this.trace.length < n) {
      this.trace = new Float64Array(2 * n);
      this.sortedTrace = new Float64Array(2 * n);
      this.wide = new Uint8Array(2 * n);
      this.wideList = new Int32Array(2 * n);
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let d = 0; d < n; d++) {
      const k = indices[d];
      const r = batch.covXX[k] + batch.covYY[k] || 2 * batch.sigmaM[k] * batch.sigmaM[k];
      this.trace[d] = Math.max(r, floor);
      this.sortedTrace[d] = this.trace[d];
      const x = batch.x[k];
      const y = batch.y[k];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const limit = n > 0 ? 4 * middle(this.sortedTrace, n) : floor;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.narrowR = floor;
    this.maxTrace = floor;
    this.wideCount = 0;
    for (let d = 0; d < n; d++) {
      const r = this.trace[d];
      if (r > this.maxTrace) this.maxTrace = r;
      if (r > limit) {
        this.wide[d] = 1;
        this.wideList[this.wideCount++] = d;
      } else {
        this.wide[d] = 0;
        if (r > this.narrowR) this.narrowR = r;
      }
    }
  }

  /**
   * Grids the narrow unused reports of a large scan from `sensor`, in cells near a typical
   * track's gate radius (`typicalGateM()`, asked only here; NaN when there are no tracks), so a
   * query visits a few cells.
   */
  buildGrid(
    batch: DetectionBatch,
    indices: Int32Array,
    n: number,
    sensor: number,
    typicalGateM: () => number,
  ): void {
    this.gridUsed = n > SMALL_SCAN;
    if (!this.gridUsed) return;
    const { minX, minY, maxX, maxY } = this;
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    const gateM = typicalGateM();
    const typical = Number.isNaN(gateM) ? extent / 64 : gateM;
    const cell = cellSizeFor(typical, extent, 128);
    const snapped = (this.snapped[sensor] ??= new SnappedGrid());
    this.grid = snapped.cover(minX, minY, maxX, maxY, cell, n);
    this.gridCell = this.grid.cellM;
    const xs = batch.x;
    const ys = batch.y;
    if (this.gridXs.length < n) {
      this.gridXs = new Float64Array(2 * n);
      this.gridYs = new Float64Array(2 * n);
    }
    for (let d = 0; d < n; d++) {
      this.gridXs[d] = xs[indices[d]];
      this.gridYs[d] = ys[indices[d]];
    }
    this.grid.rebuild(n, this.gridXs, this.gridYs, this.includeUnused);
  }
}
