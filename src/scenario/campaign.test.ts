import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCampaign, type TacticalResolver } from './campaign.js';
import { formatIssue } from './issue.js';
import { parseScenario } from './parse.js';

const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url);
const campaignText = readFileSync(fixture('campaign/small-campaign.yaml'), 'utf8');
const smallNight = parseScenario(readFileSync(fixture('small-night.yaml'), 'utf8'), 'small-night.yaml');
const layeredText = readFileSync(fixture('campaign/small-layered-campaign.yaml'), 'utf8');
const layeredNight = parseScenario(
  readFileSync(fixture('small-layered-night.yaml'), 'utf8'),
  'small-layered-night.yaml',
);
const tactical: TacticalResolver = (path) =>
  path === '../small-night.yaml'
    ? smallNight
    : path === '../small-layered-night.yaml'
      ? layeredNight
      : { ok: false, issues: [{ file: path, line: 1, column: 1, field: '(file)', message: 'no such file' }] };

function issues(text: string): string[] {
  const r = parseCampaign(text, 'c.yaml', tactical);
  if (r.ok) throw new Error('expected errors');
  return r.issues.map(formatIssue);
}

describe('campaign parser', () => {
  it('reads the test campaign into SI days and money per day', () => {
    const r = parseCampaign(campaignText, 'c.yaml', tactical);
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    const c = r.campaign;
    expect(c.horizonDays).toBe(60);
    expect(c.attacker.production[0].perDay.points).toEqual([
      { day: 0, value: 8 },
      { day: 60, value: 12 },
    ]);
    expect(c.attacker.raids.mass).toEqual({ firstDay: 3, everyDays: 7, stockFraction: 0.5, maxPerType: 30 });
    expect(c.attacker.funding?.elasticity).toBe(0.5);
    expect(c.defender.budgetPerDay.points[0].value).toBeCloseTo(400_000 / 30);
    const pool = c.defender.pools[0];
    expect(pool.units).toEqual(['team-1']);
    expect(pool.lines[1]).toMatchObject({ setupCost: 100_000, setupDays: 10, startDay: 5, unitCost: 2000 });
    expect(pool.crews).toMatchObject({ operatorsPerCrew: 3, trainingDays: 14, trainingCost: 5000 });
    expect(pool.crews.trainingPerDay.points[0].value).toBeCloseTo(0.2);
    expect(pool.deliveries.map((d) => d.day)).toEqual([15, 20]);
  });

  it('reads jets, fire units and radars with their upkeep, and the budget lines they bring', () => {
    const r = parseCampaign(layeredText, 'c.yaml', tactical);
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    const pools = r.campaign.defender.pools;
    expect(pools.map((p) => [p.name, p.kind])).toEqual([
      ['drones', 'interceptor-drone'],
      ['jets', 'jet'],
      ['iris', 'sam'],
      ['radars', 'sensor'],
    ]);
    expect(pools[1].sustainment.costPerDay).toBeCloseTo(20_000);
    expect(pools[1].sustainment.readiness).toBe(1);
    expect(pools[0].sustainment).toEqual({ costPerDay: 0, readiness: 1 });
    expect(pools[2].deliveries[0]).toEqual({ day: 15, munitions: 8, platforms: 1, operators: 0 });
    expect(pools[3].units).toEqual(['radar-1', 'radar-2']);
  });

  it('rejects munitions for radars, mixed kinds and missiles in one pool, and a readiness above 1', () => {
    const found = issues(
      layeredText
        .replace('      units: [radar-1, radar-2]\n', '      units: [radar-1, radar-2]\n      stock: 4\n')
        .replace('        - { at: 12 d, platforms: 1 }', '        - { at: 12 d, platforms: 1, munitions: 2 }')
        .replace('units: [jet-1, jet-2]', 'units: [jet-1, iris-1]')
        .replace('units: [iris-1, iris-2]', 'units: [iris-2]')
        .replace('readiness: 1 }', 'readiness: 1.5 }'),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/defender\.pools\[3\]\.stock: a sensor pool has no munitions/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /defender\.pools\[3\]\.deliveries\[0\]\.munitions: a sensor pool has no munitions/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/defender\.pools\[1\]\.units: a pool feeds units of one defender kind.*jet, sam/),
    );
    expect(found).toContainEqual(expect.stringMatching(/defender\.pools\[1\]\.sustainment\.readiness: /));
    // IRIS-T and Patriot missiles are two stocks: two pools.
    const nightText = readFileSync(fixture('small-layered-night.yaml'), 'utf8');
    const patriot = parseScenario(
      nightText.replace('name: iris-2, type: iris-t-slm', 'name: iris-2, type: patriot-pac-3'),
      'n.yaml',
    );
    const r = parseCampaign(layeredText, 'c.yaml', () => patriot);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map(formatIssue)).toContainEqual(
        expect.stringMatching(
          /defender\.pools\[2\]\.units: a pool feeds units of one catalog type .*iris-t-slm, patriot-pac-3/,
        ),
      );
  });

  it('locates unknown fields with a suggestion, and unknown threat types and units', () => {
    const bad = campaignText
      .replace('horizon: 2 months', 'horizn: 2 months')
      .replace('{ type: gerbera,', '{ type: gerbra,')
      .replace('    - name: drones\n', '    - name: drones\n      units: [team-2]\n');
    const found = issues(bad);
    expect(found).toContainEqual(
      expect.stringMatching(/^c\.yaml:5:1: horizn: unknown field 'horizn'.*did you mean 'horizon'/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^c\.yaml:\d+:\d+: attacker\.production\[1\]\.type: unknown threat type .*'gerbra'.*did you mean 'gerbera'/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/defender\.pools\[0\]\.units\[0\]: unknown defender unit .*'team-2'/),
    );
  });

  it('rejects ramps going back in time, shares not summing to 1, empty deliveries and bad units', () => {
    const bad = campaignText
      .replace('[[0 d, 240], [2 months, 360]]', '[[1 month, 240], [10 d, 360]]')
      .replace(
        'budgetPerMonth: 400 k$',
        'budgetPerMonth: 400 k$\n  split: { drones/production: 0.5, drones/crews: 0.2 }',
      )
      .replace('{ at: 20 d, munitions: 50 }', '{ at: 20 d }');
    const found = issues(bad).join('\n');
    expect(found).toMatch(/attacker\.production\[0\]\.perMonth\[1\]\[0\]: ramp times must increase/);
    expect(found).toMatch(/defender\.split: the shares do not sum to 1.*found 0\.7/);
    expect(found).toMatch(/deliveries\[0\]: a delivery of nothing/);
    expect(issues(campaignText.replace('trainingTime: 2 weeks', 'trainingTime: 2 fortnights'))).toEqual([
      expect.stringMatching(
        /^c\.yaml:32:23: defender\.pools\[0\]\.crews\.trainingTime: unknown time unit 'fortnights'/,
      ),
    ]);
  });

  it('reports a broken tactical scenario with its own located errors', () => {
    const found = issues(campaignText.replace('../small-night.yaml', '../missing.yaml'));
    expect(found[0]).toMatch(
      /^c\.yaml:\d+:\d+: tactical: the tactical scenario '..\/missing.yaml' has errors/,
    );
    expect(found[1]).toMatch(/^\.\.\/missing\.yaml:1:1: \(file\): no such file/);
  });

  it('names an unknown budget category and a nightly raid of a type without production', () => {
    const bad = campaignText
      .replace('budgetPerMonth: 400 k$', 'budgetPerMonth: 400 k$\n  split: { drones/sensors: 1 }')
      .replace('    - { type: gerbera, stock: 10, perMonth: 90 }\n', '');
    const found = issues(bad).join('\n');
    expect(found).toMatch(/defender\.split\.drones\/sensors: unknown field/);
    expect(found).toMatch(/attacker\.raids\.nightly\.gerbera: no production or stock of 'gerbera'/);
  });

  it('never throws on mangled input: every problem is a located issue', () => {
    const lines = campaignText.split('\n');
    for (let i = 0; i < lines.length; i++) {
      for (const mangle of [
        (l: string) => l.replace(/:\s.*$/, ': [1, {]'),
        (l: string) => l.replace(/\d+/g, '-7'),
        () => '',
      ]) {
        const text = [...lines.slice(0, i), mangle(lines[i]), ...lines.slice(i + 1)].join('\n');
        const r = parseCampaign(text, 'c.yaml', tactical);
        if (!r.ok) for (const issue of r.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
