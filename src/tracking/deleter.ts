// Track deletion: a confirmed track goes at its deleteAfterMisses-th consecutive miss (only scans
// of sensors that count misses, by the sensor that last saw it, raise the count; a hit resets
// it), and any track not updated within maxCoastS. Deleted rows are squeezed out of the store
// once a step, when they are a fifth of the rows or more.

import type { GnnOptions } from './gnn-options.js';
import { CONFIRMED, DEAD, type TrackStore } from './track-store.js';

export class MissDeleter {
  constructor(
    private readonly store: TrackStore,
    private readonly options: GnnOptions,
  ) {}

  /** Whether confirmed track k, just missed, is due for deletion. */
  due(k: number): boolean {
    return this.store.misses[k] >= this.options.deleteAfterMisses;
  }

  /** Deletes the confirmed tracks at their K-th consecutive miss. */
  deleteMissed(): void {
    const { store } = this;
    const limit = this.options.deleteAfterMisses;
    for (let k = 0; k < store.count; k++)
      if (store.status[k] === CONFIRMED && store.misses[k] >= limit) store.drop(k);
  }

  /** Whether every pass must look for deletions (no positive miss limit: K misses are always due). */
  get always(): boolean {
    return !(this.options.deleteAfterMisses > 0);
  }

  /** Deletes tracks not updated within maxCoastS of time t; then compacts when worth it. */
  coast(t: number): void {
    const { store } = this;
    const limit = this.options.maxCoastS;
    if (Number.isFinite(limit)) {
      for (let k = 0; k < store.count; k++)
        if (store.status[k] !== DEAD && !(t - store.lastUpdateS[k] <= limit)) store.drop(k);
    }
    // Once a step: squeeze the dead rows out when they are a fifth of the rows or more, so each
    // deleted track costs O(1) row moves on average and the passes walk few dead rows.
    if (store.dead > 0 && 5 * store.dead >= store.count) store.compactLive();
  }
}
