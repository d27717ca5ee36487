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
    // Figures the model does not read are not listed: without a radar no cross-section is read.
    expect(rows.some((r) => r.figure === 'rcs')).toBe(false);
    expect(rows.some((r) => r.section === 'sensors')).toBe(false);
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

  it('lists the sensor defaults and what each sensor sees of each threat type', () => {
    const text = readFileSync(new URL('../../scenarios/kyiv-night-sensors.yaml', import.meta.url), 'utf8');
    const scenario = parseScenarioOrThrow(text, 'kyiv-night-sensors.yaml');
    const rows = figureProvenance(scenario);
    const row = (entry: string, figure: string) => rows.find((r) => r.entry === entry && r.figure === figure);
    const types = scenario.threatTypes.map((t) => t.name);
    expect(types.length).toBeGreaterThan(0);
    // Radars read each threat type's cross-section from the threat's catalog entry.
    const radars = scenario.sensors.filter((s) => s.type === 'radar').map((s) => s.name);
    for (const t of new Set(types.map((n) => n.split('@')[0]))) {
      const rcs = row(t, 'rcs')!;
      expect(rcs.section).toBe('threats');
      expect(rcs.unit).toBe('m²');
      expect(rcs.catalog.verified).toBe(false);
      const users = types.filter((n) => n.split('@')[0] === t);
      expect(rcs.usedBy).toEqual(radars.flatMap((r) => users.map((u) => `${r} vs ${u}`)));
      // The acoustic network hears each by its noise class, a trait with its source.
      const noise = row(t, 'noise')!;
      expect(noise.catalog).toMatchObject({ value: expect.stringMatching(/^(piston|jet)$/) });
      expect(noise.usedBy).toEqual(users.map((u) => `sky-listeners vs ${u}`));
    }
    // Sensor defaults: the file sets a radar's range to the catalog's 60 km, its latency to 2 s.
    expect(row('radar', 'range')!.usedBy).toEqual(radars);
    expect(row('radar', 'latency')!.overriddenBy).toEqual(radars.map((name) => ({ name, value: 2 })));
    expect(row('radar', 'antenna-height')!.overriddenBy.map((o) => o.value)).toEqual([15, 15, 15]);
    expect(row('radar', 'pfa')).toMatchObject({ section: 'sensors', usedBy: radars });
    expect(row('acoustic', 'latency')!.overriddenBy).toEqual([{ name: 'sky-listeners', value: 3 }]);
    expect(row('acoustic', 'hearing-range-piston')!.usedBy.length).toBeGreaterThan(0);
    expect(row('observer', 'delay-max')!.overriddenBy).toEqual([{ name: 'road-posts', value: 240 }]);
    expect(row('observer', 'sightings-per-minute')!.overriddenBy).toEqual([{ name: 'road-posts', value: 1 }]);
    // A scenario's own cross-section shows as an override of the threat's figure.
    const own = parseScenarioOrThrow(
      text.replace('name: radar-north,', 'name: radar-north, rcsM2: { default: 0.5 },'),
      'kyiv-night-sensors.yaml',
    );
    const overridden = figureProvenance(own).find((r) => r.figure === 'rcs')!;
    expect(overridden.overriddenBy[0]).toMatchObject({
      name: expect.stringMatching(/^radar-north vs /),
      value: 0.5,
    });
  });
});
