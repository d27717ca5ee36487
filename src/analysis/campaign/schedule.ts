// Reads a schedule (a ramp of breakpoints) at a given day: linear between breakpoints, constant
// before the first and after the last.

import type { Schedule } from '../../model/campaign.js';

export function scheduleAt(schedule: Schedule, day: number): number {
  const p = schedule.points;
  if (p.length === 0) return 0;
  if (day <= p[0].day) return p[0].value;
  for (let i = 1; i < p.length; i++) {
    if (day <= p[i].day) {
      const f = (day - p[i - 1].day) / (p[i].day - p[i - 1].day);
      return p[i - 1].value + f * (p[i].value - p[i - 1].value);
    }
  }
  return p[p.length - 1].value;
}

/** The schedule with every value multiplied by `factor` (budgets and capacities scaled by a plan). */
export function scaleSchedule(schedule: Schedule, factor: number): Schedule {
  return { points: schedule.points.map((q) => ({ day: q.day, value: q.value * factor })) };
}
