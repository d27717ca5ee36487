// Sensor reports of one step, as a reusable batch (struct of arrays).

import { grown } from '../core/typed-arrays.js';

export class DetectionBatch {
  count = 0;
  sensor: Int32Array;
  timeS: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  vx: Float64Array;
  vy: Float64Array;
  vz: Float64Array;
  /** Standard deviation of the position error per axis, m (0 for the ideal sensor). */
  sigmaM: Float64Array;
  /** Reported probability that the object is a decoy. */
  pDecoy: Float64Array;
  /** Ground-truth threat index for scoring only (-1 for clutter); C2 never sees it. */
  truth: Int32Array;

  constructor(private capacity = 256) {
    this.sensor = new Int32Array(capacity);
    this.timeS = new Float64Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
    this.vx = new Float64Array(capacity);
    this.vy = new Float64Array(capacity);
    this.vz = new Float64Array(capacity);
    this.sigmaM = new Float64Array(capacity);
    this.pDecoy = new Float64Array(capacity);
    this.truth = new Int32Array(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  /** Index of a new report; grows the batch geometrically, so steady state allocates nothing. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    return this.count++;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.sensor = grown(this.sensor, capacity);
    this.timeS = grown(this.timeS, capacity);
    this.x = grown(this.x, capacity);
    this.y = grown(this.y, capacity);
    this.z = grown(this.z, capacity);
    this.vx = grown(this.vx, capacity);
    this.vy = grown(this.vy, capacity);
    this.vz = grown(this.vz, capacity);
    this.sigmaM = grown(this.sigmaM, capacity);
    this.pDecoy = grown(this.pDecoy, capacity);
    this.truth = grown(this.truth, capacity);
    this.capacity = capacity;
  }
}
