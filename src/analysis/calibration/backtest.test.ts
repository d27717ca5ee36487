import { describe, expect, it } from 'vitest';
import { TALLIES, type CalibrationNight, type TallyName } from '../../model/calibration.js';
import { backtestNight, rmsError } from './backtest.js';
import { FIT_FIGURES } from './figures.js';
import { gridCandidates, pickBest, sumOfSquares } from './fit.js';
import { apportion } from './night-scenario.js';
import type { Tallies } from './tallies.js';

const NIGHT: CalibrationNight = {
  date: '2025-07-09',
  label: 'worked',
  launched: { 'shahed-136': 60, gerbera: 40, 'kh-101': 10 },
  reported: { dronesShotDown: 30, dronesHit: 5, missilesShotDown: 4 },
  sources: ['worked example'],
};

function tallies(values: Partial<Record<TallyName, number>>): Tallies {
  return { ...(Object.fromEntries(TALLIES.map((t) => [t, 0])) as Tallies), ...values };
}

// Five runs: shot down 20, 25, 30, 35, 60; hits 10 each; missiles shot down 0.
const RUNS = [20, 25, 30, 35, 60].map((d) => tallies({ dronesShotDown: d, dronesHit: 10 }));

describe('the backtest of a night', () => {
  it('gives the median, the 5–95% band and the error as a share of launched', () => {
    const bands = backtestNight(NIGHT, RUNS);
    const shot = bands.find((b) => b.tally === 'dronesShotDown')!;
    // Type 7 quantiles of 20 25 30 35 60: h = 4q → p5 = 20 + 0.2·5 = 21, p95 = 35 + 0.8·25 = 55.
    expect(shot).toMatchObject({
      reported: 30,
      median: 30,
      p5: 21,
      p95: 55,
      mean: 34,
      launched: 100,
      inside: true,
    });
    expect(shot.error).toBeCloseTo(0.04, 12); // (34 − 30) / 100 drones
    const hit = bands.find((b) => b.tally === 'dronesHit')!;
    expect(hit).toMatchObject({ reported: 5, median: 10, p5: 10, p95: 10, inside: false });
    expect(hit.error).toBeCloseTo(0.05, 12);
    const missiles = bands.find((b) => b.tally === 'missilesShotDown')!;
    expect(missiles).toMatchObject({ launched: 10, inside: false });
    expect(missiles.error).toBeCloseTo(-0.4, 12); // (0 − 4) / 10 missiles
    const lost = bands.find((b) => b.tally === 'dronesLostLocally')!;
    expect([lost.reported, lost.inside, lost.error]).toEqual([undefined, undefined, undefined]);
  });

  it('root mean square error over the reported tallies it admits', () => {
    const bands = backtestNight(NIGHT, RUNS);
    expect(rmsError(bands)).toBeCloseTo(Math.sqrt((0.04 ** 2 + 0.05 ** 2 + 0.4 ** 2) / 3), 12);
    expect(rmsError(bands, (t) => t.startsWith('drones'))).toBeCloseTo(
      Math.sqrt((0.04 ** 2 + 0.05 ** 2) / 2),
      12,
    );
    expect(rmsError(bands, () => false)).toBeNaN();
  });

  it('leaves out the tallies of a class the night did not launch', () => {
    const dronesOnly = { ...NIGHT, launched: { 'shahed-136': 10 }, reported: { dronesHit: 1 } };
    expect(backtestNight(dronesOnly, RUNS).map((b) => b.tally)).not.toContain('missilesHit');
  });
});

describe('the least-squares fit', () => {
  it('scores candidates by the drone tallies only and picks the smallest error', () => {
    const near = [tallies({ dronesShotDown: 31, dronesHit: 5, missilesShotDown: 0 })];
    const far = [tallies({ dronesShotDown: 20, dronesHit: 5, missilesShotDown: 4 })];
    expect(sumOfSquares([{ night: NIGHT, runs: near }]).sse).toBeCloseTo(0.01 ** 2, 12);
    expect(sumOfSquares([{ night: NIGHT, runs: near }]).terms).toBe(2);
    const [a, b] = gridCandidates([FIT_FIGURES[0]], 2);
    const { best, all } = pickBest([
      { candidate: a, nights: [{ night: NIGHT, runs: far }] },
      { candidate: b, nights: [{ night: NIGHT, runs: near }] },
    ]);
    expect(best.candidate).toBe(b);
    expect(all[0].rms).toBeCloseTo(Math.sqrt(0.1 ** 2 / 2), 12);
  });

  it('lays a full grid over the plausible ranges', () => {
    const [ew, pk] = FIT_FIGURES;
    const grid = gridCandidates([ew, pk], 3);
    expect(grid).toHaveLength(9);
    expect(grid.map((c) => c.map((v) => v.value))).toEqual([
      [0.2, 0.4],
      [0.2, 0.6],
      [0.2, 0.8],
      [0.5, 0.4],
      [0.5, 0.6],
      [0.5, 0.8],
      [0.8, 0.4],
      [0.8, 0.6],
      [0.8, 0.8],
    ]);
    expect(() => gridCandidates([ew], 1)).toThrow(/at least 2/);
    expect(() => gridCandidates([...FIT_FIGURES], 8)).toThrow(/512 candidates/);
  });
});

describe('scaling a raid to a night', () => {
  it('apportions whole counts in proportion, adding up to the total', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(300, [110, 70, 70, 60, 70])).toEqual([87, 55, 55, 48, 55]);
    expect(apportion(7, [0, 2])).toEqual([0, 7]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
  });
});
