import { describe, expect, it } from 'vitest';
import { scenarioToGeoJson } from '../run/index.js';
import { formatIssue } from './issue.js';
import { parseScenario, parseScenarioOrThrow } from './parse.js';
import type { ReadFile } from './geojson-import.js';

const HEAD = [
  'name: imported',
  'start: 2025-12-14T20:00:00+02:00',
  'duration: 1 h',
  'region: { origin: [50.45, 30.52] }',
].join('\n');

const files =
  (map: Record<string, string>): ReadFile =>
  (name) =>
    name in map ? { ok: true, text: map[name] } : { ok: false, message: 'no such file' };

const point = (name: string, lat: number, lon: number, extra: object = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { name, ...extra },
});

// An Overpass/osmtogeojson-style export: OSM tags flat in the properties, outlines as polygons.
const osm = JSON.stringify(
  {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'way/1',
        properties: { '@id': 'way/1', power: 'substation', name: 'Kyivska 750', voltage: '750000' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [30.6, 50.5],
              [30.62, 50.5],
              [30.62, 50.52],
              [30.6, 50.52],
              [30.6, 50.5],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        id: 'node/2',
        properties: { tags: { power: 'plant', 'name:en': 'Trypilska TPP' }, id: 2 },
        geometry: { type: 'Point', coordinates: [30.75, 50.13] },
      },
    ],
  },
  null,
  2,
);

describe('GeoJSON import', () => {
  it('makes one asset per feature, OSM tags giving the kind and outlines their centre', () => {
    const text = `${HEAD}
assets:
  - { name: Own, kind: water, at: [50.4, 30.5], value: 5 }
  - { geojson: osm.geojson, value: 40 }
threats:
  - { wave: w, type: shahed-136, count: 1, launch: { from: [51, 31], at: '+0 min' }, aim: Trypilska TPP }
defenders: []`;
    const s =
      parseScenarioOrThrow.length &&
      parseScenario(text, 'city.yaml', { readFile: files({ 'osm.geojson': osm }) });
    expect(s && s.ok).toBe(true);
    if (!s || !s.ok) return;
    const [own, sub, plant] = s.scenario.assets;
    expect(own.name).toBe('Own');
    expect(sub).toMatchObject({ name: 'Kyivska 750', kind: 'substation', value: 40 });
    expect(plant).toMatchObject({ name: 'Trypilska TPP', kind: 'power-plant', value: 40 });
    // The substation's outline is centred on [50.51, 30.61].
    const centre = parseScenarioOrThrow(
      `${HEAD}\nassets: [{ name: c, kind: water, at: [50.51, 30.61], value: 1 }]\nthreats: []\ndefenders: []`,
    );
    expect(sub.position.e).toBeCloseTo(centre.assets[0].position.e, 3);
    expect(sub.position.n).toBeCloseTo(centre.assets[0].position.n, 3);
    expect(s.scenario.waves[0].aim).toEqual([{ asset: 2, weight: 1 }]);
  });

  it('reports a bad property in the GeoJSON file, at its line and column', () => {
    const subs = JSON.stringify(
      {
        type: 'FeatureCollection',
        features: [
          point('A', 50.5, 30.6),
          point('B', 50.5, 30.7, { value: 'lots' }),
          { type: 'Feature', properties: { name: 'C' }, geometry: null },
        ],
      },
      null,
      2,
    );
    const text = `${HEAD}
assets:
  - { geojson: subs.geojson, kind: substation, value: 10, criticality: extreme }
threats: []
defenders: []`;
    const r = parseScenario(text, 'city.yaml', { readFile: files({ 'subs.geojson': subs }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = subs.split('\n');
    const valueLine = lines.findIndex((l) => l.includes('"lots"')) + 1;
    const messages = r.issues.map(formatIssue);
    expect(messages).toContain(
      `subs.geojson:${valueLine}:${lines[valueLine - 1].indexOf('"lots"') + 1}: features[1].properties.value: wrong type; expected a number, found 'lots'`,
    );
    expect(
      messages.some((m) => /^subs\.geojson:\d+:\d+: features\[2\]\.geometry: no usable geometry/.test(m)),
    ).toBe(true);
    // A default from the scenario's item is wrong in the scenario: said once, not once per feature.
    expect(
      messages.filter((m) => m.startsWith('city.yaml:6:72: assets[0].criticality: unknown criticality')),
    ).toHaveLength(1);
  });

  it('locates files that cannot be read or are not GeoJSON', () => {
    const text = (name: string) =>
      `${HEAD}\nassets:\n  - { geojson: ${name}, kind: water, value: 1 }\nthreats: []\ndefenders: []`;
    const read = files({
      'broken.geojson': '{\n  "type": "FeatureCollection",\n  "features": [,]\n}',
      'list.geojson': '[]',
    });
    const issues = (name: string) => {
      const r = parseScenario(text(name), 'city.yaml', { readFile: read });
      return r.ok ? [] : r.issues.map(formatIssue);
    };
    expect(issues('missing.geojson')).toEqual([
      "city.yaml:6:16: assets[0].geojson: cannot read 'missing.geojson': no such file",
    ]);
    expect(issues('broken.geojson')[0]).toMatch(/^broken\.geojson:3:16: \(syntax\): not JSON/);
    expect(issues('list.geojson')[0]).toMatch(
      /^list\.geojson:1:1: \(document\): not a GeoJSON FeatureCollection/,
    );
    const inBrowser = parseScenario(text('a.geojson'), 'city.yaml');
    expect(!inBrowser.ok && inBrowser.issues[0].message).toBe("cannot read 'a.geojson' here");
  });

  it('reads an inline FeatureCollection, for defenders and radars too', () => {
    const text = `${HEAD}
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats: []
defenders:
  - geojson: { type: FeatureCollection, features: [
      { type: Feature, geometry: { type: Point, coordinates: [30.7, 50.5] }, properties: { name: g1, stock: 600 } },
      { type: Feature, geometry: { type: Point, coordinates: [30.8, 50.5] }, properties: { name: g2 } } ] }
    type: gepard
sensors:
  - geojson: { type: FeatureCollection, features: [
      { type: Feature, geometry: { type: Point, coordinates: [30.9, 50.6] }, properties: { name: r1, range: 30 km } },
      { type: Feature, geometry: { type: Point, coordinates: [30.9, 50.3] }, properties: { name: r2, range: 70 km, bogus: 1 } } ] }
    type: radar`;
    const s = parseScenarioOrThrow(text);
    expect(s.defenders.map((d) => [d.name, d.catalogType, d.stock])).toEqual([
      ['g1', 'gepard', 600],
      ['g2', 'gepard', s.defenders[1].stock],
    ]);
    expect(s.sensors.map((x) => [x.name, x.type === 'radar' && x.rangeM])).toEqual([
      ['r1', 30_000],
      ['r2', 70_000],
    ]);
  });

  it('reads back the assets and units a scenario exports', () => {
    const original = parseScenarioOrThrow(`${HEAD}
assets:
  - { name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100, criticality: vital, people: 5000 }
  - { name: Depot, kind: fuel-depot, at: [50.40, 30.60], value: 50 }
threats: []
defenders:
  - { name: team-1, type: sting-interceptor, base: [50.45, 30.90], stock: 10 }
  - { name: iris-1, type: iris-t-slm, base: [50.45, 30.62], ready: 4, stock: 8 }`);
    const exported = scenarioToGeoJson(original);
    const layer = (name: string) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: exported.features.filter((f) => f.properties.layer === name),
      });
    const back = parseScenario(
      `${HEAD}\nassets: [{ geojson: assets.geojson }]\nthreats: []\ndefenders: [{ geojson: units.geojson }]`,
      'back.yaml',
      { readFile: files({ 'assets.geojson': layer('asset'), 'units.geojson': layer('unit') }) },
    );
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    for (const [k, asset] of original.assets.entries()) {
      const again = back.scenario.assets[k];
      expect({ ...again, position: undefined }).toEqual({ ...asset, position: undefined });
      // Six decimals of a degree: within 0.15 m.
      expect(
        Math.hypot(again.position.e - asset.position.e, again.position.n - asset.position.n),
      ).toBeLessThan(0.15);
    }
    for (const [k, unit] of original.defenders.entries()) {
      const again = back.scenario.defenders[k];
      expect([again.name, again.catalogType, again.stock]).toEqual([unit.name, unit.catalogType, unit.stock]);
      expect(Math.hypot(again.base.e - unit.base.e, again.base.n - unit.base.n)).toBeLessThan(0.15);
    }
  });

  describe('acoustic nodes and observer posts', () => {
    const SENSORS = `${HEAD}
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats: []
defenders: []`;

    it('reads back the node and post layouts a scenario exports', () => {
      const original = parseScenarioOrThrow(`${SENSORS}
sensors:
  - type: acoustic
    name: mics
    nodes:
      - grid: { from: [50.40, 30.40], to: [50.50, 30.60], spacing: 3 km }
      - line: { path: [[50.6, 30.6], [50.7, 30.9]], spacing: 4 km }
  - type: observer
    name: posts
    posts: [[50.9, 31.0], [50.8, 31.2], [50.7, 31.4]]`);
      const exported = scenarioToGeoJson(original).features.filter((f) => f.properties.layer === 'sensor');
      const layout = (kind: string) =>
        JSON.stringify({
          type: 'FeatureCollection',
          features: exported.filter((f) => f.properties.kind === kind),
        });
      const back = parseScenario(
        `${SENSORS}
sensors:
  - { type: acoustic, name: mics, nodes: { geojson: mics.geojson } }
  - { type: observer, name: posts, posts: [[50.95, 30.95], { geojson: posts.geojson }] }`,
        'back.yaml',
        { readFile: files({ 'mics.geojson': layout('acoustic'), 'posts.geojson': layout('observer') }) },
      );
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      const [mics, posts] = original.sensors;
      const [mics2, posts2] = back.scenario.sensors;
      if (mics.type !== 'acoustic' || mics2.type !== 'acoustic') throw new Error('not acoustic');
      if (posts.type !== 'observer' || posts2.type !== 'observer') throw new Error('not observer');
      expect(mics.nodeE.length).toBeGreaterThan(20);
      expect(mics2.nodeE).toHaveLength(mics.nodeE.length);
      // Six decimals of a degree: within 0.15 m of the nodes the grid and line laid out.
      mics.nodeE.forEach((e, k) =>
        expect(Math.hypot(mics2.nodeE[k] - e, mics2.nodeN[k] - mics.nodeN[k])).toBeLessThan(0.15),
      );
      // The post written in the scenario comes first, then the file's, in order.
      expect(posts2.postE).toHaveLength(posts.postE.length + 1);
      posts.postE.forEach((e, k) =>
        expect(Math.hypot(posts2.postE[k + 1] - e, posts2.postN[k + 1] - posts.postN[k])).toBeLessThan(0.15),
      );
      expect({ ...mics2, nodeE: [], nodeN: [] }).toEqual({ ...mics, nodeE: [], nodeN: [] });
    });

    it('takes a Point each, every point of a MultiPoint and the centre of an outline', () => {
      const masts = JSON.stringify({
        type: 'FeatureCollection',
        features: [
          point('m1', 50.5, 30.6),
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'MultiPoint',
              coordinates: [
                [30.7, 50.5],
                [30.8, 50.5],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { building: 'yes' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [30.9, 50.5],
                  [30.92, 50.5],
                  [30.92, 50.52],
                  [30.9, 50.5],
                ],
              ],
            },
          },
        ],
      });
      const s = parseScenario(
        `${SENSORS}\nsensors: [{ type: acoustic, nodes: [{ geojson: masts.geojson }] }]`,
        'city.yaml',
        { readFile: files({ 'masts.geojson': masts }) },
      );
      expect(s.ok).toBe(true);
      const plain = parseScenarioOrThrow(
        `${SENSORS}\nsensors: [{ type: acoustic, nodes: [[50.5, 30.6], [50.5, 30.7], [50.5, 30.8], [50.5066667, 30.9133333]] }]`,
      ).sensors[0];
      if (!s.ok || s.scenario.sensors[0].type !== 'acoustic' || plain.type !== 'acoustic')
        throw new Error('no');
      const mics = s.scenario.sensors[0];
      expect(
        mics.nodeE.map((e, k) => Math.hypot(e - plain.nodeE[k], mics.nodeN[k] - plain.nodeN[k])),
      ).toEqual(plain.nodeE.map(() => expect.closeTo(0, 1)));
    });

    it('reports bad layouts at their line and column, in the GeoJSON file or the scenario', () => {
      const mics = JSON.stringify(
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'MultiPoint',
                coordinates: [
                  [30.6, 50.5],
                  [30.7, 95],
                ],
              },
            },
            { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['x', 50.5] } },
            { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [30.8, 50.6] } },
            'not a feature',
          ],
        },
        null,
        2,
      );
      // A radar imported before the acoustic network moves it in the sensors list: its issues
      // must still point at what the scenario wrote.
      const text = `${SENSORS}
sensors:
  - geojson: { type: FeatureCollection, features: [
      { type: Feature, geometry: { type: Point, coordinates: [30.9, 50.6] }, properties: { name: r1, range: 30 km } },
      { type: Feature, geometry: { type: Point, coordinates: [30.9, 50.3] }, properties: { name: r2, range: 70 km } } ] }
    type: radar
  - type: acoustic
    name: mics
    nodes: [[50.5, 30.5], { geojson: mics.geojson, spacing: 1 km }, [50.5, east]]
  - type: observer
    name: posts
    posts: { geojson: missing.geojson }
  - type: observer
    posts: { geojson: { type: FeatureCollection, features: [] } }
  - type: observer
    posts: [{ geojson: [] }]`;
      const r = parseScenario(text, 'city.yaml', { readFile: files({ 'mics.geojson': mics }) });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = mics.split('\n');
      /** line:column of the `nth` line holding `needle`, at `mark` (the needle itself by default). */
      const where = (needle: string, nth = 0, mark = needle) => {
        let line = -1;
        for (let k = 0; k <= nth; k++) line = lines.findIndex((l, i) => i > line && l.includes(needle));
        return `${line + 1}:${lines[line].indexOf(mark) + 1}`;
      };
      // The bad latitude's position [30.7, 95] opens on the line before its longitude.
      const bad = lines.findIndex((l) => l.trim() === '30.7,');
      expect(lines[bad - 1].trim()).toBe('[');
      const messages = r.issues.map(formatIssue);
      expect(messages).toEqual(
        expect.arrayContaining([
          "city.yaml:15:61: sensors[1].nodes[1].spacing: unknown field; expected only 'geojson' in a nodes entry that imports positions",
          `mics.geojson:${where('"geometry"', 1, '{')}: features[1].geometry: no usable geometry; expected a Point or MultiPoint (or a line or outline, taken at its centre) with [longitude, latitude] positions`,
          `mics.geojson:${where('"not a feature"')}: features[3]: not a GeoJSON Feature; expected { type: Feature, geometry, properties }`,
          `mics.geojson:${bad}:${lines[bad - 1].indexOf('[') + 1}: features[0].geometry.coordinates[1]: latitude or longitude out of range; expected latitude in [-90, 90] and longitude in [-180, 180], found [95, 30.7] (positions are [latitude, longitude])`,
          'city.yaml:15:69: sensors[1].nodes[2]: not a position; expected [latitude, longitude] in degrees, found a list',
          "city.yaml:18:23: sensors[2].posts.geojson: cannot read 'missing.geojson': no such file",
          'city.yaml:20:12: sensors[3].posts: no nodes; expected at least one position, grid or line',
          'city.yaml:22:24: sensors[4].posts[0].geojson: not a GeoJSON FeatureCollection; expected { type: FeatureCollection, features: [...] }',
        ]),
      );
    });
  });
});
