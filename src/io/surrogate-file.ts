// Stores a fitted campaign surrogate as JSON, keyed by a hash of everything it was fitted from
// (campaign text, tactical scenario text, design options), so a changed file is never served a
// stale fit: the key no longer matches and the surrogate is fitted afresh.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { SURROGATE_FORMAT, type Surrogate } from '../analysis/campaign/index.js';
import { writeFileAtomic } from './atomic-write.js';

export function surrogateKey(campaignText: string, tacticalText: string, options: object): string {
  return createHash('sha256')
    .update(campaignText)
    .update('\0')
    .update(tacticalText)
    .update('\0')
    .update(JSON.stringify(options))
    .digest('hex');
}

/** The stored surrogate when the file exists and was fitted from the same inputs; undefined otherwise. */
export function readSurrogate(file: string, key: string): Surrogate | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; surrogate?: Surrogate };
    if (stored.key !== key || stored.surrogate?.format !== SURROGATE_FORMAT) return undefined;
    return stored.surrogate;
  } catch {
    return undefined;
  }
}

export function writeSurrogate(file: string, key: string, surrogate: Surrogate): void {
  writeFileAtomic(file, JSON.stringify({ key, surrogate }) + '\n');
}
