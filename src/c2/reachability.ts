// Reachability: for every (effector, track) pair, whether and when the effector can intercept
// before the threat reaches its aim point, where, and with what kill probability. The threat is
// taken on its present course at constant velocity (the track's estimate); the weapon starts after
// its launch delay from its origin at its speed. A pair is feasible when
//   - the pursuit has a solution within the weapon's endurance,
//   - the intercept comes before the threat's time to impact,
//   - the intercept point is inside the engagement envelope: horizontal distance from the origin
//     in [minRange, maxRange], slant distance within maxSlantRange, altitude in
//     [minAltitude, maxAltitude].
// A weapon that may wait (SAM, gun, fire group) that cannot reach the threat now is tried again
// from the moment the threat comes within its range, if that is within `waitHorizonS`: a course
// extrapolated much further is a guess (routes turn), and a far-off shot planned on it would hold
// the track's doctrine slot against weapons that must launch now.
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
  waitHorizonS = Infinity,
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
      const iz = threats.z[k];
      if (iz < w.minAltitudeM || iz > w.maxAltitudeM) continue;
      const vx = threats.vx[k];
      const vy = threats.vy[k];
      const threatSpeed = Math.sqrt(vx * vx + vy * vy);
      // Cheap reject: farther than the weapon flies plus the threat's own travel meanwhile (or,
      // for a weapon that may wait, plus its travel until impact).
      const px = threats.x[k] - w.x;
      const py = threats.y[k] - w.y;
      const travelS = w.mayWait ? Math.min(impactS, 1e7) : w.launchDelayS + w.enduranceS;
      const dist2 = px * px + py * py;
      const far = reachM + threatSpeed * travelS;
      if (dist2 > far * far) continue;
      // A weapon that waits: the threat's course must pass within its reach.
      if (w.mayWait && dist2 > reachM * reachM && threatSpeed > 0) {
        const along = -(px * vx + py * vy) / threatSpeed;
        if (along <= 0 || dist2 - along * along > reachM * reachM) continue;
      }
      const dz = iz - w.z;
      let startS = w.launchDelayS;
      let flyS = pursuit(w, px, py, dz, vx, vy, startS);
      if (!feasible(w, px, py, dz, vx, vy, startS, flyS) && w.mayWait) {
        // Hold fire until the threat comes within range of the weapon, then try again.
        const enterS = entryTime(px, py, vx, vy, Math.min(w.maxRangeM, reachM));
        if (!(enterS > startS) || enterS - startS > waitHorizonS) continue;
        startS = enterS;
        flyS = pursuit(w, px, py, dz, vx, vy, startS);
        if (!feasible(w, px, py, dz, vx, vy, startS, flyS)) continue;
      } else if (!feasible(w, px, py, dz, vx, vy, startS, flyS)) continue;
      const totalS = startS + flyS;
      if (totalS >= impactS) continue;
      out.push(k, totalS, threats.x[k] + vx * totalS, threats.y[k] + vy * totalS, iz, pk);
    }
    out.start[e + 1] = out.count;
  }
}

/** Flight time of the weapon starting at `startS`, onto the threat at relative (px, py, dz) now. */
function pursuit(
  w: EffectorDescriptor,
  px: number,
  py: number,
  dz: number,
  vx: number,
  vy: number,
  startS: number,
): number {
  return interceptTime(px + vx * startS, py + vy * startS, dz, vx, vy, 0, w.speedMps);
}

/** Within endurance, and the intercept point inside the envelope around the weapon's origin. */
function feasible(
  w: EffectorDescriptor,
  px: number,
  py: number,
  dz: number,
  vx: number,
  vy: number,
  startS: number,
  flyS: number,
): boolean {
  if (!(flyS <= w.enduranceS)) return false;
  const ix = px + vx * (startS + flyS);
  const iy = py + vy * (startS + flyS);
  const range2 = ix * ix + iy * iy;
  if (range2 < w.minRangeM * w.minRangeM || range2 > w.maxRangeM * w.maxRangeM) return false;
  return range2 + dz * dz <= w.maxSlantRangeM * w.maxSlantRangeM;
}

/**
 * When a threat at (px, py) relative to the weapon, moving at (vx, vy), first comes within
 * horizontal distance r (0 if it is already inside, NaN if it never does).
 */
export function entryTime(px: number, py: number, vx: number, vy: number, r: number): number {
  const c = px * px + py * py - r * r;
  if (c <= 0) return 0;
  const a = vx * vx + vy * vy;
  const b = px * vx + py * vy;
  const disc = b * b - a * c;
  if (a === 0 || b >= 0 || disc < 0) return NaN;
  return (-b - Math.sqrt(disc)) / a;
}
