import { assemble } from '../src/run/assemble.js';
import { kyivTenfold } from './scenarios.js';
import { Clock } from '../src/engine/clock.js';
const s = kyivTenfold();
for (let rep = 0; rep < 3; rep++) {
  const { world, phases } = assemble(s, 1);
  const times = new Map<string, number>();
  const clock = new Clock(1);
  let updates = 0;
  for (let tick = 0; tick < 15876; tick++) {
    for (const p of phases) {
      const t0 = process.hrtime.bigint();
      p.step(world, clock);
      times.set(p.name, (times.get(p.name) ?? 0) + Number(process.hrtime.bigint() - t0));
    }
    updates += world.threats.launchedCount - world.threats.firstUnresolved;
    clock.tick++;
  }
  console.log([...times].map(([k, v]) => `${k} ${(v / 1e6).toFixed(0)}ms`).join('  '), 'updates', updates);
}
