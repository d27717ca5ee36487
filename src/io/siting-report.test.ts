import { describe, expect, it } from 'vitest';
import { clockwiseRing } from './siting-report.js';

describe('siting report map', () => {
  it('closes polygon rings clockwise, as spherical GeoJSON needs them', () => {
    const ccw: [number, number][] = [
      [30, 50],
      [31, 50],
      [31, 51],
      [30, 51],
    ];
    const ring = clockwiseRing(ccw);
    expect(ring).toEqual([
      [30, 51],
      [31, 51],
      [31, 50],
      [30, 50],
      [30, 51],
    ]);
    expect(clockwiseRing(ring.slice(0, -1))).toEqual(ring);
  });
});
