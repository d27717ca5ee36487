// Campaign speed: the shipped 12-month Kyiv campaign (a raid every night, a mass raid every week,
// interceptor drones, Mirages, IRIS-T fire units and radars) evaluated with the surrogate — target
// under 1 s per campaign run — beside direct simulation of every night. Direct simulation is timed
// on the first 30 nights and extrapolated to the year (BENCH_CAMPAIGN_FULL=1 simulates all of it,
// a quarter of an hour or more); the two are compared on those nights.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  buildSurrogate,
  campaignContext,
  campaignTotals,
  defaultDesignPoints,
  DirectEvaluator,
  runCampaigns,
  simulateCampaign,
  SurrogateEvaluator,
} from '../src/analysis/campaign/index.js';
import { parseCampaign, parseScenario, formatIssue } from '../src/scenario/index.js';

const TARGET_S = 1;

function load() {
  const file = new URL('../scenarios/campaigns/kyiv-winter.yaml', import.meta.url).pathname;
  const r = parseCampaign(readFileSync(file, 'utf8'), file, (tactical) => {
    const night = resolve(dirname(file), tactical);
    return parseScenario(readFileSync(night, 'utf8'), night);
  });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return campaignContext(r.campaign, r.scenario);
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export function run(): boolean {
  const context = load();
  const days = context.campaign.horizonDays;
  console.log(
    `## Campaign (${context.campaign.name}, ${days} nights; target: under ${TARGET_S} s per run on the surrogate)`,
  );

  let t = process.hrtime.bigint();
  const points = defaultDesignPoints(context);
  const surrogate = buildSurrogate(context, { points, runsPerPoint: 1, heldOutPoints: 20, seed: 1 });
  const fitS = seconds(t);
  console.log(
    `surrogate fit: ${points + 20} tactical runs (${points} design + 20 held-out, the CLI defaults) in ${fitS.toFixed(1)} s`,
  );
  for (const e of surrogate.heldOut!.errors.filter((e) => !e.name.startsWith('damage:')))
    console.log(
      `  held-out ${e.name.padEnd(22)} mean ${e.meanActual.toFixed(1).padStart(7)}  RMSE ${e.rmse.toFixed(1).padStart(6)}  R² ${e.r2.toFixed(2)}`,
    );

  const evaluator = new SurrogateEvaluator(surrogate);
  simulateCampaign(context, evaluator, 0); // warm-up: JIT
  const times: number[] = [];
  for (let r = 1; r <= 21; r++) {
    t = process.hrtime.bigint();
    simulateCampaign(context, evaluator, r);
    times.push(seconds(t));
  }
  times.sort((a, b) => a - b);
  const surrogateS = times[10];
  console.log(
    `surrogate campaign: ${days} nights in ${(surrogateS * 1000).toFixed(1)} ms (median of 21)  → ${(surrogateS / TARGET_S).toFixed(4)} of the target`,
  );

  const full = process.env.BENCH_CAMPAIGN_FULL === '1';
  const directDays = full ? days : 30;
  const short = { ...context, campaign: { ...context.campaign, horizonDays: directDays } };
  t = process.hrtime.bigint();
  const direct = simulateCampaign(short, new DirectEvaluator(short), 1);
  const directS = seconds(t);
  const directYearS = (directS * days) / directDays;
  console.log(
    `direct campaign: ${directDays} nights simulated in ${directS.toFixed(1)} s` +
      (full ? '' : `  → about ${(directYearS / 60).toFixed(1)} min for all ${days} (extrapolated)`),
  );
  console.log(`direct / surrogate = ${Math.round(directYearS / surrogateS).toLocaleString('en')}×`);

  // The surrogate against direct simulation over the same nights, campaign totals.
  const d = campaignTotals(direct, context.threatDecoy);
  const s = runCampaigns(short, evaluator, 20, 1).map((r) => campaignTotals(r, context.threatDecoy));
  const mean = (k: 'leaked' | 'destroyed' | 'valueLost' | 'munitionsValueSpent') =>
    s.reduce((a, x) => a + x[k], 0) / s.length;
  const line = (k: string, direct: number, surrogateMean: number) =>
    console.log(
      `  first ${directDays} nights ${k.padEnd(20)} direct ${direct.toFixed(0).padStart(9)}  surrogate mean of 20 ${surrogateMean.toFixed(0).padStart(9)}  (${((100 * (surrogateMean - direct)) / Math.max(1, direct)).toFixed(1)}%)`,
    );
  for (const k of ['leaked', 'destroyed', 'valueLost', 'munitionsValueSpent'] as const)
    line(k, d[k], mean(k));
  // Each pool's munitions used up: interceptor drones, each kind of missile.
  const runs = runCampaigns(short, evaluator, 20, 1);
  context.campaign.defender.pools.forEach((pool, i) => {
    if (pool.kind === 'sensor') return;
    line(
      `spent:${pool.name}`,
      direct.ledger[i].spent,
      runs.reduce((a, r) => a + r.ledger[i].spent, 0) / runs.length,
    );
  });
  return surrogateS < TARGET_S;
}
