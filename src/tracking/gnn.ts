// Global-nearest-neighbour multi-target tracker, composed of its roles (one file each):
//   track-store    the tracks as columns, rows in order of creation, deleted rows compacted in bulk
//   scan-reports   the reports of one scan: error sizes, wide ones, bounding box, spatial grid
//   gating         Mahalanobis gates over the tracks near the reports (track-index) → gated pairs
//   association    one assignment per scan over the gated pairs, split into independent clusters
//                  (each track may also be "missed" at a fixed cost)
//   fusion         the assigned report into its track: Kalman CV or IMM update, class, altitude
//   initiator      M-of-N: tentative tracks from unused reports, confirmed or abandoned
//   deleter        confirmed tracks after consecutive misses, any track after a long coast
// Reports of several sensors are fused scan by scan, each with its own noise; ids are stable.
//
// Order within a scan (one sensor, one report time): predict → associate and update confirmed
// tracks → delete confirmed tracks at their K-th consecutive miss → associate the leftover reports
// with tentative tracks and update → confirm → drop tentative tracks → seed tentative tracks from
// the reports still unused.

import type { DetectionBatch } from '../model/detection.js';
import type { TrackTable } from '../model/track.js';
import { Association } from './association.js';
import { MissDeleter } from './deleter.js';
import { Fusion } from './fusion.js';
import { Gating } from './gating.js';
import { GNN_DEFAULTS, type GnnOptions } from './gnn-options.js';
import { MOfNInitiator } from './initiator.js';
import { predictCv } from './kalman-cv.js';
import { ReportNoise } from './report-noise.js';
import { ScanReports } from './scan-reports.js';
import { CONFIRMED, DEAD, TENTATIVE, TrackStore } from './track-store.js';
import type { Tracker, TrackerOptions } from './types.js';

export class GnnTracker {
  readonly store: TrackStore;
  readonly gating: Gating;
  private readonly scan = new ScanReports();
  private readonly association = new Association();
  private readonly fusion: Fusion;
  private readonly initiator: MOfNInitiator;
  private readonly deleter: MissDeleter;

  constructor(readonly options: GnnOptions) {
    this.store = new TrackStore(options.motion === 'imm' ? (options.imm ?? {}) : undefined);
    const noise = new ReportNoise(options.minSigmaM);
    this.gating = new Gating(this.store, this.scan, noise, options);
    this.fusion = new Fusion(this.store, noise, options);
    this.initiator = new MOfNInitiator(this.store, noise, this.fusion, options);
    this.deleter = new MissDeleter(this.store, options);
  }

  /** Rows of the store (tentative, confirmed and deleted ones not yet compacted). */
  get count(): number {
    return this.store.count;
  }

  /** The IMM filters behind each row's state when motion is 'imm'. */
  get imm() {
    return this.store.imm;
  }

  /**
   * Folds one scan into the picture: reports `indices[0..n)` of `batch`, all from `sensor` at time
   * `timeS`. Scans must come in order of arrival; a scan older than the picture is folded in as a
   * late report (see kalman-cv).
   */
  processScan(batch: DetectionBatch, indices: Int32Array, n: number, timeS: number, sensor: number): void {
    const { store, scan, gating } = this;
    const o = this.options;
    if (timeS > store.timeS) {
      const dt = Number.isFinite(store.timeS) ? timeS - store.timeS : 0;
      this.predictAll(dt);
      store.timeS = timeS;
    }
    const lag = store.timeS - timeS;
    const countsMisses = o.sensorCountsMisses?.[sensor] ?? true;
    scan.split(batch, indices, n, o.minSigmaM);
    scan.buildGrid(batch, indices, n, sensor, gating.typicalGateM);
    gating.selectRows(lag, n);
    this.pass(batch, indices, n, lag, CONFIRMED, sensor, countsMisses, timeS);
    this.pass(batch, indices, n, lag, TENTATIVE, sensor, countsMisses, timeS);
    this.initiator.confirm();
    for (let d = 0; d < n; d++) {
      if (scan.used[d]) continue;
      gating.moved(this.initiator.seed(batch, indices[d], sensor, timeS));
    }
  }

  /** Predicts every track dt ≥ 0 seconds ahead. */
  private predictAll(dt: number): void {
    const { store } = this;
    const q = this.options.processNoise;
    const { imm, status } = store;
    this.gating.pictureMoved();
    if (imm) {
      for (let k = 0; k < store.count; k++)
        if (status[k] !== DEAD) imm.predict(k, dt, q, store.state, store.cov);
    } else {
      for (let k = 0; k < store.count; k++)
        if (status[k] !== DEAD) predictCv(store.state, store.cov, k, dt, q);
    }
  }

  /**
   * One pass over the tracks of `status`: gate, associate, then fold each assigned report in and
   * count a miss on every other track of the pass (those not near the scan's reports too).
   */
  private pass(
    batch: DetectionBatch,
    indices: Int32Array,
    n: number,
    lag: number,
    status: number,
    sensor: number,
    countsMisses: boolean,
    timeS: number,
  ): void {
    const { store, scan, gating, fusion, initiator, deleter } = this;
    gating.pass(batch, indices, n, lag, status);
    this.association.solve(gating, n, store.count, store.capacity, this.options.missCost);
    const assigned = this.association.assigned;
    let deletions = false;
    // The loop reads the track arrays through locals: nothing it calls replaces them.
    const { lastSensor, misses, lastUpdateS } = store;
    const statusOf = store.status;
    for (let k = 0; k < store.count; k++) {
      if (statusOf[k] !== status) continue;
      const d = assigned[k];
      if (d >= 0) {
        const m = indices[d];
        scan.used[d] = 1;
        fusion.update(k, batch, m, lag);
        misses[k] = 0;
        lastSensor[k] = sensor;
        if (timeS > lastUpdateS[k]) lastUpdateS[k] = timeS;
        gating.moved(k);
        if (status === TENTATIVE) initiator.hit(k);
      } else if (countsMisses && lastSensor[k] === sensor) {
        misses[k]++;
        if (status === TENTATIVE) initiator.miss(k);
        else if (deleter.due(k)) deletions = true;
      }
    }
    // Only misses raise a confirmed track's count (a hit or a confirmation resets it); confirmed
    // tracks at their K-th consecutive miss go before the tentative pass.
    if (status === CONFIRMED && (deletions || deleter.always)) deleter.deleteMissed();
  }

  /** Deletes confirmed tracks not updated within maxCoastS of time t. */
  coast(t: number): void {
    this.deleter.coast(t);
  }

  /** Writes the confirmed tracks, predicted to time t, into `out`. */
  writeConfirmed(t: number, out: TrackTable): void {
    const { store } = this;
    const { state, cov } = store;
    out.clear();
    const dt = Number.isFinite(store.timeS) ? Math.max(0, t - store.timeS) : 0;
    for (let k = 0; k < store.count; k++) {
      if (store.status[k] !== CONFIRMED) continue;
      const i = out.add();
      const s = 4 * k;
      const c = 16 * k;
      out.id[i] = store.id[k];
      out.x[i] = state[s] + dt * state[s + 1];
      out.y[i] = state[s + 2] + dt * state[s + 3];
      out.z[i] = store.z[k];
      out.vx[i] = state[s + 1];
      out.vy[i] = state[s + 3];
      out.vz[i] = 0;
      out.sigmaM[i] = Math.sqrt(0.5 * (cov[c] + cov[c + 10]));
      out.pDecoy[i] = 1 / (1 + Math.exp(-store.decoyLogit[k]));
      out.lastUpdateS[i] = t;
    }
  }
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
