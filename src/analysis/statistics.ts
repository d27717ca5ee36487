// Summary statistics of one measure over many runs: what a planner reads off a distribution.
// Pure; values are summarised in the order given, so the same runs always give the same bits.

import { quantile } from '../core/quantile.js';

export interface Summary {
  /** Finite values summarised. */
  n: number;
  /** Values left out because they were not finite (NaN: undefined for that run; ±Infinity). */
  excluded: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator). */
  sd: number;
  median: number;
  p5: number;
  p95: number;
  min: number;
  max: number;
  /** 95% confidence interval of the mean, Student's t with n − 1 degrees of freedom. */
  ciLow: number;
  ciHigh: number;
}

/** The fields of a Summary in their stored and exported order. */
export const SUMMARY_FIELDS = [
  'n',
  'excluded',
  'mean',
  'sd',
  'median',
  'p5',
  'p95',
  'min',
  'max',
  'ciLow',
  'ciHigh',
] as const;

/** The measures shown first in tables and reports; every other one is there on request. */
export const HEADLINE_MEASURES = [
  'leaked',
  'destroyed',
  'expired',
  'assetValueLost',
  'interceptorsSpent',
  'defenseSpend',
  'costExchangeRatio',
];

/** A statistic for a table cell: whole numbers plain, others to 3 significant digits, ∞ and – spelled. */
export function formatStatistic(v: number): string {
  if (Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toPrecision(3);
}

/** Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom. */
const T_975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];
const Z_975 = 1.959963984540054;

/** The 97.5% quantile of Student's t: exact table to 30 degrees of freedom, Cornish–Fisher above. */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30) return T_975[Math.floor(df) - 1];
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

export function summarize(values: ArrayLike<number>): Summary {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const n = finite.length;
  const excluded = values.length - n;
  if (n === 0) {
    return {
      n,
      excluded,
      mean: NaN,
      sd: NaN,
      median: NaN,
      p5: NaN,
      p95: NaN,
      min: NaN,
      max: NaN,
      ciLow: NaN,
      ciHigh: NaN,
    };
  }
  let sum = 0;
  for (const v of finite) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of finite) squares += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : NaN;
  finite.sort((a, b) => a - b);
  return {
    n,
    excluded,
    mean,
    sd,
    median: quantile(finite, 0.5),
    p5: quantile(finite, 0.05),
    p95: quantile(finite, 0.95),
    min: finite[0],
    max: finite[n - 1],
    ciLow: mean - half,
    ciHigh: mean + half,
  };
}
