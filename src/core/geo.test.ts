import { describe, expect, it } from 'vitest';
import { haversineM, LocalFrame } from './geo.js';

describe('LocalFrame', () => {
  const kyiv = new LocalFrame({ latDeg: 50.45, lonDeg: 30.52 });

  it('puts the origin at zero', () => {
    const p = kyiv.toEnu(50.45, 30.52);
    expect(Math.abs(p.e)).toBeLessThan(1e-6);
    expect(Math.abs(p.n)).toBeLessThan(1e-6);
    expect(Math.abs(p.u)).toBeLessThan(1e-6);
  });

  it('measures a degree of latitude and of longitude as on the WGS84 ellipsoid', () => {
    // At 50.45°N one degree of latitude is 111,2xx m and one of longitude 71,xxx m (standard tables).
    const north = kyiv.toEnu(50.95, 30.52);
    const south = kyiv.toEnu(49.95, 30.52);
    expect(north.n - south.n).toBeGreaterThan(111_200);
    expect(north.n - south.n).toBeLessThan(111_300);
    const east = kyiv.toEnu(50.45, 31.02);
    const west = kyiv.toEnu(50.45, 30.02);
    expect(east.e - west.e).toBeGreaterThan(70_900);
    expect(east.e - west.e).toBeLessThan(71_100);
  });

  it('agrees with the great-circle distance within 0.5% over 100 km', () => {
    const trypilska = { latDeg: 50.128, lonDeg: 30.745 };
    const p = kyiv.toEnu(trypilska.latDeg, trypilska.lonDeg);
    const flat = Math.hypot(p.e, p.n);
    const sphere = haversineM({ latDeg: 50.45, lonDeg: 30.52 }, trypilska);
    expect(Math.abs(flat - sphere) / sphere).toBeLessThan(0.005);
  });

  it('inverts exactly', () => {
    for (const [lat, lon, alt] of [
      [52.7, 34.0, 0],
      [45.0, 35.8, 1200],
      [50.45, 30.52, 50],
    ]) {
      const p = kyiv.toEnu(lat, lon, alt);
      const back = kyiv.toLatLon(p.e, p.n, p.u);
      expect(back.latDeg).toBeCloseTo(lat, 9);
      expect(back.lonDeg).toBeCloseTo(lon, 9);
      expect(back.altitudeM).toBeCloseTo(alt, 3);
    }
  });
});
