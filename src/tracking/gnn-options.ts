// Settings of the GNN tracker, with the reference settings of the shared tracking benchmark as defaults.

import type { TrackerSettings } from '../model/scenario.js';
import type { ImmSettings } from './imm.js';

export interface GnnOptions extends TrackerSettings {
  /** Smallest position error per axis assumed for any report, m. */
  minSigmaM: number;
  /** Per sensor index: whether a scan of that sensor without a report on a track counts as a miss
   *  (sparse sources such as human observers do not). Missing entries count. */
  sensorCountsMisses?: readonly boolean[];
  /** Settings of the IMM filters (motion 'imm'); missing fields take IMM_DEFAULTS. */
  imm?: Partial<ImmSettings>;
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
  motion: 'cv',
  minSigmaM: 1,
};
