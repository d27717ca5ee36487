// The track picture C2 acts on: the tracker's estimate of what is in the air, never the truth.

import { IntMap } from '../core/int-map.js';
import { grown } from '../core/typed-arrays.js';

export class TrackTable {
  count = 0;
  /** Stable track number (non-negative), unique over the run. */
  id: Int32Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  vx: Float64Array;
  vy: Float64Array;
  vz: Float64Array;
  /** One-sigma horizontal position uncertainty, m. */
  sigmaM: Float64Array;
  /** Probability that the track is a decoy. */
  pDecoy: Float64Array;
  lastUpdateS: Float64Array;

  constructor(private capacity = 256) {
    this.id = new Int32Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
    this.vx = new Float64Array(capacity);
    this.vy = new Float64Array(capacity);
    this.vz = new Float64Array(capacity);
    this.sigmaM = new Float64Array(capacity);
    this.pDecoy = new Float64Array(capacity);
    this.lastUpdateS = new Float64Array(capacity);
  }

  /** Track id → row, rebuilt on the first lookup after the table changed. */
  private readonly rows = new IntMap();
  private rowsStale = true;

  clear(): void {
    this.count = 0;
    this.rowsStale = true;
  }

  /** Appends a row; the caller fills every column, the id first of all. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    this.rowsStale = true;
    return this.count++;
  }

  /** Sets the number of rows, growing the columns as needed: for trackers that fill or compact in place. */
  resize(count: number): void {
    while (this.capacity < count) this.grow();
    this.count = count;
    this.rowsStale = true;
  }

  /** Call after changing ids or moving rows in place. */
  markChanged(): void {
    this.rowsStale = true;
  }

  /** Row of a track id, or -1. */
  rowOf(trackId: number): number {
    if (this.rowsStale) {
      this.rows.clear();
      for (let i = 0; i < this.count; i++) this.rows.set(this.id[i], i);
      this.rowsStale = false;
    }
    return trackId < 0 ? -1 : this.rows.get(trackId);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.id = grown(this.id, capacity);
    this.x = grown(this.x, capacity);
    this.y = grown(this.y, capacity);
    this.z = grown(this.z, capacity);
    this.vx = grown(this.vx, capacity);
    this.vy = grown(this.vy, capacity);
    this.vz = grown(this.vz, capacity);
    this.sigmaM = grown(this.sigmaM, capacity);
    this.pDecoy = grown(this.pDecoy, capacity);
    this.lastUpdateS = grown(this.lastUpdateS, capacity);
    this.capacity = capacity;
  }
}
