import { readFileSync } from 'node:fs';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { GeoPosition } from '../model/geodata.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { runToGeoJson } from './geojson-export.js';
import { geoJsonToKml } from './kml-export.js';
import { runScenario } from './run-scenario.js';

const text = readFileSync(new URL('../../test/fixtures/small-layered-night.yaml', import.meta.url), 'utf8')
  // A name that needs escaping in XML.
  .replace('name: Plant', 'name: "Plant <A&B>"')
  .replace(/aim: Plant/g, 'aim: "Plant <A&B>"')
  .replace('{ weighted: { Plant: 3', '{ weighted: { "Plant <A&B>": 3');
const scenario = parseScenarioOrThrow(text, 'layered.yaml');
const collection = runToGeoJson(scenario, runScenario(scenario, 2, { sampleEveryS: 15 }));
const text2 = geoJsonToKml(collection, `${scenario.name} & co`);

/** The KML read back by a maintained converter (togeojson) through a standard XML parser. */
function readBack(source: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(source, 'text/xml');
  expect(errors).toEqual([]);
  return kml(doc as unknown as Document);
}

const close = (a: number[], b: GeoPosition) => a.every((x, k) => Math.abs(x - b[k]) < 1e-9);

describe('KML export of a run', () => {
  const back = readBack(text2);

  it('is well-formed XML whose placemarks are the GeoJSON features, in order', () => {
    expect(back.features).toHaveLength(collection.features.length);
    back.features.forEach((feature, k) => {
      const original = collection.features[k];
      expect(feature.properties?.name).toBe(original.properties.name);
      expect(feature.properties?.layer).toBe(original.properties.layer);
      // KML has no MultiPoint: a MultiGeometry of points comes back as a GeometryCollection.
      const type = original.geometry.type === 'MultiPoint' ? 'GeometryCollection' : original.geometry.type;
      expect(feature.geometry?.type).toBe(type);
    });
    expect(back.features.some((f) => f.properties?.name === 'Plant <A&B>')).toBe(true);
  });

  it('keeps every position, and every path vertex with its time (gx:Track)', () => {
    let tracks = 0;
    back.features.forEach((feature, k) => {
      const original = collection.features[k];
      const g = feature.geometry!;
      if (g.type === 'Point' && original.geometry.type === 'Point')
        expect(close(g.coordinates, original.geometry.coordinates)).toBe(true);
      if (g.type === 'GeometryCollection' && original.geometry.type === 'MultiPoint') {
        const points = original.geometry.coordinates;
        expect(g.geometries).toHaveLength(points.length);
        g.geometries.forEach((p, i) =>
          expect(p.type === 'Point' && close(p.coordinates, points[i])).toBe(true),
        );
      }
      if (g.type === 'Polygon' && original.geometry.type === 'Polygon')
        g.coordinates[0].forEach((p, i) =>
          expect(close(p, (original.geometry.coordinates as GeoPosition[][])[0][i])).toBe(true),
        );
      if (g.type === 'LineString' && original.geometry.type === 'LineString') {
        g.coordinates.forEach((p, i) =>
          expect(close(p, (original.geometry.coordinates as GeoPosition[])[i])).toBe(true),
        );
        const times = original.properties.coordinateProperties?.times;
        if (times) {
          expect(feature.properties?.coordinateProperties?.times).toEqual(times);
          tracks++;
        }
      }
    });
    expect(tracks).toBeGreaterThan(0);
  });

  it('carries the properties as ExtendedData and event times as TimeStamps', () => {
    back.features.forEach((feature, k) => {
      const original = collection.features[k].properties;
      for (const [key, value] of Object.entries(original)) {
        if (key === 'coordinateProperties' || key === 'name') continue;
        expect(feature.properties?.[key], key).toBe(String(value));
      }
      if (typeof original.time === 'string') expect(feature.properties?.timestamp).toBe(original.time);
    });
  });
});
