// Runs every benchmark in turn. Each file under bench/ exports `run(): boolean | Promise<boolean>`
// (true when its targets are met); add new benchmarks to this list. Never part of `npm test`.
import { run as campaign } from './campaign.js';
import { run as consoleReplay } from './console-replay.js';
import { run as linearAssignment } from './linear-assignment.js';
import { run as live } from './live.js';
import { run as mcBatch } from './mc-batch.js';
import { run as queue } from './queue.js';
import { run as recordNight } from './record-night.js';
import { run as simSensing } from './sim-sensing.js';
import { run as simSpeed } from './sim-speed.js';
import { run as tracking } from './tracking.js';
import { run as wtaAndersen } from './wta-andersen.js';
import { run as wtaLarge } from './wta-large.js';
import { run as wtaLive } from './wta-live.js';
import { run as wtaSim } from './wta-sim.js';
import { run as wtaStatic } from './wta-static.js';

const BENCHMARKS: [string, () => boolean | Promise<boolean>][] = [
  ['sim-speed', simSpeed],
  ['linear-assignment', linearAssignment],
  ['mc-batch', mcBatch],
  ['queue', queue],
  ['tracking', tracking],
  ['sim-sensing', simSensing],
  ['record-night', recordNight],
  ['wta-static', wtaStatic],
  ['wta-live', wtaLive],
  ['wta-large', wtaLarge],
  ['wta-andersen', wtaAndersen],
  ['wta-sim', wtaSim],
  ['campaign', campaign],
  ['console-replay', consoleReplay],
  ['live', live],
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, run] of BENCHMARKS) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!(await run())) failed++;
}
console.log(failed === 0 ? '\nAll benchmark targets met.' : `\n${failed} benchmark(s) missed a target.`);
process.exitCode = failed === 0 ? 0 : 1;
