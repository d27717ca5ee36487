// Gating: which (track, report) pairs may be the same object. A report is in a track's gate when
// its Mahalanobis distance under the innovation covariance S = H P Hᵀ + R is below `gate`; each
// gated pair costs that distance in the assignment. A pass visits only the tracks the track index
// finds near the scan's reports (or all, for small pictures and late scans) and, for each, only
// the reports the scan's grid finds within a radius bounding its gate; the few much vaguer "wide"
// reports are tested against every row directly, so one vague report does not widen every search.

import { cellSizeFor } from '../core/snapped-grid.js';
import { grown, middle } from '../core/typed-arrays.js';
import type { DetectionBatch } from '../model/detection.js';
import type { GnnOptions } from './gnn-options.js';
import { innovate, Innovation } from './kalman-cv.js';
import type { ReportNoise } from './report-noise.js';
import type { ScanReports } from './scan-reports.js';
import { TrackIndex } from './track-index.js';
import { DEAD, type TrackStore } from './track-store.js';

/** Pictures with fewer live tracks than this skip the track index: each scan visits every track. */
const INDEX_MIN_TRACKS = 32;

export class Gating {
  /** Rows of the last pass: rowTrack[row] is the track of each, ascending. */
  rows = 0;
  rowTrack = new Int32Array(64);
  /** The gated pairs of the last pass: row, report (index into the scan) and cost. */
  pairCount = 0;
  pairRow = new Int32Array(256);
  pairCol = new Int32Array(256);
  pairCost = new Float64Array(256);
  /** Pictures with fewer live tracks skip the track index (Infinity: never use it, as in tests). */
  indexMinTracks = INDEX_MIN_TRACKS;

  // The track index (see track-index.ts): valid from its build until the picture's time moves or
  // its rows are renumbered; `near[0..nearCount)` are the scan's nearby rows (nearCount −1: all).
  private readonly index = new TrackIndex();
  private indexValid = false;
  private indexRenumbered = -1;
  private near = new Int32Array(64);
  private nearCount = -1;
  private traces = new Float64Array(64);
  private indexCap = 0;
  private indexBuilds = 0;
  /** Median √trace of the live tracks at this picture time (NaN: not taken yet; −1: none). */
  private medianRadius = NaN;
  private radii = new Float64Array(64);
  /** Per row of the pass: trace of H P Hᵀ and the predicted position at the scan's time. */
  private rowTrace = new Float64Array(64);
  private rowX = new Float64Array(64);
  private rowY = new Float64Array(64);
  private readonly inn = new Innovation();

  // State shared with the grid visitor (no closure per track).
  private visitBatch!: DetectionBatch;
  private visitIndices!: Int32Array;
  private visitTrack = 0;
  private visitRow = 0;
  private visitLag = 0;

  constructor(
    private readonly store: TrackStore,
    private readonly scan: ScanReports,
    private readonly noise: ReportNoise,
    private readonly options: GnnOptions,
  ) {}

  /** The tracks were predicted to a new picture time: the index and the median radius are stale. */
  pictureMoved(): void {
    this.indexValid = false;
    this.medianRadius = NaN;
  }

  /** Track k was updated or created: keeps the index (when built) true to its position. */
  moved(k: number): void {
    if (this.indexValid && this.indexRenumbered === this.store.renumbered) this.place(k);
  }

  /** A typical track's gate radius at this picture time (NaN with no live tracks), m. */
  readonly typicalGateM = (): number => {
    // The median radius steers the search only: taken once per picture time, not per scan.
    if (Number.isNaN(this.medianRadius)) {
      const { store } = this;
      if (this.radii.length < store.count) this.radii = new Float64Array(store.capacity);
      let live = 0;
      for (let k = 0; k < store.count; k++) {
        if (store.status[k] === DEAD) continue;
        const c = 16 * k;
        this.radii[live++] = Math.sqrt(store.cov[c] + store.cov[c + 10]);
      }
      this.medianRadius = live > 0 ? middle(this.radii, live) : -1;
    }
    return this.medianRadius >= 0 ? this.options.gate * this.medianRadius : NaN;
  };

  /**
   * Chooses the rows the passes of this scan visit: a scan at the picture's time visits the
   * tracks the index finds near its reports; a late scan (tracks retrodicted) or a small picture
   * visits them all.
   */
  selectRows(lag: number, n: number): void {
    const { store } = this;
    this.nearCount = lag === 0 && n > 0 && store.live >= this.indexMinTracks ? this.gatherNear() : -1;
  }

  /** The gated pairs between tracks of `status` and the scan's unused reports. */
  pass(batch: DetectionBatch, indices: Int32Array, n: number, lag: number, status: number): void {
    const { store, scan } = this;
    const o = this.options;
    this.pairCount = 0;
    let rows = 0;
    if (this.rowTrack.length < store.count) this.rowTrack = new Int32Array(store.capacity);
    this.visitBatch = batch;
    this.visitIndices = indices;
    this.visitLag = lag;
    const q = o.processNoise;
    const narrowR = scan.narrowR;
    if (this.rowTrace.length < store.count) {
      this.rowTrace = new Float64Array(store.capacity);
      this.rowX = new Float64Array(store.capacity);
      this.rowY = new Float64Array(store.capacity);
    }
    // The rows of the pass, ascending: the tracks near the scan's reports, or all of them. The
    // loop reads the track arrays through locals: nothing it calls replaces them.
    const { state, cov } = store;
    const { rowTrack, rowTrace, rowX, rowY } = this;
    const { minX, minY, maxX, maxY, wide, gridUsed, gridCell, grid } = scan;
    const statusOf = store.status;
    const nearRows = this.near;
    const near = this.nearCount >= 0;
    const end = near ? this.nearCount : store.count;
    for (let i = 0; i < end; i++) {
      const k = near ? nearRows[i] : i;
      if (statusOf[k] !== status) continue;
      const row = rows++;
      rowTrack[row] = k;
      if (n === 0) continue;
      const c = 16 * k;
      const s = 4 * k;
      // Trace of H P Hᵀ (+ the report's R) bounds the largest eigenvalue of S.
      const l2 = lag * lag;
      const trace =
        cov[c] +
        cov[c + 10] +
        (lag === 0
          ? 0
          : -2 * lag * (cov[c + 1] + cov[c + 11]) + l2 * (cov[c + 5] + cov[c + 15]) + (2 * q * l2 * lag) / 3);
      rowTrace[row] = trace;
      const radius = o.gate * Math.sqrt(trace + narrowR);
      this.visitTrack = k;
      this.visitRow = row;
      const px = state[s] - lag * state[s + 1];
      const py = state[s + 2] - lag * state[s + 3];
      rowX[row] = px;
      rowY[row] = py;
      // A gate clear of the scan's reports finds none of them (the brute-force box check below).
      if (px + radius < minX || px - radius > maxX || py + radius < minY || py - radius > maxY) continue;
      const span = (2 * radius) / gridCell + 1;
      if (!gridUsed || span * span > n) {
        // A handful of reports, or a gate wider than the scan: test them all after a box check.
        for (let d = 0; d < n; d++) {
          if (wide[d]) continue;
          const m = indices[d];
          if (Math.abs(batch.x[m] - px) <= radius && Math.abs(batch.y[m] - py) <= radius) this.visit(d);
        }
        continue;
      }
      grid!.forEachNear(px, py, radius, this.visit);
    }
    this.rows = rows;
    // Reports much vaguer than the scan's typical one are tested against every row directly.
    // Squared gate factor with a little slack: a cheap test that only drops rows the exact one would.
    const slack2 = o.gate * o.gate * (1 + 1e-9);
    for (let d = 0; d < scan.wideCount; d++) {
      const w = scan.wideList[d];
      if (scan.used[w]) continue;
      const m = indices[w];
      const rw = scan.trace[w];
      const mx = batch.x[m];
      const my = batch.y[m];
      for (let row = 0; row < rows; row++) {
        const dx = mx - rowX[row];
        const dy = my - rowY[row];
        const r2 = slack2 * (rowTrace[row] + rw);
        if (dx * dx > r2 || dy * dy > r2) continue;
        const radius = o.gate * Math.sqrt(rowTrace[row] + rw);
        if (Math.abs(dx) > radius || Math.abs(dy) > radius) continue;
        this.visitTrack = rowTrack[row];
        this.visitRow = row;
        this.visit(w);
      }
    }
  }

  /** Tests report d of the scan against the visited track; a gated pair is recorded. */
  private readonly visit = (d: number): void => {
    if (this.scan.used[d]) return;
    const b = this.visitBatch;
    const k = this.visitIndices[d];
    const o = this.options;
    const noise = this.noise;
    noise.read(b, k);
    const inn = this.inn;
    const { state, cov } = this.store;
    if (
      !innovate(
        state,
        cov,
        this.visitTrack,
        b.x[k],
        b.y[k],
        noise.rxx,
        noise.rxy,
        noise.ryy,
        this.visitLag,
        o.processNoise,
        inn,
      )
    )
      return;
    const gate2 = o.gate * o.gate;
    if (!(inn.d2 < gate2)) return;
    const p = this.pairCount++;
    if (p === this.pairRow.length) {
      this.pairRow = grown(this.pairRow, 2 * p);
      this.pairCol = grown(this.pairCol, 2 * p);
      this.pairCost = grown(this.pairCost, 2 * p);
    }
    this.pairRow[p] = this.visitRow;
    this.pairCol[p] = d;
    this.pairCost[p] = Math.sqrt(inn.d2);
  };

  /** Rows whose gate may reach the scan's reports, ascending, into `near`; their count. */
  private gatherNear(): number {
    const { store, scan } = this;
    if (!this.indexValid || this.indexRenumbered !== store.renumbered) this.buildIndex();
    if (this.near.length < store.count) this.near = new Int32Array(store.capacity);
    // A cell costs about a quarter of a track's gate test: past that, test every track.
    const budget = 4 * store.live;
    return this.index.gather(
      scan.minX,
      scan.minY,
      scan.maxX,
      scan.maxY,
      this.options.gate,
      scan.maxTrace,
      this.near,
      budget,
    );
  }

  /** Indexes every live track at its position; gates over 4× the median radius are kept apart. */
  private buildIndex(): void {
    const { store } = this;
    if (this.traces.length < store.count) this.traces = new Float64Array(store.capacity);
    // The cap (and cell size) only steer the search, never its result: refresh them now and then.
    const refresh = this.indexBuilds++ % 16 === 0 || !(this.indexCap > 0);
    let live = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const { status, state, cov } = store;
    for (let k = 0; k < store.count; k++) {
      if (status[k] === DEAD) continue;
      if (refresh) this.traces[live++] = cov[16 * k] + cov[16 * k + 10];
      const x = state[4 * k];
      const y = state[4 * k + 2];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (!(minX <= maxX && minY <= maxY)) minX = minY = maxX = maxY = 0;
    if (refresh) this.indexCap = 16 * middle(this.traces, live);
    const cap = this.indexCap;
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    const cell = cellSizeFor(this.options.gate * Math.sqrt(cap), extent, 256);
    this.index.reset(store.count, minX, minY, maxX, maxY, cell, cap, 2 * store.count + 64);
    for (let k = 0; k < store.count; k++) if (status[k] !== DEAD) this.place(k);
    this.indexValid = true;
    this.indexRenumbered = store.renumbered;
  }

  /** (Re)places track k in the index at its current position and covariance. */
  private place(k: number): void {
    const { state, cov } = this.store;
    const c = 16 * k;
    this.index.place(k, state[4 * k], state[4 * k + 2], cov[c] + cov[c + 10]);
  }
}
