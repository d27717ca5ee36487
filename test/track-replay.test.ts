import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreStateRows } from '../src/metrics/index.js';
import { replayTracker } from '../src/run/track-replay.js';
import { formatTrackRows, parseRecording, parseTrackRows } from '../src/scenario/recording.js';

const FIXTURE = new URL('./fixtures/swarm-ring-n20-s1-30scans.json', import.meta.url);
const REFERENCE = new URL('./fixtures/swarm-ring-n20-s1-30scans.reference-tracks.json', import.meta.url);

function load() {
  const parsed = parseRecording(readFileSync(FIXTURE, 'utf8'), 'fixture.json');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.recording;
}

describe('tracker replay on recorded detections', () => {
  it("runs with the recording's own process noise (params.q) unless told otherwise", () => {
    const recording = load();
    const withQ = (q: number) => ({ ...recording, params: { ...recording.params, q } });
    const rows = (r: ReturnType<typeof load>, options = {}) => {
      const out = replayTracker(r, options);
      return Array.from(out.x.subarray(0, out.count));
    };
    // q = 8 in the file behaves as --q 8, not as the default 0.5 ...
    expect(rows(withQ(8))).toEqual(rows(recording, { processNoise: 8 }));
    expect(rows(withQ(8))).not.toEqual(rows(withQ(0.5)));
    // ... and an explicit option wins over the file.
    expect(rows(withQ(8), { processNoise: 0.5 })).toEqual(rows(withQ(0.5)));
  });

  it('reproduces the reference GNN tracker with its settings', () => {
    const recording = load();
    expect(recording.scanTimeS.length).toBe(30);
    const ours = replayTracker(recording);
    const ref = parseTrackRows(readFileSync(REFERENCE, 'utf8'));
    if (!ref.ok) throw new Error('bad reference');
    const params = { cutoffM: 200, p: 1 };
    const a = scoreStateRows(recording, ours, params);
    const b = scoreStateRows(recording, ref.rows, params);
    expect(a.meanGospa).toBeCloseTo(b.meanGospa, 6);
    expect(a.missedTargetScans).toBe(b.missedTargetScans);
    expect(a.falseTrackScans).toBe(b.falseTrackScans);
    expect(ours.count).toBe(ref.rows.count);
    // Same estimates in every scan (ids are numbered differently, rows may come in another order).
    const key = (rows: typeof ours) =>
      Array.from({ length: rows.count }, (_, k) => [rows.t[k], rows.x[k], rows.vy[k]]).sort(
        (p, q) => p[0] - q[0] || p[1] - q[1],
      );
    const mine = key(ours);
    const theirs = key(ref.rows);
    for (let k = 0; k < mine.length; k++) {
      expect(mine[k][0]).toBe(theirs[k][0]);
      expect(mine[k][1]).toBeCloseTo(theirs[k][1], 6);
      expect(mine[k][2]).toBeCloseTo(theirs[k][2], 6);
    }
  });

  it('is worse with a gate too tight to hold the tracks', () => {
    const recording = load();
    const params = { cutoffM: 200, p: 1 };
    const normal = scoreStateRows(recording, replayTracker(recording), params);
    const tight = scoreStateRows(recording, replayTracker(recording, { gate: 0.3 }), params);
    expect(tight.meanGospa).toBeGreaterThan(normal.meanGospa);
  });

  it('writes tracks that read back identically', () => {
    const rows = replayTracker(load());
    const back = parseTrackRows(formatTrackRows(rows));
    if (!back.ok) throw new Error('unreadable output');
    expect(back.rows.count).toBe(rows.count);
    expect(Array.from(back.rows.x)).toEqual(Array.from(rows.x.subarray(0, rows.count)));
  });
});

describe('recording reader', () => {
  const bad = (text: string) => {
    const r = parseRecording(text, 'bad.json');
    if (r.ok) throw new Error('accepted a bad file');
    return r.issues;
  };

  it('locates syntax errors', () => {
    const issues = bad('{"scans": [\n  {"t": 0,, "detections": []}]}');
    expect(issues[0].field).toBe('(syntax)');
    expect(issues[0].line).toBe(2);
  });

  it('locates wrong fields to line and column', () => {
    const text =
      '{"params": {"sigma": 30},\n "scans": [\n  {"t": 0, "detections": [{"x": 1, "y": "north"}]}]}';
    const issues = bad(text);
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe('scans[0].detections[0].y');
    expect(issues[0].line).toBe(3);
    expect(issues[0].column).toBe(41); // the value "north"
  });

  it('rejects missing scans, bad sigma, unordered times, bad truth ids and unknown fields', () => {
    expect(bad('{"truth": []}')[0].field).toBe('scans');
    expect(bad('{"params": {"sigma": 0}, "scans": []}')[0].field).toBe('params.sigma');
    expect(bad('{"scans": [{"t": 2, "detections": []}, {"t": 1, "detections": []}]}')[0].field).toBe(
      'scans[1].t',
    );
    expect(bad('{"scans": [{"t": 0, "detections": [{"x": 0, "y": 0, "truth_id": -3}]}]}')[0].field).toBe(
      'scans[0].detections[0].truth_id',
    );
    expect(bad('{"scans": [], "scan": []}')[0].field).toBe('scan');
    expect(bad('[1, 2]')[0].message).toBe('wrong type');
    expect(
      bad('{"scans": [], "truth": [{"id": 1.5, "t": 0, "x": 0, "vx": 0, "y": 0, "vy": 0}]}')[0].field,
    ).toBe('truth[0].id');
  });
});
