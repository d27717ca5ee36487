import { describe, expect, it } from 'vitest';
import { streamFor } from '../../core/rng.js';
import { ridgeFit, dot } from './least-squares.js';
import { DirectEvaluator } from './night-evaluator.js';
import { buildSurrogate, sampleNight, predictMeans } from './surrogate.js';
import { smallCampaign } from '../../../test/campaign-support.js';

describe('ridge least squares', () => {
  it('recovers the coefficients of an exact linear model', () => {
    const rng = streamFor(1, 'test/ridge');
    const truth = [2, -1, 0.5, 3];
    const rows = Array.from({ length: 40 }, () => [1, rng.next(), rng.next(), rng.next()]);
    const y = rows.map((x) => dot(truth, x));
    ridgeFit(rows, y, 1e-10).forEach((b, i) => expect(b).toBeCloseTo(truth[i], 6));
  });
});

describe('campaign surrogate', () => {
  // The small night at a 2 s step keeps each tactical run short.
  const context = smallCampaign(undefined, (t) => t.replace('step: 1 s', 'step: 2 s'));
  const surrogate = buildSurrogate(context, { points: 40, runsPerPoint: 1, heldOutPoints: 10, seed: 4 });

  it('predicts held-out simulated nights better than their mean does', () => {
    const errors = new Map(surrogate.heldOut!.errors.map((e) => [e.name, e]));
    expect(surrogate.heldOut!.points).toBe(10);
    for (const name of ['destroyed:shahed-136', 'leaked', 'spent:drones']) {
      const e = errors.get(name)!;
      expect(e.n).toBe(10);
      // R² above 0.5: the surrogate explains most of the variation between nights it never saw.
      expect(e.r2).toBeGreaterThan(0.5);
    }
  });

  it('draws nights within what is possible, and none without a raid or crews', () => {
    const rng = streamFor(2, 'test/draws');
    for (let i = 0; i < 200; i++) {
      const input = {
        raid: [rng.int(60), rng.int(20)],
        forces: [{ stock: rng.int(100), crews: rng.int(6) }],
      };
      const n = sampleNight(surrogate, input, rng.normal() * 2);
      n.destroyed.forEach((d, t) => expect(d).toBeLessThanOrEqual(input.raid[t]));
      expect(n.leaked).toBeLessThanOrEqual(input.raid[0] - n.destroyed[0]);
      expect(n.spent[0]).toBeLessThanOrEqual(input.forces[0].stock);
      for (const d of n.damage) {
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }
      if (input.forces[0].crews === 0) expect(n.spent[0]).toBe(0);
    }
    expect(sampleNight(surrogate, { raid: [0, 0], forces: [{ stock: 50, crews: 3 }] }, 1).leaked).toBe(0);
  });

  it('agrees with direct simulation on average over a sweep of nights', () => {
    const direct = new DirectEvaluator(context);
    let simulated = 0;
    let predicted = 0;
    for (let i = 0; i < 6; i++) {
      const input = { raid: [10 + 6 * i, 4], forces: [{ stock: 30, crews: 2 }] };
      simulated += direct.evaluate(input, 100 + i).leaked;
      predicted += predictMeans(surrogate, input).mean[2];
    }
    expect(Math.abs(predicted - simulated)).toBeLessThan(0.35 * simulated + 6);
  });
});
