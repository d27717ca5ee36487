// `bulwark wta` as a user runs it: a shipped instance solved to its known optimum, JSON output,
// and bad files or flags reported located with exit code 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const instance = new URL('../data/wta/B-20x10-s1.json', import.meta.url).pathname;

function bulwark(...args: string[]) {
  return runBulwark(args);
}

const small = new URL('./fixtures/small-night.yaml', import.meta.url).pathname;

describe('bulwark run --policy', () => {
  it('runs a night under another C2 policy, each launch explained in the event log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-policy-'));
    const events = join(dir, 'night.ndjson');
    const r = await bulwark('run', small, '--policy', 'greedy-mmr', '--json', '--events', events);
    expect(r.code).toBe(0);
    const kinds = readFileSync(events, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).kind);
    expect(kinds).toContain('assignment');
    expect((await bulwark('run', small, '--policy', 'smart')).code).toBe(2);
  });

  it('says what the cost term changed: nothing by default, the value-first run beside a priced one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-cost-'));
    const file = join(dir, 'night.yaml');
    writeFileSync(file, readFileSync(small, 'utf8') + '\nc2: { policy: greedy-mmr }\n');
    const plain = await bulwark('run', file);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Cost term: value first (c2.valuePerMoney not set)');
    const priced = await bulwark('run', file, '--set', 'c2.valuePerMoney=1', '--json');
    expect(priced.code).toBe(0);
    const out = JSON.parse(priced.stdout);
    expect(out.costTerm.valuePerMoney).toBe(1);
    // At one value unit per dollar no interceptor pays for itself; value first, they fly.
    expect(out.costTerm.priced.spentByKind['interceptor-drone'] ?? 0).toBe(0);
    expect(out.costTerm.valueFirst.spentByKind['interceptor-drone']).toBeGreaterThan(0);
    expect(out.costTerm.priced.assetValueLost).toBe(out.outcome.assetValueLost);
    expect(out.costTerm.valueFirst.assetValueLost).toBeLessThan(out.outcome.assetValueLost);
    const table = await bulwark('run', file, '--set', 'c2.valuePerMoney=1');
    expect(table.stdout).toContain('cost term (c2.valuePerMoney 1)');
  });
});

describe('bulwark wta', () => {
  it('solves a shipped instance to its proven optimum and prints JSON', async () => {
    const r = await bulwark('wta', instance, '--time-limit', '300', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.solver).toBe('lns');
    expect(out.assignment).toHaveLength(20);
    expect(Math.abs(out.gapToFileBest)).toBeLessThan(1e-6);
    // Each weapon's gain is its target's value times the chance the others miss times its pk.
    expect(out.gains).toHaveLength(20);
    for (const g of out.gains) {
      expect(g.target).toBe(out.assignment[g.weapon]);
      expect(g.gain).toBeGreaterThan(0);
      expect(g.gain).toBeCloseTo(g.value * g.othersMiss * g.pk - g.price, 4);
    }
  });

  it('prints a readable plan with any solver', async () => {
    const r = await bulwark('wta', instance, '--solver', 'greedy-mmr');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('expected surviving value');
    expect(r.stdout).toContain('target  value  weapons (pk; gain = value × others miss × pk)');
  });

  it('reports bad files and flags with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-wta-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"weapons": 1, "targets": 1, "values": [5], "pk": [[2]]}');
    const r = await bulwark('wta', bad);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `${bad}:1:53: pk[0][0]: not a probability; expected a number from 0 to 1, found 2`,
    );
    expect((await bulwark('wta', instance, '--solver', 'best')).code).toBe(2);
    expect((await bulwark('wta', instance, '--time-limit', 'soon')).code).toBe(2);
    expect((await bulwark('wta', join(dir, 'missing.json'))).code).toBe(2);
  });
});
