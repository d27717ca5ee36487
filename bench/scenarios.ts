// Benchmark scenarios derived from the shipped ones.

import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/model/scenario.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

export function kyivNight(): Scenario {
  const file = new URL('../scenarios/kyiv-night.yaml', import.meta.url).pathname;
  return parseScenarioOrThrow(readFileSync(file, 'utf8'), file);
}

/**
 * The Kyiv night ten times over: every wave ten times as many threats, every unit repeated ten
 * times on a ring of 4 km around its base (about 1,000 threats, 30 units).
 */
export function kyivTenfold(): Scenario {
  const base = kyivNight();
  const defenders = base.defenders.flatMap((unit) =>
    Array.from({ length: 10 }, (_, k) => ({
      ...unit,
      name: `${unit.name}-${k + 1}`,
      base: {
        e: unit.base.e + 4000 * Math.cos((2 * Math.PI * k) / 10),
        n: unit.base.n + 4000 * Math.sin((2 * Math.PI * k) / 10),
        u: unit.base.u,
      },
    })),
  );
  return {
    ...base,
    name: `${base.name} (tenfold)`,
    waves: base.waves.map((w) => ({ ...w, count: w.count * 10 })),
    defenders,
  };
}
