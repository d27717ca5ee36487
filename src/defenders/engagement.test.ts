import { describe, expect, it } from 'vitest';
import { oneThreatNight } from '../../test/scenario-text.js';
import { computeOutcome } from '../metrics/index.js';
import { runScenario } from '../run/index.js';

describe('interceptor engagement', () => {
  it('kills every threat it reaches when Pk is 1, one interceptor each', () => {
    const scenario = oneThreatNight({ pk: 1, count: 5 });
    const log = runScenario(scenario, 3);
    const outcome = computeOutcome(scenario, log);
    expect(outcome.destroyed).toBe(5);
    expect(outcome.leaked).toBe(0);
    expect(outcome.interceptAttempts).toBe(5);
    expect(outcome.defenseSpend).toBe(5 * scenario.defenders[0].unitCost);
    expect(outcome.attackerLossDestroyed).toBe(5 * scenario.threatTypes[0].unitCost);
    // Every kill happened within the engagement radius of a live threat.
    for (const e of log.events) if (e.kind === 'intercept-attempt') expect(e.pk).toBe(1);
  });

  it('launches nothing at threats it cannot kill (Pk 0)', () => {
    const scenario = oneThreatNight({ pk: 0, count: 3, stock: 4 });
    const outcome = computeOutcome(scenario, runScenario(scenario, 3));
    expect(outcome.interceptorsLaunched).toBe(0);
    expect(outcome.leaked).toBe(3);
  });

  it('spends an interceptor per attempt until stock runs out', () => {
    const scenario = oneThreatNight({ pk: 1e-9, count: 3, stock: 4 });
    const outcome = computeOutcome(scenario, runScenario(scenario, 3));
    expect(outcome.destroyed).toBe(0);
    expect(outcome.leaked).toBe(3);
    expect(outcome.interceptAttempts).toBe(4);
    expect(outcome.interceptorsSpent).toBe(4);
  });

  it('kills at the rate of its Pk over many independent engagements', () => {
    let kills = 0;
    let attempts = 0;
    for (let seed = 0; seed < 40; seed++) {
      const scenario = oneThreatNight({ pk: 0.5, count: 4, stock: 4 });
      const log = runScenario(scenario, seed);
      for (const e of log.events) {
        if (e.kind === 'intercept-attempt') attempts++;
        if (e.kind === 'kill') kills++;
      }
    }
    expect(attempts).toBeGreaterThan(100);
    // Binomial(attempts, 0.5): four standard deviations either side.
    expect(Math.abs(kills - attempts / 2)).toBeLessThan(4 * Math.sqrt(attempts / 4));
  });

  it('engages at the kill point far from the asset, and records the distance', () => {
    const scenario = oneThreatNight({ pk: 1 });
    const log = runScenario(scenario, 1);
    const kill = log.events.find((e) => e.kind === 'kill');
    const attempt = log.events.find((e) => e.kind === 'intercept-attempt');
    expect(kill && attempt).toBeTruthy();
    if (kill?.kind !== 'kill' || attempt?.kind !== 'intercept-attempt') return;
    expect(kill.nearestAssetM).toBeCloseTo(Math.hypot(attempt.e, attempt.n), -1);
    expect(kill.nearestAssetM).toBeGreaterThan(10_000);
  });
});
