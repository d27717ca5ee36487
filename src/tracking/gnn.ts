// Global-nearest-neighbour multi-target tracker: constant-velocity Kalman filters (or, with
// motion 'imm', an IMM bank of constant-velocity and coordinated-turn filters), Mahalanobis
// gating, one assignment per scan solved by the linear assignment solver (each track may also be
// "missed" at a fixed cost), split into independent gated clusters; M-of-N confirmation of
// tentative tracks, deletion after consecutive misses or a long coast, stable track ids; reports
// of several sensors are fused scan by scan, each with its own noise.
//
// Order within a scan (one sensor, one report time): predict → associate and update confirmed
// tracks → delete confirmed tracks at their K-th consecutive miss → associate the leftover reports
// with tentative tracks and update → confirm → drop tentative tracks → seed tentative tracks from
// the reports still unused.

import { SparseAssignment } from '../core/sparse-assignment.js';
import { cellSizeFor, SnappedGrid } from '../core/snapped-grid.js';
import type { SpatialGrid } from '../core/spatial-grid.js';
import { grown, sortAscending } from '../core/typed-arrays.js';
import type { DetectionBatch } from '../model/detection.js';
import type { TrackTable } from '../model/track.js';
import { TrackIndex } from './track-index.js';
import { applyUpdate, initCv, innovate, Innovation, predictCv } from './kalman-cv.js';
import { GNN_DEFAULTS, type GnnOptions } from './gnn-options.js';
import { ImmBank, IMM_DEFAULTS } from './imm.js';
import type { Tracker, TrackerOptions } from './types.js';

/** Scans with at most this many reports skip the spatial grid. */
const SMALL_SCAN = 24;
/** Pictures with fewer live tracks than this skip the track index: each scan visits every track. */
const INDEX_MIN_TRACKS = 32;
const TENTATIVE = 0;
const CONFIRMED = 1;
/** A deleted track's row, skipped by every pass until the next compaction. */
const DEAD = 2;
/** Log-odds bound of the decoy probability, so no report can make a class certain. */
const MAX_LOGIT = 9;

export class GnnTracker {
  /**
   * Tracks (tentative and confirmed), rows 0..count-1 in order of creation. Deleted tracks stay
   * as DEAD rows until enough of them pile up to be worth a compaction (see drop).
   */
  count = 0;
  /** DEAD rows among rows 0..count-1. */
  private dead = 0;
  state = new Float64Array(4 * 64);
  cov = new Float64Array(16 * 64);
  id = new Int32Array(64);
  status = new Uint8Array(64);
  /** Hit/miss history of a tentative track, newest in bit 0. */
  history = new Uint32Array(64);
  scans = new Int32Array(64);
  misses = new Int32Array(64);
  lastSensor = new Int32Array(64);
  lastUpdateS = new Float64Array(64);
  bornS = new Float64Array(64);
  confirmedS = new Float64Array(64);
  decoyLogit = new Float64Array(64);
  z = new Float64Array(64);
  zVar = new Float64Array(64);
  /** Time of every track's state, s. */
  timeS = -Infinity;
  /** Pictures with fewer live tracks skip the track index (Infinity: never use it, as in tests). */
  indexMinTracks = INDEX_MIN_TRACKS;
  private nextId = 1;

  // Per-scan scratch.
  private assigned = new Int32Array(64);
  private used = new Uint8Array(256);
  private pairRow = new Int32Array(256);
  private pairCol = new Int32Array(256);
  private pairCost = new Float64Array(256);
  private pairCount = 0;
  private rowTrack = new Int32Array(64);
  private readonly assignment = new SparseAssignment();
  private readonly inn = new Innovation();
  private grid: SpatialGrid | undefined;
  private capacity = 64;
  /** The IMM filters behind each row's state when motion is 'imm'. */
  readonly imm: ImmBank | undefined;

  constructor(readonly options: GnnOptions) {
    if (options.motion === 'imm') this.imm = new ImmBank({ ...IMM_DEFAULTS, ...options.imm });
  }

  /**
   * Folds one scan into the picture: reports `indices[0..n)` of `batch`, all from `sensor` at time
   * `timeS`. Scans must come in order of arrival; a scan older than the picture is folded in as a
   * late report (see kalman-cv).
   */
  processScan(batch: DetectionBatch, indices: Int32Array, n: number, timeS: number, sensor: number): void {
    const o = this.options;
    if (timeS > this.timeS) {
      const dt = Number.isFinite(this.timeS) ? timeS - this.timeS : 0;
      this.predictAll(dt);
      this.timeS = timeS;
    }
    const lag = this.timeS - timeS;
    if (this.used.length < n) this.used = new Uint8Array(Math.max(n, 2 * this.used.length));
    this.used.fill(0, 0, n);
    if (this.assigned.length < this.count) this.assigned = new Int32Array(this.capacity);

    const countsMisses = o.sensorCountsMisses?.[sensor] ?? true;
    this.scanSensor = sensor;
    this.splitReports(batch, indices, n);
    this.buildGrid(batch, indices, n);
    // A scan at the picture's time visits the tracks the index finds near its reports; a late scan
    // (tracks retrodicted) or a small picture visits them all.
    this.nearCount =
      lag === 0 && n > 0 && this.count - this.dead >= this.indexMinTracks ? this.gatherNear() : -1;
    this.associate(batch, indices, n, lag, CONFIRMED);
    this.applyAssociation(batch, indices, lag, CONFIRMED, sensor, countsMisses, timeS);
    this.associate(batch, indices, n, lag, TENTATIVE);
    this.applyAssociation(batch, indices, lag, TENTATIVE, sensor, countsMisses, timeS);
    this.prune();
    for (let d = 0; d < n; d++) if (!this.used[d]) this.seed(batch, indices[d], sensor, timeS);
  }

  /** Predicts every track dt ≥ 0 seconds ahead. */
  private predictAll(dt: number): void {
    const q = this.options.processNoise;
    const imm = this.imm;
    const status = this.status;
    this.indexValid = false;
    this.medianRadius = NaN;
    if (imm) {
      for (let k = 0; k < this.count; k++)
        if (status[k] !== DEAD) imm.predict(k, dt, q, this.state, this.cov);
    } else {
      for (let k = 0; k < this.count; k++) if (status[k] !== DEAD) predictCv(this.state, this.cov, k, dt, q);
    }
  }

  /** Deletes confirmed tracks not updated within maxCoastS of time t. */
  coast(t: number): void {
    const limit = this.options.maxCoastS;
    if (Number.isFinite(limit)) {
      for (let k = 0; k < this.count; k++)
        if (this.status[k] !== DEAD && !(t - this.lastUpdateS[k] <= limit)) this.drop(k);
    }
    // Once a step: squeeze the dead rows out when they are a fifth of the rows or more, so each
    // deleted track costs O(1) row moves on average and the passes walk few dead rows.
    if (this.dead > 0 && 5 * this.dead >= this.count) this.compactLive();
  }

  /** Writes the confirmed tracks, predicted to time t, into `out`. */
  writeConfirmed(t: number, out: TrackTable): void {
    out.clear();
    const dt = Number.isFinite(this.timeS) ? Math.max(0, t - this.timeS) : 0;
    for (let k = 0; k < this.count; k++) {
      if (this.status[k] !== CONFIRMED) continue;
      const i = out.add();
      const s = 4 * k;
      const c = 16 * k;
      out.id[i] = this.id[k];
      out.x[i] = this.state[s] + dt * this.state[s + 1];
      out.y[i] = this.state[s + 2] + dt * this.state[s + 3];
      out.z[i] = this.z[k];
      out.vx[i] = this.state[s + 1];
      out.vy[i] = this.state[s + 3];
      out.vz[i] = 0;
      out.sigmaM[i] = Math.sqrt(0.5 * (this.cov[c] + this.cov[c + 10]));
      out.pDecoy[i] = 1 / (1 + Math.exp(-this.decoyLogit[k]));
      out.lastUpdateS[i] = t;
    }
  }

  private buildGrid(batch: DetectionBatch, indices: Int32Array, n: number): void {
    this.gridUsed = n > SMALL_SCAN;
    if (!this.gridUsed) return;
    const { minX, minY, maxX, maxY } = this;
    // Cells near the typical gate radius of the tracks, so a query visits a few cells.
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    // The median radius steers the search only: taken once per picture time, not per scan.
    if (Number.isNaN(this.medianRadius)) {
      if (this.radii.length < this.count) this.radii = new Float64Array(this.capacity);
      let live = 0;
      for (let k = 0; k < this.count; k++) {
        if (this.status[k] === DEAD) continue;
        const c = 16 * k;
        this.radii[live++] = Math.sqrt(this.cov[c] + this.cov[c + 10]);
      }
      this.medianRadius = live > 0 ? middle(this.radii, live) : -1;
    }
    const typical = this.medianRadius >= 0 ? this.options.gate * this.medianRadius : extent / 64;
    const cell = cellSizeFor(typical, extent, 128);
    const snapped = (this.snapped[this.scanSensor] ??= new SnappedGrid());
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

  private gridUsed = false;
  private scanSensor = 0;
  private gridCell = 0;
  private radii = new Float64Array(64);
  /** Median √trace of the live tracks at this picture time (NaN: not taken yet; −1: none). */
  private medianRadius = NaN;
  /** One reusable grid per sensor: each sensor's scans cover about the same area. */
  private readonly snapped: SnappedGrid[] = [];

  private gridXs = new Float64Array(256);
  private gridYs = new Float64Array(256);
  private readonly includeUnused = (d: number): boolean => !this.used[d] && !this.wide[d];

  // Report extents of the scan: trace of each report's R, the "narrow" bound, the wide ones.
  private reportTrace = new Float64Array(256);
  private sortedTrace = new Float64Array(256);
  private wide = new Uint8Array(256);
  private wideList = new Int32Array(256);
  private wideCount = 0;
  private narrowR = 0;
  /** Largest report trace of the scan (narrow or wide). */
  private maxTrace = 0;
  /** Per row of the pass: trace of H P Hᵀ and the predicted position at the scan's time. */
  private rowTrace = new Float64Array(64);
  private rowX = new Float64Array(64);
  private rowY = new Float64Array(64);
  /** Bounding box of the scan's reports. */
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  /** Marks reports whose error is over 4× the scan's median as wide (see associate). */
  private splitReports(batch: DetectionBatch, indices: Int32Array, n: number): void {
    const floor = 2 * this.options.minSigmaM * this.options.minSigmaM;
    if (this.reportTrace.length < n) {
      this.reportTrace = new Float64Array(2 * n);
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
      this.reportTrace[d] = Math.max(r, floor);
      this.sortedTrace[d] = this.reportTrace[d];
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
      const r = this.reportTrace[d];
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

  // The track index (see track-index.ts): valid from its build until the picture's time moves or
  // its rows are renumbered; `near[0..nearCount)` are the scan's nearby rows (nearCount −1: all).
  private readonly index = new TrackIndex();
  private indexValid = false;
  private near = new Int32Array(64);
  private nearCount = -1;
  private traces = new Float64Array(64);
  private indexCap = 0;
  private indexBuilds = 0;

  /** Rows whose gate may reach the scan's reports, ascending, into `near`; their count. */
  private gatherNear(): number {
    if (!this.indexValid) this.buildIndex();
    const o = this.options;
    // A cell costs about a quarter of a track's gate test: past that, test every track.
    const budget = 4 * (this.count - this.dead);
    return this.index.gather(
      this.minX,
      this.minY,
      this.maxX,
      this.maxY,
      o.gate,
      this.maxTrace,
      this.near,
      budget,
    );
  }

  /** Indexes every live track at its position; gates over 4× the median radius are kept apart. */
  private buildIndex(): void {
    // The cap (and cell size) only steer the search, never its result: refresh them now and then.
    const refresh = this.indexBuilds++ % 16 === 0 || !(this.indexCap > 0);
    let live = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < this.count; k++) {
      if (this.status[k] === DEAD) continue;
      if (refresh) this.traces[live++] = this.cov[16 * k] + this.cov[16 * k + 10];
      const x = this.state[4 * k];
      const y = this.state[4 * k + 2];
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
    this.index.reset(this.count, minX, minY, maxX, maxY, cell, cap, 2 * this.count + 64);
    for (let k = 0; k < this.count; k++) if (this.status[k] !== DEAD) this.place(k);
    this.indexValid = true;
  }

  /** (Re)places track k in the index at its current position and covariance. */
  private place(k: number): void {
    const c = 16 * k;
    this.index.place(k, this.state[4 * k], this.state[4 * k + 2], this.cov[c] + this.cov[c + 10]);
  }

  // State shared with the grid visitor (no closure per track).
  private visitBatch!: DetectionBatch;
  private visitIndices!: Int32Array;
  private visitTrack = 0;
  private visitRow = 0;
  private visitLag = 0;
  private readonly visit = (d: number): void => {
    if (this.used[d]) return;
    const b = this.visitBatch;
    const k = this.visitIndices[d];
    const o = this.options;
    this.readR(b, k);
    const { rxx, rxy, ryy } = this;
    const inn = this.inn;
    if (
      !innovate(
        this.state,
        this.cov,
        this.visitTrack,
        b.x[k],
        b.y[k],
        rxx,
        rxy,
        ryy,
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

  /** Gated pairs between tracks of `status` and unused reports, then the assignment. */
  private associate(
    batch: DetectionBatch,
    indices: Int32Array,
    n: number,
    lag: number,
    status: number,
  ): void {
    const o = this.options;
    this.pairCount = 0;
    let rows = 0;
    if (this.rowTrack.length < this.count) this.rowTrack = new Int32Array(this.capacity);
    this.visitBatch = batch;
    this.visitIndices = indices;
    this.visitLag = lag;
    const q = o.processNoise;
    const narrowR = this.narrowR;
    if (this.rowTrace.length < this.count) {
      this.rowTrace = new Float64Array(this.capacity);
      this.rowX = new Float64Array(this.capacity);
      this.rowY = new Float64Array(this.capacity);
    }
    this.assigned.fill(-1, 0, this.count);
    // The rows of the pass, ascending: the tracks near the scan's reports, or all of them. The
    // loop reads the track arrays through locals: nothing it calls replaces them.
    const { state, cov, rowTrack, rowTrace, rowX, rowY, minX, minY, maxX, maxY } = this;
    const statusOf = this.status;
    const nearRows = this.near;
    const near = this.nearCount >= 0;
    const end = near ? this.nearCount : this.count;
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
      const span = (2 * radius) / this.gridCell + 1;
      if (!this.gridUsed || span * span > n) {
        // A handful of reports, or a gate wider than the scan: test them all after a box check.
        for (let d = 0; d < n; d++) {
          if (this.wide[d]) continue;
          const m = indices[d];
          if (Math.abs(batch.x[m] - px) <= radius && Math.abs(batch.y[m] - py) <= radius) this.visit(d);
        }
        continue;
      }
      this.grid!.forEachNear(px, py, radius, this.visit);
    }
    // Reports much vaguer than the scan's typical one are tested against every track directly, so
    // one vague report does not widen every track's search.
    // Squared gate factor with a little slack: a cheap test that only drops rows the exact one would.
    const slack2 = o.gate * o.gate * (1 + 1e-9);
    for (let d = 0; d < this.wideCount; d++) {
      const w = this.wideList[d];
      if (this.used[w]) continue;
      const m = indices[w];
      const rw = this.reportTrace[w];
      const mx = batch.x[m];
      const my = batch.y[m];
      for (let row = 0; row < rows; row++) {
        const dx = mx - rowX[row];
        const dy = my - rowY[row];
        const r2 = slack2 * (rowTrace[row] + rw);
        if (dx * dx > r2 || dy * dy > r2) continue;
        const radius = o.gate * Math.sqrt(rowTrace[row] + rw);
        if (Math.abs(dx) > radius || Math.abs(dy) > radius) continue;
        const k = this.rowTrack[row];
        this.visitTrack = k;
        this.visitRow = row;
        this.visit(w);
      }
    }
    const pairs = this.pairCount;
    if (pairs === 0) return; // every row missed (assigned is -1 already)
    // Solve over the rows that have a gated pair only, in their order: the solver's components,
    // their numbering and local order are the same as over all rows, so is the assignment.
    if (this.pairSlot.length < this.pairRow.length) this.pairSlot = new Int32Array(this.pairRow.length);
    let used = 0;
    let ordered = true;
    const stamp = ++this.stamp;
    for (let p = 0; p < pairs; p++) {
      const row = this.pairRow[p];
      if (this.rowStamp[row] === stamp) continue;
      this.rowStamp[row] = stamp;
      if (used > 0 && row < this.slotRow[used - 1]) ordered = false;
      this.slotRow[used++] = row;
    }
    if (!ordered) sortAscending(this.slotRow, used);
    for (let r = 0; r < used; r++) this.rowSlot[this.slotRow[r]] = r;
    for (let p = 0; p < pairs; p++) this.pairSlot[p] = this.rowSlot[this.pairRow[p]];
    this.assignment.solve(used, n, this.pairSlot, this.pairCol, this.pairCost, pairs, o.missCost);
    const rowToCol = this.assignment.rowToCol;
    for (let r = 0; r < used; r++) this.assigned[this.rowTrack[this.slotRow[r]]] = rowToCol[r];
  }

  // Rows of the pass that have pairs (slotRow), the slot of each such row, the pairs' slots.
  private rowSlot = new Int32Array(64);
  private slotRow = new Int32Array(64);
  private rowStamp = new Int32Array(64);
  private stamp = 0;
  private pairSlot = new Int32Array(256);

  private applyAssociation(
    batch: DetectionBatch,
    indices: Int32Array,
    lag: number,
    status: number,
    sensor: number,
    countsMisses: boolean,
    timeS: number,
  ): void {
    const o = this.options;
    const inn = this.inn;
    let deletions = false;
    // Every track of the pass: those not near the scan's reports are missed too. The loop reads
    // the track arrays through locals: nothing it calls replaces them.
    const { assigned, lastSensor, misses } = this;
    const statusOf = this.status;
    for (let k = 0; k < this.count; k++) {
      if (statusOf[k] !== status) continue;
      const d = assigned[k];
      if (d >= 0) {
        const m = indices[d];
        this.used[d] = 1;
        this.readR(batch, m);
        const { rxx, rxy, ryy } = this;
        if (this.imm) {
          this.imm.update(
            k,
            batch.x[m],
            batch.y[m],
            rxx,
            rxy,
            ryy,
            lag,
            o.processNoise,
            this.state,
            this.cov,
          );
        } else {
          innovate(this.state, this.cov, k, batch.x[m], batch.y[m], rxx, rxy, ryy, lag, o.processNoise, inn);
          applyUpdate(this.state, this.cov, k, inn);
        }
        misses[k] = 0;
        lastSensor[k] = sensor;
        if (timeS > this.lastUpdateS[k]) this.lastUpdateS[k] = timeS;
        if (this.indexValid) this.place(k);
        this.updateClassAndAltitude(k, batch, m);
        if (status === TENTATIVE) {
          this.history[k] = (this.history[k] << 1) | 1;
          this.scans[k]++;
          this.tentativeChanged = true;
        }
      } else if (countsMisses && lastSensor[k] === sensor) {
        misses[k]++;
        if (status === TENTATIVE) {
          this.history[k] <<= 1;
          this.scans[k]++;
          this.tentativeChanged = true;
        } else if (misses[k] >= o.deleteAfterMisses) deletions = true;
      }
    }
    // Only misses raise a confirmed track's count (a hit or a confirmation resets it).
    if (status === CONFIRMED && (deletions || !(o.deleteAfterMisses > 0))) {
      // Confirmed tracks at their K-th consecutive miss go before the tentative pass.
      for (let k = 0; k < this.count; k++)
        if (this.status[k] === CONFIRMED && this.misses[k] >= o.deleteAfterMisses) this.drop(k);
    }
  }

  /** A tentative track was seeded, hit or missed since the last prune. */
  private tentativeChanged = false;

  /** Confirms tentative tracks with M hits in their last N scans; drops the hopeless ones. */
  private prune(): void {
    // Tentative tracks not seeded, hit or missed since the last prune would fare as they did then.
    if (!this.tentativeChanged) return;
    this.tentativeChanged = false;
    const o = this.options;
    const windowMask = o.confirmWindow >= 32 ? 0xffffffff : (1 << o.confirmWindow) - 1;
    for (let k = 0; k < this.count; k++) {
      if (this.status[k] !== TENTATIVE) continue;
      if (popcount(this.history[k] & windowMask) >= o.confirmHits) {
        this.status[k] = CONFIRMED;
        this.confirmedS[k] = this.timeS;
        this.misses[k] = 0;
      } else if (this.misses[k] >= o.tentativeMaxMisses || this.scans[k] >= o.confirmWindow) {
        this.drop(k);
      }
    }
  }

  /** Deletes track k: its row stays, DEAD, until compactLive (rows keep their order either way). */
  private drop(k: number): void {
    this.status[k] = DEAD;
    this.dead++;
  }

  /** Squeezes the DEAD rows out, keeping the live ones in order. */
  private compactLive(): void {
    let kept = 0;
    for (let k = 0; k < this.count; k++) if (this.status[k] !== DEAD) this.keepFrom[kept++] = k;
    this.compact(kept);
    this.dead = 0;
  }

  // A report's error covariance, floored at minSigmaM² per axis (sigmaM² when no covariance is given).
  private rxx = 0;
  private rxy = 0;
  private ryy = 0;
  private readR(batch: DetectionBatch, m: number): void {
    const floor = this.options.minSigmaM * this.options.minSigmaM;
    let rxx = batch.covXX[m];
    let ryy = batch.covYY[m];
    let rxy = batch.covXY[m];
    if (rxx === 0 && ryy === 0) {
      rxx = ryy = batch.sigmaM[m] * batch.sigmaM[m];
      rxy = 0;
    }
    this.rxx = rxx < floor ? floor : rxx;
    this.ryy = ryy < floor ? floor : ryy;
    this.rxy = rxy;
  }

  private seed(batch: DetectionBatch, m: number, sensor: number, timeS: number): void {
    const o = this.options;
    const k = this.addRow();
    this.readR(batch, m);
    const { rxx, rxy, ryy } = this;
    initCv(this.state, this.cov, k, batch.x[m], batch.y[m], rxx, rxy, ryy, o.initialSpeedSigmaMps);
    const lag = this.timeS - timeS;
    if (this.imm) {
      this.imm.init(k, this.state, this.cov);
      if (lag > 0) this.imm.predict(k, lag, o.processNoise, this.state, this.cov);
    } else if (lag > 0) predictCv(this.state, this.cov, k, lag, o.processNoise);
    this.id[k] = this.nextId++;
    this.status[k] = TENTATIVE;
    this.tentativeChanged = true;
    this.history[k] = 1;
    this.scans[k] = 1;
    this.misses[k] = 0;
    this.lastSensor[k] = sensor;
    this.lastUpdateS[k] = timeS;
    this.bornS[k] = timeS;
    this.confirmedS[k] = NaN;
    this.decoyLogit[k] = 0;
    this.z[k] = NaN;
    this.zVar[k] = Infinity;
    this.updateClassAndAltitude(k, batch, m);
    if (this.indexValid) this.place(k);
    if (o.confirmHits <= 1) {
      this.status[k] = CONFIRMED;
      this.confirmedS[k] = this.timeS;
    }
  }

  private updateClassAndAltitude(k: number, batch: DetectionBatch, m: number): void {
    const p = batch.pDecoy[m];
    if (p !== 0.5) {
      const clamped = p < 1e-4 ? 1e-4 : p > 1 - 1e-4 ? 1 - 1e-4 : p;
      let logit = this.decoyLogit[k] + Math.log(clamped / (1 - clamped));
      if (logit > MAX_LOGIT) logit = MAX_LOGIT;
      if (logit < -MAX_LOGIT) logit = -MAX_LOGIT;
      this.decoyLogit[k] = logit;
    }
    const sz = batch.sigmaZM[m];
    if (Number.isNaN(sz)) return;
    const r = Math.max(sz * sz, 1);
    if (!Number.isFinite(this.zVar[k])) {
      this.z[k] = batch.z[m];
      this.zVar[k] = r;
    } else {
      // Altitude as a slowly wandering level: its variance grows by 25 m² per update between reports.
      const prior = this.zVar[k] + 25;
      const gainZ = prior / (prior + r);
      this.z[k] += gainZ * (batch.z[m] - this.z[k]);
      this.zVar[k] = (1 - gainZ) * prior;
    }
  }

  private addRow(): number {
    if (this.count === this.capacity) {
      if (4 * this.dead >= this.count) this.compactLive();
      else this.grow();
    }
    return this.count++;
  }

  private grow(): void {
    const n = this.capacity * 2;
    this.state = grown(this.state, 4 * n);
    this.cov = grown(this.cov, 16 * n);
    this.id = grown(this.id, n);
    this.status = grown(this.status, n);
    this.history = growU32(this.history, n);
    this.scans = grown(this.scans, n);
    this.misses = grown(this.misses, n);
    this.lastSensor = grown(this.lastSensor, n);
    this.lastUpdateS = grown(this.lastUpdateS, n);
    this.bornS = grown(this.bornS, n);
    this.confirmedS = grown(this.confirmedS, n);
    this.decoyLogit = grown(this.decoyLogit, n);
    this.z = grown(this.z, n);
    this.zVar = grown(this.zVar, n);
    this.assigned = grown(this.assigned, n);
    this.rowTrack = grown(this.rowTrack, n);
    this.keepFrom = grown(this.keepFrom, n);
    this.near = grown(this.near, n);
    this.traces = grown(this.traces, n);
    this.rowSlot = grown(this.rowSlot, n);
    this.slotRow = grown(this.slotRow, n);
    this.rowStamp = grown(this.rowStamp, n);
    this.imm?.grow(n);
    this.capacity = n;
  }

  /** Row of each kept track, ascending (scratch of the row compactions). */
  private keepFrom = new Int32Array(64);

  /** Keeps rows keepFrom[0..kept) as rows 0..kept-1, in order: one pass per column. */
  private compact(kept: number): void {
    const from = this.keepFrom;
    let first = 0;
    while (first < kept && from[first] === first) first++;
    this.count = kept;
    if (first === kept) return;
    this.indexValid = false;
    const state = this.state;
    const cov = this.cov;
    for (let i = first; i < kept; i++) {
      const a = 4 * i;
      const b = 4 * from[i];
      state[a] = state[b];
      state[a + 1] = state[b + 1];
      state[a + 2] = state[b + 2];
      state[a + 3] = state[b + 3];
    }
    for (let i = first; i < kept; i++) {
      const a = 16 * i;
      const b = 16 * from[i];
      for (let j = 0; j < 16; j++) cov[a + j] = cov[b + j];
    }
    compactColumn(this.id, from, first, kept);
    compactColumn(this.status, from, first, kept);
    compactColumn(this.history, from, first, kept);
    compactColumn(this.scans, from, first, kept);
    compactColumn(this.misses, from, first, kept);
    compactColumn(this.lastSensor, from, first, kept);
    compactColumn(this.lastUpdateS, from, first, kept);
    compactColumn(this.bornS, from, first, kept);
    compactColumn(this.confirmedS, from, first, kept);
    compactColumn(this.decoyLogit, from, first, kept);
    compactColumn(this.z, from, first, kept);
    compactColumn(this.zVar, from, first, kept);
    const imm = this.imm;
    if (imm) for (let i = first; i < kept; i++) imm.move(from[i], i);
  }
}

/** a[i] = a[from[i]] for i in [first, kept); from ascends with from[i] ≥ i. */
function compactColumn<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  a: T,
  from: Int32Array,
  first: number,
  kept: number,
): void {
  for (let i = first; i < kept; i++) a[i] = a[from[i]];
}

function growU32(a: Uint32Array, n: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(n);
  b.set(a);
  return b;
}

/**
 * The element at index n >> 1 of a[0..n) sorted ascending (as a typed-array sort orders it),
 * found by selection; reorders a[0..n).
 */
function middle(a: Float64Array, n: number): number {
  const want = n >> 1;
  for (let i = 0; i < n; i++) {
    // NaN and signed zeros order specially in a typed-array sort: take the sort's answer then.
    const v = a[i];
    if (v !== v || v === 0) return a.subarray(0, n).sort()[want];
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return a[want];
  }
  return a[want];
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The GNN tracker as a simulation stage: each step's reports, grouped into scans by sensor and
 *  report time (oldest first), update the picture; C2 sees the confirmed tracks. */
export function createGnnTracker(options: TrackerOptions): Tracker {
  const tracker = new GnnTracker({ ...GNN_DEFAULTS, ...options.gnn });
  let order = new Int32Array(256);
  let group = new Int32Array(256);
  return {
    update(t: number, detections: DetectionBatch, tracks: TrackTable): void {
      const n = detections.count;
      if (order.length < n) {
        order = new Int32Array(2 * n);
        group = new Int32Array(2 * n);
      }
      for (let k = 0; k < n; k++) order[k] = k;
      const byTime = order.subarray(0, n);
      // Reports mostly come in order already: sort only when they do not.
      const times = detections.timeS;
      const sensors = detections.sensor;
      let sorted = true;
      for (let k = 1; k < n; k++) {
        const dt = times[k] - times[k - 1];
        if (dt < 0 || (dt === 0 && sensors[k] < sensors[k - 1]) || dt !== dt) {
          sorted = false;
          break;
        }
      }
      if (!sorted)
        byTime.sort((a, b) => {
          const dt = detections.timeS[a] - detections.timeS[b];
          if (dt !== 0) return dt;
          const ds = detections.sensor[a] - detections.sensor[b];
          return ds !== 0 ? ds : a - b;
        });
      let start = 0;
      while (start < n) {
        const first = byTime[start];
        let end = start;
        let m = 0;
        while (
          end < n &&
          detections.timeS[byTime[end]] === detections.timeS[first] &&
          detections.sensor[byTime[end]] === detections.sensor[first]
        ) {
          group[m++] = byTime[end++];
        }
        tracker.processScan(detections, group, m, detections.timeS[first], detections.sensor[first]);
        start = end;
      }
      tracker.coast(t);
      tracker.writeConfirmed(t, tracks);
    },
  };
}
