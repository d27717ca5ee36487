// The report's charts as Vega-Lite specifications: distributions of the headline measures for a
// Monte Carlo batch, response curves with confidence bands for a sweep, and the map of intercept
// and impact points. Plain data in, plain JSON specs out; vega-embed renders them in the page.

import type { ReportData } from './report-data.js';
import { REPORT_MEASURES } from './report-data.js';

export type VegaLiteSpec = Record<string, unknown>;

export interface ReportChart {
  id: string;
  title: string;
  spec: VegaLiteSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function reportCharts(data: ReportData): ReportChart[] {
  const charts: ReportChart[] = [];
  if (data.batch.kind === 'mc') {
    for (const m of REPORT_MEASURES) charts.push(histogram(data, m.name, m.title, m.axis));
  } else {
    for (const m of REPORT_MEASURES) charts.push(responseCurves(data, m.name, m.title, m.axis));
  }
  if (data.map.assets.length > 0) charts.push(map(data));
  return charts;
}

function histogram(data: ReportData, measure: string, title: string, axis: string): ReportChart {
  const values = data.runs.filter((r) => r[measure] !== null).map((r) => ({ value: r[measure] }));
  // Counts are binned by whole numbers: a bar per count, never a bar between two.
  const counts = values.every((v) => Number.isInteger(v.value));
  const summary = data.points[0]?.measures.find((m) => m.name === measure)?.summary;
  const rules = summary
    ? [
        { label: 'mean', value: summary.mean },
        { label: 'p5', value: summary.p5 },
        { label: 'p95', value: summary.p95 },
      ].filter((r) => Number.isFinite(r.value))
    : [];
  return {
    id: `dist-${measure}`,
    title,
    spec: {
      $schema: SCHEMA,
      width: 460,
      height: 220,
      layer: [
        {
          data: { values },
          mark: { type: 'bar', color: '#4c78a8', tooltip: true },
          encoding: {
            x: {
              field: 'value',
              type: 'quantitative',
              bin: counts ? { maxbins: 40, minstep: 1 } : { maxbins: 40 },
              title: axis,
            },
            y: { aggregate: 'count', type: 'quantitative', title: 'runs' },
          },
        },
        {
          data: { values: rules },
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x: { field: 'value', type: 'quantitative' },
            color: {
              field: 'label',
              type: 'nominal',
              title: 'statistic',
              scale: { domain: ['mean', 'p5', 'p95'], range: ['#e45756', '#f58518', '#f58518'] },
            },
            strokeDash: {
              field: 'label',
              type: 'nominal',
              legend: null,
              scale: {
                domain: ['mean', 'p5', 'p95'],
                range: [
                  [1, 0],
                  [4, 3],
                  [4, 3],
                ],
              },
            },
            tooltip: [{ field: 'label' }, { field: 'value', format: '.3~f' }],
          },
        },
      ],
    },
  };
}

/** A sweep value as a number for the x axis: 40, or the number in "15 km"; undefined otherwise. */
function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const m = /^\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*[A-Za-z/%°]*\s*$/.exec(value);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function responseCurves(data: ReportData, measure: string, heading: string, title: string): ReportChart {
  const axes = data.points[0]?.params.map((p) => p.path) ?? [];
  const lhs = data.batch.params.lhs !== undefined;
  const rows = data.points.map((p) => {
    const s = p.measures.find((m) => m.name === measure)?.summary;
    const row: Record<string, unknown> = {
      mean: s?.mean ?? null,
      ciLow: s?.ciLow ?? null,
      ciHigh: s?.ciHigh ?? null,
      p5: s?.p5 ?? null,
      p95: s?.p95 ?? null,
    };
    p.params.forEach((v, i) => {
      row[`a${i}`] = numeric(v.value) ?? String(v.value);
      row[`a${i}text`] = String(v.value);
    });
    return row;
  });
  const isNumeric = (i: number) => data.points.every((p) => numeric(p.params[i].value) !== undefined);
  const axisTitle = (i: number) => axes[i];
  const y = (field: string) => ({ field, type: 'quantitative', title, scale: { zero: false } });

  const curve = (i: number, colorBy?: number): VegaLiteSpec => {
    const x = {
      field: `a${i}`,
      type: isNumeric(i) ? 'quantitative' : 'ordinal',
      title: axisTitle(i),
      scale: isNumeric(i) ? { zero: false } : undefined,
    };
    const color =
      colorBy === undefined
        ? undefined
        : {
            field: `a${colorBy}text`,
            type: 'nominal',
            title: axisTitle(colorBy),
            legend: { titleLimit: 400 },
          };
    if (lhs || axes.length > 2) {
      // Scattered points: each point's mean with its confidence interval, against one parameter.
      return {
        width: 300,
        height: 220,
        layer: [
          { mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: y('ciLow'), y2: { field: 'ciHigh' } } },
          { mark: { type: 'point', filled: true, tooltip: true }, encoding: { x, y: y('mean') } },
        ],
      };
    }
    return {
      width: 460,
      height: 260,
      layer: [
        {
          mark: { type: 'area', opacity: 0.12 },
          encoding: { x, y: y('p5'), y2: { field: 'p95' }, ...(color ? { color } : {}) },
        },
        {
          mark: { type: 'area', opacity: 0.3 },
          encoding: { x, y: y('ciLow'), y2: { field: 'ciHigh' }, ...(color ? { color } : {}) },
        },
        {
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x,
            y: y('mean'),
            ...(color ? { color } : {}),
          },
        },
      ],
    };
  };

  let spec: VegaLiteSpec;
  if (lhs || axes.length > 2) spec = { hconcat: axes.map((_, i) => curve(i)) };
  else if (axes.length === 2) spec = curve(0, 1);
  else spec = curve(0);
  const explained =
    lhs || axes.length > 2
      ? 'point means with their 95% CI'
      : 'mean, 95% CI (dark band), p5–p95 (light band)';
  return {
    id: `curve-${measure}`,
    title: `${heading}: ${explained}`,
    spec: { $schema: SCHEMA, data: { values: rows }, ...spec },
  };
}

function map(data: ReportData): ReportChart {
  const { intercepts, assets, bases, sampledRuns } = data.map;
  const lonLat = {
    longitude: { field: 'lon', type: 'quantitative' },
    latitude: { field: 'lat', type: 'quantitative' },
  };
  const kinds = ['intercept', 'asset (size: impacts per run)', 'defender base'];
  const color = {
    field: 'kind',
    type: 'nominal',
    title: null,
    scale: { domain: kinds, range: ['#54a24b', '#e45756', '#4c78a8'] },
  };
  return {
    id: 'map',
    title: `Intercepts and impacts (${sampledRuns} runs sampled)`,
    spec: {
      $schema: SCHEMA,
      width: 560,
      height: 480,
      projection: { type: 'mercator' },
      layer: [
        {
          data: { values: intercepts.map((p) => ({ ...p, kind: kinds[0] })) },
          mark: { type: 'circle', size: 10, opacity: 0.35 },
          encoding: { ...lonLat, color },
        },
        {
          data: { values: assets.map((a) => ({ ...a, kind: kinds[1] })) },
          mark: { type: 'circle', opacity: 0.7, stroke: '#7a1f1f' },
          encoding: {
            ...lonLat,
            color,
            size: {
              field: 'impactsPerRun',
              type: 'quantitative',
              title: 'impacts per run',
              scale: { range: [30, 900] },
            },
            tooltip: [{ field: 'name' }, { field: 'value' }, { field: 'impactsPerRun', format: '.2f' }],
          },
        },
        {
          data: { values: assets },
          mark: { type: 'text', dy: -14, fontSize: 10 },
          encoding: { ...lonLat, text: { field: 'name' } },
        },
        {
          data: { values: bases.map((b) => ({ ...b, kind: kinds[2] })) },
          mark: { type: 'point', shape: 'triangle-up', filled: true, size: 120 },
          encoding: { ...lonLat, color, tooltip: [{ field: 'name' }] },
        },
      ],
    },
  };
}
