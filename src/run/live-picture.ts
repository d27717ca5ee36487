// The live track picture: reports from an outside feed kept as a TrackTable that threat
// evaluation reads as it reads the simulated tracker's. Each feed uid becomes a stable track id.
// A report older than what is known of its track, a repeat of it, or one already past its stale
// time is refused (counted by the caller); tracks past their stale time age out.

import { grown } from '../core/typed-arrays.js';
import type { RejectReason, TrackReport } from '../model/live.js';
import { TrackTable } from '../model/track.js';

export type ApplyResult = 'added' | 'updated' | RejectReason;

export class LivePicture {
  readonly tracks = new TrackTable();
  /** Stale time of each row, s after scenario start. */
  private staleS = new Float64Array(256);
  private readonly idOf = new Map<string, number>();
  private readonly uidOf: string[] = [];
  /** Tracks the operator reported destroyed: later reports of them are refused. */
  private readonly killed = new Set<string>();

  /** The feed's uid of a track id. */
  uid(trackId: number): string {
    return this.uidOf[trackId];
  }

  /** Track id of a uid, or -1 when it was never seen. */
  trackId(uid: string): number {
    return this.idOf.get(uid) ?? -1;
  }

  /** Apply one report at picture time `nowS`. */
  apply(report: TrackReport, nowS: number): ApplyResult {
    if (this.killed.has(report.uid)) return 'killed';
    if (!(report.staleS > nowS)) return 'stale';
    let id = this.idOf.get(report.uid);
    let row = id === undefined ? -1 : this.tracks.rowOf(id);
    const t = this.tracks;
    if (row >= 0) {
      if (report.timeS < t.lastUpdateS[row]) return 'out-of-order';
      if (report.timeS === t.lastUpdateS[row]) return 'duplicate';
    }
    const added = row < 0;
    if (added) {
      if (id === undefined) {
        id = this.uidOf.length;
        this.uidOf.push(report.uid);
        this.idOf.set(report.uid, id);
      }
      row = t.add();
      if (this.staleS.length < t.id.length) this.staleS = grown(this.staleS, t.id.length);
      t.id[row] = id;
    }
    t.x[row] = report.e;
    t.y[row] = report.n;
    t.z[row] = report.u;
    t.vx[row] = report.vx;
    t.vy[row] = report.vy;
    t.vz[row] = report.vz;
    t.sigmaM[row] = report.sigmaM;
    t.pDecoy[row] = report.pDecoy;
    t.lastUpdateS[row] = report.timeS;
    this.staleS[row] = report.staleS;
    return added ? 'added' : 'updated';
  }

  /** Drop the tracks whose stale time has passed; returns how many went. */
  expire(nowS: number): number {
    let removed = 0;
    for (let row = this.tracks.count - 1; row >= 0; row--) {
      if (this.staleS[row] > nowS) continue;
      this.removeRow(row);
      removed++;
    }
    return removed;
  }

  /** The operator reported the track destroyed: it leaves the picture and stays out. */
  kill(uid: string): boolean {
    this.killed.add(uid);
    const id = this.idOf.get(uid);
    const row = id === undefined ? -1 : this.tracks.rowOf(id);
    if (row >= 0) this.removeRow(row);
    return row >= 0;
  }

  /** Drop every track (the feed was lost long enough for nothing in it to be trusted). */
  clear(): void {
    this.tracks.clear();
  }

  /** Moves the last row into `row`: order does not matter to threat evaluation. */
  private removeRow(row: number): void {
    const t = this.tracks;
    const last = t.count - 1;
    if (row !== last) {
      t.id[row] = t.id[last];
      t.x[row] = t.x[last];
      t.y[row] = t.y[last];
      t.z[row] = t.z[last];
      t.vx[row] = t.vx[last];
      t.vy[row] = t.vy[last];
      t.vz[row] = t.vz[last];
      t.sigmaM[row] = t.sigmaM[last];
      t.pDecoy[row] = t.pDecoy[last];
      t.lastUpdateS[row] = t.lastUpdateS[last];
      this.staleS[row] = this.staleS[last];
    }
    t.resize(last);
  }
}
