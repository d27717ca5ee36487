import { describe, expect, it } from 'vitest';
import { summarize, tQuantile975 } from './statistics.js';

describe('summarize', () => {
  it('matches hand-computed statistics of a small sample', () => {
    // 1, 2, 3, 4, 10: mean 4; squared deviations 9+4+1+0+36 = 50, s² = 50/4 = 12.5.
    const s = summarize([10, 2, 4, 1, 3]);
    expect(s.n).toBe(5);
    expect(s.excluded).toBe(0);
    expect(s.mean).toBe(4);
    expect(s.sd).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(s.median).toBe(3);
    // Type-7 quantiles: h = 4·0.05 = 0.2 → 1 + 0.2·(2−1); h = 4·0.95 = 3.8 → 4 + 0.8·(10−4).
    expect(s.p5).toBeCloseTo(1.2, 12);
    expect(s.p95).toBeCloseTo(8.8, 12);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    // t(0.975, 4) = 2.776445; half width = 2.776445 · 3.535534 / √5 = 4.389945.
    expect(s.ciLow).toBeCloseTo(4 - 4.389945, 5);
    expect(s.ciHigh).toBeCloseTo(4 + 4.389945, 5);
  });

  it('leaves out values that are not finite and counts them', () => {
    const s = summarize([Infinity, 2, NaN, 4]);
    expect(s.n).toBe(2);
    expect(s.excluded).toBe(2);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    // t(0.975, 1) = 12.7062; half width = 12.7062 · √2 / √2.
    expect(s.ciHigh - s.mean).toBeCloseTo(12.706205, 5);
  });

  it('gives NaN where a statistic is undefined', () => {
    const one = summarize([7]);
    expect(one.mean).toBe(7);
    expect(one.median).toBe(7);
    expect(one.sd).toBeNaN();
    expect(one.ciLow).toBeNaN();
    const none = summarize([]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
  });

  it('a constant sample has a zero-width interval', () => {
    const s = summarize([5, 5, 5, 5]);
    expect(s.sd).toBe(0);
    expect(s.ciLow).toBe(5);
    expect(s.ciHigh).toBe(5);
  });
});

describe('tQuantile975', () => {
  it('is the table value up to 30 degrees of freedom and approaches 1.96', () => {
    expect(tQuantile975(10)).toBeCloseTo(2.228139, 6);
    // Published values: t(0.975, 40) = 2.021075, t(0.975, 60) = 2.000298, t(0.975, 120) = 1.979930.
    expect(tQuantile975(40)).toBeCloseTo(2.021075, 5);
    expect(tQuantile975(60)).toBeCloseTo(2.000298, 5);
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 5);
    expect(tQuantile975(1e7)).toBeCloseTo(1.959964, 5);
    // Continuous across the seam between the table and the expansion.
    expect(Math.abs(tQuantile975(31) - 2.039513)).toBeLessThan(2e-5);
  });
});
