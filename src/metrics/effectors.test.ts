import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../model/events.js';
import type { Scenario } from '../model/scenario.js';
import { computeOutcome } from './outcome.js';

// Hand-worked: a SAM fires two missiles (one kills, one runs out of endurance), a gun fires two
// bursts of 36 rounds at $150, a jet flies two sorties and makes one cannon pass, a team gets a
// delivery of 10.
const scenario = {
  threatTypes: [{ name: 'shahed-136', unitCost: 35_000 }],
  assets: [],
  defenders: [
    { name: 'sam', kind: 'sam', unitCost: 500_000 },
    { name: 'gun', kind: 'gun', unitCost: 150 },
    { name: 'jet', kind: 'jet', unitCost: 650_000 },
    { name: 'team', kind: 'interceptor-drone', unitCost: 2_500 },
  ],
} as unknown as Scenario;

const at = (unit: string, flight: number, threat: number, rounds?: number): SimEvent => ({
  t: 1,
  kind: 'intercept-attempt',
  unit,
  flight,
  threat,
  type: 'shahed-136',
  pk: 0.5,
  e: 0,
  n: 0,
  u: 0,
  ...(rounds === undefined ? {} : { rounds }),
});

const events: SimEvent[] = [
  ...[0, 1, 2, 3].map((i): SimEvent => ({
    t: 0,
    kind: 'threat-launch',
    threat: i,
    type: 'shahed-136',
    wave: 'w',
    e: 0,
    n: 0,
    aim: 'x',
  })),
  { t: 1, kind: 'interceptor-launch', unit: 'sam', flight: 0, track: 0 },
  at('sam', 0, 0),
  { t: 1, kind: 'kill', unit: 'sam', flight: 0, threat: 0, type: 'shahed-136', nearestAssetM: 1 },
  { t: 2, kind: 'interceptor-lost', unit: 'sam', flight: 1, reason: 'endurance' },
  at('gun', -1, 1, 36),
  { t: 1, kind: 'miss', unit: 'gun', flight: -1, threat: 1, type: 'shahed-136' },
  at('gun', -1, 1, 36),
  { t: 1, kind: 'kill', unit: 'gun', flight: -1, threat: 1, type: 'shahed-136', nearestAssetM: 1 },
  { t: 0, kind: 'sortie', unit: 'jet', mission: 'cap' },
  { t: 5, kind: 'landed', unit: 'jet', missilesLeft: 4 },
  { t: 9, kind: 'sortie', unit: 'jet', mission: 'scramble' },
  at('jet', -1, 2),
  { t: 1, kind: 'kill', unit: 'jet', flight: -1, threat: 2, type: 'shahed-136', nearestAssetM: 1 },
  { t: 3, kind: 'resupply', unit: 'team', amount: 10 },
];

describe('outcome by effector kind', () => {
  const o = computeOutcome(scenario, { scenario: 's', seed: 1, stepS: 1, durationS: 10, endS: 10, events });

  it('counts engagements, kills, what was spent and its price per layer', () => {
    expect(o.byEffectorKind).toEqual({
      sam: { units: 1, engagements: 1, kills: 1, spent: 2, cannonPasses: 0, spend: 1_000_000 },
      gun: { units: 1, engagements: 2, kills: 1, spent: 72, cannonPasses: 0, spend: 72 * 150 },
      jet: { units: 1, engagements: 1, kills: 1, spent: 0, cannonPasses: 1, spend: 0 },
      'interceptor-drone': { units: 1, engagements: 0, kills: 0, spent: 0, cannonPasses: 0, spend: 0 },
    });
  });

  it('sums missiles, rounds, sorties, deliveries and the defense spend', () => {
    expect(o.missilesSpent).toBe(2);
    expect(o.roundsFired).toBe(72);
    expect(o.jetSorties).toBe(2);
    expect(o.interceptorsDelivered).toBe(10);
    expect(o.interceptorsSpent).toBe(0);
    expect(o.defenseSpend).toBe(1_000_000 + 72 * 150);
    expect(o.destroyed).toBe(3);
  });
});
