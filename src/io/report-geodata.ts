// A stored batch as geodata, for `bulwark report --geojson/--kml` and the report's download links:
// what the report's map draws, with everything else the stored batch knows about the places. The
// scenario's assets, defender units, patrols, sensors, weapon and sensor coverage and EW zones come
// from its text (run/geojson-export, the same layers `bulwark run --geojson` writes); the kills and
// impacts of the runs the map samples come from their stored marks: one point per kill where its
// engagement took place, one per impact on the asset struck, each with its run, seed and (for runs
// stored with times) the moment it happened. A batch stores no paths, so there are none here.

import type { RunMarks } from '../analysis/monte-carlo.js';
import { LocalFrame } from '../core/geo.js';
import type { GeoFeature, GeoFeatureCollection } from '../model/geodata.js';
import type { Scenario } from '../model/scenario.js';
import { GEO_LAYERS, groundPosition, scenarioToGeoJson } from '../run/geojson-export.js';

/** One run of the map's sample, as the store holds it. */
export interface SampledRun {
  point: number;
  run: number;
  seed: number;
  marks: RunMarks;
}

export function batchToGeoJson(
  scenario: Scenario,
  batchId: string,
  sampled: readonly SampledRun[],
): GeoFeatureCollection {
  const frame = new LocalFrame(scenario.origin);
  const startMs = Date.parse(scenario.startIso);
  const iso = (tS: number) => new Date(startMs + Math.round(tS * 1000)).toISOString();
  const when = (tS: number | undefined) => (tS === undefined ? {} : { time: iso(tS), tS });
  const runs = Math.max(1, sampled.length);

  const impacts = new Map<string, number>();
  for (const r of sampled)
    for (const asset of r.marks.impacts) impacts.set(asset, (impacts.get(asset) ?? 0) + 1);

  const features: GeoFeature[] = [];
  for (const feature of scenarioToGeoJson(scenario).features) {
    const p = feature.properties;
    // The single-run figures of the scenario export (hits, damage, kills) mean nothing for a batch:
    // an asset carries the impacts of the sampled runs instead.
    if (p.layer === 'asset') {
      const { hits: _h, damage: _d, valueLost: _v, ...rest } = p;
      const count = impacts.get(p.name) ?? 0;
      feature.properties = {
        ...rest,
        batch: batchId,
        impacts: count,
        impactsPerRun: sampled.length > 0 ? round4(count / runs) : 0,
      };
    } else if (p.layer === 'unit') {
      const { kills: _k, ...rest } = p;
      feature.properties = { ...rest, batch: batchId };
    }
    features.push(feature);
  }

  const assetAt = new Map(scenario.assets.map((a) => [a.name, a.position]));
  const intercepts: GeoFeature[] = [];
  const strikes: GeoFeature[] = [];
  for (const { point, run, seed, marks } of sampled) {
    const tag = { batch: batchId, point, run, seed };
    for (let i = 0, k = 0; i + 1 < marks.kills.length; i += 2, k++)
      intercepts.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: groundPosition(frame, marks.kills[i], marks.kills[i + 1]) },
        properties: {
          layer: 'intercept',
          name: `kill ${k + 1} of run ${run}${point > 0 ? ` at point ${point}` : ''}`,
          result: 'kill',
          ...tag,
          ...when(marks.killTimesS?.[k]),
        },
      });
    marks.impacts.forEach((asset, k) => {
      const at = assetAt.get(asset);
      if (!at) return;
      strikes.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: groundPosition(frame, at.e, at.n) },
        properties: {
          layer: 'impact',
          name: `impact on ${asset} in run ${run}${point > 0 ? ` at point ${point}` : ''}`,
          asset,
          ...tag,
          ...when(marks.impactTimesS?.[k]),
        },
      });
    });
  }
  features.push(...intercepts, ...strikes);
  // Layers in the order every export writes them (the KML folders follow it).
  const order = new Map<string, number>(GEO_LAYERS.map((layer, k) => [layer, k]));
  features.sort((a, b) => order.get(a.properties.layer)! - order.get(b.properties.layer)!);
  return { type: 'FeatureCollection', features };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
