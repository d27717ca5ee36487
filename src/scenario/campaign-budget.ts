// The spending categories a campaign's defender budget splits into: for each force pool, buying
// munitions from its production lines (interceptor drones, missiles), training operators and
// buying platforms (crews: operators, pilots, ground stations, airframes, fire units, radars),
// keeping platforms in service (sustainment, e.g. jet flight hours), and — when it has a partner
// line that must be funded first — co-production set-up. A category a pool cannot spend on (no
// lines, nothing to pay for crews or upkeep) is left out, so a plan never shares money into it.

import type { ForcePool } from '../model/campaign.js';

export const CATEGORY_KINDS = ['production', 'crews', 'sustainment', 'coproduction'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export function categoryName(pool: string, kind: CategoryKind): string {
  return `${pool}/${kind}`;
}

export type BudgetPool = Pick<ForcePool, 'name' | 'lines'> & {
  crews?: Pick<ForcePool['crews'], 'trainingCost' | 'platformCost'>;
  sustainment?: ForcePool['sustainment'];
};

export function budgetCategories(pools: readonly BudgetPool[]): string[] {
  const out: string[] = [];
  for (const pool of pools) {
    if (pool.lines.length > 0) out.push(categoryName(pool.name, 'production'));
    if (!pool.crews || pool.crews.trainingCost > 0 || pool.crews.platformCost > 0)
      out.push(categoryName(pool.name, 'crews'));
    if ((pool.sustainment?.costPerDay ?? 0) > 0) out.push(categoryName(pool.name, 'sustainment'));
    if (pool.lines.some((l) => l.setupCost > 0)) out.push(categoryName(pool.name, 'coproduction'));
  }
  return out;
}
