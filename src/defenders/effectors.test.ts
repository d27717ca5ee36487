// Each effector kind's envelope and logistics, on small nights built to probe one limit at a time:
// threats above the ceiling or outside range are never engaged, ammunition and stock run out,
// reloads, scrambles and turnarounds take their time, launch preparation delays the launch.

import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../model/events.js';
import { computeOutcome } from '../metrics/index.js';
import { runScenario } from '../run/index.js';
import { parseScenarioOrThrow } from '../scenario/index.js';

interface Night {
  defenders: string;
  /** Threat overrides, e.g. `altitude: 3000 m`. */
  threat?: string;
  count?: number;
  /** Launch point [lat, lon]; the asset is at the origin. */
  from?: string;
  between?: string;
  start?: string;
  duration?: string;
  type?: string;
}

/** One asset at the origin (Kyiv), threats launched 100 km east (or `from`) flying straight at it. */
function night(n: Night) {
  return parseScenarioOrThrow(`
name: probe
start: ${n.start ?? '2025-12-14T20:00:00+02:00'}
duration: ${n.duration ?? '3 h'}
step: 1 s
region: { origin: [50.45, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100, destroy: 80 kg }]
threats:
  - wave: w
    type: ${n.type ?? 'shahed-136'}
    count: ${n.count ?? 1}
    launch: { from: ${n.from ?? '[50.45, 31.9]'}, between: ${n.between ?? '["+0 s", "+0 s"]'} }
    aim: Plant
    ${n.threat ?? ''}
defenders: ${n.defenders}
`);
}

const run = (s: ReturnType<typeof night>, seed = 1) => {
  const log = runScenario(s, seed);
  return { log, outcome: computeOutcome(s, log) };
};
const of = <K extends SimEvent['kind']>(events: SimEvent[], kind: K) =>
  events.filter((e): e is Extract<SimEvent, { kind: K }> => e.kind === kind);

describe('SAM batteries', () => {
  const sam = (extra = '', pk = 1) =>
    `[{ name: sam, type: iris-t-slm, base: [50.45, 30.60], pk: ${pk}, ${extra} }]`;

  it('engages a threat inside the envelope, with the missile fired inside range', () => {
    const { log, outcome } = run(night({ defenders: sam() }));
    expect(outcome.destroyed).toBe(1);
    expect(outcome.missilesSpent).toBe(1);
    const attempt = of(log.events, 'intercept-attempt')[0];
    // The intercept happened within 40 km of the battery, horizontally.
    const batteryE = (30.6 - 30.52) * 111_320 * Math.cos((50.45 * Math.PI) / 180);
    expect(Math.hypot(attempt.e - batteryE, attempt.n)).toBeLessThan(40_000);
  });

  it('never engages a threat above its ceiling or below its floor', () => {
    const high = run(night({ defenders: sam('ceiling: 400 m'), threat: 'altitude: 600 m' }));
    expect(high.outcome.interceptAttempts).toBe(0);
    expect(high.outcome.interceptorsLaunched).toBe(0);
    expect(high.outcome.leaked).toBe(1);
    const low = run(night({ defenders: sam('minAltitude: 800 m'), threat: 'altitude: 600 m' }));
    expect(low.outcome.interceptorsLaunched).toBe(0);
  });

  it('never engages a threat whose course stays outside its range', () => {
    // The battery sits 30 km north of a course that passes it by: range 20 km keeps it out.
    const s = night({
      defenders: `[{ name: sam, type: iris-t-slm, base: [50.72, 31.2], range: 20 km, pk: 1 }]`,
    });
    const { outcome } = run(s);
    expect(outcome.interceptorsLaunched).toBe(0);
    const wide = run(
      night({ defenders: `[{ name: sam, type: iris-t-slm, base: [50.72, 31.2], range: 40 km, pk: 1 }]` }),
    );
    expect(wide.outcome.destroyed).toBe(1);
  });

  it('runs out of missiles, and reloads only after the reload time', () => {
    const s = night({
      defenders: sam('ready: 2, stock: 3, reload: 20 min', 0),
      count: 6,
      between: '["+0 s", "+30 min"]',
    });
    // Pk 0 makes C2 hold fire; give it a tiny Pk so it fires but (almost surely) misses.
    const probe = night({
      defenders: sam('ready: 2, stock: 3, reload: 20 min', 0.000001),
      count: 6,
      between: '["+0 s", "+30 min"]',
    });
    expect(run(s).outcome.interceptorsLaunched).toBe(0);
    const { log, outcome } = run(probe);
    expect(outcome.missilesSpent).toBe(3);
    const launches = of(log.events, 'interceptor-launch').map((e) => e.t);
    const reload = of(log.events, 'reloaded');
    expect(reload).toHaveLength(1);
    expect(reload[0].missiles).toBe(1);
    // The third missile leaves only after a reload of 20 minutes from the second launch.
    expect(launches[2] - launches[1]).toBeGreaterThanOrEqual(20 * 60);
    expect(reload[0].t - launches[1]).toBeGreaterThanOrEqual(20 * 60);
  });
});

describe('guns', () => {
  const gun = (extra = '', pk = 1, at = '[50.45, 30.56]') =>
    `[{ name: gepard, type: gepard, base: ${at}, pk: ${pk}, ${extra} }]`;

  it('fires bursts only within slant range and below its ceiling', () => {
    const { log, outcome } = run(night({ defenders: gun() }));
    expect(outcome.destroyed).toBe(1);
    const burst = of(log.events, 'intercept-attempt')[0];
    expect(burst.flight).toBe(-1);
    expect(burst.rounds).toBe(36);
    const gunE = (30.56 - 30.52) * 111_320 * Math.cos((50.45 * Math.PI) / 180);
    expect(Math.hypot(burst.e - gunE, burst.n, burst.u)).toBeLessThanOrEqual(4000 + 1);
    // Far from the target the threat cruises over the gun, above a 300 m ceiling.
    const high = run(
      night({ defenders: gun('ceiling: 300 m', 1, '[50.45, 31.0]'), threat: 'altitude: 500 m' }),
    );
    expect(high.log.events.some((e) => e.kind === 'impact')).toBe(true);
    expect(high.outcome.interceptAttempts).toBe(0);
    // A course 6 km to the north never comes within a 4 km slant range.
    const far = run(night({ defenders: `[{ name: gepard, type: gepard, base: [50.50, 30.60], pk: 1 }]` }));
    expect(far.outcome.interceptAttempts).toBe(0);
  });

  it('runs out of ammunition and then stays silent', () => {
    const s = night({ defenders: gun('stock: 100', 0.000001), count: 10, between: '["+0 s", "+20 min"]' });
    const { outcome } = run(s);
    // 100 rounds: two full bursts of 36 and one of the 28 left.
    expect(outcome.roundsFired).toBe(100);
    expect(outcome.byEffectorKind.gun.engagements).toBe(3);
    expect(outcome.defenseSpend).toBe(100 * s.defenders[0].unitCost);
  });
});

describe('mobile fire groups', () => {
  const group = (extra = '', at = '[50.45, 30.56]') =>
    `[{ name: fg, type: mobile-fire-group, base: ${at}, pk: 1, range: 2.5 km, ${extra} }]`;

  it('cannot reach a threat above its ceiling', () => {
    // 20 km out, before its dive, the threat passes overhead at 1,500 m.
    const far = '[50.45, 30.80]';
    const { outcome } = run(night({ defenders: group('ceiling: 1 km', far), threat: 'altitude: 1500 m' }));
    expect(outcome.interceptAttempts).toBe(0);
    const reach = run(night({ defenders: group('ceiling: 2 km', far), threat: 'altitude: 1500 m' }));
    expect(reach.outcome.destroyed).toBe(1);
  });

  it('fires only as far as its searchlight shows at night, and farther by day', () => {
    const firstBurst = (start: string) => {
      const { log } = run(night({ defenders: group('nightRange: 800 m'), threat: 'altitude: 200 m', start }));
      const b = of(log.events, 'intercept-attempt')[0];
      const fgE = (30.56 - 30.52) * 111_320 * Math.cos((50.45 * Math.PI) / 180);
      return Math.hypot(b.e - fgE, b.n, b.u);
    };
    expect(firstBurst('2025-12-14T20:00:00+02:00')).toBeLessThanOrEqual(800);
    expect(firstBurst('2025-06-14T12:00:00+03:00')).toBeGreaterThan(800);
  });

  it('drives its patrol loop at its relocation speed and fires only when set up', () => {
    const s = night({
      defenders: group('patrol: [[50.45, 30.90]], dwell: 10 min, relocationSpeed: 60 km/h, setup: 1 min'),
      count: 0 + 1,
      between: '["+2 h", "+2 h"]',
      duration: '4 h',
    });
    const { outcome } = run(s);
    expect(outcome.interceptAttempts).toBeGreaterThanOrEqual(1);
  });
});

describe('fighter jets', () => {
  const jets = (extra: string, pk = 1) =>
    `[{ name: jet, type: mirage-2000-5, base: [50.45, 30.30], pk: ${pk}, cannonPk: 1, ${extra} }]`;

  it('takes off from ground alert only a scramble time after the first order', () => {
    for (const scramble of [60, 900]) {
      const { log } = run(night({ defenders: jets(`scramble: ${scramble} s`), duration: '3 h' }));
      const sortie = of(log.events, 'sortie')[0];
      expect(sortie.mission).toBe('scramble');
      // The threat is tracked from its launch at 0 s, so the first order comes within a cycle.
      expect(sortie.t).toBeGreaterThanOrEqual(scramble);
      expect(sortie.t).toBeLessThanOrEqual(scramble + 4);
    }
  });

  it('fires a missile within missile range, then cannon passes once the missiles are gone', () => {
    const s = night({
      defenders: jets('loadout: 1, stock: 1', 0.000001),
      count: 3,
      between: '["+0 s", "+10 min"]',
    });
    const { log, outcome } = run(s);
    expect(outcome.missilesSpent).toBe(1);
    expect(outcome.byEffectorKind.jet.cannonPasses).toBeGreaterThanOrEqual(1);
    for (const pass of of(log.events, 'intercept-attempt').filter((e) => e.flight === -1))
      expect(pass.pk).toBeCloseTo(0.5, 10); // cannonPk 1 halved at night
  });

  it('flies CAP sorties no longer than its fuel allows, and turns around before the next', () => {
    const s = night({
      defenders: jets('alert: cap, station: [50.60, 30.60], sortie: 40 min, turnaround: 30 min'),
      count: 1,
      between: '["+3 h", "+3 h"]',
      duration: '4 h',
    });
    const { log, outcome } = run(s);
    const sorties = of(log.events, 'sortie');
    const landings = of(log.events, 'landed');
    expect(sorties.length).toBeGreaterThanOrEqual(3);
    expect(outcome.jetSorties).toBe(sorties.length);
    for (let i = 0; i < landings.length; i++) {
      expect(landings[i].t - sorties[i].t).toBeLessThanOrEqual(40 * 60 + 1);
      if (sorties[i + 1]) expect(sorties[i + 1].t - landings[i].t).toBeGreaterThanOrEqual(30 * 60);
    }
  });
});

describe('interceptor-drone units', () => {
  it('launch only a preparation time after the order', () => {
    const team = (prep: string) =>
      `[{ name: team, type: sting-interceptor, base: [50.45, 30.80], stock: 4, crews: 2, pk: 1, prep: ${prep} }]`;
    const first = (prep: string) =>
      of(run(night({ defenders: team(prep) })).log.events, 'interceptor-launch')[0].t;
    expect(first('0 s')).toBeLessThan(10);
    expect(first('120 s') - first('0 s')).toBeGreaterThanOrEqual(119);
  });

  it('spend their stock, get deliveries during the night and spend those too', () => {
    const team = (resupply: string) =>
      `[{ name: team, type: sting-interceptor, base: [50.45, 30.80], stock: 2, crews: 4, launchInterval: 5 s, pk: 0.000001 ${resupply} }]`;
    const s = night({ defenders: team(''), count: 8, between: '["+0 s", "+2 h"]' });
    expect(run(s).outcome.interceptorsSpent).toBe(2);
    const fed = night({
      defenders: team(', resupply: { every: 30 min, amount: 1 }'),
      count: 8,
      between: '["+0 s", "+2 h"]',
    });
    const { log, outcome } = run(fed);
    expect(outcome.interceptorsDelivered).toBeGreaterThanOrEqual(4);
    expect(outcome.interceptorsSpent).toBeGreaterThan(2);
    expect(outcome.interceptorsSpent).toBeLessThanOrEqual(2 + outcome.interceptorsDelivered);
    for (const d of of(log.events, 'resupply')) expect(d.t % 1800).toBe(0);
  });
});

describe('engagements stay deterministic with every kind at once', () => {
  it('gives the same log for the same seed, and Pk draws per unit stream', () => {
    const s = night({
      defenders: `[
        { name: team, type: sting-interceptor, base: [50.45, 30.80], stock: 6, crews: 2 },
        { name: fg, type: mobile-fire-group, base: [50.45, 30.60] },
        { name: gepard, type: gepard, base: [50.45, 30.58] },
        { name: sam, type: iris-t-slm, base: [50.45, 30.55], ready: 4, stock: 4 },
        { name: jet, type: mirage-2000-5, base: [50.45, 30.30], alert: cap, station: [50.50, 31.0] }
      ]`,
      count: 20,
      between: '["+0 s", "+40 min"]',
    });
    const a = JSON.stringify(runScenario(s, 7));
    expect(JSON.stringify(runScenario(s, 7))).toBe(a);
    expect(JSON.stringify(runScenario(s, 8))).not.toBe(a);
  });
});
