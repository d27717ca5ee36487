// Gathers what a report shows from the results store: the batch, its statistics, the per-run values
// of the headline measures (for distributions) and a sample of kill and impact points (for the map),
// converted to latitude/longitude.

import { aggregatePoint } from './batch-runner.js';
import { flattenMeasures } from '../analysis/outcome-measures.js';
import { SUMMARY_FIELDS, type Summary } from '../analysis/statistics.js';
import type { SweepPoint } from '../analysis/sweep.js';
import { LocalFrame } from '../core/geo.js';
import { parseScenario } from '../scenario/index.js';
import type { GeoFeatureCollection } from '../model/geodata.js';
import { batchToGeoJson, type SampledRun } from './report-geodata.js';
import type { BatchInfo, ResultsStore } from './results-store.js';

/** The measures whose distributions and response curves a report plots. */
export const REPORT_MEASURES = [
  { name: 'leaked', title: 'Leakers (threats that struck an asset)', axis: 'leakers' },
  { name: 'assetValueLost', title: 'Asset value lost', axis: 'asset value lost' },
  {
    name: 'costExchangeRatio',
    title: 'Cost-exchange ratio (attacker loss per defense spend)',
    axis: 'cost-exchange ratio',
  },
] as const;

/** Runs whose kill and impact points are drawn on the map; enough to see the pattern. */
export const MAP_SAMPLE_RUNS = 200;

export interface ReportData {
  batch: Omit<BatchInfo, 'scenarioText'>;
  points: { point: number; params: SweepPoint; measures: { name: string; summary: Summary }[] }[];
  /** One row per stored run: point, run, seed, error, and the headline measures (null if undefined). */
  runs: Record<string, string | number | null>[];
  map: {
    /** Kill points of the sampled runs. */
    intercepts: { lat: number; lon: number }[];
    assets: { name: string; lat: number; lon: number; value: number; impactsPerRun: number }[];
    bases: { name: string; lat: number; lon: number }[];
    sampledRuns: number;
  };
  /**
   * The batch as GeoJSON (report-geodata): the scenario's places and coverage and the kills and
   * impacts of the map's sample. Absent when the stored scenario no longer parses. Not part of
   * the report's JSON: it is its own download.
   */
  geodata?: GeoFeatureCollection;
}

export function gatherReport(store: ResultsStore, batch: BatchInfo): ReportData {
  const { scenarioText, ...info } = batch;
  const aggregates = store.getAggregates(batch.id);
  // An unfinished batch has no stored aggregates yet: its report sums up the runs stored so far.
  const points = store.getPoints(batch.id).map((p) => ({
    point: p.point,
    params: p.params,
    measures:
      aggregates.find((a) => a.point === p.point)?.measures ??
      aggregatePoint(store, batch.id, p.point).measures,
  }));

  const parsed = parseScenario(scenarioText, batch.scenarioFile);
  const scenario = parsed.ok ? parsed.scenario : undefined;
  const frame = scenario ? new LocalFrame(scenario.origin) : undefined;
  const impacts = new Map<string, number>();
  const intercepts: { lat: number; lon: number }[] = [];
  const sampled: SampledRun[] = [];
  const runs: ReportData['runs'] = [];
  for (const row of store.runs(batch.id, undefined, { marks: true })) {
    const record: Record<string, string | number | null> = {
      point: row.point,
      run: row.run,
      seed: row.seed,
      error: row.error ?? null,
    };
    const measures = row.outcome ? flattenMeasures(row.outcome) : undefined;
    for (const { name } of REPORT_MEASURES) {
      const v = measures?.get(name);
      record[name] = v !== undefined && Number.isFinite(v) ? v : null;
    }
    runs.push(record);
    // Spread the map's sample over the sweep points: the first runs of every point.
    if (frame && row.marks && row.run < Math.max(1, Math.ceil(MAP_SAMPLE_RUNS / batch.pointCount))) {
      sampled.push({ point: row.point, run: row.run, seed: row.seed, marks: row.marks });
      for (let i = 0; i < row.marks.kills.length; i += 2) {
        const p = frame.toLatLon(row.marks.kills[i], row.marks.kills[i + 1]);
        intercepts.push({ lat: round5(p.latDeg), lon: round5(p.lonDeg) });
      }
      for (const asset of row.marks.impacts) impacts.set(asset, (impacts.get(asset) ?? 0) + 1);
    }
  }
  const at = (e: number, n: number) => {
    const p = frame!.toLatLon(e, n);
    return { lat: round5(p.latDeg), lon: round5(p.lonDeg) };
  };
  const sampledRuns = sampled.length;
  return {
    batch: info,
    points,
    runs,
    map: {
      intercepts,
      assets: scenario
        ? scenario.assets.map((a) => ({
            name: a.name,
            ...at(a.position.e, a.position.n),
            value: a.value,
            impactsPerRun: sampledRuns > 0 ? (impacts.get(a.name) ?? 0) / sampledRuns : 0,
          }))
        : [],
      bases: scenario ? scenario.defenders.map((d) => ({ name: d.name, ...at(d.base.e, d.base.n) })) : [],
      sampledRuns,
    },
    ...(scenario ? { geodata: batchToGeoJson(scenario, batch.id, sampled) } : {}),
  };
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** The aggregates as CSV: one row per point and measure. */
export function aggregatesCsv(data: ReportData): string {
  const axes = data.points[0]?.params.map((p) => p.path) ?? [];
  const head = [
    'point',
    ...axes,
    'measure',
    ...SUMMARY_FIELDS.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
  ];
  const lines = [head.map(csvCell).join(',')];
  for (const p of data.points)
    for (const { name, summary: s } of p.measures)
      lines.push(
        [p.point, ...p.params.map((v) => v.value), name, ...SUMMARY_FIELDS.map((f) => s[f])]
          .map(csvCell)
          .join(','),
      );
  return lines.join('\n') + '\n';
}

/** The per-run values of the plotted measures as CSV. */
export function runsCsv(data: ReportData): string {
  const head = ['point', 'run', 'seed', ...REPORT_MEASURES.map((m) => m.name), 'error'];
  const lines = [head.join(',')];
  for (const r of data.runs) lines.push(head.map((h) => csvCell(r[h])).join(','));
  return lines.join('\n') + '\n';
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? '' : String(value);
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report's numbers as JSON (NaN and ±Infinity as null). */
export function reportJson({ geodata: _, ...data }: ReportData): string {
  return JSON.stringify(data, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
