// The guided-flight stage at its seam: a world assembled from a small scenario, a track put into
// the picture by hand, and the phases stepped directly (no sensors, tracker or C2 in between).
import { describe, expect, it } from 'vitest';
import { oneThreatNight } from '../../test/scenario-text.js';
import { putTrack } from '../../test/track-picture.js';
import { Clock } from '../engine/clock.js';
import type { Order } from '../model/order.js';
import { FlightStatus, type World } from '../model/world.js';
import { assemble } from '../run/index.js';
import { flightOrders, guidedFlight, launchFlight } from './guided-flight.js';

function setUp(defenders?: string) {
  const scenario = oneThreatNight({ pk: 1, stock: 4, defenders });
  const { world, log } = assemble(scenario, 1);
  return { world, log, unit: scenario.defenders[0] };
}

function step(world: World, clock: Clock, ticks: number): void {
  for (let k = 0; k < ticks; k++) {
    guidedFlight.step(world, clock);
    clock.tick++;
  }
}

describe('guided flights', () => {
  it('take off when their preparation ends, with the launch event at that time', () => {
    const { world, log } = setUp();
    const clock = new Clock(1);
    const track = putTrack(world, 77, [30_000, 0, 500], [-50, 0], 0);
    expect(launchFlight(world, 0, 0, 0, 0, track, 0, 3.5)).toBe(true);
    expect(world.flights.status[0]).toBe(FlightStatus.Preparing);
    expect(world.units.airborne[0]).toBe(1);
    step(world, clock, 2);
    expect(world.flights.status[0]).toBe(FlightStatus.Preparing);
    expect(log.events.filter((e) => e.kind === 'interceptor-launch')).toHaveLength(0);
    step(world, clock, 2);
    expect(world.flights.status[0]).toBe(FlightStatus.Outbound);
    const launch = log.events.find((e) => e.kind === 'interceptor-launch');
    expect(launch?.t).toBe(3.5);
  });

  it('fly lead pursuit at their speed and meet a constant-velocity track where it will be', () => {
    const { world, unit } = setUp();
    const clock = new Clock(1);
    // Track 20 km east, closing at 50 m/s; the drone starts at the origin at its own speed.
    const track = putTrack(world, 77, [20_000, 5_000, 0], [-50, 0], 0);
    launchFlight(world, 0, 0, 0, 0, track, 0);
    const v = unit.speedMps;
    // Lead pursuit on a straight track is a straight line: the meeting time solves
    // |p + u t| = v t with p = (20 000, 5 000), u = (−50, 0).
    const a = 50 * 50 - v * v;
    const b = 2 * (20_000 * -50);
    const c = 20_000 ** 2 + 5_000 ** 2;
    const meet = (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    const ticks = Math.floor(meet) - 1;
    step(world, clock, ticks);
    const f = world.flights;
    // Each step covers exactly speed × dt, on the line to the meeting point.
    expect(Math.hypot(f.vx[0], f.vy[0], f.vz[0])).toBeCloseTo(v, 6);
    const meetX = 20_000 - 50 * meet;
    const meetY = 5_000;
    const flown = Math.hypot(f.x[0], f.y[0]);
    expect(flown).toBeCloseTo(v * ticks, 3);
    expect(Math.abs(f.x[0] * meetY - f.y[0] * meetX) / Math.hypot(meetX, meetY)).toBeLessThan(1e-6);
  });

  it('hold position when the track is lost, and are lost when their endurance runs out', () => {
    const { world, log, unit } = setUp();
    const clock = new Clock(1);
    launchFlight(world, 0, 0, 0, 0, 12345, 0); // no such track
    step(world, clock, 3);
    expect([world.flights.x[0], world.flights.y[0], world.flights.vx[0]]).toEqual([0, 0, 0]);
    clock.tick = Math.ceil(unit.enduranceS);
    step(world, clock, 1);
    expect(world.flights.status[0]).toBe(FlightStatus.Free);
    expect(world.units.airborne[0]).toBe(0);
    const lost = log.events.find((e) => e.kind === 'interceptor-lost');
    expect(lost).toMatchObject({ reason: 'endurance' });
  });

  it('obey recalls: a drone comes home to stock, a flight still preparing stands down', () => {
    const { world, log, unit } = setUp();
    const clock = new Clock(1);
    const track = putTrack(world, 77, [20_000, 0, 0], [0, 0], 0);
    const stock = world.units.stock[0];
    launchFlight(world, 0, unit.base.e, unit.base.n, unit.base.u, track, 0);
    launchFlight(world, 0, unit.base.e, unit.base.n, unit.base.u, track, 0, 60);
    step(world, clock, 5);
    const recall = (flight: number): Order => ({ kind: 'vector', flight, track: -1 });
    world.orders.length = 0;
    world.orders.push(recall(0), recall(1));
    flightOrders.step(world, clock);
    expect(world.flights.status[0]).toBe(FlightStatus.Returning);
    expect(world.flights.status[1]).toBe(FlightStatus.Free);
    expect(world.units.stock[0]).toBe(stock + 1);
    world.orders.length = 0;
    step(world, clock, 10);
    expect(world.flights.status[0]).toBe(FlightStatus.Free);
    expect(world.units.stock[0]).toBe(stock + 2);
    expect(log.events.some((e) => e.kind === 'interceptor-recovered')).toBe(true);
    expect(world.units.airborne[0]).toBe(0);
  });
});
