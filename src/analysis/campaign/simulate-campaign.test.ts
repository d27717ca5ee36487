import { describe, expect, it } from 'vitest';
import { streamFor } from '../../core/rng.js';
import { attackerTimeline, fundingFactor } from './attacker.js';
import { nightScenario } from './night-scenario.js';
import { DirectEvaluator } from './night-evaluator.js';
import { simulateCampaign, type CampaignRun } from './simulate-campaign.js';
import type { CampaignContext } from './context.js';
import { budgetCategories } from '../../scenario/campaign-budget.js';
import { ArithmeticEvaluator, smallCampaign, smallLayeredCampaign } from '../../../test/campaign-support.js';

describe('campaign conservation', () => {
  /** Checks every pool's ledgers of a run, night by night and in total; returns the run's deliveries. */
  function checkLedgers(context: CampaignContext, run: CampaignRun): number[] {
    const pools = context.campaign.defender.pools;
    return pools.map((pool, i) => {
      let stock = context.poolStarts[i].stock;
      let produced = 0;
      let delivered = 0;
      let spent = 0;
      let trained = 0;
      for (const d of run.days) {
        const p = d.pools[i];
        // Munitions (interceptor drones, each kind of missile): in = produced + delivered − spent.
        expect(p.stockBefore).toBe(stock + p.produced + p.delivered);
        expect(p.spent).toBeLessThanOrEqual(p.stockBefore);
        expect(p.stock).toBe(p.stockBefore - p.spent);
        // Jets flying, fire units manned, radars on: never more than platforms kept up and crewed.
        expect(p.crews).toBeLessThanOrEqual(p.sustained);
        expect(p.sustained).toBeLessThanOrEqual(p.platforms);
        expect(p.crews).toBeLessThanOrEqual(Math.floor(p.operators / pool.crews.operatorsPerCrew));
        stock = p.stock;
        produced += p.produced;
        delivered += p.delivered;
        spent += p.spent;
        trained += p.trained;
      }
      const ledger = run.ledger[i];
      expect(ledger).toMatchObject({
        pool: pool.name,
        initial: context.poolStarts[i].stock,
        produced,
        delivered,
        spent,
        stock,
      });
      expect(ledger.stock).toBe(ledger.initial + ledger.produced + ledger.delivered - ledger.spent);
      expect(ledger.platforms).toBe(
        ledger.platformsInitial + ledger.platformsBought + ledger.platformsDelivered,
      );
      expect(ledger.operators).toBe(ledger.operatorsInitial + ledger.trained + ledger.operatorsDelivered);
      expect(ledger.trained).toBe(trained);
      expect(ledger.platformsDelivered).toBe(pool.deliveries.reduce((s, d) => s + d.platforms, 0));
      expect(ledger.operatorsDelivered).toBe(pool.deliveries.reduce((s, d) => s + d.operators, 0));
      expect(run.days[run.days.length - 1].pools[i].platforms).toBe(ledger.platforms);
      return delivered;
    });
  }

  function checkMoney(run: CampaignRun, budget: number): void {
    // Money: spent by category + left over = received, and never spent before it came in.
    const paid = Object.values(run.spendByCategory).reduce((a, b) => a + b, 0);
    expect(paid + run.budgetUnspent).toBeCloseTo(run.budgetReceived, 3);
    expect(run.budgetUnspent).toBeGreaterThanOrEqual(-1e-6);
    expect(run.budgetReceived).toBeCloseTo(budget * 2, 3);
  }

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
      expect(checkLedgers(context, run)).toEqual([50]);
      checkMoney(run, budget * 1000);
    }
  });

  it('keeps the ledgers of drones, jets, each kind of missile and radars, whatever the budget and split', () => {
    const rng = streamFor(6, 'test/conservation-layered');
    const base = smallLayeredCampaign();
    const categories = budgetCategories(base.campaign.defender.pools);
    expect(categories).toEqual([
      'drones/production',
      'jets/production',
      'jets/crews',
      'jets/sustainment',
      'iris/production',
      'iris/crews',
      'radars/crews',
      'radars/sustainment',
    ]);
    let jetsGrounded = 0;
    for (let k = 0; k < 10; k++) {
      const budget = Math.round(rng.uniform(0, 4000));
      const shares = categories.map(() => rng.next());
      const sum = shares.reduce((a, b) => a + b, 0);
      const context = smallLayeredCampaign((t) => t.replace('3 M$', `${budget} k$`));
      const split =
        k % 2 === 0 ? undefined : Object.fromEntries(categories.map((c, i) => [c, shares[i] / sum]));
      const run = simulateCampaign(context, new ArithmeticEvaluator(context), k, split ? { split } : {});
      // Munitions delivered: 6 missiles to the jets, 8 to the fire units, none to the radars.
      expect(checkLedgers(context, run)).toEqual([0, 6, 8, 0]);
      checkMoney(run, budget * 1000);
      for (const d of run.days) if (d.pools[1].sustained < d.pools[1].platforms) jetsGrounded++;
    }
    // Some budgets and splits leave jets unpaid for and grounded.
    expect(jetsGrounded).toBeGreaterThan(0);
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
      [{ kind: 'interceptor-drone', units: ['team-1'], stock: 33, crews: 5 }],
      9,
    );
    expect(s.waves.map((w) => [w.name, w.count])).toEqual([['east', 7]]);
    expect(s.defenders[0]).toMatchObject({ name: 'team-1', stock: 33, maxConcurrentFlights: 5 });
    expect(s.seed).toBe(9);
    expect(context.template.waves[0].count).toBe(12);
  });

  it('flies the jets, mans the fire units and switches on the radars the pools have tonight', () => {
    const context = smallLayeredCampaign();
    const pools = context.campaign.defender.pools;
    const tonight = (jets: [number, number], iris: [number, number], radars: number) =>
      nightScenario(
        context.template,
        context.threatTypes,
        [12, 4],
        [
          { kind: pools[0].kind, units: pools[0].units, stock: 9, crews: 1 },
          { kind: pools[1].kind, units: pools[1].units, stock: jets[0], crews: jets[1] },
          { kind: pools[2].kind, units: pools[2].units, stock: iris[0], crews: iris[1] },
          { kind: pools[3].kind, units: pools[3].units, stock: 0, crews: radars },
        ],
        1,
      );
    const s = tonight([9, 3], [5, 1], 1);
    // Three jets from two listed: the first comes again as a copy; missiles shared by store size.
    expect(s.defenders.map((d) => [d.name, d.stock])).toEqual([
      ['team-1', 9],
      ['jet-1', 3],
      ['jet-2', 3],
      ['jet-1#2', 3],
      ['iris-1', 5],
    ]);
    expect(s.defenders[3]).toMatchObject({ kind: 'jet', alert: 'cap' });
    expect(s.sensors.map((x) => x.name)).toEqual(['radar-1', 'posts']);
    const none = tonight([9, 0], [5, 0], 0);
    expect(none.defenders.map((d) => d.name)).toEqual(['team-1']);
    expect(none.sensors.map((x) => x.name)).toEqual(['posts']);
    expect(tonight([7, 2], [11, 3], 5).defenders.map((d) => [d.name, d.stock])).toEqual([
      ['team-1', 9],
      ['jet-1', 4],
      ['jet-2', 3],
      ['iris-1', 4],
      ['iris-2', 4],
      ['iris-1#2', 3],
    ]);
    expect(tonight([7, 2], [11, 3], 5).sensors).toHaveLength(3);
    expect(context.template.defenders).toHaveLength(5);
  });

  it('counts the missiles each jet and fire unit fired, copies included, against its pool', () => {
    const context = smallLayeredCampaign();
    const direct = new DirectEvaluator(context);
    const raid = [24, 4];
    const drones = { stock: 0, crews: 0 };
    const radars = { stock: 0, crews: 2 };
    // Jets only (three from two listed), then fire units only: each pool spends its own stock.
    const jets = direct.evaluate(
      { raid, forces: [drones, { stock: 12, crews: 3 }, { stock: 0, crews: 0 }, radars] },
      3,
    );
    expect(jets.spent[1]).toBeGreaterThan(8);
    expect(jets.spent[1]).toBeLessThanOrEqual(12);
    expect(jets.spent[2]).toBe(0);
    expect(jets.destroyed[0]).toBeGreaterThan(0);
    const sams = direct.evaluate(
      { raid, forces: [drones, { stock: 12, crews: 0 }, { stock: 10, crews: 2 }, radars] },
      3,
    );
    expect(sams.spent[1]).toBe(0);
    expect(sams.spent[2]).toBeGreaterThan(0);
    expect(sams.spent[2]).toBeLessThanOrEqual(10);
    // Nothing to fire with: every real threat that is not lost on the way leaks.
    const bare = direct.evaluate(
      { raid, forces: [drones, { stock: 12, crews: 0 }, { stock: 10, crews: 0 }, radars] },
      3,
    );
    expect(bare.destroyed).toEqual([0, 0]);
    expect(bare.spent).toEqual([0, 0, 0, 0]);
    expect(bare.leaked).toBeGreaterThan(jets.leaked);
  });
});
