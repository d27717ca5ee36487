// The defense by effector kind: what each layer engaged, killed, spent and cost, with the
// missiles, rounds, deliveries and jet sorties of the night. Read from the event log alone.

import type { RunLog, SimEvent } from '../model/events.js';
import type { EffectorKindOutcome, Outcome } from '../model/outcome.js';
import type { DefenderUnit, Scenario } from '../model/scenario.js';

type Engagement = Extract<SimEvent, { kind: 'intercept-attempt' }>;

/** What one engagement or lost flight costs: the weapon, or the rounds of a burst (cannon passes are free). */
export function shotCost(unit: DefenderUnit | undefined, event: Engagement | { flight: number }): number {
  if (!unit) return 0;
  if (event.flight >= 0) return unit.unitCost;
  const rounds = 'rounds' in event ? (event.rounds ?? 0) : 0;
  return rounds * unit.unitCost;
}

/**
 * What one event spends of its unit's weapons — the one rule for "spent", which every count of it
 * (by effector kind, interceptor drones, missiles) reads: a guided flight spends its interceptor or
 * missile when it engages or is lost (a recovered drone is not spent), a burst spends its rounds, a
 * jet's cannon pass spends nothing.
 */
export function spentIn(event: SimEvent): number {
  if (event.kind === 'intercept-attempt') return event.flight >= 0 ? 1 : (event.rounds ?? 0);
  return event.kind === 'interceptor-lost' ? 1 : 0;
}

/** Whether a guided flight of this unit is an interceptor drone (else a missile). */
export function isInterceptorDrone(unit: DefenderUnit | undefined): boolean {
  return unit?.kind === 'interceptor-drone';
}

export function effectorOutcome(
  scenario: Scenario,
  log: RunLog,
): Pick<
  Outcome,
  'byEffectorKind' | 'missilesSpent' | 'roundsFired' | 'jetSorties' | 'interceptorsDelivered'
> {
  const units = new Map(scenario.defenders.map((d) => [d.name, d]));
  const byEffectorKind: Record<string, EffectorKindOutcome> = {};
  for (const d of scenario.defenders) {
    const k = (byEffectorKind[d.kind] ??= {
      units: 0,
      engagements: 0,
      kills: 0,
      spent: 0,
      cannonPasses: 0,
      spend: 0,
    });
    k.units++;
  }
  let missilesSpent = 0;
  let roundsFired = 0;
  let jetSorties = 0;
  let interceptorsDelivered = 0;
  for (const e of log.events) {
    switch (e.kind) {
      case 'intercept-attempt': {
        const unit = units.get(e.unit);
        if (!unit) break;
        const k = byEffectorKind[unit.kind];
        k.engagements++;
        k.spend += shotCost(unit, e);
        k.spent += spentIn(e);
        if (e.flight >= 0) {
          if (!isInterceptorDrone(unit)) missilesSpent += spentIn(e);
        } else if (e.rounds !== undefined) roundsFired += spentIn(e);
        else k.cannonPasses++;
        break;
      }
      case 'interceptor-lost': {
        const unit = units.get(e.unit);
        if (!unit) break;
        byEffectorKind[unit.kind].spent += spentIn(e);
        byEffectorKind[unit.kind].spend += unit.unitCost;
        if (!isInterceptorDrone(unit)) missilesSpent += spentIn(e);
        break;
      }
      case 'kill': {
        const unit = units.get(e.unit);
        if (unit) byEffectorKind[unit.kind].kills++;
        break;
      }
      case 'sortie':
        jetSorties++;
        break;
      case 'resupply':
        interceptorsDelivered += e.amount;
        break;
    }
  }
  return { byEffectorKind, missilesSpent, roundsFired, jetSorties, interceptorsDelivered };
}
