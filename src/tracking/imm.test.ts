import { describe, expect, it } from 'vitest';
import { RandomStream } from '../core/rng.js';
import { DetectionBatch } from '../model/detection.js';
import { TrackTable } from '../model/track.js';
import { GnnTracker } from './gnn.js';
import { GNN_DEFAULTS } from './gnn-options.js';
import { predictCt, updatePosition5 } from './kalman-ct.js';
import { predictCvBlock } from './kalman-cv.js';

describe('coordinated-turn model', () => {
  it('moves a noise-free state exactly along the arc, and straight when ω = 0', () => {
    const w = 0.05;
    const v = 200;
    const x = Float64Array.from([0, v, 0, 0, w]);
    const p = new Float64Array(25);
    for (let k = 0; k < 10; k++) predictCt(x, 0, p, 0, 2, 0, 0);
    const th = w * 20;
    const r = v / w;
    expect(x[0]).toBeCloseTo(r * Math.sin(th), 6);
    expect(x[2]).toBeCloseTo(r * (1 - Math.cos(th)), 6);
    expect(Math.hypot(x[1], x[3])).toBeCloseTo(v, 9);
    const a = Float64Array.from([5, 30, -7, 40, 0]);
    const b = Float64Array.from(a);
    const pa = new Float64Array(25);
    const pb = new Float64Array(25);
    // Certain of ω = 0: the turn model is the constant-velocity model.
    for (let i = 0; i < 4; i++) pa[6 * i] = pb[6 * i] = 100;
    predictCt(a, 0, pa, 0, 3, 0.5, 0);
    predictCvBlock(b, 0, pb, 0, 5, 3, 0.5);
    for (let i = 0; i < 5; i++) expect(a[i]).toBeCloseTo(b[i], 9);
    for (let i = 0; i < 25; i++) expect(pa[i]).toBeCloseTo(pb[i], 9);
  });

  it('propagates the covariance with the Jacobian of the motion (finite differences)', () => {
    const base = [100, 150, -50, 80, 0.03];
    const dt = 4;
    const move = (s: number[]) => {
      const x = Float64Array.from(s);
      predictCt(x, 0, new Float64Array(25), 0, dt, 0, 0);
      return Array.from(x);
    };
    // P = e_j e_jᵀ gives F P Fᵀ = F_:j F_:jᵀ, so its diagonal is the j-th Jacobian column squared.
    for (let j = 0; j < 5; j++) {
      const p = new Float64Array(25);
      p[6 * j] = 1;
      predictCt(Float64Array.from(base), 0, p, 0, dt, 0, 0);
      const h = 1e-6 * Math.max(1, Math.abs(base[j]));
      const up = move(base.map((v, i) => (i === j ? v + h : v)));
      const down = move(base.map((v, i) => (i === j ? v - h : v)));
      for (let i = 0; i < 5; i++) {
        const column = (up[i] - down[i]) / (2 * h);
        expect(Math.sqrt(p[6 * i])).toBeCloseTo(Math.abs(column), 4);
      }
    }
  });

  it('returns the Gaussian log-likelihood of the report', () => {
    const x = Float64Array.from([0, 0, 0, 0, 0]);
    const p = new Float64Array(25);
    p[0] = 300;
    p[12] = 300;
    p[24] = 1;
    const l = updatePosition5(x, 0, p, 0, 30, 40, 100, 0, 100, 0, 0);
    // S = 400·I, ν = (30, 40): −½·2500/400 − ln(2π·400).
    expect(l).toBeCloseTo(-0.5 * (2500 / 400) - Math.log(2 * Math.PI * 400), 12);
    expect(x[0]).toBeCloseTo(30 * 0.75, 12);
    expect(p[0]).toBeCloseTo(75, 12);
  });
});

/** A cruise missile at 200 m/s: east for 120 s, a 3°/s turn for 30 s, straight again. */
function truthAt(t: number): [number, number] {
  const v = 200;
  const w = (3 * Math.PI) / 180;
  if (t <= 120) return [v * t, 0];
  const r = v / w;
  const th = w * Math.min(t - 120, 30);
  let x = v * 120 + r * Math.sin(th);
  let y = r * (1 - Math.cos(th));
  if (t > 150) {
    x += v * Math.cos(th) * (t - 150);
    y += v * Math.sin(th) * (t - 150);
  }
  return [x, y];
}

/** Position RMSE of the one track on straight flight (40–120 s) and from the turn on (120–210 s),
 *  and the mean CT probability on the straight and during the turn. */
function fly(motion: 'cv' | 'imm', seed: number) {
  const tracker = new GnnTracker({ ...GNN_DEFAULTS, motion, gate: 4, missCost: 4 });
  const rng = new RandomStream(seed, 11, 12, 13);
  const batch = new DetectionBatch();
  const idx = new Int32Array(1);
  const out = new TrackTable();
  const sigma = 50;
  const sum = { straight: 0, turn: 0, nStraight: 0, nTurn: 0, ctStraight: 0, ctTurn: 0, nCtTurn: 0 };
  for (let t = 0; t <= 240; t += 2) {
    const [x, y] = truthAt(t);
    batch.clear();
    idx[0] = batch.addPosition(0, t, x + sigma * rng.normal(), y + sigma * rng.normal(), 0, sigma, NaN);
    tracker.processScan(batch, idx, 1, t, 0);
    tracker.writeConfirmed(t, out);
    expect(out.count).toBeLessThanOrEqual(1);
    if (out.count === 0) continue;
    const e2 = (out.x[0] - x) ** 2 + (out.y[0] - y) ** 2;
    const ct = tracker.imm?.ctProbability(0) ?? 0;
    if (t >= 40 && t < 120) {
      sum.straight += e2;
      sum.nStraight++;
      sum.ctStraight += ct;
    } else if (t >= 120 && t < 210) {
      sum.turn += e2;
      sum.nTurn++;
    }
    if (t >= 130 && t < 150) {
      sum.ctTurn += ct;
      sum.nCtTurn++;
    }
  }
  return {
    straight: Math.sqrt(sum.straight / sum.nStraight),
    turn: Math.sqrt(sum.turn / sum.nTurn),
    ctStraight: sum.ctStraight / sum.nStraight,
    ctTurn: sum.ctTurn / sum.nCtTurn,
  };
}

describe('IMM (constant velocity + coordinated turn) in the GNN tracker', () => {
  const seeds = Array.from({ length: 12 }, (_, k) => k + 1);
  const mean = (motion: 'cv' | 'imm', key: 'straight' | 'turn' | 'ctStraight' | 'ctTurn') =>
    seeds.reduce((s, seed) => s + fly(motion, seed)[key], 0) / seeds.length;

  it('follows a turning cruise missile far closer than the CV filter', () => {
    const cv = mean('cv', 'turn');
    const imm = mean('imm', 'turn');
    expect(imm).toBeLessThan(0.6 * cv);
  });

  it('is no more than 10% worse than CV on straight flight', () => {
    expect(mean('imm', 'straight')).toBeLessThan(1.1 * mean('cv', 'straight'));
  });

  it('moves its probability to the turn model during the turn and back on the straight', () => {
    expect(mean('imm', 'ctStraight')).toBeLessThan(0.1);
    expect(mean('imm', 'ctTurn')).toBeGreaterThan(0.6);
    for (const seed of seeds.slice(0, 4)) expect(fly('imm', seed).ctTurn).toBeGreaterThan(0.5);
  });

  it('keeps the reference CV tracker unchanged when motion is cv', () => {
    const a = new GnnTracker({ ...GNN_DEFAULTS });
    expect(a.imm).toBeUndefined();
    expect(GNN_DEFAULTS.motion).toBe('cv');
  });
});
