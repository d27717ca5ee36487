import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecording } from '../scenario/recording.js';
import { DetectionFeed, detectionTrackUid } from './detection-feed.js';
import { replayTracker } from './track-replay.js';

const file = new URL('../../test/fixtures/swarm-ring-n20-s1-30scans.json', import.meta.url).pathname;

function recording() {
  const loaded = parseRecording(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error('fixture does not parse');
  return loaded.recording;
}

describe('raw detections as a live feed', () => {
  it("reports after each scan exactly the confirmed tracks 'bulwark track' writes for it", () => {
    const rec = recording();
    const rows = replayTracker(rec);
    const feed = new DetectionFeed(rec, { altitudeM: 300, staleAfterS: 12 });
    expect(feed.scans).toBe(30);
    let r = 0;
    let reported = 0;
    for (let s = 0; s < feed.scans; s++) {
      const t = feed.timeS(s);
      const reports = feed.reports(s);
      const expected: string[] = [];
      for (; r < rows.count && rows.t[r] === t; r++)
        expected.push(
          [detectionTrackUid(rows.id[r]), rows.x[r], rows.y[r], rows.vx[r], rows.vy[r]].join(' '),
        );
      expect(reports.map((p) => [p.uid, p.e, p.n, p.vx, p.vy].join(' '))).toEqual(expected);
      for (const p of reports) {
        expect(p.timeS).toBe(t);
        expect(p.staleS).toBe(t + 12);
        expect(p.u).toBe(300);
        expect(p.sigmaM).toBeGreaterThan(0);
      }
      reported += reports.length;
    }
    expect(r).toBe(rows.count);
    // The tracker confirms most of the 20 targets within the 30 scans.
    expect(reported).toBeGreaterThan(200);
  });

  it('needs the report error', () => {
    const rec = { ...recording(), sigmaM: undefined };
    expect(() => new DetectionFeed(rec, { staleAfterS: 10 })).toThrow(/σ is unknown/);
  });
});
