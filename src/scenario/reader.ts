// Typed, located reading of the parsed document: each reader checks one field, records a
// located issue when it is wrong, and returns a value the parse can go on with, so a file
// yields all its errors at once.

import { parseQuantity, unitsOf, type Dimension } from '../core/units.js';
import { closest, didYouMean } from './did-you-mean.js';
import { formatPath, type FieldPath, type ScenarioIssue } from './issue.js';
import type { SourceMap } from './source-map.js';

export type Raw = unknown;
export type RawObject = Record<string, unknown>;

export interface Bounds {
  min?: number;
  max?: number;
  /** Exclusive lower bound, for quantities that must be positive. */
  above?: number;
  integer?: boolean;
}

/**
 * Where the values under a path of the read document really came from: another file (a GeoJSON
 * FeatureCollection the scenario imports) or another place in this one. Issues found there are
 * reported at the source, under its own field path.
 */
export interface Redirect {
  from: FieldPath;
  file: string;
  to: FieldPath;
  locate: (path: FieldPath, atKey: boolean) => { line: number; column: number };
}

export class Reader {
  readonly issues: ScenarioIssue[] = [];
  private readonly redirects: Redirect[] = [];

  constructor(
    private readonly file: string,
    private readonly map: SourceMap,
  ) {}

  /** This file's own locator, for redirects back into it. */
  get source(): {
    file: string;
    locate: (path: FieldPath, atKey: boolean) => { line: number; column: number };
  } {
    return { file: this.file, locate: (path, atKey) => this.map.locate(path, atKey) };
  }

  redirect(redirect: Redirect): void {
    this.redirects.push(redirect);
  }

  error(
    path: FieldPath,
    message: string,
    extra: Partial<Pick<ScenarioIssue, 'expected' | 'found' | 'hint'>> = {},
    atKey = false,
  ): void {
    let best: Redirect | undefined;
    for (const r of this.redirects)
      if (
        r.from.length <= path.length &&
        r.from.every((part, k) => part === path[k]) &&
        (!best || r.from.length > best.from.length)
      )
        best = r;
    if (best) {
      const to = [...best.to, ...path.slice(best.from.length)];
      const { line, column } = best.locate(to, atKey);
      const field = formatPath(to);
      // A default shared by many imported features is wrong once, where it is written.
      if (this.issues.some((i) => i.file === best.file && i.field === field && i.message === message)) return;
      this.issues.push({ file: best.file, line, column, field, message, ...extra });
      return;
    }
    const { line, column } = this.map.locate(path, atKey);
    this.issues.push({ file: this.file, line, column, field: formatPath(path), message, ...extra });
  }

  /** An object whose keys are all known; unknown keys are reported with a suggestion. */
  object(value: Raw, path: FieldPath, known: readonly string[]): RawObject | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.error(path, 'wrong type', { expected: 'a mapping of fields', found: describe(value) });
      return undefined;
    }
    const object = value as RawObject;
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        const hint = didYouMean(key, known);
        this.error(
          [...path, key],
          `unknown field '${key}'`,
          hint ? { hint } : { expected: `one of ${known.join(', ')}` },
          true,
        );
      }
    }
    return object;
  }

  list(value: Raw, path: FieldPath): Raw[] | undefined {
    if (!Array.isArray(value)) {
      this.error(path, 'wrong type', { expected: 'a list', found: describe(value) });
      return undefined;
    }
    return value;
  }

  required(object: RawObject, key: string, path: FieldPath): boolean {
    if (object[key] === undefined || object[key] === null) {
      this.error([...path, key], `missing field '${key}'`);
      return false;
    }
    return true;
  }

  string(value: Raw, path: FieldPath): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    this.error(path, 'wrong type', { expected: 'a non-empty text', found: describe(value) });
    return undefined;
  }

  boolean(value: Raw, path: FieldPath): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.error(path, 'wrong type', { expected: 'true or false', found: describe(value) });
    return undefined;
  }

  number(value: Raw, path: FieldPath, bounds: Bounds = {}): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.error(path, 'wrong type', { expected: 'a number', found: describe(value) });
      return undefined;
    }
    return this.checkBounds(value, path, bounds, String(value));
  }

  /** A quantity with units ("185 km/h") or a bare SI number, converted to SI. */
  quantity(
    value: Raw,
    path: FieldPath,
    dimension: Dimension,
    bounds: Bounds = {},
    siUnit = '',
  ): number | undefined {
    const parsed = parseQuantity(value, dimension);
    if (!parsed.ok) {
      const hint = parsed.unit !== undefined ? didYouMean(parsed.unit, unitsOf(dimension)) : undefined;
      this.error(path, parsed.reason, {
        expected: `a ${dimension} with a unit (${unitsOf(dimension).join(', ')})`,
        found: describe(value),
        ...(hint ? { hint } : {}),
      });
      return undefined;
    }
    return this.checkBounds(parsed.value, path, bounds, describe(value), siUnit);
  }

  /** A name that must be one of `choices`, with a suggestion when it is close to one. */
  choice<T extends string>(value: Raw, path: FieldPath, choices: readonly T[], what: string): T | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    if ((choices as readonly string[]).includes(text)) return text as T;
    const near = closest(text, choices);
    this.error(
      path,
      `unknown ${what} '${text}'`,
      near ? { hint: `did you mean '${near}'?` } : { expected: `one of ${choices.join(', ')}` },
    );
    return undefined;
  }

  private checkBounds(
    value: number,
    path: FieldPath,
    bounds: Bounds,
    found: string,
    siUnit = '',
  ): number | undefined {
    const unit = siUnit ? ` ${siUnit}` : '';
    if (bounds.integer && !Number.isInteger(value)) {
      this.error(path, 'not a whole number', { expected: 'a whole number', found });
      return undefined;
    }
    if (bounds.above !== undefined && !(value > bounds.above)) {
      this.error(path, 'out of range', { expected: `more than ${bounds.above}${unit}`, found });
      return undefined;
    }
    if (bounds.min !== undefined && value < bounds.min) {
      this.error(path, 'out of range', { expected: `at least ${bounds.min}${unit}`, found });
      return undefined;
    }
    if (bounds.max !== undefined && value > bounds.max) {
      this.error(path, 'out of range', { expected: `at most ${bounds.max}${unit}`, found });
      return undefined;
    }
    return value;
  }
}

export function describe(value: Raw): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 37) + '...' : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
