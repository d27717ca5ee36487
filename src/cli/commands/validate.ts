// `bulwark validate`: every problem in a scenario file at once, located, with suggestions.

import type { Command } from 'commander';
import { loadScenarioFile } from '../../io/scenario-file.js';
import {
  figureProvenance,
  formatIssue,
  humanValue,
  plausibilityWarnings,
  type FigureProvenance,
} from '../../scenario/index.js';
import { UsageError } from '../errors.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file and list every error with file:line:column')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option(
      '--strict',
      'treat plausibility warnings (swapped coordinates, implausible speeds, ...) as errors',
    )
    .option(
      '--figures',
      'also list every catalog figure the scenario runs with: value, source, verified or not, who uses or overrides it',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark validate scenarios/kyiv-night.yaml
  $ bulwark validate my-city.yaml || echo "fix the errors above"
  $ bulwark validate my-city.yaml   # also lists towns named from the gazetteer, e.g. base: Brovary
  $ bulwark validate my-city.yaml --strict   # refuse a [lon, lat] position or a Shahed at 5,000 km/h
  $ bulwark validate scenarios/kyiv-night-sensors.yaml --figures   # where each figure comes from

Valid files may still draw warnings (on stderr, located like errors): a position that lies near the
region only when read as [longitude, latitude], a threat speed far outside its catalog type's
figures (or a bare number that would fit it in km/h but is read in m/s), a start time without a
time-zone offset. Every command that reads a scenario prints them; --strict refuses the file.

Exit codes: 0 valid, 2 invalid or, with --strict, implausible (each problem on its own line, as
file:line:column: field: message).`,
    )
    .action((file: string, options: { strict?: boolean; figures?: boolean }) => {
      const loaded = loadScenarioFile(file);
      if (!loaded.result.ok) throw new UsageError(loaded.result.issues.map(formatIssue).join('\n'));
      const warnings = plausibilityWarnings(loaded.text, file);
      if (options.strict && warnings.length > 0)
        throw new UsageError(
          warnings.map(formatIssue).join('\n') +
            `\n${file}: implausible (--strict): fix the above or drop --strict`,
        );
      for (const w of warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);
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
      if (options.figures) process.stdout.write(figuresText(figureProvenance(s)));
    });
}

/** The catalog figures in use, unverified first, one per line with its source and users. */
export function figuresText(rows: readonly FigureProvenance[]): string {
  const sorted = [...rows].sort((a, b) => Number(a.catalog.verified) - Number(b.catalog.verified));
  const unverified = sorted.filter((r) => !r.catalog.verified).length;
  const lines = [`catalog figures in use: ${sorted.length}, ${unverified} unverified (no readable source)`];
  for (const r of sorted) {
    const c = r.catalog;
    const value = 'value' in c ? c.value : humanValue(c.typical, r.unit);
    const use = [
      r.usedBy.length > 0 ? `used by ${r.usedBy.join(', ')}` : '',
      r.overriddenBy.length > 0
        ? `overridden by ${r.overriddenBy.map((o) => `${o.name} (${humanValue(o.value, r.unit)})`).join(', ')}`
        : '',
    ].filter(Boolean);
    lines.push(
      `  ${c.verified ? ' ' : '!'} ${r.section}/${r.entry}.${r.figure} = ${value} — ${c.source || 'no source'}`,
      `      ${use.join('; ')}`,
    );
  }
  return lines.join('\n') + '\n';
}
