// Static weapon-target assignment instances (the format of the shared WTA benchmark): JSON text
// in, a checked instance or every problem located to file:line:column out. Pure.
//
// Valid files take the fast path (JSON.parse and one check); only a file with problems is parsed
// again with positions, so that a 900 x 600 instance loads in milliseconds.

import { LineCounter, parseDocument } from 'yaml';
import type { ScenarioIssue } from './issue.js';
import { Reader, describe, type Raw } from './reader.js';
import { SourceMap } from './source-map.js';

export interface WtaInstance {
  name: string;
  family: string;
  weapons: number;
  targets: number;
  values: Float64Array;
  /** Row-major weapons x targets kill probabilities. */
  pk: Float64Array;
  /** The best known cost, and whether it is proven optimal, when the file gives them. */
  best?: number;
  proven?: boolean;
  lowerBound?: number;
  bestAssignment?: Int32Array;
}

export type WtaInstanceResult = { ok: true; instance: WtaInstance } | { ok: false; issues: ScenarioIssue[] };

const FIELDS = [
  'name',
  'family',
  'weapons',
  'targets',
  'seed',
  'values',
  'pk',
  'best',
  'lowerBound',
  'proven',
  'bestAssignment',
];
/** Largest instance accepted: far above the 900 x 600 of the benchmarks. */
const MAX_SIDE = 5000;
/** A broken pk matrix reports this many entries, then a count of the rest. */
const MAX_ENTRY_ISSUES = 10;

export function parseWtaInstance(text: string, file = 'instance.json'): WtaInstanceResult {
  let raw: Raw;
  let jsonError = '';
  try {
    raw = JSON.parse(text);
  } catch (e) {
    raw = undefined;
    jsonError = (e as Error).message;
  }
  if (raw !== undefined) {
    // Fast path: check against a map that is only built if something is wrong.
    const quick = new Reader(file, new SourceMap(parseDocument(''), new LineCounter()));
    const instance = check(quick, raw);
    if (quick.issues.length === 0 && instance) return { ok: true, instance };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || raw === undefined) {
    // YAML's parser locates most slips; JSON.parse's message names what YAML let pass.
    const error = doc.errors[0];
    const at = /position (\d+)/.exec(jsonError);
    const pos = lines.linePos(error ? error.pos[0] : at ? Number(at[1]) : 0);
    const message = error ? error.message.split('\n')[0] : `not JSON: ${jsonError.split('\n')[0]}`;
    return { ok: false, issues: [{ file, line: pos.line, column: pos.col, field: '(syntax)', message }] };
  }
  const r = new Reader(file, new SourceMap(doc, lines));
  const instance = check(r, raw);
  if (r.issues.length > 0 || !instance) return { ok: false, issues: r.issues };
  return { ok: true, instance };
}

function check(r: Reader, raw: Raw): WtaInstance | undefined {
  const o = r.object(raw, [], FIELDS);
  if (!o) return undefined;
  for (const key of ['weapons', 'targets', 'values', 'pk']) r.required(o, key, []);
  const name = o.name === undefined ? '' : r.string(o.name, ['name']);
  const family = o.family === undefined ? '' : r.string(o.family, ['family']);
  const side = { min: 1, max: MAX_SIDE, integer: true };
  const weapons = o.weapons === undefined ? undefined : r.number(o.weapons, ['weapons'], side);
  const targets = o.targets === undefined ? undefined : r.number(o.targets, ['targets'], side);
  if (weapons === undefined || targets === undefined) return undefined;

  const values = new Float64Array(targets);
  const valueList = o.values === undefined ? undefined : r.list(o.values, ['values']);
  if (valueList) {
    if (valueList.length !== targets)
      r.error(['values'], 'wrong length', {
        expected: `${targets} values (one per target)`,
        found: String(valueList.length),
      });
    else
      valueList.forEach((v, j) => {
        const value = r.number(v, ['values', j], { min: 0, max: 1e15 });
        if (value !== undefined) values[j] = value;
      });
  }

  const pk = new Float64Array(weapons * targets);
  const rows = o.pk === undefined ? undefined : r.list(o.pk, ['pk']);
  let entryIssues = 0;
  if (rows) {
    if (rows.length !== weapons)
      r.error(['pk'], 'wrong number of rows', {
        expected: `${weapons} rows (one per weapon)`,
        found: String(rows.length),
      });
    else
      for (let i = 0; i < weapons && entryIssues <= MAX_ENTRY_ISSUES; i++) {
        const row = rows[i];
        if (!Array.isArray(row) || row.length !== targets) {
          r.error(['pk', i], 'wrong row', {
            expected: `a list of ${targets} probabilities`,
            found: Array.isArray(row) ? `${row.length} entries` : describe(row),
          });
          entryIssues++;
          continue;
        }
        for (let j = 0; j < targets; j++) {
          const p = row[j];
          if (typeof p === 'number' && p >= 0 && p <= 1) {
            pk[i * targets + j] = p;
            continue;
          }
          if (++entryIssues > MAX_ENTRY_ISSUES) {
            r.error(['pk'], 'more broken entries follow; fix the ones above first');
            break;
          }
          r.error(['pk', i, j], 'not a probability', {
            expected: 'a number from 0 to 1',
            found: describe(p),
          });
        }
      }
  }

  const best = o.best === undefined || o.best === null ? undefined : r.number(o.best, ['best']);
  const lowerBound =
    o.lowerBound === undefined || o.lowerBound === null ? undefined : r.number(o.lowerBound, ['lowerBound']);
  const proven = o.proven === undefined ? undefined : r.boolean(o.proven, ['proven']);
  let bestAssignment: Int32Array | undefined;
  if (o.bestAssignment !== undefined && o.bestAssignment !== null) {
    const list = r.list(o.bestAssignment, ['bestAssignment']);
    if (list && list.length !== weapons)
      r.error(['bestAssignment'], 'wrong length', {
        expected: `${weapons} targets (one per weapon)`,
        found: String(list.length),
      });
    else if (list) {
      bestAssignment = new Int32Array(weapons);
      list.forEach((v, i) => {
        const j = r.number(v, ['bestAssignment', i], { min: 0, max: targets - 1, integer: true });
        if (j !== undefined) bestAssignment![i] = j;
      });
    }
  }
  if (name === undefined || family === undefined) return undefined;
  return {
    name,
    family,
    weapons,
    targets,
    values,
    pk,
    ...(best !== undefined ? { best } : {}),
    ...(proven !== undefined ? { proven } : {}),
    ...(lowerBound !== undefined ? { lowerBound } : {}),
    ...(bestAssignment ? { bestAssignment } : {}),
  };
}
