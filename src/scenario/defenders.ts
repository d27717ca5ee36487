// The `defenders` block of a scenario: a list of units, each naming a catalog type whose `kind`
// (interceptor-drone, jet, fire-group, gun, sam) decides which fields it has. Every figure comes
// from the catalog unless the unit overrides it; a figure neither gives is a located error.
//
//   defenders:
//     - { name: north-team, type: sting-interceptor, base: [50.78, 30.75], stock: 40, crews: 3,
//         prep: 90 s, resupply: { every: 2 h, amount: 20 } }
//     - { name: fg-1, type: mobile-fire-group, base: [50.6, 30.8], patrol: [[50.62, 30.9]], dwell: 40 min }
//     - { name: gepard-1, type: gepard, base: [50.5, 30.7] }
//     - { name: iris-1, type: iris-t-slm, base: [50.4, 30.6], ready: 8 }
//     - { name: mirage-1, type: mirage-2000-5, base: [49.9, 30.1], alert: cap, station: [50.9, 31.6] }
//
// Jets fire the missile their catalog entry names (`missile: mica`, overridable); `pk`, `cost`,
// `speed` and `endurance` of a jet unit are its missile's.

import type { Enu } from '../core/geo.js';
import type { Dimension } from '../core/units.js';
import {
  DEFENDER_KINDS,
  JET_ALERT,
  type DefenderBase,
  type DefenderKind,
  type DefenderUnit,
  type Delivery,
  type JetAlert,
  type ThreatType,
} from '../model/scenario.js';
import { catalogEntries, catalogEntry, type CatalogEntry } from './catalog.js';
import type { FieldPath } from './issue.js';
import { LIMITS } from './limits.js';
import { describe, type Bounds, type Raw, type RawObject, type Reader } from './reader.js';

/** What the defenders block needs from the scenario parser: places, clock times, the night's length. */
export interface DefenderContext {
  position(value: Raw, path: FieldPath): Enu | undefined;
  time(value: Raw, path: FieldPath): number | undefined;
  durationS: number;
}

/** A figure a unit may override: its scenario key, catalog figure name, dimension and bounds. */
interface FieldSpec {
  key: string;
  figure: string;
  dimension: Dimension | 'count' | 'number';
  bounds: Bounds;
  /** Used when neither the unit nor the catalog gives it; undefined makes it required. */
  fallback?: number;
}

const time = (key: string, figure: string, fallback?: number, min = 0): FieldSpec => ({
  key,
  figure,
  dimension: 'time',
  bounds: { min, max: 7 * 86_400 },
  fallback,
});
const length = (key: string, figure: string, fallback?: number): FieldSpec => ({
  key,
  figure,
  dimension: 'length',
  bounds: { min: 0, max: 1_000_000 },
  fallback,
});
const speed = (key: string, figure: string): FieldSpec => ({
  key,
  figure,
  dimension: 'speed',
  bounds: { above: 0, max: LIMITS.speedMps },
});
const count = (
  key: string,
  figure: string,
  fallback?: number,
  max: number = LIMITS.stockPerUnit,
): FieldSpec => ({
  key,
  figure,
  dimension: 'count',
  bounds: { min: 0, max, integer: true },
  fallback,
});

/** The weapon every kind fires (for jets: its missile). */
const WEAPON: FieldSpec[] = [
  speed('speed', 'speed'),
  { ...time('endurance', 'endurance'), bounds: { above: 0, max: 86_400 } },
  length('engagementRadius', 'engagement-radius'),
  length('acquisitionRange', 'acquisition-range'),
  { key: 'cost', figure: 'cost', dimension: 'number', bounds: { min: 0, max: 1e10 } },
];

const DIRECT_FIRE: FieldSpec[] = [
  length('range', 'range'),
  count('roundsPerBurst', 'rounds-per-burst', undefined, 100_000),
  time('burstInterval', 'burst-interval'),
];

/** Fields by kind, beyond name, type, base and pk. */
const FIELDS: Record<DefenderKind, FieldSpec[]> = {
  'interceptor-drone': [
    ...WEAPON,
    length('ceiling', 'ceiling'),
    count('stock', 'stock'),
    count('crews', 'crews', undefined, LIMITS.concurrentFlightsPerUnit),
    time('launchInterval', 'launch-interval'),
    time('prep', 'launch-prep', 0),
  ],
  gun: [...WEAPON, ...DIRECT_FIRE, length('ceiling', 'ceiling'), count('stock', 'stock')],
  'fire-group': [
    ...WEAPON,
    ...DIRECT_FIRE,
    length('ceiling', 'ceiling'),
    count('stock', 'stock'),
    time('dwell', 'dwell'),
    speed('relocationSpeed', 'relocation-speed'),
    time('setup', 'setup'),
    length('nightRange', 'night-range'),
  ],
  sam: [
    ...WEAPON,
    length('ceiling', 'ceiling'),
    count('stock', 'stock'),
    length('minRange', 'min-range', 0),
    length('range', 'range'),
    length('minAltitude', 'min-altitude', 0),
    count('ready', 'ready', undefined, 10_000),
    count('channels', 'channels', undefined, LIMITS.concurrentFlightsPerUnit),
    time('reload', 'reload'),
    time('reaction', 'reaction'),
    time('launchInterval', 'launch-interval'),
  ],
  jet: [
    ...WEAPON,
    length('ceiling', 'ceiling'),
    count('stock', 'stock'),
    time('scramble', 'scramble'),
    speed('cruiseSpeed', 'cruise-speed'),
    speed('dashSpeed', 'dash-speed'),
    { ...time('sortie', 'sortie'), bounds: { above: 0, max: 86_400 } },
    time('turnaround', 'turnaround'),
    count('loadout', 'loadout', undefined, 100),
    length('missileRange', 'range'),
    time('launchInterval', 'launch-interval'),
    count('cannonPasses', 'cannon-passes', 0, 1000),
    length('cannonRange', 'cannon-range', 0),
    { key: 'cannonPk', figure: 'cannon-pk', dimension: 'number', bounds: { min: 0, max: 1 }, fallback: 0 },
    {
      key: 'nightCannonFactor',
      figure: 'night-cannon-factor',
      dimension: 'number',
      bounds: { min: 0, max: 1 },
      fallback: 1,
    },
  ],
};

/** Keys read apart from the figures. */
const KIND_KEYS: Record<DefenderKind, string[]> = {
  'interceptor-drone': ['resupply'],
  gun: [],
  'fire-group': ['patrol'],
  sam: [],
  jet: ['alert', 'station', 'missile'],
};

const ALL_KEYS = [
  ...new Set([
    'name',
    'type',
    'base',
    'pk',
    ...Object.values(KIND_KEYS).flat(),
    ...Object.values(FIELDS)
      .flat()
      .map((f) => f.key),
  ]),
];

export function defenderTypeNames(): string[] {
  return catalogEntries('defenders')
    .filter((e) => (DEFENDER_KINDS as readonly string[]).includes(e.kind))
    .map((e) => e.name);
}

export function parseDefenders(
  r: Reader,
  value: Raw,
  threatTypes: readonly ThreatType[],
  context: DefenderContext,
): DefenderUnit[] {
  const list = value === undefined ? undefined : r.list(value, ['defenders']);
  if (!list) return [];
  if (list.length > LIMITS.defenders)
    r.error(['defenders'], 'too many defender units', {
      expected: `at most ${LIMITS.defenders}`,
      found: String(list.length),
    });
  const units: DefenderUnit[] = [];
  list.forEach((item, i) => {
    const unit = parseUnit(r, item, ['defenders', i], threatTypes, context, units);
    if (unit) units.push(unit);
  });
  return units;
}

function parseUnit(
  r: Reader,
  item: Raw,
  path: FieldPath,
  threatTypes: readonly ThreatType[],
  context: DefenderContext,
  earlier: readonly DefenderUnit[],
): DefenderUnit | undefined {
  // Unknown keys are judged against the unit's own kind once the type is known.
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    r.error(path, 'wrong type', { expected: 'a mapping of fields', found: describe(item) });
    return undefined;
  }
  const raw = item as RawObject;
  for (const key of ['name', 'type', 'base']) r.required(raw, key, path);
  const typeName =
    raw.type === undefined
      ? undefined
      : r.choice(raw.type, [...path, 'type'], defenderTypeNames(), 'defender type');
  const entry = typeName === undefined ? undefined : catalogEntry('defenders', typeName);
  const kind = entry?.kind as DefenderKind | undefined;
  const o = r.object(
    raw,
    path,
    kind === undefined
      ? ALL_KEYS
      : ['name', 'type', 'base', 'pk', ...KIND_KEYS[kind], ...FIELDS[kind].map((f) => f.key)],
  );
  if (!o) return undefined;
  const name = o.name === undefined ? undefined : r.string(o.name, [...path, 'name']);
  if (name !== undefined && earlier.some((u) => u.name === name))
    r.error([...path, 'name'], `duplicate defender name '${name}'`);
  const base = o.base === undefined ? undefined : context.position(o.base, [...path, 'base']);
  if (!entry || kind === undefined) return undefined;

  // A jet's weapon figures come from its missile's entry, then from the jet's own.
  let sources: CatalogEntry[] = [entry];
  if (kind === 'jet') {
    const missiles = catalogEntries('defenders')
      .filter((e) => e.kind === 'air-to-air-missile')
      .map((e) => e.name);
    const missileName =
      o.missile !== undefined
        ? r.choice(o.missile, [...path, 'missile'], missiles, 'missile type')
        : entry.weapon;
    const missile = missileName === undefined ? undefined : catalogEntry('defenders', missileName);
    if (o.missile === undefined && !missile)
      r.error([...path, 'type'], `catalog type '${entry.name}' names no missile`, { hint: 'set missile' });
    if (!missile) return undefined;
    sources = [missile, entry];
  }

  const f: Record<string, number> = {};
  let complete = true;
  for (const spec of FIELDS[kind]) {
    const v = figure(r, o, path, spec, sources);
    if (v === undefined) complete = false;
    else f[spec.key] = v;
  }
  // The catalog's Pk against a threat type: its `pk-<type>` figure, else its `pk`.
  const catalogPk = (t: ThreatType): number | undefined => {
    for (const s of sources) {
      const fig = s.figures[`pk-${t.name.split('@')[0]}`] ?? s.figures.pk;
      if (fig !== undefined) return fig.typical;
    }
    return undefined;
  };
  const hasPk = sources.some((s) => s.figures.pk !== undefined);
  if (!hasPk && o.pk === undefined)
    r.error([...path, 'pk'], `catalog type '${entry.name}' gives no 'pk'`, { hint: 'set pk' });
  const pk = pkByType(r, o.pk, [...path, 'pk'], threatTypes, (t) => catalogPk(t) ?? 0);

  const common = (): DefenderBase | undefined =>
    name === undefined || base === undefined || pk === undefined || !complete
      ? undefined
      : {
          name,
          type: kind,
          kind,
          catalogType: entry.name,
          base,
          stock: f.stock,
          launchIntervalS: f.launchInterval ?? 0,
          maxConcurrentFlights: 0,
          speedMps: f.speed,
          enduranceS: f.endurance,
          engagementRadiusM: f.engagementRadius,
          acquisitionRangeM: f.acquisitionRange,
          ceilingM: f.ceiling,
          pkByThreatType: pk,
          unitCost: f.cost,
        };

  switch (kind) {
    case 'interceptor-drone': {
      const resupply =
        o.resupply === undefined ? [] : deliveries(r, o.resupply, [...path, 'resupply'], context);
      const c = common();
      if (!c || !resupply) return undefined;
      if (f.crews < 1) {
        r.error([...path, 'crews'], 'out of range', { expected: 'at least 1', found: String(f.crews) });
        return undefined;
      }
      return { ...c, kind, maxConcurrentFlights: f.crews, prepS: f.prep, resupply };
    }
    case 'gun': {
      const c = common();
      return (
        c && {
          ...c,
          kind,
          rangeM: f.range,
          roundsPerBurst: f.roundsPerBurst,
          burstIntervalS: f.burstInterval,
        }
      );
    }
    case 'fire-group': {
      let patrol: Enu[] | undefined = [];
      if (o.patrol !== undefined) {
        const points = r.list(o.patrol, [...path, 'patrol']);
        patrol = points?.map((p, k) => context.position(p, [...path, 'patrol', k])) as Enu[] | undefined;
        if (patrol?.some((p) => p === undefined)) patrol = undefined;
      }
      const c = common();
      if (!c || !patrol) return undefined;
      return {
        ...c,
        kind,
        rangeM: f.range,
        roundsPerBurst: f.roundsPerBurst,
        burstIntervalS: f.burstInterval,
        patrol: [c.base, ...patrol],
        dwellS: f.dwell,
        relocationSpeedMps: f.relocationSpeed,
        setupS: f.setup,
        nightRangeM: f.nightRange,
      };
    }
    case 'sam': {
      const c = common();
      if (!c) return undefined;
      if (f.minRange >= f.range)
        r.error([...path, 'minRange'], 'the envelope is empty', { expected: `below range ${f.range} m` });
      if (f.minAltitude >= f.ceiling)
        r.error([...path, 'minAltitude'], 'the envelope is empty', {
          expected: `below ceiling ${f.ceiling} m`,
        });
      return {
        ...c,
        kind,
        maxConcurrentFlights: Math.max(1, f.channels),
        minRangeM: f.minRange,
        maxRangeM: f.range,
        minAltitudeM: f.minAltitude,
        readyMissiles: f.ready,
        reloadS: f.reload,
        reactionS: f.reaction,
      };
    }
    case 'jet': {
      const alert: JetAlert | undefined =
        o.alert === undefined ? 'ground' : r.choice(o.alert, [...path, 'alert'], JET_ALERT, 'alert state');
      const station = o.station === undefined ? base : context.position(o.station, [...path, 'station']);
      if (alert === 'cap' && o.station === undefined)
        r.error([...path, 'station'], "missing field 'station'", { hint: 'a CAP needs its station' });
      const c = common();
      if (!c || !alert || !station) return undefined;
      return {
        ...c,
        kind,
        maxConcurrentFlights: Math.max(1, f.loadout),
        alert,
        station: { ...station, u: station.u > 0 ? station.u : JET_PATROL_ALTITUDE_M },
        scrambleS: f.scramble,
        cruiseSpeedMps: f.cruiseSpeed,
        dashSpeedMps: f.dashSpeed,
        missile: sources[0].name,
        sortieS: f.sortie,
        turnaroundS: f.turnaround,
        loadout: f.loadout,
        missileRangeM: f.missileRange,
        cannonPasses: f.cannonPasses,
        cannonRangeM: f.cannonRange,
        cannonPk: f.cannonPk,
        nightCannonFactor: f.nightCannonFactor,
      };
    }
  }
}

/** CAP altitude when the station gives none. */
const JET_PATROL_ALTITUDE_M = 3000;

/** One figure: the unit's override, else the first catalog source that has it, else its fallback. */
function figure(
  r: Reader,
  o: RawObject,
  path: FieldPath,
  spec: FieldSpec,
  sources: readonly CatalogEntry[],
): number | undefined {
  const at = [...path, spec.key];
  if (o[spec.key] !== undefined) {
    const v = o[spec.key];
    if (spec.dimension === 'count' || spec.dimension === 'number') return r.number(v, at, spec.bounds);
    return r.quantity(v, at, spec.dimension, spec.bounds, SI[spec.dimension]);
  }
  for (const s of sources) {
    const fig = s.figures[spec.figure];
    if (fig !== undefined) return fig.typical;
  }
  if (spec.fallback !== undefined) return spec.fallback;
  r.error(at, `missing field '${spec.key}'`, {
    hint: `catalog type '${sources[sources.length - 1].name}' gives no '${spec.figure}'`,
  });
  return undefined;
}

const SI: Record<string, string> = {
  length: 'm',
  speed: 'm/s',
  time: 's',
  mass: 'kg',
  angle: 'rad',
  money: '$',
};

/** Deliveries: a list of `{ at, amount }`, or `{ every, amount, first }` repeated through the night. */
function deliveries(
  r: Reader,
  value: Raw,
  path: FieldPath,
  context: DefenderContext,
): Delivery[] | undefined {
  const amountOf = (o: RawObject, p: FieldPath) =>
    r.required(o, 'amount', p)
      ? r.number(o.amount, [...p, 'amount'], { min: 1, max: LIMITS.stockPerUnit, integer: true })
      : undefined;
  if (Array.isArray(value)) {
    const out: Delivery[] = [];
    let ok = true;
    value.forEach((item, k) => {
      const p = [...path, k];
      const o = r.object(item, p, ['at', 'amount']);
      if (!o || !r.required(o, 'at', p)) return void (ok = false);
      const atS = context.time(o.at, [...p, 'at']);
      const amount = amountOf(o, p);
      if (atS === undefined || amount === undefined) ok = false;
      else out.push({ atS, amount });
    });
    return ok ? out.sort((a, b) => a.atS - b.atS) : undefined;
  }
  const o = r.object(value, path, ['every', 'amount', 'first']);
  if (!o || !r.required(o, 'every', path)) return undefined;
  const everyS = r.quantity(o.every, [...path, 'every'], 'time', { min: 60, max: 7 * 86_400 }, 's');
  const firstS = o.first === undefined ? everyS : context.time(o.first, [...path, 'first']);
  const amount = amountOf(o, path);
  if (everyS === undefined || firstS === undefined || amount === undefined) return undefined;
  const out: Delivery[] = [];
  for (let t = firstS; t <= context.durationS; t += everyS) out.push({ atS: t, amount });
  return out;
}

/** Kill probability: one number for every threat type, or a mapping by type with an optional `default`. */
export function pkByType(
  r: Reader,
  value: Raw,
  path: FieldPath,
  threatTypes: readonly ThreatType[],
  fallback: (type: ThreatType) => number,
): number[] | undefined {
  if (value === undefined) return threatTypes.map(fallback);
  if (typeof value === 'number') {
    const p = r.number(value, path, { min: 0, max: 1 });
    return p === undefined ? undefined : threatTypes.map(() => p);
  }
  const baseNames = threatTypes.map((t) => t.name.split('@')[0]);
  const o = r.object(value, path, [
    ...new Set([...baseNames, ...catalogEntries('threats').map((t) => t.name), 'default']),
  ]);
  if (!o) return undefined;
  const byName = new Map<string, number>();
  for (const [key, v] of Object.entries(o)) {
    const p = r.number(v, [...path, key], { min: 0, max: 1 });
    if (p !== undefined) byName.set(key, p);
  }
  const defaultPk = byName.get('default');
  return threatTypes.map(
    (t) => byName.get(t.name) ?? byName.get(t.name.split('@')[0]) ?? defaultPk ?? fallback(t),
  );
}
