// Plays a recorded night (`bulwark run --events`) as a CoT stream: run/night-replay flies the
// log's threats again, each frame's threats go out as hostile air tracks at the frame's picture
// time (scenario start + t), paced by the wall clock `speed` times faster than the night.

import { readFileSync } from 'node:fs';
import { LocalFrame } from '../core/geo.js';
import type { SimEvent } from '../model/events.js';
import type { Scenario } from '../model/scenario.js';
import { replayNight } from '../run/night-replay.js';
import { groundU } from '../run/live-planner.js';
import { encodeCotTrack } from './cot-codec.js';

/** The events of a log: one event per line (`bulwark run --events`) or the run store's {event} lines. */
export function readEventLog(path: string): SimEvent[] {
  const events: SimEvent[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new EventLogError(`${path}:${i + 1}:1: not JSON (${(e as Error).message})`);
    }
    const event = (value as { event?: unknown }).event ?? value;
    if (typeof event === 'object' && event !== null && typeof (event as { kind?: unknown }).kind === 'string')
      events.push(event as SimEvent);
  });
  return events;
}

export class EventLogError extends Error {}

export interface ReplayOptions {
  /** Night seconds per wall second. */
  speed: number;
  /** Seconds of night between frames. */
  everyS: number;
  send: (xml: string) => Promise<void> | void;
  /** Called after each frame with its picture time and the number of tracks sent. */
  onFrame?: (t: number, tracks: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Most track reports sent per second of wall time. */
export const MAX_RATE = 4000;
/** Messages sent between two turns of the event loop. */
const BATCH = 32;

/** Sends the whole night; resolves when the last frame is out. Returns the messages sent. */
export async function playNight(
  scenario: Scenario,
  events: SimEvent[],
  options: ReplayOptions,
): Promise<number> {
  const frame = new LocalFrame(scenario.origin);
  const startMs = Date.parse(scenario.startIso);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const staleAfterS = Math.max(10, 3 * options.everyS);
  const wall0 = performance.now();
  const frameMs = (options.everyS / options.speed) * 1000;
  let first: number | undefined;
  let sent = 0;
  let failure: unknown;
  let nextMs = wall0;
  for (const f of replayNight(scenario, events, options.everyS)) {
    first ??= f.t;
    const frameDue = wall0 + ((f.t - first) / options.speed) * 1000;
    const timeMs = startMs + f.t * 1000;
    const n = f.threats.length;
    for (let j = 0; j < n; j++) {
      // Spread over the frame's interval: a burst of a thousand datagrams would overflow a
      // receiver's socket buffer, a steady stream does not.
      // Never faster than MAX_RATE, even to catch up after a late timer: a catch-up burst is what
      // overflows a receiver's socket buffer.
      nextMs = Math.max(nextMs + 1000 / MAX_RATE, frameDue + (j / n) * frameMs);
      const wait = nextMs - performance.now();
      if (wait > 4) await sleep(wait);
      else if (j % BATCH === 0) await new Promise((r) => setImmediate(r));
      const th = f.threats[j];
      const p = frame.toLatLon(th.x, th.y, groundU(th.x, th.y));
      const pending = options.send(
        encodeCotTrack({
          uid: `bulwark.threat.${th.threat}`,
          timeMs,
          staleMs: timeMs + staleAfterS * 1000,
          latDeg: p.latDeg,
          lonDeg: p.lonDeg,
          altitudeM: th.z,
          courseDeg: ((Math.atan2(th.vx, th.vy) * 180) / Math.PI + 360) % 360,
          speedMps: Math.hypot(th.vx, th.vy),
          pDecoy: th.decoy ? 1 : 0,
          callsign: `${th.type} ${th.threat}`,
        }),
      );
      // Every BATCH-th send is waited for, so a stream's buffer stays bounded.
      if (pending) {
        if (j % BATCH === BATCH - 1) await pending;
        else pending.catch((e: unknown) => (failure ??= e));
      }
      sent++;
    }
    if (n === 0) {
      const wait = frameDue - performance.now();
      if (wait > 1) await sleep(wait);
    }
    if (failure) throw failure;
    options.onFrame?.(f.t, n);
  }
  return sent;
}
