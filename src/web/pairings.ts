// Which track each interceptor flight is sent after, at any moment of a run: set when the flight
// is launched and changed by C2's re-vectoring (or cleared by a recall). With perfect sensing a
// track is numbered like the threat it follows. Read from the event log alone.

import type { SimEvent } from '../model/events.js';

export class Pairings {
  /** Per flight: the times its target changed (ascending) and the track from then on (-1: none). */
  private readonly times: number[][] = [];
  private readonly tracks: number[][] = [];

  constructor(events: readonly SimEvent[]) {
    const set = (flight: number, t: number, track: number) => {
      (this.times[flight] ??= []).push(t);
      (this.tracks[flight] ??= []).push(track);
    };
    for (const e of events) {
      if (e.kind === 'interceptor-launch') set(e.flight, e.t, e.track);
      else if (e.kind === 'assignment' && e.flight >= 0) set(e.flight, e.t, e.track);
    }
  }

  /** The track flight `flight` is after at t, or -1. */
  targetAt(flight: number, t: number): number {
    const times = this.times[flight];
    if (!times) return -1;
    let k = -1;
    for (let i = 0; i < times.length && times[i] <= t; i++) k = i;
    return k < 0 ? -1 : this.tracks[flight][k];
  }
}

/** Index of `id` in the first `count` ascending ids, or -1. */
export function findId(ids: Int32Array, count: number, id: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
