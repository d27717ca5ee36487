// The defender's side of a campaign between nights: money comes in each day and is spent on
// keeping platforms in service (sustainment), training and platforms (crews), munitions from the
// production lines and co-production set-up; deliveries (munitions, platforms such as jets, fire
// units and radars, trained operators and pilots) arrive on schedule; trainees become operators
// after their course. Stocks carry from night to night and every unit is accounted for:
// stock = initial + produced + delivered − spent, platforms = initial + bought + delivered,
// operators = initial + trained + delivered.

import type { BudgetSplit, DefenderPlan, ForcePool, ProductionLine } from '../../model/campaign.js';
import { categoryName, type CategoryKind } from '../../scenario/campaign-budget.js';
import { scheduleAt } from './schedule.js';
import type { PoolTotals } from '../../model/campaign-trajectory.js';

/** A pool's starting point, with the tactical file's figures filled in where the campaign leaves them out. */
export interface PoolStart {
  stock: number;
  operators: number;
  platforms: number;
  /** Price of a munition, for the value of what is spent. */
  unitCost: number;
}

export interface PoolDay {
  stock: number;
  operators: number;
  platforms: number;
  /** Platforms whose upkeep is paid today (the others are grounded). */
  sustained: number;
  /** Crews ready tonight: crewed, sustained platforms times the readiness rate. */
  crews: number;
  produced: number;
  delivered: number;
  trained: number;
}

export interface LogisticsOptions {
  /** Multiplies the budget (plans search over it). */
  budgetScale?: number;
  /** Multiplies every production line's capacity. */
  capacityScale?: number;
  /** Overrides the campaign's split. */
  split?: BudgetSplit;
}

interface PoolState {
  pool: ForcePool;
  start: PoolStart;
  stock: number;
  operators: number;
  platforms: number;
  trainees: { readyDay: number; count: number }[];
  lineCarry: number[];
  lineFunded: number[];
  lineReadyDay: number[];
  trainCarry: number;
  platformCarry: number;
  produced: number;
  delivered: number;
  spent: number;
  platformsBought: number;
  platformsDelivered: number;
  trained: number;
  operatorsDelivered: number;
}

const PURSE = '';

export class DefenderLogistics {
  private readonly pools: PoolState[];
  private readonly accounts = new Map<string, number>();
  private readonly split: BudgetSplit | undefined;
  private readonly budgetScale: number;
  private readonly capacityScale: number;
  /** Money spent, by category, over the campaign so far. */
  readonly spentByCategory = new Map<string, number>();
  /** Money received so far. */
  received = 0;

  constructor(
    private readonly plan: DefenderPlan,
    starts: readonly PoolStart[],
    options: LogisticsOptions = {},
  ) {
    this.split = options.split ?? plan.split;
    this.budgetScale = options.budgetScale ?? 1;
    this.capacityScale = options.capacityScale ?? 1;
    this.pools = plan.pools.map((pool, i) => ({
      pool,
      start: starts[i],
      stock: starts[i].stock,
      operators: starts[i].operators,
      platforms: starts[i].platforms,
      trainees: [],
      lineCarry: pool.lines.map(() => 0),
      lineFunded: pool.lines.map(() => 0),
      lineReadyDay: pool.lines.map((l) => (l.setupCost > 0 ? Infinity : l.startDay)),
      trainCarry: 0,
      platformCarry: 0,
      produced: 0,
      delivered: 0,
      spent: 0,
      platformsBought: 0,
      platformsDelivered: 0,
      trained: 0,
      operatorsDelivered: 0,
    }));
  }

  /** Money not yet spent, over all accounts. */
  get balance(): number {
    let sum = 0;
    for (const v of this.accounts.values()) sum += v;
    return sum;
  }

  totals(pool: number): PoolTotals {
    const p = this.pools[pool];
    return {
      initial: p.start.stock,
      produced: p.produced,
      delivered: p.delivered,
      spent: p.spent,
      stock: p.stock,
      platformsInitial: p.start.platforms,
      platformsBought: p.platformsBought,
      platformsDelivered: p.platformsDelivered,
      platforms: p.platforms,
      operatorsInitial: p.start.operators,
      trained: p.trained,
      operatorsDelivered: p.operatorsDelivered,
      operators: p.operators,
    };
  }

  /** The day before the night: money in, deliveries, graduations, training, upkeep, production, set-up. */
  morning(day: number): PoolDay[] {
    const income = Math.max(0, scheduleAt(this.plan.budgetPerDay, day)) * this.budgetScale;
    this.received += income;
    if (this.split) {
      for (const [category, share] of Object.entries(this.split))
        this.accounts.set(category, (this.accounts.get(category) ?? 0) + income * share);
    } else this.accounts.set(PURSE, (this.accounts.get(PURSE) ?? 0) + income);

    return this.pools.map((p) => {
      let delivered = 0;
      for (const d of p.pool.deliveries) {
        if (d.day !== day) continue;
        delivered += d.munitions;
        p.platforms += d.platforms;
        p.platformsDelivered += d.platforms;
        p.operators += d.operators;
        p.operatorsDelivered += d.operators;
      }
      p.stock += delivered;
      p.delivered += delivered;
      let trained = 0;
      p.trainees = p.trainees.filter((t) => {
        if (t.readyDay > day) return true;
        trained += t.count;
        return false;
      });
      const trainedBefore = p.trained;
      p.operators += trained;
      p.trained += trained;
      // Running costs first (crews, upkeep of the platforms in service — those bought today
      // included —, munitions from the lines), then co-production set-up: with one purse a partner
      // line is funded from what the running force leaves over.
      this.crews(p, day);
      const sustained = this.sustain(p);
      const produced = this.production(p, day);
      this.coproduction(p, day);
      return {
        stock: p.stock,
        operators: p.operators,
        platforms: p.platforms,
        sustained,
        crews: readyCrews(
          p.operators,
          sustained,
          p.pool.crews.operatorsPerCrew,
          p.pool.sustainment.readiness,
        ),
        produced,
        delivered,
        trained: p.trained - trainedBefore,
      };
    });
  }

  /** Munitions used up in the night. */
  expend(pool: number, count: number): void {
    const p = this.pools[pool];
    if (count > p.stock) throw new Error(`pool ${p.pool.name} spends ${count} of a stock of ${p.stock}`);
    p.stock -= count;
    p.spent += count;
  }

  /** Capacity of a line today: zero before it is ready, ramping linearly to full rate. */
  lineCapacity(p: PoolState, k: number, day: number): number {
    const line = p.pool.lines[k];
    const ready = p.lineReadyDay[k];
    if (day < ready) return 0;
    const ramp = line.rampDays > 0 ? Math.min(1, (day - ready + 1) / line.rampDays) : 1;
    return Math.max(0, scheduleAt(line.capacityPerDay, day)) * ramp * this.capacityScale;
  }

  private account(p: PoolState, kind: CategoryKind): string {
    return this.split ? categoryName(p.pool.name, kind) : PURSE;
  }

  private pay(account: string, category: string, amount: number): void {
    this.accounts.set(account, (this.accounts.get(account) ?? 0) - amount);
    this.spentByCategory.set(category, (this.spentByCategory.get(category) ?? 0) + amount);
  }

  private coproduction(p: PoolState, day: number): void {
    const account = this.account(p, 'coproduction');
    p.pool.lines.forEach((line: ProductionLine, k) => {
      if (line.setupCost <= 0 || day < line.startDay || p.lineFunded[k] >= line.setupCost) return;
      const pay = Math.min(this.accounts.get(account) ?? 0, line.setupCost - p.lineFunded[k]);
      if (pay <= 0) return;
      this.pay(account, categoryName(p.pool.name, 'coproduction'), pay);
      p.lineFunded[k] += pay;
      if (p.lineFunded[k] >= line.setupCost - 1e-6) p.lineReadyDay[k] = day + line.setupDays;
    });
  }

  /** Pays today's upkeep of as many platforms as the money allows; returns how many. */
  private sustain(p: PoolState): number {
    const cost = p.pool.sustainment.costPerDay;
    if (cost <= 0) return p.platforms;
    const account = this.account(p, 'sustainment');
    const kept = Math.max(
      0,
      Math.min(p.platforms, Math.floor((this.accounts.get(account) ?? 0) / cost + 1e-9)),
    );
    if (kept > 0) this.pay(account, categoryName(p.pool.name, 'sustainment'), kept * cost);
    return kept;
  }

  private crews(p: PoolState, day: number): void {
    const plan = p.pool.crews;
    const account = this.account(p, 'crews');
    const category = categoryName(p.pool.name, 'crews');
    p.trainCarry += Math.max(0, scheduleAt(plan.trainingPerDay, day));
    const trainees = this.affordable(account, Math.floor(p.trainCarry + 1e-9), plan.trainingCost);
    p.trainCarry = Math.min(1, p.trainCarry - trainees);
    if (trainees > 0) {
      this.pay(account, category, trainees * plan.trainingCost);
      if (plan.trainingDays <= 0) {
        p.operators += trainees;
        p.trained += trainees;
      } else p.trainees.push({ readyDay: day + plan.trainingDays, count: trainees });
    }
    p.platformCarry += Math.max(0, scheduleAt(plan.platformsPerDay, day));
    const platforms = this.affordable(account, Math.floor(p.platformCarry + 1e-9), plan.platformCost);
    p.platformCarry = Math.min(1, p.platformCarry - platforms);
    if (platforms > 0) {
      this.pay(account, category, platforms * plan.platformCost);
      p.platforms += platforms;
      p.platformsBought += platforms;
    }
  }

  private production(p: PoolState, day: number): number {
    const account = this.account(p, 'production');
    const category = categoryName(p.pool.name, 'production');
    let made = 0;
    p.pool.lines.forEach((line, k) => {
      p.lineCarry[k] += this.lineCapacity(p, k, day);
      const units = this.affordable(account, Math.floor(p.lineCarry[k] + 1e-9), line.unitCost);
      // Capacity left unused (no money) is lost; only the fraction of a unit carries over.
      p.lineCarry[k] = Math.min(1, p.lineCarry[k] - units);
      if (units > 0) this.pay(account, category, units * line.unitCost);
      made += units;
    });
    p.stock += made;
    p.produced += made;
    return made;
  }

  private affordable(account: string, wanted: number, unitCost: number): number {
    if (wanted <= 0) return 0;
    if (unitCost <= 0) return wanted;
    return Math.max(0, Math.min(wanted, Math.floor((this.accounts.get(account) ?? 0) / unitCost + 1e-9)));
  }
}

function crewsOf(operators: number, platforms: number, operatorsPerCrew: number): number {
  return Math.max(0, Math.min(Math.floor(operators / operatorsPerCrew), platforms));
}

/** Crews ready tonight: the crewed platforms among those sustained, times the readiness rate (rounded). */
export function readyCrews(
  operators: number,
  sustained: number,
  operatorsPerCrew: number,
  readiness: number,
): number {
  return Math.round(crewsOf(operators, sustained, operatorsPerCrew) * readiness + 1e-9);
}
