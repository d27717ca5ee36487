// Town names a scenario may use as positions (`base: Brovary`): the GeoNames towns of at least
// 20,000 people pinned in data/gazetteer/towns.tsv (and generated into gazetteer-data.ts, so the
// lookup works in a browser as in Node). Matching ignores case, accents, hyphens and apostrophes;
// "Name, CC" picks a country. Only towns near the region count, so a namesake on another
// continent does not make a name ambiguous.

import { haversineM, type LatLon } from '../core/geo.js';
import { closest } from './did-you-mean.js';
import { GAZETTEER_ROWS, GAZETTEER_SOURCE } from './gazetteer-data.js';

export { GAZETTEER_SOURCE };

export interface Town {
  name: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  latDeg: number;
  lonDeg: number;
  population: number;
}

export type TownLookup =
  | { ok: true; town: Town }
  | { ok: false; reason: 'unknown'; suggestion?: string }
  | { ok: false; reason: 'ambiguous'; candidates: Town[] }
  | { ok: false; reason: 'too-far'; town: Town };

let towns: Town[] | undefined;
let byKey: Map<string, Town[]> | undefined;

/** Every town of the gazetteer, largest first (parsed on first use). */
export function gazetteerTowns(): readonly Town[] {
  if (towns) return towns;
  towns = GAZETTEER_ROWS.split('\n').map((line) => {
    const [name, country, lat, lon, population] = line.split('|');
    return { name, country, latDeg: Number(lat), lonDeg: Number(lon), population: Number(population) };
  });
  return towns;
}

function index(): Map<string, Town[]> {
  if (byKey) return byKey;
  byKey = new Map();
  for (const town of gazetteerTowns()) {
    const key = townKey(town.name);
    const list = byKey.get(key);
    if (list) list.push(town);
    else byKey.set(key, [town]);
  }
  return byKey;
}

/** The form names are compared in: lower case, no accents, hyphens and apostrophes as spaces. */
export function townKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’ʼ`.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The town a name means: "Brovary" or "Brovary, UA". With `near`, only towns within `withinM` of it
 * are candidates (a scenario's region); two or more candidates are an ambiguity for the caller to
 * report with the towns it could be.
 */
export function lookupTown(query: string, near?: LatLon, withinM = Infinity): TownLookup {
  const match = /^(.*?),\s*([A-Za-z]{2})$/.exec(query.trim());
  const name = match ? match[1] : query;
  const country = match?.[2].toUpperCase();
  const named = (index().get(townKey(name)) ?? []).filter(
    (t) => country === undefined || t.country === country,
  );
  const inReach = near ? named.filter((t) => haversineM(near, t) <= withinM) : named;
  if (inReach.length === 1) return { ok: true, town: inReach[0] };
  if (inReach.length > 1) {
    // Nearest first: the one a planner of this region most likely means leads the list.
    const candidates = near
      ? inReach
          .map((t) => ({ t, d: haversineM(near, t) }))
          .sort((a, b) => a.d - b.d)
          .map(({ t }) => t)
      : inReach;
    return { ok: false, reason: 'ambiguous', candidates };
  }
  if (named.length > 0) return { ok: false, reason: 'too-far', town: named[0] };
  const suggestion = suggest(name, near, withinM);
  return { ok: false, reason: 'unknown', ...(suggestion ? { suggestion } : {}) };
}

let reach: { latDeg: number; lonDeg: number; withinM: number; names: string[] } | undefined;

/** The closest spelling among the towns in reach: the names a planner of this region would mean. */
function suggest(name: string, near: LatLon | undefined, withinM: number): string | undefined {
  if (name.length > 100) return undefined;
  const at = near ?? { latDeg: 0, lonDeg: 0 };
  const radius = near ? withinM : Infinity;
  if (!reach || reach.latDeg !== at.latDeg || reach.lonDeg !== at.lonDeg || reach.withinM !== radius) {
    const names = new Set<string>();
    for (const t of gazetteerTowns())
      if (radius === Infinity || haversineM(at, t) <= radius) names.add(t.name);
    reach = { ...at, withinM: radius, names: [...names] };
  }
  // Only names of about the same length can be within the edit distance closest() allows.
  const slack = Math.max(2, Math.floor(name.length / 3));
  return closest(
    name,
    reach.names.filter((n) => Math.abs(n.length - name.length) <= slack),
  );
}

/** How a town is written unambiguously in a scenario. */
export function townLabel(town: Town): string {
  return `${town.name}, ${town.country}`;
}
