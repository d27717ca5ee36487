// WGS84 geodetic ↔ local east-north-up metres around a region origin. Scenario positions are
// converted once, here; everything inside the simulation is flat ENU metres.

const A = 6378137.0; // WGS84 semi-major axis, m
const F = 1 / 298.257223563;
const E2 = F * (2 - F);

export interface LatLon {
  latDeg: number;
  lonDeg: number;
}

export interface Enu {
  e: number;
  n: number;
  u: number;
}

function toEcef(latDeg: number, lonDeg: number, h: number): [number, number, number] {
  const lat = (latDeg * Math.PI) / 180;
  const lon = (lonDeg * Math.PI) / 180;
  const sinLat = Math.sin(lat);
  const N = A / Math.sqrt(1 - E2 * sinLat * sinLat);
  return [
    (N + h) * Math.cos(lat) * Math.cos(lon),
    (N + h) * Math.cos(lat) * Math.sin(lon),
    (N * (1 - E2) + h) * sinLat,
  ];
}

/** A local tangent plane anchored at an origin; exact ENU through ECEF, with its inverse. */
export class LocalFrame {
  private readonly originEcef: [number, number, number];
  private readonly sinLat: number;
  private readonly cosLat: number;
  private readonly sinLon: number;
  private readonly cosLon: number;

  constructor(readonly origin: LatLon) {
    this.originEcef = toEcef(origin.latDeg, origin.lonDeg, 0);
    const lat = (origin.latDeg * Math.PI) / 180;
    const lon = (origin.lonDeg * Math.PI) / 180;
    this.sinLat = Math.sin(lat);
    this.cosLat = Math.cos(lat);
    this.sinLon = Math.sin(lon);
    this.cosLon = Math.cos(lon);
  }

  toEnu(latDeg: number, lonDeg: number, altitudeM = 0): Enu {
    const [x, y, z] = toEcef(latDeg, lonDeg, altitudeM);
    const dx = x - this.originEcef[0];
    const dy = y - this.originEcef[1];
    const dz = z - this.originEcef[2];
    return {
      e: -this.sinLon * dx + this.cosLon * dy,
      n: -this.sinLat * this.cosLon * dx - this.sinLat * this.sinLon * dy + this.cosLat * dz,
      u: this.cosLat * this.cosLon * dx + this.cosLat * this.sinLon * dy + this.sinLat * dz,
    };
  }

  /** Inverse of toEnu by Bowring's closed form; sub-millimetre over a region. */
  toLatLon(e: number, n: number, u = 0): LatLon & { altitudeM: number } {
    const x =
      this.originEcef[0] - this.sinLon * e - this.sinLat * this.cosLon * n + this.cosLat * this.cosLon * u;
    const y =
      this.originEcef[1] + this.cosLon * e - this.sinLat * this.sinLon * n + this.cosLat * this.sinLon * u;
    const z = this.originEcef[2] + this.cosLat * n + this.sinLat * u;
    const b = A * (1 - F);
    const ep2 = (A * A - b * b) / (b * b);
    const p = Math.hypot(x, y);
    const theta = Math.atan2(z * A, p * b);
    const lat = Math.atan2(z + ep2 * b * Math.sin(theta) ** 3, p - E2 * A * Math.cos(theta) ** 3);
    const lon = Math.atan2(y, x);
    const sinLat = Math.sin(lat);
    const N = A / Math.sqrt(1 - E2 * sinLat * sinLat);
    const altitudeM = p / Math.cos(lat) - N;
    return { latDeg: (lat * 180) / Math.PI, lonDeg: (lon * 180) / Math.PI, altitudeM };
  }
}

/** Great-circle distance on the mean sphere, metres; for checks and labels, not for simulation. */
export function haversineM(a: LatLon, b: LatLon): number {
  const R = 6371008.8;
  const dLat = ((b.latDeg - a.latDeg) * Math.PI) / 180;
  const dLon = ((b.lonDeg - a.lonDeg) * Math.PI) / 180;
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos((a.latDeg * Math.PI) / 180) * Math.cos((b.latDeg * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}
