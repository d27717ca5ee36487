// The defenders block: every kind from the catalog with overrides in human units, and located
// errors with suggestions for what is wrong.

import { describe, expect, it } from 'vitest';
import type { FireGroupUnit, InterceptorDroneUnit, JetUnit, SamUnit } from '../model/scenario.js';
import { catalogEntry, typical } from './catalog.js';
import { parseScenario, type ScenarioIssue } from './index.js';

const text = (defenders: string) => `
name: t
start: 2025-12-14T20:00:00+02:00
duration: 6 h
region: { origin: [50.45, 30.52] }
places: { airbase: [50.23, 30.30] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats: [{ wave: w, type: shahed-136, count: 1, launch: { from: [50.45, 31.9], at: "+0 s" }, aim: Plant }]
defenders:
${defenders}
`;

function parsed(defenders: string) {
  const r = parseScenario(text(defenders), 'd.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.field}: ${i.message}`).join('\n'));
  return r.scenario;
}

function issues(defenders: string): ScenarioIssue[] {
  const r = parseScenario(text(defenders), 'd.yaml');
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

describe('defenders block', () => {
  it('reads every kind from the catalog, in SI units', () => {
    const s = parsed(`
  - { name: team, type: sting-interceptor, base: [50.7, 30.7], stock: 20, prep: 90 s, resupply: { every: 2 h, amount: 10, first: "22:30" } }
  - { name: fg, type: mobile-fire-group, base: [50.6, 30.8], patrol: [[50.62, 30.9], airbase] }
  - { name: gun, type: gepard, base: [50.5, 30.6] }
  - { name: sam, type: iris-t-slm, base: [50.4, 30.6], ready: 8 }
  - { name: jet, type: mirage-2000-5, base: airbase, alert: cap, station: [50.9, 31.6] }`);
    expect(s.defenders.map((d) => d.kind)).toEqual(['interceptor-drone', 'fire-group', 'gun', 'sam', 'jet']);
    const team = s.defenders[0] as InterceptorDroneUnit;
    expect(team.prepS).toBe(90);
    expect(team.resupply.map((d) => d.atS)).toEqual([9000, 16200]);
    expect(team.resupply[0].amount).toBe(10);
    const fg = s.defenders[1] as FireGroupUnit;
    expect(fg.patrol).toHaveLength(3);
    expect(fg.rangeM).toBe(1500);
    expect(fg.nightRangeM).toBe(3000);
    const sam = s.defenders[3] as SamUnit;
    expect(sam.maxRangeM).toBe(40_000);
    expect(sam.ceilingM).toBe(20_000);
    expect(sam.readyMissiles).toBe(8);
    expect(sam.stock).toBe(typical(catalogEntry('defenders', 'iris-t-slm')!, 'stock'));
    const jet = s.defenders[4] as JetUnit;
    // The jet fires MICA: its weapon figures are the missile's, its own are the aircraft's.
    expect(jet.missileRangeM).toBe(60_000);
    expect(jet.unitCost).toBe(650_000);
    expect(jet.ceilingM).toBe(17_000);
    expect(jet.dashSpeedMps).toBeCloseTo(1100 / 3.6, 9);
    expect(jet.station.u).toBe(3000);
    expect(jet.catalogType).toBe('mirage-2000-5');
  });

  it('accepts deliveries as a list of clock times', () => {
    const s = parsed(
      `  - { name: team, type: sting-interceptor, base: [50.7, 30.7], stock: 20, resupply: [{ at: "23:00", amount: 5 }, { at: "+1 h", amount: 3 }] }`,
    );
    const team = s.defenders[0] as InterceptorDroneUnit;
    expect(team.resupply).toEqual([
      { atS: 3600, amount: 3 },
      { atS: 10800, amount: 5 },
    ]);
  });

  it('names a misspelt type and a field of another kind, with suggestions', () => {
    const found = issues(`
  - { name: a, type: gepardd, base: [50.5, 30.6] }
  - { name: b, type: gepard, base: [50.5, 30.6], patrol: [[50.6, 30.7]], rangee: 3 km }`);
    const byField = new Map(found.map((i) => [i.field, i]));
    expect(byField.get('defenders[0].type')?.hint).toBe("did you mean 'gepard'?");
    expect(byField.get('defenders[1].patrol')?.message).toBe("unknown field 'patrol'");
    expect(byField.get('defenders[1].rangee')?.hint).toBe("did you mean 'range'?");
    for (const i of found) expect(i.line).toBeGreaterThan(8);
  });

  it('rejects an empty envelope, a CAP without its station and bad quantities, each located', () => {
    const found = issues(`
  - { name: sam, type: iris-t-slm, base: [50.4, 30.6], minRange: 50 km }
  - { name: jet, type: mirage-2000-5, base: airbase, alert: cap }
  - { name: fg, type: mobile-fire-group, base: [50.6, 30.8], range: 2 kmh }
  - { name: team, type: sting-interceptor, base: [50.7, 30.7] }`);
    const fields = found.map((i) => i.field);
    expect(fields).toContain('defenders[0].minRange');
    expect(fields).toContain('defenders[1].station');
    expect(fields).toContain('defenders[2].range');
    expect(found.find((i) => i.field === 'defenders[3].stock')?.message).toBe("missing field 'stock'");
  });

  it('rejects the same name twice and an unknown alert state', () => {
    const found = issues(`
  - { name: x, type: gepard, base: [50.5, 30.6] }
  - { name: x, type: mirage-2000-5, base: airbase, alert: standby }`);
    expect(found.map((i) => i.message)).toEqual(
      expect.arrayContaining(["duplicate defender name 'x'", "unknown alert state 'standby'"]),
    );
  });
});
