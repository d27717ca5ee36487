// Assets, defender units and radars from GeoJSON: an item `{ geojson: FILE, …defaults }` (or the
// FeatureCollection itself, inline) in `assets`, `defenders` or `sensors` stands for one item per
// feature — its name and position from the feature, the other fields from the feature's
// properties where it has them (OpenStreetMap tags give an asset's kind), else from the item.
// Acoustic nodes and observer posts the same way, one level down: an entry `{ geojson: FILE }` in
// a sensor's `nodes` or `posts` (or `nodes: { geojson: FILE }` alone) stands for one position per
// point of the collection's features — a Point one, a MultiPoint each of its points (the way
// `bulwark run --geojson` writes a sensor's layout), any other geometry its centre.
// The expanded items are then read like any other, and every issue found in one is reported in
// the GeoJSON file at the feature's own field. Pure: the caller hands in the files' text.

import { parseDocument } from 'yaml';
import { locateJson, positionOf } from '../core/json-locate.js';
import { formatPath, type FieldPath } from './issue.js';
import type { Raw, RawObject, Reader } from './reader.js';

/** Reads a file named by a scenario, relative to it; supplied by io/ (absent in a browser). */
export type ReadFile = (
  name: string,
) =>
  | { ok: true; text: string; /** The file's name in issues, when not `name`. */ file?: string }
  | { ok: false; message: string };

interface Section {
  /** The field of an expanded item that takes the feature's position. */
  positionKey: string;
  /** Feature properties taken over as item fields (anything else in the properties is ignored). */
  properties: readonly string[];
}

const SECTIONS: Record<string, Section> = {
  assets: {
    positionKey: 'at',
    properties: ['kind', 'value', 'destroy', 'criticality', 'restoration', 'people'],
  },
  defenders: {
    positionKey: 'base',
    properties: ['type', 'stock', 'crews', 'prep', 'range', 'ceiling', 'ready', 'reload', 'alert', 'pk'],
  },
  sensors: {
    positionKey: 'at',
    properties: ['type', 'range', 'antennaHeight', 'scanPeriod', 'latency'],
  },
};

/** Property names a feature's name is read from, in order (OSM exports carry `name:en`). */
const NAME_KEYS = ['name', 'name:en', 'ref', 'id', '@id'];

/** OpenStreetMap tags that say which asset kind a feature is, first match wins. */
const OSM_KINDS: [tag: string, values: string[] | '*', kind: string][] = [
  ['power', ['plant', 'generator'], 'power-plant'],
  ['power', ['substation', 'transformer'], 'substation'],
  ['man_made', ['water_works', 'wastewater_plant', 'water_tower', 'pumping_station'], 'water'],
  ['man_made', ['mast', 'communications_tower'], 'telecom'],
  ['man_made', ['storage_tank'], 'fuel-depot'],
  ['industrial', ['oil', 'fuel', 'refinery'], 'fuel-depot'],
  ['amenity', ['fuel'], 'fuel-depot'],
  ['aeroway', ['aerodrome'], 'airfield'],
  ['railway', ['station', 'yard', 'depot'], 'rail'],
  ['bridge', '*', 'bridge'],
  ['office', ['government'], 'government'],
  ['amenity', ['townhall'], 'government'],
  ['telecom', '*', 'telecom'],
  ['landuse', ['industrial'], 'industry'],
];

/** The sensor fields that hold a layout of positions, by sensor type. */
export const LAYOUT_KEYS = ['nodes', 'posts'] as const;

export function expandGeoJsonImports(r: Reader, top: RawObject, readFile?: ReadFile): void {
  // Layouts first, while the sensors are at the places the file gives them; their redirects are
  // registered once the sensors list itself is expanded and each sensor's final index is known.
  const layouts = expandLayouts(r, top, readFile);
  const sensorIndex = new Map<number, number>();
  for (const [section, spec] of Object.entries(SECTIONS)) {
    const list = top[section];
    if (!Array.isArray(list) || !list.some((item) => isRecord(item) && item.geojson !== undefined)) continue;
    const expanded: Raw[] = [];
    list.forEach((item, k) => {
      if (!isRecord(item) || item.geojson === undefined) {
        if (section === 'sensors') sensorIndex.set(k, expanded.length);
        r.redirect({ from: [section, expanded.length], to: [section, k], ...r.source });
        expanded.push(item);
        return;
      }
      const source = openSource(r, item.geojson, [section, k, 'geojson'], readFile);
      if (!source) return;
      const defaults: RawObject = { ...item };
      delete defaults.geojson;
      source.features.forEach((feature, i) => {
        const at = [...source.base, 'features', i];
        const built = featureItem(source, feature, at, spec, section);
        if (!built) return;
        const j = expanded.length;
        r.redirect({ from: [section, j], to: at, file: source.file, locate: source.locate });
        for (const key of Object.keys(defaults))
          if (!(key in built.fields))
            r.redirect({ from: [section, j, key], to: [section, k, key], ...r.source });
        for (const [key, from] of Object.entries(built.origins))
          r.redirect({ from: [section, j, key], to: from, file: source.file, locate: source.locate });
        expanded.push({ ...defaults, ...built.fields });
      });
    });
    top[section] = expanded;
  }
  for (const { sensor, redirect } of layouts)
    r.redirect({ ...redirect, from: ['sensors', sensorIndex.get(sensor) ?? sensor, ...redirect.from] });
}

/** A redirect of a layout entry, `from` relative to its sensor (sensors[sensor]). */
interface LayoutRedirect {
  sensor: number;
  redirect: Parameters<Reader['redirect']>[0];
}

/** Replaces `{ geojson }` entries of the sensors' node and post layouts by the positions they hold. */
function expandLayouts(r: Reader, top: RawObject, readFile?: ReadFile): LayoutRedirect[] {
  const redirects: LayoutRedirect[] = [];
  const sensors = top.sensors;
  if (!Array.isArray(sensors)) return redirects;
  sensors.forEach((sensor, k) => {
    if (!isRecord(sensor) || sensor.geojson !== undefined) return;
    for (const key of LAYOUT_KEYS) {
      const value = sensor[key];
      // `nodes: { geojson: FILE }` is the one-entry list of it.
      const single = isRecord(value) && value.geojson !== undefined;
      const list: Raw[] | undefined = single ? [value] : Array.isArray(value) ? value : undefined;
      if (!list || !list.some((entry) => isRecord(entry) && entry.geojson !== undefined)) continue;
      const expanded: Raw[] = [];
      list.forEach((entry, m) => {
        const written: FieldPath = single ? ['sensors', k, key] : ['sensors', k, key, m];
        if (!isRecord(entry) || entry.geojson === undefined) {
          redirects.push({ sensor: k, redirect: { from: [key, expanded.length], to: written, ...r.source } });
          expanded.push(entry);
          return;
        }
        for (const extra of Object.keys(entry))
          if (extra !== 'geojson')
            r.error([...written, extra], 'unknown field', {
              expected: `only 'geojson' in a ${key} entry that imports positions`,
            });
        const source = openSource(r, entry.geojson, [...written, 'geojson'], readFile);
        if (!source) return;
        source.features.forEach((feature, i) => {
          const at = [...source.base, 'features', i];
          if (!isRecord(feature) || feature.type !== 'Feature') {
            source.error(at, 'not a GeoJSON Feature', '{ type: Feature, geometry, properties }');
            return;
          }
          const found = points(feature.geometry);
          if (!found) {
            source.error(
              [...at, 'geometry'],
              'no usable geometry',
              'a Point or MultiPoint (or a line or outline, taken at its centre) with [longitude, latitude] positions',
            );
            return;
          }
          for (const { position, path, exact } of found) {
            const to = [...at, 'geometry', ...path];
            const from = [key, expanded.length];
            const there = { file: source.file, locate: source.locate };
            redirects.push({ sensor: k, redirect: { from, to, ...there } });
            // Latitude and longitude swap places between a scenario and GeoJSON.
            if (exact) {
              redirects.push({ sensor: k, redirect: { from: [...from, 0], to: [...to, 1], ...there } });
              redirects.push({ sensor: k, redirect: { from: [...from, 1], to: [...to, 0], ...there } });
            }
            expanded.push(position);
          }
        });
      });
      sensor[key] = expanded;
    }
  });
  return redirects;
}

/**
 * The positions a layout takes from a geometry, [latitude, longitude], with the path of each in the
 * geometry: a Point's own, every point of a MultiPoint, the centre of anything else.
 */
function points(
  geometry: Raw,
):
  | { position: [number, number]; path: FieldPath; /** Written as such in the file. */ exact: boolean }[]
  | undefined {
  if (!isRecord(geometry)) return undefined;
  const c = geometry.coordinates;
  const usable = (p: Raw) => Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every(isFiniteNumber);
  if (geometry.type === 'Point')
    return usable(c) ? [{ position: latLon(c as number[]), path: ['coordinates'], exact: true }] : undefined;
  if (geometry.type === 'MultiPoint')
    return Array.isArray(c) && c.length > 0 && c.every(usable)
      ? (c as number[][]).map((p, m) => ({ position: latLon(p), path: ['coordinates', m], exact: true }))
      : undefined;
  const middle = centre(geometry);
  return middle ? [{ position: middle, path: ['coordinates'], exact: false }] : undefined;
}

function latLon(p: readonly number[]): [number, number] {
  return [round7(p[1]), round7(p[0])];
}

interface Source {
  file: string;
  locate: (path: FieldPath, atKey: boolean) => { line: number; column: number };
  /** Path of the FeatureCollection in its file. */
  base: FieldPath;
  features: Raw[];
  error: (path: FieldPath, message: string, expected?: string) => void;
}

function openSource(r: Reader, value: Raw, path: FieldPath, readFile?: ReadFile): Source | undefined {
  let file = r.source.file;
  let locate = r.source.locate;
  let base: FieldPath = path;
  let collection: Raw = value;
  if (typeof value === 'string') {
    if (!readFile) {
      r.error(path, `cannot read '${value}' here`, {
        hint: 'GeoJSON files are read when the scenario is loaded from a file; or give the FeatureCollection inline',
      });
      return undefined;
    }
    const read = readFile(value);
    if (!read.ok) {
      r.error(path, `cannot read '${value}': ${read.message}`);
      return undefined;
    }
    file = read.file ?? value;
    base = [];
    try {
      collection = JSON.parse(read.text) as Raw;
    } catch (e) {
      // V8 gives the offset for some errors only; the YAML parser (JSON is YAML) locates the rest.
      const message = (e as Error).message;
      const offset = Number(
        /position (\d+)/.exec(message)?.[1] ?? parseDocument(read.text).errors[0]?.pos[0] ?? 0,
      );
      const { line, column } = positionOf(read.text, offset);
      r.issues.push({
        file,
        line,
        column,
        field: '(syntax)',
        message: `not JSON: ${message.split('\n')[0]}`,
      });
      return undefined;
    }
    locate = (p) => locateJson(read.text, p);
  }
  const error = (at: FieldPath, message: string, expected?: string) => {
    const { line, column } = locate(at, false);
    r.issues.push({ file, line, column, field: formatPath(at), message, ...(expected ? { expected } : {}) });
  };
  if (
    !isRecord(collection) ||
    collection.type !== 'FeatureCollection' ||
    !Array.isArray(collection.features)
  ) {
    error(base, 'not a GeoJSON FeatureCollection', '{ type: FeatureCollection, features: [...] }');
    return undefined;
  }
  return { file, locate, base, features: collection.features, error };
}

/** One feature as an item of the section, with where each of its fields came from. */
function featureItem(
  source: Source,
  feature: Raw,
  at: FieldPath,
  spec: Section,
  section: string,
): { fields: RawObject; origins: Record<string, FieldPath> } | undefined {
  if (!isRecord(feature) || feature.type !== 'Feature') {
    source.error(at, 'not a GeoJSON Feature', '{ type: Feature, geometry, properties }');
    return undefined;
  }
  const position = centre(feature.geometry);
  if (!position) {
    source.error(
      [...at, 'geometry'],
      'no usable geometry',
      'a Point, LineString, Polygon or their Multi- forms, with [longitude, latitude] positions',
    );
    return undefined;
  }
  const fields: RawObject = {};
  const origins: Record<string, FieldPath> = {};
  const props: RawObject = isRecord(feature.properties) ? feature.properties : {};
  // OSM converters put the tags either flat in the properties or under `tags`.
  const tags: RawObject = isRecord(props.tags) ? props.tags : {};
  const lookup = (key: string): [Raw, FieldPath] | undefined => {
    if (props[key] !== undefined && props[key] !== null) return [props[key], [...at, 'properties', key]];
    if (tags[key] !== undefined && tags[key] !== null) return [tags[key], [...at, 'properties', 'tags', key]];
    return undefined;
  };
  const take = (key: string, found: [Raw, FieldPath] | undefined) => {
    if (!found) return;
    fields[key] = found[0];
    origins[key] = found[1];
  };
  const nameKey = NAME_KEYS.find((k) => lookup(k) !== undefined);
  if (nameKey) take('name', lookup(nameKey));
  else if (feature.id !== undefined) take('name', [String(feature.id), [...at, 'id']]);
  else {
    source.error([...at, 'properties'], "a feature needs a name: a 'name' property or an id");
    return undefined;
  }
  for (const key of spec.properties) take(key, lookup(key));
  if (section === 'assets' && fields.kind === undefined) {
    for (const [tag, values, kind] of OSM_KINDS) {
      const found = lookup(tag);
      if (found && (values === '*' ? found[0] !== 'no' : values.includes(String(found[0])))) {
        take('kind', [kind, found[1]]);
        break;
      }
    }
  }
  fields[spec.positionKey] = position;
  origins[spec.positionKey] = [...at, 'geometry', 'coordinates'];
  return { fields, origins };
}

/**
 * [latitude, longitude] of a geometry: a point's own, else the mean of the vertices of its first
 * part (a plant's outline, a bridge's line) — the place a planner would pin it.
 */
function centre(geometry: Raw): [number, number] | undefined {
  if (!isRecord(geometry)) return undefined;
  const c = geometry.coordinates;
  let ring: Raw;
  switch (geometry.type) {
    case 'Point':
      ring = [c];
      break;
    case 'MultiPoint':
    case 'LineString':
      ring = c;
      break;
    case 'Polygon':
    case 'MultiLineString':
      ring = Array.isArray(c) ? c[0] : undefined;
      break;
    case 'MultiPolygon':
      ring = Array.isArray(c) && Array.isArray(c[0]) ? c[0][0] : undefined;
      break;
    default:
      return undefined;
  }
  if (!Array.isArray(ring) || ring.length === 0) return undefined;
  const positions = ring as Raw[];
  if (!positions.every((p) => Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every(isFiniteNumber)))
    return undefined;
  const points = positions as number[][];
  // A closed ring repeats its first vertex last: count it once.
  const closed =
    points.length > 1 &&
    points[0][0] === points[points.length - 1][0] &&
    points[0][1] === points[points.length - 1][1];
  const used = closed ? points.slice(0, -1) : points;
  const lon = used.reduce((s, p) => s + p[0], 0) / used.length;
  const lat = used.reduce((s, p) => s + p[1], 0) / used.length;
  return [round7(lat), round7(lon)];
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

function isFiniteNumber(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
