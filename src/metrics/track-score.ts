// Scores a track picture against the truth scan by scan: GOSPA (α = 2) with its decomposition,
// track-id switches, and time to confirm. A truth counts as tracked in a scan when GOSPA's optimal
// assignment pairs it with a track (closer than c); an id switch is a truth paired with a
// different track id than the last time it was paired; time to confirm runs from a truth's first
// scan to the first scan in which it is paired.

import type { TrackScore } from '../model/outcome.js';
import type { StateRows } from '../model/recording.js';
import { Gospa, type GospaParams } from './gospa.js';

export type { TrackScore };

export class TrackScorer {
  private readonly gospa: Gospa;
  private scans = 0;
  private gospaSum = 0;
  private lastGospa = NaN;
  private localisationSum = 0;
  private missed = 0;
  private falseTracks = 0;
  private idSwitches = 0;
  private readonly firstSeenS = new Map<number, number>();
  private readonly lastTrack = new Map<number, number>();
  private readonly confirmDelays: number[] = [];

  constructor(readonly params: GospaParams) {
    this.gospa = new Gospa(params);
  }

  scan(
    t: number,
    truthId: ArrayLike<number>,
    truthX: ArrayLike<number>,
    truthY: ArrayLike<number>,
    truths: number,
    trackId: ArrayLike<number>,
    trackX: ArrayLike<number>,
    trackY: ArrayLike<number>,
    tracks: number,
  ): void {
    const s = this.gospa.scan(truthX, truthY, truths, trackX, trackY, tracks);
    this.scans++;
    this.gospaSum += s.gospa;
    this.lastGospa = s.gospa;
    this.localisationSum += s.localisation;
    this.missed += s.missed;
    this.falseTracks += s.falseTracks;
    const pairing = this.gospa.truthToEstimate;
    for (let i = 0; i < truths; i++) {
      const id = truthId[i];
      if (!this.firstSeenS.has(id)) this.firstSeenS.set(id, t);
      const j = pairing[i];
      if (j < 0) continue;
      const previous = this.lastTrack.get(id);
      if (previous === undefined) this.confirmDelays.push(t - this.firstSeenS.get(id)!);
      else if (previous !== trackId[j]) this.idSwitches++;
      this.lastTrack.set(id, trackId[j]);
    }
  }

  summary(): TrackScore {
    const delays = this.confirmDelays;
    return {
      cutoffM: this.params.cutoffM,
      p: this.params.p,
      scans: this.scans,
      meanGospa: this.scans > 0 ? this.gospaSum / this.scans : 0,
      finalGospa: this.scans > 0 ? this.lastGospa : 0,
      localisationSum: this.localisationSum,
      missedTargetScans: this.missed,
      falseTrackScans: this.falseTracks,
      idSwitches: this.idSwitches,
      meanTimeToConfirmS: delays.length > 0 ? delays.reduce((a, b) => a + b, 0) / delays.length : NaN,
      truthsSeen: this.firstSeenS.size,
      truthsTracked: this.lastTrack.size,
    };
  }
}

/** Scores track rows against truth rows at the given scan times (rows match scans by exact t). */
export function scoreStateRows(
  scanTimes: ArrayLike<number>,
  truth: StateRows,
  tracks: StateRows,
  params: GospaParams,
): TrackScore {
  const scorer = new TrackScorer(params);
  const truthAt = rowsByTime(truth);
  const tracksAt = rowsByTime(tracks);
  const empty: number[] = [];
  for (let s = 0; s < scanTimes.length; s++) {
    const t = scanTimes[s];
    const a = truthAt.get(t) ?? empty;
    const b = tracksAt.get(t) ?? empty;
    scorer.scan(
      t,
      a.map((k) => truth.id[k]),
      a.map((k) => truth.x[k]),
      a.map((k) => truth.y[k]),
      a.length,
      b.map((k) => tracks.id[k]),
      b.map((k) => tracks.x[k]),
      b.map((k) => tracks.y[k]),
      b.length,
    );
  }
  return scorer.summary();
}

function rowsByTime(rows: StateRows): Map<number, number[]> {
  const byTime = new Map<number, number[]>();
  for (let k = 0; k < rows.count; k++) {
    const list = byTime.get(rows.t[k]);
    if (list) list.push(k);
    else byTime.set(rows.t[k], [k]);
  }
  return byTime;
}
