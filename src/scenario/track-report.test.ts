// GeoJSON track lines: a point feature becomes a report; anything else is refused with a reason.

import { describe, expect, it } from 'vitest';
import { feedFrame, reportFromGeoJson } from './track-report.js';

const feed = feedFrame({ latDeg: 50.45, lonDeg: 30.52 }, '2025-12-14T20:00:00+02:00', 30);
const line = (
  props: Record<string, unknown>,
  coordinates: unknown = [30.9, 50.5, 1200],
  id: unknown = 'trk-7',
) => JSON.stringify({ type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties: props });

describe('GeoJSON track reports', () => {
  it('reads position, time, default staleness, course and speed', () => {
    const d = reportFromGeoJson(line({ time: '2025-12-14T18:05:00Z', course: 90, speed: 50 }), feed);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.report).toMatchObject({ uid: 'trk-7', timeS: 300, staleS: 330, u: 1200, pDecoy: 0 });
    expect(d.report.vx).toBeCloseTo(50, 9);
    expect(d.report.vy).toBeCloseTo(0, 9);
    expect(d.report.e).toBeGreaterThan(26_000);
  });

  it('refuses what it cannot use, with the reason', () => {
    const reason = (text: string) => {
      const d = reportFromGeoJson(text, feed);
      return d.ok ? 'ok' : d.reason;
    };
    expect(reason('{"type":')).toBe('malformed');
    expect(reason('[1,2]')).toBe('malformed');
    expect(reason(line({ time: '2025-12-14T18:05:00Z' }, [30.9]))).toBe('malformed');
    expect(reason(line({}))).toBe('malformed');
    expect(reason(line({ time: '2025-12-14T18:05:00Z' }, undefined, null))).toBe('malformed');
    expect(reason(line({ time: '2025-12-14T18:05:00Z', type: 'a-f-G' }))).toBe('unknown-type');
    expect(reason(line({ time: '2025-12-14T18:05:00Z' }, [-70, 10]))).toBe('out-of-region');
    expect(reason(line({ time: '2025-12-14T18:05:00Z', speed: -3 }))).toBe('malformed');
    expect(reason(line({ time: '2025-12-14T18:05:00Z' }, undefined, 42))).toBe('ok');
  });
});
