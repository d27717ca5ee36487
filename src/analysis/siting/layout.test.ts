// Layouts: the moved units and their candidates, a layout applied to the scenario and written to
// its file (the file, parsed again, says what was evaluated), and the raid axes.

import { describe, expect, it } from 'vitest';
import type { FireGroupUnit } from '../../model/scenario.js';
import { parseScenarioOrThrow } from '../../scenario/index.js';
import { applyPositions } from '../sweep.js';
import { applyLayout, layoutEdits, raidAxes, resolveMoves, SitingError, withWaves } from './layout.js';

const text = `# two axes onto one plant
name: t
start: 2025-12-14T20:00:00+02:00
duration: 1 h
region: { origin: [50.45, 30.52] }
places: { east: [50.45, 31.0], north: [50.9, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats:
  - { wave: east-drones, type: shahed-136, count: 2, launch: { from: east, at: "+0 s" }, aim: Plant }
  - { wave: east-decoys, type: gerbera, count: 2, launch: { from: east, at: "+0 s" }, aim: Plant }
  - { wave: north, type: shahed-136, count: 2, launch: { from: north, at: "+0 s" }, aim: Plant }
defenders:
  - { name: fg, type: mobile-fire-group, base: [50.40, 30.60], patrol: [[50.41, 30.62]] }
  - { name: gun, type: gepard, base: north }
sensors: [{ type: ideal }]
siting:
  spacing: 3 km
  areas:
    - { name: ring, units: [fg], polygon: [[50.35, 30.50], [50.35, 30.75], [50.55, 30.75], [50.55, 30.50]] }
    - { name: posts, units: [gun], candidates: [[50.48, 30.55], [50.43, 30.60]] }
  noGo:
    - { name: centre, polygon: [[50.43, 30.50], [50.43, 30.56], [50.47, 30.56], [50.47, 30.50]] }
`;
const scenario = parseScenarioOrThrow(text, 't.yaml');

describe('siting layouts', () => {
  it('gathers candidates, the file position among them when an allowed polygon holds it', () => {
    const [fg, gun] = resolveMoves(scenario, ['defenders.fg', 'defenders.gun']);
    expect(fg.original).toEqual({ latDeg: 50.4, lonDeg: 30.6 });
    expect(fg.candidates[fg.originalIndex]).toEqual(fg.original);
    expect(fg.candidates.length).toBeGreaterThan(20);
    // The gun's file position (north) is no candidate point: it cannot stay.
    expect(gun.originalIndex).toBe(-1);
    expect(gun.candidates).toEqual([
      { latDeg: 50.48, lonDeg: 30.55 },
      { latDeg: 50.43, lonDeg: 30.6 },
    ]);
  });

  it('refuses unknown units and units no area allows, with what there is', () => {
    expect(() => resolveMoves(scenario, ['defenders.gnu'])).toThrow(/did you mean 'gun'/);
    expect(() => resolveMoves(scenario, ['sensors.fg'])).toThrow(SitingError);
    expect(() => resolveMoves(scenario, ['assets.Plant'])).toThrow(/defenders.<name> or sensors.<name>/);
    const noArea = parseScenarioOrThrow(text.replace('units: [gun]', 'units: [fg]'), 't.yaml');
    expect(() => resolveMoves(noArea, ['defenders.gun'])).toThrow(/no siting area allows 'gun'/);
  });

  it('writes what it evaluates: the layout applied and the file written agree, patrol moved along', () => {
    const moved = resolveMoves(scenario, ['defenders.fg', 'defenders.gun']);
    const layout = [moved[0].candidates[3], moved[1].candidates[1]];
    const applied = applyLayout(scenario, moved, layout);
    const written = applyPositions(text, layoutEdits(scenario, moved, layout));
    expect(written.startsWith('# two axes onto one plant\n')).toBe(true);
    expect(written).toContain(`base: [${layout[0].latDeg}, ${layout[0].lonDeg}], patrol: [[`);
    const reparsed = parseScenarioOrThrow(written, 't.yaml');
    expect(reparsed.defenders).toEqual(applied.defenders);
    const fg = applied.defenders[0] as FireGroupUnit;
    const before = scenario.defenders[0] as FireGroupUnit;
    // The patrol keeps its shape to within the metre of rounding.
    expect(fg.patrol[1].e - fg.patrol[0].e).toBeCloseTo(before.patrol[1].e - before.patrol[0].e, -1);
    expect(fg.patrol[1].n - fg.patrol[0].n).toBeCloseTo(before.patrol[1].n - before.patrol[0].n, -1);
    // Nothing else changed.
    expect(applied.waves).toBe(scenario.waves);
    expect(applied.defenders[1].stock).toBe(scenario.defenders[1].stock);
  });

  it('groups waves into raid axes by launch point and route', () => {
    expect(raidAxes(scenario.waves)).toEqual([
      { name: 'east', waves: ['east-drones', 'east-decoys'] },
      { name: 'north', waves: ['north'] },
    ]);
    expect(withWaves(scenario, ['north']).waves.map((w) => w.name)).toEqual(['north']);
  });
});
