// `bulwark wta`: solve one static weapon-target assignment instance and print its cost and plan.

import type { Command } from 'commander';
import { classicProblem, DEFAULT_WTA_SOLVER, planGainTerms, WTA_SOLVERS } from '../../c2/index.js';
import { loadWtaInstanceFile } from '../../io/wta-instance-file.js';
import { formatIssue } from '../../scenario/index.js';
import { UsageError } from '../errors.js';

interface WtaOptions {
  solver: string;
  timeLimit: string;
  seed: string;
  json?: boolean;
}

export function registerWta(program: Command): void {
  program
    .command('wta')
    .description('solve a static weapon-target assignment instance: minimise the expected surviving value')
    .argument('<instance>', 'instance file (JSON: values, pk, …; see docs/weapon-target-assignment.md)')
    .option('--solver <name>', `one of ${Object.keys(WTA_SOLVERS).join(', ')}`, DEFAULT_WTA_SOLVER)
    .option('--time-limit <ms>', 'time budget of the anytime and exact solvers, in milliseconds', '1000')
    .option('--seed <n>', "seed of the anytime search's random stream", '1')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark wta data/wta/B-20x10-s1.json                      # the flagship (lns), 1 s
  $ bulwark wta data/wta/C-40x20-s1.json --solver greedy-mmr
  $ bulwark wta data/wta/A-20x20-s1.json --solver exact --time-limit 10000
  $ bulwark wta big.json --time-limit 100 --json > plan.json

Solvers: ${Object.values(WTA_SOLVERS)
        .map((s) => `\n  ${s.name.padEnd(11)} ${s.description}`)
        .join('')}

Exit codes: 0 solved, 2 bad file or option (each error as file:line:column: field: message).`,
    )
    .action((file: string, options: WtaOptions) => {
      const solver = WTA_SOLVERS[options.solver];
      if (!solver)
        throw new UsageError(
          `--solver: unknown solver '${options.solver}'; expected one of ${Object.keys(WTA_SOLVERS).join(', ')}`,
        );
      const timeLimitMs = Number(options.timeLimit);
      if (!/^\d+(\.\d+)?$/.test(options.timeLimit.trim()) || !(timeLimitMs > 0) || timeLimitMs > 86_400_000)
        throw new UsageError(
          `--time-limit: expected milliseconds from 1 to 86400000, found '${options.timeLimit}'`,
        );
      const seed = Number(options.seed);
      if (!/^\d+$/.test(options.seed.trim()) || !Number.isSafeInteger(seed))
        throw new UsageError(`--seed: expected a whole number, found '${options.seed}'`);

      const loaded = loadWtaInstanceFile(file);
      if (!loaded.ok) throw new UsageError(loaded.issues.map(formatIssue).join('\n'));
      const instance = loaded.instance;
      const problem = classicProblem(instance.values, instance.pk, instance.weapons);
      const started = performance.now();
      const deadline = started + timeLimitMs;
      const solution = solver.solve(problem, { shouldStop: () => performance.now() >= deadline, seed });
      const elapsedMs = performance.now() - started;
      const gap =
        instance.best !== undefined && instance.best > 0
          ? (solution.cost - instance.best) / instance.best
          : undefined;
      // Each weapon's gain where it is: target value x P(others miss) x pk (no prices or decoys
      // in a static instance, so those terms are 0).
      const terms = planGainTerms(problem, solution.assignment);
      const round = (v: number) => Math.round(v * 1e6) / 1e6;
      const why = Array.from(solution.assignment, (j, i) => {
        const g = terms[i];
        if (g === null) return { weapon: i, target: -1 };
        return {
          weapon: i,
          target: j,
          value: round(g.value),
          othersMiss: round(g.othersMiss),
          pk: round(g.pk),
          price: round(g.price),
          gain: round(g.gain),
        };
      });
      const result = {
        instance: instance.name || file,
        weapons: instance.weapons,
        targets: instance.targets,
        solver: solver.name,
        expectedSurvivingValue: solution.cost,
        proven: solution.proven,
        iterations: solution.iterations,
        elapsedMs: Math.round(elapsedMs * 10) / 10,
        ...(instance.best !== undefined ? { fileBest: instance.best } : {}),
        ...(gap !== undefined ? { gapToFileBest: gap } : {}),
        assignment: Array.from(solution.assignment),
        /** Each weapon's gain: value x othersMiss x pk - price. */
        gains: why,
      };
      if (options.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      const lines = [
        `${result.instance}: ${instance.weapons} weapons x ${instance.targets} targets, solver ${solver.name}`,
        `expected surviving value  ${solution.cost.toFixed(6)}${solution.proven ? '  (proven optimal)' : ''}`,
        ...(instance.best !== undefined
          ? [`best known in the file   ${instance.best.toFixed(6)}  (gap ${((gap ?? 0) * 100).toFixed(4)}%)`]
          : []),
        `time                      ${elapsedMs.toFixed(1)} ms, ${solution.iterations} iterations`,
        '',
        'target  value  weapons (pk; gain = value × others miss × pk)',
      ];
      for (let j = 0; j < instance.targets; j++) {
        const shots: string[] = [];
        for (let i = 0; i < instance.weapons; i++) {
          const w = why[i];
          if (w.target === j && w.othersMiss !== undefined)
            shots.push(
              `${i} (${w.pk.toFixed(2)}; ${w.gain.toFixed(2)} = ${w.value.toFixed(1)} × ${w.othersMiss.toFixed(2)} × ${w.pk.toFixed(2)})`,
            );
        }
        lines.push(
          `${String(j).padStart(6)}  ${instance.values[j].toFixed(1).padStart(5)}  ${shots.join(', ') || '–'}`,
        );
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
