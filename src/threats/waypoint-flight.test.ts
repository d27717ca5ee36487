import { describe, expect, it } from 'vitest';
import { oneThreatNight } from '../../test/scenario-text.js';
import { assemble } from '../run/index.js';
import { simulate } from '../engine/simulate.js';
import { ThreatStatus } from '../model/world.js';

describe('threat flight', () => {
  it('flies straight to the aim point at cruise speed and hits it', () => {
    const scenario = oneThreatNight();
    const { world, log, phases } = assemble(scenario, 1);
    const type = scenario.threatTypes[0];
    const distance = Math.hypot(scenario.waves[0].launchCenter.e, scenario.waves[0].launchCenter.n);
    simulate(world, phases, {
      stepS: 1,
      durationS: scenario.durationS,
      finished: (w) => w.resolvedThreats === 1,
    });
    const impact = log.events.find((e) => e.kind === 'impact');
    expect(impact).toBeDefined();
    // Arrival within one step of distance / speed.
    expect(Math.abs(impact!.t - distance / type.speedMps)).toBeLessThanOrEqual(1);
    expect(world.threats.status[0]).toBe(ThreatStatus.Impacted);
    // 40 kg of an 80 kg destroy mass: half the value.
    expect(impact).toMatchObject({ asset: 'Plant', valueLost: 50 });
  });

  it('follows its waypoints, so the path is longer', () => {
    const direct = oneThreatNight();
    const dogleg = oneThreatNight({ route: '[[50.80, 31.20]]' });
    const impactTime = (s: typeof direct) => {
      const { world, log, phases } = assemble(s, 1);
      simulate(world, phases, { stepS: 1, durationS: s.durationS, finished: (w) => w.resolvedThreats === 1 });
      return log.events.find((e) => e.kind === 'impact')!.t;
    };
    const wp = dogleg.waves[0].route[0];
    const start = dogleg.waves[0].launchCenter;
    const path = Math.hypot(wp.e - start.e, wp.n - start.n) + Math.hypot(wp.e, wp.n);
    const speed = dogleg.threatTypes[0].speedMps;
    expect(Math.abs(impactTime(dogleg) - path / speed)).toBeLessThanOrEqual(1);
    expect(impactTime(dogleg)).toBeGreaterThan(impactTime(direct) + 60);
  });

  it('cruises at altitude and dives at the end', () => {
    const scenario = oneThreatNight();
    const type = scenario.threatTypes[0];
    const { world, phases } = assemble(scenario, 1);
    const altitudes: number[] = [];
    const ranges: number[] = [];
    simulate(
      world,
      [
        ...phases,
        {
          name: 'probe',
          step: (w) => {
            altitudes.push(w.threats.z[0]);
            ranges.push(Math.hypot(w.threats.x[0], w.threats.y[0]));
          },
        },
      ],
      {
        stepS: 1,
        durationS: scenario.durationS,
        finished: (w) => w.resolvedThreats === 1,
      },
    );
    const diveStart = type.cruiseAltitudeM / Math.tan(type.diveAngleRad);
    ranges.forEach((r, i) => {
      if (r > diveStart + 1) expect(altitudes[i]).toBeCloseTo(type.cruiseAltitudeM, 6);
      else if (altitudes[i] > 0) expect(altitudes[i]).toBeCloseTo(r * Math.tan(type.diveAngleRad), 6);
    });
    expect(Math.min(...altitudes)).toBe(0);
  });

  it('gives decoys no warhead: they end without damage', () => {
    const scenario = oneThreatNight({ type: 'gerbera' });
    const { world, log, phases } = assemble(scenario, 1);
    simulate(world, phases, {
      stepS: 1,
      durationS: scenario.durationS,
      finished: (w) => w.resolvedThreats === 1,
    });
    expect(log.events.some((e) => e.kind === 'impact')).toBe(false);
    expect(log.events.find((e) => e.kind === 'expired')).toMatchObject({ reason: 'decoy-spent' });
    expect(world.assets.damageFraction[0]).toBe(0);
  });
});
