// Day and night for the defenders that see by daylight: the sun's elevation from the standard
// low-precision formulas (declination from the day of the year, hour angle from UTC and
// longitude, no equation of time). Good to a few minutes of sunrise and sunset, which is all a
// night's model needs.

const DAY_MS = 86_400_000;
const DEG = Math.PI / 180;

/** The sun's elevation above the horizon, radians, at `utcMs` (ms since 1970 UTC) and a place. */
export function sunElevationRad(latDeg: number, lonDeg: number, utcMs: number): number {
  const days = utcMs / DAY_MS;
  const dayOfYear = days - Math.floor((days + 0.5) / 365.2425) * 365.2425;
  const declination = -23.44 * DEG * Math.cos(((2 * Math.PI) / 365.2425) * (dayOfYear + 10));
  const utcHours = (((utcMs % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000;
  const hourAngle = (utcHours - 12) * 15 * DEG + lonDeg * DEG;
  const lat = latDeg * DEG;
  return Math.asin(
    Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle),
  );
}

/** Dark enough to need searchlights and night sights: the sun below civil twilight (-6°). */
export function isDark(latDeg: number, lonDeg: number, utcMs: number): boolean {
  return sunElevationRad(latDeg, lonDeg, utcMs) < -6 * DEG;
}

/** Whether it is dark `tS` seconds after an ISO start time, at a place; a missing start is a night. */
export function isDarkAfter(startIso: string, latDeg: number, lonDeg: number, tS: number): boolean {
  let start = Date.parse(startIso);
  if (Number.isNaN(start)) start = Date.parse('2025-12-14T20:00:00+02:00');
  return isDark(latDeg, lonDeg, start + tS * 1000);
}
