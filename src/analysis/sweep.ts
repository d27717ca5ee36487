// Parameter sweeps: `--set PATH=VALUES` specifications, their expansion into points (a full grid,
// or a Latin hypercube of N points), and each point applied to the scenario document before it is
// validated, so a bad path or value is reported like any scenario error.

import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { streamFor } from '../core/rng.js';
import { didYouMean } from '../scenario/did-you-mean.js';

/** A user's mistake in a --set specification; the CLI prints it and exits 2. */
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

export type SweepValue = number | string | boolean;

export interface SweepAxis {
  /** The path as written, e.g. `defenders.north-interceptors.stock`. */
  path: string;
  segments: string[];
  /** Explicit values (a list, or a range with a step). */
  values?: SweepValue[];
  /** A range: sampled by a Latin hypercube, or stepped when `step` is given. */
  range?: { low: number; high: number; step?: number; integer: boolean; unit?: string };
}

/** One point of a sweep: a value for every axis, in axis order. */
export type SweepPoint = { path: string; value: SweepValue }[];

/** Points above this are refused: a grid that large is a typo, not a plan. */
export const MAX_SWEEP_POINTS = 10_000;
/** A stepped range may not expand to more values than this. */
const MAX_AXIS_VALUES = 10_000;

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const RANGE = new RegExp(
  `^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})(?:\\s*:\\s*(${NUMBER}))?(?:\\s+([A-Za-z/%°]+))?$`,
);

/** Parses `PATH=VALUES`: VALUES is `a,b,c`, or `low..high:step [unit]`, or `low..high [unit]` (--lhs). */
export function parseSetSpec(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new SweepError(`--set '${text}': expected PATH=VALUES, e.g. defenders.north.stock=20..80:20`);
  const path = text.slice(0, eq).trim();
  const valuesText = text.slice(eq + 1).trim();
  const segments = path.split('.').map((s) => s.trim());
  if (segments.some((s) => s === ''))
    throw new SweepError(`--set '${text}': empty segment in path '${path}'`);
  if (valuesText === '') throw new SweepError(`--set '${text}': no values after '='`);
  const range = RANGE.exec(valuesText);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    const step = range[3] === undefined ? undefined : Number(range[3]);
    const unit = range[4];
    if (!(high >= low)) throw new SweepError(`--set '${text}': range ${low}..${high} runs backwards`);
    if (step !== undefined && !(step > 0)) throw new SweepError(`--set '${text}': the step must be above 0`);
    // Bounds written as whole numbers sample whole numbers; write 1.0..2.0 for a real range.
    const integer = [range[1], range[2], range[3] ?? '0'].every((s) => /^[-+]?\d+$/.test(s));
    const axis: SweepAxis = { path, segments, range: { low, high, step, integer, unit } };
    if (step !== undefined) axis.values = steppedValues(text, low, high, step, unit);
    return axis;
  }
  const values = splitList(valuesText).map(scalar);
  return { path, segments, values };
}

function steppedValues(text: string, low: number, high: number, step: number, unit?: string): SweepValue[] {
  const count = Math.floor((high - low) / step + 1e-9) + 1;
  if (count > MAX_AXIS_VALUES)
    throw new SweepError(`--set '${text}': ${count} values; at most ${MAX_AXIS_VALUES}`);
  const values: SweepValue[] = [];
  for (let i = 0; i < count; i++) values.push(withUnit(tidy(low + i * step), unit));
  return values;
}

/** Splits a comma list; a value may be quoted ("Kyiv, north") to hold a comma. */
function splitList(text: string): string[] {
  const items: string[] = [];
  const pattern = /\s*("([^"]*)"|[^,]*)\s*(,|$)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    items.push(match[2] ?? match[1].trim());
    if (match[3] === '') break;
  }
  return items;
}

function scalar(text: string): SweepValue {
  if (new RegExp(`^${NUMBER}$`).test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** Rounds away float noise (0.30000000000000004) so values print and hash as written. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

function withUnit(value: number, unit?: string): SweepValue {
  return unit === undefined ? value : `${value} ${unit}`;
}

/** Every combination of the axes' values; the first axis varies slowest. */
export function gridPoints(axes: readonly SweepAxis[]): SweepPoint[] {
  for (const axis of axes) {
    if (!axis.values)
      throw new SweepError(
        `--set ${axis.path}: a grid needs a list or a stepped range (low..high:step); or use --lhs N`,
      );
  }
  const total = axes.reduce((p, a) => p * a.values!.length, 1);
  if (total > MAX_SWEEP_POINTS)
    throw new SweepError(`the grid has ${total} points; at most ${MAX_SWEEP_POINTS}`);
  let points: SweepPoint[] = [[]];
  for (const axis of axes) {
    const next: SweepPoint[] = [];
    for (const point of points)
      for (const value of axis.values!) next.push([...point, { path: axis.path, value }]);
    points = next;
  }
  return points;
}

/**
 * A Latin hypercube of `count` points: each axis is cut into `count` equal strata and every stratum
 * is used exactly once, in an order drawn from the seeded stream. A range axis takes a uniform draw
 * inside its stratum (rounded to whole numbers or to its step when it has them); a list axis takes
 * the item its stratum falls on.
 */
export function latinHypercubePoints(axes: readonly SweepAxis[], count: number, seed: number): SweepPoint[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SWEEP_POINTS)
    throw new SweepError(`--lhs: expected a whole number of points from 1 to ${MAX_SWEEP_POINTS}`);
  const rng = streamFor(seed, 'analysis/latin-hypercube');
  const columns = axes.map((axis) => {
    const order = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order.map((stratum) => pick(axis, (stratum + rng.next()) / count));
  });
  return Array.from({ length: count }, (_, p) =>
    axes.map((axis, a) => ({ path: axis.path, value: columns[a][p] })),
  );
}

function pick(axis: SweepAxis, u: number): SweepValue {
  const range = axis.range;
  if (!range) return axis.values![Math.min(axis.values!.length - 1, Math.floor(u * axis.values!.length))];
  const { low, high, step, integer, unit } = range;
  let value: number;
  if (step !== undefined) {
    const steps = Math.floor((high - low) / step + 1e-9);
    value = low + Math.min(steps, Math.floor(u * (steps + 1))) * step;
  } else if (integer) {
    value = low + Math.min(high - low, Math.floor(u * (high - low + 1)));
  } else {
    value = low + u * (high - low);
  }
  return withUnit(Number(value.toPrecision(6)), unit);
}

/**
 * Applies a point to the scenario text: each path is resolved in the YAML document (a list item is
 * addressed by its `name`, its `wave`, or its index) and its value replaced. The result is scenario
 * text for parseScenario; comments and layout elsewhere are kept.
 */
export function applyPoint(text: string, point: SweepPoint): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new SweepError(`the scenario is not valid YAML: ${doc.errors[0].message}`);
  for (const { path, value } of point) doc.setIn(resolvePath(doc, path), value);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Sets positions in the scenario text: each path is resolved as applyPoint resolves it, and may
 * name a field that holds a list (`defenders.fg-1.base`, `defenders.fg-1.patrol`). The new value
 * is written as a flow list ([50.6, 30.7]) in place of the old value's text, so every other byte
 * of the file (comments, layout, quoting) stays as it was. Used by siting to write its layout.
 */
export function applyPositions(
  text: string,
  edits: readonly { path: string; value: readonly number[] | readonly (readonly number[])[] }[],
): string {
  const doc = parseDocument(text, { uniqueKeys: true, keepSourceTokens: false });
  if (doc.errors.length > 0) throw new SweepError(`the scenario is not valid YAML: ${doc.errors[0].message}`);
  const splices = edits.map(({ path, value }) => {
    const node = doc.getIn(resolvePath(doc, path, true), true) as
      { range?: [number, number, number] } | undefined;
    if (!node?.range) throw new SweepError(`${path}: no value to replace in the scenario`);
    return { start: node.range[0], end: node.range[1], text: flowText(value) };
  });
  splices.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function flowText(value: readonly number[] | readonly (readonly number[])[]): string {
  return `[${value.map((v) => (typeof v === 'number' ? String(v) : flowText(v))).join(', ')}]`;
}

/** Checks every axis path against the document before any run starts. */
export function checkPaths(text: string, axes: readonly SweepAxis[]): void {
  const doc = parseDocument(text, { uniqueKeys: true });
  for (const axis of axes) resolvePath(doc, axis.path);
}

function resolvePath(doc: Document, path: string, listTarget = false): (string | number)[] {
  const segments = path.split('.');
  const keys: (string | number)[] = [];
  let node: unknown = doc.contents;
  const where = () => (keys.length === 0 ? 'the top level' : keys.join('.'));
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (isSeq(node)) {
      const names = node.items.map((item) =>
        isMap(item) ? String(item.get('name') ?? item.get('wave') ?? '') : '',
      );
      let index = names.indexOf(segment);
      if (index < 0 && /^\d+$/.test(segment) && Number(segment) < node.items.length) index = Number(segment);
      if (index < 0) {
        const hint = didYouMean(
          segment,
          names.filter((n) => n !== ''),
        );
        throw new SweepError(
          `--set ${path}: no item named '${segment}' in ${where()}` +
            (hint
              ? ` (${hint})`
              : `; its items are ${names.filter((n) => n !== '').join(', ') || `0..${node.items.length - 1}`}`),
        );
      }
      keys.push(index);
      node = node.items[index];
    } else if (isMap(node)) {
      const fields = node.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
      if (!node.has(segment) && !last) {
        const hint = didYouMean(segment, fields);
        throw new SweepError(
          `--set ${path}: no field '${segment}' in ${where()}` +
            (hint ? ` (${hint})` : `; its fields are ${fields.join(', ')}`),
        );
      }
      keys.push(segment);
      node = node.get(segment, true);
    } else {
      throw new SweepError(`--set ${path}: ${where()} is a single value; it has no '${segment}'`);
    }
  }
  if ((isSeq(node) && !listTarget) || isMap(node))
    throw new SweepError(
      `--set ${path}: ${where()} is a ${isSeq(node) ? 'list' : 'mapping'}; name one of its values`,
    );
  return keys;
}

/** A point as short text, e.g. `stock=40 crews=3`, naming each axis by its last path segment. */
export function describePoint(point: SweepPoint): string {
  return point.map(({ path, value }) => `${path.split('.').pop()}=${value}`).join(' ');
}
