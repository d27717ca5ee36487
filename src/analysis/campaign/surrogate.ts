// The fast night: a surrogate fitted to Monte Carlo sweeps of the tactical model. A Latin-hypercube
// design over raid size and composition and every pool's stock and crews (interceptor drones and
// their operators, missiles and jets flying, missiles and fire units manned, radars operating) is
// simulated; quadratic response surfaces (with a stock-saturation term per munition pool) are
// fitted by ridge least squares to what was shot down by type, what leaked, what each pool spent
// and the damage each asset took, and linear ones to the size of the residuals, so a night is drawn
// as mean + spread × a standard normal. Its error against direct simulation is measured on
// held-out points (surrogateError) and reported with every result that used it.

import { RandomStream, deriveSeed, streamFor } from '../../core/rng.js';
import type { PoolKind } from '../../model/campaign.js';
import type { CampaignContext } from './context.js';
import { ridgeFit, dot } from './least-squares.js';
import {
  DirectEvaluator,
  type NightEvaluator,
  type NightInput,
  type NightResult,
} from './night-evaluator.js';
import { attackerTimeline } from './attacker.js';
import { forceAdapter, type PoolCoverage } from './force-adapters.js';
import type { TargetError } from '../../model/campaign-trajectory.js';

export const SURROGATE_FORMAT = 2;

export interface SurrogateBox {
  raidMax: number[];
  stockMax: number[];
  crewsMax: number[];
  /** How each pool's stock and crews are reckoned as coverage of the raid (by pool kind). */
  coverage: PoolCoverage[];
}

export interface SurrogateTarget {
  name: string;
  /** Coefficients of the mean over the full basis. */
  mean: number[];
  /** Coefficients of the mean absolute residual over the linear basis. */
  spread: number[];
}

export interface Surrogate {
  format: typeof SURROGATE_FORMAT;
  box: SurrogateBox;
  threatTypes: string[];
  decoy: boolean[];
  pools: string[];
  /** What each pool feeds (a jet without missiles still has its cannon). */
  kinds: PoolKind[];
  assets: string[];
  targets: SurrogateTarget[];
  /** `lambda`: the ridge strength per design row. */
  fit: { points: number; runsPerPoint: number; lambda: number };
  /** Error against direct simulation on held-out points, when measured. */
  heldOut?: { points: number; errors: TargetError[] };
}

/**
 * Ridge strength per design row for a basis of `columns` functions: 1e-3 for one pool of interceptor
 * drones against two threat types (18 columns), growing with the square of the basis size — a
 * layered defense (four pools, 64 columns) has many more cross terms to keep from fitting the
 * noise of single simulated nights. Set from held-out error on the test campaigns (surrogate.test.ts).
 */
function ridgeStrength(columns: number): number {
  return 1e-3 * Math.max(1, (columns / 18) ** 2);
}

export interface DesignSample {
  input: NightInput;
  result: NightResult;
}

/**
 * The design space: raid sizes up to 1.2 × the largest raid of the campaign; each munition pool's
 * stock up to what it could hold (its start, deliveries and full-rate lines, but no more than its
 * coverage of the largest raid: beyond, the night is saturated and features are clamped); crews up
 * to three times the starting crews or every platform the campaign could bring in, whichever is more.
 */
export function surrogateBox(context: CampaignContext, attackerScale = 1.2): SurrogateBox {
  const horizon = context.campaign.horizonDays;
  const days = attackerTimeline(context.campaign.attacker, horizon);
  const raidMax = context.threatTypes.map((_, t) =>
    Math.max(1, Math.ceil(days.reduce((m, d) => Math.max(m, d.launched[t]), 0) * Math.max(1, attackerScale))),
  );
  const total = raidMax.reduce((s, n) => s + n, 0);
  const pools = context.campaign.defender.pools;
  const coverage = pools.map((p) => forceAdapter(p.kind).coverage);
  const peak = (points: { value: number }[]) => Math.max(0, ...points.map((q) => q.value));
  return {
    raidMax,
    stockMax: pools.map((pool, p) => {
      const c = coverage[p];
      if (c.munitionsPerThreat === 0) return 0;
      const could =
        context.poolStarts[p].stock +
        pool.deliveries.reduce((s, d) => s + d.munitions, 0) +
        pool.lines.reduce((s, l) => s + peak(l.capacityPerDay.points) * horizon, 0);
      return Math.max(
        10,
        Math.ceil(Math.min(could, c.munitionsPerThreat * total)),
        context.poolStarts[p].stock,
      );
    }),
    crewsMax: pools.map((pool, p) => {
      const platforms =
        context.poolStarts[p].platforms +
        pool.deliveries.reduce((s, d) => s + d.platforms, 0) +
        Math.ceil(peak(pool.crews.platformsPerDay.points) * horizon);
      return Math.max(4, 3 * context.poolCrews[p], platforms);
    }),
    coverage,
  };
}

/**
 * Inputs scaled to [0, 1]: raid sizes against the box, and each pool's stock and crews as coverage
 * of tonight's raid, capped at 1 — stock / (munitions per threat × raid), crews / (raid / threats a
 * crew works in a night) — or, for radars, 1 − 2^−radars. Beyond full coverage more changes
 * nothing, so a small raid against a large force is the same, well-sampled corner as a large raid
 * against a large force, and forces beyond the design box need no extrapolation.
 */
function scaled(box: SurrogateBox, input: NightInput): number[] {
  const u: number[] = [];
  const clamp = (v: number, max: number) => Math.min(1, Math.max(0, v / max));
  const raidTotal = input.raid.reduce((a, b) => a + b, 0);
  input.raid.forEach((n, t) => u.push(clamp(n, box.raidMax[t])));
  input.forces.forEach((f, p) => {
    const c = box.coverage[p];
    if (c.munitionsPerThreat > 0) u.push(clamp(f.stock, c.munitionsPerThreat * raidTotal + 1));
    // Radars: the first matters most (without any, C2 is left to the observers), then less.
    u.push(
      c.threatsPerCrew > 0
        ? clamp(f.crews, raidTotal / c.threatsPerCrew + 1)
        : 1 - 0.5 ** Math.max(0, f.crews),
    );
  });
  return u;
}

/**
 * The full basis: 1, linear, squares and cross products, and per munition pool min(stock, raid),
 * its product with the crews' coverage, and min(stock, crews × their night's work, raid).
 */
export function basis(box: SurrogateBox, input: NightInput): number[] {
  const u = scaled(box, input);
  const x = [1, ...u];
  for (let i = 0; i < u.length; i++) for (let j = i; j < u.length; j++) x.push(u[i] * u[j]);
  const raidTotal = input.raid.reduce((s, n) => s + n, 0);
  const raidMaxTotal = box.raidMax.reduce((s, n) => s + n, 0);
  input.forces.forEach((f, p) => {
    const c = box.coverage[p];
    if (c.munitionsPerThreat === 0) return;
    const stock = Math.min(f.stock, box.stockMax[p]);
    const sat = Math.min(stock, raidTotal) / raidMaxTotal;
    const crews = Math.min(1, f.crews / (raidTotal / c.threatsPerCrew + 1));
    // What the pool can fire tonight at most: its stock, its crews' night's work, the raid.
    const capacity = Math.min(stock, f.crews * c.threatsPerCrew, raidTotal) / raidMaxTotal;
    x.push(sat, sat * crews, capacity);
  });
  return x;
}

function linearBasis(box: SurrogateBox, input: NightInput): number[] {
  return [1, ...scaled(box, input)];
}

/**
 * The design: a Latin hypercube of `n` nights in the box (each dimension's range cut in n strata,
 * each used once). When the campaign's own raids are given, half the points take their raid from
 * them instead — evenly spaced through the raids sorted by size, so both the nightly baseline and the
 * mass raids are represented as often as the campaign flies them — and keep the hypercube's stocks
 * and crews. The fit is then best where the campaign goes.
 */
export function designPoints(
  box: SurrogateBox,
  n: number,
  rng: RandomStream,
  campaignRaids: readonly (readonly number[])[] = [],
): NightInput[] {
  const maxima = [...box.raidMax, ...box.stockMax.flatMap((s, p) => [s, box.crewsMax[p]])];
  const columns = maxima.map((max) => {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    return strata.map((s) => Math.round(((s + rng.next()) / n) * max));
  });
  const types = box.raidMax.length;
  const size = (raid: readonly number[]) => raid.reduce((x, y) => x + y, 0);
  const sorted = [...campaignRaids].sort((a, b) => size(a) - size(b));
  const fromCampaign = sorted.length > 0 ? Math.floor(n / 2) : 0;
  return Array.from({ length: n }, (_, i) => ({
    raid:
      i < fromCampaign
        ? [...sorted[Math.min(sorted.length - 1, Math.floor(((i + 0.5) * sorted.length) / fromCampaign))]]
        : box.raidMax.map((_, t) => columns[t][i]),
    forces: box.stockMax.map((_, p) => ({
      stock: columns[types + 2 * p][i],
      crews: columns[types + 2 * p + 1][i],
    })),
  }));
}

/** Simulates each design night `runs` times with the tactical model; `onRun` reports progress. */
export function simulateDesign(
  context: CampaignContext,
  points: readonly NightInput[],
  runs: number,
  seed: number,
  onRun?: () => void,
): DesignSample[] {
  const direct = new DirectEvaluator(context);
  const samples: DesignSample[] = [];
  points.forEach((input, i) => {
    for (let r = 0; r < runs; r++) {
      samples.push({ input, result: direct.evaluate(input, deriveSeed(seed, i * runs + r)) });
      onRun?.();
    }
  });
  return samples;
}

function targetValues(result: NightResult): number[] {
  return [...result.destroyed, result.leaked, ...result.spent, ...result.damage];
}

function targetNames(
  threatTypes: readonly string[],
  pools: readonly string[],
  assets: readonly string[],
): string[] {
  return [
    ...threatTypes.map((t) => `destroyed:${t}`),
    'leaked',
    ...pools.map((p) => `spent:${p}`),
    ...assets.map((a) => `damage:${a}`),
  ];
}

export function fitSurrogate(
  context: CampaignContext,
  box: SurrogateBox,
  samples: readonly DesignSample[],
  runsPerPoint: number,
  lambda = ridgeStrength(basis(box, samples[0].input).length),
): Surrogate {
  const threatTypes = context.threatTypes;
  const pools = context.campaign.defender.pools.map((p) => p.name);
  const assets = context.template.assets.map((a) => a.name);
  const names = targetNames(threatTypes, pools, assets);
  const rows = samples.map((s) => basis(box, s.input));
  const linearRows = samples.map((s) => linearBasis(box, s.input));
  const ys = samples.map((s) => targetValues(s.result));
  const targets: SurrogateTarget[] = names.map((name, k) => {
    const y = ys.map((v) => v[k]);
    const mean = ridgeFit(rows, y, lambda * samples.length);
    const residuals = rows.map((x, r) => Math.abs(y[r] - dot(mean, x)));
    const spread = ridgeFit(linearRows, residuals, lambda * samples.length);
    return { name, mean, spread };
  });
  return {
    format: SURROGATE_FORMAT,
    box,
    threatTypes,
    decoy: context.threatDecoy,
    pools,
    kinds: context.campaign.defender.pools.map((p) => p.kind),
    assets,
    targets,
    fit: { points: samples.length / runsPerPoint, runsPerPoint, lambda },
  };
}

/** Expected values of each target (destroyed by type, leaked, spent by pool, damage by asset) and their spread. */
export function predictMeans(s: Surrogate, input: NightInput): { mean: number[]; spread: number[] } {
  const x = basis(s.box, input);
  const lx = linearBasis(s.box, input);
  return {
    mean: s.targets.map((t) => dot(t.mean, x)),
    spread: s.targets.map((t) => Math.max(0, dot(t.spread, lx)) * Math.sqrt(Math.PI / 2)),
  };
}

/**
 * One night drawn from the surrogate. A single standard normal per night moves every target
 * together — a good night shoots down more, spends more, leaks less and does less damage — and
 * results are rounded and bounded by the raid, the stock and whole assets.
 */
export function sampleNight(s: Surrogate, input: NightInput, z: number): NightResult {
  const types = s.threatTypes.length;
  const raidTotal = input.raid.reduce((a, b) => a + b, 0);
  if (raidTotal === 0)
    return {
      destroyed: input.raid.map(() => 0),
      leaked: 0,
      spent: input.forces.map(() => 0),
      damage: s.assets.map(() => 0),
    };
  const { mean, spread } = predictMeans(s, input);
  const armed = input.forces.some(
    (f, p) => f.crews > 0 && (f.stock > 0 || s.kinds[p] === 'jet') && s.kinds[p] !== 'sensor',
  );
  const destroyed = input.raid.map((n, t) =>
    armed ? Math.min(n, Math.max(0, Math.round(mean[t] + spread[t] * z))) : 0,
  );
  let realLeft = 0;
  input.raid.forEach((n, t) => (realLeft += s.decoy[t] ? 0 : n - destroyed[t]));
  const leaked = Math.min(realLeft, Math.max(0, Math.round(mean[types] - spread[types] * z)));
  const spent = input.forces.map((f, p) =>
    f.crews > 0
      ? Math.min(f.stock, Math.max(0, Math.round(mean[types + 1 + p] + spread[types + 1 + p] * z)))
      : 0,
  );
  const first = types + 1 + input.forces.length;
  const damage = s.assets.map((_, a) =>
    leaked > 0 ? Math.min(1, Math.max(0, mean[first + a] - spread[first + a] * z)) : 0,
  );
  return { destroyed, leaked, spent, damage };
}

export class SurrogateEvaluator implements NightEvaluator {
  readonly mode = 'surrogate' as const;
  constructor(private readonly surrogate: Surrogate) {}

  evaluate(input: NightInput, seed: number): NightResult {
    return sampleNight(this.surrogate, input, streamFor(seed, 'campaign/surrogate').normal());
  }
}

/** The surrogate's expected values against simulated nights it was not fitted to. */
export function surrogateError(
  s: Surrogate,
  samples: readonly DesignSample[],
  values: readonly number[],
): TargetError[] {
  const names = [...s.targets.map((t) => t.name), 'valueLost'];
  const predicted: number[][] = [];
  const actual: number[][] = [];
  for (const sample of samples) {
    const { mean } = predictMeans(s, sample.input);
    const first = s.threatTypes.length + 1 + s.pools.length;
    predicted.push([
      ...mean,
      values.reduce((sum, v, a) => sum + v * Math.min(1, Math.max(0, mean[first + a])), 0),
    ]);
    actual.push([
      ...targetValues(sample.result),
      sample.result.damage.reduce((sum, d, a) => sum + values[a] * d, 0),
    ]);
  }
  return names.map((name, k) => {
    const n = samples.length;
    let sum = 0;
    let se = 0;
    let ae = 0;
    let bias = 0;
    for (let i = 0; i < n; i++) {
      const e = predicted[i][k] - actual[i][k];
      sum += actual[i][k];
      se += e * e;
      ae += Math.abs(e);
      bias += e;
    }
    const meanActual = n > 0 ? sum / n : NaN;
    let sst = 0;
    for (let i = 0; i < n; i++) sst += (actual[i][k] - meanActual) ** 2;
    return {
      name,
      n,
      meanActual,
      rmse: n > 0 ? Math.sqrt(se / n) : NaN,
      mae: n > 0 ? ae / n : NaN,
      bias: n > 0 ? bias / n : NaN,
      r2: sst > 0 ? 1 - se / sst : NaN,
    };
  });
}

/** Columns of the surrogate's basis for this campaign (threat types and pools). */
function basisColumns(context: CampaignContext): number {
  const box = surrogateBox(context);
  return basis(box, {
    raid: box.raidMax,
    forces: box.stockMax.map((stock, p) => ({ stock, crews: box.crewsMax[p] })),
  }).length;
}

/**
 * Design nights to fit on by default: 60, or for a richer basis (a layered defense of several
 * pools) 16 more than it has columns, so that the fit stays over-determined.
 */
export function defaultDesignPoints(context: CampaignContext): number {
  return Math.max(60, basisColumns(context) + 16);
}

export interface SurrogateBuildOptions {
  points: number;
  runsPerPoint: number;
  heldOutPoints: number;
  seed: number;
  onRun?: () => void;
}

/** One night of a surrogate's design: its raid and force, and the seed it is simulated with. */
export interface DesignNight {
  input: NightInput;
  seed: number;
}

/** The nights a surrogate is fitted to and measured on, before any is simulated. */
export interface SurrogatePlan {
  box: SurrogateBox;
  fit: DesignNight[];
  heldOut: DesignNight[];
  runsPerPoint: number;
}

/** The design of a surrogate build: which nights to simulate, with which seeds. */
export function planSurrogate(context: CampaignContext, options: SurrogateBuildOptions): SurrogatePlan {
  const box = surrogateBox(context);
  const raids = attackerTimeline(context.campaign.attacker, context.campaign.horizonDays).map(
    (d) => d.launched,
  );
  const design = designPoints(
    box,
    options.points,
    streamFor(options.seed, 'campaign/surrogate-design'),
    raids,
  );
  const fitSeed = deriveSeed(options.seed, 1);
  const runs = options.runsPerPoint;
  const fit = design.flatMap((input, i) =>
    Array.from({ length: runs }, (_, r) => ({ input, seed: deriveSeed(fitSeed, i * runs + r) })),
  );
  const held =
    options.heldOutPoints > 0
      ? designPoints(
          box,
          options.heldOutPoints,
          streamFor(options.seed, 'campaign/surrogate-held-out'),
          raids,
        )
      : [];
  const heldSeed = deriveSeed(options.seed, 2);
  return {
    box,
    fit,
    heldOut: held.map((input, i) => ({ input, seed: deriveSeed(heldSeed, i) })),
    runsPerPoint: runs,
  };
}

/** The surrogate fitted to the simulated nights of a plan (results in the plan's order). */
export function surrogateFromResults(
  context: CampaignContext,
  plan: SurrogatePlan,
  fitResults: readonly NightResult[],
  heldOutResults: readonly NightResult[],
): Surrogate {
  const samples = plan.fit.map((n, i) => ({ input: n.input, result: fitResults[i] }));
  const surrogate = fitSurrogate(context, plan.box, samples, plan.runsPerPoint);
  if (plan.heldOut.length > 0)
    surrogate.heldOut = {
      points: plan.heldOut.length,
      errors: surrogateError(
        surrogate,
        plan.heldOut.map((n, i) => ({ input: n.input, result: heldOutResults[i] })),
        context.template.assets.map((a) => a.value),
      ),
    };
  return surrogate;
}

/** Design, simulate, fit, and measure the error on fresh held-out points: the whole surrogate build. */
export function buildSurrogate(context: CampaignContext, options: SurrogateBuildOptions): Surrogate {
  const plan = planSurrogate(context, options);
  const direct = new DirectEvaluator(context);
  const simulate = (nights: DesignNight[]) =>
    nights.map(({ input, seed }) => {
      const result = direct.evaluate(input, seed);
      options.onRun?.();
      return result;
    });
  return surrogateFromResults(context, plan, simulate(plan.fit), simulate(plan.heldOut));
}
