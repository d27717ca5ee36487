// Infrastructure damage carried from night to night. Each asset holds a repair backlog in days: a
// hit that destroys a fraction f of it adds f × its restoration time (the tactical model's own
// convention: partial damage restores in proportion), capped at a full restoration. Crews work the
// backlog down one day per day; the asset is out of service while any backlog is left.

import { peopleOutOfService, type ServiceOutage } from '../../metrics/index.js';
import type { Asset } from '../../model/scenario.js';

const DAY_S = 86_400;

export class DamageState {
  /** Repair backlog of each asset, days. */
  readonly backlogDays: Float64Array;
  private readonly restorationDays: number[];

  constructor(private readonly assets: readonly Asset[]) {
    this.backlogDays = new Float64Array(assets.length);
    this.restorationDays = assets.map((a) => a.restorationS / DAY_S);
  }

  /** Tonight's hits: damage fraction per asset. Returns the value lost tonight. */
  hit(damage: readonly number[]): number {
    let valueLost = 0;
    this.assets.forEach((a, i) => {
      const before = this.backlogDays[i];
      const full = this.restorationDays[i];
      this.backlogDays[i] = Math.min(full, before + damage[i] * full);
      valueLost += a.value * Math.min(1, damage[i]);
    });
    return valueLost;
  }

  /** Damaged share of each asset now (0 to 1). */
  damageFraction(i: number): number {
    const full = this.restorationDays[i];
    return full > 0 ? this.backlogDays[i] / full : 0;
  }

  /** Value-weighted damaged share of all assets now. */
  damagedShare(): number {
    let v = 0;
    let total = 0;
    this.assets.forEach((a, i) => {
      v += a.value * this.damageFraction(i);
      total += a.value;
    });
    return total > 0 ? v / total : 0;
  }

  /**
   * One day of repairs: returns the asset-days and people-days out of service during it, residents
   * counted once however many of the assets they depend on are out (metrics/people-out).
   */
  repairDay(): { outageAssetDays: number; peopleDays: number } {
    let outage = 0;
    const outages: ServiceOutage[] = [];
    this.assets.forEach((a, i) => {
      const out = Math.min(1, this.backlogDays[i]);
      outage += out;
      outages.push({ people: a.people, duration: out });
      this.backlogDays[i] = Math.max(0, this.backlogDays[i] - 1);
    });
    return { outageAssetDays: outage, peopleDays: peopleOutOfService(outages).peopleTime };
  }
}
