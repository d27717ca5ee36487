// `npm run bench`: every benchmark in turn. Benchmarks print figures and ratios to their anchors;
// they never run in the test suite.

import { main as simSpeed } from './sim-speed.js';

const benchmarks: [string, () => void | Promise<void>][] = [['sim-speed', simSpeed]];

const only = process.argv.slice(2);
for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
  console.log();
}
