// The result of a `bulwark site` run as one JSON-ready record: what `--json` prints, what is stored
// next to the sited scenario (`<scenario>.siting.json`) for the console, and what the HTML report is
// drawn from. Positions are latitude/longitude in degrees; rings and lines are [lon, lat] pairs.

import type { LatLon } from '../core/geo.js';

/** A measure over runs: the mean and its 95% confidence interval (Student's t), and more. */
export interface SitingSummary {
  n: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** How the sited layout compares with the file's on one raid (the whole night, a mix, an axis). */
export interface SitingCheckRow {
  name: string;
  waves: string[];
  /** Whether every wave of the row was in the training mix. */
  trained: boolean;
  baseline: SitingSummary;
  sited: SitingSummary;
  /** Sited minus baseline, run by run (common random numbers). */
  difference: SitingSummary;
  /** Whether the two 95% intervals are apart, and which side is better, in words. */
  verdict: string;
}

export interface SitingMove {
  /** `defenders.<name>` or `sensors.<name>`. */
  unit: string;
  from: LatLon;
  to: LatLon;
  distanceM: number;
  candidates: number;
}

export interface SitingResult {
  scenarioName: string;
  scenarioFile: string;
  sitedFile: string;
  objective: { name: string; label: string; sense: 'min' | 'max' };
  settings: {
    seed: number;
    runsPerLayout: number;
    budgetRuns: number;
    checkRuns: number;
    axisRuns: number;
    trainWaves: string[];
  };
  coverage: { sitedValue: number; fileValue: number };
  search: {
    runsSpent: number;
    layouts: number;
    trace: { layout: number; objective: number; accepted: boolean }[];
  };
  moves: SitingMove[];
  check: SitingCheckRow[];
  map: {
    assets: { name: string; lat: number; lon: number; value: number }[];
    fixedUnits: { name: string; lat: number; lon: number }[];
    allowed: { name: string; ring: [number, number][] }[];
    noGo: { name: string; ring: [number, number][] }[];
    /** Raid axis polylines clipped to the map's extent: [lon, lat] points. */
    axes: { name: string; line: [number, number][] }[];
  };
}
