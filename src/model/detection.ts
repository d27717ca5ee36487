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
  /** Horizontal position error covariance, m² (all 0: use sigmaM² on each axis, no correlation). */
  covXX: Float64Array;
  covXY: Float64Array;
  covYY: Float64Array;
  /** Standard deviation of the altitude, m; NaN when the report carries no altitude. */
  sigmaZM: Float64Array;
  /** Reported probability that the object is a decoy, as the report alone says it (even prior):
   *  0.5 when the report carries no class guess. */
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
    this.covXX = new Float64Array(capacity);
    this.covXY = new Float64Array(capacity);
    this.covYY = new Float64Array(capacity);
    this.sigmaZM = new Float64Array(capacity);
    this.pDecoy = new Float64Array(capacity);
    this.truth = new Int32Array(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  /** Appends row `k` of `from` (another batch) and returns its index here. */
  copyFrom(from: DetectionBatch, k: number): number {
    const i = this.add();
    this.sensor[i] = from.sensor[k];
    this.timeS[i] = from.timeS[k];
    this.x[i] = from.x[k];
    this.y[i] = from.y[k];
    this.z[i] = from.z[k];
    this.vx[i] = from.vx[k];
    this.vy[i] = from.vy[k];
    this.vz[i] = from.vz[k];
    this.sigmaM[i] = from.sigmaM[k];
    this.covXX[i] = from.covXX[k];
    this.covXY[i] = from.covXY[k];
    this.covYY[i] = from.covYY[k];
    this.sigmaZM[i] = from.sigmaZM[k];
    this.pDecoy[i] = from.pDecoy[k];
    this.truth[i] = from.truth[k];
    return i;
  }

  /** Appends a position report with an isotropic error σ (m) and no velocity; returns its index. */
  addPosition(
    sensor: number,
    timeS: number,
    x: number,
    y: number,
    z: number,
    sigmaM: number,
    sigmaZM: number,
  ): number {
    const i = this.add();
    this.setPlot(i, sensor, timeS, x, y, z, sigmaM * sigmaM, 0, sigmaM * sigmaM, sigmaZM, 0.5, -1);
    return i;
  }

  /** Fills row i with a position report (no velocity) and its horizontal error covariance, m². */
  setPlot(
    i: number,
    sensor: number,
    timeS: number,
    x: number,
    y: number,
    z: number,
    covXX: number,
    covXY: number,
    covYY: number,
    sigmaZM: number,
    pDecoy: number,
    truth: number,
  ): void {
    this.sensor[i] = sensor;
    this.timeS[i] = timeS;
    this.x[i] = x;
    this.y[i] = y;
    this.z[i] = z;
    this.vx[i] = 0;
    this.vy[i] = 0;
    this.vz[i] = 0;
    this.sigmaM[i] = Math.sqrt(0.5 * (covXX + covYY));
    this.covXX[i] = covXX;
    this.covXY[i] = covXY;
    this.covYY[i] = covYY;
    this.sigmaZM[i] = sigmaZM;
    this.pDecoy[i] = pDecoy;
    this.truth[i] = truth;
  }

  /** Index of a new report; grows the batch geometrically, so steady state allocates nothing. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    return this.count++;
  }

  /** Copies row `from` over row `to` (compaction in place). */
  moveRow(from: number, to: number): void {
    this.sensor[to] = this.sensor[from];
    this.timeS[to] = this.timeS[from];
    this.x[to] = this.x[from];
    this.y[to] = this.y[from];
    this.z[to] = this.z[from];
    this.vx[to] = this.vx[from];
    this.vy[to] = this.vy[from];
    this.vz[to] = this.vz[from];
    this.sigmaM[to] = this.sigmaM[from];
    this.covXX[to] = this.covXX[from];
    this.covXY[to] = this.covXY[from];
    this.covYY[to] = this.covYY[from];
    this.sigmaZM[to] = this.sigmaZM[from];
    this.pDecoy[to] = this.pDecoy[from];
    this.truth[to] = this.truth[from];
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
    this.covXX = grown(this.covXX, capacity);
    this.covXY = grown(this.covXY, capacity);
    this.covYY = grown(this.covYY, capacity);
    this.sigmaZM = grown(this.sigmaZM, capacity);
    this.pDecoy = grown(this.pDecoy, capacity);
    this.truth = grown(this.truth, capacity);
    this.capacity = capacity;
  }
}
