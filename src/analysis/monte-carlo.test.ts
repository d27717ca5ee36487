import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { aggregateOutcomes, batchSeeds, measureRun } from './monte-carlo.js';
import { flattenMeasures } from './outcome-measures.js';
import type { Outcome } from '../model/outcome.js';

const SCENARIO = readFileSync(new URL('../../test/fixtures/mc-night.yaml', import.meta.url), 'utf8');

describe('flattenMeasures', () => {
  it('names nested numbers by path and list items by name', () => {
    const m = flattenMeasures({
      a: 1,
      b: { c: 2, d: 'text', e: { f: 3 } },
      list: [{ name: 'x', v: 4 }, { v: 5 }],
      flag: true,
    });
    expect([...m.entries()]).toEqual([
      ['a', 1],
      ['b.c', 2],
      ['b.e.f', 3],
      ['list.x.v', 4],
      ['list.1.v', 5],
    ]);
  });
});

describe('aggregateOutcomes', () => {
  it('aggregates every numeric field, counting absent list items as zero and failures apart', () => {
    const outcome = (leaked: number, hit?: number) =>
      ({ leaked, assetsHit: hit === undefined ? [] : [{ name: 'plant', hits: hit }] }) as unknown as Outcome;
    const agg = aggregateOutcomes([outcome(1), undefined, outcome(3, 2), outcome(5, 4)]);
    expect(agg.runs).toBe(3);
    expect(agg.failed).toBe(1);
    const by = Object.fromEntries(agg.measures.map((m) => [m.name, m.summary]));
    expect(by['leaked'].mean).toBe(3);
    expect(by['leaked'].median).toBe(3);
    // plant hits: 0, 2, 4 → mean 2, sd 2.
    expect(by['assetsHit.plant.hits'].n).toBe(3);
    expect(by['assetsHit.plant.hits'].mean).toBe(2);
    expect(by['assetsHit.plant.hits'].sd).toBe(2);
  });

  it('covers every numeric Outcome field of real runs', () => {
    const scenario = parseScenarioOrThrow(SCENARIO);
    const runs = batchSeeds(9, 0, 3).map((seed) => measureRun(scenario, seed));
    const agg = aggregateOutcomes(runs.map((r) => r.outcome));
    const names = agg.measures.map((m) => m.name);
    for (const [key, value] of Object.entries(runs[0].outcome))
      if (typeof value === 'number') expect(names).toContain(key);
    expect(names).toContain('byThreatType.shahed-136.leaked');
    expect(names).toContain('destroyedByUnit.north-interceptors');
  });
});

describe('measureRun', () => {
  it('marks one kill position per kill and one impact per leaker', () => {
    const scenario = parseScenarioOrThrow(SCENARIO);
    const { outcome, marks } = measureRun(scenario, 4);
    expect(marks.kills.length).toBe(2 * outcome.destroyed);
    expect(marks.impacts.length).toBe(outcome.leaked);
    expect(outcome.destroyed + outcome.leaked).toBeGreaterThan(0);
    // One time per mark, within the night and in the order the events happened.
    expect(marks.killTimesS).toHaveLength(outcome.destroyed);
    expect(marks.impactTimesS).toHaveLength(outcome.leaked);
    for (const times of [marks.killTimesS!, marks.impactTimesS!])
      times.forEach((t, k) => {
        expect(t).toBeGreaterThan(0);
        expect(t).toBeLessThanOrEqual(scenario.durationS);
        if (k > 0) expect(t).toBeGreaterThanOrEqual(times[k - 1]);
      });
  });

  it('derives the same seeds whatever the slice', () => {
    expect(batchSeeds(3, 0, 10).slice(4)).toEqual(batchSeeds(3, 4, 6));
  });
});
