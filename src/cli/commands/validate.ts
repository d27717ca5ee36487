// `bulwark validate`: every problem in a scenario file at once, located, with suggestions.

import type { Command } from 'commander';
import { loadScenarioFile } from '../../io/scenario-file.js';
import { formatIssue } from '../../scenario/index.js';
import { UsageError } from '../errors.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file and list every error with file:line:column')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark validate scenarios/kyiv-night.yaml
  $ bulwark validate my-city.yaml || echo "fix the errors above"
  $ bulwark validate my-city.yaml   # also lists towns named from the gazetteer, e.g. base: Brovary

Exit codes: 0 valid, 2 invalid (each error on its own line, as file:line:column: field: message).`,
    )
    .action((file: string) => {
      const loaded = loadScenarioFile(file);
      if (!loaded.result.ok) throw new UsageError(loaded.result.issues.map(formatIssue).join('\n'));
      const s = loaded.result.scenario;
      const threats = s.waves.reduce((n, w) => n + w.count, 0);
      process.stdout.write(
        `${file}: valid — '${s.name}': ${s.assets.length} assets, ${s.waves.length} waves (${threats} threats), ` +
          `${s.defenders.length} defender units, ${s.sensors.length} sensors, C2 ${s.c2.policy}\n`,
      );
      // Town names resolve from the pinned gazetteer; printing them lets a file pin them as places.
      if (s.gazetteer) {
        process.stdout.write(`towns from the gazetteer (${s.gazetteer.source}):\n`);
        for (const p of s.gazetteer.places)
          process.stdout.write(`  ${p.name}: [${p.latDeg}, ${p.lonDeg}]   # ${p.town}\n`);
      }
    });
}
