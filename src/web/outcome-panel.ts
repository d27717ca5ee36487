// The outcome measures as they stand at the current moment of the replay.

import type { Outcome } from '../model/outcome.js';

function money(v: number): string {
  if (Math.abs(v) >= 1e6) return `$${(v / 1e6).toFixed(2)}M`;
  if (Math.abs(v) >= 1e3) return `$${(v / 1e3).toFixed(1)}k`;
  return `$${v.toFixed(0)}`;
}

/**
 * Attacker cost destroyed per unit spent, as the CLI writes it; a dash before anything was spent or
 * shot down (0 : 1 would read as a lost exchange), ∞ when kills cost nothing (cannon passes).
 */
export function costExchangeLabel(o: Outcome): string {
  if (o.defenseSpend <= 0 && o.attackerLossDestroyed <= 0) return '—';
  return Number.isFinite(o.costExchangeRatio) ? `${o.costExchangeRatio.toFixed(2)} : 1` : '∞';
}

/**
 * The outcome panel. `inAir` is what is in the air at this moment over the whole run, whatever
 * part of it the map shows.
 */
export function renderOutcome(
  target: HTMLElement,
  o: Outcome,
  inAir: { threats: number; flights: number },
): void {
  const share = o.assetValueTotal > 0 ? o.assetValueLost / o.assetValueTotal : 0;
  const rows: [string, string, string?][] = [
    ['threats launched', String(o.threatsLaunched)],
    ['threats in the air', String(inAir.threats)],
    ['interceptors in the air', String(inAir.flights)],
    ['destroyed', String(o.destroyed), 'good'],
    ['leaked (hit an asset)', String(o.leaked), o.leaked > 0 ? 'bad' : undefined],
    ['lost to EW', String(o.lostToEw)],
    ['expired / decoys spent', String(o.expired)],
    [
      'asset value lost',
      `${o.assetValueLost.toFixed(0)} of ${o.assetValueTotal.toFixed(0)} (${(share * 100).toFixed(1)}%)`,
      share > 0 ? 'bad' : undefined,
    ],
    [
      'people without service',
      o.peopleAffected > 0 ? Math.round(o.peopleAffected).toLocaleString('en') : '0',
      o.peopleAffected > 0 ? 'bad' : undefined,
    ],
    // Every guided interceptor spent, drones and missiles alike (the CLI lists the two apart).
    ['interceptors spent', String(o.interceptorsSpent + o.missilesSpent)],
    ['drones / missiles', `${o.interceptorsSpent} / ${o.missilesSpent}`],
    ['rounds fired', Math.round(o.roundsFired).toLocaleString('en')],
    ['engagements', String(o.interceptAttempts)],
    ['defense spend', money(o.defenseSpend)],
    ['attacker spend', money(o.attackerSpend)],
    ['cost-exchange ratio', costExchangeLabel(o)],
  ];
  // Built once, then only the values change: no layout churn while a night plays.
  if (target.childElementCount !== rows.length * 2) {
    const fragment = document.createDocumentFragment();
    for (const [label] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.dataset.measure = label;
      fragment.append(dt, dd);
    }
    target.replaceChildren(fragment);
  }
  rows.forEach(([, value, tone], i) => {
    const dd = target.children[2 * i + 1] as HTMLElement;
    if (dd.textContent !== value) dd.textContent = value;
    const className = tone ?? '';
    if (dd.className !== className) dd.className = className;
  });
}
