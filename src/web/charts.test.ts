import { describe, expect, it } from 'vitest';
import { fmt, ticks } from './charts.js';

describe('chart axes', () => {
  it('puts round ticks across the range', () => {
    expect(ticks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(ticks(13, 87)).toEqual([20, 40, 60, 80]);
    expect(ticks(5, 5)).toEqual([5]);
  });

  it('covers any range with at most a few ticks, all inside it', () => {
    for (const [lo, hi] of [
      [0, 3],
      [-7.5, 112],
      [0.001, 0.0042],
      [1e5, 2.6e6],
    ]) {
      const t = ticks(lo, hi);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(11);
      for (const v of t) {
        expect(v).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(v).toBeLessThanOrEqual(hi + 1e-12);
      }
    }
  });

  it('formats numbers short', () => {
    expect(fmt(2_630_000)).toBe('2.63M');
    expect(fmt(27_500)).toBe('27.5k');
    expect(fmt(450)).toBe('450');
    expect(fmt(4)).toBe('4');
    expect(fmt(6.854)).toBe('6.85');
    expect(fmt(Infinity)).toBe('Infinity');
  });
});
