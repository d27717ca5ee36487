// Threat evaluation: for every track, which asset it is most likely heading for, when it would
// get there, what is at stake, how likely it is real, and how urgent it is. C2 reads only the
// track picture and the scenario (assets, the threat catalogue), never the truth.
//
// Aim: each asset a gets the likelihood  prior(a) * (FLOOR + exp(-angle^2 / 2 sigma^2)),  where
// angle is between the track's heading and the bearing to a, prior(a) is proportional to a's
// value (raiders aim at what matters) and FLOOR keeps assets behind a route's turn possible. The
// normalised likelihoods weigh the value at risk; the likeliest asset is the aim.
// Type: the catalogue type whose speed is closest to the track's (kinematic classification).
// Value at risk: sum_a P(a) * value(a) * min(1 - damage(a), warhead / destroy mass of a): a hit
// takes at most what is left of an asset (impacts on own assets are reported), so a threat aimed
// at a ruin is worth little.
// Priority: P(real) * value at risk / max(time to impact, 1 min): value at stake per minute.

import type { Scenario } from '../model/scenario.js';
import type { TrackTable } from '../model/track.js';

const AIM_SIGMA_RAD = (20 * Math.PI) / 180;
const AIM_FLOOR = 0.02;
const URGENCY_FLOOR_S = 60;

/** Per track row, struct of arrays; grown as the picture grows, never shrunk. */
export class ThreatAssessment {
  count = 0;
  trackId = new Int32Array(0);
  /** Position extrapolated to the decision time. */
  x = new Float64Array(0);
  y = new Float64Array(0);
  z = new Float64Array(0);
  vx = new Float64Array(0);
  vy = new Float64Array(0);
  threatType = new Int32Array(0);
  aimAsset = new Int32Array(0);
  aimProbability = new Float64Array(0);
  timeToImpactS = new Float64Array(0);
  valueAtRisk = new Float64Array(0);
  pReal = new Float64Array(0);
  priority = new Float64Array(0);

  resize(n: number): void {
    this.count = n;
    if (this.trackId.length >= n) return;
    const size = Math.max(n, 2 * this.trackId.length, 16);
    this.trackId = new Int32Array(size);
    this.x = new Float64Array(size);
    this.y = new Float64Array(size);
    this.z = new Float64Array(size);
    this.vx = new Float64Array(size);
    this.vy = new Float64Array(size);
    this.threatType = new Int32Array(size);
    this.aimAsset = new Int32Array(size);
    this.aimProbability = new Float64Array(size);
    this.timeToImpactS = new Float64Array(size);
    this.valueAtRisk = new Float64Array(size);
    this.pReal = new Float64Array(size);
    this.priority = new Float64Array(size);
  }
}

export function evaluateThreats(
  t: number,
  scenario: Scenario,
  tracks: TrackTable,
  out: ThreatAssessment,
  assetDamage?: ArrayLike<number>,
): void {
  const { assets, threatTypes } = scenario;
  out.resize(tracks.count);
  let valueSum = 0;
  for (const a of assets) valueSum += a.value;
  const A = assets.length;
  const remaining = new Float64Array(A);
  for (let a = 0; a < A; a++) remaining[a] = Math.max(0, 1 - (assetDamage?.[a] ?? 0));
  const likelihood = new Float64Array(A);
  for (let k = 0; k < tracks.count; k++) {
    const age = t - tracks.lastUpdateS[k];
    const vx = tracks.vx[k];
    const vy = tracks.vy[k];
    const x = tracks.x[k] + vx * age;
    const y = tracks.y[k] + vy * age;
    const speed = Math.hypot(vx, vy);
    out.trackId[k] = tracks.id[k];
    out.x[k] = x;
    out.y[k] = y;
    out.z[k] = tracks.z[k];
    out.vx[k] = vx;
    out.vy[k] = vy;

    const type = nearestBySpeed(threatTypes, speed, false);
    out.threatType[k] = type;
    // The warhead is the one it carries if real: decoy-ness is P(real)'s term. A Gerbera flies
    // close to a Shahed's speed, and a noisy track's speed alone would zero a Shahed's warhead.
    const ifReal = nearestBySpeed(threatTypes, speed, true);

    let total = 0;
    let aim = -1;
    for (let a = 0; a < assets.length; a++) {
      const dx = assets[a].position.e - x;
      const dy = assets[a].position.n - y;
      const angle = speed > 0 ? Math.abs(Math.atan2(dx * vy - dy * vx, dx * vx + dy * vy)) : 0;
      const prior = valueSum > 0 ? assets[a].value / valueSum : 1 / assets.length;
      const l = prior * (AIM_FLOOR + Math.exp(-(angle * angle) / (2 * AIM_SIGMA_RAD * AIM_SIGMA_RAD)));
      likelihood[a] = l;
      total += l;
      if (aim < 0 || l > likelihood[aim]) aim = a;
    }
    const warheadKg = threatTypes[ifReal]?.warheadKg ?? 0;
    let atRisk = 0;
    for (let a = 0; a < A; a++)
      atRisk +=
        (likelihood[a] / total) * assets[a].value * Math.min(remaining[a], warheadKg / assets[a].destroyKg);
    out.aimAsset[k] = aim;
    out.aimProbability[k] = aim >= 0 ? likelihood[aim] / total : 0;
    out.timeToImpactS[k] =
      aim >= 0 && speed > 0
        ? Math.hypot(assets[aim].position.e - x, assets[aim].position.n - y) / speed
        : Infinity;
    out.valueAtRisk[k] = aim >= 0 ? atRisk : 0;
    out.pReal[k] = 1 - tracks.pDecoy[k];
    out.priority[k] = (out.pReal[k] * out.valueAtRisk[k]) / Math.max(out.timeToImpactS[k], URGENCY_FLOOR_S);
  }
}

/** The threat type whose speed is nearest, among the real (non-decoy) types when `realOnly`. */
function nearestBySpeed(types: Scenario['threatTypes'], speed: number, realOnly: boolean): number {
  let best = -1;
  for (let c = 0; c < types.length; c++) {
    if (realOnly && types[c].decoy) continue;
    if (best < 0 || Math.abs(types[c].speedMps - speed) < Math.abs(types[best].speedMps - speed)) best = c;
  }
  return Math.max(best, 0);
}
