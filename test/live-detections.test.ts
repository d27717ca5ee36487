// `bulwark live --detections`: raw detections through the tracker as the live picture, as a user
// runs it; the plans are checked against the tracker's own confirmed tracks.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LivePlan } from '../src/model/live.js';
import { detectionTrackUid } from '../src/run/detection-feed.js';
import { replayTracker } from '../src/run/track-replay.js';
import { parseRecording } from '../src/scenario/recording.js';
import { runBulwark } from './run-bulwark.js';

const recording = new URL('./fixtures/swarm-ring-n20-s1-30scans.json', import.meta.url).pathname;

describe('bulwark live --detections', () => {
  it("plans on the tracker's confirmed tracks, every report taken", async () => {
    const r = await runBulwark(['live', '--detections', recording, '--speed', '200']);
    expect(r.stderr).not.toContain('    at ');
    expect(r.code).toBe(0);
    const parsed = parseRecording(readFileSync(recording, 'utf8'), recording);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const rows = replayTracker(parsed.recording);
    // Every confirmed track of every scan became one report, and all were taken.
    expect(r.stderr).toContain(`30 scans of raw detections gave ${rows.count} confirmed-track reports`);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { plan?: LivePlan; status?: { feed: string; received: number; accepted: number } },
      );
    const status = lines.at(-1)!.status!;
    expect(status.feed).toBe('ended');
    expect(status.received).toBe(rows.count);
    expect(status.accepted).toBe(rows.count);
    const plans = lines.flatMap((l) => (l.plan ? [l.plan] : []));
    expect(plans.length).toBeGreaterThan(0);
    // The recording spans 29 s, inside the default 30 s stale time: the last plan sees every track
    // the tracker ever confirmed, and recommends shots at those tracks only.
    const uids = new Set(Array.from(rows.id.subarray(0, rows.count), detectionTrackUid));
    const last = plans.at(-1)!;
    expect(last.tracks).toBe(uids.size);
    expect(last.recommendations.length).toBeGreaterThan(0);
    for (const rec of last.recommendations) expect(uids.has(rec.track)).toBe(true);
  });

  it('refuses a bad recording with a located error, and two recorded sources at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-live-det-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"params": {"sigma": 30},\n "scans": [{"t": 0, "detections": [{"x": 1}]}]}');
    const r = await runBulwark(['live', '--detections', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:`);
    expect(r.stderr).not.toContain('    at ');
    const noSigma = join(dir, 'nosigma.json');
    writeFileSync(noSigma, '{"params": {}, "scans": [{"t": 0, "detections": [{"x": 1, "y": 2}]}]}');
    const s = await runBulwark(['live', '--detections', noSigma]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('give the report error with --sigma');
    const both = await runBulwark(['live', '--detections', recording, '--replay', noSigma]);
    expect(both.code).toBe(2);
  });
});
