// Reads the calibration dataset (data/calibration/nights.yaml): public nightly tallies with their
// sources. Pure: text in, the dataset or every problem located to file:line:column out.

import {
  TALLIES,
  TALLY_CLASS,
  type CalibrationDataset,
  type CalibrationNight,
  type TallyName,
  type ThreatClass,
} from '../model/calibration.js';
import { catalogEntries, catalogEntry } from './catalog.js';
import { readDocument } from './document.js';
import type { FieldPath, ScenarioIssue } from './issue.js';
import type { Raw, Reader } from './reader.js';

export type CalibrationParseResult =
  { ok: true; dataset: CalibrationDataset } | { ok: false; issues: ScenarioIssue[] };

/** The class a catalog threat type is counted in: cruise missiles apart, everything else a drone. */
export function threatClassOf(typeName: string): ThreatClass {
  return catalogEntry('threats', typeName.split('@')[0])?.kind === 'cruise-missile' ? 'missiles' : 'drones';
}

const NIGHT_KEYS = ['date', 'label', 'launched', 'split', 'reported', 'notes', 'sources'];
const MAX_NIGHTS = 1000;
const MAX_LAUNCHED = 100_000;

export function parseCalibrationNights(text: string, file: string): CalibrationParseResult {
  const read = readDocument(text, file);
  if (!read.ok) return read;
  const r = read.reader;
  const top = r.object(read.raw, [], ['version', 'nights']);
  const nights: CalibrationNight[] = [];
  if (top) {
    if (r.required(top, 'version', []) && top.version !== 1)
      r.error(['version'], 'unsupported version', { expected: '1', found: String(top.version) });
    const list = r.required(top, 'nights', []) ? r.list(top.nights, ['nights']) : undefined;
    if (list && list.length === 0) r.error(['nights'], 'no nights', { expected: 'at least one night' });
    if (list && list.length > MAX_NIGHTS)
      r.error(['nights'], 'too many nights', { expected: `at most ${MAX_NIGHTS}` });
    const seen = new Map<string, number>();
    list?.slice(0, MAX_NIGHTS).forEach((raw, i) => {
      const night = readNight(r, raw, ['nights', i]);
      if (!night) return;
      const first = seen.get(night.date);
      if (first !== undefined)
        r.error(['nights', i, 'date'], `a second night dated ${night.date}`, {
          hint: `nights[${first}] has that date already`,
        });
      else seen.set(night.date, i);
      nights.push(night);
    });
  }
  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  return { ok: true, dataset: { nights } };
}

function readNight(r: Reader, raw: Raw, path: FieldPath): CalibrationNight | undefined {
  const o = r.object(raw, path, NIGHT_KEYS);
  if (!o) return undefined;
  for (const key of ['date', 'launched', 'reported', 'sources']) r.required(o, key, path);
  const date = o.date === undefined ? undefined : readDate(r, o.date, [...path, 'date']);
  const label = o.label === undefined ? undefined : r.string(o.label, [...path, 'label']);
  const split = o.split === undefined ? undefined : r.string(o.split, [...path, 'split']);
  const notes = o.notes === undefined ? undefined : r.string(o.notes, [...path, 'notes']);
  const launched = o.launched === undefined ? undefined : readLaunched(r, o.launched, [...path, 'launched']);
  const reported =
    o.reported === undefined || launched === undefined
      ? undefined
      : readReported(r, o.reported, [...path, 'reported'], launched);
  const sources = o.sources === undefined ? undefined : readSources(r, o.sources, [...path, 'sources']);
  if (date === undefined || launched === undefined || reported === undefined || sources === undefined)
    return undefined;
  return {
    date,
    label: label ?? date,
    launched,
    ...(split !== undefined ? { split } : {}),
    reported,
    ...(notes !== undefined ? { notes } : {}),
    sources,
  };
}

/** A calendar date, YYYY-MM-DD (YAML may hand it over as a Date). */
function readDate(r: Reader, value: Raw, path: FieldPath): string | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text) return text;
  }
  r.error(path, 'not a calendar date', { expected: 'YYYY-MM-DD', found: String(text) });
  return undefined;
}

function readLaunched(r: Reader, value: Raw, path: FieldPath): Record<string, number> | undefined {
  const names = catalogEntries('threats').map((e) => e.name);
  const o = r.object(value, path, names);
  if (!o) return undefined;
  const launched: Record<string, number> = {};
  let ok = true;
  for (const [type, count] of Object.entries(o)) {
    if (!names.includes(type)) {
      ok = false;
      continue;
    }
    const n = r.number(count, [...path, type], { min: 1, max: MAX_LAUNCHED, integer: true });
    if (n === undefined) ok = false;
    else launched[type] = n;
  }
  if (ok && Object.keys(launched).length === 0) {
    r.error(path, 'nothing launched', { expected: 'a count for at least one catalog threat type' });
    return undefined;
  }
  return ok ? launched : undefined;
}

function readReported(
  r: Reader,
  value: Raw,
  path: FieldPath,
  launched: Record<string, number>,
): Partial<Record<TallyName, number>> | undefined {
  const o = r.object(value, path, TALLIES);
  if (!o) return undefined;
  const byClass: Record<ThreatClass, number> = { drones: 0, missiles: 0 };
  for (const [type, n] of Object.entries(launched)) byClass[threatClassOf(type)] += n;
  const reported: Partial<Record<TallyName, number>> = {};
  let ok = true;
  for (const [key, count] of Object.entries(o)) {
    if (!(TALLIES as readonly string[]).includes(key)) {
      ok = false;
      continue;
    }
    const tally = key as TallyName;
    const n = r.number(count, [...path, tally], { min: 0, integer: true });
    if (n === undefined) {
      ok = false;
      continue;
    }
    const cls = TALLY_CLASS[tally];
    if (n > byClass[cls]) {
      r.error([...path, tally], `more than the ${byClass[cls]} ${cls} launched`, {
        expected: `at most ${byClass[cls]}`,
        found: String(n),
      });
      ok = false;
      continue;
    }
    reported[tally] = n;
  }
  if (!ok) return undefined;
  if (Object.keys(reported).length === 0) {
    r.error(path, 'no tally reported', { expected: `at least one of ${TALLIES.join(', ')}` });
    return undefined;
  }
  const drones = (reported.dronesShotDown ?? 0) + (reported.dronesLostLocally ?? 0);
  const sum = reported.dronesDownedOrSuppressed ?? drones;
  if (Math.max(drones, sum) + (reported.dronesHit ?? 0) > byClass.drones) {
    r.error(path, `the drone tallies add up to more than the ${byClass.drones} drones launched`);
    return undefined;
  }
  return reported;
}

function readSources(r: Reader, value: Raw, path: FieldPath): string[] | undefined {
  const list = r.list(value, path);
  if (!list) return undefined;
  if (list.length === 0) {
    r.error(path, 'no source', { expected: 'at least one public source for the figures' });
    return undefined;
  }
  const sources = list.map((s, i) => r.string(s, [...path, i]));
  return sources.every((s): s is string => s !== undefined) ? sources : undefined;
}
