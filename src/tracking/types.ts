// A tracker turns each step's detections into the track picture C2 acts on.

import type { DetectionBatch } from '../model/detection.js';
import type { TrackTable } from '../model/track.js';
import type { GnnOptions } from './gnn-options.js';

export interface Tracker {
  /** Folds the detections of the step ending at t into `tracks` (updated in place). */
  update(t: number, detections: DetectionBatch, tracks: TrackTable): void;
}

export interface TrackerOptions {
  /** Drop a track not updated for this long, s. */
  staleAfterS: number;
  /** Settings of the GNN tracker; missing fields take GNN_DEFAULTS. */
  gnn?: Partial<GnnOptions>;
}

export type TrackerFactory = (options: TrackerOptions) => Tracker;
