// The live picture's refusals and ageing, and the operator loop: accepted shots spend stock and
// discount the track, rejected ones are not offered again, results free the crew or end the track.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrackReport } from '../model/live.js';
import { parseScenario } from '../scenario/index.js';
import { LivePicture } from './live-picture.js';
import { LivePlanner } from './live-planner.js';

const report = (uid: string, timeS: number, e = 60_000, n = 0): TrackReport => ({
  uid,
  timeS,
  staleS: timeS + 30,
  e,
  n,
  u: 1000,
  vx: -51,
  vy: 0,
  vz: 0,
  sigmaM: 0,
  pDecoy: 0,
});

function scenario(stock = 10) {
  const text = readFileSync(join(import.meta.dirname, '../../test/fixtures/small-night.yaml'), 'utf8')
    .replace('stock: 10', `stock: ${stock}`)
    .concat('c2: { policy: greedy-mmr }\n');
  const parsed = parseScenario(text, 'small-night.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.scenario;
}

describe('LivePicture', () => {
  it('refuses stale, out-of-order and repeated reports, and ages tracks out', () => {
    const p = new LivePicture();
    expect(p.apply(report('a', 10), 10)).toBe('added');
    expect(p.apply(report('a', 12), 12)).toBe('updated');
    expect(p.apply(report('a', 11), 12)).toBe('out-of-order');
    expect(p.apply(report('a', 12), 12)).toBe('duplicate');
    expect(p.apply({ ...report('b', 1), staleS: 5 }, 12)).toBe('stale');
    expect(p.apply(report('b', 13), 13)).toBe('added');
    expect(p.tracks.count).toBe(2);
    expect(p.expire(42.5)).toBe(1);
    expect(p.tracks.count).toBe(1);
    expect(p.uid(p.tracks.id[0])).toBe('b');
    expect(p.kill('b')).toBe(true);
    expect(p.apply(report('b', 20), 20)).toBe('killed');
    expect(p.tracks.count).toBe(0);
  });
});

describe('LivePlanner operator loop', () => {
  it('accept spends a shot and discounts the track; result frees the crew; kill ends the track', () => {
    const s = scenario(3);
    const picture = new LivePicture();
    const planner = new LivePlanner(s, picture);
    picture.apply(report('x', 100), 100);
    const first = planner.replan(100);
    const rec = first.recommendations.find((r) => r.now)!;
    expect(rec.track).toBe('x');
    const before = first.valueAtStake;
    expect(planner.accept('x', 'nobody', 100)).toMatch(/no defender unit/);
    expect(planner.accept('y', rec.unit, 100)).toMatch(/recommends no shot/);
    expect(planner.accept('x', rec.unit, 100)).toBeNull();
    expect(planner.stock()[rec.unit]).toBe(2);
    const second = planner.replan(101);
    expect(second.engaging).toBe(1);
    // The engaged track is worth what may survive the shot under way.
    expect(second.valueAtStake).toBeCloseTo(before * (1 - rec.pk), 0);
    expect(planner.report('x', rec.unit, 'miss')).toBeNull();
    expect(planner.replan(102).valueAtStake).toBeCloseTo(before, 0);
    // The launcher is busy for its launch interval after the first shot: not 'now' yet.
    expect(planner.last!.recommendations.some((r) => r.now)).toBe(false);
    const again = planner.replan(125).recommendations.find((r) => r.now)!;
    expect(planner.accept('x', again.unit, 125)).toBeNull();
    expect(planner.report('x', again.unit, 'kill')).toBeNull();
    const after = planner.replan(126);
    expect(after.tracks).toBe(0);
    expect(planner.stock()[rec.unit]).toBe(1);
  });

  it('a rejected shot is not offered again on that track', () => {
    const s = scenario();
    const picture = new LivePicture();
    const planner = new LivePlanner(s, picture);
    picture.apply(report('x', 100), 100);
    const rec = planner.replan(100).recommendations[0];
    expect(planner.reject('x', rec.unit)).toBeNull();
    expect(planner.replan(101).recommendations.filter((r) => r.track === 'x' && r.unit === rec.unit)).toEqual(
      [],
    );
  });
});
