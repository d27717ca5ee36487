// The `sensors:` and `tracking:` sections of a scenario: each sensor model's fields, their units,
// defaults (the catalog's `sensors` section) and bounds; node and post layouts (listed, on a grid,
// along a line by spacing).

import type { Enu } from '../core/geo.js';
import {
  NOISE_CLASSES,
  TRACKER_MOTIONS,
  type AcousticSpec,
  type ClassConfusion,
  type NoiseClass,
  type ObserverSpec,
  type RadarSpec,
  type SensorSpec,
  type ThreatType,
  type TrackingSpec,
} from '../model/scenario.js';
import type { FieldPath } from './issue.js';
import { LIMITS } from './limits.js';
import type { Bounds, Raw, RawObject, Reader } from './reader.js';
import { sensorFigure } from './sensor-defaults.js';
import { HEARING_RANGE_M, signatureOf } from './signatures.js';

export const SENSOR_TYPE_NAMES = ['ideal', 'radar', 'acoustic', 'observer'] as const;
export const TRACKER_TYPE_NAMES = ['pass-through', 'gnn'] as const;

/** Nodes or posts one sensor may lay out: beyond this a layout is surely a unit mistake. */
export const MAX_NODES_PER_SENSOR = 200_000;

export interface SensorContext {
  stepS: number;
  threatTypes: readonly ThreatType[];
  /** Resolves a position field ([lat, lon], [lat, lon, alt] or a place/asset name). */
  position(value: Raw, path: FieldPath): Enu | undefined;
}

const COMMON = ['type', 'name', 'scanPeriod'];
const FIELDS: Record<(typeof SENSOR_TYPE_NAMES)[number], string[]> = {
  ideal: COMMON,
  radar: [
    ...COMMON,
    'at',
    'antennaHeight',
    'latency',
    'range',
    'referenceSnrDb',
    'referenceRange',
    'referenceRcsM2',
    'pfa',
    'rangeError',
    'bearingError',
    'elevationError',
    'clutterPerScan',
    'rcsM2',
    'classify',
  ],
  acoustic: [
    ...COMMON,
    'nodes',
    'latency',
    'hearingRange',
    'pdNode',
    'report',
    'bearingError',
    'noise',
    'classify',
  ],
  observer: [...COMMON, 'posts', 'sightingRange', 'sightingsPerMinute', 'positionError', 'delay', 'classify'],
};

export function parseSensors(r: Reader, value: Raw, ctx: SensorContext): SensorSpec[] {
  if (value === undefined) return [{ type: 'ideal', name: 'ideal', scanPeriodS: ctx.stepS }];
  const list = r.list(value, ['sensors']);
  if (!list) return [];
  if (list.length > LIMITS.sensors)
    r.error(['sensors'], 'too many sensors', {
      expected: `at most ${LIMITS.sensors}`,
      found: String(list.length),
    });
  const sensors: SensorSpec[] = [];
  list.forEach((item, i) => {
    const path = ['sensors', i];
    const peek =
      item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as RawObject) : undefined;
    const type =
      peek?.type === undefined
        ? undefined
        : r.choice(peek.type, [...path, 'type'], SENSOR_TYPE_NAMES, 'sensor type');
    const o = r.object(item, path, type ? FIELDS[type] : [...new Set(Object.values(FIELDS).flat())]);
    if (!o || !r.required(o, 'type', path) || type === undefined) return;
    const name = o.name === undefined ? `${type}-${i + 1}` : r.string(o.name, [...path, 'name']);
    if (name !== undefined && sensors.some((s) => s.name === name))
      r.error([...path, 'name'], `duplicate sensor name '${name}'`);
    const fields = new Fields(r, o, path);
    const defaultPeriod = type === 'ideal' ? ctx.stepS : sensorFigure(type, 'scan-period');
    const scanPeriodS = fields.time('scanPeriod', defaultPeriod, { above: 0, max: 3600 });
    let spec: SensorSpec | undefined;
    if (name === undefined || scanPeriodS === undefined) return;
    if (type === 'ideal') spec = { type, name, scanPeriodS };
    else if (type === 'radar') spec = radar(fields, name, scanPeriodS, ctx);
    else if (type === 'acoustic') spec = acoustic(fields, name, scanPeriodS, ctx);
    else spec = observer(fields, name, scanPeriodS, ctx);
    if (spec) sensors.push(spec);
  });
  return sensors;
}

type QuantityBounds = { above?: number; min?: number; max: number };

/** Typed field access with defaults for one sensor's mapping. */
class Fields {
  constructor(
    readonly r: Reader,
    readonly o: RawObject,
    readonly path: FieldPath,
  ) {}

  at(key: string): FieldPath {
    return [...this.path, key];
  }

  time(key: string, fallback: number, bounds: QuantityBounds): number | undefined {
    return this.quantity(key, 'time', fallback, bounds, 's');
  }

  length(key: string, fallback: number, bounds: QuantityBounds): number | undefined {
    return this.quantity(key, 'length', fallback, bounds, 'm');
  }

  private quantity(
    key: string,
    dimension: 'time' | 'length',
    fallback: number,
    bounds: QuantityBounds,
    siUnit: string,
  ): number | undefined {
    return this.o[key] === undefined
      ? fallback
      : this.r.quantity(this.o[key], this.at(key), dimension, bounds, siUnit);
  }

  angle(key: string, fallbackRad: number, maxDeg: number): number | undefined {
    return this.o[key] === undefined
      ? fallbackRad
      : this.r.quantity(
          this.o[key],
          this.at(key),
          'angle',
          { above: 0, max: (maxDeg * Math.PI) / 180 },
          'rad',
        );
  }

  number(key: string, fallback: number, bounds: Bounds): number | undefined {
    return this.o[key] === undefined ? fallback : this.r.number(this.o[key], this.at(key), bounds);
  }

  classify(): ClassConfusion | undefined | null {
    const value = this.o.classify;
    if (value === undefined) return undefined;
    const path = this.at('classify');
    const c = this.r.object(value, path, ['decoyAsDecoy', 'threatAsDecoy']);
    if (!c) return null;
    this.r.required(c, 'decoyAsDecoy', path);
    this.r.required(c, 'threatAsDecoy', path);
    const a =
      c.decoyAsDecoy === undefined
        ? undefined
        : this.r.number(c.decoyAsDecoy, [...path, 'decoyAsDecoy'], { min: 0, max: 1 });
    const b =
      c.threatAsDecoy === undefined
        ? undefined
        : this.r.number(c.threatAsDecoy, [...path, 'threatAsDecoy'], { min: 0, max: 1 });
    if (a === undefined || b === undefined) return null;
    return { decoyAsDecoy: a, threatAsDecoy: b };
  }

  /** A mapping by threat type name (or catalog base name) with an optional `default`. */
  byThreatType<T>(
    key: string,
    threatTypes: readonly ThreatType[],
    fallback: (t: ThreatType) => T,
    read: (value: Raw, path: FieldPath) => T | undefined,
  ): T[] | undefined {
    const value = this.o[key];
    if (value === undefined) return threatTypes.map(fallback);
    const path = this.at(key);
    const names = [
      ...new Set([...threatTypes.map((t) => t.name), ...threatTypes.map((t) => t.name.split('@')[0])]),
    ];
    const o = this.r.object(value, path, [...names, 'default']);
    if (!o) return undefined;
    const byName = new Map<string, T>();
    for (const [name, v] of Object.entries(o)) {
      const x = read(v, [...path, name]);
      if (x !== undefined) byName.set(name, x);
    }
    const def = byName.get('default');
    return threatTypes.map(
      (t) => byName.get(t.name) ?? byName.get(t.name.split('@')[0]) ?? def ?? fallback(t),
    );
  }
}

function radar(f: Fields, name: string, scanPeriodS: number, ctx: SensorContext): RadarSpec | undefined {
  const r = f.r;
  if (!r.required(f.o, 'at', f.path)) return undefined;
  const position = ctx.position(f.o.at, f.at('at'));
  const d = (figure: string) => sensorFigure('radar', figure);
  const antennaHeightM = f.length('antennaHeight', d('antenna-height'), { min: 0, max: 5000 });
  const latencyS = f.time('latency', d('latency'), { min: 0, max: 3600 });
  const rangeM = f.length('range', d('range'), { above: 0, max: 1_000_000 });
  const snrDb = f.number('referenceSnrDb', d('reference-snr-db'), { min: -30, max: 100 });
  const referenceRangeM = f.length('referenceRange', d('reference-range'), { above: 0, max: 1_000_000 });
  const referenceRcsM2 = f.number('referenceRcsM2', d('reference-rcs'), { above: 0, max: 10_000 });
  const pfa = f.number('pfa', d('pfa'), { above: 0, max: 0.1 });
  const rangeSigmaM = f.length('rangeError', d('range-error'), { min: 0, max: 10_000 });
  const bearingSigmaRad = f.angle('bearingError', d('bearing-error'), 30);
  const elevationSigmaRad = f.angle('elevationError', d('elevation-error'), 30);
  const clutterPerScan = f.number('clutterPerScan', d('clutter-per-scan'), { min: 0, max: 100_000 });
  const rcs = f.byThreatType(
    'rcsM2',
    ctx.threatTypes,
    (t) => signatureOf(t.name).rcsM2,
    (v, p) => r.number(v, p, { above: 0, max: 10_000 }),
  );
  const classify = f.classify();
  if (
    position === undefined ||
    antennaHeightM === undefined ||
    latencyS === undefined ||
    rangeM === undefined ||
    snrDb === undefined ||
    referenceRangeM === undefined ||
    referenceRcsM2 === undefined ||
    pfa === undefined ||
    rangeSigmaM === undefined ||
    bearingSigmaRad === undefined ||
    elevationSigmaRad === undefined ||
    clutterPerScan === undefined ||
    rcs === undefined ||
    classify === null
  )
    return undefined;
  return {
    type: 'radar',
    name,
    position,
    antennaHeightM,
    scanPeriodS,
    latencyS,
    rangeM,
    referenceSnr: 10 ** (snrDb / 10),
    referenceRangeM,
    referenceRcsM2,
    pfa,
    rangeSigmaM,
    bearingSigmaRad,
    elevationSigmaRad,
    clutterPerScan,
    rcsM2ByThreatType: rcs,
    ...(classify ? { classify } : {}),
  };
}

function acoustic(
  f: Fields,
  name: string,
  scanPeriodS: number,
  ctx: SensorContext,
): AcousticSpec | undefined {
  const r = f.r;
  if (!r.required(f.o, 'nodes', f.path)) return undefined;
  const nodes = layout(r, f.o.nodes, f.at('nodes'), ctx);
  const d = (figure: string) => sensorFigure('acoustic', figure);
  const latencyS = f.time('latency', d('latency'), { min: 0, max: 3600 });
  // Hearing range by noise class, then a noise class per threat type (overridable).
  let ranges: Record<NoiseClass, number> | undefined = { ...HEARING_RANGE_M };
  if (f.o.hearingRange !== undefined) {
    const path = f.at('hearingRange');
    const o = r.object(f.o.hearingRange, path, [...NOISE_CLASSES]);
    if (!o) ranges = undefined;
    else
      for (const c of NOISE_CLASSES) {
        if (o[c] === undefined || !ranges) continue;
        const v = r.quantity(o[c], [...path, c], 'length', { above: 0, max: 100_000 }, 'm');
        if (v === undefined) ranges = undefined;
        else ranges[c] = v;
      }
  }
  const noise = f.byThreatType<NoiseClass>(
    'noise',
    ctx.threatTypes,
    (t) => signatureOf(t.name).noise,
    (v, p) => r.choice(v, p, NOISE_CLASSES, 'engine-noise class'),
  );
  const pdNode = f.number('pdNode', d('pd-node'), { min: 0, max: 1 });
  const report =
    f.o.report === undefined
      ? 'position'
      : r.choice(f.o.report, f.at('report'), ['position', 'bearing'] as const, 'report kind');
  const bearingSigmaRad = f.angle('bearingError', d('bearing-error'), 90);
  const classify = f.classify();
  if (
    !nodes ||
    latencyS === undefined ||
    !ranges ||
    !noise ||
    pdNode === undefined ||
    report === undefined ||
    bearingSigmaRad === undefined ||
    classify === null
  )
    return undefined;
  const hearing = ranges;
  return {
    type: 'acoustic',
    name,
    nodeE: nodes.e,
    nodeN: nodes.n,
    scanPeriodS,
    latencyS,
    hearingRangeMByThreatType: noise.map((c) => hearing[c]),
    pdNode,
    report,
    bearingSigmaRad,
    ...(classify ? { classify } : {}),
  };
}

function observer(
  f: Fields,
  name: string,
  scanPeriodS: number,
  ctx: SensorContext,
): ObserverSpec | undefined {
  const r = f.r;
  if (!r.required(f.o, 'posts', f.path)) return undefined;
  const posts = layout(r, f.o.posts, f.at('posts'), ctx);
  const d = (figure: string) => sensorFigure('observer', figure);
  const sightingRangeM = f.length('sightingRange', d('sighting-range'), { above: 0, max: 100_000 });
  const perMinute = f.number('sightingsPerMinute', d('sightings-per-minute'), { above: 0, max: 600 });
  const positionSigmaM = f.length('positionError', d('position-error'), { min: 0, max: 100_000 });
  let delayMinS: number | undefined = d('delay-min');
  let delayMaxS: number | undefined = d('delay-max');
  if (f.o.delay !== undefined) {
    const path = f.at('delay');
    const v = f.o.delay;
    if (Array.isArray(v) && v.length === 2) {
      delayMinS = r.quantity(v[0], [...path, 0], 'time', { min: 0, max: 86_400 }, 's');
      delayMaxS = r.quantity(v[1], [...path, 1], 'time', { min: 0, max: 86_400 }, 's');
      if (delayMinS !== undefined && delayMaxS !== undefined && delayMaxS < delayMinS) {
        r.error(path, 'delay range reversed', { expected: '[shortest, longest]' });
        delayMaxS = undefined;
      }
    } else {
      delayMinS = delayMaxS = r.quantity(v, path, 'time', { min: 0, max: 86_400 }, 's');
    }
  }
  const classify = f.classify();
  if (
    !posts ||
    sightingRangeM === undefined ||
    perMinute === undefined ||
    positionSigmaM === undefined ||
    delayMinS === undefined ||
    delayMaxS === undefined ||
    classify === null
  )
    return undefined;
  return {
    type: 'observer',
    name,
    postE: posts.e,
    postN: posts.n,
    scanPeriodS,
    sightingRangeM,
    sightingRatePerS: perMinute / 60,
    positionSigmaM,
    delayMinS,
    delayMaxS,
    ...(classify ? { classify } : {}),
  };
}

/**
 * Node or post layout: a list whose items are positions, `{grid: {from, to, spacing}}` (the
 * rectangle between two corners, filled row by row) or `{line: {path: [p1, p2, ...], spacing}}`
 * (points every `spacing` along the path, ends included).
 */
function layout(
  r: Reader,
  value: Raw,
  path: FieldPath,
  ctx: SensorContext,
): { e: number[]; n: number[] } | undefined {
  const list = r.list(value, path);
  if (!list) return undefined;
  const e: number[] = [];
  const n: number[] = [];
  let ok = true;
  const push = (x: number, y: number): boolean => {
    if (e.length >= MAX_NODES_PER_SENSOR) return false;
    e.push(x);
    n.push(y);
    return true;
  };
  list.forEach((item, i) => {
    const p = [...path, i];
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const o = r.object(item, p, ['grid', 'line']);
      if (!o) return (ok = false);
      if (o.grid !== undefined) {
        const g = r.object(o.grid, [...p, 'grid'], ['from', 'to', 'spacing']);
        if (!g || !['from', 'to', 'spacing'].every((k) => r.required(g, k, [...p, 'grid'])))
          return (ok = false);
        const a = ctx.position(g.from, [...p, 'grid', 'from']);
        const b = ctx.position(g.to, [...p, 'grid', 'to']);
        const s = r.quantity(
          g.spacing,
          [...p, 'grid', 'spacing'],
          'length',
          { above: 0, max: 1_000_000 },
          'm',
        );
        if (!a || !b || s === undefined) return (ok = false);
        const x0 = Math.min(a.e, b.e);
        const y0 = Math.min(a.n, b.n);
        const cols = Math.floor((Math.max(a.e, b.e) - x0) / s) + 1;
        const rows = Math.floor((Math.max(a.n, b.n) - y0) / s) + 1;
        if (cols * rows + e.length > MAX_NODES_PER_SENSOR) {
          r.error([...p, 'grid', 'spacing'], 'too many nodes', {
            expected: `at most ${MAX_NODES_PER_SENSOR} in one sensor`,
            found: `${cols * rows} from this grid`,
          });
          return (ok = false);
        }
        for (let row = 0; row < rows; row++)
          for (let col = 0; col < cols; col++) push(x0 + col * s, y0 + row * s);
      } else if (o.line !== undefined) {
        const l = r.object(o.line, [...p, 'line'], ['path', 'spacing']);
        if (!l || !['path', 'spacing'].every((k) => r.required(l, k, [...p, 'line']))) return (ok = false);
        const pts = r.list(l.path, [...p, 'line', 'path']);
        const s = r.quantity(
          l.spacing,
          [...p, 'line', 'spacing'],
          'length',
          { above: 0, max: 1_000_000 },
          'm',
        );
        if (!pts || s === undefined) return (ok = false);
        if (pts.length < 2) {
          r.error([...p, 'line', 'path'], 'a line needs at least two points');
          return (ok = false);
        }
        const enu = pts.map((q, k) => ctx.position(q, [...p, 'line', 'path', k]));
        if (enu.some((q) => q === undefined)) return (ok = false);
        let carry = 0; // distance already walked past the last node
        push(enu[0]!.e, enu[0]!.n);
        for (let k = 1; k < enu.length; k++) {
          const a = enu[k - 1]!;
          const b = enu[k]!;
          const len = Math.hypot(b.e - a.e, b.n - a.n);
          let d = s - carry;
          while (d <= len + 1e-9) {
            if (!push(a.e + ((b.e - a.e) * d) / len, a.n + ((b.n - a.n) * d) / len)) {
              r.error([...p, 'line', 'spacing'], 'too many nodes', {
                expected: `at most ${MAX_NODES_PER_SENSOR} in one sensor`,
              });
              return (ok = false);
            }
            d += s;
          }
          carry = len - (d - s);
        }
        if (carry > 1e-6) {
          const last = enu[enu.length - 1]!;
          push(last.e, last.n);
        }
      } else {
        r.error(p, 'empty layout', { expected: 'grid or line' });
        return (ok = false);
      }
    } else {
      const q = ctx.position(item, p);
      if (!q) return (ok = false);
      push(q.e, q.n);
    }
    return true;
  });
  if (ok && e.length === 0) {
    r.error(path, 'no nodes', { expected: 'at least one position, grid or line' });
    return undefined;
  }
  return ok ? { e, n } : undefined;
}

/** The `tracking:` section; absent → pass-through when every sensor is ideal, GNN otherwise. */
/** Tracker settings for simulated sensors: manoeuvring drones, mixed sensors, late reports. */
export const DEFAULT_TRACKING: TrackingSpec = {
  type: 'gnn',
  gate: 4,
  missCost: 4,
  processNoise: 4,
  initialSpeedSigmaMps: 100,
  confirmHits: 3,
  confirmWindow: 5,
  tentativeMaxMisses: 2,
  deleteAfterMisses: 3,
  maxCoastS: 60,
  motion: 'cv',
  scoreCutoffM: 1000,
  scoreP: 1,
};

export function parseTracking(
  r: Reader,
  value: Raw,
  sensors: readonly SensorSpec[],
): TrackingSpec | undefined {
  const defaults: TrackingSpec = {
    ...DEFAULT_TRACKING,
    type: sensors.every((s) => s.type === 'ideal') ? 'pass-through' : 'gnn',
  };
  if (value === undefined) return defaults.type === 'pass-through' ? undefined : defaults;
  const path = ['tracking'];
  const o = r.object(value, path, [
    'type',
    'gate',
    'missCost',
    'processNoise',
    'initialSpeedSigma',
    'confirm',
    'tentativeMisses',
    'deleteMisses',
    'maxCoast',
    'motion',
    'score',
  ]);
  if (!o) return undefined;
  const f = new Fields(r, o, path);
  const type =
    o.type === undefined
      ? defaults.type
      : r.choice(o.type, ['tracking', 'type'], TRACKER_TYPE_NAMES, 'tracker type');
  const gate = f.number('gate', defaults.gate, { above: 0, max: 100 });
  const missCost = f.number('missCost', defaults.missCost, { above: 0, max: 100 });
  const processNoise = f.number('processNoise', defaults.processNoise, { min: 0, max: 10_000 });
  const initialSpeedSigmaMps =
    o.initialSpeedSigma === undefined
      ? defaults.initialSpeedSigmaMps
      : r.quantity(
          o.initialSpeedSigma,
          ['tracking', 'initialSpeedSigma'],
          'speed',
          { above: 0, max: 3000 },
          'm/s',
        );
  let confirmHits: number | undefined = defaults.confirmHits;
  let confirmWindow: number | undefined = defaults.confirmWindow;
  if (o.confirm !== undefined) {
    const m = typeof o.confirm === 'string' ? /^\s*(\d+)\s*(?:of|\/)\s*(\d+)\s*$/.exec(o.confirm) : null;
    confirmHits = m ? Number(m[1]) : undefined;
    confirmWindow = m ? Number(m[2]) : undefined;
    if (!m || confirmHits! < 1 || confirmWindow! < confirmHits! || confirmWindow! > 32) {
      r.error(['tracking', 'confirm'], 'not an M-of-N rule', {
        expected: "'M of N' with 1 ≤ M ≤ N ≤ 32, like '3 of 5'",
      });
      confirmHits = undefined;
    }
  }
  const tentativeMaxMisses = f.number('tentativeMisses', defaults.tentativeMaxMisses, {
    min: 1,
    max: 1000,
    integer: true,
  });
  const deleteAfterMisses = f.number('deleteMisses', defaults.deleteAfterMisses, {
    min: 1,
    max: 1000,
    integer: true,
  });
  const maxCoastS = f.time('maxCoast', defaults.maxCoastS, { above: 0, max: 86_400 });
  const motion =
    o.motion === undefined
      ? defaults.motion
      : r.choice(o.motion, ['tracking', 'motion'], TRACKER_MOTIONS, 'motion model');
  let scoreCutoffM: number | undefined = defaults.scoreCutoffM;
  let scoreP: number | undefined = defaults.scoreP;
  if (o.score !== undefined) {
    const so = r.object(o.score, ['tracking', 'score'], ['cutoff', 'p']);
    const sf = so ? new Fields(r, so, ['tracking', 'score']) : undefined;
    scoreCutoffM = sf?.length('cutoff', defaults.scoreCutoffM, { above: 0, max: 1_000_000 });
    scoreP = sf?.number('p', defaults.scoreP, { min: 1, max: 10 });
  }
  if (
    type === undefined ||
    gate === undefined ||
    missCost === undefined ||
    processNoise === undefined ||
    initialSpeedSigmaMps === undefined ||
    confirmHits === undefined ||
    confirmWindow === undefined ||
    tentativeMaxMisses === undefined ||
    deleteAfterMisses === undefined ||
    maxCoastS === undefined ||
    motion === undefined ||
    scoreCutoffM === undefined ||
    scoreP === undefined ||
    scoreCutoffM === undefined ||
    scoreP === undefined
  )
    return undefined;
  return {
    type,
    gate,
    missCost,
    processNoise,
    initialSpeedSigmaMps,
    confirmHits,
    confirmWindow,
    tentativeMaxMisses,
    deleteAfterMisses,
    maxCoastS,
    motion,
    scoreCutoffM,
    scoreP,
  };
}
