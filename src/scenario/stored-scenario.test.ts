import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario.js';
import { parseScenarioOrThrow } from './index.js';
import { upgradeStoredScenario } from './stored-scenario.js';

const text = `
name: stored
start: 2025-12-14T20:00:00+02:00
duration: 1 h
region: { origin: [50.45, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 1 }]
defenders: [{ name: guns, type: gepard, base: [50.45, 30.52] }]
threatTypes:
  - { name: home-made, speed: 120 km/h }
threats:
  - { wave: m, type: kh-101, count: 1, speed: 200 m/s, launch: { from: [50.45, 31.9], at: 20:00 }, aim: Plant }
  - { wave: d, type: gerbera, count: 1, launch: { from: [50.45, 31.9], at: 20:00 }, aim: Plant }
  - { wave: h, type: home-made, count: 1, launch: { from: [50.45, 31.9], at: 20:00 }, aim: Plant }
`;

describe('stored scenarios', () => {
  it('give threat types stored without a kind the kind today’s parser gives them', () => {
    const today = parseScenarioOrThrow(text, 'stored.yaml');
    // As a run stored before threat types had kinds holds it.
    const stored = JSON.parse(
      JSON.stringify({ ...today, threatTypes: today.threatTypes.map(({ kind: _k, ...t }) => t) }),
    ) as Scenario;
    expect(stored.threatTypes.some((t) => 'kind' in t)).toBe(false);
    const upgraded = upgradeStoredScenario(stored);
    expect(upgraded.threatTypes.map((t) => [t.name, t.kind])).toEqual(
      today.threatTypes.map((t) => [t.name, t.kind]),
    );
    expect(upgraded).toEqual(today);
    expect(upgradeStoredScenario(today)).toBe(today);
  });
});
