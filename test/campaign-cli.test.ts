// `bulwark campaign` and `bulwark plan` as a user runs them: outputs, the evaluation named, reports
// written, located errors with exit code 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const campaign = new URL('./fixtures/campaign/small-campaign.yaml', import.meta.url).pathname;
const tiny = ['--surrogate-points', '10', '--held-out', '4', '--days', '12'];

/** Where the commands run: their default surrogate cache (.bulwark/surrogates) lands here. */
const dir = mkdtempSync(join(tmpdir(), 'bulwark-campaign-'));

function bulwark(...args: string[]) {
  return runBulwark(args, { cwd: dir });
}

describe('bulwark campaign', () => {
  const fit = join(dir, 'fit.json');

  it('runs on the surrogate, reports its held-out error, and writes a report', async () => {
    const report = join(dir, 'report.html');
    const r = await bulwark(
      'campaign',
      campaign,
      ...tiny,
      '--runs',
      '3',
      '--surrogate',
      fit,
      '--report',
      report,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Evaluation: surrogate — fitted to 10 simulated nights');
    expect(r.stdout).toMatch(/error against direct simulation on 4 held-out nights/);
    expect(r.stdout).toContain('Assumption (not a fact)');
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('Evaluation: surrogate');
    expect(html).toContain('"$schema":"https://vega.github.io/schema/vega-lite/v6.json"');
    // The stored fit is reused while the files are unchanged.
    const again = await bulwark('campaign', campaign, ...tiny, '--runs', '3', '--surrogate', fit);
    expect(again.stdout).toContain(`read back from ${fit}`);
  });

  it('keeps the surrogate fit by default and reads it back, unless told to refit', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bulwark-campaign-cache-'));
    const run = (...more: string[]) =>
      runBulwark(['campaign', campaign, ...tiny, '--runs', '2', ...more], { cwd });
    const months = (out: string) => out.slice(out.indexOf('│ month'));
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /fitted to 10 simulated nights.*, kept in \.bulwark\/surrogates\/[0-9a-f]{20}\.json for the next run/,
    );
    const again = await run();
    expect(again.stdout).toMatch(
      /read back from \.bulwark\/surrogates\/[0-9a-f]{20}\.json \(--refit fits afresh\)/,
    );
    expect(months(again.stdout)).toBe(months(first.stdout));
    const refit = await run('--refit');
    expect(refit.stdout).toContain('for the next run');
    expect(months(refit.stdout)).toBe(months(first.stdout));
  });

  it('says a tactical scenario is one, not a list of unknown campaign fields', async () => {
    const night = new URL('./fixtures/small-night.yaml', import.meta.url).pathname;
    const r = await bulwark('campaign', night);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `${night}:2:1: (document): this is a tactical scenario (one night), not a campaign`,
    );
    expect(lines[0]).toContain(`run it with 'bulwark run ${night}'`);
  });

  it('evaluates every night directly when asked, and balances the stock ledger', async () => {
    const r = await bulwark('campaign', campaign, '--mode', 'direct', '--days', '3', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.evaluation).toBe('direct');
    expect(out.surrogate).toBeNull();
    expect(out.runs).toBe(1);
    const l = out.ledger[0];
    expect(l.stock).toBe(l.initial + l.produced + l.delivered - l.spent);
    expect(out.months[0].launched).toBeGreaterThan(0);
  });

  it('plans a budget split on the surrogate', async () => {
    const r = await bulwark(
      'plan',
      campaign,
      '--objective',
      'damage',
      '--budget',
      '300 k$',
      ...tiny,
      '--runs',
      '2',
      '--restarts',
      '0',
      '--surrogate',
      fit,
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.evaluation).toBe('surrogate');
    const shares = Object.values(out.plan.split) as number[];
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(out.plan.categories).toEqual(['drones/production', 'drones/crews', 'drones/coproduction']);
  });

  it('rejects a bad campaign file with located errors and exit code 2', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(campaign, 'utf8')
        .replace('../small-night.yaml', join(dir, 'nowhere.yaml'))
        .replace('horizon:', 'horizont:'),
    );
    const r = await bulwark('campaign', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: tactical: the tactical scenario/);
    expect(r.stderr).toMatch(/horizont: unknown field 'horizont' \(did you mean 'horizon'\?\)/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect((await bulwark('plan', campaign, '--objective', 'happiness')).stderr).toMatch(
      /--objective: expected one of damage/,
    );
    expect((await bulwark('campaign', campaign, '--mode', 'fast')).code).toBe(2);
  });
});
