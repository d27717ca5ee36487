import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/scenario.js';
import { DamageState } from './damage.js';

const DAY = 86_400;

function asset(name: string, people: number, restorationDays: number): Asset {
  return {
    name,
    kind: 'substation',
    position: { e: 0, n: 0, u: 0 },
    value: 100,
    destroyKg: 200,
    criticality: 'high',
    restorationS: restorationDays * DAY,
    people,
  };
}

describe('DamageState', () => {
  it('counts the residents of a city once however many of its assets are out, by hand', () => {
    // One city of 1,000,000: its plant (all of them), its substation (400,000), its pumping station
    // (600,000). All three destroyed: the plant is back after 2 days, the others after 3 and 5.
    const state = new DamageState([
      asset('plant', 1_000_000, 2),
      asset('substation', 400_000, 3),
      asset('pumps', 600_000, 5),
    ]);
    state.hit([1, 1, 1]);
    const days = Array.from({ length: 6 }, () => state.repairDay());
    expect(days.map((d) => d.peopleDays)).toEqual([1_000_000, 1_000_000, 600_000, 600_000, 600_000, 0]);
    expect(days.map((d) => d.outageAssetDays)).toEqual([3, 3, 2, 1, 1, 0]);
    // Never more people-days in a day than the city has people.
    for (const d of days) expect(d.peopleDays).toBeLessThanOrEqual(1_000_000);
  });

  it('integrates a part-day outage within the day', () => {
    const state = new DamageState([asset('a', 1000, 10), asset('b', 300, 10)]);
    state.hit([0.05, 0.1]); // 0.5 and 1 day of repairs
    // First half day: both out, 1,000 people; second half: b only, 300.
    expect(state.repairDay().peopleDays).toBeCloseTo(0.5 * 1000 + 0.5 * 300, 9);
  });
});
