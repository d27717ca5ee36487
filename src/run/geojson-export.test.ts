import { readFileSync } from 'node:fs';
import { check, getIssues } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../core/geo.js';
import type { SimEvent } from '../model/events.js';
import type { GeoFeature, GeoPosition } from '../model/geodata.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { runToGeoJson, scenarioToGeoJson } from './geojson-export.js';
import { runScenario } from './run-scenario.js';

// The small layered night (drones, jets, SAMs, radars, observers, a GNN tracker) with a gun, a
// patrolling fire group and an EW zone added, so every layer of the export has something in it.
const text = readFileSync(new URL('../../test/fixtures/small-layered-night.yaml', import.meta.url), 'utf8')
  .replace('assets:', 'assets:\n  - { name: Mill, kind: industry, at: [50.48, 30.12], value: 20 }')
  .replace(
    'defenders:',
    `  - { wave: north, type: shahed-136, count: 8, launch: { from: [50.60, 30.10], at: 20:00 }, aim: Mill }
defenders:`,
  )
  .replace(
    'sensors:',
    `  - { name: gun-1, type: gepard, base: [50.44, 30.58] }
  - { name: fg-1, type: mobile-fire-group, base: [50.47, 30.70], patrol: [[50.42, 30.74]], dwell: 10 min }
ew:
  - { name: jammer, at: [50.45, 30.95], radius: 4 km, pLoss: 0.5 }
sensors:`,
  );
const scenario = parseScenarioOrThrow(text, 'layered.yaml');
const log = runScenario(scenario, 5, { sampleEveryS: 10 });
const collection = runToGeoJson(scenario, log);
const frame = new LocalFrame(scenario.origin);
const layer = (name: string) => collection.features.filter((f) => f.properties.layer === name);

/** Back to local metres, to compare with the event log. */
function enu(p: GeoPosition) {
  return frame.toEnu(p[1], p[0]);
}

/** Twice the signed area of a ring in lon/lat: positive when counter-clockwise. */
function signedArea(ring: GeoPosition[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return s;
}

describe('GeoJSON export of a run', () => {
  it('is valid RFC 7946 GeoJSON to a maintained validator', () => {
    const json = JSON.stringify(collection);
    expect(getIssues(json)).toEqual([]);
    expect(check(json)).toMatchObject({ type: 'FeatureCollection' });
  });

  it('has every layer of the night', () => {
    for (const name of ['asset', 'unit', 'patrol', 'sensor', 'coverage', 'ew-zone', 'threat-path'])
      expect(layer(name).length, name).toBeGreaterThan(0);
    for (const name of ['flight-path', 'track', 'intercept', 'impact'])
      expect(layer(name).length, name).toBeGreaterThan(0);
  });

  it('puts every kill where its engagement logged the threat, at its time', () => {
    const events = log.events;
    const kills = events.filter((e) => e.kind === 'kill');
    const intercepts = layer('intercept').filter((f) => f.properties.result === 'kill');
    expect(intercepts).toHaveLength(kills.length);
    const start = Date.parse(scenario.startIso);
    intercepts.forEach((feature, k) => {
      const kill = kills[k];
      const i = events.indexOf(kill);
      const attempt = events[i - 1] as Extract<SimEvent, { kind: 'intercept-attempt' }>;
      expect(attempt.kind).toBe('intercept-attempt');
      expect(feature.properties.threat).toBe(kill.threat);
      expect(feature.properties.unit).toBe(kill.unit);
      const p = enu((feature.geometry as { coordinates: GeoPosition }).coordinates);
      // Six decimals of a degree are 0.11 m of latitude.
      expect(Math.abs(p.e - attempt.e)).toBeLessThan(0.2);
      expect(Math.abs(p.n - attempt.n)).toBeLessThan(0.2);
      expect((feature.geometry as { coordinates: GeoPosition }).coordinates[2]).toBe(Math.round(attempt.u));
      expect(Date.parse(feature.properties.time as string) - start).toBe(Math.round(kill.t * 1000));
    });
  });

  it('ends each threat path where the threat met its end', () => {
    const paths = new Map(layer('threat-path').map((f) => [f.properties.threat as number, f]));
    const end = (f: GeoFeature) => {
      const c = (f.geometry as { coordinates: GeoPosition[] }).coordinates;
      return c[c.length - 1];
    };
    let checked = 0;
    for (const impact of layer('impact')) {
      const path = paths.get(impact.properties.threat as number)!;
      expect(path.properties.fate).toBe('leaked');
      expect(end(path).slice(0, 2)).toEqual((impact.geometry as { coordinates: GeoPosition }).coordinates);
      checked++;
    }
    for (const kill of layer('intercept').filter((f) => f.properties.result === 'kill')) {
      const path = paths.get(kill.properties.threat as number)!;
      expect(path.properties.fate).toBe('destroyed');
      expect(end(path)).toEqual((kill.geometry as { coordinates: GeoPosition }).coordinates);
      expect(path.properties.end).toBe(kill.properties.time);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('times every vertex of a path, in order, from the launch', () => {
    const start = Date.parse(scenario.startIso);
    const launches = new Map(
      log.events.flatMap((e) => (e.kind === 'threat-launch' ? [[e.threat, e] as const] : [])),
    );
    for (const path of [...layer('threat-path'), ...layer('flight-path'), ...layer('track')]) {
      const times = path.properties.coordinateProperties!.times.map(Date.parse);
      expect(times).toHaveLength((path.geometry as { coordinates: GeoPosition[] }).coordinates.length);
      for (let k = 1; k < times.length; k++) expect(times[k]).toBeGreaterThanOrEqual(times[k - 1]);
      if (path.properties.layer === 'threat-path') {
        const launch = launches.get(path.properties.threat as number)!;
        expect(times[0] - start).toBe(Math.round(launch.t * 1000));
        const first = enu((path.geometry as { coordinates: GeoPosition[] }).coordinates[0]);
        expect(Math.hypot(first.e - launch.e, first.n - launch.n)).toBeLessThan(0.2);
      }
    }
  });

  it('places assets and units where the scenario has them, with what the night did', () => {
    for (const asset of scenario.assets) {
      const f = layer('asset').find((a) => a.properties.name === asset.name)!;
      const p = enu((f.geometry as { coordinates: GeoPosition }).coordinates);
      expect(Math.hypot(p.e - asset.position.e, p.n - asset.position.n)).toBeLessThan(0.2);
      const hits = log.events.filter((e) => e.kind === 'impact' && e.asset === asset.name).length;
      expect(f.properties.hits).toBe(hits);
    }
    const kills = log.events.filter((e) => e.kind === 'kill');
    for (const unit of layer('unit'))
      expect(unit.properties.kills).toBe(kills.filter((k) => k.unit === unit.properties.name).length);
  });

  it('draws ranges as closed counter-clockwise rings of the right radius', () => {
    const radar = scenario.sensors.find((s) => s.type === 'radar')!;
    const ring = layer('coverage').find((f) => f.properties.name === radar.name)!.geometry as {
      coordinates: GeoPosition[][];
    };
    const outer = ring.coordinates[0];
    expect(outer[0]).toEqual(outer[outer.length - 1]);
    expect(signedArea(outer)).toBeGreaterThan(0);
    for (const p of outer) {
      const q = enu(p);
      expect(Math.hypot(q.e - radar.position.e, q.n - radar.position.n)).toBeCloseTo(radar.rangeM, -1);
    }
    for (const f of [...layer('coverage'), ...layer('ew-zone')])
      expect(signedArea((f.geometry as { coordinates: GeoPosition[][] }).coordinates[0])).toBeGreaterThan(0);
  });

  it('is the same for the same run, and the scenario alone has no night in it', () => {
    expect(JSON.stringify(runToGeoJson(scenario, runScenario(scenario, 5, { sampleEveryS: 10 })))).toBe(
      JSON.stringify(collection),
    );
    const still = scenarioToGeoJson(scenario);
    expect(getIssues(JSON.stringify(still))).toEqual([]);
    expect(
      still.features.some((f) => ['threat-path', 'intercept', 'impact'].includes(f.properties.layer)),
    ).toBe(false);
  });
});
