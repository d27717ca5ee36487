import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from './issue.js';
import { gazetteerTowns, lookupTown, townKey } from './gazetteer.js';
import { parseScenario } from './parse.js';

const root = new URL('../../', import.meta.url).pathname;

function scenario(origin: string, ...positions: string[]): string {
  return [
    'name: t',
    'start: 2025-12-14T20:00:00+02:00',
    'duration: 1 h',
    `region: { origin: ${origin} }`,
    'assets:',
    ...positions.map((at, k) => `  - { name: a${k}, kind: substation, at: ${at}, value: 1 }`),
    'threats: []',
    'defenders: []',
  ].join('\n');
}

function issues(text: string): string[] {
  const r = parseScenario(text, 'town.yaml');
  return r.ok ? [] : r.issues.map(formatIssue);
}

describe('gazetteer', () => {
  it('is generated from the pinned snapshot in data/ and up to date', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-gazetteer.ts', '--check'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
    const snapshot = readFileSync(new URL('data/gazetteer/towns.tsv', `file://${root}`), 'utf8');
    const rows = snapshot.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(gazetteerTowns()).toHaveLength(rows.length - 1);
  });

  it('finds towns whatever the case, accents, hyphens and apostrophes', () => {
    expect(townKey('Bila-Tserkva')).toBe(townKey('bila tserkva'));
    expect(townKey('Zürich')).toBe('zurich');
    const brovary = lookupTown('brovary');
    expect(brovary).toMatchObject({ ok: true, town: { name: 'Brovary', country: 'UA' } });
    expect(lookupTown('Brovary, UA')).toEqual(brovary);
    expect(lookupTown('Brovary, PL')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('resolves a scenario position by town name and records what it resolved to', () => {
    const r = parseScenario(scenario('Kyiv', 'Brovary', '"Bila Tserkva"', 'Brovary'), 'town.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.origin).toEqual({ latDeg: 50.45466, lonDeg: 30.5238 });
    // Brovary is 20 km east and 7 km north of Kyiv's centre.
    const { e, n } = r.scenario.assets[0].position;
    expect(e / 1000).toBeCloseTo(20.2, 0);
    expect(n / 1000).toBeCloseTo(7.05, 0);
    expect(r.scenario.gazetteer?.places).toEqual([
      { name: 'Kyiv', town: 'Kyiv, UA', latDeg: 50.45466, lonDeg: 30.5238 },
      { name: 'Brovary', town: 'Brovary, UA', latDeg: 50.51809, lonDeg: 30.80671 },
      { name: 'Bila Tserkva', town: 'Bila Tserkva, UA', latDeg: 49.80939, lonDeg: 30.11209 },
    ]);
  });

  it("lets the file's own places win over the gazetteer", () => {
    const text = scenario('[50.45, 30.52]', 'Brovary').replace(
      'assets:',
      'places: { Brovary: [50.50, 30.70] }\nassets:',
    );
    const r = parseScenario(text, 'town.yaml');
    expect(r.ok && r.scenario.gazetteer).toBeUndefined();
  });

  it('says which towns an ambiguous name could be, located, and accepts the country', () => {
    // Two Alexandrias within reach of Bucharest: Romania's and Egypt's.
    const found = issues(scenario('[44.43, 26.10]', 'Alexandria'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^town\.yaml:6:39: assets\[0\]\.at: ambiguous place 'Alexandria': 2 towns/);
    expect(found[0]).toContain('found Alexandria, RO at [43.98333, 25.33333]; Alexandria, EG');
    expect(found[0]).toContain("write 'Alexandria, RO'");
    expect(found[0]).toContain('Alexandria, EG');
    expect(issues(scenario('[44.43, 26.10]', '"Alexandria, RO"'))).toEqual([]);
  });

  it('does not count namesakes beyond the region, and says when the only one is too far', () => {
    // Kyiv's region reaches Romania's Alexandria but not Virginia's.
    expect(issues(scenario('Kyiv', 'Springfield'))[0]).toContain(
      "'Springfield' is too far from the region origin",
    );
  });

  it('suggests the nearest spelling among towns in reach', () => {
    expect(issues(scenario('Kyiv', 'Brovry'))).toEqual([
      "town.yaml:6:39: assets[0].at: unknown place 'Brovry' (did you mean 'Brovary'?)",
    ]);
    expect(issues(scenario('Kyvi', '[50.4, 30.5]'))[0]).toMatch(
      /region\.origin: unknown place 'Kyvi' \(did you mean 'Kyiv'\?\)/,
    );
  });
});
