// Terminal rendering of an outcome: a few readable tables.

import Table from 'cli-table3';
import type { Outcome } from '../model/outcome.js';
import type { CostTermEffect } from '../analysis/cost-term.js';
import { formatClock } from '../core/units.js';
import { gospaParts } from './format-gospa.js';

const money = (v: number) =>
  v >= 1e6 ? `$${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `$${(v / 1e3).toFixed(1)}k` : `$${v.toFixed(0)}`;
const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–');
const km = (m: number) => (Number.isFinite(m) ? `${(m / 1000).toFixed(1)} km` : '–');

const num = (v: number) => Math.round(v).toLocaleString('en');

/** The outcome of one run as tables; `unverified` lists catalog figures in use that no source confirms. */
export function formatOutcome(
  title: string,
  seed: number,
  o: Outcome,
  unverified: readonly string[] = [],
): string {
  const out: string[] = [`${title}  (seed ${seed}, ended at +${formatClock(o.endS)})`, ''];

  const threats = new Table({
    head: ['threats', 'launched', 'destroyed', 'leaked (hit)', 'lost to EW', 'expired'],
    style: { head: [], border: [], compact: true },
  });
  for (const [type, c] of Object.entries(o.byThreatType)) {
    if (c.launched > 0) threats.push([type, c.launched, c.destroyed, c.leaked, c.lostToEw, c.expired]);
  }
  threats.push([
    'all',
    o.threatsLaunched,
    `${o.destroyed} (${pct(o.destroyed, o.threatsLaunched)})`,
    o.leaked,
    o.lostToEw,
    o.expired,
  ]);
  out.push(threats.toString());

  const units = new Table({ head: ['defender', 'kills'], style: { head: [], border: [], compact: true } });
  for (const [unit, kills] of Object.entries(o.destroyedByUnit)) units.push([unit, kills]);
  out.push(units.toString());

  const layers = Object.entries(o.byEffectorKind);
  if (layers.length > 0) {
    const byKind = new Table({
      head: ['layer', 'units', 'engagements', 'kills', 'spent', 'spend'],
      style: { head: [], border: [], compact: true },
    });
    for (const [kind, k] of layers)
      byKind.push([
        kind,
        k.units,
        k.engagements,
        k.kills,
        spentText(kind, k.spent, k.cannonPasses),
        money(k.spend),
      ]);
    out.push(byKind.toString());
  }

  if (o.assetsHit.length > 0) {
    const assets = new Table({
      head: ['asset hit', 'kind', 'hits', 'damage', 'value lost', 'days out', 'people affected'],
      style: { head: [], border: [], compact: true },
    });
    for (const a of o.assetsHit)
      assets.push([
        a.name,
        a.kind,
        a.hits,
        pct(a.damageFraction, 1),
        a.valueLost.toFixed(1),
        a.outageDays.toFixed(1),
        num(a.peopleAffected),
      ]);
    out.push(assets.toString());
  }

  const summary = new Table({ style: { head: [], border: [], compact: true } });
  summary.push(
    {
      'asset value lost': `${o.assetValueLost.toFixed(1)} of ${o.assetValueTotal} (${pct(o.assetValueLost, o.assetValueTotal)})`,
    },
    {
      'outage (asset-days)': `${o.outageAssetDays.toFixed(1)}${
        Object.keys(o.outageDaysByKind).length > 0
          ? ` — ${Object.entries(o.outageDaysByKind)
              .map(([k, d]) => `${k} ${d.toFixed(1)}`)
              .join(', ')}`
          : ''
      }`,
    },
    {
      'people affected': `${num(o.peopleAffected)} (${num(o.peopleDaysWithoutService)} people-days without service)`,
    },
    {
      'interceptors spent': interceptorsText(o),
    },
    { 'engagements, all layers': num(o.interceptAttempts) },
    ...(o.missilesSpent > 0 || o.roundsFired > 0
      ? [{ 'missiles, rounds': `${o.missilesSpent} missiles, ${num(o.roundsFired)} rounds` }]
      : []),
    ...(o.jetSorties > 0 ? [{ 'jet sorties': String(o.jetSorties) }] : []),
    ...(o.interceptorsDelivered > 0 ? [{ 'interceptors delivered': String(o.interceptorsDelivered) }] : []),
    { 'defense spend': money(o.defenseSpend) },
    { 'attacker spend': money(o.attackerSpend) },
    { 'attacker loss (shot down)': money(o.attackerLossDestroyed) },
    {
      'cost-exchange ratio': Number.isFinite(o.costExchangeRatio)
        ? `${o.costExchangeRatio.toFixed(2)} : 1`
        : '∞',
    },
    {
      'kills from nearest asset': `median ${km(o.interceptDistanceMedianM)}, 10% within ${km(o.interceptDistanceP10M)}`,
    },
  );
  out.push(summary.toString());
  if (unverified.length > 0) {
    out.push(
      `Unverified catalog figures in use (no readable source; treat as assumptions): ${unverified.join(', ')}`,
    );
  }

  const tp = o.trackPicture;
  if (tp) {
    const picture = new Table({ style: { head: [], border: [], compact: true } });
    const p = tp.p;
    picture.push(
      {
        [`track picture GOSPA (c ${km(tp.cutoffM)}, p ${p})`]: `mean ${tp.meanGospa.toFixed(0)} m over ${tp.scans} scans`,
      },
      {
        'GOSPA made of': gospaParts(tp),
      },
      { 'track-id switches': String(tp.idSwitches) },
      {
        'time to confirm': `${Number.isFinite(tp.meanTimeToConfirmS) ? tp.meanTimeToConfirmS.toFixed(0) + ' s' : '–'} mean from first report (${tp.truthsTracked} of ${tp.truthsDetected} reported threats ever tracked; ${tp.truthsSeen} flew)`,
      },
    );
    out.push(picture.toString());
  }
  return out.join('\n');
}

/** Interceptor drones spent, against their own engagements (not the other layers' shots and bursts). */
function interceptorsText(o: Outcome): string {
  const engaged = o.byEffectorKind['interceptor-drone']?.engagements ?? 0;
  const lost = o.interceptorsSpent - engaged;
  const parts = [`${num(engaged)} engaged`];
  if (lost > 0) parts.push(`${num(lost)} lost without engaging`);
  parts.push(`${num(o.interceptorsRecovered)} recovered`);
  return `${num(o.interceptorsSpent)} (${parts.join(', ')})`;
}

function spentText(kind: string, spent: number, cannonPasses: number): string {
  const what =
    kind === 'gun' || kind === 'fire-group'
      ? 'rounds'
      : kind === 'interceptor-drone'
        ? 'interceptors'
        : 'missiles';
  return `${spent} ${what}${cannonPasses > 0 ? `, ${cannonPasses} cannon passes` : ''}`;
}

/**
 * What the objective's cost term did to this run: one line when the scenario sets no price (value
 * first, cost breaks ties), otherwise the priced run beside the same seed run value-first.
 */
export function formatCostTerm(policy: string, effect: CostTermEffect | null): string {
  if (policy === 'nearest') return 'Cost term: none (the nearest policy ignores prices).';
  if (!effect)
    return 'Cost term: value first (c2.valuePerMoney not set): the price of a shot only breaks ties between shots that save the same value.';
  const t = new Table({
    head: [
      `cost term (c2.valuePerMoney ${effect.valuePerMoney})`,
      'priced (this run)',
      'value first',
      'change',
    ],
    style: { head: [], border: [], compact: true },
  });
  const { priced: p, valueFirst: v } = effect;
  const signed = (d: number, f: (x: number) => string) => (d > 0 ? '+' : d < 0 ? '−' : '±') + f(Math.abs(d));
  t.push(
    [
      'asset value lost',
      p.assetValueLost.toFixed(1),
      v.assetValueLost.toFixed(1),
      signed(p.assetValueLost - v.assetValueLost, (x) => x.toFixed(1)),
    ],
    ['leaked (hit)', p.leaked, v.leaked, signed(p.leaked - v.leaked, String)],
    [
      'defense spend',
      money(p.defenseSpend),
      money(v.defenseSpend),
      signed(p.defenseSpend - v.defenseSpend, money),
    ],
  );
  for (const kind of [...new Set([...Object.keys(p.spentByKind), ...Object.keys(v.spentByKind)])]) {
    const a = p.spentByKind[kind] ?? 0;
    const b = v.spentByKind[kind] ?? 0;
    t.push([`spent: ${kind}`, num(a), num(b), signed(a - b, num)]);
  }
  return t.toString();
}
