// Plausibility warnings: a scenario can be valid and still almost certainly not what its author
// meant — a position written [longitude, latitude], a Shahed at 5,000 km/h, a bare `speed: 180`
// read as m/s, a start time with no time-zone offset. Each comes back located like an error, for the
// CLI to print as a warning (and `bulwark validate --strict` to refuse). Runs on a valid file only.

import { haversineM } from '../core/geo.js';
import { parseQuantity } from '../core/units.js';
import { catalogEntry, type CatalogEntry } from './catalog.js';
import { readDocument } from './document.js';
import type { FieldPath, ScenarioIssue } from './issue.js';
import type { Reader, Raw, RawObject } from './reader.js';

/** A position this far from the origin whose swap lies near it was most likely written [lon, lat]. */
const SWAP_FAR_M = 300_000;
const SWAP_NEAR_M = 150_000;
/** A threat speed beyond this multiple of its catalog type's highest figure, or below its lowest
 *  divided by it, is flagged. */
const SPEED_FACTOR = 2;

export function plausibilityWarnings(text: string, file = 'scenario.yaml'): ScenarioIssue[] {
  const read = readDocument(text, file);
  if (!read.ok || !isRecord(read.raw)) return [];
  const { reader: r, raw } = read;
  startOffset(r, raw.start);
  swappedPositions(r, raw);
  threatSpeeds(r, raw);
  return r.issues;
}

function startOffset(r: Reader, start: Raw): void {
  if (typeof start !== 'string') return;
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(start.trim())) return;
  r.error(['start'], 'no time-zone offset: the time is read in the time zone of the machine that runs it', {
    hint: `add the offset of the defended region, e.g. '${start.trim()}+02:00' for Kyiv in winter`,
  });
}

interface LatLon {
  latDeg: number;
  lonDeg: number;
}

function swappedPositions(r: Reader, raw: RawObject): void {
  const region = isRecord(raw.region) ? raw.region : undefined;
  const origin = region ? latLon(region.origin) : undefined;
  if (!origin) return;
  const positions: { path: FieldPath; at: LatLon }[] = [];
  collect(raw, [], positions);
  const others = positions.filter((p) => !(p.path[0] === 'region' && p.path[1] === 'origin'));
  // The origin itself written [lon, lat]: most other positions lie far from it and near its swap
  // (and, read against it, each of them would look swapped: one warning says it all).
  const swappedOrigin = { latDeg: origin.lonDeg, lonDeg: origin.latDeg };
  const nearSwap = others.filter(
    (p) => haversineM(origin, p.at) > SWAP_FAR_M && haversineM(swappedOrigin, p.at) < SWAP_NEAR_M,
  );
  if (others.length > 0 && nearSwap.length * 2 > others.length) {
    r.error(
      ['region', 'origin'],
      `${nearSwap.length} of ${others.length} positions lie far from the origin but near it read as [longitude, latitude]`,
      { hint: `positions are [latitude, longitude]: did you mean [${origin.lonDeg}, ${origin.latDeg}]?` },
    );
    return;
  }
  for (const { path, at } of others) {
    const swapped = { latDeg: at.lonDeg, lonDeg: at.latDeg };
    const far = haversineM(origin, at);
    const near = haversineM(origin, swapped);
    if (far > SWAP_FAR_M && near < SWAP_NEAR_M)
      r.error(
        path,
        `${km(far)} from the region origin, but ${km(near)} from it read as [longitude, latitude]`,
        {
          hint: `positions are [latitude, longitude]: did you mean [${at.lonDeg}, ${at.latDeg}]?`,
        },
      );
  }
}

/** Every [lat, lon] or [lat, lon, altitude] list in the document, with its path. */
function collect(value: Raw, path: FieldPath, out: { path: FieldPath; at: LatLon }[]): void {
  const at = latLon(value);
  if (at) {
    out.push({ path, at });
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...path, i], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) collect(v, [...path, k], out);
}

function latLon(value: Raw): LatLon | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return undefined;
  if (!value.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const [latDeg, lonDeg] = value as number[];
  if (Math.abs(latDeg) > 90 || Math.abs(lonDeg) > 180) return undefined;
  return { latDeg, lonDeg };
}

function threatSpeeds(r: Reader, raw: RawObject): void {
  // Custom types by name, to find the catalog type each one (and each wave) rests on.
  const custom = new Map<string, RawObject>();
  const types = Array.isArray(raw.threatTypes) ? raw.threatTypes : [];
  for (const t of types) if (isRecord(t) && typeof t.name === 'string') custom.set(t.name, t);
  const catalogOf = (name: unknown, depth = 0): CatalogEntry | undefined => {
    if (typeof name !== 'string' || depth > 8) return undefined;
    const own = custom.get(name);
    return own ? catalogOf(own.base, depth + 1) : catalogEntry('threats', name);
  };
  types.forEach((t, i) => {
    if (isRecord(t)) speed(r, t.speed, ['threatTypes', i, 'speed'], catalogOf(t.base));
  });
  const waves = Array.isArray(raw.threats) ? raw.threats : [];
  waves.forEach((w, i) => {
    if (isRecord(w)) speed(r, w.speed, ['threats', i, 'speed'], catalogOf(w.type));
  });
}

function speed(r: Reader, value: Raw, path: FieldPath, entry: CatalogEntry | undefined): void {
  if (value === undefined) return;
  const parsed = parseQuantity(value, 'speed');
  const figure = entry?.figures.speed;
  if (!parsed.ok || !entry || !figure) return;
  const lowest = figure.low ?? figure.typical;
  const highest = figure.high ?? figure.typical;
  const plausible = (mps: number) => mps <= SPEED_FACTOR * highest && mps >= lowest / SPEED_FACTOR;
  const range = `${kmh(lowest)}–${kmh(highest)}`.replace(/^(\d[\d,]*)–\1$/, '$1');
  const bare = typeof value === 'number' || /^\s*[-+]?[\d.,_]+(e[-+]?\d+)?\s*$/i.test(String(value));
  if (bare && !plausible(parsed.value) && plausible(parsed.value / 3.6)) {
    r.error(path, `a bare number is read in m/s: ${parsed.value} m/s is ${kmh(parsed.value)} km/h`, {
      hint: `the catalog's ${entry.name} flies ${range} km/h; write '${parsed.value} km/h' if that was meant`,
    });
    return;
  }
  if (plausible(parsed.value)) return;
  const ratio = parsed.value > highest ? parsed.value / highest : lowest / parsed.value;
  r.error(
    path,
    `${kmh(parsed.value)} km/h is ${ratio.toFixed(ratio < 10 ? 1 : 0)} times ${parsed.value > highest ? 'the fastest' : 'slower than the slowest'} ${entry.name} in the catalog (${range} km/h)`,
    { hint: 'check the unit' },
  );
}

function kmh(mps: number): string {
  return Math.round(mps * 3.6).toLocaleString('en-US');
}

function km(m: number): string {
  return `${Math.round(m / 1000).toLocaleString('en-US')} km`;
}

function isRecord(v: unknown): v is RawObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
