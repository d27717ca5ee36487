// `bulwark report`: one self-contained HTML file of a stored batch — distributions, response
// curves, the map of intercepts and impacts — and the same numbers as CSV and JSON.

import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { aggregatesCsv, gatherReport, reportJson, runsCsv } from '../../io/report-data.js';
import { renderReportHtml, reportGeoJson, reportKml } from '../../io/report-html.js';
import { DEFAULT_STORE, StoreError } from '../../io/results-store.js';
import { openStoreOrExit } from '../batch-options.js';
import { UsageError } from '../errors.js';
import { writeOutput } from '../write-output.js';

interface ReportOptions {
  out?: string;
  csv?: string;
  runsCsv?: string;
  json?: string;
  geojson?: string;
  kml?: string;
  store: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write an HTML report of a Monte Carlo batch or sweep, readable offline')
    .argument(
      '<batch>',
      "batch id from 'bulwark mc', 'bulwark sweep' or 'bulwark runs' (a unique prefix will do)",
    )
    .option('-o, --out <file>', 'HTML file to write (default: <batch id>.html)')
    .option('--csv <file>', 'also write the statistics as CSV, one row per point and measure')
    .option('--runs-csv <file>', 'also write the per-run values of the plotted measures as CSV')
    .option('--json <file>', 'also write every number of the report as JSON')
    .option(
      '--geojson <file>',
      'also write the batch as GeoJSON: assets, units, coverage, and the kills and impacts on the map',
    )
    .option(
      '--kml <file>',
      'also write the same as KML for Google Earth (kills and impacts on its time slider)',
    )
    .option('--store <file>', 'results database', DEFAULT_STORE)
    .addHelpText(
      'after',
      `
The HTML file embeds its charting library and data: it opens in any browser without a network.
It holds the statistics, the distributions of leakers, value lost and cost-exchange ratio (Monte
Carlo) or their response curves with confidence bands (sweeps), a map of intercept and impact
points, and download links for the same numbers as CSV and JSON and for the map as GeoJSON and KML
(the scenario's assets, defender units, sensors and coverage, and every kill and impact of the runs
the map samples, each with its run, seed and time).

Examples:
  $ bulwark report mc-1a2b3c4d5e                     # writes mc-1a2b3c4d5e.html
  $ bulwark report sw-0a1b --out stock.html --csv stock.csv
  $ bulwark report mc-1a2b --geojson raid.geojson --kml raid.kml   # open in QGIS or Google Earth`,
    )
    .action((id: string, options: ReportOptions) => {
      if (!existsSync(options.store))
        throw new UsageError(`${options.store}: no results store yet (run 'bulwark mc' first)`);
      const store = openStoreOrExit(options.store, true);
      try {
        let batch;
        try {
          batch = store.getBatch(id);
        } catch (e) {
          if (e instanceof StoreError) throw new UsageError(e.message);
          throw e;
        }
        if (!batch) throw new UsageError(`no batch '${id}' in ${options.store} (see 'bulwark runs')`);
        if (batch.doneRuns === 0) throw new UsageError(`${batch.id} has no stored runs yet`);
        const data = gatherReport(store, batch);
        if ((options.geojson || options.kml) && !data.geodata)
          throw new UsageError(`${batch.id}: its stored scenario no longer parses, so it has no geodata`);
        const out = options.out ?? `${batch.id}.html`;
        writeOutput('--out', out, renderReportHtml(data));
        if (options.csv) writeOutput('--csv', options.csv, aggregatesCsv(data));
        if (options.runsCsv) writeOutput('--runs-csv', options.runsCsv, runsCsv(data));
        if (options.json) writeOutput('--json', options.json, reportJson(data));
        if (options.geojson) writeOutput('--geojson', options.geojson, reportGeoJson(data)!);
        if (options.kml) writeOutput('--kml', options.kml, reportKml(data)!);
        process.stdout.write(`${out}: report of ${batch.id} (${batch.doneRuns} runs)\n`);
      } finally {
        store.close();
      }
    });
}
