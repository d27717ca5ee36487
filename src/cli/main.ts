// The `bulwark` command line: one entry, one sub-command per job.

import { Command, CommanderError } from 'commander';
import { registerCalibrate } from './commands/calibrate.js';
import { registerLive } from './commands/live.js';
import { registerMc } from './commands/mc.js';
import { registerReport } from './commands/report.js';
import { registerCampaign } from './commands/campaign.js';
import { registerPlan } from './commands/plan.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerSweep } from './commands/sweep.js';
import { registerTrack } from './commands/track.js';
import { registerServe } from './commands/serve.js';
import { registerSite } from './commands/site.js';
import { registerValidate } from './commands/validate.js';
import { registerWta } from './commands/wta.js';
import { registerWorker } from './commands/worker.js';
import { EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USER_ERROR, Interrupted, UsageError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('bulwark')
    .description(
      'Layered air defense of cities against massed drone and missile raids: simulate, analyse, plan.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerRun(program);
  registerValidate(program);
  registerMc(program);
  registerSweep(program);
  registerRuns(program);
  registerReport(program);
  registerTrack(program);
  registerWta(program);
  registerCampaign(program);
  registerPlan(program);
  registerSite(program);
  registerCalibrate(program);
  registerServe(program);
  registerWorker(program);
  registerLive(program);
  program.addHelpText(
    'after',
    `
Examples:
  $ bulwark run                        # simulate the built-in Kyiv night
  $ bulwark validate my-city.yaml      # check a scenario, every error located
  $ bulwark mc --runs 1000             # a thousand seeded nights, as distributions
  $ bulwark sweep --set defenders.north-interceptors.stock=10..80:10
  $ bulwark runs                       # what the results store holds
  $ bulwark report mc-1a2b3c4d5e       # one HTML file of plots, readable offline
  $ bulwark track data/recordings/swarm-ring-n20-s1-30scans.json   # tracker on recorded detections
  $ bulwark wta data/wta/B-20x10-s1.json   # solve a static weapon-target assignment
  $ bulwark campaign scenarios/campaigns/kyiv-winter.yaml   # a year of raids, production and budgets
  $ bulwark plan scenarios/campaigns/kyiv-winter.yaml --objective damage --budget '8 M$'
  $ bulwark site scenarios/kyiv-layered-night.yaml --move defenders.fg-desna,defenders.fg-brovary
  $ bulwark calibrate --markdown docs/calibration.md   # backtest and fit against reported nights
  $ bulwark serve --open               # the web console on http://127.0.0.1:8720/
  $ bulwark worker --queue redis://10.0.0.5:6379   # run queued batches (mc/sweep --queue) here
  $ bulwark live my-city.yaml --replay night.ndjson --speed 10   # engagement advice on a live picture
  $ bulwark help run                   # options of one command`,
  );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0 through here; a bad flag or argument is a user error.
      return e.exitCode === 0 ? 0 : EXIT_USER_ERROR;
    }
    if (e instanceof Interrupted) return EXIT_INTERRUPTED;
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT_USER_ERROR;
    }
    process.stderr.write(
      `bulwark: internal error (a bug — please report it with the command that caused it)\n${(e as Error).stack ?? e}\n`,
    );
    return EXIT_INTERNAL;
  }
}
