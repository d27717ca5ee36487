// Linear assignment speed and optimality, side by side with SciPy's linear_sum_assignment
// (../shared/bench/lap/scipy-lap.py) on the same matrices. Both sides time the same number of
// repeats after a warm-up; the verdict takes the ratio of the best times (a load spike from other
// work on the machine only ever slows a repeat down), and the ratio of the medians is printed
// beside it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveLinearAssignment } from '../src/core/linear-assignment.js';
import { RandomStream } from '../src/core/rng.js';

const SCIPY = fileURLToPath(new URL('../../shared/bench/lap/scipy-lap.py', import.meta.url));

interface Case {
  name: string;
  rows: number;
  cols: number;
  forbidP: number;
  integer: boolean;
}

const CASES: Case[] = [
  { name: 'square 200', rows: 200, cols: 200, forbidP: 0, integer: false },
  { name: 'square 500', rows: 500, cols: 500, forbidP: 0, integer: false },
  { name: 'square 1000', rows: 1000, cols: 1000, forbidP: 0, integer: false },
  { name: 'square 1000 int', rows: 1000, cols: 1000, forbidP: 0, integer: true },
  { name: 'square 2000', rows: 2000, cols: 2000, forbidP: 0, integer: false },
  { name: 'square 500 30% forbidden', rows: 500, cols: 500, forbidP: 0.3, integer: false },
  { name: 'square 1000 50% forbidden', rows: 1000, cols: 1000, forbidP: 0.5, integer: false },
  { name: 'rect 100×300', rows: 100, cols: 300, forbidP: 0, integer: false },
  { name: 'rect 300×1000', rows: 300, cols: 1000, forbidP: 0, integer: false },
  { name: 'rect 1000×300', rows: 1000, cols: 300, forbidP: 0, integer: false },
  { name: 'rect 300×1000 20% forbidden', rows: 300, cols: 1000, forbidP: 0.2, integer: false },
];

function matrix(c: Case, seed: number): Float64Array {
  const rng = new RandomStream(seed, c.rows, c.cols, 0x1a9);
  const m = new Float64Array(c.rows * c.cols);
  for (let k = 0; k < m.length; k++) {
    if (c.forbidP > 0 && rng.next() < c.forbidP) m[k] = Infinity;
    else m[k] = c.integer ? rng.int(1000) : rng.next();
  }
  return m;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface ScipyResult {
  cost: number;
  median_ms: number;
  min_ms: number;
}

function scipy(file: string, rows: number, cols: number, repeats: number): ScipyResult | undefined {
  try {
    const out = execFileSync('python3', [SCIPY, file, String(rows), String(cols), String(repeats)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '') as ScipyResult;
  } catch {
    return undefined;
  }
}

export function run(): boolean {
  console.log('\n## Linear assignment vs SciPy linear_sum_assignment (best and median of the repeats, ms)');
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-lap-'));
  let ok = true;
  // Bring the solver to its optimised (JIT-compiled) steady state, as in a long tracking run.
  for (let w = 0; w < 30; w++) {
    for (const [rows, cols, forbidP] of [
      [150, 150, 0],
      [80, 200, 0.2],
      [200, 80, 0],
      [150, 150, 0.4],
    ]) {
      solveLinearAssignment(
        matrix({ name: 'warm-up', rows, cols, forbidP, integer: w % 2 === 0 }, 100 + w),
        rows,
        cols,
      );
    }
  }
  try {
    console.log(
      ['case'.padEnd(28)]
        .concat(
          [
            'ours best',
            'scipy best',
            'ratio',
            'ours median',
            'scipy median',
            'ratio',
            'target',
            'cost agrees',
          ].map((h) => h.padEnd(14)),
        )
        .concat(['verdict'])
        .join(''),
    );
    for (const c of CASES) {
      const m = matrix(c, 1);
      const file = join(dir, 'm.f64');
      writeFileSync(file, new Uint8Array(m.buffer));
      const n = Math.min(c.rows, c.cols);
      const repeats = n >= 1000 ? 5 : 9;
      solveLinearAssignment(m, c.rows, c.cols); // warm-up
      const times: number[] = [];
      let cost = 0;
      for (let r = 0; r < repeats; r++) {
        const t0 = performance.now();
        const res = solveLinearAssignment(m, c.rows, c.cols);
        times.push(performance.now() - t0);
        cost = res.feasible ? res.cost : Infinity;
      }
      const ours = median(times);
      const oursBest = Math.min(...times);
      const ref = scipy(file, c.rows, c.cols, repeats);
      const target = n >= 500 ? 1 : n >= 200 ? 1.2 : Infinity;
      let line: string[];
      if (!ref) {
        line = [
          c.name,
          oursBest.toFixed(2),
          'n/a',
          '-',
          ours.toFixed(2),
          'n/a',
          '-',
          '-',
          '-',
          'anchor unavailable',
        ];
      } else {
        const ratio = oursBest / ref.min_ms;
        const agrees = Math.abs(cost - ref.cost) <= 1e-9 * Math.max(1, Math.abs(ref.cost));
        const pass = agrees && ratio <= target;
        ok &&= pass;
        line = [
          c.name,
          oursBest.toFixed(2),
          ref.min_ms.toFixed(2),
          ratio.toFixed(2),
          ours.toFixed(2),
          ref.median_ms.toFixed(2),
          (ours / ref.median_ms).toFixed(2),
          Number.isFinite(target) ? `≤${target}` : '-',
          agrees ? 'yes' : `NO ${cost} vs ${ref.cost}`,
          pass ? 'ok' : 'FAIL',
        ];
      }
      console.log(
        line[0].padEnd(28) +
          line
            .slice(1)
            .map((x) => x.padEnd(14))
            .join(''),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return ok;
}
