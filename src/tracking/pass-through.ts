// The tracker for perfect sensing: each report of the ideal sensor becomes a track, numbered by
// the object it saw. It is the baseline against which real trackers are measured.

import type { DetectionBatch } from '../model/detection.js';
import type { TrackTable } from '../model/track.js';
import type { Tracker, TrackerOptions } from './types.js';

export function createPassThroughTracker(options: TrackerOptions): Tracker {
  return {
    update(t: number, detections: DetectionBatch, tracks: TrackTable): void {
      if (detections.count === 0) {
        // Between scans the picture stands, until it is too old to trust.
        let kept = 0;
        for (let i = 0; i < tracks.count; i++) {
          if (t - tracks.lastUpdateS[i] <= options.staleAfterS) {
            if (kept !== i) copyRow(tracks, i, kept);
            kept++;
          }
        }
        tracks.count = kept;
        return;
      }
      tracks.clear();
      for (let k = 0; k < detections.count; k++) {
        const i = tracks.add();
        tracks.id[i] = detections.truth[k];
        tracks.x[i] = detections.x[k];
        tracks.y[i] = detections.y[k];
        tracks.z[i] = detections.z[k];
        tracks.vx[i] = detections.vx[k];
        tracks.vy[i] = detections.vy[k];
        tracks.vz[i] = detections.vz[k];
        tracks.sigmaM[i] = detections.sigmaM[k];
        tracks.pDecoy[i] = detections.pDecoy[k];
        tracks.lastUpdateS[i] = detections.timeS[k];
      }
    },
  };
}

function copyRow(tracks: TrackTable, from: number, to: number): void {
  tracks.id[to] = tracks.id[from];
  tracks.x[to] = tracks.x[from];
  tracks.y[to] = tracks.y[from];
  tracks.z[to] = tracks.z[from];
  tracks.vx[to] = tracks.vx[from];
  tracks.vy[to] = tracks.vy[from];
  tracks.vz[to] = tracks.vz[from];
  tracks.sigmaM[to] = tracks.sigmaM[from];
  tracks.pDecoy[to] = tracks.pDecoy[from];
  tracks.lastUpdateS[to] = tracks.lastUpdateS[from];
}
