// `bulwark run`: one night, one seed; a readable summary, JSON for machines, events as NDJSON.

import type { Command } from 'commander';
import { costTermEffect } from '../../analysis/cost-term.js';
import { computeOutcome } from '../../metrics/index.js';
import { geoJsonToKml, runToGeoJson } from '../../run/index.js';
import { runScenario } from '../../run/run-scenario.js';
import { parseQuantity } from '../../core/units.js';
import { C2_POLICY_NAMES, unverifiedFiguresInUse } from '../../scenario/index.js';
import { UsageError } from '../errors.js';
import { writeOutput } from '../write-output.js';
import { formatCostTerm, formatOutcome } from '../format.js';
import { loadScenarioWithSettings, parseSeed } from '../scenario-arg.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('simulate one night and print what leaked, what was hit and what it cost')
    .argument('[scenario]', 'scenario file (YAML or JSON); the built-in Kyiv night when omitted')
    .option('--seed <n>', "random seed (default: the scenario's seed)")
    .option('--json', 'print the outcome as JSON instead of tables')
    .option('--events <file>', 'write the event log as NDJSON, one event per line')
    .option(
      '--geojson <file>',
      'write the night as GeoJSON: assets, units, coverage, paths, intercepts, impacts',
    )
    .option('--kml <file>', 'write the same as KML for Google Earth (paths replay on its time slider)')
    .option('--sample-every <time>', 'spacing of the path vertices in --geojson/--kml, e.g. "5 s"', '10 s')
    .option(
      '--set <path=value>',
      'change one scenario field first, as a sweep point does (repeatable)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--policy <name>', `C2 policy instead of the scenario's: ${C2_POLICY_NAMES.join(', ')}`)
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark run                                 # the built-in Kyiv night
  $ bulwark run scenarios/kyiv-night.yaml --seed 7
  $ bulwark run my-city.yaml --json > outcome.json
  $ bulwark run --events night.ndjson           # every launch, engagement and impact
  $ bulwark run --geojson night.geojson --kml night.kml   # open in QGIS or Google Earth
  $ bulwark run --kml night.kml --sample-every "2 s"      # smoother paths, larger file
  $ bulwark run --seed 7 --set defenders.north-interceptors.stock=60
  $ bulwark run --policy lns --events night.ndjson   # weapon-target assignment, each shot explained
  $ bulwark run --policy lns --set c2.valuePerMoney=0.001   # price shots: also shows what the price changed`,
    )
    .action(
      (
        file: string | undefined,
        options: {
          seed?: string;
          json?: boolean;
          events?: string;
          geojson?: string;
          kml?: string;
          sampleEvery: string;
          set?: string[];
          policy?: string;
        },
      ) => {
        const loaded = loadScenarioWithSettings(file, options.set ?? []).scenario;
        if (options.policy !== undefined && !(C2_POLICY_NAMES as readonly string[]).includes(options.policy))
          throw new UsageError(
            `--policy: unknown C2 policy '${options.policy}'; expected one of ${C2_POLICY_NAMES.join(', ')}`,
          );
        const scenario =
          options.policy === undefined ? loaded : { ...loaded, c2: { ...loaded.c2, policy: options.policy } };
        const seed = options.seed === undefined ? scenario.seed : parseSeed(options.seed);
        const geodata = options.geojson !== undefined || options.kml !== undefined;
        // Sampling positions for the paths only reads the world: the events are the same without it.
        const log = runScenario(
          scenario,
          seed,
          geodata ? { sampleEveryS: parseSampleEvery(options.sampleEvery) } : {},
        );
        const outcome = computeOutcome(scenario, log);
        // A priced objective is run again value-first, so the summary can say what the price changed.
        const costTerm = costTermEffect(scenario, seed, outcome);
        if (geodata) {
          const collection = runToGeoJson(scenario, log);
          if (options.geojson) writeOutput('--geojson', options.geojson, JSON.stringify(collection) + '\n');
          if (options.kml)
            writeOutput('--kml', options.kml, geoJsonToKml(collection, `${scenario.name}, seed ${seed}`));
        }
        if (options.events) {
          writeOutput(
            '--events',
            options.events,
            (function* () {
              for (const event of log.events) yield JSON.stringify(event) + '\n';
            })(),
          );
        }
        if (options.json) {
          process.stdout.write(
            JSON.stringify(
              {
                scenario: scenario.name,
                seed,
                outcome,
                costTerm,
                unverifiedFigures: unverifiedFiguresInUse(scenario),
              },
              null,
              2,
            ) + '\n',
          );
        } else {
          process.stdout.write(
            formatOutcome(scenario.name, seed, outcome, unverifiedFiguresInUse(scenario)) +
              '\n' +
              formatCostTerm(scenario.c2.policy, costTerm) +
              '\n',
          );
        }
      },
    );
}

function parseSampleEvery(text: string): number {
  const parsed = parseQuantity(text, 'time');
  const seconds = parsed.ok ? parsed.value : NaN;
  if (!(seconds >= 0.1) || seconds > 3600)
    throw new UsageError(`--sample-every: expected a time from 0.1 s to 1 h like "10 s", found '${text}'`);
  return seconds;
}
