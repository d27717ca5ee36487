// Reachability: for every (effector, track) pair, whether and when the effector can intercept
// before the threat reaches its aim point, where, and with what kill probability. The threat is
// taken on its present course at constant velocity (the track's estimate); the weapon starts after
// its launch delay from its origin at its speed. A pair is feasible when
//   - the pursuit has a solution within the weapon's endurance,
//   - the intercept comes before the threat's time to impact,
//   - the intercept point is inside the engagement envelope: horizontal distance from the origin
//     in [minRange, maxRange] and altitude in [minAltitude, maxAltitude].
// The result is sparse: only feasible pairs, grouped by effector, in effector then track order.

import { interceptTime } from '../core/intercept.js';
import type { EffectorDescriptor } from '../model/effector.js';
import type { ThreatAssessment } from './threat-evaluation.js';

export class ReachMatrix {
  count = 0;
  /** Pairs of effector e are start[e] .. start[e + 1] - 1. */
  start = new Int32Array(1);
  /** Row of the track in the threat assessment. */
  track = new Int32Array(0);
  /** Time from now to the intercept, s. */
  timeS = new Float64Array(0);
  x = new Float64Array(0);
  y = new Float64Array(0);
  z = new Float64Array(0);
  pk = new Float64Array(0);

  reset(effectors: number): void {
    this.count = 0;
    if (this.start.length < effectors + 1) this.start = new Int32Array(effectors + 1);
    this.start[0] = 0;
  }

  push(track: number, timeS: number, x: number, y: number, z: number, pk: number): void {
    if (this.count === this.track.length) this.grow();
    const k = this.count++;
    this.track[k] = track;
    this.timeS[k] = timeS;
    this.x[k] = x;
    this.y[k] = y;
    this.z[k] = z;
    this.pk[k] = pk;
  }

  private grow(): void {
    const size = Math.max(64, this.track.length * 2);
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.track = grown(this.track, (n) => new Int32Array(n));
    this.timeS = grown(this.timeS, (n) => new Float64Array(n));
    this.x = grown(this.x, (n) => new Float64Array(n));
    this.y = grown(this.y, (n) => new Float64Array(n));
    this.z = grown(this.z, (n) => new Float64Array(n));
    this.pk = grown(this.pk, (n) => new Float64Array(n));
  }
}

/** Fill `out` with the feasible pairs of the effectors against the assessed tracks. */
export function computeReachability(
  effectors: readonly EffectorDescriptor[],
  threats: ThreatAssessment,
  out: ReachMatrix,
): void {
  out.reset(effectors.length);
  for (let e = 0; e < effectors.length; e++) {
    const w = effectors[e];
    const reachM = w.speedMps * w.enduranceS;
    for (let k = 0; k < threats.count; k++) {
      const pk = w.pkByThreatType[threats.threatType[k]] ?? 0;
      if (pk <= 0) continue;
      const impactS = threats.timeToImpactS[k];
      if (w.launchDelayS >= impactS) continue;
      // Where the threat is when the weapon starts moving.
      const vx = threats.vx[k];
      const vy = threats.vy[k];
      const sx = threats.x[k] + vx * w.launchDelayS - w.x;
      const sy = threats.y[k] + vy * w.launchDelayS - w.y;
      // Cheap reject: farther than the weapon flies plus the threat's own travel meanwhile.
      const far = reachM + Math.sqrt(vx * vx + vy * vy) * w.enduranceS;
      if (sx * sx + sy * sy > far * far) continue;
      const dz = threats.z[k] - w.z;
      const flyS = interceptTime(sx, sy, dz, vx, vy, 0, w.speedMps);
      if (!(flyS <= w.enduranceS)) continue;
      const totalS = w.launchDelayS + flyS;
      if (totalS >= impactS) continue;
      const ix = sx + vx * flyS;
      const iy = sy + vy * flyS;
      const range2 = ix * ix + iy * iy;
      if (range2 < w.minRangeM * w.minRangeM || range2 > w.maxRangeM * w.maxRangeM) continue;
      const iz = threats.z[k];
      if (iz < w.minAltitudeM || iz > w.maxAltitudeM) continue;
      out.push(k, totalS, w.x + ix, w.y + iy, iz, pk);
    }
    out.start[e + 1] = out.count;
  }
}
