import { describe, expect, it } from 'vitest';
import type { RunLog, SimEvent } from '../model/events.js';
import type { Scenario } from '../model/scenario.js';
import { quantile } from '../core/quantile.js';
import { computeOutcome } from './outcome.js';

const scenario = {
  assets: [
    { name: 'Sub', kind: 'substation', value: 500, restorationS: 20 * 86_400, people: 100_000 },
    { name: 'Water', kind: 'water', value: 300, restorationS: 10 * 86_400, people: 50_000 },
  ],
  threatTypes: [
    { name: 'shahed-136', unitCost: 35_000 },
    { name: 'gerbera', unitCost: 5_000 },
  ],
  defenders: [{ name: 'team', kind: 'interceptor-drone', unitCost: 2_500 }],
} as unknown as Scenario;

const events: SimEvent[] = [
  { t: 1, kind: 'threat-launch', threat: 0, type: 'shahed-136', wave: 'w', e: 0, n: 0, aim: 'Sub' },
  { t: 1, kind: 'threat-launch', threat: 1, type: 'shahed-136', wave: 'w', e: 0, n: 0, aim: 'Sub' },
  { t: 1, kind: 'threat-launch', threat: 2, type: 'gerbera', wave: 'w', e: 0, n: 0, aim: 'Water' },
  { t: 2, kind: 'threat-launch', threat: 3, type: 'shahed-136', wave: 'w', e: 0, n: 0, aim: 'Water' },
  { t: 2, kind: 'threat-launch', threat: 4, type: 'shahed-136', wave: 'w', e: 0, n: 0, aim: 'Water' },
  {
    t: 5,
    kind: 'intercept-attempt',
    unit: 'team',
    flight: 0,
    threat: 0,
    type: 'shahed-136',
    pk: 0.7,
    e: 0,
    n: 0,
    u: 0,
  },
  { t: 5, kind: 'kill', unit: 'team', flight: 0, threat: 0, type: 'shahed-136', nearestAssetM: 12_000 },
  {
    t: 6,
    kind: 'intercept-attempt',
    unit: 'team',
    flight: 1,
    threat: 2,
    type: 'gerbera',
    pk: 0.7,
    e: 0,
    n: 0,
    u: 0,
  },
  { t: 6, kind: 'kill', unit: 'team', flight: 1, threat: 2, type: 'gerbera', nearestAssetM: 4_000 },
  {
    t: 7,
    kind: 'intercept-attempt',
    unit: 'team',
    flight: 2,
    threat: 1,
    type: 'shahed-136',
    pk: 0.7,
    e: 0,
    n: 0,
    u: 0,
  },
  { t: 7, kind: 'miss', unit: 'team', flight: 2, threat: 1, type: 'shahed-136' },
  { t: 8, kind: 'interceptor-lost', unit: 'team', flight: 3, reason: 'endurance' },
  { t: 9, kind: 'impact', threat: 1, type: 'shahed-136', asset: 'Sub', damage: 0.25, valueLost: 125 },
  { t: 9, kind: 'lost-ew', threat: 3, type: 'shahed-136', zone: 'z', mode: 'crashed', e: 0, n: 0 },
  { t: 10, kind: 'impact', threat: 4, type: 'shahed-136', asset: 'Water', damage: 0.5, valueLost: 150 },
];
const log: RunLog = { scenario: 'worked', seed: 1, stepS: 1, durationS: 100, endS: 10, events };

describe('computeOutcome', () => {
  const o = computeOutcome(scenario, log);

  it('counts the fate of every threat', () => {
    expect(o).toMatchObject({ threatsLaunched: 5, destroyed: 2, leaked: 2, lostToEw: 1, expired: 0 });
    expect(o.byThreatType['shahed-136']).toEqual({
      launched: 4,
      destroyed: 1,
      leaked: 2,
      expired: 0,
      lostToEw: 1,
    });
    expect(o.destroyedByUnit).toEqual({ team: 2 });
  });

  it('prices both sides and the exchange', () => {
    // 3 interceptors engaged + 1 lost on endurance = 4 spent at $2,500.
    expect(o.interceptorsSpent).toBe(4);
    expect(o.defenseSpend).toBe(10_000);
    expect(o.attackerSpend).toBe(4 * 35_000 + 5_000);
    expect(o.attackerLossDestroyed).toBe(40_000);
    expect(o.costExchangeRatio).toBe(4);
    expect(o.byEffectorKind).toEqual({
      'interceptor-drone': { units: 1, engagements: 3, kills: 2, spent: 4, cannonPasses: 0, spend: 10_000 },
    });
    expect(o.missilesSpent).toBe(0);
  });

  it('works out value lost and consequences by hand', () => {
    expect(o.assetValueLost).toBe(275);
    expect(o.assetValueProtected).toBe(525);
    // Sub: 25% × 20 d = 5 asset-days, 25,000 people; Water: 50% × 10 d = 5, 25,000 people.
    expect(o.outageAssetDays).toBeCloseTo(10, 12);
    expect(o.outageDaysByKind).toEqual({ substation: 5, water: 5 });
    // The same residents depend on both: counted once, 25,000 people for 5 days.
    expect(o.peopleAffected).toBeCloseTo(25_000, 9);
    expect(o.peopleDaysWithoutService).toBeCloseTo(25_000 * 5, 6);
    expect(o.assetsHit.map((a) => a.peopleAffected)).toEqual([25_000, 25_000]);
  });

  it('summarises kill distances', () => {
    expect(o.interceptDistanceMedianM).toBe(8_000);
    expect(o.interceptDistanceP10M).toBe(4_800);
  });
});

describe('quantile', () => {
  it('interpolates like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
