// An optional last phase of the tick loop that samples the positions of every threat and
// interceptor flight in the air every few seconds, the defender units away from their bases and,
// when a real tracker keeps the picture, the confirmed tracks with their uncertainty, so a run can
// be replayed smoothly on a map. It only reads the world; runs without it produce exactly the same
// events.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundS } from '../model/events.js';
import type { TrajectoryFrame, TrajectorySamples } from '../model/trajectory.js';
import { FlightStatus, ThreatStatus, type World } from '../model/world.js';

export interface TrajectoryObserver {
  phase: Phase<World>;
  samples: TrajectorySamples;
}

export interface TrajectoryOptions {
  /** Record the track picture too (runs with a real tracker; with perfect sensing it is the truth). */
  tracks?: boolean;
}

export function trajectoryObserver(everyS: number, options: TrajectoryOptions = {}): TrajectoryObserver {
  if (!(everyS > 0)) throw new RangeError(`sample interval must be positive, got ${everyS}`);
  const samples: TrajectorySamples = { everyS, frames: [] };
  let nextS = everyS;
  const order: number[] = [];
  const phase: Phase<World> = {
    name: 'trajectory-observer',
    step(world: World, clock: Clock): void {
      // Positions after this tick are those of its end time.
      const t = clock.end;
      if (t + 1e-9 < nextS) return;
      nextS = (Math.floor(t / everyS + 1e-9) + 1) * everyS;
      const frame: TrajectoryFrame = { t: roundS(t), threats: [], flights: [] };
      const { threats, flights, units, tracks } = world;
      for (let i = 0; i < threats.launchedCount; i++) {
        const status = threats.status[i];
        if (status !== ThreatStatus.Flying && status !== ThreatStatus.Arrived) continue;
        frame.threats.push(i, Math.round(threats.x[i]), Math.round(threats.y[i]), Math.round(threats.z[i]));
      }
      // Flight slots are reused, so slot order is not id order: sort the few airborne ones.
      order.length = 0;
      for (let f = 0; f < flights.capacity; f++) if (flights.status[f] !== FlightStatus.Free) order.push(f);
      order.sort((a, b) => flights.id[a] - flights.id[b]);
      for (const f of order) {
        frame.flights.push(
          flights.id[f],
          flights.unit[f],
          Math.round(flights.x[f]),
          Math.round(flights.y[f]),
          Math.round(flights.z[f]),
        );
      }
      const defenders = world.scenario.defenders;
      const away: number[] = [];
      for (let u = 0; u < defenders.length; u++) {
        const base = defenders[u].base;
        if (Math.abs(units.x[u] - base.e) < 0.5 && Math.abs(units.y[u] - base.n) < 0.5) continue;
        away.push(u, Math.round(units.x[u]), Math.round(units.y[u]), Math.round(units.z[u]), units.mode[u]);
      }
      if (away.length > 0) frame.units = away;
      if (options.tracks) {
        // Tracker rows are in no promised order: sort by track number, as the replay matches by id.
        order.length = 0;
        for (let r = 0; r < tracks.count; r++) order.push(r);
        order.sort((a, b) => tracks.id[a] - tracks.id[b]);
        const picture: number[] = [];
        for (const r of order) {
          picture.push(
            tracks.id[r],
            Math.round(tracks.x[r]),
            Math.round(tracks.y[r]),
            Math.max(1, Math.ceil(tracks.sigmaM[r])),
            Math.round(100 * tracks.pDecoy[r]),
          );
        }
        frame.tracks = picture;
      }
      samples.frames.push(frame);
    },
  };
  return { phase, samples };
}
