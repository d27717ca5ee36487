import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogEntries, catalogEntry } from './catalog.js';
import { defenderTypeNames } from './defenders.js';
import { figureProvenance } from './figure-provenance.js';
import { parseScenarioOrThrow } from './index.js';

/** One unit of every defender type in the catalog, against a Shahed wave and a Kh-101 wave. */
function everyType(extra: (type: string) => string = () => ''): string {
  const units = defenderTypeNames().map((type, i) => {
    const required = catalogEntry('defenders', type)!.figures.stock === undefined ? ', stock: 20' : '';
    const station = type.startsWith('mirage') ? ', alert: cap, station: [50.9, 31.6]' : '';
    return `  - { name: unit-${i}, type: ${type}, base: [50.4${i}, 30.6]${required}${station}${extra(type)} }`;
  });
  return `
name: every defender type
start: 2025-12-14T20:00:00+02:00
duration: 2 h
region: { origin: [50.45, 30.52] }
assets:
  - { name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }
  - { name: Pumps, kind: water, at: [50.47, 30.52], value: 50, restoration: 3 d }
threats:
  - { wave: drones, type: shahed-136, count: 2, launch: { from: [50.45, 31.9], between: [20:00, 20:05] }, aim: Plant }
  - { wave: fast, type: kh-101, count: 1, speed: 230 m/s, launch: { from: [50.45, 31.9], between: [20:00, 20:05] }, aim: Plant }
defenders:
${units.join('\n')}
`;
}

describe('figure provenance', () => {
  it('reports every catalog figure a unit runs with as the catalog’s when the scenario sets none', () => {
    const rows = figureProvenance(parseScenarioOrThrow(everyType(), 'every.yaml'));
    const defenders = rows.filter((r) => r.section === 'defenders');
    // Only the stock the scenario had to give differs; the mapping of every other field is right.
    expect(defenders.filter((r) => r.overriddenBy.length > 0)).toEqual([]);
    // Each figure of each defender entry in use is read, jets’ weapon figures from their missile.
    for (const type of defenderTypeNames()) {
      const entry = catalogEntry('defenders', type)!;
      const sources = entry.weapon ? [catalogEntry('defenders', entry.weapon)!, entry] : [entry];
      for (const source of sources)
        for (const figure of Object.keys(source.figures)) {
          const row = rows.find((r) => r.entry === source.name && r.figure === figure);
          // A jet's own figure hidden by its missile's (none today) would not be read.
          if (source === entry && sources.length > 1 && sources[0].figures[figure]) continue;
          expect(row, `${source.name}.${figure}`).toBeDefined();
        }
    }
    const pk = rows.find((r) => r.entry === 'sting-interceptor' && r.figure === 'pk')!;
    expect(pk.usedBy).toContain(`unit-${defenderTypeNames().indexOf('sting-interceptor')} vs kh-101@fast`);
  });

  it('names the waves, units and assets that override a figure, with their value in SI', () => {
    const text = everyType((type) => (type === 'gepard' ? ', range: 3.5 km' : ''));
    const rows = figureProvenance(parseScenarioOrThrow(text, 'every.yaml'));
    const gepard = `unit-${defenderTypeNames().indexOf('gepard')}`;
    const range = rows.find((r) => r.entry === 'gepard' && r.figure === 'range')!;
    expect(range.overriddenBy).toEqual([{ name: gepard, value: 3500 }]);
    expect(range.usedBy).toEqual([]);
    const speed = rows.find((r) => r.entry === 'kh-101' && r.figure === 'speed')!;
    expect(speed.overriddenBy).toEqual([{ name: 'fast', value: 230 }]);
    const restoration = rows.find((r) => r.entry === 'water' && r.figure === 'restoration')!;
    expect(restoration).toMatchObject({
      usedBy: [],
      overriddenBy: [{ name: 'Pumps', value: 3 * 86_400 }],
      unit: 's',
    });
    expect(rows.find((r) => r.entry === 'power-plant')!.usedBy).toEqual(['Plant']);
    // Figures the model does not read are not listed: sensors take radar cross-sections elsewhere.
    expect(rows.some((r) => r.figure === 'rcs')).toBe(false);
  });

  it('lists the unverified figures the default scenario runs with, and the crews it sets itself', () => {
    const text = readFileSync(new URL('../../scenarios/kyiv-night.yaml', import.meta.url), 'utf8');
    const rows = figureProvenance(parseScenarioOrThrow(text, 'kyiv-night.yaml'));
    const speed = rows.find((r) => r.entry === 'sting-interceptor' && r.figure === 'speed')!;
    expect(speed.catalog.verified).toBe(false);
    expect(speed.usedBy).toEqual(['north-interceptors', 'east-interceptors', 'south-interceptors']);
    const crews = rows.find((r) => r.entry === 'sting-interceptor' && r.figure === 'crews')!;
    expect(crews.overriddenBy.map((o) => o.name)).toEqual(['north-interceptors', 'east-interceptors']);
    expect(crews.usedBy).toEqual(['south-interceptors']);
    // Every unverified figure listed is one the CLI flags too.
    const flagged = new Set(
      catalogEntries('defenders')
        .concat(catalogEntries('threats'), catalogEntries('assets'))
        .flatMap((e) =>
          Object.entries(e.figures)
            .filter(([, f]) => !f.verified)
            .map(([k]) => `${e.name}.${k}`),
        ),
    );
    for (const r of rows.filter((x) => !x.catalog.verified))
      expect(flagged.has(`${r.entry}.${r.figure}`)).toBe(true);
  });
});
