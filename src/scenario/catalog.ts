// The platform catalog: public figures for every threat and defender type, each with its source
// and whether that source could be read. The data lives in data/catalog/*.yaml; `npm run catalog`
// converts it to SI and writes catalog-data.ts, so the catalog works in a browser as in Node.

import { CATALOG_DATA } from './catalog-data.js';
import type { Catalog, CatalogEntry, CatalogSection } from './catalog-types.js';

export type { Catalog, CatalogEntry, CatalogSection, Figure } from './catalog-types.js';

export const CATALOG: Catalog = CATALOG_DATA;

export function catalogEntries(section: CatalogSection): CatalogEntry[] {
  return CATALOG[section] ?? [];
}

export function catalogEntry(section: CatalogSection, name: string): CatalogEntry | undefined {
  return catalogEntries(section).find((e) => e.name === name);
}

/** The typical value of a figure, or `fallback` when the entry does not give it. */
export function typical(entry: CatalogEntry, figure: string, fallback = NaN): number {
  return entry.figures[figure]?.typical ?? fallback;
}

/** Figures no source could confirm, as `type.figure` names, for reports to flag. */
export function unverifiedFigures(section: CatalogSection, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const entry = catalogEntry(section, name);
    if (!entry) continue;
    for (const [figure, f] of Object.entries(entry.figures)) if (!f.verified) out.push(`${name}.${figure}`);
  }
  return out;
}
