// Reports on their way to the tracker: held until their delivery time (scan time + latency or a
// human's delay), then handed over in the step they arrive, stamped with the time they describe.

import { DetectionBatch } from '../model/detection.js';

export class ReportQueue {
  private readonly held = new DetectionBatch(64);
  private deliverAtS = new Float64Array(64);

  /** Adds an empty report due at `deliverAtS`; returns its row in `batch` for the caller to fill. */
  add(deliverAtS: number): number {
    const k = this.held.add();
    if (k >= this.deliverAtS.length) {
      const bigger = new Float64Array(2 * this.deliverAtS.length);
      bigger.set(this.deliverAtS);
      this.deliverAtS = bigger;
    }
    this.deliverAtS[k] = deliverAtS;
    return k;
  }

  get batch(): DetectionBatch {
    return this.held;
  }

  /** Moves every report due by time t into `out`, keeping the order they were made in. */
  deliver(t: number, out: DetectionBatch): void {
    const held = this.held;
    let kept = 0;
    for (let k = 0; k < held.count; k++) {
      if (this.deliverAtS[k] <= t + 1e-9) {
        out.copyFrom(held, k);
      } else {
        if (kept !== k) {
          held.moveRow(k, kept);
          this.deliverAtS[kept] = this.deliverAtS[k];
        }
        kept++;
      }
    }
    held.count = kept;
  }
}
