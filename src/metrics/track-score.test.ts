import { describe, expect, it } from 'vitest';
import { emptyStateRows, type StateRows } from '../model/recording.js';
import { scoreStateRows, TrackScorer } from './track-score.js';

/** One scan: truths and tracks as [id, x, y]. */
function scan(
  s: TrackScorer,
  t: number,
  truths: [number, number, number][],
  tracks: [number, number, number][],
) {
  s.scan(
    t,
    truths.map((r) => r[0]),
    truths.map((r) => r[1]),
    truths.map((r) => r[2]),
    truths.length,
    tracks.map((r) => r[0]),
    tracks.map((r) => r[1]),
    tracks.map((r) => r[2]),
    tracks.length,
  );
}

describe('track-id switches', () => {
  it('counts none while two close truths keep their tracks within c, however the optimum flips', () => {
    const s = new TrackScorer({ cutoffM: 50, p: 1 });
    s.reported(1, 0);
    s.reported(2, 0);
    scan(
      s,
      0,
      [
        [1, 0, 0],
        [2, 30, 0],
      ],
      [
        [10, 10, 0],
        [20, 20, 0],
      ],
    );
    // The optimal assignment now pairs 1–20 and 2–10 (14 + 14 < 16 + 16); both old pairs hold.
    scan(
      s,
      1,
      [
        [1, 0, 0],
        [2, 30, 0],
      ],
      [
        [10, 16, 0],
        [20, 14, 0],
      ],
    );
    scan(
      s,
      2,
      [
        [1, 0, 0],
        [2, 30, 0],
      ],
      [
        [10, 29, 0],
        [20, 1, 0],
      ],
    );
    expect(s.summary().idSwitches).toBe(0);
    // The truths part and the tracks turn out swapped: each truth changes track once.
    scan(
      s,
      3,
      [
        [1, 0, 0],
        [2, 100, 0],
      ],
      [
        [10, 99, 0],
        [20, 1, 0],
      ],
    );
    scan(
      s,
      4,
      [
        [1, 0, 0],
        [2, 100, 0],
      ],
      [
        [10, 99, 0],
        [20, 1, 0],
      ],
    );
    const score = s.summary();
    expect(score.idSwitches).toBe(2);
    expect(score.truthsTracked).toBe(2);
  });

  it('counts a lost track picked up again under a new id once, after the gap', () => {
    const s = new TrackScorer({ cutoffM: 50, p: 1 });
    s.reported(7, 0);
    scan(s, 0, [[7, 0, 0]], [[1, 5, 0]]);
    scan(s, 1, [[7, 10, 0]], [[1, 15, 0]]);
    scan(s, 2, [[7, 20, 0]], []);
    scan(s, 3, [[7, 30, 0]], []);
    scan(s, 4, [[7, 40, 0]], [[2, 41, 0]]);
    scan(s, 5, [[7, 50, 0]], [[2, 51, 0]]);
    // A track drifting off beyond c and a second truth taking it: the first truth's next track
    // is its second switch.
    s.reported(8, 6);
    scan(
      s,
      6,
      [
        [7, 60, 0],
        [8, 200, 0],
      ],
      [
        [2, 199, 0],
        [3, 61, 0],
      ],
    );
    expect(s.summary().idSwitches).toBe(2);
  });

  it('does not let a truth take back a track another truth holds now', () => {
    const s = new TrackScorer({ cutoffM: 50, p: 1 });
    s.reported(1, 0);
    s.reported(2, 0);
    scan(
      s,
      0,
      [
        [1, 0, 0],
        [2, 500, 0],
      ],
      [
        [10, 1, 0],
        [20, 501, 0],
      ],
    );
    // Track 10 leaves truth 1 for truth 2 (and 20 is gone): truth 2 switches to 10.
    scan(
      s,
      1,
      [
        [1, 0, 0],
        [2, 500, 0],
      ],
      [[10, 499, 0]],
    );
    // Track 10 comes back within c of truth 1 while still near truth 2: it stays truth 2's, and
    // truth 1 (unmatched since) takes the new track 30 — its one switch.
    scan(
      s,
      2,
      [
        [1, 0, 0],
        [2, 40, 0],
      ],
      [
        [10, 30, 0],
        [30, 2, 0],
      ],
    );
    const score = s.summary();
    expect(score.idSwitches).toBe(2);
  });
});

describe('time to confirm', () => {
  it('runs from the first report to the first match, over the truths ever matched', () => {
    const s = new TrackScorer({ cutoffM: 50, p: 1 });
    // Truth 1 flies from t = 0 but is first reported at t = 3 (a measurement delivered later):
    // a track near it before then belongs to something else and does not count.
    scan(
      s,
      0,
      [
        [1, 0, 0],
        [2, 500, 0],
      ],
      [[9, 1, 0]],
    );
    s.reported(2, 0);
    scan(
      s,
      2,
      [
        [1, 0, 0],
        [2, 500, 0],
      ],
      [[9, 1, 0]],
    );
    s.reported(1, 3);
    scan(
      s,
      4,
      [
        [1, 0, 0],
        [2, 500, 0],
      ],
      [
        [9, 1, 0],
        [5, 502, 0],
      ],
    );
    scan(
      s,
      10,
      [
        [1, 0, 0],
        [2, 500, 0],
        [3, 900, 0],
      ],
      [
        [9, 1, 0],
        [5, 502, 0],
      ],
    );
    const score = s.summary();
    // Truth 1: 4 − 3 = 1 s; truth 2: reported at 0, matched at 4 → 4 s. Truth 3 never reported.
    expect(score.meanTimeToConfirmS).toBeCloseTo(2.5, 12);
    expect(score.truthsSeen).toBe(3);
    expect(score.truthsDetected).toBe(2);
    expect(score.truthsTracked).toBe(2);
    expect(score.idSwitches).toBe(0);
    // GOSPA still counts every truth in the air: the last scan has 3 truths, 2 tracks.
    expect(score.missedTargetScans).toBe(1 + 1 + 0 + 1);
  });

  it('takes the first report from the recording when scoring recorded tracks', () => {
    const truth = rows([
      [1, 0, 0, 0],
      [1, 1, 10, 0],
      [1, 2, 20, 0],
      [1, 3, 30, 0],
    ]);
    const tracks = rows([
      [4, 2, 21, 0],
      [4, 3, 31, 0],
    ]);
    // Scan 0: clutter only; scan 1: the first report of truth 1.
    const recording = {
      scanTimeS: Float64Array.from([0, 1, 2, 3]),
      scanStart: Int32Array.from([0, 1, 2, 3, 4]),
      detTruth: Int32Array.from([-1, 1, 1, 1]),
      truth,
    };
    const score = scoreStateRows(recording, tracks, { cutoffM: 5, p: 1 });
    expect(score.meanTimeToConfirmS).toBe(1);
    expect(score.truthsTracked).toBe(1);
    expect(score.missedTargetScans).toBe(2);
  });
});

function rows(list: [number, number, number, number][]): StateRows {
  const r = emptyStateRows(list.length);
  for (const [id, t, x, y] of list) {
    const k = r.count++;
    r.id[k] = id;
    r.t[k] = t;
    r.x[k] = x;
    r.y[k] = y;
  }
  return r;
}
