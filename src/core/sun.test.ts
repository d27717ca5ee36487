import { describe, expect, it } from 'vitest';
import { isDark, sunElevationRad } from './sun.js';

const at = (iso: string) => Date.parse(iso);

describe('sun', () => {
  it('is high at noon in summer and below the horizon at midnight in Kyiv', () => {
    // Kyiv, 21 June: the sun culminates near 90 - 50.45 + 23.44 = 63 degrees.
    const noon = sunElevationRad(50.45, 30.52, at('2025-06-21T09:58:00Z'));
    expect(noon * (180 / Math.PI)).toBeGreaterThan(61);
    expect(noon * (180 / Math.PI)).toBeLessThan(64);
    expect(isDark(50.45, 30.52, at('2025-06-21T21:00:00Z'))).toBe(true);
    expect(isDark(50.45, 30.52, at('2025-06-21T09:00:00Z'))).toBe(false);
  });

  it('puts a December evening at 20:00 local in the dark and 13:00 in daylight', () => {
    expect(isDark(50.45, 30.52, at('2025-12-14T20:00:00+02:00'))).toBe(true);
    expect(isDark(50.45, 30.52, at('2025-12-14T13:00:00+02:00'))).toBe(false);
    // Around sunset (about 15:55 local in mid-December) it is dusk, not yet night.
    expect(isDark(50.45, 30.52, at('2025-12-14T15:40:00+02:00'))).toBe(false);
    expect(isDark(50.45, 30.52, at('2025-12-14T17:00:00+02:00'))).toBe(true);
  });
});
