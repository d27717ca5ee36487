// Scenario format version 1: YAML (or JSON) text in, a validated Scenario in SI units and
// local ENU metres out — or every problem at once, each located to file:line:column.

import { LocalFrame, type Enu } from '../core/geo.js';
import {
  ASSET_KINDS,
  type Asset,
  type AssetKind,
  CRITICALITIES,
  type Criticality,
  type RoutePoint,
  type Scenario,
  THREAT_KINDS,
  type ThreatKind,
  type ThreatType,
  type Wave,
} from '../model/scenario.js';
import { parseC2 } from './c2.js';
import { parseDefenders } from './defenders.js';
import { catalogEntries, catalogEntry, typical, type CatalogEntry } from './catalog.js';
import { didYouMean } from './did-you-mean.js';
import { expandGeoJsonImports, type ReadFile } from './geojson-import.js';
import { GAZETTEER_SOURCE, lookupTown, townLabel, type Town } from './gazetteer.js';
import { parseEwZones } from './ew.js';
import { ScenarioError, type FieldPath, type ScenarioIssue } from './issue.js';
import { LIMITS } from './limits.js';
import { parseSensors, parseTracking } from './sensors.js';
import { parseSiting } from './siting.js';
import { readDocument } from './document.js';
import { Reader, describe, type Raw, type RawObject } from './reader.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export { SENSOR_TYPE_NAMES } from './sensors.js';
export { C2_POLICY_NAMES } from './c2.js';

const TOP_FIELDS = [
  'version',
  'name',
  'description',
  'start',
  'duration',
  'step',
  'seed',
  'region',
  'places',
  'assets',
  'threatTypes',
  'threats',
  'defenders',
  'sensors',
  'tracking',
  'c2',
  'ew',
  'siting',
];

export interface ParseOptions {
  /** Reads the GeoJSON files a scenario imports (relative to it); without it they must be inline. */
  readFile?: ReadFile;
}

export function parseScenario(text: string, file = 'scenario.yaml', options: ParseOptions = {}): ParseResult {
  const read = readDocument(text, file);
  if (!read.ok) return read;
  const { reader: r, raw } = read;
  const scenario = new ScenarioParser(r, options.readFile).parse(raw);
  if (r.issues.length > 0 || scenario === undefined) return { ok: false, issues: r.issues };
  return { ok: true, scenario };
}

/** parseScenario that throws a ScenarioError, for callers that hold only valid files. */
export function parseScenarioOrThrow(text: string, file = 'scenario.yaml'): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}

class ScenarioParser {
  private frame = new LocalFrame({ latDeg: 0, lonDeg: 0 });
  private places = new Map<string, { latDeg: number; lonDeg: number }>();
  /** Gazetteer towns the file named, in the order first named: recorded in the Scenario. */
  private towns = new Map<string, Town>();
  private startMinuteOfDay = 0;
  private regionSet = false;

  constructor(
    private readonly r: Reader,
    private readonly readFile?: ReadFile,
  ) {}

  parse(raw: Raw): Scenario | undefined {
    const r = this.r;
    const top = r.object(raw, [], TOP_FIELDS);
    if (!top) return undefined;
    expandGeoJsonImports(r, top, this.readFile);
    if (top.version !== undefined && top.version !== 1) {
      r.error(['version'], 'unsupported format version', { expected: '1', found: describe(top.version) });
    }
    for (const key of ['name', 'start', 'duration', 'region', 'assets', 'threats', 'defenders'])
      r.required(top, key, []);

    const name = top.name === undefined ? '' : (r.string(top.name, ['name']) ?? '');
    const description =
      top.description === undefined ? '' : (r.string(top.description, ['description']) ?? '');
    const startIso = this.start(top.start);
    const durationS =
      top.duration === undefined
        ? 0
        : (r.quantity(top.duration, ['duration'], 'time', { above: 0, max: LIMITS.durationS }, 's') ?? 0);
    const stepS =
      top.step === undefined
        ? 1
        : (r.quantity(top.step, ['step'], 'time', { min: LIMITS.minStepS, max: LIMITS.maxStepS }, 's') ?? 1);
    const seed =
      top.seed === undefined
        ? 1
        : (r.number(top.seed, ['seed'], { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }) ?? 1);

    this.region(top.region);
    this.placeList(top.places);
    const assets = this.assets(top.assets);
    const threatTypes: ThreatType[] = [];
    this.customThreatTypes(top.threatTypes, threatTypes);
    const waves = this.waves(top.threats, assets, threatTypes);
    const defenders = parseDefenders(r, top.defenders, threatTypes, {
      position: (v, p) => this.position(v, p, assets),
      time: (v, p) => this.time(v, p),
      durationS,
    });
    const sensors = parseSensors(r, top.sensors, {
      stepS,
      threatTypes,
      position: (value, path) => this.position(value, path, assets),
    });
    const tracking = parseTracking(r, top.tracking, sensors);
    const c2 = parseC2(r, top.c2, stepS, threatTypes);
    const ewZones = parseEwZones(r, top.ew, (v, p) => this.position(v, p, assets));
    const movable = [
      ...defenders.map((d) => d.name),
      ...sensors.filter((s) => s.type === 'radar').map((s) => s.name),
    ];
    const siting = parseSiting(r, top.siting, movable, (v, p) => this.position(v, p, assets));
    return {
      name,
      description,
      startIso,
      durationS,
      stepS,
      seed,
      origin: this.frame.origin,
      assets,
      threatTypes,
      waves,
      defenders,
      sensors,
      ...(tracking ? { tracking } : {}),
      c2,
      ewZones,
      ...(siting ? { siting } : {}),
      ...(this.towns.size > 0
        ? {
            gazetteer: {
              source: GAZETTEER_SOURCE,
              places: [...this.towns].map(([name, t]) => ({
                name,
                town: townLabel(t),
                latDeg: t.latDeg,
                lonDeg: t.lonDeg,
              })),
            },
          }
        : {}),
    };
  }

  private start(value: Raw): string {
    if (value === undefined) return '';
    const text = this.r.string(value, ['start']);
    if (text === undefined) return '';
    const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
    if (!match || Number.isNaN(Date.parse(text))) {
      this.r.error(['start'], 'not a date and time', {
        expected: 'ISO 8601 like 2025-12-14T20:00:00+02:00',
        found: describe(value),
      });
      return '';
    }
    this.startMinuteOfDay = Number(match[4]) * 60 + Number(match[5]);
    return text.trim();
  }

  private region(value: Raw): void {
    const region = value === undefined ? undefined : this.r.object(value, ['region'], ['origin', 'name']);
    if (!region || !this.r.required(region, 'origin', ['region'])) return;
    const origin =
      typeof region.origin === 'string'
        ? this.town(region.origin, ['region', 'origin'])
        : this.latLon(region.origin, ['region', 'origin']);
    if (origin) {
      this.frame = new LocalFrame({ latDeg: origin.latDeg, lonDeg: origin.lonDeg });
      this.regionSet = true;
    }
  }

  private placeList(value: Raw): void {
    if (value === undefined) return;
    const places = this.r.object(value, ['places'], Object.keys((value as RawObject) ?? {}));
    if (!places) return;
    for (const [name, position] of Object.entries(places)) {
      const p = this.latLon(position, ['places', name]);
      if (p) this.places.set(name, p);
    }
  }

  private latLon(value: Raw, path: FieldPath): { latDeg: number; lonDeg: number } | undefined {
    if (
      !Array.isArray(value) ||
      value.length < 2 ||
      value.length > 3 ||
      !value.every((v) => typeof v === 'number' && Number.isFinite(v))
    ) {
      this.r.error(path, 'not a position', {
        expected: '[latitude, longitude] in degrees',
        found: describe(value),
      });
      return undefined;
    }
    const [latDeg, lonDeg] = value as number[];
    if (latDeg < -90 || latDeg > 90 || lonDeg < -180 || lonDeg > 180) {
      this.r.error(path, 'latitude or longitude out of range', {
        expected: 'latitude in [-90, 90] and longitude in [-180, 180]',
        found: `[${latDeg}, ${lonDeg}]`,
        ...(Math.abs(latDeg) <= 180 && Math.abs(lonDeg) <= 90
          ? { hint: 'positions are [latitude, longitude]' }
          : {}),
      });
      return undefined;
    }
    return { latDeg, lonDeg };
  }

  /** A position: [lat, lon], [lat, lon, altitude m], or the name of a place or asset. */
  private position(value: Raw, path: FieldPath, assets: readonly Asset[] = []): Enu | undefined {
    if (typeof value === 'string') {
      const place = this.places.get(value);
      if (place) return this.frame.toEnu(place.latDeg, place.lonDeg, 0);
      const asset = assets.find((a) => a.name === value);
      if (asset) return { ...asset.position };
      const known = [...this.places.keys(), ...assets.map((a) => a.name)];
      const town = this.town(value, path, didYouMean(value, known));
      return town && this.frame.toEnu(town.latDeg, town.lonDeg, 0);
    }
    const ll = this.latLon(value, path);
    if (!ll) return undefined;
    const altitudeM = Array.isArray(value) && value.length === 3 ? (value[2] as number) : 0;
    const enu = this.frame.toEnu(ll.latDeg, ll.lonDeg, 0);
    if (Math.hypot(enu.e, enu.n) > LIMITS.regionRadiusM) {
      this.r.error(path, 'too far from the region origin', {
        expected: `within ${LIMITS.regionRadiusM / 1000} km`,
        found: `${Math.round(Math.hypot(enu.e, enu.n) / 1000)} km`,
      });
      return undefined;
    }
    // Altitude above the local plane; the plane's curvature drop is below a metre within 3 km
    // and is deliberately ignored: flight altitudes are flown above the ground, not the ellipsoid.
    return { e: enu.e, n: enu.n, u: altitudeM };
  }

  /**
   * A town of the gazetteer by name, near the region once its origin is known. `localHint` is a
   * did-you-mean among the file's own places and assets, which wins over the gazetteer's.
   */
  private town(name: string, path: FieldPath, localHint?: string): Town | undefined {
    const near = this.regionSet ? this.frame.origin : undefined;
    const found = lookupTown(name, near, LIMITS.regionRadiusM);
    if (found.ok) {
      if (!this.towns.has(name)) this.towns.set(name, found.town);
      return found.town;
    }
    if (found.reason === 'ambiguous') {
      const sameCountry = found.candidates.every((t) => t.country === found.candidates[0].country);
      this.r.error(path, `ambiguous place '${name}': ${found.candidates.length} towns of that name`, {
        found: found.candidates
          .slice(0, 5)
          .map((t) => `${townLabel(t)} at [${t.latDeg}, ${t.lonDeg}]`)
          .join('; '),
        hint: sameCountry
          ? 'give [latitude, longitude], or name the position under places'
          : `write '${townLabel(found.candidates[0])}' (name, country code) or give [latitude, longitude]`,
      });
    } else if (found.reason === 'too-far') {
      this.r.error(path, `'${name}' is too far from the region origin`, {
        expected: `a place within ${LIMITS.regionRadiusM / 1000} km`,
        found: `${townLabel(found.town)} at [${found.town.latDeg}, ${found.town.lonDeg}]`,
      });
    } else {
      const hint = localHint ?? (found.suggestion ? `did you mean '${found.suggestion}'?` : undefined);
      this.r.error(
        path,
        `unknown place '${name}'`,
        hint
          ? { hint }
          : { expected: '[latitude, longitude], a name from places or assets, or a town of the gazetteer' },
      );
    }
    return undefined;
  }

  private assets(value: Raw): Asset[] {
    const list = value === undefined ? undefined : this.r.list(value, ['assets']);
    if (!list) return [];
    if (list.length > LIMITS.assets)
      this.r.error(['assets'], 'too many assets', {
        expected: `at most ${LIMITS.assets}`,
        found: String(list.length),
      });
    const assets: Asset[] = [];
    list.forEach((item, i) => {
      const path = ['assets', i];
      const o = this.r.object(item, path, [
        'name',
        'kind',
        'at',
        'value',
        'destroy',
        'criticality',
        'restoration',
        'people',
      ]);
      if (!o) return;
      for (const key of ['name', 'kind', 'at', 'value']) this.r.required(o, key, path);
      const name = o.name === undefined ? undefined : this.r.string(o.name, [...path, 'name']);
      if (name !== undefined && assets.some((a) => a.name === name))
        this.r.error([...path, 'name'], `duplicate asset name '${name}'`);
      const kind =
        o.kind === undefined
          ? undefined
          : this.r.choice<AssetKind>(o.kind, [...path, 'kind'], ASSET_KINDS, 'asset kind');
      const position = o.at === undefined ? undefined : this.position(o.at, [...path, 'at'], assets);
      const assetValue =
        o.value === undefined ? undefined : this.r.number(o.value, [...path, 'value'], { min: 0, max: 1e15 });
      const destroyKg =
        o.destroy === undefined
          ? 200
          : this.r.quantity(o.destroy, [...path, 'destroy'], 'mass', { above: 0, max: 1e7 }, 'kg');
      const kindEntry = kind === undefined ? undefined : catalogEntry('assets', kind);
      const criticality =
        o.criticality === undefined
          ? ((kindEntry?.criticality as Criticality | undefined) ?? 'medium')
          : this.r.choice<Criticality>(o.criticality, [...path, 'criticality'], CRITICALITIES, 'criticality');
      const restorationS =
        o.restoration === undefined
          ? kindEntry
            ? typical(kindEntry, 'restoration')
            : 30 * 86_400
          : this.r.quantity(
              o.restoration,
              [...path, 'restoration'],
              'time',
              { min: 0, max: 10 * 365 * 86_400 },
              's',
            );
      const people =
        o.people === undefined
          ? 0
          : this.r.number(o.people, [...path, 'people'], { min: 0, max: 1e9, integer: true });
      if (
        name !== undefined &&
        kind !== undefined &&
        position !== undefined &&
        assetValue !== undefined &&
        destroyKg !== undefined &&
        criticality !== undefined &&
        restorationS !== undefined &&
        people !== undefined
      ) {
        assets.push({
          name,
          kind,
          position,
          value: assetValue,
          destroyKg,
          criticality,
          restorationS,
          people,
        });
      }
    });
    return assets;
  }

  private customThreatTypes(value: Raw, out: ThreatType[]): void {
    if (value === undefined) return;
    const list = this.r.list(value, ['threatTypes']);
    list?.forEach((item, i) => {
      const path = ['threatTypes', i];
      const o = this.r.object(item, path, ['name', 'base', ...THREAT_OVERRIDES]);
      if (!o || !this.r.required(o, 'name', path)) return;
      const name = this.r.string(o.name, [...path, 'name']);
      if (name === undefined) return;
      const base = o.base === undefined ? undefined : this.catalogThreat(o.base, [...path, 'base'], out);
      const type = this.threatType(name, o, path, base ?? BLANK_THREAT);
      if (type) out.push(type);
    });
  }

  private catalogThreat(value: Raw, path: FieldPath, custom: readonly ThreatType[]): ThreatType | undefined {
    const names = [...custom.map((t) => t.name), ...catalogEntries('threats').map((t) => t.name)];
    const name = this.r.choice(value, path, names, 'threat type');
    if (name === undefined) return undefined;
    return custom.find((t) => t.name === name) ?? fromCatalog(catalogEntry('threats', name)!);
  }

  /** A threat type from a base with the overrides found in `o` applied. */
  private threatType(name: string, o: RawObject, path: FieldPath, base: ThreatType): ThreatType | undefined {
    const r = this.r;
    const q = (
      key: string,
      dimension: 'speed' | 'length' | 'mass' | 'angle',
      bounds: { above?: number; min?: number; max: number },
      si: string,
      fallback: number,
    ) => (o[key] === undefined ? fallback : r.quantity(o[key], [...path, key], dimension, bounds, si));
    const speedMps = q('speed', 'speed', { above: 0, max: LIMITS.speedMps }, 'm/s', base.speedMps);
    const cruiseAltitudeM = q(
      'altitude',
      'length',
      { min: 0, max: LIMITS.altitudeM },
      'm',
      base.cruiseAltitudeM,
    );
    const warheadKg = q('warhead', 'mass', { min: 0, max: 10_000 }, 'kg', base.warheadKg);
    const rangeM = q('range', 'length', { above: 0, max: 20_000_000 }, 'm', base.rangeM);
    const diveAngleRad = q('dive', 'angle', { above: 0, max: Math.PI / 2 }, 'rad', base.diveAngleRad);
    const unitCost =
      o.cost === undefined ? base.unitCost : r.number(o.cost, [...path, 'cost'], { min: 0, max: 1e10 });
    const decoy = o.decoy === undefined ? base.decoy : r.boolean(o.decoy, [...path, 'decoy']);
    const ewSusceptibility =
      o.ewSusceptibility === undefined
        ? base.ewSusceptibility
        : r.number(o.ewSusceptibility, [...path, 'ewSusceptibility'], { min: 0, max: 1 });
    if (
      [speedMps, cruiseAltitudeM, warheadKg, rangeM, diveAngleRad, unitCost, decoy, ewSusceptibility].some(
        (v) => v === undefined,
      )
    )
      return undefined;
    if (base === BLANK_THREAT && o.speed === undefined) {
      r.error([...path, 'speed'], `missing field 'speed'`, { hint: 'or name a catalog type in base' });
      return undefined;
    }
    // A type made a decoy is one; a decoy's variant that carries a warhead is no longer a decoy.
    const kind = decoy ? 'decoy' : base.kind === 'decoy' ? 'unknown' : base.kind;
    return {
      name,
      kind,
      speedMps: speedMps!,
      cruiseAltitudeM: cruiseAltitudeM!,
      warheadKg: warheadKg!,
      unitCost: unitCost!,
      decoy: decoy!,
      rangeM: rangeM!,
      diveAngleRad: diveAngleRad!,
      ewSusceptibility: ewSusceptibility!,
    };
  }

  private waves(value: Raw, assets: readonly Asset[], threatTypes: ThreatType[]): Wave[] {
    const list = value === undefined ? undefined : this.r.list(value, ['threats']);
    if (!list) return [];
    if (list.length > LIMITS.waves)
      this.r.error(['threats'], 'too many waves', {
        expected: `at most ${LIMITS.waves}`,
        found: String(list.length),
      });
    const waves: Wave[] = [];
    let total = 0;
    list.forEach((item, i) => {
      const path = ['threats', i];
      const o = this.r.object(item, path, [
        'wave',
        'type',
        'count',
        'launch',
        'arrive',
        'aim',
        'route',
        ...THREAT_OVERRIDES,
      ]);
      if (!o) return;
      for (const key of ['wave', 'type', 'count', 'launch', 'aim']) this.r.required(o, key, path);
      const name = o.wave === undefined ? undefined : this.r.string(o.wave, [...path, 'wave']);
      if (name !== undefined && waves.some((w) => w.name === name))
        this.r.error([...path, 'wave'], `duplicate wave name '${name}'`);
      const base =
        o.type === undefined ? undefined : this.catalogThreat(o.type, [...path, 'type'], threatTypes);
      const overridden = THREAT_OVERRIDES.some((k) => o[k] !== undefined);
      const type =
        base && name !== undefined && overridden
          ? this.threatType(`${base.name}@${name}`, o, path, base)
          : base;
      const count =
        o.count === undefined
          ? undefined
          : this.r.number(o.count, [...path, 'count'], { min: 1, max: LIMITS.threatsPerWave, integer: true });
      if (count !== undefined) total += count;
      const launch = o.launch === undefined ? undefined : this.launch(o.launch, [...path, 'launch'], assets);
      const arrive = o.arrive === undefined ? undefined : this.window(o.arrive, [...path, 'arrive']);
      if (
        o.arrive !== undefined &&
        launch !== undefined &&
        isRecord(o.launch) &&
        (o.launch.between !== undefined || o.launch.at !== undefined)
      ) {
        this.r.error(
          [...path, 'arrive'],
          "give either a launch time ('launch.between' or 'launch.at') or an arrival window ('arrive'), not both",
        );
      }
      const aim = o.aim === undefined ? undefined : this.aim(o.aim, [...path, 'aim'], assets);
      const route = o.route === undefined ? [] : this.route(o.route, [...path, 'route'], assets);
      if (
        name === undefined ||
        type === undefined ||
        count === undefined ||
        launch === undefined ||
        aim === undefined ||
        route === undefined
      )
        return;
      let typeIndex = threatTypes.findIndex((t) => t.name === type.name);
      if (typeIndex < 0) typeIndex = threatTypes.push(type) - 1;
      waves.push({
        name,
        threatType: typeIndex,
        count,
        ...launch,
        ...(arrive ? { arrive } : {}),
        aim,
        route,
      });
    });
    if (total > LIMITS.threatsTotal) {
      this.r.error(['threats'], 'too many threats in all', {
        expected: `at most ${LIMITS.threatsTotal}`,
        found: String(total),
      });
    }
    return waves;
  }

  private launch(
    value: Raw,
    path: FieldPath,
    assets: readonly Asset[],
  ): Pick<Wave, 'launchCenter' | 'launchSpreadM' | 'launchFromS' | 'launchToS'> | undefined {
    const o = this.r.object(value, path, ['from', 'spread', 'between', 'at']);
    if (!o) return undefined;
    if (o.between !== undefined && o.at !== undefined)
      this.r.error([...path, 'at'], "give either 'between' or 'at', not both");
    if (!this.r.required(o, 'from', path)) return undefined;
    const center = this.position(o.from, [...path, 'from'], assets);
    const spread =
      o.spread === undefined
        ? 0
        : this.r.quantity(o.spread, [...path, 'spread'], 'length', { min: 0, max: 500_000 }, 'm');
    let fromS: number | undefined = 0;
    let toS: number | undefined = 0;
    if (o.between !== undefined) {
      const window = this.window(o.between, [...path, 'between']);
      if (window === undefined) return undefined;
      fromS = window.fromS;
      toS = window.toS;
    } else if (o.at !== undefined) {
      fromS = toS = this.time(o.at, [...path, 'at']);
    }
    if (center === undefined || spread === undefined || fromS === undefined || toS === undefined)
      return undefined;
    return { launchCenter: center, launchSpreadM: spread, launchFromS: fromS, launchToS: toS };
  }

  /** A time window: [first, last], each a clock time or an offset; first ≤ last. */
  private window(value: Raw, path: FieldPath): { fromS: number; toS: number } | undefined {
    if (!Array.isArray(value) || value.length !== 2) {
      this.r.error(path, 'not a time window', {
        expected: '[first, last] like [20:00, 21:30] or ["+0 min", "+90 min"]',
        found: describe(value),
      });
      return undefined;
    }
    const fromS = this.time(value[0], [...path, 0]);
    const toS = this.time(value[1], [...path, 1]);
    if (fromS === undefined || toS === undefined) return undefined;
    if (toS < fromS) {
      this.r.error(path, 'the window ends before it starts');
      return undefined;
    }
    return { fromS, toS };
  }

  /** A time of night: a clock time "21:30" (on the start's date, after midnight rolling on), or an offset "+90 min". */
  private time(value: Raw, path: FieldPath): number | undefined {
    if (typeof value === 'string') {
      const clock = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
      if (clock) {
        const minute = Number(clock[1]) * 60 + Number(clock[2]);
        if (Number(clock[1]) > 23 || Number(clock[2]) > 59) {
          this.r.error(path, 'not a clock time', {
            expected: 'hh:mm from 00:00 to 23:59',
            found: describe(value),
          });
          return undefined;
        }
        const offsetMin = (minute - this.startMinuteOfDay + 1440) % 1440;
        return offsetMin * 60;
      }
      if (/^\s*\+/.test(value))
        return this.r.quantity(value.trim().slice(1), path, 'time', { min: 0, max: LIMITS.durationS }, 's');
    }
    if (typeof value === 'number') return this.r.number(value, path, { min: 0, max: LIMITS.durationS });
    this.r.error(path, 'not a time', {
      expected: 'a clock time like 21:30 or an offset from the start like "+90 min"',
      found: describe(value),
    });
    return undefined;
  }

  private aim(value: Raw, path: FieldPath, assets: readonly Asset[]): Wave['aim'] | undefined {
    const names = assets.map((a) => a.name);
    const index = (name: Raw, p: FieldPath) => {
      const chosen = this.r.choice(name, p, names, 'asset');
      return chosen === undefined ? -1 : names.indexOf(chosen);
    };
    if (typeof value === 'string') {
      const a = index(value, path);
      return a < 0 ? undefined : [{ asset: a, weight: 1 }];
    }
    const o = this.r.object(value, path, ['weighted', 'at', 'all']);
    if (!o) return undefined;
    if (o.all === true) return assets.map((_, asset) => ({ asset, weight: 1 }));
    if (o.at !== undefined) {
      const list = this.r.list(o.at, [...path, 'at']);
      if (!list || list.length === 0) return undefined;
      const aims = list.map((n, k) => ({ asset: index(n, [...path, 'at', k]), weight: 1 }));
      return aims.every((a) => a.asset >= 0) ? aims : undefined;
    }
    if (o.weighted !== undefined) {
      const w = this.r.object(
        o.weighted,
        [...path, 'weighted'],
        Object.keys((o.weighted as RawObject) ?? {}),
      );
      if (!w) return undefined;
      const aims: Wave['aim'] = [];
      for (const [name, weight] of Object.entries(w)) {
        const a = index(name, [...path, 'weighted', name]);
        const wt = this.r.number(weight, [...path, 'weighted', name], { min: 0, max: 1e9 });
        if (a >= 0 && wt !== undefined) aims.push({ asset: a, weight: wt });
      }
      if (aims.length > 0 && aims.every((a) => a.weight === 0))
        this.r.error([...path, 'weighted'], 'all weights are zero');
      return aims.length > 0 ? aims : undefined;
    }
    this.r.error(path, 'no aim given', {
      expected: "an asset name, or one of 'at', 'weighted', 'all: true'",
    });
    return undefined;
  }

  /** Waypoints: positions, or `{ at, hold, radius }` to loiter there circling before flying on. */
  private route(value: Raw, path: FieldPath, assets: readonly Asset[]): RoutePoint[] | undefined {
    const list = this.r.list(value, path);
    if (!list) return undefined;
    if (list.length > LIMITS.routePoints) {
      this.r.error(path, 'too many waypoints', {
        expected: `at most ${LIMITS.routePoints}`,
        found: String(list.length),
      });
      return undefined;
    }
    const points = list.map((p, k): RoutePoint | undefined => {
      const at = [...path, k];
      if (!isRecord(p)) {
        const position = this.position(p, at, assets);
        return position && { ...position, holdS: 0, orbitRadiusM: 0 };
      }
      const o = this.r.object(p, at, ['at', 'hold', 'radius']);
      if (!o || !this.r.required(o, 'at', at)) return undefined;
      const position = this.position(o.at, [...at, 'at'], assets);
      const holdS =
        o.hold === undefined
          ? 0
          : this.r.quantity(o.hold, [...at, 'hold'], 'time', { min: 0, max: LIMITS.durationS }, 's');
      const orbitRadiusM =
        o.radius === undefined
          ? 3000
          : this.r.quantity(o.radius, [...at, 'radius'], 'length', { above: 0, max: 100_000 }, 'm');
      if (position === undefined || holdS === undefined || orbitRadiusM === undefined) return undefined;
      return { ...position, holdS, orbitRadiusM };
    });
    return points.every((p) => p !== undefined) ? (points as RoutePoint[]) : undefined;
  }
}

const THREAT_OVERRIDES = [
  'speed',
  'altitude',
  'warhead',
  'cost',
  'decoy',
  'range',
  'dive',
  'ewSusceptibility',
];

const BLANK_THREAT: ThreatType = {
  name: '',
  kind: 'unknown',
  speedMps: 50,
  cruiseAltitudeM: 500,
  warheadKg: 0,
  unitCost: 0,
  decoy: false,
  rangeM: 2_000_000,
  diveAngleRad: Math.PI / 6,
  ewSusceptibility: 1,
};

function fromCatalog(entry: CatalogEntry): ThreatType {
  return {
    name: entry.name,
    kind: threatKind(entry),
    speedMps: typical(entry, 'speed'),
    cruiseAltitudeM: typical(entry, 'altitude'),
    warheadKg: typical(entry, 'warhead', 0),
    unitCost: typical(entry, 'cost', 0),
    decoy: entry.decoy === true,
    rangeM: typical(entry, 'range', BLANK_THREAT.rangeM),
    diveAngleRad: typical(entry, 'dive', BLANK_THREAT.diveAngleRad),
    ewSusceptibility: typical(entry, 'ew-susceptibility', 1),
  };
}

function threatKind(entry: CatalogEntry): ThreatKind {
  const kind = THREAT_KINDS.find((k) => k === entry.kind);
  if (!kind)
    throw new Error(
      `catalog: threat ${entry.name} has kind '${entry.kind}', not one of ${THREAT_KINDS.join(', ')}`,
    );
  return kind;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
