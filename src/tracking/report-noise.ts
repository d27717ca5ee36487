// A report's position error covariance R as the filters use it: the report's own covariance, or
// sigmaM² per axis when it gives none, floored at minSigmaM² per axis so no report is trusted
// beyond what any sensor can deliver.

import type { DetectionBatch } from '../model/detection.js';

export class ReportNoise {
  rxx = 0;
  rxy = 0;
  ryy = 0;

  constructor(private readonly minSigmaM: number) {}

  /** Reads report m of `batch` into rxx, rxy, ryy. */
  read(batch: DetectionBatch, m: number): void {
    const floor = this.minSigmaM * this.minSigmaM;
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
}
