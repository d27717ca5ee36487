// Scores a track picture against the truth scan by scan: GOSPA (α = 2) with its decomposition,
// track-id switches and time to confirm (docs/sensing-and-tracking.md, "Scoring the picture").
//
// GOSPA pairs truths with tracks by its own optimal assignment, anew in every scan. Continuity is
// judged on a separate correspondence, kept from scan to scan as in the CLEAR MOT metrics
// (Bernardin & Stiefelhagen 2008), so that two truths flying close together do not count a
// switch each time the optimal assignment between them flips:
//  1. A truth that has been reported by a sensor (a report whose truth is it, at or before the
//     scan) is eligible; one never reported cannot have a track of its own and is left out.
//  2. An eligible truth keeps the track it was last matched to, if that track is still in the
//     picture, closer than c, and has not been matched to another truth since.
//  3. The remaining eligible truths and the remaining tracks are matched by the optimal GOSPA
//     assignment (pairs closer than c).
// An id switch is a matched truth whose track id differs from the one it was last matched to
// (after a gap too: a lost track picked up again under a new id counts once). The time to confirm
// of a truth runs from its first report (the time its sensor saw it) to the first scan in which it
// is matched; its mean is over the truths ever matched.

import { hypot2 } from '../core/hypot.js';
import { IntMap } from '../core/int-map.js';
import type { TrackScore } from '../model/outcome.js';
import type { Recording, StateRows } from '../model/recording.js';
import { Gospa, type GospaParams } from './gospa.js';

export type { TrackScore };

export class TrackScorer {
  private readonly gospa: Gospa;
  private readonly rest: Gospa;
  private scans = 0;
  private gospaSum = 0;
  private lastGospa = NaN;
  private localisationSum = 0;
  private missed = 0;
  private falseTracks = 0;
  private idSwitches = 0;
  private confirmDelaySum = 0;
  private readonly firstSeen = new Set<number>();
  private readonly firstDetected = new Set<number>();
  /** Truth id → time of its first report, s. */
  private readonly firstReportS = new Map<number, number>();
  /** Truth id → id of the track it was last matched to. */
  private readonly lastTrack = new Map<number, number>();
  /** Track id → id of the truth it was last matched to. */
  private readonly holder = new Map<number, number>();

  // Per-scan scratch.
  private readonly trackRow = new IntMap(256);
  private match = new Int32Array(256);
  private taken = new Uint8Array(256);
  private restTruth = new Int32Array(256);
  private restTrack = new Int32Array(256);
  private restTruthX = new Float64Array(256);
  private restTruthY = new Float64Array(256);
  private restTrackX = new Float64Array(256);
  private restTrackY = new Float64Array(256);

  constructor(readonly params: GospaParams) {
    this.gospa = new Gospa(params);
    this.rest = new Gospa(params);
  }

  /** A sensor reported `truthId` at `timeS` (the time of the measurement, not of its delivery). */
  reported(truthId: number, timeS: number): void {
    if (truthId < 0) return;
    const first = this.firstReportS.get(truthId);
    if (first === undefined || timeS < first) this.firstReportS.set(truthId, timeS);
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
    // The continuity correspondence (steps 1–3 above), and its counts.
    const c = this.params.cutoffM;
    if (this.match.length < truths) this.match = new Int32Array(2 * truths);
    if (this.taken.length < tracks) this.taken = new Uint8Array(2 * tracks);
    const match = this.match;
    const taken = this.taken;
    taken.fill(0, 0, tracks);
    this.trackRow.clear();
    for (let j = 0; j < tracks; j++) this.trackRow.set(trackId[j], j);
    // Step 2: kept matches. A truth not reported yet is marked -2: it takes no part in step 3.
    for (let i = 0; i < truths; i++) {
      match[i] = -2;
      const id = truthId[i];
      this.firstSeen.add(id);
      const first = this.firstReportS.get(id);
      if (first === undefined || first > t) continue;
      match[i] = -1;
      this.firstDetected.add(id);
      const last = this.lastTrack.get(id);
      if (last === undefined || this.holder.get(last) !== id) continue;
      const j = this.trackRow.get(last);
      if (j < 0 || taken[j]) continue;
      if (!(hypot2(trackX[j] - truthX[i], trackY[j] - truthY[i]) < c)) continue;
      match[i] = j;
      taken[j] = 1;
    }
    // Step 3: the optimal assignment between what is left.
    if (this.restTruth.length < truths) {
      this.restTruth = new Int32Array(2 * truths);
      this.restTruthX = new Float64Array(2 * truths);
      this.restTruthY = new Float64Array(2 * truths);
    }
    if (this.restTrack.length < tracks) {
      this.restTrack = new Int32Array(2 * tracks);
      this.restTrackX = new Float64Array(2 * tracks);
      this.restTrackY = new Float64Array(2 * tracks);
    }
    let m = 0;
    for (let i = 0; i < truths; i++) {
      if (match[i] !== -1) continue;
      this.restTruth[m] = i;
      this.restTruthX[m] = truthX[i];
      this.restTruthY[m] = truthY[i];
      m++;
    }
    let n = 0;
    for (let j = 0; j < tracks; j++) {
      if (taken[j]) continue;
      this.restTrack[n] = j;
      this.restTrackX[n] = trackX[j];
      this.restTrackY[n] = trackY[j];
      n++;
    }
    if (m > 0 && n > 0) {
      this.rest.scan(this.restTruthX, this.restTruthY, m, this.restTrackX, this.restTrackY, n);
      const pairing = this.rest.truthToEstimate;
      for (let r = 0; r < m; r++) if (pairing[r] >= 0) match[this.restTruth[r]] = this.restTrack[pairing[r]];
    }
    // Counts.
    for (let i = 0; i < truths; i++) {
      const j = match[i];
      if (j < 0) continue;
      const id = truthId[i];
      const track = trackId[j];
      const previous = this.lastTrack.get(id);
      if (previous === undefined) this.confirmDelaySum += t - this.firstReportS.get(id)!;
      else if (previous !== track) this.idSwitches++;
      this.lastTrack.set(id, track);
      this.holder.set(track, id);
    }
  }

  summary(): TrackScore {
    const tracked = this.lastTrack.size;
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
      meanTimeToConfirmS: tracked > 0 ? this.confirmDelaySum / tracked : NaN,
      truthsSeen: this.firstSeen.size,
      truthsDetected: this.firstDetected.size,
      truthsTracked: tracked,
    };
  }
}

/** The parts of a recording the score reads: scans, truth rows, and the truth behind each report. */
export type ScoredRecording = Pick<Recording, 'scanTimeS' | 'scanStart' | 'detTruth' | 'truth'>;

/** Scores track rows against a recording's truth at its scan times (rows match scans by exact t);
 *  a truth's first report is the first scan holding a report whose truth it is. */
export function scoreStateRows(
  recording: ScoredRecording,
  tracks: StateRows,
  params: GospaParams,
): TrackScore {
  const { scanTimeS, scanStart, detTruth, truth } = recording;
  const scorer = new TrackScorer(params);
  const truthAt = rowsByTime(truth);
  const tracksAt = rowsByTime(tracks);
  const empty: number[] = [];
  for (let s = 0; s < scanTimeS.length; s++) {
    const t = scanTimeS[s];
    for (let k = scanStart[s]; k < scanStart[s + 1]; k++) scorer.reported(detTruth[k], t);
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
