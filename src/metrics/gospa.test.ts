import { describe, expect, it } from 'vitest';
import { RandomStream } from '../core/rng.js';
import { Gospa } from './gospa.js';

const truth = { x: [0, 10, 20], y: [0, 0, 0] };
const est = { x: [1, 10, 50], y: [0, 3, 50] };

describe('GOSPA (α = 2)', () => {
  it('matches the hand-worked values', () => {
    const a = new Gospa({ cutoffM: 5, p: 1 }).scan(truth.x, truth.y, 3, est.x, est.y, 3);
    expect(a.gospa).toBeCloseTo(9, 12);
    expect(a.localisation).toBeCloseTo(4, 12);
    expect(a.missed).toBe(1);
    expect(a.falseTracks).toBe(1);
    expect(new Gospa({ cutoffM: 5, p: 2 }).scan(truth.x, truth.y, 3, est.x, est.y, 3).gospa).toBeCloseTo(
      Math.sqrt(35),
      12,
    );
    const c = new Gospa({ cutoffM: 2.5, p: 1 }).scan(truth.x, truth.y, 3, est.x, est.y, 3);
    expect(c.gospa).toBeCloseTo(6, 12);
    expect(c.missed).toBe(2);
    expect(c.falseTracks).toBe(2);
    expect(new Gospa({ cutoffM: 5, p: 1 }).scan(truth.x, truth.y, 3, [], [], 0).gospa).toBeCloseTo(7.5, 12);
    expect(new Gospa({ cutoffM: 5, p: 1 }).scan([], [], 0, est.x, est.y, 3).gospa).toBeCloseTo(7.5, 12);
  });

  it('equals the brute-force minimum over partial assignments on small random sets', () => {
    const rng = new RandomStream(5, 6, 7, 8);
    for (let trial = 0; trial < 200; trial++) {
      const m = rng.int(5);
      const n = rng.int(5);
      const tx = Array.from({ length: m }, () => rng.uniform(0, 30));
      const ty = Array.from({ length: m }, () => rng.uniform(0, 30));
      const ex = Array.from({ length: n }, () => rng.uniform(0, 30));
      const ey = Array.from({ length: n }, () => rng.uniform(0, 30));
      const c = rng.uniform(2, 15);
      const p = trial % 2 === 0 ? 1 : 2;
      // Brute force: every partial injective map truth → estimate (or none).
      let best = Infinity;
      const used = new Array<boolean>(n).fill(false);
      const visit = (i: number, sum: number, pairs: number) => {
        if (i === m) {
          best = Math.min(best, sum + (c ** p / 2) * (m + n - 2 * pairs));
          return;
        }
        visit(i + 1, sum, pairs);
        for (let j = 0; j < n; j++) {
          if (used[j]) continue;
          const d = Math.hypot(tx[i] - ex[j], ty[i] - ey[j]);
          if (d >= c) continue;
          used[j] = true;
          visit(i + 1, sum + d ** p, pairs + 1);
          used[j] = false;
        }
      };
      visit(0, 0, 0);
      const got = new Gospa({ cutoffM: c, p }).scan(tx, ty, m, ex, ey, n);
      expect(got.gospa).toBeCloseTo(best ** (1 / p), 9);
    }
  });
});
