// The jet stage at its seam: a world assembled from a small scenario with one jet on ground alert,
// a track put into the picture by hand, C2's orders written directly, the jet phases stepped.
import { describe, expect, it } from 'vitest';
import { oneThreatNight } from '../../test/scenario-text.js';
import { putTrack } from '../../test/track-picture.js';
import { Clock } from '../engine/clock.js';
import type { JetUnit } from '../model/scenario.js';
import { JetMode, type World } from '../model/world.js';
import { assemble } from '../run/index.js';
import { guidedFlight } from './guided-flight.js';
import { jetFire, jetFlight, jetOrders } from './jet.js';

const JET = '[{ name: jet, type: mirage-2000-5, base: [50.45, 30.52], stock: 6 }]';

function setUp() {
  const scenario = oneThreatNight({ defenders: JET });
  const { world, log } = assemble(scenario, 1);
  return { world, log, jet: scenario.defenders[0] as JetUnit };
}

/** One tick of the jet's phases in the engine's order (move, act on orders, fire). */
function tick(world: World, clock: Clock): void {
  guidedFlight.step(world, clock);
  jetFlight.step(world, clock);
  jetOrders.step(world, clock);
  jetFire.step(world, clock);
  world.orders.length = 0;
  clock.tick++;
}

describe('jets', () => {
  it('arm from the airbase store, scramble on the first order and take off after the scramble time', () => {
    const { world, log, jet } = setUp();
    expect(jet.kind).toBe('jet');
    const u = world.units;
    expect(u.loaded[0]).toBe(Math.min(jet.loadout, 6));
    expect(u.stock[0]).toBe(6 - u.loaded[0]);
    expect(u.mode[0]).toBe(JetMode.Ready);
    const clock = new Clock(1);
    putTrack(world, 9, [60_000, 0, 500], [0, 0], 0);
    tick(world, clock);
    expect(u.mode[0]).toBe(JetMode.Ready);
    world.orders.push({ kind: 'launch', unit: 0, track: 9 });
    jetOrders.step(world, clock);
    world.orders.length = 0;
    tick(world, clock); // t = 2: scramble starts
    expect(u.mode[0]).toBe(JetMode.Scrambling);
    const takeOffS = 2 + jet.scrambleS;
    while (clock.end < takeOffS) tick(world, clock);
    expect(u.mode[0]).toBe(JetMode.Scrambling);
    tick(world, clock);
    expect(u.mode[0]).toBe(JetMode.Intercept);
    expect(log.events.find((e) => e.kind === 'sortie')).toMatchObject({ t: takeOffS, mission: 'scramble' });
  });

  it('close at dash speed, fire one missile within missile range, then go back on patrol', () => {
    const { world, log, jet } = setUp();
    const u = world.units;
    const clock = new Clock(1);
    putTrack(world, 9, [60_000, 0, 500], [0, 0], 0);
    world.orders.push({ kind: 'launch', unit: 0, track: 9 });
    jetOrders.step(world, clock);
    world.orders.length = 0;
    while (u.mode[0] !== JetMode.Intercept) tick(world, clock);
    const loaded = u.loaded[0];
    let x = u.x[0];
    // Closing on a still track: dash speed each step until the missile leaves.
    while (u.loaded[0] === loaded) {
      tick(world, clock);
      if (u.loaded[0] === loaded) expect(u.x[0] - x).toBeCloseTo(jet.dashSpeedMps, 6);
      x = u.x[0];
      expect(clock.t).toBeLessThan(3600);
    }
    const range = Math.hypot(60_000 - u.x[0], u.y[0], 500 - u.z[0]);
    expect(range).toBeLessThanOrEqual(jet.missileRangeM);
    expect(range).toBeGreaterThan(jet.missileRangeM - 2 * jet.dashSpeedMps);
    expect(u.mode[0]).toBe(JetMode.Patrol);
    expect(u.targetTrack[0]).toBe(-1);
    expect(log.events.filter((e) => e.kind === 'interceptor-launch')).toHaveLength(1);
  });

  it('turn home when the fuel left just covers the way back, land, rearm and turn around', () => {
    const { world, log, jet } = setUp();
    const u = world.units;
    const clock = new Clock(10);
    // A track far away and flying off: the jet chases it until its fuel runs short.
    putTrack(world, 9, [200_000, 0, 500], [1000, 0], 0);
    world.orders.push({ kind: 'launch', unit: 0, track: 9 });
    jetOrders.step(world, clock);
    world.orders.length = 0;
    while (u.mode[0] !== JetMode.Returning) {
      tick(world, clock);
      expect(clock.t).toBeLessThan(4 * 3600);
    }
    const t = clock.t;
    const homeS = Math.hypot(u.x[0] - jet.base.e, u.y[0] - jet.base.n) / jet.cruiseSpeedMps;
    expect(t - u.sortieStartS[0] + homeS).toBeGreaterThanOrEqual(jet.sortieS - 2 * clock.dt);
    expect(t - u.sortieStartS[0] + homeS).toBeLessThanOrEqual(jet.sortieS + clock.dt);
    while (u.mode[0] === JetMode.Returning) tick(world, clock);
    expect(u.mode[0]).toBe(JetMode.Turnaround);
    const landed = log.events.find((e) => e.kind === 'landed');
    expect(landed).toBeDefined();
    expect([u.x[0], u.y[0]]).toEqual([jet.base.e, jet.base.n]);
    const readyAt = u.modeUntilS[0];
    expect(readyAt - (landed?.t ?? 0)).toBeCloseTo(jet.turnaroundS, 6);
    while (clock.end < readyAt) tick(world, clock);
    expect(u.mode[0]).toBe(JetMode.Turnaround);
    tick(world, clock);
    expect(u.mode[0]).toBe(JetMode.Ready);
  });
});
