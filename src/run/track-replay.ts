// Replays recorded detections through the GNN tracker: scan by scan, the confirmed tracks after
// each scan's update and deletion are written out (the recording format's output rows). The live
// loop feeds the same tracker scan by scan (RecordingTracker).

import { DetectionBatch } from '../model/detection.js';
import { emptyStateRows, type Recording, type StateRows } from '../model/recording.js';
import { TrackTable } from '../model/track.js';
import { GNN_DEFAULTS, GnnTracker, type GnnOptions } from '../tracking/index.js';

export interface ReplayOptions extends Partial<GnnOptions> {
  /** Position error per axis of the reports, m; defaults to the recording's params.sigma. */
  sigmaM?: number;
}

/** The process noise the recording was made with (params.q, m²/s³), when it states a usable one. */
export function recordedProcessNoise(recording: Recording): number | undefined {
  const q = recording.params.q;
  return typeof q === 'number' && Number.isFinite(q) && q > 0 ? q : undefined;
}

export function replayTracker(recording: Recording, options: ReplayOptions = {}): StateRows {
  const tracker = new RecordingTracker(recording, options);
  let out = emptyStateRows(4096);
  const scans = recording.scanTimeS.length;
  for (let s = 0; s < scans; s++) {
    const t = recording.scanTimeS[s];
    out = appendTracks(out, t, tracker.scan(s));
  }
  return out;
}

/**
 * The GNN tracker set up for a recording (its σ and q unless the caller gives them), fed one
 * recorded scan at a time; after each, the confirmed tracks at the scan's time. `bulwark track`
 * and the live loop's raw-detection input both run it.
 */
export class RecordingTracker {
  readonly tracks = new TrackTable(1024);
  private readonly tracker: GnnTracker;
  private readonly sigmaM: number;
  private readonly batch = new DetectionBatch(1024);
  private indices = new Int32Array(1024);

  constructor(
    private readonly recording: Recording,
    options: ReplayOptions = {},
  ) {
    const sigmaM = options.sigmaM ?? recording.sigmaM;
    if (sigmaM === undefined || !(sigmaM > 0)) throw new RangeError('the report error σ is unknown');
    this.sigmaM = sigmaM;
    // The targets' own process noise fits them best: the file's q unless the caller gives one.
    const q = recordedProcessNoise(recording);
    this.tracker = new GnnTracker({
      ...GNN_DEFAULTS,
      ...(q !== undefined ? { processNoise: q } : {}),
      ...stripUndefined(options),
    });
  }

  /** Folds scan s of the recording in; the confirmed tracks at its time. */
  scan(s: number): TrackTable {
    const { recording, batch } = this;
    const t = recording.scanTimeS[s];
    batch.clear();
    const from = recording.scanStart[s];
    const to = recording.scanStart[s + 1];
    if (this.indices.length < to - from) this.indices = new Int32Array(2 * (to - from));
    for (let k = from; k < to; k++) {
      this.indices[k - from] = batch.addPosition(
        0,
        t,
        recording.detX[k],
        recording.detY[k],
        0,
        this.sigmaM,
        NaN,
      );
    }
    this.tracker.processScan(batch, this.indices, to - from, t, 0);
    this.tracker.writeConfirmed(t, this.tracks);
    return this.tracks;
  }
}

function appendTracks(rows: StateRows, t: number, tracks: TrackTable): StateRows {
  if (rows.count + tracks.count > rows.id.length) {
    const bigger = emptyStateRows(Math.max(2 * rows.id.length, rows.count + tracks.count));
    bigger.count = rows.count;
    bigger.id.set(rows.id);
    bigger.t.set(rows.t);
    bigger.x.set(rows.x);
    bigger.vx.set(rows.vx);
    bigger.y.set(rows.y);
    bigger.vy.set(rows.vy);
    rows = bigger;
  }
  for (let i = 0; i < tracks.count; i++) {
    const k = rows.count++;
    rows.id[k] = tracks.id[i];
    rows.t[k] = t;
    rows.x[k] = tracks.x[i];
    rows.vx[k] = tracks.vx[i];
    rows.y[k] = tracks.y[i];
    rows.vy[k] = tracks.vy[i];
  }
  return rows;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
