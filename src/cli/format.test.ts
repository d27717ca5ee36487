import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeOutcome } from '../metrics/index.js';
import type { TrackScore } from '../model/outcome.js';
import { runScenario } from '../run/index.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { formatOutcome } from './format.js';
import { gospaParts } from './format-gospa.js';

const score: TrackScore = {
  cutoffM: 200,
  p: 1,
  scans: 100,
  meanGospa: 0,
  finalGospa: 0,
  localisationSum: 1.344e8,
  missedTargetScans: 2_264_571,
  falseTrackScans: 44_070,
  idSwitches: 0,
  meanTimeToConfirmS: 10,
  truthsSeen: 1,
  truthsDetected: 1,
  truthsTracked: 1,
};

describe('gospaParts', () => {
  it('splits the mean per scan (p = 1) into metres that add up, with the counts grouped', () => {
    // 1.344e8 / 100 = 1,344,000 m; 100 × 2,264,571 / 100 = 2,264,571 m; 100 × 44,070 / 100.
    expect(gospaParts(score)).toBe(
      'localisation 1,344,000 m + missed 2,264,571 m + false 44,070 m per scan ' +
        '(2,264,571 missed target-scans, 44,070 false track-scans)',
    );
  });

  it('gives the counts and the localisation sum when p ≠ 1 (the parts do not add up then)', () => {
    expect(gospaParts({ ...score, p: 2 })).toBe(
      '2,264,571 missed target-scans, 44,070 false track-scans; localisation Σd^2 1.344e+8 m^2',
    );
  });
});

describe('formatOutcome', () => {
  const scenario = parseScenarioOrThrow(
    readFileSync(new URL('../../scenarios/kyiv-layered-night.yaml', import.meta.url), 'utf8'),
  );
  const o = computeOutcome(scenario, runScenario(scenario));
  const text = formatOutcome(scenario.name, scenario.seed, o);
  const line = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';

  it("counts interceptor drones against their own engagements, not other layers' bursts", () => {
    const drones = o.byEffectorKind['interceptor-drone'];
    expect(o.interceptAttempts).toBeGreaterThan(drones.engagements); // guns and fire groups fired too
    const lost = o.interceptorsSpent - drones.engagements;
    expect(line('interceptors spent')).toContain(
      `${o.interceptorsSpent} (${drones.engagements} engaged, ${lost > 0 ? `${lost} lost without engaging, ` : ''}${o.interceptorsRecovered} recovered)`,
    );
    expect(line('engagements, all layers')).toContain(String(o.interceptAttempts));
  });

  it('states people affected once per resident: never more than the largest group hit', () => {
    const largest = Math.max(...o.assetsHit.map((a) => a.peopleAffected));
    expect(o.peopleAffected).toBeCloseTo(largest, 6);
    expect(line('people-days without service')).toContain(Math.round(largest).toLocaleString('en'));
  });
});
