// GOSPA's decomposition in words a reader can weigh: for p = 1 the mean per scan splits exactly
// into localisation, missed targets and false tracks, each in metres; otherwise the counts.

import type { TrackScore } from '../model/outcome.js';

const whole = (v: number) => Math.round(v).toLocaleString('en');

/** "localisation 1,234 m + missed 560 m + false 12 m per scan (2,264,571 missed target-scans, ...)". */
export function gospaParts(s: TrackScore): string {
  const counts = `${whole(s.missedTargetScans)} missed target-scans, ${whole(s.falseTrackScans)} false track-scans`;
  if (s.p !== 1 || s.scans === 0)
    return `${counts}; localisation Σd^${s.p} ${s.localisationSum.toPrecision(4)} m^${s.p}`;
  // GOSPA with α = 2: each missed target or false track costs c / 2.
  const perScan = (v: number) => `${whole(v / s.scans)} m`;
  const half = s.cutoffM / 2;
  return (
    `localisation ${perScan(s.localisationSum)} + missed ${perScan(half * s.missedTargetScans)} + ` +
    `false ${perScan(half * s.falseTrackScans)} per scan (${counts})`
  );
}
