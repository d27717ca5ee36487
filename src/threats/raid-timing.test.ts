import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { runScenario } from '../run/index.js';

const night = (wave: string) =>
  parseScenarioOrThrow(`
name: timing
start: 2025-12-14T20:00:00+02:00
duration: 8 h
region: { origin: [50.45, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats:
${wave}
defenders: []
`);

describe('raid timing', () => {
  it('coordinates time on target: threats from far and near launch points arrive in the window', () => {
    const s = night(`
  - { wave: far, type: shahed-136, count: 10, launch: { from: [52.5, 34.0], spread: 30 km }, arrive: [02:00, 02:10], aim: Plant }
  - { wave: near, type: geran-3, count: 10, launch: { from: [50.9, 31.5], spread: 10 km }, arrive: [02:00, 02:10], aim: Plant }`);
    const log = runScenario(s, 3);
    const impacts = log.events.filter((e) => e.kind === 'impact');
    expect(impacts).toHaveLength(20);
    for (const e of impacts) {
      expect(e.t).toBeGreaterThanOrEqual(6 * 3600 - 2);
      expect(e.t).toBeLessThanOrEqual(6 * 3600 + 600 + 2);
    }
    // The far wave launched hours before the near one.
    const launch = (wave: string) =>
      Math.min(...log.events.filter((e) => e.kind === 'threat-launch' && e.wave === wave).map((e) => e.t));
    expect(launch('near')).toBeGreaterThan(launch('far') + 3600);
  });

  it('loiters at a holding point for the time given, circling at the orbit radius', () => {
    const direct = night(`
  - { wave: w, type: shahed-136, count: 1, launch: { from: [50.45, 31.6], at: "+0 s" }, route: [[50.45, 31.0]], aim: Plant }`);
    const holding = night(`
  - { wave: w, type: shahed-136, count: 1, launch: { from: [50.45, 31.6], at: "+0 s" }, route: [{ at: [50.45, 31.0], hold: 30 min, radius: 3 km }], aim: Plant }`);
    const impactT = (s: typeof direct) => runScenario(s, 1).events.find((e) => e.kind === 'impact')!.t;
    const delay = impactT(holding) - impactT(direct);
    // 30 minutes in the orbit, give or take the few km of joining and leaving it.
    expect(delay).toBeGreaterThan(1800 - 120);
    expect(delay).toBeLessThan(1800 + 240);
  });

  it('rejects a wave with both a launch window and an arrival window', () => {
    expect(() =>
      night(`
  - { wave: w, type: shahed-136, count: 1, launch: { from: [50.45, 31.6], between: [20:00, 21:00] }, arrive: [02:00, 02:10], aim: Plant }`),
    ).toThrow(/threats\[0\]\.arrive: give either a launch time/);
  });
});
