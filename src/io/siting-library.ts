// The results of `bulwark site` kept in a scenario folder (`<scenario>.siting.json`, beside the
// scenario and its sited copy), offered by name to the web console: listed, read and checked
// without ever leaving the folder. A file that is not a siting result is listed with what is wrong.

import { basename } from 'node:path';
import type { SitingResult } from '../model/siting-result.js';
import { filesInside, resolveInside } from './safe-path.js';
import { readText } from './scenario-file.js';
import { ScenarioLibrary } from './scenario-library.js';
import { verdict } from './siting-report.js';

export const SITING_RESULT_FILE = /\.siting\.json$/i;
/** A Kyiv result with its search trace is about 30 kB; far more is not a file `bulwark site` wrote. */
const MAX_RESULT_BYTES = 8 * 1024 * 1024;

export interface SitingEntry {
  /** File name inside the scenario folder, the result's id in URLs. */
  id: string;
  ok: boolean;
  scenarioName: string;
  objective: string;
  moved: number;
  /** The scenario and the sited scenario as ids of this folder, when they are there. */
  scenario: string | null;
  sited: string | null;
  /** What is wrong with the file, when it is not a siting result. */
  error?: string;
}

export type LoadedSiting =
  | { ok: true; result: SitingResult; scenario: string | null; sited: string | null }
  | { ok: false; error: string };

export class SitingLibrary {
  private readonly scenarios: ScenarioLibrary;

  constructor(readonly folder: string) {
    this.scenarios = new ScenarioLibrary(folder);
  }

  ids(): string[] {
    return filesInside(this.folder, SITING_RESULT_FILE);
  }

  list(): SitingEntry[] {
    return this.ids().map((id) => {
      const loaded = this.load(id)!;
      if (!loaded.ok)
        return {
          id,
          ok: false,
          scenarioName: id,
          objective: '',
          moved: 0,
          scenario: null,
          sited: null,
          error: loaded.error,
        };
      const r = loaded.result;
      return {
        id,
        ok: true,
        scenarioName: r.scenarioName,
        objective: r.objective.label,
        moved: r.moves.length,
        scenario: loaded.scenario,
        sited: loaded.sited,
      };
    });
  }

  /** The result, or what is wrong with the file; undefined when no such result is offered. */
  load(id: string): LoadedSiting | undefined {
    if (!SITING_RESULT_FILE.test(id)) return undefined;
    const path = resolveInside(this.folder, id);
    if (path === undefined) return undefined;
    const text = readText(path, MAX_RESULT_BYTES, 'siting result');
    if (typeof text !== 'string') {
      if (text.message === 'no such file') return undefined;
      return { ok: false, error: `${id}: ${text.message}` };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: `${id}: not JSON (${(e as Error).message})` };
    }
    const problem = sitingResultProblem(value);
    if (problem !== undefined) return { ok: false, error: `${id}: not a siting result: ${problem}` };
    const result = value as SitingResult;
    // Results written before the verdict was stored get it here, by the same rule.
    for (const row of result.check) row.verdict ??= verdict(row, result.objective.sense);
    const offered = new Set(this.scenarios.ids());
    const inFolder = (file: string) => (offered.has(basename(file)) ? basename(file) : null);
    return { ok: true, result, scenario: inFolder(result.scenarioFile), sited: inFolder(result.sitedFile) };
  }
}

type Check = (v: unknown, at: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const found = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);
const string: Check = (v, at) =>
  typeof v === 'string' ? undefined : `${at}: expected text, found ${found(v)}`;
const boolean: Check = (v, at) =>
  typeof v === 'boolean' ? undefined : `${at}: expected true or false, found ${found(v)}`;
/** NaN and ±∞ travel as null. */
const number: Check = (v, at) =>
  typeof v === 'number' || v === null ? undefined : `${at}: expected a number, found ${found(v)}`;
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? undefined : check(v, at);
const object =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at}: expected an object, found ${found(v)}`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(v[name], at === '' ? name : `${at}.${name}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
const list =
  (item: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at}: expected a list, found ${found(v)}`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
const lonLat: Check = (v, at) =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')
    ? undefined
    : `${at}: expected [lon, lat], found ${found(v)}`;
const latLon = object({ latDeg: number, lonDeg: number });
const summary = object({ n: number, mean: number, ciLow: number, ciHigh: number });
const place = object({ name: string, lat: number, lon: number });

/** What the console draws and prints, checked; extra fields are kept as they are. */
const SITING_RESULT = object({
  scenarioName: string,
  scenarioFile: string,
  sitedFile: string,
  objective: object({
    label: string,
    sense: (v, at) =>
      v === 'min' || v === 'max' ? undefined : `${at}: expected 'min' or 'max', found ${JSON.stringify(v)}`,
  }),
  settings: object({
    seed: number,
    runsPerLayout: number,
    budgetRuns: number,
    checkRuns: number,
    axisRuns: number,
  }),
  search: object({ runsSpent: number, layouts: number }),
  moves: list(object({ unit: string, from: latLon, to: latLon, distanceM: number })),
  check: list(
    object({
      name: string,
      trained: boolean,
      baseline: summary,
      sited: summary,
      difference: summary,
      verdict: optional(string),
    }),
  ),
  map: object({
    assets: list(place),
    fixedUnits: list(place),
    allowed: list(object({ name: string, ring: list(lonLat) })),
    noGo: list(object({ name: string, ring: list(lonLat) })),
    axes: list(object({ name: string, line: list(lonLat) })),
  }),
});

/** Where the value departs from a siting result, or undefined when it is one. */
export function sitingResultProblem(value: unknown): string | undefined {
  return SITING_RESULT(value, '');
}
