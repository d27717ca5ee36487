import { describe, expect, it } from 'vitest';
import type { MonthRow, Quantiles } from '../model/campaign-trajectory.js';
import type { Campaign, ForcePool } from '../model/campaign.js';
import { formatMonths, MONTH_TABLE_WIDTH } from './format-campaign.js';

const q = (median: number, spread: number): Quantiles => ({
  mean: median,
  p5: median - spread,
  median,
  p95: median + spread,
});

/** The shipped winter campaign's pools: interceptor teams, jets, SAMs and radars. */
const pools = [
  { name: 'north-interceptors', kind: 'interceptor-drone' },
  { name: 'east-interceptors', kind: 'interceptor-drone' },
  { name: 'mirage-wing', kind: 'jet' },
  { name: 'iris-t-battery', kind: 'sam' },
  { name: 'radar-net', kind: 'sensor' },
] as ForcePool[];
const campaign = { defender: { pools } } as unknown as Campaign;

const rows: MonthRow[] = Array.from({ length: 12 }, (_, i) => ({
  month: i + 1,
  launched: 4321 + i,
  leaked: q(1234, 321),
  leakRate: q(0.2857, 0.05),
  outageAssetDays: q(345.6, 123.4),
  damagedShare: q(0.4321, 0.1),
  stock: pools.map(() => q(1234, 456)),
  crews: pools.map(() => q(12, 3)),
  defenseSpend: q(12.3e6, 4.5e6),
  attackerSpend: 98.7e6,
  costExchange: q(1.23, 0.45),
}));

describe('formatMonths', () => {
  const text = formatMonths(campaign, rows);
  const lines = text.split('\n');

  it(`keeps every line within ${MONTH_TABLE_WIDTH} characters, with bands on every figure`, () => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(MONTH_TABLE_WIDTH);
    expect(text).toContain('1,234 [913–1,555]');
  });

  it('shows every column once, each table starting with the month', () => {
    const heads = lines.filter((l) => l.includes('│ month'));
    expect(heads.length).toBeGreaterThanOrEqual(2);
    for (const h of heads) expect(h.startsWith('│ month')).toBe(true);
    const all = heads.join(' ');
    for (const name of [
      'launched',
      'leak rate',
      'cost-exchange',
      'north-interceptors stock',
      'east-interceptors stock',
      'mirage-wing missiles',
      'jets flying',
      'iris-t-battery missiles',
      'fire units',
      'radar-net on',
    ])
      expect(all.split(name).length - 1, name).toBe(1);
    // One row per month in each table.
    expect(lines.filter((l) => /^│ 12 /.test(l))).toHaveLength(heads.length);
  });
});
