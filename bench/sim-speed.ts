// Simulation speed: simulated seconds per wall-clock second, one core, for the default night
// and its tenfold version. Aim: the tenfold raid at 20,000× real time or more.

import { runScenario } from '../src/run/run-scenario.js';
import type { Scenario } from '../src/model/scenario.js';
import { kyivNight, kyivTenfold } from './scenarios.js';

/** Simulated seconds per wall second (median run). */
function measure(label: string, scenario: Scenario, repeats: number): number {
  runScenario(scenario, 1); // warm-up: JIT
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let simulatedS = 0;
  let events = 0;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const log = runScenario(scenario, r + 1);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1e6);
    simulatedS = log.endS;
    events = log.events.length;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  // On a shared machine the CPU time is the fairer figure: it leaves out time spent waiting for a core.
  const cpuMedian = cpuTimes[Math.floor(cpuTimes.length / 2)];
  const threats = scenario.waves.reduce((n, w) => n + w.count, 0);
  console.log(
    `${label.padEnd(22)} ${String(threats).padStart(5)} threats ${String(scenario.defenders.length).padStart(3)} units  ` +
      `simulated ${(simulatedS / 3600).toFixed(2)} h in ${(median * 1000).toFixed(0)} ms (median of ${repeats})  ` +
      `→ ${Math.round(simulatedS / median).toLocaleString('en')}× real time by wall clock, ` +
      `${Math.round(simulatedS / cpuMedian).toLocaleString('en')}× by CPU time  (${events} events)`,
  );
  return simulatedS / median;
}

const TENFOLD_TARGET = 20_000;

export function run(): boolean {
  console.log(
    `## Simulation speed (simulated s per wall s; target: ${TENFOLD_TARGET.toLocaleString('en')}× for the tenfold raid)`,
  );
  measure('default (Kyiv night)', kyivNight(), 9);
  const tenfold = measure('tenfold', kyivTenfold(), 5);
  console.log(`tenfold / target = ${(tenfold / TENFOLD_TARGET).toFixed(2)}`);
  return tenfold >= TENFOLD_TARGET;
}
