// Siting from end to end. A case whose best siting is known by construction (one axis, one asset,
// one gun and three posts of which one lies under the drones' path) is found by the coverage MIP
// and, from the worst start, by the search by simulation alone; the comparison reports axes left
// out of training; and `bulwark site` as a user runs it: files written, user errors exit 2.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../src/analysis/siting/coverage.js';
import { checkSiting, planSiting, searchSiting } from '../src/analysis/siting/site.js';
import { loadHighsSolver } from '../src/io/highs-solver.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';
import { runBulwark } from './run-bulwark.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'siting-line.yaml');
const fixtureText = readFileSync(FIXTURE, 'utf8');
const ON_AXIS = { latDeg: 50.45, lonDeg: 30.6 };

let solver: LpSolver;
let dir: string;
beforeAll(async () => {
  solver = await loadHighsSolver();
  dir = mkdtempSync(join(tmpdir(), 'bulwark-site-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siting a case known by construction', () => {
  const scenario = parseScenarioOrThrow(fixtureText, FIXTURE);

  it('the coverage MIP puts the gun under the path', () => {
    const plan = planSiting(scenario, ['defenders.gun'], 'value-lost', undefined, solver);
    expect(plan.moved[0].candidates[plan.coverChoice[0]]).toEqual(ON_AXIS);
    expect(plan.coverValue).toBeGreaterThan(plan.originalCoverValue);
  });

  it('the search by simulation finds it from the worst start, and the check confirms it', () => {
    const plan = planSiting(scenario, ['defenders.gun'], 'leak-rate', undefined, solver);
    const worst = plan.moved[0].candidates.findIndex((c) => c.latDeg === 50.3);
    const search = searchSiting(
      { ...plan, coverChoice: [worst] },
      { seed: 3, runsPerLayout: 2, budgetRuns: 12 },
    );
    expect(search.layout).toEqual([ON_AXIS]);
    expect(search.runsSpent).toBeLessThanOrEqual(12);
    const sited = parseScenarioOrThrow(fixtureText.replace('base: north-off', 'base: on-axis'), FIXTURE);
    const [row] = checkSiting(plan, scenario, sited, { seed: 3, runs: 3, axisRuns: 0 });
    expect(row.name).toBe('whole night');
    expect(row.baseline.n).toBe(3);
    expect(row.sited.mean).toBeLessThan(row.baseline.mean);
  });

  it('reports how the layout does on an axis it was not trained on', () => {
    const twoAxes = parseScenarioOrThrow(
      fixtureText.replace(
        '    aim: Plant\n',
        '    aim: Plant\n  - { wave: north, type: shahed-136, count: 2, launch: { from: north-off, at: "+0 s" }, aim: Plant }\n',
      ),
      FIXTURE,
    );
    const plan = planSiting(twoAxes, ['defenders.gun'], 'value-lost', ['east'], solver);
    expect(plan.trainWaves).toEqual(['east']);
    const rows = checkSiting(plan, twoAxes, twoAxes, { seed: 1, runs: 2, axisRuns: 2 });
    expect(rows.map((r) => [r.name, r.trained])).toEqual([
      ['whole night', false],
      ['training mix', true],
      ['axis east', true],
      ['axis north', false],
    ]);
    // The same layout on the same seeds: no difference, run by run.
    for (const r of rows) expect(r.difference.max).toBe(0);
    expect(() => planSiting(twoAxes, ['defenders.gun'], 'value-lost', ['west'], solver)).toThrow(
      /no wave or axis named 'west'/,
    );
  });
});

/** Runs `bulwark` without blocking the test worker (a blocking spawn starves its messages under load). */
const bulwark = (args: string[]) => runBulwark(args, { cwd: dir });

describe('bulwark site', () => {
  it('writes the sited scenario and the report, and prints the comparison', async () => {
    const out = join(dir, 'line.sited.yaml');
    const report = join(dir, 'line.html');
    const resultFile = join(dir, 'line.siting.json');
    const r = await bulwark([
      'site',
      FIXTURE,
      '--move',
      'defenders.gun',
      '-n',
      '2',
      '--budget',
      '6',
      '--check-runs',
      '2',
      '--axis-runs',
      '0',
      '-o',
      out,
      '--report',
      report,
      '--result',
      resultFile,
      '--json',
    ]);
    expect(r.stderr).toMatch(/search/);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { moves: { unit: string; to: unknown }[]; check: unknown[] };
    expect(result.moves).toEqual([expect.objectContaining({ unit: 'defenders.gun', to: ON_AXIS })]);
    expect(result.check).toHaveLength(1);
    // The stored result, which the console reads, is what --json printed.
    expect(readFileSync(resultFile, 'utf8')).toBe(r.stdout);
    const sited = readFileSync(out, 'utf8');
    expect(sited).toBe(fixtureText.replace('base: north-off', 'base: [50.45, 30.6]'));
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('id="layout-map"');
    expect(html).toContain('defenders.gun');
  });

  it('an infeasible allowed area is a located user error, exit 2, nothing written', async () => {
    const file = join(dir, 'infeasible.yaml');
    writeFileSync(
      file,
      fixtureText.replace(
        '    - { name: posts, units: [gun], candidates: [north-off, on-axis, south-off] }\n',
        '    - { name: posts, units: [gun], candidates: [north-off, on-axis] }\n' +
          '  noGo:\n    - { name: all, polygon: [[50.3, 30.5], [50.3, 30.7], [50.7, 30.7], [50.7, 30.5]] }\n',
      ),
    );
    const r = await bulwark(['site', file, '--move', 'defenders.gun', '-o', join(dir, 'never.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /infeasible\.yaml:30:48: siting\.areas\[0\]\.candidates: area 'posts' is infeasible/,
    );
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(existsSync(join(dir, 'never.yaml'))).toBe(false);
  });

  it('names what is wrong with --move and --objective', async () => {
    const unknown = await bulwark(['site', FIXTURE, '--move', 'defenders.gnu']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no defender unit named 'gnu' \(did you mean 'gun'\?\)/);
    const objective = await bulwark(['site', FIXTURE, '--move', 'defenders.gun', '--objective', 'damage']);
    expect(objective.code).toBe(2);
    expect(objective.stderr).toMatch(/--objective: expected one of value-lost, leak-rate, cost-exchange/);
    const none = await bulwark(['site', FIXTURE]);
    expect(none.code).toBe(2);
  });
});
