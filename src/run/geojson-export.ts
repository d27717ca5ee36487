// A run as geodata: the scenario's assets, defender units, sensors and coverage, and what happened
// in the night (threat paths, interceptor flights, tracks, intercepts, impacts, losses to EW) as
// one GeoJSON FeatureCollection in WGS84 longitude/latitude, for GIS tools, Google Earth (through
// run/kml-export) and anything else that reads RFC 7946. Pure: a scenario and its RunLog in.
//
// The event log holds local east/north metres; the intercept position of a kill is the position
// its engagement logged in the `intercept-attempt` event emitted just before it (engine state at
// the moment of the draw), an impact's is the struck asset's. Paths come from the run's trajectory
// samples (runScenario with `sampleEveryS`), which change no event.

import { LocalFrame, type Enu } from '../core/geo.js';
import type { SimEvent, RunLog } from '../model/events.js';
import type { GeoFeature, GeoFeatureCollection, GeoPosition, GeoProperties } from '../model/geodata.js';
import type { Scenario } from '../model/scenario.js';
import { FLIGHT_STRIDE, THREAT_STRIDE, TRACK_STRIDE } from '../model/trajectory.js';

/** The layers of an export, in the order they are written (KML folders follow it too). */
export const GEO_LAYERS = [
  'asset',
  'unit',
  'patrol',
  'sensor',
  'coverage',
  'ew-zone',
  'threat-path',
  'flight-path',
  'track',
  'intercept',
  'impact',
  'lost-ew',
] as const;
export type GeoLayer = (typeof GEO_LAYERS)[number];

const EARTH_RADIUS_M = 6_371_000;

/** Vertices of the circles drawn for ranges and zones. */
const CIRCLE_VERTICES = 72;

export function runToGeoJson(scenario: Scenario, log: RunLog): GeoFeatureCollection {
  return new GeoExport(scenario, log).build();
}

/** Coverage and positions of a scenario alone (no run): assets, units, sensors, ranges, EW zones. */
export function scenarioToGeoJson(scenario: Scenario): GeoFeatureCollection {
  return runToGeoJson(scenario, {
    scenario: scenario.name,
    seed: scenario.seed,
    stepS: scenario.stepS,
    durationS: scenario.durationS,
    endS: 0,
    events: [],
  });
}

interface PathBuilder {
  coordinates: GeoPosition[];
  times: string[];
  properties: GeoProperties;
}

class GeoExport {
  private readonly frame: LocalFrame;
  private readonly startMs: number;
  private readonly features: GeoFeature[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly log: RunLog,
  ) {
    this.frame = new LocalFrame(scenario.origin);
    this.startMs = Date.parse(scenario.startIso);
  }

  build(): GeoFeatureCollection {
    const byLayer = new Map<string, GeoFeature[]>();
    this.forces();
    this.night();
    for (const f of this.features) {
      const list = byLayer.get(f.properties.layer) ?? [];
      list.push(f);
      byLayer.set(f.properties.layer, list);
    }
    return { type: 'FeatureCollection', features: GEO_LAYERS.flatMap((layer) => byLayer.get(layer) ?? []) };
  }

  /** ISO 8601 (UTC) of a time in seconds after the scenario start. */
  private iso(tS: number): string {
    return new Date(this.startMs + Math.round(tS * 1000)).toISOString();
  }

  private position(e: number, n: number, u?: number): GeoPosition {
    return groundPosition(this.frame, e, n, u);
  }

  private point(at: Enu | { e: number; n: number }, properties: GeoProperties, withAltitude = false): void {
    this.features.push({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: this.position(at.e, at.n, withAltitude ? (at as Enu).u : undefined),
      },
      properties,
    });
  }

  /** A circle of `radiusM` around a point, counter-clockwise as RFC 7946 wants exterior rings. */
  private circle(center: { e: number; n: number }, radiusM: number, properties: GeoProperties): void {
    const ring: GeoPosition[] = [];
    for (let k = 0; k < CIRCLE_VERTICES; k++) {
      const a = (2 * Math.PI * k) / CIRCLE_VERTICES;
      ring.push(this.position(center.e + radiusM * Math.cos(a), center.n + radiusM * Math.sin(a)));
    }
    ring.push(ring[0]);
    this.features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties });
  }

  /** What the scenario puts on the ground: assets (with what the night did to them), units, sensors. */
  private forces(): void {
    const { scenario, log } = this;
    const hits = new Map<string, { count: number; damage: number; valueLost: number }>();
    const kills = new Map<string, number>();
    for (const ev of log.events) {
      if (ev.kind === 'impact') {
        const h = hits.get(ev.asset) ?? { count: 0, damage: 0, valueLost: 0 };
        h.count++;
        h.damage += ev.damage;
        h.valueLost += ev.valueLost;
        hits.set(ev.asset, h);
      } else if (ev.kind === 'kill') kills.set(ev.unit, (kills.get(ev.unit) ?? 0) + 1);
    }
    for (const asset of scenario.assets) {
      const h = hits.get(asset.name);
      this.point(asset.position, {
        layer: 'asset',
        name: asset.name,
        kind: asset.kind,
        value: asset.value,
        criticality: asset.criticality,
        people: asset.people,
        hits: h?.count ?? 0,
        damage: round6(Math.min(1, h?.damage ?? 0)),
        valueLost: round6(h?.valueLost ?? 0),
      });
    }
    for (const unit of scenario.defenders) {
      this.point(unit.base, {
        layer: 'unit',
        name: unit.name,
        kind: unit.kind,
        type: unit.catalogType,
        stock: unit.stock,
        kills: kills.get(unit.name) ?? 0,
      });
      if (unit.kind === 'fire-group' && unit.patrol.length > 1) {
        const ring = [...unit.patrol, unit.patrol[0]];
        this.features.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: ring.map((p) => this.position(p.e, p.n)) },
          properties: { layer: 'patrol', name: unit.name, kind: unit.kind },
        });
      }
      const reachM =
        unit.kind === 'sam'
          ? unit.maxRangeM
          : unit.kind === 'gun' || unit.kind === 'fire-group'
            ? unit.rangeM
            : undefined;
      if (reachM !== undefined)
        this.circle(unit.base, reachM, {
          layer: 'coverage',
          name: unit.name,
          kind: unit.kind,
          of: 'unit',
          rangeM: reachM,
        });
      if (unit.kind === 'jet' && unit.alert === 'cap')
        this.point(
          unit.station,
          { layer: 'patrol', name: `${unit.name} station`, kind: unit.kind, unit: unit.name },
          true,
        );
    }
    for (const sensor of scenario.sensors) {
      if (sensor.type === 'radar') {
        this.point(sensor.position, {
          layer: 'sensor',
          name: sensor.name,
          kind: 'radar',
          rangeM: sensor.rangeM,
        });
        this.circle(sensor.position, sensor.rangeM, {
          layer: 'coverage',
          name: sensor.name,
          kind: 'radar',
          of: 'sensor',
          rangeM: sensor.rangeM,
        });
      } else if (sensor.type === 'acoustic' || sensor.type === 'observer') {
        const e = sensor.type === 'acoustic' ? sensor.nodeE : sensor.postE;
        const n = sensor.type === 'acoustic' ? sensor.nodeN : sensor.postN;
        if (e.length === 0) continue;
        this.features.push({
          type: 'Feature',
          geometry: { type: 'MultiPoint', coordinates: e.map((x, k) => this.position(x, n[k])) },
          properties: {
            layer: 'sensor',
            name: sensor.name,
            kind: sensor.type,
            points: e.length,
            ...(sensor.type === 'observer' ? { rangeM: sensor.sightingRangeM } : {}),
          },
        });
      }
    }
    for (const zone of scenario.ewZones)
      this.circle(zone.center, zone.radiusM, {
        layer: 'ew-zone',
        name: zone.name,
        radiusM: zone.radiusM,
        pLoss: zone.pLoss,
      });
  }

  /** What happened: paths through the trajectory samples, and the events that have a place. */
  private night(): void {
    const { scenario, log } = this;
    const threats = new Map<number, PathBuilder>();
    const flights = new Map<number, PathBuilder>();
    const tracks = new Map<number, PathBuilder>();
    const vertex = (path: PathBuilder | undefined, tS: number, e: number, n: number, u: number) => {
      if (!path) return;
      path.coordinates.push(this.position(e, n, u));
      path.times.push(this.iso(tS));
    };
    /** A threat's path ends: its last vertex where the event says, and how it ended. */
    const threatEnds = (id: number, tS: number, e: number, n: number, u: number, fate: string) => {
      const threat = threats.get(id);
      vertex(threat, tS, e, n, u);
      if (threat) threat.properties.fate = fate;
    };
    const assetAt = new Map(scenario.assets.map((a) => [a.name, a.position]));
    const unitBase = new Map(scenario.defenders.map((d) => [d.name, d.base]));
    /** The last engagement logged, which the kill or miss right after it resolves. */
    let attempt: Extract<SimEvent, { kind: 'intercept-attempt' }> | undefined;

    // Events and sample frames in time order; a frame holds positions at the end of its tick, after
    // that tick's events.
    const frames = log.samples?.frames ?? [];
    let f = 0;
    const sampleUpTo = (tS: number) => {
      for (; f < frames.length && frames[f].t < tS; f++) {
        const frame = frames[f];
        for (let k = 0; k < frame.threats.length; k += THREAT_STRIDE) {
          const [id, e, n, u] = frame.threats.slice(k, k + THREAT_STRIDE);
          vertex(threats.get(id), frame.t, e, n, u);
        }
        for (let k = 0; k < frame.flights.length; k += FLIGHT_STRIDE) {
          const [id, , e, n, u] = frame.flights.slice(k, k + FLIGHT_STRIDE);
          vertex(flights.get(id), frame.t, e, n, u);
        }
        const picture = frame.tracks ?? [];
        for (let k = 0; k < picture.length; k += TRACK_STRIDE) {
          const [id, e, n, sigmaM, pDecoy] = picture.slice(k, k + TRACK_STRIDE);
          let track = tracks.get(id);
          if (!track) {
            track = {
              coordinates: [],
              times: [],
              properties: { layer: 'track', name: `track ${id}`, track: id },
            };
            tracks.set(id, track);
          }
          vertex(track, frame.t, e, n, 0);
          track.properties.lastSigmaM = sigmaM;
          track.properties.lastPDecoy = pDecoy / 100;
        }
      }
    };

    for (const ev of log.events) {
      sampleUpTo(ev.t);
      switch (ev.kind) {
        case 'threat-launch': {
          const path: PathBuilder = {
            coordinates: [],
            times: [],
            properties: {
              layer: 'threat-path',
              name: `${ev.type} ${ev.threat}`,
              threat: ev.threat,
              type: ev.type,
              wave: ev.wave,
              aim: ev.aim,
              launched: this.iso(ev.t),
              fate: 'airborne',
            },
          };
          threats.set(ev.threat, path);
          vertex(path, ev.t, ev.e, ev.n, 0);
          break;
        }
        case 'interceptor-launch': {
          const base = unitBase.get(ev.unit)!;
          const path: PathBuilder = {
            coordinates: [],
            times: [],
            properties: {
              layer: 'flight-path',
              name: `${ev.unit} flight ${ev.flight}`,
              unit: ev.unit,
              flight: ev.flight,
              track: ev.track,
              launched: this.iso(ev.t),
              fate: 'airborne',
            },
          };
          flights.set(ev.flight, path);
          vertex(path, ev.t, base.e, base.n, base.u);
          break;
        }
        case 'intercept-attempt':
          attempt = ev;
          break;
        case 'kill':
        case 'miss': {
          const at = attempt!;
          this.point(
            at,
            {
              layer: 'intercept',
              name: `${ev.unit} ${ev.kind === 'kill' ? 'kill' : 'miss'}: ${ev.type} ${ev.threat}`,
              result: ev.kind,
              time: this.iso(ev.t),
              tS: ev.t,
              unit: ev.unit,
              flight: ev.flight,
              threat: ev.threat,
              type: ev.type,
              pk: at.pk,
              ...(at.rounds === undefined ? {} : { rounds: at.rounds }),
              ...(ev.kind === 'kill' ? { nearestAssetM: ev.nearestAssetM } : {}),
            },
            true,
          );
          const flight = flights.get(ev.flight);
          if (flight) {
            vertex(flight, ev.t, at.e, at.n, at.u);
            flight.properties.fate = ev.kind === 'kill' ? 'killed its target' : 'missed';
          }
          if (ev.kind === 'kill') threatEnds(ev.threat, ev.t, at.e, at.n, at.u, 'destroyed');
          attempt = undefined;
          break;
        }
        case 'impact': {
          const at = assetAt.get(ev.asset)!;
          this.point(at, {
            layer: 'impact',
            name: `${ev.type} ${ev.threat} on ${ev.asset}`,
            time: this.iso(ev.t),
            tS: ev.t,
            threat: ev.threat,
            type: ev.type,
            asset: ev.asset,
            damage: ev.damage,
            valueLost: ev.valueLost,
          });
          threatEnds(ev.threat, ev.t, at.e, at.n, 0, 'leaked');
          break;
        }
        case 'lost-ew': {
          this.point(ev, {
            layer: 'lost-ew',
            name: `${ev.type} ${ev.threat} lost to ${ev.zone}`,
            time: this.iso(ev.t),
            tS: ev.t,
            threat: ev.threat,
            type: ev.type,
            zone: ev.zone,
            mode: ev.mode,
          });
          threatEnds(ev.threat, ev.t, ev.e, ev.n, 0, 'lost to EW');
          break;
        }
        case 'expired': {
          const threat = threats.get(ev.threat);
          if (threat) threat.properties.fate = `expired (${ev.reason})`;
          break;
        }
        case 'interceptor-lost':
        case 'interceptor-recovered': {
          const flight = flights.get(ev.flight);
          if (flight)
            flight.properties.fate = ev.kind === 'interceptor-lost' ? `lost (${ev.reason})` : 'recovered';
          break;
        }
        default:
          break;
      }
    }
    sampleUpTo(Infinity);
    for (const group of [threats, flights, tracks])
      for (const path of group.values()) {
        // A path needs two positions; a threat launched as the night ended has only its launch point.
        if (path.coordinates.length < 2) continue;
        this.features.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: path.coordinates },
          properties: {
            ...path.properties,
            start: path.times[0],
            end: path.times[path.times.length - 1],
            coordinateProperties: { times: path.times },
          },
        });
      }
  }
}

/**
 * The GeoJSON position of a point of the local plane: the ground below it (the plane rises above
 * the ellipsoid by d²/2R, so this is where the scenario's own [latitude, longitude] for it lay, to
 * millimetres), with `u` as the height above that ground when given.
 */
export function groundPosition(frame: LocalFrame, e: number, n: number, u?: number): GeoPosition {
  const p = frame.toLatLon(e, n, -(e * e + n * n) / (2 * EARTH_RADIUS_M));
  const lon = round6(p.lonDeg);
  const lat = round6(p.latDeg);
  return u === undefined ? [lon, lat] : [lon, lat, Math.round(u)];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
