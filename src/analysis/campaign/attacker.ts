// The attacker's side of a campaign, day by day: production (ramped, and lowered by revenue
// pressure through the assumed elasticity), stock, and the raid launched each night — a nightly
// baseline plus, every few days, a mass raid sized from the stock. It does not depend on how the
// defense fares (a launched drone is gone whether it is shot down or not), so it is computed once.

import type { AttackerPlan } from '../../model/campaign.js';
import { scheduleAt } from './schedule.js';

export interface AttackerDay {
  day: number;
  /** Built today, by threat type (index into plan.production). */
  produced: number[];
  /** Launched tonight, by threat type. */
  launched: number[];
  /** Stock after tonight's launches. */
  stock: number[];
  /** Production multiplier from the funding lever (1 without one). */
  fundingFactor: number;
  mass: boolean;
}

/** (1 − pressure)^elasticity: the assumed response of production to lost revenue. */
export function fundingFactor(plan: AttackerPlan, day: number): number {
  if (!plan.funding) return 1;
  const pressure = Math.min(0.99, Math.max(0, scheduleAt(plan.funding.revenuePressure, day)));
  return (1 - pressure) ** plan.funding.elasticity;
}

export function isMassRaidDay(plan: AttackerPlan, day: number): boolean {
  const m = plan.raids.mass;
  return m !== undefined && day >= m.firstDay && (day - m.firstDay) % m.everyDays === 0;
}

export function attackerTimeline(
  plan: AttackerPlan,
  horizonDays: number,
  productionScale = 1,
): AttackerDay[] {
  const types = plan.production;
  const stock = types.map((t) => t.stock);
  // Fractional production carries over, so 2.5 a day builds 5 every two days.
  const carry = types.map(() => 0);
  const days: AttackerDay[] = [];
  for (let day = 0; day < horizonDays; day++) {
    const factor = fundingFactor(plan, day) * productionScale;
    const produced = types.map((t, i) => {
      carry[i] += Math.max(0, scheduleAt(t.perDay, day)) * factor;
      const whole = Math.floor(carry[i] + 1e-9);
      carry[i] -= whole;
      stock[i] += whole;
      return whole;
    });
    const launched = types.map((t, i) => {
      const nightly = plan.raids.nightly.find((n) => n.threatType === t.threatType)?.count ?? 0;
      return Math.min(nightly, stock[i]);
    });
    for (let i = 0; i < types.length; i++) stock[i] -= launched[i];
    const mass = isMassRaidDay(plan, day);
    if (mass) {
      const m = plan.raids.mass!;
      for (let i = 0; i < types.length; i++) {
        const extra = Math.min(m.maxPerType, Math.floor(stock[i] * m.stockFraction));
        launched[i] += extra;
        stock[i] -= extra;
      }
    }
    days.push({ day, produced, launched, stock: [...stock], fundingFactor: factor, mass });
  }
  return days;
}
