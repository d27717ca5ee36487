// Track initiation by M of N: every report left unused by the scan's passes seeds a tentative
// track (position from the report, velocity unknown within initialSpeedSigmaMps); a tentative
// track is confirmed once it has confirmHits hits in its last confirmWindow scans, and abandoned
// after tentativeMaxMisses consecutive misses or a full window without confirmation.

import type { DetectionBatch } from '../model/detection.js';
import type { Fusion } from './fusion.js';
import type { GnnOptions } from './gnn-options.js';
import { initCv, predictCv } from './kalman-cv.js';
import type { ReportNoise } from './report-noise.js';
import { CONFIRMED, TENTATIVE, type TrackStore } from './track-store.js';

export class MOfNInitiator {
  /** A tentative track was seeded, hit or missed since the last confirmation pass. */
  private changed = false;

  constructor(
    private readonly store: TrackStore,
    private readonly noise: ReportNoise,
    private readonly fusion: Fusion,
    private readonly options: GnnOptions,
  ) {}

  /** A new tentative track (confirmed at once when one hit confirms) from report m; its row. */
  seed(batch: DetectionBatch, m: number, sensor: number, timeS: number): number {
    const { store, noise } = this;
    const o = this.options;
    const k = store.add();
    noise.read(batch, m);
    initCv(
      store.state,
      store.cov,
      k,
      batch.x[m],
      batch.y[m],
      noise.rxx,
      noise.rxy,
      noise.ryy,
      o.initialSpeedSigmaMps,
    );
    const lag = store.timeS - timeS;
    if (store.imm) {
      store.imm.init(k, store.state, store.cov);
      if (lag > 0) store.imm.predict(k, lag, o.processNoise, store.state, store.cov);
    } else if (lag > 0) predictCv(store.state, store.cov, k, lag, o.processNoise);
    store.status[k] = TENTATIVE;
    this.changed = true;
    store.history[k] = 1;
    store.scans[k] = 1;
    store.misses[k] = 0;
    store.lastSensor[k] = sensor;
    store.lastUpdateS[k] = timeS;
    store.bornS[k] = timeS;
    store.confirmedS[k] = NaN;
    store.decoyLogit[k] = 0;
    store.z[k] = NaN;
    store.zVar[k] = Infinity;
    this.fusion.classAndAltitude(k, batch, m);
    if (o.confirmHits <= 1) {
      store.status[k] = CONFIRMED;
      store.confirmedS[k] = store.timeS;
    }
    return k;
  }

  /** Tentative track k had a report in this scan. */
  hit(k: number): void {
    const { store } = this;
    store.history[k] = (store.history[k] << 1) | 1;
    store.scans[k]++;
    this.changed = true;
  }

  /** Tentative track k had none in a scan of the sensor that last saw it (its misses counted). */
  miss(k: number): void {
    const { store } = this;
    store.history[k] <<= 1;
    store.scans[k]++;
    this.changed = true;
  }

  /** Confirms tentative tracks with M hits in their last N scans; abandons the hopeless ones. */
  confirm(): void {
    // Tentative tracks not seeded, hit or missed since the last pass would fare as they did then.
    if (!this.changed) return;
    this.changed = false;
    const { store } = this;
    const o = this.options;
    const windowMask = o.confirmWindow >= 32 ? 0xffffffff : (1 << o.confirmWindow) - 1;
    for (let k = 0; k < store.count; k++) {
      if (store.status[k] !== TENTATIVE) continue;
      if (popcount(store.history[k] & windowMask) >= o.confirmHits) {
        store.status[k] = CONFIRMED;
        store.confirmedS[k] = store.timeS;
        store.misses[k] = 0;
      } else if (store.misses[k] >= o.tentativeMaxMisses || store.scans[k] >= o.confirmWindow) {
        store.drop(k);
      }
    }
  }
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
