// Documented limits of scenario format version 1: beyond these a file is rejected, because
// the number is far more likely a typo than a plan (and would exhaust memory or patience).

export const LIMITS = {
  threatsPerWave: 100_000,
  threatsTotal: 200_000,
  waves: 1_000,
  assets: 10_000,
  defenders: 10_000,
  stockPerUnit: 1_000_000,
  concurrentFlightsPerUnit: 1_000,
  sensors: 10_000,
  routePoints: 1_000,
  durationS: 7 * 86_400,
  minStepS: 0.01,
  maxStepS: 60,
  /** Positions farther than this from the region origin are taken for a mistake. */
  regionRadiusM: 3_000_000,
  speedMps: 3_000,
  altitudeM: 30_000,
} as const;
