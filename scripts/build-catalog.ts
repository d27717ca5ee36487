// Converts data/catalog/*.yaml (human units, sources) into src/scenario/catalog-data.ts (SI).
// `npm run catalog` writes it; `--check` exits 1 when the committed file is stale.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parseDocument } from 'yaml';
import { dimensionOfUnit, parseQuantity } from '../src/core/units.js';

const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, 'data', 'catalog');
const outFile = join(root, 'src', 'scenario', 'catalog-data.ts');

type Raw = Record<string, unknown>;

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

function toSi(file: string, where: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') fail(file, `${where}: expected a number or a quantity with a unit`);
  const unit = /[^\d\s.,eE+-].*$/.exec(value.trim())?.[0];
  const dimension = unit === undefined ? undefined : dimensionOfUnit(unit);
  if (unit !== undefined && dimension === undefined) fail(file, `${where}: unknown unit '${unit}'`);
  const parsed = parseQuantity(value, dimension ?? 'length');
  if (!parsed.ok) fail(file, `${where}: ${parsed.reason}`);
  return parsed.value;
}

export async function buildCatalogSource(): Promise<string> {
  const sections: Record<string, unknown[]> = {};
  for (const name of readdirSync(dataDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(dataDir, name);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length > 0) fail(file, doc.errors[0].message);
    const entries = doc.toJS() as Raw[];
    if (!Array.isArray(entries)) fail(file, 'expected a list of entries');
    sections[basename(name, '.yaml')] = entries.map((entry, i) => {
      for (const key of ['name', 'kind', 'description', 'figures'])
        if (entry[key] === undefined) fail(file, `entry ${i}: missing '${key}'`);
      const figures: Record<string, unknown> = {};
      for (const [key, raw] of Object.entries(entry.figures as Raw)) {
        const f = raw as Raw;
        const where = `${entry.name}.${key}`;
        if (f.typical === undefined || typeof f.source !== 'string' || typeof f.verified !== 'boolean') {
          fail(file, `${where}: needs typical, source and verified`);
        }
        figures[key] = {
          typical: toSi(file, where, f.typical),
          ...(f.low !== undefined ? { low: toSi(file, where, f.low) } : {}),
          ...(f.high !== undefined ? { high: toSi(file, where, f.high) } : {}),
          source: f.source,
          verified: f.verified,
        };
      }
      for (const [key, raw] of Object.entries((entry.traits ?? {}) as Raw)) {
        const t = raw as Raw;
        if (typeof t.value !== 'string' || typeof t.source !== 'string' || typeof t.verified !== 'boolean')
          fail(file, `${entry.name}.${key}: needs value, source and verified`);
      }
      return { ...entry, figures };
    });
  }
  const source =
    '// Generated from data/catalog/*.yaml by `npm run catalog`: do not edit by hand.\n\n' +
    "import type { Catalog } from './catalog-types.js';\n\n" +
    `export const CATALOG_DATA: Catalog = ${JSON.stringify(sections, null, 2)};\n`;
  return format(source, { ...(await resolveConfig(outFile)), filepath: outFile });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = await buildCatalogSource();
  if (process.argv.includes('--check')) {
    if (readFileSync(outFile, 'utf8') !== source) {
      console.error('src/scenario/catalog-data.ts is stale: run `npm run catalog`');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(outFile, source);
    console.log(`wrote ${outFile}`);
  }
}
