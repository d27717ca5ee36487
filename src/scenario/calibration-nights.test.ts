import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalibrationNights } from './calibration-nights.js';
import { formatIssue } from './issue.js';

const SHIPPED = join(import.meta.dirname, '..', '..', 'data', 'calibration', 'nights.yaml');

const GOOD = `version: 1
nights:
  - date: 2025-07-09
    launched: { shahed-136: 300, gerbera: 428, kh-101: 13 }
    reported: { dronesShotDown: 296, dronesLostLocally: 415, missilesShotDown: 7 }
    sources: [AP]
`;

function issues(text: string): string[] {
  const result = parseCalibrationNights(text, 'nights.yaml');
  if (result.ok) throw new Error('expected issues');
  return result.issues.map(formatIssue);
}

describe('the calibration dataset', () => {
  it('reads the shipped nights with their sources', () => {
    const result = parseCalibrationNights(readFileSync(SHIPPED, 'utf8'), SHIPPED);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    const { nights } = result.dataset;
    expect(nights.map((n) => n.date)).toEqual(['2025-07-09', '2025-09-07']);
    expect(nights[0].reported).toEqual({ dronesShotDown: 296, dronesLostLocally: 415, missilesShotDown: 7 });
    expect(nights[1].reported.dronesHit).toBe(54);
    expect(Object.values(nights[1].launched).reduce((a, b) => a + b, 0)).toBe(823);
    for (const n of nights) expect(n.sources.length).toBeGreaterThan(0);
  });

  it('reads a minimal night', () => {
    const result = parseCalibrationNights(GOOD, 'nights.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.nights[0].label).toBe('2025-07-09');
  });

  it('locates a date that is not a calendar date', () => {
    expect(issues(GOOD.replace('2025-07-09', '2025-02-30'))).toEqual([
      'nights.yaml:3:11: nights[0].date: not a calendar date; expected YYYY-MM-DD, found 2025-02-30',
    ]);
  });

  it('names an unknown threat type with a suggestion', () => {
    expect(issues(GOOD.replace('shahed-136: 300', 'shahed-13: 300'))).toEqual([
      "nights.yaml:4:17: nights[0].launched.shahed-13: unknown field 'shahed-13' (did you mean 'shahed-136'?)",
    ]);
  });

  it('refuses counts that are not whole numbers of at least 1', () => {
    expect(issues(GOOD.replace('gerbera: 428', 'gerbera: -2'))).toEqual([
      'nights.yaml:4:43: nights[0].launched.gerbera: out of range; expected at least 1, found -2',
    ]);
    expect(issues(GOOD.replace('dronesShotDown: 296', 'dronesShotDown: 29.5'))[0]).toMatch(
      /^nights\.yaml:5:33: nights\[0\]\.reported\.dronesShotDown: not a whole number/,
    );
  });

  it('refuses a tally above what its class launched', () => {
    expect(issues(GOOD.replace('missilesShotDown: 7', 'missilesShotDown: 14'))).toEqual([
      'nights.yaml:5:80: nights[0].reported.missilesShotDown: more than the 13 missiles launched; expected at most 13, found 14',
    ]);
    expect(issues(GOOD.replace('dronesLostLocally: 415', 'dronesLostLocally: 500'))).toEqual([
      'nights.yaml:5:15: nights[0].reported: the drone tallies add up to more than the 728 drones launched',
    ]);
  });

  it('names an unknown tally, a missing source and a second night of the same date', () => {
    expect(issues(GOOD.replace('dronesShotDown', 'dronesDowned'))[0]).toMatch(
      /^nights\.yaml:5:17: nights\[0\]\.reported\.dronesDowned: unknown field 'dronesDowned'/,
    );
    expect(issues(GOOD.replace('sources: [AP]', 'sources: []'))).toEqual([
      'nights.yaml:6:14: nights[0].sources: no source; expected at least one public source for the figures',
    ]);
    expect(issues(GOOD.replace('    sources: [AP]\n', ''))).toEqual([
      "nights.yaml:3:5: nights[0].sources: missing field 'sources'",
    ]);
    const twice = GOOD + GOOD.split('nights:\n')[1];
    expect(issues(twice)).toEqual([
      'nights.yaml:7:11: nights[1].date: a second night dated 2025-07-09 (nights[0] has that date already)',
    ]);
  });

  it('locates YAML syntax errors and a wrong version', () => {
    expect(issues('version: 1\nnights: [\n')[0]).toMatch(/^nights\.yaml:\d+:\d+: \(syntax\): /);
    expect(issues(GOOD.replace('version: 1', 'version: 2'))).toEqual([
      'nights.yaml:1:10: version: unsupported version; expected 1, found 2',
    ]);
    expect(issues('version: 1\nnights: []\n')).toEqual([
      'nights.yaml:2:9: nights: no nights; expected at least one night',
    ]);
  });
});
