import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario, type ScenarioIssue } from './index.js';

const small = readFileSync(new URL('../../test/fixtures/small-night.yaml', import.meta.url), 'utf8');
const kyiv = readFileSync(new URL('../../scenarios/kyiv-night.yaml', import.meta.url), 'utf8');

function issuesOf(text: string): ScenarioIssue[] {
  const result = parseScenario(text, 'test.yaml');
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues;
}

/** Where `needle` first appears in `text`, 1-based, as an editor shows it. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('parseScenario', () => {
  it('reads the shipped scenarios into SI units and local metres', () => {
    const result = parseScenario(kyiv, 'kyiv-night.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.durationS).toBe(8 * 3600);
    expect(s.stepS).toBe(1);
    expect(s.assets).toHaveLength(6);
    expect(s.waves.reduce((n, w) => n + w.count, 0)).toBe(105);
    const shahed = s.threatTypes.find((t) => t.name === 'shahed-136')!;
    expect(shahed.speedMps).toBeCloseTo(185 / 3.6, 9);
    expect(s.waves[0].launchSpreadM).toBe(15_000);
    // 21:30 is 90 minutes after the 20:00 start.
    expect(s.waves[0].launchToS).toBe(5400);
    // Trypilska TPP lies about 23 km south-east... of the origin: south is negative north.
    const trypilska = s.assets[0].position;
    expect(trypilska.n).toBeLessThan(-35_000);
    expect(trypilska.e).toBeGreaterThan(15_000);
    expect(s.defenders[0].pkByThreatType).toEqual(s.threatTypes.map(() => 0.68));
  });

  it('accepts JSON with the same meaning', () => {
    const yaml = parseScenario(small, 'a.yaml');
    const json = JSON.stringify({
      version: 1,
      name: 'Small test night',
      start: '2025-12-14T20:00:00+02:00',
      duration: '3 h',
      step: '1 s',
      seed: 11,
      region: { origin: [50.45, 30.52] },
      places: { 'east-launch': [50.45, 31.6] },
      assets: [
        { name: 'Plant', kind: 'power-plant', at: [50.45, 30.52], value: 100, destroy: '80 kg' },
        { name: 'Depot', kind: 'fuel-depot', at: [50.4, 30.6], value: 50 },
      ],
      threats: [
        {
          wave: 'east',
          type: 'shahed-136',
          count: 12,
          launch: { from: 'east-launch', spread: '5 km', between: ['20:00', '20:20'] },
          aim: { weighted: { Plant: 3, Depot: 1 } },
        },
        {
          wave: 'decoys',
          type: 'gerbera',
          count: 4,
          launch: { from: 'east-launch', spread: '5 km', between: ['+0 min', '+10 min'] },
          aim: 'Plant',
        },
      ],
      defenders: [
        {
          name: 'team-1',
          type: 'sting-interceptor',
          base: [50.45, 30.9],
          stock: 10,
          crews: 2,
          launchInterval: '20 s',
        },
      ],
    });
    const fromJson = parseScenario(json, 'a.json');
    expect(fromJson.ok && yaml.ok && fromJson.scenario).toEqual(yaml.ok && yaml.scenario);
  });

  it('locates a wrong unit and suggests the right one', () => {
    const text = small.replace('spread: 5 km, between: [20:00', 'spread: 5 kms, between: [20:00');
    const [issue] = issuesOf(text);
    expect(issue.field).toBe('threats[0].launch.spread');
    expect({ line: issue.line, column: issue.column }).toEqual(positionOf(text, '5 kms'));
    expect(issue.message).toContain("unknown length unit 'kms'");
    expect(issue.hint).toBe("did you mean 'km'?");
    expect(formatIssue(issue)).toMatch(/^test\.yaml:\d+:\d+: threats\[0\]\.launch\.spread: /);
  });

  it('rejects "185 kmh" with a located error', () => {
    const text = small.replace('launchInterval: 20 s', 'launchInterval: 20 s, speed: 185 kmh');
    const [issue] = issuesOf(text);
    expect(issue.field).toBe('defenders[0].speed');
    expect(issue.hint).toBe("did you mean 'km/h'?");
  });

  it('reports every error at once, each located', () => {
    const text = small
      .replace('type: shahed-136', 'type: shaheed-136')
      .replace('count: 4', 'count: -4')
      .replace('stock: 10', 'stock: 10, stok: 3')
      .replace('aim: Plant', 'aim: Plnat');
    const issues = issuesOf(text);
    const byField = new Map(issues.map((i) => [i.field, i]));
    expect(byField.get('threats[0].type')?.hint).toBe("did you mean 'shahed-136'?");
    expect(byField.get('threats[0].type')).toMatchObject(positionOf(text, 'shaheed-136'));
    expect(byField.get('threats[1].count')?.message).toBe('out of range');
    expect(byField.get('defenders[0].stok')?.hint).toBe("did you mean 'stock'?");
    expect(byField.get('defenders[0].stok')).toMatchObject(positionOf(text, 'stok'));
    expect(byField.get('threats[1].aim')?.hint).toBe("did you mean 'Plant'?");
    expect(issues.length).toBe(4);
  });

  it('rejects absurd and out-of-limit values', () => {
    expect(issuesOf(small.replace('count: 12', 'count: 5000000'))[0]).toMatchObject({
      field: 'threats[0].count',
      expected: 'at most 100000',
    });
    expect(issuesOf(small.replace('duration: 3 h', 'duration: 30 d'))[0].field).toBe('duration');
    expect(issuesOf(small.replace('duration: 3 h', 'duration: -3 h'))[0].field).toBe('duration');
    expect(
      issuesOf(small.replace('[50.45, 30.52], value: 100', '[150.45, 30.52], value: 100'))[0].field,
    ).toBe('assets[0].at');
    expect(
      issuesOf(small.replace('[50.45, 30.52], value: 100', '[30.52, 250.45], value: 100'))[0].field,
    ).toBe('assets[0].at');
    expect(issuesOf(small.replace('value: 50', 'value: -50'))[0].field).toBe('assets[1].value');
    expect(issuesOf(small.replace('stock: 10', 'stock: 2.5'))[0].message).toBe('not a whole number');
    // Tokyo is too far from a Kyiv origin to be meant.
    expect(issuesOf(small.replace('[50.40, 30.60]', '[35.68, 139.69]'))[0].message).toBe(
      'too far from the region origin',
    );
  });

  it('names missing fields and unknown sections', () => {
    const noAssets = issuesOf(small.replace(/^assets:[\s\S]*?^threats:/m, 'threats:'));
    expect(noAssets.map((i) => i.field)).toContain('assets');
    const typo = issuesOf(small.replace('defenders:', 'defender:'));
    expect(typo.find((i) => i.field === 'defender')?.hint).toBe("did you mean 'defenders'?");
  });

  it('reports syntax errors with their position', () => {
    const issues = issuesOf('name: x\nassets: [ {name: a\n');
    expect(issues[0].field).toBe('(syntax)');
    expect(issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a time window that ends before it starts', () => {
    const issues = issuesOf(small.replace('between: [20:00, 20:20]', 'between: ["+30 min", "+10 min"]'));
    expect(issues[0]).toMatchObject({
      field: 'threats[0].launch.between',
      message: 'the window ends before it starts',
    });
  });

  it('rolls clock times past midnight onto the next day', () => {
    const result = parseScenario(
      small.replace('between: [20:00, 20:20]', 'between: [23:50, 00:10]'),
      't.yaml',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.waves[0].launchFromS).toBe(230 * 60);
    expect(result.scenario.waves[0].launchToS).toBe(250 * 60);
  });

  it('applies per-wave overrides of catalog types and per-type kill probabilities', () => {
    const text = small
      .replace('type: shahed-136\n    count: 12', 'type: shahed-136\n    speed: 250 km/h\n    count: 12')
      .replace('launchInterval: 20 s', 'launchInterval: 20 s, pk: { shahed-136: 0.5, default: 0.9 }');
    const result = parseScenario(text, 't.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    const fast = s.threatTypes[s.waves[0].threatType];
    expect(fast.name).toBe('shahed-136@east');
    expect(fast.speedMps).toBeCloseTo(250 / 3.6, 9);
    expect(s.defenders[0].pkByThreatType[s.waves[0].threatType]).toBe(0.5);
    expect(s.defenders[0].pkByThreatType[s.waves[1].threatType]).toBe(0.9);
  });
});
