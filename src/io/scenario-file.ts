// Reads scenario files from disk: the only place scenario text comes from a file. Unreadable
// files become located issues like any other error, never a stack trace.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type ParseResult, type ScenarioIssue } from '../scenario/index.js';

/** Files larger than this are refused before reading: no scenario needs it. */
const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SCENARIO = join(PACKAGE_ROOT, 'scenarios', 'kyiv-night.yaml');

export interface LoadedScenario {
  file: string;
  text: string;
  result: ParseResult;
}

export function loadScenarioFile(file: string): LoadedScenario {
  const text = readText(file);
  if (typeof text !== 'string') return { file, text: '', result: { ok: false, issues: [text] } };
  return { file, text, result: parseScenario(text, file) };
}

/** The UTF-8 text of a file (without a byte-order mark), or a located issue saying why not. */
export function readText(
  file: string,
  maxBytes = MAX_SCENARIO_BYTES,
  kind = 'scenario',
): string | ScenarioIssue {
  const fail = (message: string): ScenarioIssue => ({ file, line: 1, column: 1, field: '(file)', message });
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail(`is a folder, not a ${kind} file`);
    if (stat.size > maxBytes) return fail(`file is ${stat.size} bytes; the limit is ${maxBytes}`);
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === 'ENOENT') return fail('no such file');
    if (error.code === 'EACCES') return fail('permission denied');
    if (error instanceof TypeError) return fail('not UTF-8 text');
    return fail(`cannot read: ${error.message}`);
  }
}
