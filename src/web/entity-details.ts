// What the console says about one thing on the map at the current moment — a threat, a track, an
// interceptor in flight, a defender unit or an asset: its type, speed, altitude and heading from
// the sampled frames, its target and time to get there, who is engaging it, track quality, stock
// left. Pure: read from the replay (its event log and samples) alone.

import type { SimEvent } from '../model/events.js';
import {
  FLIGHT_STRIDE,
  THREAT_STRIDE,
  TRACK_STRIDE,
  UNIT_STRIDE,
  type TrajectoryFrame,
} from '../model/trajectory.js';
import type { Pairings } from './pairings.js';
import type { Replay } from './replay.js';
import { clockLabel } from './scenario-clock.js';
import { trackIsHostile } from './symbols.js';

export type PickKind = 'threat' | 'track' | 'flight' | 'unit' | 'asset';
export interface Picked {
  kind: PickKind;
  /** Threat, track or flight id; unit or asset index. */
  id: number;
}

export interface Details {
  title: string;
  rows: [string, string][];
}

/** Where something sampled was at t and how it moved: local metres, m/s. */
interface Motion {
  e: number;
  n: number;
  u: number;
  ve: number;
  vn: number;
  /** The rest of the sampled row at the nearer frame (track sigma, decoy percent; unit mode). */
  row: number[];
}

type Layer = 'threats' | 'flights' | 'tracks' | 'units';
const LAYOUT: Record<Layer, { stride: number; e: number; u: number }> = {
  threats: { stride: THREAT_STRIDE, e: 1, u: 3 },
  flights: { stride: FLIGHT_STRIDE, e: 2, u: 4 },
  tracks: { stride: TRACK_STRIDE, e: 1, u: -1 },
  units: { stride: UNIT_STRIDE, e: 1, u: 3 },
};

function rowOf(frame: TrajectoryFrame, layer: Layer, id: number): number[] | undefined {
  const flat = frame[layer];
  if (!flat) return undefined;
  const { stride } = LAYOUT[layer];
  let lo = 0;
  let hi = flat.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = flat[mid * stride];
    if (at === id) return flat.slice(mid * stride, (mid + 1) * stride);
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Position at t between the frames around it, and the velocity between the two nearest frames that hold it. */
export function motionAt(
  frames: readonly TrajectoryFrame[],
  layer: Layer,
  id: number,
  t: number,
): Motion | undefined {
  let lo = 0;
  let hi = frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  const { e, u } = LAYOUT[layer];
  for (const [i, j] of [
    [k, k + 1],
    [k - 1, k],
    [k + 1, k + 2],
  ]) {
    if (i < 0 || j >= frames.length) continue;
    const a = rowOf(frames[i], layer, id);
    const b = rowOf(frames[j], layer, id);
    if (!a || !b) continue;
    const dt = frames[j].t - frames[i].t;
    const w = Math.max(0, Math.min(1, (t - frames[i].t) / dt));
    const lerp = (x: number) => a[x] + (b[x] - a[x]) * w;
    return {
      e: lerp(e),
      n: lerp(e + 1),
      u: u >= 0 ? lerp(u) : NaN,
      ve: (b[e] - a[e]) / dt,
      vn: (b[e + 1] - a[e + 1]) / dt,
      row: w < 0.5 ? a : b,
    };
  }
  return undefined;
}

type Launch = Extract<SimEvent, { kind: 'threat-launch' }>;
const launches = new WeakMap<Replay, Launch[]>();
function launchOf(replay: Replay, threat: number): Launch | undefined {
  let list = launches.get(replay);
  if (!list) {
    list = [];
    for (const e of replay.events) if (e.kind === 'threat-launch') list[e.threat] = e;
    launches.set(replay, list);
  }
  return list[threat];
}

const kmh = (mps: number) => `${Math.round(mps * 3.6)} km/h`;
const km = (m: number) => (m < 10_000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m / 1000)} km`);
const heading = (m: Motion) =>
  `${String(Math.round(((Math.atan2(m.ve, m.vn) * 180) / Math.PI + 360) % 360)).padStart(3, '0')}°`;
const mmss = (s: number) => `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;

function motionRows(m: Motion | undefined): [string, string][] {
  if (!m) return [];
  const rows: [string, string][] = [
    ['speed', kmh(Math.hypot(m.ve, m.vn))],
    ['heading', heading(m)],
  ];
  if (Number.isFinite(m.u)) rows.splice(1, 0, ['altitude', `${Math.round(m.u)} m`]);
  return rows;
}

/** Distance from a sampled place to a point of the local frame, and the time to it at the current speed. */
function goingTo(m: Motion | undefined, e: number, n: number): [string, string][] {
  if (!m) return [];
  const d = Math.hypot(e - m.e, n - m.n);
  const v = Math.hypot(m.ve, m.vn);
  return [
    ['distance', km(d)],
    ['time to get there', v > 1 ? `≈ ${mmss(d / v)}` : '—'],
  ];
}

/** Flights in the air at t sent after `track`, by unit: "north-interceptors (2)". */
function engagedBy(replay: Replay, pairings: Pairings, track: number, t: number): string {
  const byUnit = new Map<string, number>();
  for (const flight of replay.flightsInAir(t)) {
    if (pairings.targetAt(flight, t) !== track) continue;
    const name = replay.bases[replay.flightUnit[flight]]?.name ?? '?';
    byUnit.set(name, (byUnit.get(name) ?? 0) + 1);
  }
  return byUnit.size === 0
    ? 'no one yet'
    : [...byUnit].map(([u, n]) => (n > 1 ? `${u} (${n})` : u)).join(', ');
}

const WEAPON: Record<string, string> = {
  'interceptor-drone': 'interceptor drone',
  sam: 'surface-to-air missile',
  jet: 'air-to-air missile',
};

export function describeEntity(
  replay: Replay,
  pairings: Pairings,
  picked: Picked,
  t: number,
): Details | undefined {
  const frames = replay.log.samples?.frames ?? [];
  const scenario = replay.scenario;
  switch (picked.kind) {
    case 'threat': {
      const launch = launchOf(replay, picked.id);
      if (!launch) return undefined;
      const type = scenario.threatTypes[replay.threatType[picked.id]];
      const m = motionAt(frames, 'threats', picked.id, t);
      const aim = scenario.assets.find((a) => a.name === launch.aim);
      return {
        title: `${launch.type} #${picked.id}${type?.decoy ? ' (decoy)' : ''}`,
        rows: [
          ['wave', launch.wave],
          ['launched', clockLabel(scenario.startIso, launch.t)],
          ...motionRows(m),
          ['target', launch.aim],
          ...(aim
            ? goingTo(m, aim.position.e, aim.position.n).map(([k, v]): [string, string] => [
                k === 'time to get there' ? 'time to impact' : k,
                v,
              ])
            : []),
          ...(replay.hasTracks
            ? []
            : ([['engaged by', engagedBy(replay, pairings, picked.id, t)]] as [string, string][])),
        ],
      };
    }
    case 'track': {
      const m = motionAt(frames, 'tracks', picked.id, t);
      const sigma = m ? m.row[3] : NaN;
      const decoy = m ? m.row[4] : NaN;
      return {
        title: `track #${picked.id}`,
        rows: [
          ['identity', m && trackIsHostile(decoy, sigma) ? 'hostile' : 'unknown'],
          [
            'track quality',
            Number.isFinite(sigma) ? `σ ${sigma < 1000 ? `${Math.round(sigma)} m` : km(sigma)}` : '—',
          ],
          ['decoy probability', Number.isFinite(decoy) ? `${Math.round(decoy)}%` : '—'],
          ...motionRows(m),
          ['engaged by', engagedBy(replay, pairings, picked.id, t)],
        ],
      };
    }
    case 'flight': {
      const unit = scenario.defenders[replay.flightUnit[picked.id]];
      const m = motionAt(frames, 'flights', picked.id, t);
      const track = pairings.targetAt(picked.id, t);
      const target =
        track < 0 ? undefined : motionAt(frames, replay.hasTracks ? 'tracks' : 'threats', track, t);
      return {
        title: `${unit?.name ?? '?'} flight ${picked.id}`,
        rows: [
          ['weapon', `${WEAPON[unit?.kind ?? ''] ?? unit?.kind ?? '?'} (${unit?.catalogType ?? '?'})`],
          ...motionRows(m),
          ['target', track < 0 ? 'none (returning)' : `${replay.hasTracks ? 'track' : 'threat'} #${track}`],
          ...(target
            ? goingTo(m, target.e, target.n).map(([k, v]): [string, string] => [
                k === 'time to get there' ? 'time to intercept' : k,
                v,
              ])
            : []),
        ],
      };
    }
    case 'unit': {
      const unit = scenario.defenders[picked.id];
      if (!unit) return undefined;
      const s = replay.unitStatusAt(picked.id, t);
      const guided = unit.kind !== 'gun' && unit.kind !== 'fire-group';
      return {
        title: unit.name,
        rows: [
          ['type', `${unit.kind} (${unit.catalogType})`],
          [guided ? 'weapons left' : 'rounds left', `${s.left} of ${unit.stock + s.delivered}`],
          ...(guided ? ([['in the air', String(s.inAir)]] as [string, string][]) : []),
          ['engagements', String(s.engagements)],
          ['kills', String(s.kills)],
        ],
      };
    }
    case 'asset': {
      const asset = scenario.assets[picked.id];
      if (!asset) return undefined;
      const hit = replay.outcomeAt(t).assetsHit.find((a) => a.name === asset.name);
      let aimed = 0;
      for (const threat of replay.threatsInAir(t)) if (launchOf(replay, threat)?.aim === asset.name) aimed++;
      return {
        title: asset.name,
        rows: [
          ['kind', asset.kind],
          ['value', String(asset.value)],
          [
            'damage',
            hit
              ? `${Math.round(hit.damageFraction * 100)}% (${hit.hits} hit${hit.hits > 1 ? 's' : ''})`
              : 'none',
          ],
          ['people served', asset.people.toLocaleString('en')],
          ['threats in the air aimed at it', String(aimed)],
        ],
      };
    }
  }
}
