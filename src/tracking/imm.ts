// Interacting multiple model (IMM) filter bank of the GNN tracker (Blom & Bar-Shalom 1988):
// per track, two Kalman filters on the state [x, vx, y, vy, ω] (kalman-ct), one nearly constant
// velocity (CV), one nearly coordinated turn (CT), and the probability of each mode.
//
// One prediction over dt: (1) mixing — the modes switch as a two-state Markov chain in continuous
// time, leaving CV after a mean sojourn of cvSojournS and CT after ctSojournS, so over dt
// π_CV→CT = 1 − exp(−dt/cvSojournS) and π_CT→CV = 1 − exp(−dt/ctSojournS) whatever the scan rates
// of the fused sensors; each filter starts from the mixture of both weighted by the chance it was
// in either; (2) each filter predicts with its own model; (3) the mode probabilities become the
// predicted ones. One update with a report: each filter updates, each mode's probability is
// multiplied by the report's likelihood under that filter and renormalised.
// After every step the moment-matched combination (mean and covariance of the mixture, ω dropped)
// is written to the tracker's 4-state rows, so gating, association and output work on it as on a
// CV track.

import { grown } from '../core/typed-arrays.js';
import { N5, predictCt, updatePosition5 } from './kalman-ct.js';
import { predictCvBlock } from './kalman-cv.js';

/** The IMM's own settings; the CV mode uses the tracker's process noise. */
export interface ImmSettings {
  /** White-acceleration spectral density of the CT mode, m²/s³. */
  ctProcessNoise: number;
  /** Random-walk spectral density of the turn rate in the CT mode, rad²/s³. */
  turnRateNoise: number;
  /** Standard deviation of the turn rate of a new track, rad/s. */
  initialTurnRateSigma: number;
  /** Mean time in each mode before switching, s. */
  cvSojournS: number;
  ctSojournS: number;
  /** Probability of the CT mode of a new track. */
  initialCtProbability: number;
}

/** Defaults for cruise missiles and drones flying waypoint routes: turns of a few degrees per
 *  second, minutes of straight flight between them. */
export const IMM_DEFAULTS: ImmSettings = {
  ctProcessNoise: 0.5,
  turnRateNoise: 1e-4,
  initialTurnRateSigma: 0.05,
  cvSojournS: 300,
  ctSojournS: 30,
  initialCtProbability: 0.1,
};

const MODES = 2;
const CV = 0;
const CT = 1;
/** Per track: two 5-states, two 5×5 covariances. */
const XS = MODES * N5;
const PS = MODES * N5 * N5;
/** Mode probabilities never fall below this, so a mode can always come back. */
const MIN_PROBABILITY = 1e-6;

export class ImmBank {
  x = new Float64Array(XS * 64);
  p = new Float64Array(PS * 64);
  /** Probability of each mode per track: [μ_CV, μ_CT]. */
  mu = new Float64Array(MODES * 64);

  // Scratch: the mixed states and covariances, the per-mode log-likelihoods.
  private readonly mixX = new Float64Array(XS);
  private readonly mixP = new Float64Array(PS);
  private readonly d = new Float64Array(N5);

  constructor(
    readonly settings: ImmSettings,
    capacity = 64,
  ) {
    this.grow(capacity);
  }

  grow(capacity: number): void {
    if (this.mu.length >= MODES * capacity) return;
    this.x = grown(this.x, XS * capacity);
    this.p = grown(this.p, PS * capacity);
    this.mu = grown(this.mu, MODES * capacity);
  }

  move(from: number, to: number): void {
    this.x.copyWithin(XS * to, XS * from, XS * from + XS);
    this.p.copyWithin(PS * to, PS * from, PS * from + PS);
    this.mu.copyWithin(MODES * to, MODES * from, MODES * from + MODES);
  }

  /** Probability of the coordinated-turn mode of track k. */
  ctProbability(k: number): number {
    return this.mu[MODES * k + CT];
  }

  /** Starts both filters of track k from the 4-state row k of `state`/`cov` with ω = 0. */
  init(k: number, state: Float64Array, cov: Float64Array): void {
    const sw = this.settings.initialTurnRateSigma;
    for (let m = 0; m < MODES; m++) {
      const xs = XS * k + N5 * m;
      const ps = PS * k + N5 * N5 * m;
      for (let i = 0; i < 4; i++) this.x[xs + i] = state[4 * k + i];
      this.x[xs + 4] = 0;
      this.p.fill(0, ps, ps + N5 * N5);
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) this.p[ps + N5 * i + j] = cov[16 * k + 4 * i + j];
      }
      this.p[ps + 24] = sw * sw;
    }
    const ct = this.settings.initialCtProbability;
    this.mu[MODES * k + CV] = 1 - ct;
    this.mu[MODES * k + CT] = ct;
  }

  /** Mixes, predicts both filters of track k over dt > 0 and writes the combination. */
  predict(k: number, dt: number, q: number, state: Float64Array, cov: Float64Array): void {
    if (dt <= 0) return;
    const o = this.settings;
    const mu = this.mu;
    const m0 = mu[MODES * k + CV];
    const m1 = mu[MODES * k + CT];
    const leaveCv = 1 - Math.exp(-dt / o.cvSojournS);
    const leaveCt = 1 - Math.exp(-dt / o.ctSojournS);
    // Predicted mode probabilities c_j = Σ_i π_ij μ_i, and mixing weights μ_{i|j} = π_ij μ_i / c_j.
    const c0 = (1 - leaveCv) * m0 + leaveCt * m1;
    const c1 = leaveCv * m0 + (1 - leaveCt) * m1;
    this.mix(k, CV, ((1 - leaveCv) * m0) / c0, (leaveCt * m1) / c0);
    this.mix(k, CT, (leaveCv * m0) / c1, ((1 - leaveCt) * m1) / c1);
    const xs = XS * k;
    const ps = PS * k;
    this.x.set(this.mixX, xs);
    this.p.set(this.mixP, ps);
    predictCvBlock(this.x, xs, this.p, ps, N5, dt, q);
    predictCt(this.x, xs + N5, this.p, ps + N5 * N5, dt, o.ctProcessNoise, o.turnRateNoise);
    mu[MODES * k + CV] = c0;
    mu[MODES * k + CT] = c1;
    this.combine(k, state, cov);
  }

  /** Updates both filters of track k with a position report and writes the combination. */
  update(
    k: number,
    zx: number,
    zy: number,
    rxx: number,
    rxy: number,
    ryy: number,
    lag: number,
    q: number,
    state: Float64Array,
    cov: Float64Array,
  ): void {
    const xs = XS * k;
    const ps = PS * k;
    const l0 = updatePosition5(this.x, xs, this.p, ps, zx, zy, rxx, rxy, ryy, lag, q);
    const l1 = updatePosition5(
      this.x,
      xs + N5,
      this.p,
      ps + N5 * N5,
      zx,
      zy,
      rxx,
      rxy,
      ryy,
      lag,
      this.settings.ctProcessNoise,
    );
    if (l0 > -Infinity || l1 > -Infinity) {
      // μ_j ∝ Λ_j μ_j, in the log domain against the larger likelihood.
      const top = Math.max(l0, l1);
      let a = this.mu[MODES * k + CV] * Math.exp(l0 - top);
      let b = this.mu[MODES * k + CT] * Math.exp(l1 - top);
      const sum = a + b;
      a /= sum;
      b /= sum;
      if (a < MIN_PROBABILITY) a = MIN_PROBABILITY;
      if (b < MIN_PROBABILITY) b = MIN_PROBABILITY;
      this.mu[MODES * k + CV] = a / (a + b);
      this.mu[MODES * k + CT] = b / (a + b);
    }
    this.combine(k, state, cov);
  }

  /** mixX/mixP for target mode j: w0·filter CV + w1·filter CT with the spread of the means. */
  private mix(k: number, j: number, w0: number, w1: number): void {
    const xs = XS * k;
    const ps = PS * k;
    const to = N5 * j;
    const toP = N5 * N5 * j;
    const x = this.x;
    const p = this.p;
    for (let i = 0; i < N5; i++) this.mixX[to + i] = w0 * x[xs + i] + w1 * x[xs + N5 + i];
    for (let i = 0; i < N5 * N5; i++) this.mixP[toP + i] = w0 * p[ps + i] + w1 * p[ps + N5 * N5 + i];
    for (let m = 0; m < MODES; m++) {
      const w = m === 0 ? w0 : w1;
      if (w === 0) continue;
      for (let i = 0; i < N5; i++) this.d[i] = x[xs + N5 * m + i] - this.mixX[to + i];
      for (let i = 0; i < N5; i++) {
        const di = w * this.d[i];
        for (let l = 0; l < N5; l++) this.mixP[toP + N5 * i + l] += di * this.d[l];
      }
    }
  }

  /** Writes the moment-matched mixture of track k's filters (without ω) to its 4-state row. */
  private combine(k: number, state: Float64Array, cov: Float64Array): void {
    const xs = XS * k;
    const ps = PS * k;
    const a = this.mu[MODES * k + CV];
    const b = this.mu[MODES * k + CT];
    const x = this.x;
    const p = this.p;
    const s = 4 * k;
    const c = 16 * k;
    for (let i = 0; i < 4; i++) state[s + i] = a * x[xs + i] + b * x[xs + N5 + i];
    const d = this.d;
    // Spread of the means: a·b·(x_CV − x_CT)(x_CV − x_CT)ᵀ.
    for (let i = 0; i < 4; i++) d[i] = x[xs + i] - x[xs + N5 + i];
    const ab = a * b;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        cov[c + 4 * i + j] = a * p[ps + N5 * i + j] + b * p[ps + N5 * N5 + N5 * i + j] + ab * d[i] * d[j];
      }
    }
  }
}
