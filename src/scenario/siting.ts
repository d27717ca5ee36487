// The `siting` block of a scenario: where `bulwark site` may put units. Allowed areas are polygons
// (candidate positions on a grid inside) or lists of candidate points; no-go zones are polygons no
// unit may stand in. An area with no position left is reported here, located, before any run.
//
//   siting:
//     spacing: 2 km
//     areas:
//       - { name: north-bank, units: [fg-desna, fg-brovary], polygon: [[50.6, 30.6], [50.7, 30.6], [50.7, 30.8]] }
//       - { name: depots, units: [north-interceptors], candidates: [[50.78, 30.75], desna-bend] }
//     noGo:
//       - { name: city-centre, polygon: [[50.42, 30.48], [50.47, 30.48], [50.47, 30.56], [50.42, 30.56]] }

import type { Enu } from '../core/geo.js';
import { bounds, gridInPolygon, insidePolygon, signedArea } from '../core/polygon.js';
import type { SitingArea, SitingSpec } from '../model/scenario.js';
import { didYouMean } from './did-you-mean.js';
import type { FieldPath } from './issue.js';
import type { Raw, Reader } from './reader.js';

/** More candidate positions than this in one area is a spacing typo, not a plan. */
export const MAX_SITING_POSITIONS = 2000;
const DEFAULT_SPACING_M = 2000;

export function parseSiting(
  r: Reader,
  value: Raw,
  movable: readonly string[],
  position: (value: Raw, path: FieldPath) => Enu | undefined,
): SitingSpec | undefined {
  if (value === undefined) return undefined;
  const top = r.object(value, ['siting'], ['spacing', 'areas', 'noGo']);
  if (!top) return undefined;
  r.required(top, 'areas', ['siting']);
  const spacingM =
    top.spacing === undefined
      ? DEFAULT_SPACING_M
      : (r.quantity(top.spacing, ['siting', 'spacing'], 'length', { min: 50, max: 100_000 }, 'm') ??
        DEFAULT_SPACING_M);

  const noGo: SitingSpec['noGo'] = [];
  const noGoList = top.noGo === undefined ? [] : (r.list(top.noGo, ['siting', 'noGo']) ?? []);
  noGoList.forEach((item, i) => {
    const path = ['siting', 'noGo', i];
    const o = r.object(item, path, ['name', 'polygon']);
    if (!o || !r.required(o, 'polygon', path)) return;
    const name = o.name === undefined ? `no-go-${i + 1}` : r.string(o.name, [...path, 'name']);
    const polygon = parsePolygon(r, o.polygon, [...path, 'polygon'], position);
    if (name !== undefined && polygon) noGo.push({ name, polygon });
  });

  const areas: SitingArea[] = [];
  const areaList = top.areas === undefined ? [] : (r.list(top.areas, ['siting', 'areas']) ?? []);
  areaList.forEach((item, i) => {
    const path = ['siting', 'areas', i];
    const o = r.object(item, path, ['name', 'units', 'polygon', 'candidates']);
    if (!o) return;
    r.required(o, 'units', path);
    const name = o.name === undefined ? `area-${i + 1}` : r.string(o.name, [...path, 'name']);
    if (name !== undefined && areas.some((a) => a.name === name))
      r.error([...path, 'name'], `duplicate siting area name '${name}'`);
    const units = o.units === undefined ? undefined : unitNames(r, o.units, [...path, 'units'], movable);
    if ((o.polygon === undefined) === (o.candidates === undefined)) {
      r.error(path, 'an area is a polygon or a list of candidate points', {
        expected: "one of the fields 'polygon' and 'candidates'",
        found: o.polygon === undefined ? 'neither' : 'both',
      });
      return;
    }
    let polygon: Enu[] | undefined;
    let candidates: Enu[] | undefined;
    let raw: Enu[] = [];
    if (o.polygon !== undefined) {
      polygon = parsePolygon(r, o.polygon, [...path, 'polygon'], position);
      if (!polygon) return;
      const grid = gridInPolygon(polygon, spacingM, MAX_SITING_POSITIONS);
      if (grid.length > MAX_SITING_POSITIONS) {
        r.error(['siting', 'spacing'], `area '${name}' would hold too many candidate positions`, {
          expected: `at most ${MAX_SITING_POSITIONS} (a wider spacing)`,
          found: `more at ${spacingM} m`,
        });
        return;
      }
      raw = grid.map((p) => ({ e: p.e, n: p.n, u: 0 }));
      if (raw.length === 0) {
        r.error([...path, 'polygon'], `area '${name}' holds no candidate position`, {
          expected: `a polygon wider than the spacing of ${spacingM} m, or a smaller siting.spacing`,
        });
        return;
      }
    } else {
      const list = r.list(o.candidates, [...path, 'candidates']);
      if (!list) return;
      if (list.length === 0) {
        r.error([...path, 'candidates'], 'no candidate points', { expected: 'at least one position' });
        return;
      }
      candidates = [];
      list.forEach((p, k) => {
        const at = position(p, [...path, 'candidates', k]);
        if (at) candidates!.push(at);
      });
      if (candidates.length < list.length) return;
      raw = candidates;
    }
    const positions = raw.filter((p) => !noGo.some((z) => insidePolygon(p, z.polygon)));
    if (positions.length === 0) {
      const zones = noGo.filter((z) => raw.some((p) => insidePolygon(p, z.polygon))).map((z) => z.name);
      r.error([...path, polygon ? 'polygon' : 'candidates'], `area '${name}' is infeasible`, {
        expected: 'at least one candidate position outside the no-go zones',
        found: `all ${raw.length} inside no-go zone${zones.length > 1 ? 's' : ''} ${zones.join(', ')}`,
      });
      return;
    }
    if (name !== undefined && units !== undefined)
      areas.push({
        name,
        units,
        ...(polygon ? { polygon } : {}),
        ...(candidates ? { candidates } : {}),
        positions,
      });
  });
  return { spacingM, areas, noGo };
}

function unitNames(r: Reader, value: Raw, path: FieldPath, movable: readonly string[]): string[] | undefined {
  const list = typeof value === 'string' ? [value] : r.list(value, path);
  if (!list) return undefined;
  const names: string[] = [];
  list.forEach((item, k) => {
    const at = typeof value === 'string' ? path : [...path, k];
    const name = r.string(item, at);
    if (name === undefined) return;
    if (!movable.includes(name)) {
      const hint = didYouMean(name, movable);
      r.error(
        at,
        `no defender unit or radar named '${name}'`,
        hint ? { hint } : { expected: movable.join(', ') },
      );
      return;
    }
    names.push(name);
  });
  return names.length === list.length ? names : undefined;
}

function parsePolygon(
  r: Reader,
  value: Raw,
  path: FieldPath,
  position: (value: Raw, path: FieldPath) => Enu | undefined,
): Enu[] | undefined {
  const list = r.list(value, path);
  if (!list) return undefined;
  if (list.length < 3) {
    r.error(path, 'a polygon needs at least three corners', { found: String(list.length) });
    return undefined;
  }
  const corners: Enu[] = [];
  list.forEach((p, k) => {
    const at = position(p, [...path, k]);
    if (at) corners.push(at);
  });
  if (corners.length < list.length) return undefined;
  // A sliver (all corners on one line, give or take the map projection) has no inside to speak of.
  const b = bounds(corners);
  if (Math.abs(signedArea(corners)) < 1e-3 * ((b.maxE - b.minE) ** 2 + (b.maxN - b.minN) ** 2)) {
    r.error(path, 'the polygon has no area', { expected: 'corners that are not all on one line' });
    return undefined;
  }
  return corners;
}
