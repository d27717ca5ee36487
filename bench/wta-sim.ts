// The assignment policies in the simulation: over 200 seeds of each shipped scenario, nearest,
// greedy-mmr and the flagship lns compared on asset value lost, leakers and interceptors spent,
// with 95% confidence intervals. The flagship must lose less value than nearest, with intervals
// that do not overlap, at the same or a lower spend. (WTA_SEEDS overrides the seed count;
// WTA_SCENARIOS, a comma-separated list of file names, limits the scenarios.)

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/model/scenario.js';
import { runAndMeasure } from '../src/run/index.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

const POLICIES = ['nearest', 'greedy-mmr', 'lns'];
const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

interface Interval {
  mean: number;
  low: number;
  high: number;
}

/** Mean and 95% confidence interval (normal approximation; n is large). */
function interval(xs: readonly number[]): Interval {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1);
  const half = 1.96 * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

const show = (i: Interval, digits = 1) =>
  `${i.mean.toFixed(digits)} [${i.low.toFixed(digits)}, ${i.high.toFixed(digits)}]`.padEnd(26);

export function run(): boolean {
  const seeds = Number(process.env.WTA_SEEDS ?? 200);
  const only = process.env.WTA_SCENARIOS?.split(',');
  const files = readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml') && (!only || only.includes(f)))
    .sort();
  console.log(`## WTA policies in the simulation (${seeds} seeds per scenario, mean [95% CI])`);
  let ok = true;
  for (const file of files) {
    const base = parseScenarioOrThrow(readFileSync(SCENARIO_DIR + file, 'utf8'), file);
    console.log(`${base.name} (${file})`);
    console.log(
      'policy       value lost                 leakers                    interceptors spent         ms/run',
    );
    const results = new Map<string, { lost: Interval; leaked: Interval; spent: Interval }>();
    for (const policy of POLICIES) {
      const scenario: Scenario = { ...base, c2: { ...base.c2, policy } };
      const lost: number[] = [];
      const leaked: number[] = [];
      const spent: number[] = [];
      const started = performance.now();
      for (let seed = 1; seed <= seeds; seed++) {
        const { outcome } = runAndMeasure(scenario, seed);
        lost.push(outcome.assetValueLost);
        leaked.push(outcome.leaked);
        spent.push(outcome.interceptorsSpent);
      }
      const msPerRun = (performance.now() - started) / seeds;
      const r = { lost: interval(lost), leaked: interval(leaked), spent: interval(spent) };
      results.set(policy, r);
      console.log(
        `${policy.padEnd(12)} ${show(r.lost)} ${show(r.leaked, 2)} ${show(r.spent, 1)} ${msPerRun.toFixed(0)}`,
      );
    }
    const nearest = results.get('nearest')!;
    const lns = results.get('lns')!;
    const separated = lns.lost.high < nearest.lost.low;
    const cheaper = lns.spent.mean <= nearest.spent.mean;
    console.log(
      `lns vs nearest: value lost ${(lns.lost.mean / nearest.lost.mean).toFixed(2)}x (intervals ${separated ? 'apart' : 'OVERLAP'}), ` +
        `spend ${(lns.spent.mean / nearest.spent.mean).toFixed(2)}x (${cheaper ? 'same or lower' : 'HIGHER'})`,
    );
    if (!separated || !cheaper) ok = false;
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = run() ? 0 : 1;
