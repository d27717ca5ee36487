// Raw detections as a live input: the scans of a recording (the `bulwark track` format: position
// reports in local metres of the scenario's frame, times in seconds after the scenario's start)
// go through the same GNN tracker `bulwark track` runs; after each scan its confirmed tracks are
// track reports for the live picture, as a CoT feed's would be.

import type { TrackReport } from '../model/live.js';
import type { Recording } from '../model/recording.js';
import { RecordingTracker, type ReplayOptions } from './track-replay.js';

export interface DetectionFeedOptions extends ReplayOptions {
  /** Altitude given to the tracks: the recordings are two-dimensional, m. */
  altitudeM?: number;
  /** How long a track's report is trusted after its scan, s. */
  staleAfterS: number;
}

/** The feed's uid of a tracker's track id. */
export function detectionTrackUid(trackId: number): string {
  return `track.${trackId}`;
}

export class DetectionFeed {
  private readonly tracker: RecordingTracker;

  constructor(
    readonly recording: Recording,
    private readonly options: DetectionFeedOptions,
  ) {
    this.tracker = new RecordingTracker(recording, options);
  }

  get scans(): number {
    return this.recording.scanTimeS.length;
  }

  /** Time of scan s, seconds after scenario start. */
  timeS(s: number): number {
    return this.recording.scanTimeS[s];
  }

  /** Folds scan s into the tracker; a report of each confirmed track at the scan's time. */
  reports(s: number): TrackReport[] {
    const t = this.timeS(s);
    const tracks = this.tracker.scan(s);
    const out: TrackReport[] = [];
    for (let i = 0; i < tracks.count; i++) {
      out.push({
        uid: detectionTrackUid(tracks.id[i]),
        timeS: t,
        staleS: t + this.options.staleAfterS,
        e: tracks.x[i],
        n: tracks.y[i],
        u: this.options.altitudeM ?? 0,
        vx: tracks.vx[i],
        vy: tracks.vy[i],
        vz: 0,
        sigmaM: tracks.sigmaM[i],
        // Position-only reports carry no class: treated as real, as the other feeds treat silence.
        pDecoy: 0,
      });
    }
    return out;
  }
}
