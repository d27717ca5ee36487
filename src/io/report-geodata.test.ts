import { readFileSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { batchSeeds, measureRun } from '../analysis/monte-carlo.js';
import { runAndMeasure, runToGeoJson } from '../run/index.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { batchToGeoJson, type SampledRun } from './report-geodata.js';

const text = readFileSync(new URL('../../test/fixtures/mc-night.yaml', import.meta.url), 'utf8');
const scenario = parseScenarioOrThrow(text, 'mc-night.yaml');
const seeds = batchSeeds(4, 0, 3);
const sampled: SampledRun[] = seeds.map((seed, run) => ({
  point: 0,
  run,
  seed,
  marks: measureRun(scenario, seed).marks,
}));
// A run stored before marks carried times.
const { killTimesS: _k, impactTimesS: _i, ...untimed } = sampled[2].marks;
sampled[2] = { ...sampled[2], marks: untimed };

const collection = batchToGeoJson(scenario, 'mc-test', sampled);
const of = (layer: string, run?: number) =>
  collection.features.filter(
    (f) => f.properties.layer === layer && (run === undefined || f.properties.run === run),
  );

describe('a batch as geodata', () => {
  it('is valid GeoJSON with the scenario places and one point per stored kill and impact', () => {
    expect((check(JSON.stringify(collection)) as FeatureCollection).features).toHaveLength(
      collection.features.length,
    );
    expect(of('asset')).toHaveLength(scenario.assets.length);
    expect(of('unit')).toHaveLength(scenario.defenders.length);
    const kills = sampled.reduce((n, r) => n + r.marks.kills.length / 2, 0);
    const impacts = sampled.reduce((n, r) => n + r.marks.impacts.length, 0);
    expect(kills).toBeGreaterThan(0);
    expect(impacts).toBeGreaterThan(0);
    expect(of('intercept')).toHaveLength(kills);
    expect(of('impact')).toHaveLength(impacts);
    // An asset carries the impacts of the sampled runs on it, per run too.
    for (const asset of of('asset')) {
      const n = of('impact').filter((f) => f.properties.asset === asset.properties.name).length;
      expect(asset.properties.impacts).toBe(n);
      expect(asset.properties.impactsPerRun).toBeCloseTo(n / sampled.length, 4);
      expect(asset.properties.hits).toBeUndefined();
    }
  });

  it('puts each kill where and when the run itself exports it', () => {
    for (const [run, seed] of seeds.entries()) {
      const night = runToGeoJson(scenario, runAndMeasure(scenario, seed).log).features.filter(
        (f) => f.properties.layer === 'intercept' && f.properties.result === 'kill',
      );
      const here = of('intercept', run);
      expect(here).toHaveLength(night.length);
      here.forEach((f, k) => {
        const [lon, lat] = f.geometry.coordinates as number[];
        const [lon2, lat2] = night[k].geometry.coordinates as number[];
        // Stored marks are rounded to the metre: about 1e-5 degree.
        expect(Math.abs(lon - lon2)).toBeLessThan(2e-5);
        expect(Math.abs(lat - lat2)).toBeLessThan(2e-5);
        expect(f.properties.seed).toBe(seed);
        if (run === 2) expect(f.properties.time).toBeUndefined();
        else expect(f.properties.time).toBe(night[k].properties.time);
      });
    }
  });
});
