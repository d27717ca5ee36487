// `bulwark runs`: what the results store holds — every batch, its progress and its failures.

import Table from 'cli-table3';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { formatDuration } from '../../io/progress.js';
import { DEFAULT_STORE } from '../../io/results-store.js';
import { openStoreOrExit } from '../batch-options.js';
import { UsageError } from '../errors.js';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list the Monte Carlo batches and sweeps in the results store')
    .argument('[batch]', 'show one batch in detail: its parameters, points and failed runs')
    .option('--store <file>', 'results database', DEFAULT_STORE)
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark runs                       # every batch, newest first
  $ bulwark runs mc-1a2b               # one batch (any unambiguous prefix of its id)
  $ bulwark runs --json | jq '.[].id'`,
    )
    .action((id: string | undefined, options: { store: string; json?: boolean }) => {
      if (!existsSync(options.store)) {
        if (id !== undefined)
          throw new UsageError(`${options.store}: no results store yet (run 'bulwark mc' first)`);
        process.stdout.write(options.json ? '[]\n' : `no results store at ${options.store} yet\n`);
        return;
      }
      const store = openStoreOrExit(options.store, true);
      try {
        if (id === undefined) {
          const batches = store.listBatches();
          if (options.json) {
            process.stdout.write(
              JSON.stringify(
                batches.map(({ scenarioText: _, ...b }) => b),
                null,
                2,
              ) + '\n',
            );
            return;
          }
          const table = new Table({
            head: ['id', 'kind', 'scenario', 'points', 'runs', 'failed', 'state', 'created', 'running time'],
            style: { head: [], border: [], compact: true },
          });
          for (const b of batches)
            table.push([
              b.id,
              b.kind,
              b.scenarioName,
              b.pointCount,
              `${b.doneRuns}/${b.totalRuns}`,
              b.failedRuns,
              b.doneRuns < b.totalRuns ? 'incomplete' : b.finishedAt ? 'finished' : 'not aggregated',
              b.createdAt.replace('T', ' ').slice(0, 19),
              formatDuration(b.elapsedMs / 1000),
            ]);
          process.stdout.write(
            batches.length === 0 ? 'the store holds no batches yet\n' : table.toString() + '\n',
          );
          return;
        }
        const batch = store.getBatch(id);
        if (!batch) throw new UsageError(`no batch '${id}' in ${options.store} (see 'bulwark runs')`);
        const { scenarioText: _, ...info } = batch;
        const detail = { ...info, points: store.getPoints(batch.id), failed: store.failedRuns(batch.id) };
        if (options.json) {
          process.stdout.write(JSON.stringify(detail, null, 2) + '\n');
          return;
        }
        const lines = [
          `${batch.id}  ${batch.kind}  '${batch.scenarioName}' (${batch.scenarioFile})`,
          `  scenario hash ${batch.scenarioHash.slice(0, 16)}…, parameters ${JSON.stringify(batch.params)}`,
          `  ${batch.doneRuns}/${batch.totalRuns} runs stored, ${batch.failedRuns} failed, ${formatDuration(batch.elapsedMs / 1000)} of running`,
        ];
        if (batch.kind === 'sweep')
          for (const p of detail.points)
            lines.push(`  point ${p.point}: ${p.params.map((s) => `${s.path}=${s.value}`).join(', ')}`);
        for (const f of detail.failed)
          lines.push(`  failed: point ${f.point} run ${f.run} seed ${f.seed}: ${f.error}`);
        process.stdout.write(lines.join('\n') + '\n');
      } catch (e) {
        if (e instanceof Error && e.name === 'StoreError') throw new UsageError(e.message);
        throw e;
      } finally {
        store.close();
      }
    });
}
