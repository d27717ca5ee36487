// The spending categories a campaign's defender budget splits into: for each force pool, buying
// munitions from its production lines, training operators and buying platforms (crews), and —
// when it has a partner line that must be funded first — co-production set-up. A new defender kind
// (jets, missile batteries) brings its own pool and so its own categories.

import type { ForcePool } from '../model/campaign.js';

export const CATEGORY_KINDS = ['production', 'crews', 'coproduction'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export function categoryName(pool: string, kind: CategoryKind): string {
  return `${pool}/${kind}`;
}

export function budgetCategories(pools: readonly Pick<ForcePool, 'name' | 'lines'>[]): string[] {
  const out: string[] = [];
  for (const pool of pools) {
    out.push(categoryName(pool.name, 'production'), categoryName(pool.name, 'crews'));
    if (pool.lines.some((l) => l.setupCost > 0)) out.push(categoryName(pool.name, 'coproduction'));
  }
  return out;
}
