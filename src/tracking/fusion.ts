// Fusion: folds a report into the track it was assigned to, whatever sensor it came from, each
// with its own noise: the Kalman update of the kinematic state (constant velocity, or the IMM
// bank), the decoy log-odds (each report's class guess as independent evidence, bounded), and the
// altitude (a slowly wandering level, filtered on its own since most reports carry none).

import type { DetectionBatch } from '../model/detection.js';
import type { GnnOptions } from './gnn-options.js';
import { applyUpdate, innovate, Innovation } from './kalman-cv.js';
import type { ReportNoise } from './report-noise.js';
import type { TrackStore } from './track-store.js';

/** Log-odds bound of the decoy probability, so no report can make a class certain. */
const MAX_LOGIT = 9;

export class Fusion {
  private readonly inn = new Innovation();

  constructor(
    private readonly store: TrackStore,
    private readonly noise: ReportNoise,
    private readonly options: GnnOptions,
  ) {}

  /** Updates track k with report m of `batch`, taken `lag` seconds before the picture's time. */
  update(k: number, batch: DetectionBatch, m: number, lag: number): void {
    const { store, noise } = this;
    const q = this.options.processNoise;
    noise.read(batch, m);
    if (store.imm) {
      store.imm.update(
        k,
        batch.x[m],
        batch.y[m],
        noise.rxx,
        noise.rxy,
        noise.ryy,
        lag,
        q,
        store.state,
        store.cov,
      );
    } else {
      const inn = this.inn;
      innovate(
        store.state,
        store.cov,
        k,
        batch.x[m],
        batch.y[m],
        noise.rxx,
        noise.rxy,
        noise.ryy,
        lag,
        q,
        inn,
      );
      applyUpdate(store.state, store.cov, k, inn);
    }
    this.classAndAltitude(k, batch, m);
  }

  /** Folds report m's class guess and altitude (when it has one) into track k. */
  classAndAltitude(k: number, batch: DetectionBatch, m: number): void {
    const { store } = this;
    const p = batch.pDecoy[m];
    if (p !== 0.5) {
      const clamped = p < 1e-4 ? 1e-4 : p > 1 - 1e-4 ? 1 - 1e-4 : p;
      let logit = store.decoyLogit[k] + Math.log(clamped / (1 - clamped));
      if (logit > MAX_LOGIT) logit = MAX_LOGIT;
      if (logit < -MAX_LOGIT) logit = -MAX_LOGIT;
      store.decoyLogit[k] = logit;
    }
    const sz = batch.sigmaZM[m];
    if (Number.isNaN(sz)) return;
    const r = Math.max(sz * sz, 1);
    if (!Number.isFinite(store.zVar[k])) {
      store.z[k] = batch.z[m];
      store.zVar[k] = r;
    } else {
      // Altitude as a slowly wandering level: its variance grows by 25 m² per update between reports.
      const prior = store.zVar[k] + 25;
      const gainZ = prior / (prior + r);
      store.z[k] += gainZ * (batch.z[m] - store.z[k]);
      store.zVar[k] = (1 - gainZ) * prior;
    }
  }
}
