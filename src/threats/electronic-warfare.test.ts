import { describe, expect, it } from 'vitest';
import { oneThreatNight } from '../../test/scenario-text.js';
import { computeOutcome } from '../metrics/index.js';
import { runScenario } from '../run/index.js';

const withZone = (pLoss: number, astray: number, type = 'shahed-136', count = 200) => {
  const base = oneThreatNight({ type, count });
  // A zone covering the whole approach, centred between launch point and asset.
  const center = { e: base.waves[0].launchCenter.e / 2, n: 0, u: 0 };
  return { ...base, ewZones: [{ name: 'ring', center, radiusM: 60_000, pLoss, astrayFraction: astray }] };
};

describe('electronic warfare', () => {
  it('loses threats at the zone loss probability times susceptibility, as its own outcome', () => {
    const scenario = withZone(0.4, 0);
    const outcome = computeOutcome(scenario, runScenario(scenario, 2));
    // Binomial(200, 0.4): mean 80, sd 6.9.
    expect(Math.abs(outcome.lostToEw - 80)).toBeLessThan(4 * 6.93);
    expect(outcome.lostToEw + outcome.leaked).toBe(200);
    expect(outcome.byThreatType['shahed-136'].lostToEw).toBe(outcome.lostToEw);
  });

  it('barely touches terrain-matching cruise missiles', () => {
    const scenario = withZone(0.4, 0, 'kh-101');
    const outcome = computeOutcome(scenario, runScenario(scenario, 2));
    // Susceptibility 0.15: p = 0.06, mean 12 of 200.
    expect(outcome.lostToEw).toBeLessThan(30);
  });

  it('sends threats astray: they crash away from the asset and do no damage', () => {
    const scenario = withZone(1, 1, 'shahed-136', 20);
    const log = runScenario(scenario, 5);
    const lost = log.events.filter((e) => e.kind === 'lost-ew');
    expect(lost).toHaveLength(20);
    for (const e of lost) {
      expect(e).toMatchObject({ mode: 'astray', zone: 'ring' });
      if (e.kind === 'lost-ew') expect(Math.hypot(e.e, e.n)).toBeGreaterThan(1000);
    }
    expect(log.events.some((e) => e.kind === 'impact')).toBe(false);
  });

  it('draws once per zone entry: a zone with pLoss 0 changes nothing', () => {
    const plain = oneThreatNight({ count: 50 });
    const zoned = withZone(0, 0.5, 'shahed-136', 50);
    expect(runScenario(zoned, 9).events).toEqual(runScenario(plain, 9).events);
  });
});
