// Reads recorded detections (the shared tracking benchmark format) from JSON text:
//   {params, truth: [{id, t, x, vx, y, vy}], scans: [{t, detections: [{x, y, truth_id | null}]}]}
// and tracker output ({tracks: [{id, t, x, vx, y, vy}]}). Problems come back located to
// file:line:column like scenario errors; the text is parsed with JSON.parse for speed and only
// searched for positions when something is wrong.

import { locateJson, positionOf } from '../core/json-locate.js';
import { emptyStateRows, type Recording, type StateRows } from '../model/recording.js';
import { formatPath, type FieldPath, type ScenarioIssue } from './issue.js';

export type RecordingResult = { ok: true; recording: Recording } | { ok: false; issues: ScenarioIssue[] };
export type TrackRowsResult = { ok: true; rows: StateRows } | { ok: false; issues: ScenarioIssue[] };

/** Issues beyond this many are summarised: one bad generator usually breaks every row alike. */
const MAX_ISSUES = 20;

class JsonChecker {
  readonly issues: ScenarioIssue[] = [];
  private more = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  error(path: FieldPath, message: string, expected?: string, found?: unknown): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.more++;
      return;
    }
    const { line, column } = locateJson(this.text, path);
    this.issues.push({
      file: this.file,
      line,
      column,
      field: formatPath(path),
      message,
      ...(expected !== undefined ? { expected } : {}),
      ...(found !== undefined ? { found: describe(found) } : {}),
    });
  }

  finish(): ScenarioIssue[] {
    if (this.more > 0 && this.issues.length > 0) {
      const last = this.issues[this.issues.length - 1];
      this.issues.push({ ...last, field: '(more)', message: `and ${this.more} more problems like these` });
    }
    return this.issues;
  }

  object(value: unknown, path: FieldPath): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.error(path, 'wrong type', 'an object', value);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  list(value: unknown, path: FieldPath): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.error(path, value === undefined ? 'missing field' : 'wrong type', 'a list', value);
      return undefined;
    }
    return value;
  }

  finite(o: Record<string, unknown>, key: string, path: FieldPath): number {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error(
        [...path, key],
        v === undefined ? `missing field '${key}'` : 'wrong type',
        'a finite number',
        v,
      );
      return NaN;
    }
    return v;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 37) + '...' : value}'`;
  return String(value);
}

function parseJson(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; issues: ScenarioIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON/i.test(message) ? text.trimEnd().length : 0;
    const { line, column } = positionOf(text, offset);
    return {
      ok: false,
      issues: [
        { file, line, column, field: '(syntax)', message: `not valid JSON: ${message.split('\n')[0]}` },
      ],
    };
  }
}

function readStateRows(c: JsonChecker, list: unknown[], path: FieldPath): StateRows {
  const rows = emptyStateRows(list.length);
  for (let k = 0; k < list.length; k++) {
    const p = [...path, k];
    const o = c.object(list[k], p);
    if (!o) continue;
    const id = o.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 2 ** 31 - 1) {
      c.error(
        [...p, 'id'],
        id === undefined ? "missing field 'id'" : 'not a valid id',
        'a whole number ≥ 0',
        id,
      );
    }
    rows.id[k] = typeof id === 'number' ? id : -1;
    rows.t[k] = c.finite(o, 't', p);
    rows.x[k] = c.finite(o, 'x', p);
    rows.vx[k] = c.finite(o, 'vx', p);
    rows.y[k] = c.finite(o, 'y', p);
    rows.vy[k] = c.finite(o, 'vy', p);
  }
  rows.count = list.length;
  return rows;
}

export function parseRecording(text: string, file = 'recording.json'): RecordingResult {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return parsed;
  const c = new JsonChecker(text, file);
  const top = c.object(parsed.value, []);
  if (!top) return { ok: false, issues: c.finish() };
  for (const key of Object.keys(top)) {
    if (!['params', 'truth', 'scans'].includes(key))
      c.error([key], `unknown field '${key}'`, 'params, truth, scans');
  }
  const params = top.params === undefined ? {} : (c.object(top.params, ['params']) ?? {});
  let sigmaM: number | undefined;
  if (params.sigma !== undefined) {
    if (typeof params.sigma !== 'number' || !(params.sigma > 0) || !Number.isFinite(params.sigma))
      c.error(['params', 'sigma'], 'out of range', 'a position error σ > 0 in metres', params.sigma);
    else sigmaM = params.sigma;
  }
  const truthList = top.truth === undefined ? [] : (c.list(top.truth, ['truth']) ?? []);
  const truth = readStateRows(c, truthList, ['truth']);
  const scans = c.list(top.scans, ['scans']) ?? [];
  let total = 0;
  const scanDetections: unknown[][] = [];
  const scanTimeS = new Float64Array(scans.length);
  for (let s = 0; s < scans.length; s++) {
    const o = c.object(scans[s], ['scans', s]);
    const dets = o ? c.list(o.detections, ['scans', s, 'detections']) : undefined;
    scanDetections.push(dets ?? []);
    total += dets?.length ?? 0;
    if (!o) continue;
    scanTimeS[s] = c.finite(o, 't', ['scans', s]);
    if (s > 0 && scanTimeS[s] < scanTimeS[s - 1])
      c.error(['scans', s, 't'], 'scans out of time order', `t ≥ ${scanTimeS[s - 1]}`, scanTimeS[s]);
  }
  const scanStart = new Int32Array(scans.length + 1);
  const detX = new Float64Array(total);
  const detY = new Float64Array(total);
  const detTruth = new Int32Array(total);
  let k = 0;
  for (let s = 0; s < scans.length; s++) {
    scanStart[s] = k;
    const dets = scanDetections[s];
    for (let d = 0; d < dets.length; d++, k++) {
      const p = ['scans', s, 'detections', d];
      const o = c.object(dets[d], p);
      if (!o) continue;
      detX[k] = c.finite(o, 'x', p);
      detY[k] = c.finite(o, 'y', p);
      const id = o.truth_id;
      if (id === null || id === undefined) detTruth[k] = -1;
      else if (typeof id === 'number' && Number.isInteger(id) && id >= 0) detTruth[k] = id;
      else c.error([...p, 'truth_id'], 'not a valid truth id', 'a whole number ≥ 0 or null', id);
    }
  }
  scanStart[scans.length] = k;
  const issues = c.finish();
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, recording: { params, sigmaM, truth, scanTimeS, scanStart, detX, detY, detTruth } };
}

/** Tracker output in the same format: {tracks: [{id, t, x, vx, y, vy}]}. */
export function parseTrackRows(text: string, file = 'tracks.json'): TrackRowsResult {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return parsed;
  const c = new JsonChecker(text, file);
  const top = c.object(parsed.value, []);
  const list = top ? (c.list(top.tracks, ['tracks']) ?? []) : [];
  const rows = readStateRows(c, list, ['tracks']);
  const issues = c.finish();
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

/** Tracker output as JSON text, one row per line. */
export function formatTrackRows(rows: StateRows): string {
  const lines: string[] = [];
  for (let k = 0; k < rows.count; k++) {
    lines.push(
      JSON.stringify({
        id: rows.id[k],
        t: rows.t[k],
        x: rows.x[k],
        vx: rows.vx[k],
        y: rows.y[k],
        vy: rows.vy[k],
      }),
    );
  }
  return `{"tracks": [\n${lines.join(',\n')}\n]}\n`;
}
