// A finished run seen at any moment: where every threat, interceptor flight, defender unit and
// track is (interpolated between sampled frames, from launch to end), which events have happened,
// what the outcome measures are so far. Pure; the map and panels read from it.

import { LocalFrame } from '../core/geo.js';
import type { RunLog, SimEvent } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { DefenderKind, Scenario } from '../model/scenario.js';
import { FLIGHT_STRIDE, THREAT_STRIDE, TRACK_STRIDE, UNIT_STRIDE } from '../model/trajectory.js';
import { computeOutcome } from '../metrics/index.js';

export interface LatLonPoint {
  lat: number;
  lon: number;
}

/** One sampled frame in geographic coordinates, ids ascending. */
interface GeoFrame {
  t: number;
  ids: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Tracks: one-sigma position error, m; else 0. */
  sigma: Float64Array | undefined;
  /** Tracks: decoy probability in percent; units: their mode; else 0. */
  tag: Uint8Array | undefined;
}

/** Where and when an entity starts and ends, from the event log. */
interface Lifetime {
  t0: number;
  lat0: number;
  lon0: number;
  t1: number;
  /** Where it ends (intercept point, asset hit, base); NaN to hold its last sampled position. */
  lat1: number;
  lon1: number;
}

/** Positions of one class of entity at the current moment; arrays reused between calls. */
export class EntityPositions {
  count = 0;
  ids = new Int32Array(64);
  lat = new Float64Array(64);
  lon = new Float64Array(64);
  /** Tracks: one-sigma horizontal position error, m. */
  sigma = new Float64Array(64);
  /** Tracks: decoy probability in percent; units: their mode (JetMode, FireGroupMode). */
  tag = new Uint8Array(64);

  reset(): void {
    this.count = 0;
  }

  push(id: number, lat: number, lon: number, sigma = 0, tag = 0): void {
    if (this.count === this.ids.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as { new (n: number): T })(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.lat = grow(this.lat);
      this.lon = grow(this.lon);
      this.sigma = grow(this.sigma);
      this.tag = grow(this.tag);
    }
    this.ids[this.count] = id;
    this.lat[this.count] = lat;
    this.lon[this.count] = lon;
    this.sigma[this.count] = sigma;
    this.tag[this.count] = tag;
    this.count++;
  }
}

export class Replay {
  readonly frame: LocalFrame;
  /** Events in time order. */
  readonly events: SimEvent[];
  readonly endS: number;
  readonly assets: (LatLonPoint & { name: string; value: number })[];
  readonly bases: (LatLonPoint & { name: string; kind: DefenderKind })[];
  /** Electronic-warfare zones: centre and radius. */
  readonly ewZones: (LatLonPoint & { name: string; radiusM: number })[];
  /** Index into Scenario.threatTypes per threat id. */
  readonly threatType: Int32Array;
  readonly threatDecoy: Uint8Array;
  /** Defender unit index per flight id. */
  readonly flightUnit: Int32Array;
  private readonly threatFrames: GeoFrame[];
  private readonly flightFrames: GeoFrame[];
  private readonly trackFrames: GeoFrame[];
  private readonly unitFrames: GeoFrame[];
  private readonly threatLife: Lifetime[];
  private readonly flightLife: Lifetime[];
  private readonly eventPlaces: (LatLonPoint | undefined)[];
  /** Launch and end times, each ascending: what is in the air at t is launched by t and not yet ended. */
  private readonly threatStarts: Float64Array;
  private readonly threatEnds: Float64Array;
  private readonly flightStarts: Float64Array;
  private readonly flightEnds: Float64Array;
  private outcomeCache: { count: number; outcome: Outcome } | undefined;

  constructor(
    readonly scenario: Scenario,
    readonly log: RunLog,
  ) {
    this.frame = new LocalFrame(scenario.origin);
    this.events = log.events
      .map((e, i) => [e, i] as const)
      .sort((a, b) => a[0].t - b[0].t || a[1] - b[1])
      .map(([e]) => e);
    this.endS = log.endS;
    const geo = (e: number, n: number): LatLonPoint => {
      const p = this.frame.toLatLon(e, n);
      return { lat: p.latDeg, lon: p.lonDeg };
    };
    this.assets = scenario.assets.map((a) => ({
      name: a.name,
      value: a.value,
      ...geo(a.position.e, a.position.n),
    }));
    this.bases = scenario.defenders.map((d) => ({ name: d.name, kind: d.kind, ...geo(d.base.e, d.base.n) }));
    this.ewZones = (scenario.ewZones ?? []).map((z) => ({
      name: z.name,
      radiusM: z.radiusM,
      ...geo(z.center.e, z.center.n),
    }));
    const assetIndex = new Map(scenario.assets.map((a, i) => [a.name, i]));
    const unitIndex = new Map(scenario.defenders.map((d, i) => [d.name, i]));
    const typeIndex = new Map(scenario.threatTypes.map((t, i) => [t.name, i]));

    let threatCount = 0;
    let flightCount = 0;
    for (const e of this.events) {
      if (e.kind === 'threat-launch') threatCount = Math.max(threatCount, e.threat + 1);
      if (e.kind === 'interceptor-launch') flightCount = Math.max(flightCount, e.flight + 1);
    }
    this.threatType = new Int32Array(threatCount);
    this.threatDecoy = new Uint8Array(threatCount);
    this.flightUnit = new Int32Array(flightCount);
    const never = (): Lifetime => ({
      t0: Infinity,
      lat0: NaN,
      lon0: NaN,
      t1: Infinity,
      lat1: NaN,
      lon1: NaN,
    });
    this.threatLife = Array.from({ length: threatCount }, never);
    this.flightLife = Array.from({ length: flightCount }, never);

    // Where each event happened, for the event feed; attempts place the kill or miss that follows.
    const attemptPlace = new Map<number, LatLonPoint>();
    this.eventPlaces = this.events.map((e) => {
      switch (e.kind) {
        case 'threat-launch': {
          const p = geo(e.e, e.n);
          const type = typeIndex.get(e.type) ?? 0;
          this.threatType[e.threat] = type;
          this.threatDecoy[e.threat] = scenario.threatTypes[type]?.decoy ? 1 : 0;
          Object.assign(this.threatLife[e.threat], { t0: e.t, lat0: p.lat, lon0: p.lon });
          return p;
        }
        case 'interceptor-launch': {
          const u = unitIndex.get(e.unit) ?? 0;
          this.flightUnit[e.flight] = u;
          const b = this.bases[u];
          Object.assign(this.flightLife[e.flight], { t0: e.t, lat0: b.lat, lon0: b.lon });
          return b;
        }
        case 'intercept-attempt': {
          const p = geo(e.e, e.n);
          attemptPlace.set(e.flight, p);
          // Bursts of guns, fire groups and cannon (flight -1) end no flight.
          if (e.flight >= 0) Object.assign(this.flightLife[e.flight], { t1: e.t, lat1: p.lat, lon1: p.lon });
          return p;
        }
        case 'kill': {
          const p = attemptPlace.get(e.flight);
          Object.assign(this.threatLife[e.threat], { t1: e.t, lat1: p?.lat ?? NaN, lon1: p?.lon ?? NaN });
          return p;
        }
        case 'miss':
          return attemptPlace.get(e.flight);
        case 'impact': {
          const a = this.assets[assetIndex.get(e.asset) ?? -1];
          Object.assign(this.threatLife[e.threat], { t1: e.t, lat1: a?.lat ?? NaN, lon1: a?.lon ?? NaN });
          return a;
        }
        case 'expired':
          this.threatLife[e.threat].t1 = e.t;
          return undefined;
        case 'lost-ew': {
          const p = geo(e.e, e.n);
          Object.assign(this.threatLife[e.threat], { t1: e.t, lat1: p.lat, lon1: p.lon });
          return p;
        }
        case 'interceptor-lost':
          this.flightLife[e.flight].t1 = e.t;
          return undefined;
        case 'interceptor-recovered': {
          const b = this.bases[unitIndex.get(e.unit) ?? 0];
          Object.assign(this.flightLife[e.flight], { t1: e.t, lat1: b.lat, lon1: b.lon });
          return b;
        }
      }
    });

    const ascending = (life: Lifetime[], at: (l: Lifetime) => number) =>
      Float64Array.from(life.filter((l) => Number.isFinite(l.t0)).map(at)).sort();
    this.threatStarts = ascending(this.threatLife, (l) => l.t0);
    this.threatEnds = ascending(this.threatLife, (l) => l.t1);
    this.flightStarts = ascending(this.flightLife, (l) => l.t0);
    this.flightEnds = ascending(this.flightLife, (l) => l.t1);

    const frames = log.samples?.frames ?? [];
    this.threatFrames = frames.map((f) => this.geoFrame(f.t, f.threats, THREAT_STRIDE, 1));
    this.flightFrames = frames.map((f) => this.geoFrame(f.t, f.flights, FLIGHT_STRIDE, 2));
    // Runs with perfect sensing carry no track picture: the threats are the tracks.
    this.trackFrames = frames.some((f) => f.tracks)
      ? frames.map((f) => this.geoFrame(f.t, f.tracks ?? [], TRACK_STRIDE, 1, 3, 4))
      : [];
    this.unitFrames = frames.map((f) => this.geoFrame(f.t, f.units ?? [], UNIT_STRIDE, 1, -1, 4));
    // A jet's missile leaves from where the jet is, not from its airbase.
    const units = new EntityPositions();
    for (const e of this.events) {
      if (e.kind !== 'interceptor-launch' || this.bases[this.flightUnit[e.flight]]?.kind !== 'jet') continue;
      this.unitsAt(e.t, units);
      const u = this.flightUnit[e.flight];
      Object.assign(this.flightLife[e.flight], { lat0: units.lat[u], lon0: units.lon[u] });
    }
    // Places of events that happen away from any fixed point: where the threat was last seen.
    this.events.forEach((e, i) => {
      if (this.eventPlaces[i] === undefined && 'threat' in e) {
        this.eventPlaces[i] = this.lastSeen(this.threatFrames, e.threat, e.t);
      }
      if (this.eventPlaces[i] === undefined && 'flight' in e) {
        this.eventPlaces[i] = this.lastSeen(this.flightFrames, e.flight, e.t);
      }
    });
  }

  get hasSamples(): boolean {
    return this.threatFrames.length > 0;
  }

  /** True when the run carries a tracker's picture (sensors and a real tracker, not perfect sensing). */
  get hasTracks(): boolean {
    return this.trackFrames.length > 0;
  }

  /** Where an event happened, if it has a place. */
  placeOf(index: number): LatLonPoint | undefined {
    return this.eventPlaces[index];
  }

  /** Number of events that have happened by time t. */
  eventCountAt(t: number): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Threats and interceptor flights in the air at t, the whole run over (not only what a map view
   * holds): launched by t and not yet ended — the same lifetimes the map draws them with.
   */
  airborneAt(t: number): { threats: number; flights: number } {
    return {
      threats: countUpTo(this.threatStarts, t) - countUpTo(this.threatEnds, t),
      flights: countUpTo(this.flightStarts, t) - countUpTo(this.flightEnds, t),
    };
  }

  /** Ids of the threats in the air at t. */
  threatsInAir(t: number): number[] {
    return inAir(this.threatLife, t);
  }

  /** Ids of the interceptor flights in the air at t. */
  flightsInAir(t: number): number[] {
    return inAir(this.flightLife, t);
  }

  /**
   * A defender unit's weapons by t: guided weapons (interceptors, missiles) or rounds left in store
   * and on the launchers (its stock, plus deliveries, less what left and did not come back), flights
   * in the air, engagements and kills.
   */
  unitStatusAt(
    u: number,
    t: number,
  ): { left: number; delivered: number; inAir: number; engagements: number; kills: number } {
    const name = this.bases[u]?.name;
    let delivered = 0;
    let used = 0;
    let engagements = 0;
    let kills = 0;
    const count = this.eventCountAt(t);
    for (let i = 0; i < count; i++) {
      const e = this.events[i];
      if (!('unit' in e) || e.unit !== name) continue;
      if (e.kind === 'resupply') delivered += e.amount;
      else if (e.kind === 'interceptor-launch') used++;
      else if (e.kind === 'interceptor-recovered') used--;
      else if (e.kind === 'intercept-attempt') {
        engagements++;
        if (e.flight < 0) used += e.rounds ?? 0;
      } else if (e.kind === 'kill') kills++;
    }
    let flying = 0;
    for (const f of this.flightsInAir(t)) if (this.flightUnit[f] === u) flying++;
    const stock = this.scenario.defenders[u]?.stock ?? 0;
    return { left: stock + delivered - used, delivered, inAir: flying, engagements, kills };
  }

  /** The outcome measures counting only what has happened by time t. */
  outcomeAt(t: number): Outcome {
    const count = this.eventCountAt(t);
    if (this.outcomeCache?.count !== count) {
      const outcome = computeOutcome(this.scenario, {
        ...this.log,
        endS: t,
        events: this.events.slice(0, count),
      });
      this.outcomeCache = { count, outcome };
    }
    return this.outcomeCache.outcome;
  }

  threatsAt(t: number, out: EntityPositions): void {
    this.positionsAt(t, this.threatFrames, this.threatLife, out);
  }

  flightsAt(t: number, out: EntityPositions): void {
    this.positionsAt(t, this.flightFrames, this.flightLife, out);
  }

  /**
   * The confirmed tracks at t with their one-sigma error and decoy probability: a track in both
   * neighbouring frames is interpolated; one in only one of them is shown while that frame is the
   * nearer (tracks start and end between samples, and are never extrapolated).
   */
  tracksAt(t: number, out: EntityPositions): void {
    out.reset();
    const [a, b] = this.around(this.trackFrames, t);
    const na = a ? a.ids.length : 0;
    const nb = b ? b.ids.length : 0;
    const w = a && b ? (t - a.t) / (b.t - a.t) : a ? 0 : 1;
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
      const idA = i < na ? a!.ids[i] : Infinity;
      const idB = j < nb ? b!.ids[j] : Infinity;
      if (idA === idB) {
        const lat = a!.lat[i] + (b!.lat[j] - a!.lat[i]) * w;
        const lon = a!.lon[i] + (b!.lon[j] - a!.lon[i]) * w;
        const sigma = a!.sigma![i] + (b!.sigma![j] - a!.sigma![i]) * w;
        out.push(idA, lat, lon, sigma, w < 0.5 ? a!.tag![i] : b!.tag![j]);
        i++;
        j++;
      } else if (idA < idB) {
        if (w < 0.5) out.push(idA, a!.lat[i], a!.lon[i], a!.sigma![i], a!.tag![i]);
        i++;
      } else {
        if (w >= 0.5) out.push(idB, b!.lat[j], b!.lon[j], b!.sigma![j], b!.tag![j]);
        j++;
      }
    }
  }

  /**
   * Every defender unit at t, by unit index: where it was sampled away from its base (interpolated
   * between frames, and from or to its base when it leaves or comes back between them), else at
   * its base; `tag` is its mode (0 at its base).
   */
  unitsAt(t: number, out: EntityPositions): void {
    out.reset();
    const [a, b] = this.around(this.unitFrames, t);
    const w = a && b ? (t - a.t) / (b.t - a.t) : 0;
    let i = 0;
    let j = 0;
    for (let u = 0; u < this.bases.length; u++) {
      const base = this.bases[u];
      while (a && i < a.ids.length && a.ids[i] < u) i++;
      while (b && j < b.ids.length && b.ids[j] < u) j++;
      const inA = a !== undefined && i < a.ids.length && a.ids[i] === u;
      const inB = b !== undefined && j < b.ids.length && b.ids[j] === u;
      const latA = inA ? a.lat[i] : base.lat;
      const lonA = inA ? a.lon[i] : base.lon;
      const latB = inB ? b.lat[j] : inA && !b ? latA : base.lat;
      const lonB = inB ? b.lon[j] : inA && !b ? lonA : base.lon;
      const mode = inA ? a.tag![i] : inB ? b.tag![j] : 0;
      out.push(u, latA + (latB - latA) * w, lonA + (lonB - lonA) * w, 0, mode);
    }
  }

  private geoFrame(
    t: number,
    flat: readonly number[],
    stride: number,
    eOffset: number,
    sigmaOffset = -1,
    tagOffset = -1,
  ): GeoFrame {
    const n = flat.length / stride;
    const frame: GeoFrame = {
      t,
      ids: new Int32Array(n),
      lat: new Float64Array(n),
      lon: new Float64Array(n),
      sigma: sigmaOffset >= 0 ? new Float64Array(n) : undefined,
      tag: tagOffset >= 0 ? new Uint8Array(n) : undefined,
    };
    for (let k = 0; k < n; k++) {
      const p = this.frame.toLatLon(flat[k * stride + eOffset], flat[k * stride + eOffset + 1]);
      frame.ids[k] = flat[k * stride];
      frame.lat[k] = p.latDeg;
      frame.lon[k] = p.lonDeg;
      if (frame.sigma) frame.sigma[k] = flat[k * stride + sigmaOffset];
      if (frame.tag) frame.tag[k] = flat[k * stride + tagOffset];
    }
    return frame;
  }

  private lastSeen(frames: GeoFrame[], id: number, t: number): LatLonPoint | undefined {
    for (let f = this.frameBefore(frames, t); f >= 0; f--) {
      const k = indexOf(frames[f].ids, id);
      if (k >= 0) return { lat: frames[f].lat[k], lon: frames[f].lon[k] };
    }
    return undefined;
  }

  /** The sampled frames either side of t: the last at or before it and the next (either may be missing). */
  private around(frames: GeoFrame[], t: number): [GeoFrame | undefined, GeoFrame | undefined] {
    const k = this.frameBefore(frames, t);
    return [k >= 0 ? frames[k] : undefined, k + 1 < frames.length ? frames[k + 1] : undefined];
  }

  /** Index of the last frame at or before t, or -1. */
  private frameBefore(frames: GeoFrame[], t: number): number {
    let lo = 0;
    let hi = frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (frames[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * Everything alive at t: between two frames by linear interpolation, matched by id (both frames
   * are sorted); before its first frame from its launch point, after its last toward its end point.
   */
  private positionsAt(t: number, frames: GeoFrame[], life: Lifetime[], out: EntityPositions): void {
    out.reset();
    const [a, b] = this.around(frames, t);
    const na = a ? a.ids.length : 0;
    const nb = b ? b.ids.length : 0;
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
      const idA = i < na ? a!.ids[i] : Infinity;
      const idB = j < nb ? b!.ids[j] : Infinity;
      if (idA === idB) {
        const w = (t - a!.t) / (b!.t - a!.t);
        out.push(idA, a!.lat[i] + (b!.lat[j] - a!.lat[i]) * w, a!.lon[i] + (b!.lon[j] - a!.lon[i]) * w);
        i++;
        j++;
      } else if (idA < idB) {
        // Seen at a, gone by b: it ended in between.
        const l = life[idA];
        if (l && t < l.t1) {
          if (Number.isNaN(l.lat1)) out.push(idA, a!.lat[i], a!.lon[i]);
          else {
            const w = (t - a!.t) / Math.max(1e-9, l.t1 - a!.t);
            out.push(idA, a!.lat[i] + (l.lat1 - a!.lat[i]) * w, a!.lon[i] + (l.lon1 - a!.lon[i]) * w);
          }
        }
        i++;
      } else {
        // Not at a, seen at b: launched in between.
        const l = life[idB];
        if (l && t >= l.t0) {
          const w = (t - l.t0) / Math.max(1e-9, b!.t - l.t0);
          out.push(idB, l.lat0 + (b!.lat[j] - l.lat0) * w, l.lon0 + (b!.lon[j] - l.lon0) * w);
        }
        j++;
      }
    }
  }
}

function inAir(life: readonly Lifetime[], t: number): number[] {
  const ids: number[] = [];
  life.forEach((l, id) => {
    if (l.t0 <= t && t < l.t1) ids.push(id);
  });
  return ids;
}

/** Number of values in an ascending array that are at most t (Infinity sorts last and never counts). */
export function countUpTo(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
