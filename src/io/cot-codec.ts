// Cursor-on-Target in and out. Reading goes through the CoT library (@tak-ps/node-cot: XML to
// its JSON form, checked against its schema), then scenario/track-report turns the event into a
// track report. Writing builds the few elements Bulwark sends (tracks of a replayed night, and
// engagement recommendations) as text, every attribute escaped.

import { CoTParser } from '@tak-ps/node-cot';
import type { LiveRecommendation } from '../model/live.js';
import { reportFromCot, type Decoded, type FeedFrame } from '../scenario/track-report.js';

/** Largest CoT message read, bytes: a track event is well under 2 KiB, a UDP datagram at most 64 KiB. */
export const MAX_COT_BYTES = 64 * 1024;

/** A CoT XML message to a track report, or the reason it was refused. Never throws. */
export function decodeCot(xml: string, feed: FeedFrame): Decoded {
  if (xml.length > MAX_COT_BYTES)
    return { ok: false, reason: 'too-large', message: `${xml.length} bytes, more than ${MAX_COT_BYTES}` };
  let raw: unknown;
  try {
    raw = CoTParser.from_xml(xml).raw;
  } catch (e) {
    return { ok: false, reason: 'malformed', message: firstLine((e as Error).message ?? String(e)) };
  }
  return reportFromCot(raw, feed);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0];
  return line.length > 200 ? line.slice(0, 200) + '…' : line;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A hostile air track at a position, as a replayed night sends it. */
export interface CotTrack {
  uid: string;
  timeMs: number;
  staleMs: number;
  latDeg: number;
  lonDeg: number;
  altitudeM: number;
  /** Degrees from north, and m/s. */
  courseDeg: number;
  speedMps: number;
  /** Probability that it is a decoy, when the source knows. */
  pDecoy?: number;
  callsign?: string;
}

export function encodeCotTrack(t: CotTrack): string {
  const time = new Date(t.timeMs).toISOString();
  return (
    `<event version="2.0" uid="${escapeXml(t.uid)}" type="a-h-A-M-F-Q" how="m-g" time="${time}" start="${time}" stale="${new Date(t.staleMs).toISOString()}">` +
    `<point lat="${t.latDeg.toFixed(7)}" lon="${t.lonDeg.toFixed(7)}" hae="${t.altitudeM.toFixed(1)}" ce="0" le="0"/>` +
    `<detail><track course="${t.courseDeg.toFixed(2)}" speed="${t.speedMps.toFixed(3)}"/>` +
    (t.callsign ? `<contact callsign="${escapeXml(t.callsign)}"/>` : '') +
    (t.pDecoy !== undefined ? `<__bulwark pDecoy="${t.pDecoy}"/>` : '') +
    `</detail></event>`
  );
}

/**
 * A recommendation as a CoT marker at the intercept point, linked to its track, its text in the
 * remarks: what a TAK client shows on its map and in the marker's details.
 */
export function encodeCotRecommendation(r: LiveRecommendation, timeMs: number, staleAfterS: number): string {
  const time = new Date(timeMs).toISOString();
  const text =
    `${r.now ? 'ENGAGE NOW' : `Engage in ${Math.round(r.launchInS)} s`}: ${r.unit} (${r.kind}) at ${r.track}; ` +
    `Pk ${r.pk}, intercept in ${Math.round(r.interceptInS)} s, value saved ${r.valueSaved}; ` +
    `${r.threat.type} aiming at ${r.threat.aim} (${Math.round(r.threat.aimProbability * 100)}%), ` +
    `impact in ${Math.round(r.threat.timeToImpactS)} s, P(real) ${r.threat.pReal}`;
  return (
    `<event version="2.0" uid="${escapeXml(`bulwark.rec.${r.id}`)}" type="b-m-p-s-m" how="h-g-i-g-o" time="${time}" start="${time}" stale="${new Date(timeMs + staleAfterS * 1000).toISOString()}">` +
    `<point lat="${r.interceptAt[0]}" lon="${r.interceptAt[1]}" hae="0" ce="9999999" le="9999999"/>` +
    `<detail><contact callsign="${escapeXml(`${r.now ? 'ENGAGE' : 'PLAN'} ${r.track} ← ${r.unit}`)}"/>` +
    `<link uid="${escapeXml(r.track)}" type="a-h-A" relation="p-p"/>` +
    `<remarks>${escapeXml(text)}</remarks></detail></event>`
  );
}
