// The record night as shipped (scenarios/record-night.yaml): about 810 drones and decoys and 13
// cruise missiles against five regions, the full layered defense, 20 radars, a ~5,000-node
// acoustic network, observer posts and the GNN tracker. Reports wall time per run on one core
// against the aim of 5 s (and CPU time, the fairer figure on a shared machine), then where the
// time of one run goes, phase by phase.

import { readFileSync } from 'node:fs';
import { simulate } from '../src/engine/simulate.js';
import type { Phase } from '../src/engine/phase.js';
import type { World } from '../src/model/world.js';
import { assemble } from '../src/run/assemble.js';
import { runScenario } from '../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

const FILE = new URL('../scenarios/record-night.yaml', import.meta.url).pathname;
const AIM_S = 5;
const RUNS = 3;

export function run(): boolean {
  const scenario = parseScenarioOrThrow(readFileSync(FILE, 'utf8'), FILE);
  const threats = scenario.waves.reduce((n, w) => n + w.count, 0);
  const radars = scenario.sensors.filter((s) => s.type === 'radar').length;
  const nodes = scenario.sensors.reduce((n, s) => n + (s.type === 'acoustic' ? s.nodeE.length : 0), 0);
  console.log(
    `\n## Record night: ${threats} threats, ${scenario.defenders.length} defender units, ${radars} radars, ` +
      `${nodes.toLocaleString('en')} acoustic nodes, tracker ${scenario.tracking?.type ?? 'pass-through'} ` +
      `(aim: under ${AIM_S} s per run on one core)`,
  );
  runScenario(scenario, 1); // warm-up: JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  let simulatedS = 0;
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    simulatedS = runScenario(scenario, r + 2).endS;
    wall.push(Number(process.hrtime.bigint() - start) / 1e9);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1e6);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const wallS = wall[RUNS >> 1];
  const cpuS = cpu[RUNS >> 1];
  console.log(
    `simulated ${(simulatedS / 3600).toFixed(2)} h: ${wallS.toFixed(2)} s per run by wall clock, ` +
      `${cpuS.toFixed(2)} s by CPU time (median of ${RUNS}) → ${Math.round(simulatedS / cpuS).toLocaleString('en')}× real time; ` +
      `CPU time / aim = ${(cpuS / AIM_S).toFixed(2)}`,
  );
  console.log(`where the time goes: ${phaseShares(scenario)}`);
  return cpuS < AIM_S;
}

/** Share of one run's time spent in each phase (the larger ones), timed around each step. */
function phaseShares(scenario: ReturnType<typeof parseScenarioOrThrow>): string {
  const { world, phases } = assemble(scenario, 2);
  const spent = new Map<string, number>();
  const timed: Phase<World>[] = phases.map((phase) => ({
    name: phase.name,
    step(w, clock) {
      const start = performance.now();
      phase.step(w, clock);
      spent.set(phase.name, (spent.get(phase.name) ?? 0) + performance.now() - start);
    },
  }));
  simulate(world, timed, {
    stepS: scenario.stepS,
    durationS: scenario.durationS,
    finished: (w) => w.resolvedThreats === w.threats.count,
  });
  let total = 0;
  for (const ms of spent.values()) total += ms;
  return [...spent]
    .sort((a, b) => b[1] - a[1])
    .filter(([, ms]) => ms / total >= 0.02)
    .map(([name, ms]) => `${name} ${((100 * ms) / total).toFixed(0)}%`)
    .join(', ');
}
