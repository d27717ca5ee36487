import { describe, expect, it } from 'vitest';
import { streamFor } from '../../core/rng.js';
import { ridgeFit, dot } from './least-squares.js';
import { DirectEvaluator } from './night-evaluator.js';
import { buildSurrogate, sampleNight, predictMeans } from './surrogate.js';
import { smallCampaign, smallLayeredCampaign } from '../../../test/campaign-support.js';

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

describe('campaign surrogate of a layered defense', () => {
  // Drones, jets and their missiles, fire units and their missiles, radars: nine features.
  const context = smallLayeredCampaign();
  const surrogate = buildSurrogate(context, { points: 80, runsPerPoint: 1, heldOutPoints: 16, seed: 4 });
  const errors = new Map(surrogate.heldOut!.errors.map((e) => [e.name, e]));

  it('takes every pool into its features and predicts held-out nights better than their mean', () => {
    expect(surrogate.pools).toEqual(['drones', 'jets', 'iris', 'radars']);
    expect(surrogate.kinds).toEqual(['interceptor-drone', 'jet', 'sam', 'sensor']);
    expect(errors.get('destroyed:shahed-136')!.r2).toBeGreaterThan(0.7);
    for (const name of ['leaked', 'spent:drones', 'spent:jets', 'spent:iris'])
      expect(errors.get(name)!.r2, name).toBeGreaterThan(0.3);
    expect(errors.get('spent:radars')!.rmse).toBe(0);
  });

  it('answers to the jets, the fire units and the radars', () => {
    const raid = [20, 4];
    const night = (jets: number, iris: number, radars: number) =>
      predictMeans(surrogate, {
        raid,
        forces: [
          { stock: 10, crews: 1 },
          { stock: 12, crews: jets },
          { stock: 10, crews: iris },
          { stock: 0, crews: radars },
        ],
      }).mean;
    const leaked = 2;
    // More jets spend more missiles; more fire units more of theirs; either leaves fewer leakers.
    expect(night(3, 0, 2)[4]).toBeGreaterThan(night(1, 0, 2)[4] + 1);
    expect(night(0, 2, 2)[5]).toBeGreaterThan(night(0, 0, 2)[5] + 1);
    expect(night(3, 2, 2)[leaked]).toBeLessThan(night(0, 0, 2)[leaked] - 1);
    // Without radars C2 is left to the observer posts: more leak.
    expect(night(1, 1, 0)[leaked]).toBeGreaterThan(night(1, 1, 2)[leaked] + 1);
  });
});
