import { describe, expect, it } from 'vitest';
import { catalogEntries } from './catalog.js';
import { parseScenarioOrThrow } from './index.js';

const scenario = (threatTypes: string, waves: string) => `
name: kinds
start: 2025-12-14T20:00:00+02:00
duration: 1 h
region: { origin: [50.45, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 1 }]
defenders: [{ name: guns, type: gepard, base: [50.45, 30.52] }]
threatTypes:
${threatTypes}
threats:
${waves}
`;

const wave = (type: string, i: number) =>
  `  - { wave: w${i}, type: ${type}, count: 1, launch: { from: [50.45, 31.9], at: 20:00 }, aim: Plant }`;

describe('threat kinds', () => {
  it('are the catalog’s for catalog types, so no one guesses a missile from the speed', () => {
    const names = catalogEntries('threats').map((e) => e.name);
    const s = parseScenarioOrThrow(scenario('  []', names.map(wave).join('\n')), 'kinds.yaml');
    expect(Object.fromEntries(s.threatTypes.map((t) => [t.name, t.kind]))).toEqual({
      'shahed-136': 'one-way-attack-drone',
      gerbera: 'decoy',
      'geran-3': 'jet-attack-drone',
      'kh-101': 'cruise-missile',
    });
  });

  it('follow a custom type’s base, its decoy flag, or are unknown without a base', () => {
    const types = [
      '  - { name: slow-missile, base: kh-101, speed: 100 km/h }',
      '  - { name: fake, base: shahed-136, decoy: true }',
      '  - { name: armed-decoy, base: gerbera, decoy: false, warhead: 20 kg }',
      '  - { name: home-made, speed: 120 km/h }',
    ].join('\n');
    const names = ['slow-missile', 'fake', 'armed-decoy', 'home-made'];
    const s = parseScenarioOrThrow(scenario(types, names.map(wave).join('\n')), 'kinds.yaml');
    expect(s.threatTypes.filter((t) => names.includes(t.name)).map((t) => t.kind)).toEqual([
      'cruise-missile',
      'decoy',
      'unknown',
      'unknown',
    ]);
  });
});
