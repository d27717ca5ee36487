// Settings of the GNN tracker, with the reference settings of the shared tracking benchmark as defaults.

export interface GnnOptions {
  /** Gate on the Mahalanobis distance √(νᵀS⁻¹ν) (not squared). */
  gate: number;
  /** Cost of a track's "missed" option in the assignment, in the same units as the distance. */
  missCost: number;
  /** White-acceleration spectral density q, m²/s³ per axis. */
  processNoise: number;
  /** Initial velocity standard deviation per axis of a new track, m/s. */
  initialSpeedSigmaMps: number;
  /** M of M-of-N: updates (counting the seed report) that confirm a tentative track. */
  confirmHits: number;
  /** N of M-of-N: a tentative track not confirmed within this many scans is dropped. */
  confirmWindow: number;
  /** A tentative track is dropped at this many consecutive misses. */
  tentativeMaxMisses: number;
  /** A confirmed track is deleted at this many consecutive misses. */
  deleteAfterMisses: number;
  /** A confirmed track not updated for this long is deleted, s (covers sensors that stop seeing it). */
  maxCoastS: number;
  /** Smallest position error per axis assumed for any report, m. */
  minSigmaM: number;
  /** Per sensor index: whether a scan of that sensor without a report on a track counts as a miss
   *  (sparse sources such as human observers do not). Missing entries count. */
  sensorCountsMisses?: readonly boolean[];
}

/** The reference settings of the shared tracking benchmark. */
export const GNN_DEFAULTS: GnnOptions = {
  gate: 3,
  missCost: 3,
  processNoise: 0.5,
  initialSpeedSigmaMps: 60,
  confirmHits: 3,
  confirmWindow: 5,
  tentativeMaxMisses: 2,
  deleteAfterMisses: 3,
  maxCoastS: Infinity,
  minSigmaM: 1,
};
