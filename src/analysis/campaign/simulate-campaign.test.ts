import { describe, expect, it } from 'vitest';
import { streamFor } from '../../core/rng.js';
import { attackerTimeline, fundingFactor } from './attacker.js';
import { nightScenario } from './night-scenario.js';
import { simulateCampaign } from './simulate-campaign.js';
import { ArithmeticEvaluator, smallCampaign } from '../../../test/campaign-support.js';

describe('campaign conservation', () => {
  it('keeps every munition, threat and dollar accounted for, whatever the budget and split', () => {
    const rng = streamFor(5, 'test/conservation');
    for (let k = 0; k < 12; k++) {
      const budget = Math.round(rng.uniform(0, 800));
      const shares = [rng.next(), rng.next(), rng.next()];
      const sum = shares.reduce((a, b) => a + b, 0);
      const context = smallCampaign((t) => t.replace('400 k$', `${budget} k$`));
      const split =
        k % 2 === 0
          ? undefined
          : {
              'drones/production': shares[0] / sum,
              'drones/crews': shares[1] / sum,
              'drones/coproduction': shares[2] / sum,
            };
      const run = simulateCampaign(context, new ArithmeticEvaluator(context), k, split ? { split } : {});
      let stock = context.poolStarts[0].stock;
      let produced = 0;
      let delivered = 0;
      let spent = 0;
      for (const d of run.days) {
        const p = d.pools[0];
        expect(p.stockBefore).toBe(stock + p.produced + p.delivered);
        expect(p.spent).toBeLessThanOrEqual(p.stockBefore);
        expect(p.stock).toBe(p.stockBefore - p.spent);
        stock = p.stock;
        produced += p.produced;
        delivered += p.delivered;
        spent += p.spent;
      }
      const ledger = run.ledger[0];
      expect(ledger).toEqual({ pool: 'drones', initial: 20, produced, delivered, spent, stock });
      expect(ledger.stock).toBe(ledger.initial + ledger.produced + ledger.delivered - ledger.spent);
      expect(delivered).toBe(50);
      // Money: spent by category + left over = received, and never spent before it came in.
      const paid = Object.values(run.spendByCategory).reduce((a, b) => a + b, 0);
      expect(paid + run.budgetUnspent).toBeCloseTo(run.budgetReceived, 3);
      expect(run.budgetUnspent).toBeGreaterThanOrEqual(-1e-6);
      expect(run.budgetReceived).toBeCloseTo(budget * 1000 * 2, 3);
    }
  });

  it('builds and launches the attacker stock: stock = initial + produced − launched, each night', () => {
    const { campaign } = smallCampaign();
    const days = attackerTimeline(campaign.attacker, campaign.horizonDays);
    const stock = campaign.attacker.production.map((p) => p.stock);
    for (const d of days) {
      d.launched.forEach((n, t) => {
        expect(n).toBeLessThanOrEqual(stock[t] + d.produced[t]);
        stock[t] += d.produced[t] - n;
        expect(d.stock[t]).toBe(stock[t]);
      });
    }
    // Mass raids on day 3 and every 7 days after, half the stock up to 30 per type.
    expect(days.filter((d) => d.mass).map((d) => d.day)).toEqual([3, 10, 17, 24, 31, 38, 45, 52, 59]);
    expect(days[3].launched[0]).toBe(
      6 + Math.min(30, Math.floor((days[2].stock[0] + days[3].produced[0] - 6) * 0.5)),
    );
    // The funding lever: pressure 0.3 at day 60 with elasticity 0.5.
    expect(fundingFactor(campaign.attacker, 60)).toBeCloseTo(Math.sqrt(0.7), 12);
    expect(fundingFactor(campaign.attacker, 0)).toBe(1);
  });

  it('opens the partner line only after its set-up is funded and its delay has passed', () => {
    const context = smallCampaign((t) =>
      t.replace('capacityPerDay: 4, ramp: 10 d', 'capacityPerDay: 0, ramp: 10 d'),
    );
    const run = simulateCampaign(context, new ArithmeticEvaluator(context), 1);
    const firstProduced = run.days.find((d) => d.pools[0].produced > 0)!.day;
    // 400 k$ a month: the 100 k$ set-up, funded from day 5 with what crews leave over, then 10 days.
    expect(firstProduced).toBeGreaterThanOrEqual(15);
    expect(run.spendByCategory['drones/coproduction']).toBeCloseTo(100_000, 6);
  });

  it('gives the same trajectory for the same seed, and another for another seed', () => {
    const context = smallCampaign();
    const a = simulateCampaign(context, new ArithmeticEvaluator(context), 11);
    const b = simulateCampaign(context, new ArithmeticEvaluator(context), 11);
    const c = simulateCampaign(context, new ArithmeticEvaluator(context), 12);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c.days)).not.toBe(JSON.stringify(a.days));
  });

  it('shares the raid over the template waves and the stock over the units', () => {
    const context = smallCampaign();
    const s = nightScenario(
      context.template,
      context.threatTypes,
      [7, 0],
      [{ units: ['team-1'], stock: 33, crews: 5 }],
      9,
    );
    expect(s.waves.map((w) => [w.name, w.count])).toEqual([['east', 7]]);
    expect(s.defenders[0]).toMatchObject({ name: 'team-1', stock: 33, maxConcurrentFlights: 5 });
    expect(s.seed).toBe(9);
    expect(context.template.waves[0].count).toBe(12);
  });
});
