import { describe, expect, it } from 'vitest';
import { closestApproach, interceptTime } from './intercept.js';

describe('interceptTime', () => {
  it('solves a head-on closing', () => {
    // Target 10 km east flying west at 50 m/s; pursuer at 100 m/s meets it after 10000/150 s.
    expect(interceptTime(10_000, 0, 0, -50, 0, 0, 100)).toBeCloseTo(10_000 / 150, 9);
  });

  it('solves a crossing target and lands on the target', () => {
    const t = interceptTime(5000, 2000, 0, 0, -40, 0, 80);
    const tx = 5000;
    const ty = 2000 - 40 * t;
    expect(Math.hypot(tx, ty)).toBeCloseTo(80 * t, 6);
  });

  it('returns Infinity for a faster target flying away', () => {
    expect(interceptTime(1000, 0, 0, 200, 0, 0, 100)).toBe(Infinity);
  });

  it('handles equal speeds', () => {
    // Equal speeds, target approaching: meets where both have flown the same distance.
    const t = interceptTime(1000, 0, 0, -100, 0, 0, 100);
    expect(t).toBeCloseTo(5, 9);
    expect(interceptTime(1000, 0, 0, 100, 0, 0, 100)).toBe(Infinity);
  });
});

describe('closestApproach', () => {
  it('finds the pass inside a step that both end points miss', () => {
    // Relative position from (-100, 5) to (+100, 5): passes 5 m away in the middle.
    expect(closestApproach(-100, 5, 0, 100, 5, 0)).toBeCloseTo(5, 9);
  });

  it('is the end point distance when the approach is still closing', () => {
    expect(closestApproach(100, 0, 0, 50, 0, 0)).toBeCloseTo(50, 9);
  });

  it('is the start distance when opening', () => {
    expect(closestApproach(30, 40, 0, 60, 80, 0)).toBeCloseTo(50, 9);
  });
});
