// Fuzzed CoT input: malformed, truncated, mutated and huge messages never throw, and every one
// that is not taken is counted under a reason and logged once.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REJECT_REASONS } from '../model/live.js';
import { parseScenario } from '../scenario/index.js';
import { feedFrame } from '../scenario/track-report.js';
import { decodeCot, encodeCotTrack, MAX_COT_BYTES } from './cot-codec.js';
import { LiveSession } from './live-session.js';

const SEED = 20261204;
const feed = feedFrame({ latDeg: 50.45, lonDeg: 30.52 }, '2025-12-14T20:00:00+02:00');
const VALID = encodeCotTrack({
  uid: 'trk-1',
  timeMs: Date.parse('2025-12-14T18:00:10Z'),
  staleMs: Date.parse('2025-12-14T18:00:40Z'),
  latDeg: 50.5,
  lonDeg: 30.9,
  altitudeM: 2000,
  courseDeg: 270,
  speedMps: 51.4,
  pDecoy: 0.25,
});

describe('CoT decoding', () => {
  it('reads a track: position, velocity from course and speed, times, decoy probability', () => {
    const d = decodeCot(VALID, feed);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.report.uid).toBe('trk-1');
    expect(d.report.timeS).toBeCloseTo(10, 6);
    expect(d.report.staleS).toBeCloseTo(40, 6);
    expect(d.report.vx).toBeCloseTo(-51.4, 6);
    expect(d.report.vy).toBeCloseTo(0, 6);
    expect(d.report.u).toBe(2000);
    expect(d.report.pDecoy).toBe(0.25);
    // 0.38° of longitude east and 0.05° north of the origin at 50.45° N.
    expect(d.report.e).toBeCloseTo(0.38 * 111_320 * Math.cos((50.45 * Math.PI) / 180), -3);
    expect(d.report.n).toBeCloseTo(0.05 * 111_200, -3);
  });

  it('names the reason of each refusal', () => {
    const reason = (xml: string) => {
      const d = decodeCot(xml, feed);
      return d.ok ? 'ok' : d.reason;
    };
    expect(reason('<event')).toBe('malformed');
    expect(reason('')).toBe('malformed');
    expect(reason(VALID.replace('a-h-A-M-F-Q', 'a-f-G-U-C'))).toBe('unknown-type');
    expect(reason(VALID.replace('lat="50.5000000"', 'lat="95"'))).toBe('malformed');
    expect(reason(VALID.replace('lat="50.5000000"', 'lat="10"'))).toBe('out-of-region');
    expect(reason(VALID.replace(/time="[^"]+"/, 'time="yesterday"'))).toBe('malformed');
    expect(reason(VALID.replace('pDecoy="0.25"', 'pDecoy="2"'))).toBe('malformed');
    expect(reason(VALID.replace('</event>', `<remarks>${'x'.repeat(MAX_COT_BYTES)}</remarks></event>`))).toBe(
      'too-large',
    );
  });

  it('never throws on fuzzed input', () => {
    const mutated = fc
      .tuple(fc.nat(VALID.length), fc.nat(VALID.length), fc.string({ maxLength: 40 }))
      .map(([a, b, s]) => VALID.slice(0, Math.min(a, b)) + s + VALID.slice(Math.max(a, b)));
    const truncated = fc.nat(VALID.length).map((n) => VALID.slice(0, n));
    const nested = fc.nat(3000).map((n) => '<event>' + '<a>'.repeat(n) + '</a>'.repeat(n) + '</event>');
    const input = fc.oneof(
      mutated,
      truncated,
      nested,
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    fc.assert(
      fc.property(input, (xml) => {
        const d = decodeCot(xml, feed);
        if (!d.ok) expect(REJECT_REASONS).toContain(d.reason);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('counts and logs every refused message and goes on', () => {
    const text = readFileSync(join(import.meta.dirname, '../../test/fixtures/small-night.yaml'), 'utf8');
    const parsed = parseScenario(text, 'small-night.yaml');
    if (!parsed.ok) throw new Error('fixture');
    const logged: string[] = [];
    const session = new LiveSession(parsed.scenario, { write: () => {}, log: (l) => logged.push(l) });
    const messages = fc.sample(
      fc.oneof(
        fc.nat(VALID.length).map((n) => VALID.slice(0, n)),
        fc.string({ maxLength: 200 }),
        fc.constant(VALID),
      ),
      { seed: SEED, numRuns: 400 },
    );
    for (const m of messages) session.cot(m);
    const refused = Object.values(session.counts.rejected).reduce((a, b) => a + b, 0);
    expect(session.counts.received).toBe(messages.length);
    expect(session.counts.accepted + refused).toBe(messages.length);
    expect(logged.length).toBe(refused);
    // The valid message is taken once, its repeats (and truncations the parser still reads the
    // same) are duplicates.
    expect(session.counts.accepted).toBe(1);
    expect(session.counts.rejected.duplicate).toBeGreaterThanOrEqual(
      messages.filter((m) => m === VALID).length - 1,
    );
    session.close();
  });
});
