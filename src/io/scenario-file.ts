// Reads scenario files from disk: the only place scenario text comes from a file. Unreadable
// files become located issues like any other error, never a stack trace.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, parseDocument } from 'yaml';
import { resolveInside } from './safe-path.js';
import {
  LAYOUT_KEYS,
  parseScenario,
  type ParseResult,
  type ReadFile,
  type ScenarioIssue,
} from '../scenario/index.js';

/** Files larger than this are refused before reading: no scenario needs it. */
const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SCENARIO = join(PACKAGE_ROOT, 'scenarios', 'kyiv-night.yaml');

export interface LoadedScenario {
  file: string;
  /**
   * The scenario's text, self-contained: GeoJSON files it imports are written into it inline, so
   * the text alone (stored with a batch, sent to a worker) reproduces the scenario.
   */
  text: string;
  result: ParseResult;
}

export interface LoadOptions {
  /**
   * Imported GeoJSON files must be plain names inside this folder (the server's scenario folder):
   * a scenario offered over HTTP cannot make the server read and return a file elsewhere.
   */
  importsInside?: string;
}

export function loadScenarioFile(file: string, options: LoadOptions = {}): LoadedScenario {
  const text = readText(file);
  if (typeof text !== 'string') return { file, text: '', result: { ok: false, issues: [text] } };
  const imported = new Map<string, string>();
  const readFile: ReadFile = (name) => {
    const path =
      options.importsInside === undefined
        ? join(dirname(file), name)
        : resolveInside(options.importsInside, name);
    if (path === undefined) return { ok: false, message: 'not a file name inside the scenario folder' };
    const content = readText(resolve(path), MAX_SCENARIO_BYTES, 'GeoJSON');
    if (typeof content !== 'string') return { ok: false, message: content.message };
    imported.set(name, content);
    return { ok: true, text: content, file: path };
  };
  const result = parseScenario(text, file, { readFile });
  if (!result.ok || imported.size === 0) return { file, text, result };
  return { file, text: inlineImports(text, imported), result };
}

/**
 * The text with every `geojson: FILE` replaced by the FeatureCollection it names: items of
 * assets, defenders and sensors, and the node and post layouts of sensors.
 */
function inlineImports(text: string, imported: ReadonlyMap<string, string>): string {
  const doc = parseDocument(text);
  const inline = (node: unknown, path: (string | number)[]) => {
    if (!isMap(node)) return;
    const name = node.get('geojson');
    const content = typeof name === 'string' ? imported.get(name) : undefined;
    if (content !== undefined)
      doc.setIn([...path, 'geojson'], doc.createNode(JSON.parse(content), { flow: true }));
  };
  for (const section of ['assets', 'defenders', 'sensors']) {
    const list = doc.get(section);
    if (!isSeq(list)) continue;
    list.items.forEach((item, k) => {
      inline(item, [section, k]);
      if (section !== 'sensors' || !isMap(item)) return;
      for (const key of LAYOUT_KEYS) {
        const layout = item.get(key);
        if (isSeq(layout)) layout.items.forEach((entry, m) => inline(entry, [section, k, key, m]));
        else inline(layout, [section, k, key]);
      }
    });
  }
  return doc.toString({ lineWidth: 0 });
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
