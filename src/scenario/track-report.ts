// Track reports from outside feeds, checked and converted to the scenario's frame: a CoT event
// (as the CoT library parsed it) or a GeoJSON point feature. Pure: every problem is a reason and
// a message, never an exception, so one bad message never stops the stream.
//
// CoT: the event's `type` must be an air track that may be hostile (a-h-A…, a-u-A…, a-s-A…,
// a-j-A…, a-k-A…, a-p-A…); `time` and `stale` are ISO times; `point` lat/lon/hae (hae taken as
// the altitude); `detail/track` course (degrees from north) and speed (m/s); `ce` the one-sigma
// position error (9999999 = unknown); `detail/__bulwark pDecoy` an optional decoy probability.
// GeoJSON: a Feature with a Point [lon, lat, alt?], an id (or properties.uid), properties.time
// (ISO), optional stale, course, speed, pDecoy, ce.

import { LocalFrame } from '../core/geo.js';
import type { RejectReason, TrackReport } from '../model/live.js';

export interface FeedFrame {
  frame: LocalFrame;
  /** Scenario start, ms since the epoch. */
  startMs: number;
  /** Reports farther than this from the region origin are refused, m. */
  maxRangeM: number;
  /** Staleness given to GeoJSON reports that carry none, s. */
  defaultStaleS: number;
}

export type Decoded =
  { ok: true; report: TrackReport } | { ok: false; reason: RejectReason; message: string };

const THREAT_AIR = /^a-[husjkp]-A(-|$)/;
const UNKNOWN_CE = 9_999_999;
/** The longest uid kept: feeds use UUIDs or callsigns. */
const MAX_UID = 200;

const bad = (reason: RejectReason, message: string): Decoded => ({ ok: false, reason, message });

export function feedFrame(
  origin: { latDeg: number; lonDeg: number },
  startIso: string,
  defaultStaleS = 30,
): FeedFrame {
  return {
    frame: new LocalFrame(origin),
    startMs: Date.parse(startIso),
    maxRangeM: 3_000_000,
    defaultStaleS,
  };
}

interface Attributes {
  [name: string]: unknown;
}

function attributes(node: unknown): Attributes | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const a = (node as { _attributes?: unknown })._attributes;
  return typeof a === 'object' && a !== null ? (a as Attributes) : undefined;
}

function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

/** A CoT event as the library's compact JSON (`{ event: { _attributes, point, detail } }`). */
export function reportFromCot(raw: unknown, feed: FeedFrame): Decoded {
  const event = (raw as { event?: unknown } | null)?.event;
  const a = attributes(event);
  if (!a) return bad('malformed', 'no <event> with attributes');
  const uid = a.uid;
  if (typeof uid !== 'string' || uid === '' || uid.length > MAX_UID)
    return bad('malformed', `event uid: expected 1–${MAX_UID} characters`);
  const type = typeof a.type === 'string' ? a.type : '';
  if (!THREAT_AIR.test(type))
    return bad('unknown-type', `${uid}: type '${type.slice(0, 40)}' is not an air track that may be hostile`);
  const point = attributes((event as { point?: unknown }).point);
  if (!point) return bad('malformed', `${uid}: no <point>`);
  const detail = (event as { detail?: unknown }).detail as Record<string, unknown> | undefined;
  const track = attributes(detail?.track);
  const extra = attributes(detail?.__bulwark);
  return convert(feed, {
    uid,
    time: a.time,
    stale: a.stale,
    lat: num(point.lat),
    lon: num(point.lon),
    alt: num(point.hae),
    ce: num(point.ce),
    course: track ? num(track.course) : 0,
    speed: track ? num(track.speed) : 0,
    pDecoy: extra && extra.pDecoy !== undefined ? num(extra.pDecoy) : 0,
  });
}

/** One line of newline-delimited GeoJSON: a Feature with a Point geometry. */
export function reportFromGeoJson(line: string, feed: FeedFrame): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return bad('malformed', `not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'Feature')
    return bad('malformed', 'expected a GeoJSON Feature');
  const f = value as { id?: unknown; geometry?: unknown; properties?: unknown };
  const props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<
    string,
    unknown
  >;
  const id = f.id ?? props.uid;
  const uid = typeof id === 'number' ? String(id) : id;
  if (typeof uid !== 'string' || uid === '' || uid.length > MAX_UID)
    return bad('malformed', `feature id: expected a string or number (or properties.uid)`);
  if (props.type !== undefined && (typeof props.type !== 'string' || !THREAT_AIR.test(props.type)))
    return bad(
      'unknown-type',
      `${uid}: type '${String(props.type).slice(0, 40)}' is not an air track that may be hostile`,
    );
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2)
    return bad('malformed', `${uid}: geometry: expected a Point [lon, lat, alt]`);
  const [lon, lat, alt] = g.coordinates as unknown[];
  return convert(feed, {
    uid,
    time: props.time,
    stale: props.stale,
    lat: num(lat),
    lon: num(lon),
    alt: alt === undefined ? 0 : num(alt),
    ce: props.ce === undefined ? UNKNOWN_CE : num(props.ce),
    course: props.course === undefined ? 0 : num(props.course),
    speed: props.speed === undefined ? 0 : num(props.speed),
    pDecoy: props.pDecoy === undefined ? 0 : num(props.pDecoy),
  });
}

interface Fields {
  uid: string;
  time: unknown;
  stale: unknown;
  lat: number;
  lon: number;
  alt: number;
  ce: number;
  course: number;
  speed: number;
  pDecoy: number;
}

function convert(feed: FeedFrame, f: Fields): Decoded {
  const timeMs = typeof f.time === 'string' ? Date.parse(f.time) : NaN;
  if (!Number.isFinite(timeMs)) return bad('malformed', `${f.uid}: time: expected an ISO 8601 time`);
  let staleMs = timeMs + feed.defaultStaleS * 1000;
  if (f.stale !== undefined) {
    staleMs = typeof f.stale === 'string' ? Date.parse(f.stale) : NaN;
    if (!Number.isFinite(staleMs)) return bad('malformed', `${f.uid}: stale: expected an ISO 8601 time`);
  }
  if (!(Math.abs(f.lat) <= 90) || !(Math.abs(f.lon) <= 180))
    return bad('malformed', `${f.uid}: point: expected lat in [-90, 90] and lon in [-180, 180]`);
  if (!Number.isFinite(f.alt) || Math.abs(f.alt) > 100_000)
    return bad('malformed', `${f.uid}: altitude: expected metres within ±100 km`);
  if (!Number.isFinite(f.course) || !(f.speed >= 0 && f.speed < 10_000))
    return bad('malformed', `${f.uid}: track: expected a course in degrees and a speed of 0–10000 m/s`);
  if (!(f.pDecoy >= 0 && f.pDecoy <= 1))
    return bad('malformed', `${f.uid}: pDecoy: expected a probability in [0, 1]`);
  const p = feed.frame.toEnu(f.lat, f.lon, 0);
  if (!(Math.hypot(p.e, p.n) <= feed.maxRangeM))
    return bad(
      'out-of-region',
      `${f.uid}: ${Math.round(Math.hypot(p.e, p.n) / 1000)} km from the region origin`,
    );
  const course = (f.course * Math.PI) / 180;
  return {
    ok: true,
    report: {
      uid: f.uid,
      timeS: (timeMs - feed.startMs) / 1000,
      staleS: (staleMs - feed.startMs) / 1000,
      e: p.e,
      n: p.n,
      u: f.alt,
      vx: f.speed * Math.sin(course),
      vy: f.speed * Math.cos(course),
      vz: 0,
      sigmaM: Number.isFinite(f.ce) && f.ce >= 0 && f.ce < UNKNOWN_CE ? f.ce : 0,
      pDecoy: f.pDecoy,
    },
  };
}
