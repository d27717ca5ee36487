// Terminal rendering of a campaign: how it was evaluated (and the surrogate's measured error), the
// assumptions in play, month-by-month tables with 90% bands, and the totals.

import Table from 'cli-table3';
import type { Surrogate } from '../analysis/campaign/index.js';
import type { CampaignTotals, MonthRow, Quantiles, TargetError } from '../model/campaign-trajectory.js';
import type { Campaign, ForcePool } from '../model/campaign.js';

const compact = { head: [], border: [], compact: true };
export const money = (v: number) =>
  !Number.isFinite(v)
    ? '–'
    : Math.abs(v) >= 1e6
      ? `$${(v / 1e6).toFixed(1)}M`
      : Math.abs(v) >= 1e3
        ? `$${(v / 1e3).toFixed(0)}k`
        : `$${v.toFixed(0)}`;
const num = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en') : '–');
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const ratio = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
/** Median with the 90% band when the runs differ. */
const band = (q: Quantiles, f: (v: number) => string) =>
  q.p5 === q.p95 ? f(q.median) : `${f(q.median)} [${f(q.p5)}–${f(q.p95)}]`;

export function formatEvaluation(
  mode: string,
  runs: number,
  surrogate?: { surrogate: Surrogate; cached: boolean; file?: string },
): string {
  if (mode === 'direct')
    return `Evaluation: direct — every night simulated with the tactical model (${runs} run${runs === 1 ? '' : 's'}).`;
  const s = surrogate!.surrogate;
  const lines = [
    `Evaluation: surrogate — fitted to ${s.fit.points} simulated nights (Latin hypercube over raid size and mix, stocks, crews)` +
      `${surrogate!.cached ? `, read back from ${surrogate!.file ?? 'its file'} (--refit fits afresh)` : surrogate!.file ? `, kept in ${surrogate!.file} for the next run` : ''}; ${runs} campaign runs.`,
  ];
  if (s.heldOut) lines.push(formatSurrogateError(s.heldOut.points, s.heldOut.errors));
  else lines.push('  Its error against direct simulation was not measured (--held-out 0).');
  return lines.join('\n');
}

export function formatSurrogateError(points: number, errors: readonly TargetError[]): string {
  const t = new Table({ head: ['per night', 'mean (sim)', 'RMSE', 'MAE', 'bias', 'R²'], style: compact });
  // Per-asset damage errors are in the JSON; the table keeps to the headline figures.
  for (const e of errors.filter((e) => !e.name.startsWith('damage:')))
    t.push([
      e.name,
      e.meanActual.toFixed(1),
      e.rmse.toFixed(1),
      e.mae.toFixed(1),
      e.bias.toFixed(1),
      Number.isFinite(e.r2) ? e.r2.toFixed(2) : '–',
    ]);
  return `  Surrogate error against direct simulation on ${points} held-out nights:\n${t.toString()}`;
}

export function formatAssumptions(campaign: Campaign): string {
  const f = campaign.attacker.funding;
  if (!f) return 'Assumptions: no funding lever (attacker production as scheduled).';
  const last = f.revenuePressure.points[f.revenuePressure.points.length - 1].value;
  return (
    `Assumption (not a fact): attacker production × (1 − revenue pressure)^${f.elasticity}; ` +
    `pressure rises to ${pct(last)}, so production falls to ${pct((1 - last) ** f.elasticity)} of plan — ${f.note}.`
  );
}

/** Month-table headers of a pool: its stock (none for radars) and its crews, named for its kind. */
function poolHeaders(pool: ForcePool): string[] {
  switch (pool.kind) {
    case 'interceptor-drone':
      return [`${pool.name} stock`, 'crews'];
    case 'jet':
      return [`${pool.name} missiles`, 'jets flying'];
    case 'sam':
      return [`${pool.name} missiles`, 'fire units'];
    case 'sensor':
      return [`${pool.name} on`];
  }
}

/** Widest a month table may be: a terminal of 120 columns shows it without wrapping. */
export const MONTH_TABLE_WIDTH = 120;

interface MonthColumn {
  head: string;
  cell: (r: MonthRow) => string;
}

/**
 * Month by month, in as many tables as it takes to keep each within MONTH_TABLE_WIDTH characters:
 * the raid and its cost first, then the defender's pools. Every table starts with the month.
 */
export function formatMonths(campaign: Campaign, rows: readonly MonthRow[]): string {
  const pools = campaign.defender.pools;
  const raid: MonthColumn[] = [
    { head: 'launched', cell: (r) => num(r.launched) },
    { head: 'leaked', cell: (r) => band(r.leaked, num) },
    { head: 'leak rate', cell: (r) => band(r.leakRate, pct) },
    { head: 'outage asset-days', cell: (r) => band(r.outageAssetDays, (v) => v.toFixed(1)) },
    { head: 'damaged', cell: (r) => band(r.damagedShare, pct) },
    { head: 'defense spend', cell: (r) => band(r.defenseSpend, money) },
    { head: 'attacker spend', cell: (r) => money(r.attackerSpend) },
    { head: 'cost-exchange', cell: (r) => band(r.costExchange, ratio) },
  ];
  const forces: MonthColumn[] = pools.flatMap((pool, p) => {
    const [stockHead, crewHead] = poolHeaders(pool);
    const crews = { head: crewHead ?? stockHead, cell: (r: MonthRow) => band(r.crews[p], num) };
    return pool.kind === 'sensor'
      ? [crews]
      : [{ head: stockHead, cell: (r: MonthRow) => band(r.stock[p], num) }, crews];
  });
  const month: MonthColumn = { head: 'month', cell: (r) => String(r.month) };
  const width = (c: MonthColumn) => Math.max(c.head.length, ...rows.map((r) => c.cell(r).length)) + 3;
  const tables: MonthColumn[][] = [];
  for (const group of [raid, forces]) {
    let current: MonthColumn[] = [];
    let used = width(month) + 1;
    for (const column of group) {
      if (current.length > 0 && used + width(column) > MONTH_TABLE_WIDTH) {
        tables.push(current);
        current = [];
        used = width(month) + 1;
      }
      current.push(column);
      used += width(column);
    }
    if (current.length > 0) tables.push(current);
  }
  return tables
    .map((columns) => {
      const t = new Table({ head: [month, ...columns].map((c) => c.head), style: compact });
      for (const r of rows) t.push([month, ...columns].map((c) => c.cell(r)));
      return t.toString();
    })
    .join('\n');
}

export function formatTotals(totals: Record<keyof CampaignTotals, Quantiles>): string {
  const t = new Table({ head: ['campaign total', 'median', '90% band', 'mean'], style: compact });
  const rows: [string, keyof CampaignTotals, (v: number) => string][] = [
    ['threats launched', 'launched', num],
    ['shot down', 'destroyed', num],
    ['leakers', 'leaked', num],
    ['leak rate', 'leakRate', pct],
    ['asset value lost', 'valueLost', num],
    ['outage asset-days', 'outageAssetDays', (v) => v.toFixed(1)],
    ['people-days without service', 'peopleDays', num],
    ['defender spend', 'defenseSpend', money],
    ['munitions used (value)', 'munitionsValueSpent', money],
    ['attacker production cost', 'attackerSpend', money],
    ['attacker cost shot down', 'attackerLossDestroyed', money],
    ['cost-exchange ratio', 'costExchangeRatio', ratio],
  ];
  for (const [label, key, f] of rows) {
    const q = totals[key];
    t.push([label, f(q.median), `${f(q.p5)} – ${f(q.p95)}`, f(q.mean)]);
  }
  return t.toString();
}
