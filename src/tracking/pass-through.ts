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
        tracks.resize(kept);
        return;
      }
      // One report per object: the picture is the scan, copied column by column.
      const n = detections.count;
      tracks.resize(n);
      tracks.id.set(detections.truth.subarray(0, n));
      tracks.x.set(detections.x.subarray(0, n));
      tracks.y.set(detections.y.subarray(0, n));
      tracks.z.set(detections.z.subarray(0, n));
      tracks.vx.set(detections.vx.subarray(0, n));
      tracks.vy.set(detections.vy.subarray(0, n));
      tracks.vz.set(detections.vz.subarray(0, n));
      tracks.sigmaM.set(detections.sigmaM.subarray(0, n));
      tracks.pDecoy.set(detections.pDecoy.subarray(0, n));
      tracks.lastUpdateS.set(detections.timeS.subarray(0, n));
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
