import { describe, expect, it } from 'vitest';
import { Clock, every, ticksIn } from './clock.js';

/** The ticks on which the next-time arithmetic the C2 cycle and track scoring used to keep fired. */
function byNextTime(periodS: number, dt: number, ticks: number): number[] {
  const clock = new Clock(dt);
  let next = 0;
  const due: number[] = [];
  for (clock.tick = 0; clock.tick < ticks; clock.tick++) {
    const t = clock.t + clock.dt;
    if (t < next) continue;
    next = t + periodS - 1e-9;
    due.push(clock.tick);
  }
  return due;
}

function byEvery(periodS: number, dt: number, ticks: number): number[] {
  const clock = new Clock(dt);
  const cadence = every(periodS);
  const due: number[] = [];
  for (clock.tick = 0; clock.tick < ticks; clock.tick++) if (cadence.due(clock)) due.push(clock.tick);
  return due;
}

describe('clock', () => {
  it('ends a tick one step after it begins', () => {
    const clock = new Clock(0.1);
    clock.tick = 7;
    expect(clock.end).toBe(clock.t + clock.dt);
  });

  it('keeps a cadence on the ticks the old next-time arithmetic chose, for steps and periods of every size', () => {
    const steps = [0.05, 0.1, 0.25, 0.3, 0.5, 1, 1.5, 2, 3];
    const periods = [0.01, 0.1, 0.3, 0.5, 1, 1.2, 2, 2.5, 3, 4, 7.3, 10, 60, 2 + 1e-10, 2 - 1e-10];
    for (const dt of steps)
      for (const p of periods) {
        const ticks = Math.min(20_000, Math.ceil((200 * p) / dt) + 10);
        expect(byEvery(p, dt, ticks), `period ${p} s, step ${dt} s`).toEqual(byNextTime(p, dt, ticks));
      }
  });

  it('counts whole ticks in a period, at least one', () => {
    expect(ticksIn(2, 1)).toBe(2);
    expect(ticksIn(2.5, 1)).toBe(3);
    expect(ticksIn(0.2, 1)).toBe(1);
    expect(ticksIn(1, 0.1)).toBe(10);
  });

  it('is due on the first tick it is asked, wherever the run starts', () => {
    const clock = new Clock(1);
    const cadence = every(4);
    clock.tick = 9;
    expect(cadence.due(clock)).toBe(true);
    clock.tick = 12;
    expect(cadence.due(clock)).toBe(false);
    clock.tick = 13;
    expect(cadence.due(clock)).toBe(true);
  });
});
