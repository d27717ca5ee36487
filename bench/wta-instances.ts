// WTA benchmark inputs: the shared instances with proven optima, and a seeded generator of
// family-B instances (values ~ U_int[1, 99], pk ~ U(0, 1)) with an optional reach mask.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classicProblem, type WtaProblem } from '../src/c2/wta-problem.js';
import { RandomStream } from '../src/core/rng.js';
import { parseWtaInstance, type WtaInstance } from '../src/scenario/wta-instance.js';

export const SHARED_WTA_DIR = fileURLToPath(new URL('../../shared/bench/wta/', import.meta.url));

export function sharedInstances(): WtaInstance[] {
  return readdirSync(SHARED_WTA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = parseWtaInstance(readFileSync(SHARED_WTA_DIR + f, 'utf8'), f);
      if (!r.ok) throw new Error(`${f}: ${r.issues[0].message}`);
      return r.instance;
    });
}

export function problemOf(instance: WtaInstance): WtaProblem {
  return classicProblem(instance.values, instance.pk, instance.weapons);
}

/** Family B; with `keep` < 1, each pair survives the reach mask with a probability in [keep/4, keep]. */
export function familyB(weapons: number, targets: number, seed: number, keep = 1): WtaProblem {
  const rng = new RandomStream(seed, weapons, targets, 0xb0b);
  const values = Array.from({ length: targets }, () => 1 + rng.int(99));
  const pk = new Float64Array(weapons * targets);
  for (let k = 0; k < pk.length; k++) pk[k] = rng.next();
  if (keep < 1) {
    for (let k = 0; k < pk.length; k++) if (rng.next() >= keep) pk[k] = 0;
  }
  return classicProblem(values, pk, weapons);
}

/**
 * The benchmarks' clock, in ms. By default the process's CPU time, so that a budget buys the same
 * work on a busy shared machine as on an idle one (where the two clocks agree); WTA_CLOCK=wall
 * measures wall-clock time instead.
 */
export const CLOCK_NAME = process.env.WTA_CLOCK === 'wall' ? 'wall-clock' : 'CPU';
export const now: () => number =
  process.env.WTA_CLOCK === 'wall'
    ? () => performance.now()
    : () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };

/** A stop callback for the solvers: true once `ms` milliseconds have passed on the clock. */
export function deadline(ms: number): () => boolean {
  const end = now() + ms;
  return () => now() >= end;
}

export const gapOf = (cost: number, best: number) => (best > 0 ? (cost - best) / best : cost - best);
