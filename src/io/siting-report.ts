// The siting report: the numbers of a `bulwark site` run as one JSON-ready record, and the HTML
// page drawn from it — a map of both layouts (the file's and the sited one) with the allowed areas,
// no-go zones, raid axes and assets; the objective of both layouts with 95% CIs on the whole night,
// the training mix and each axis alone; and the search's trace.

import { LocalFrame, type Enu, type LatLon } from '../core/geo.js';
import { bounds } from '../core/polygon.js';
import type { CheckRow, SitingPlan } from '../analysis/siting/site.js';
import type { SitingCheckRow, SitingResult } from '../model/siting-result.js';
import type { SearchResult } from '../analysis/siting/search.js';
import type { Layout } from '../analysis/siting/layout.js';
import { formatStatistic } from '../analysis/statistics.js';
import { escapeHtml, renderVegaPage, VEGA_LITE_SCHEMA, type PageChart } from './vega-page.js';

/** The record of a `bulwark site` run (see model/siting-result.ts). */
export type SitingReport = SitingResult;

export function sitingReport(args: {
  plan: SitingPlan;
  search: SearchResult & { layout: Layout };
  check: CheckRow[];
  scenarioFile: string;
  sitedFile: string;
  settings: SitingReport['settings'];
}): SitingReport {
  const { plan, search, check } = args;
  const scenario = plan.scenario;
  const frame = new LocalFrame(scenario.origin);
  const ll = (p: { e: number; n: number }) => {
    const q = frame.toLatLon(p.e, p.n);
    return { lat: round5(q.latDeg), lon: round5(q.lonDeg) };
  };
  const ring = (polygon: readonly Enu[]): [number, number][] =>
    clockwiseRing(polygon.map((p) => ll(p)).map((p) => [p.lon, p.lat] as [number, number]));
  const siting = scenario.siting!;
  const movedNames = new Set(plan.moved.filter((m) => m.section === 'defenders').map((m) => m.name));
  // The map's extent: what is sited and what it defends, with a margin; axes are clipped to it.
  const extentPoints: { e: number; n: number }[] = [
    ...scenario.assets.map((a) => a.position),
    ...scenario.defenders.map((d) => d.base),
    ...siting.areas.flatMap((a) => a.polygon ?? a.candidates ?? []),
  ];
  const b = bounds(extentPoints);
  const margin = 0.25 * Math.max(b.maxE - b.minE, b.maxN - b.minN, 10_000);
  const box = { minE: b.minE - margin, maxE: b.maxE + margin, minN: b.minN - margin, maxN: b.maxN + margin };
  const axes: SitingReport['map']['axes'] = [];
  for (const wave of scenario.waves) {
    for (const aim of wave.aim) {
      const path = [wave.launchCenter, ...wave.route, scenario.assets[aim.asset].position];
      for (let i = 1; i < path.length; i++) {
        const seg = clip(path[i - 1], path[i], box);
        if (seg)
          axes.push({
            name: wave.name,
            line: seg.map((p) => {
              const q = ll(p);
              return [q.lon, q.lat];
            }),
          });
      }
    }
  }
  return {
    scenarioName: scenario.name,
    scenarioFile: args.scenarioFile,
    sitedFile: args.sitedFile,
    objective: { name: plan.objective.name, label: plan.objective.label, sense: plan.objective.sense },
    settings: args.settings,
    coverage: { sitedValue: plan.coverValue, fileValue: plan.originalCoverValue },
    search: {
      runsSpent: search.runsSpent,
      layouts: search.history.length,
      trace: search.history.map((h, i) => ({
        layout: i + 1,
        objective: plan.objective.sense === 'min' ? h.loss : -h.loss,
        accepted: h.accepted,
      })),
    },
    moves: plan.moved.map((m, i) => {
      const from = frame.toEnu(m.original.latDeg, m.original.lonDeg);
      const to = frame.toEnu(search.layout[i].latDeg, search.layout[i].lonDeg);
      return {
        unit: m.path,
        from: m.original,
        to: search.layout[i],
        distanceM: Math.round(Math.hypot(to.e - from.e, to.n - from.n)),
        candidates: m.candidates.length,
      };
    }),
    check: check.map((row) => ({ ...row, verdict: verdict(row, plan.objective.sense) })),
    map: {
      assets: scenario.assets.map((a) => ({ name: a.name, ...ll(a.position), value: a.value })),
      fixedUnits: scenario.defenders
        .filter((d) => !movedNames.has(d.name))
        .map((d) => ({ name: d.name, ...ll(d.base) })),
      allowed: siting.areas.filter((a) => a.polygon).map((a) => ({ name: a.name, ring: ring(a.polygon!) })),
      noGo: siting.noGo.map((z) => ({ name: z.name, ring: ring(z.polygon) })),
      axes,
    },
  };
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/**
 * A closed [lon, lat] ring running clockwise: GeoJSON on the sphere (d3-geo, so Vega) reads a
 * counter-clockwise exterior ring as the whole globe less the polygon.
 */
export function clockwiseRing(points: readonly [number, number][]): [number, number][] {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    twice += x1 * y2 - x2 * y1;
  }
  const ordered = twice > 0 ? [...points].reverse() : [...points];
  return [...ordered, ordered[0]];
}

/** Liang–Barsky: the part of segment a→b inside the box, or undefined. */
function clip(
  a: { e: number; n: number },
  b: { e: number; n: number },
  box: { minE: number; maxE: number; minN: number; maxN: number },
): { e: number; n: number }[] | undefined {
  const de = b.e - a.e;
  const dn = b.n - a.n;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-de, a.e - box.minE],
    [de, box.maxE - a.e],
    [-dn, a.n - box.minN],
    [dn, box.maxN - a.n],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  if (t0 >= t1) return undefined;
  return [
    { e: a.e + t0 * de, n: a.n + t0 * dn },
    { e: a.e + t1 * de, n: a.n + t1 * dn },
  ];
}

const fmt = (v: number) => formatStatistic(v);
const ci = (s: { mean: number; ciLow: number; ciHigh: number }) =>
  `${fmt(s.mean)} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]`;

/** Whether the two 95% intervals are apart, and which side is better. */
export function verdict(row: Pick<SitingCheckRow, 'baseline' | 'sited'>, sense: 'min' | 'max'): string {
  const better =
    sense === 'min' ? row.sited.ciHigh < row.baseline.ciLow : row.sited.ciLow > row.baseline.ciHigh;
  const worse =
    sense === 'min' ? row.sited.ciLow > row.baseline.ciHigh : row.sited.ciHigh < row.baseline.ciLow;
  return better ? 'sited better (CIs apart)' : worse ? 'sited worse (CIs apart)' : 'CIs overlap';
}

export function renderSitingHtml(report: SitingReport): string {
  const r = report;
  const rows = r.check
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.name)}</td><td>${row.trained ? 'yes' : '<b>no</b>'}</td><td>${row.baseline.n}</td><td>${ci(row.baseline)}</td><td>${ci(row.sited)}</td><td>${ci(row.difference)}</td><td>${row.verdict}</td></tr>`,
    )
    .join('');
  const moves = r.moves
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.unit)}</td><td>${m.from.latDeg}, ${m.from.lonDeg}</td><td>${m.to.latDeg}, ${m.to.lonDeg}</td><td>${(m.distanceM / 1000).toFixed(1)} km</td><td>${m.candidates}</td></tr>`,
    )
    .join('');
  const intro = `<p class="meta">${escapeHtml(r.scenarioFile)} → ${escapeHtml(r.sitedFile)} · objective: ${escapeHtml(r.objective.label)} (${r.objective.sense === 'min' ? 'lower' : 'higher'} is better) ·
seed ${r.settings.seed} · search: ${r.search.layouts} layouts × ${r.settings.runsPerLayout} runs (${r.search.runsSpent} of a budget of ${r.settings.budgetRuns}) ·
trained on ${escapeHtml(r.settings.trainWaves.join(', '))}</p>
<h2>Objective, file layout against sited layout (same seeds)</h2>
<p class="caption">Mean with its 95% confidence interval; the difference is sited minus file, run by run. Rows not trained on show how the layout does on raids it was not optimised for.</p>
<table><thead><tr><th>raid</th><th>trained on</th><th>runs</th><th>file layout</th><th>sited layout</th><th>difference</th><th></th></tr></thead><tbody>${rows}</tbody></table>
<h2>New positions</h2>
<table><thead><tr><th>unit</th><th>file (lat, lon)</th><th>sited (lat, lon)</th><th>moved</th><th>candidates</th></tr></thead><tbody>${moves}</tbody></table>
<p class="meta">Coverage model (first cut): value ${fmt(r.coverage.sitedValue)} for its layout${Number.isFinite(r.coverage.fileValue) ? `, ${fmt(r.coverage.fileValue)} for the file's` : ''}.</p>`;
  return renderVegaPage({
    title: `${r.scenarioName} — siting`,
    intro,
    charts: [layoutMap(r), comparison(r), trace(r)],
    downloads: {
      'siting.json': JSON.stringify(
        r,
        (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
        2,
      ),
    },
  });
}

function layoutMap(r: SitingReport): PageChart {
  const lonLat = {
    longitude: { field: 'lon', type: 'quantitative' },
    latitude: { field: 'lat', type: 'quantitative' },
  };
  const kinds = ['file layout', 'sited layout', 'unit not moved', 'asset'];
  const color = {
    field: 'kind',
    type: 'nominal',
    title: null,
    scale: { domain: kinds, range: ['#9d9d9d', '#1f5fbf', '#333333', '#e45756'] },
  };
  const feature = (ring: [number, number][], props: Record<string, string>) => ({
    type: 'Feature',
    properties: props,
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  const areas = [
    ...r.map.allowed.map((a) => feature(a.ring, { name: a.name, zone: 'allowed area' })),
    ...r.map.noGo.map((z) => feature(z.ring, { name: z.name, zone: 'no-go zone' })),
  ];
  const axisPoints = r.map.axes.flatMap((a, i) =>
    a.line.map(([lon, lat], k) => ({ segment: i, order: k, lon, lat, wave: a.name })),
  );
  const point = (p: LatLon) => ({ lat: p.latDeg, lon: p.lonDeg });
  const moves = r.moves.map((m) => ({
    unit: m.unit.split('.').slice(1).join('.'),
    lon: m.from.lonDeg,
    lat: m.from.latDeg,
    lon2: m.to.lonDeg,
    lat2: m.to.latDeg,
  }));
  return {
    id: 'layout-map',
    title: 'The file layout and the sited layout',
    caption:
      'Grey: where the file puts the moved units; blue: where siting puts them (a line joins the two). Green: allowed areas; red: no-go zones; thin lines: raid axes.',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      width: 640,
      height: 560,
      projection: { type: 'mercator' },
      layer: [
        {
          data: { values: areas },
          mark: { type: 'geoshape', strokeWidth: 1 },
          encoding: {
            fill: {
              field: 'properties.zone',
              type: 'nominal',
              title: null,
              scale: { domain: ['allowed area', 'no-go zone'], range: ['#b7e1a1', '#f4a6a6'] },
            },
            opacity: { value: 0.45 },
            tooltip: [{ field: 'properties.name', title: 'area' }],
          },
        },
        {
          data: { values: axisPoints },
          mark: { type: 'line', strokeWidth: 1, strokeDash: [4, 3], color: '#b08040' },
          encoding: { ...lonLat, detail: { field: 'segment' }, order: { field: 'order' } },
        },
        {
          data: { values: moves },
          mark: { type: 'rule', color: '#7a8fb0', strokeWidth: 1.5 },
          encoding: {
            ...lonLat,
            longitude2: { field: 'lon2' },
            latitude2: { field: 'lat2' },
          },
        },
        {
          data: { values: r.map.assets.map((a) => ({ ...a, kind: kinds[3] })) },
          mark: { type: 'circle', size: 90, opacity: 0.8 },
          encoding: { ...lonLat, color, tooltip: [{ field: 'name' }, { field: 'value' }] },
        },
        {
          data: { values: r.map.fixedUnits.map((u) => ({ ...u, kind: kinds[2] })) },
          mark: { type: 'point', shape: 'square', filled: true, size: 50 },
          encoding: { ...lonLat, color, tooltip: [{ field: 'name' }] },
        },
        {
          data: { values: r.moves.map((m) => ({ ...point(m.from), unit: m.unit, kind: kinds[0] })) },
          mark: { type: 'point', shape: 'triangle-up', filled: true, size: 110 },
          encoding: { ...lonLat, color, tooltip: [{ field: 'unit' }] },
        },
        {
          data: { values: r.moves.map((m) => ({ ...point(m.to), unit: m.unit, kind: kinds[1] })) },
          mark: { type: 'point', shape: 'triangle-up', filled: true, size: 130 },
          encoding: { ...lonLat, color, tooltip: [{ field: 'unit' }] },
        },
        {
          data: {
            values: r.moves.map((m) => ({ ...point(m.to), unit: m.unit.split('.').slice(1).join('.') })),
          },
          mark: { type: 'text', dy: -12, fontSize: 10, color: '#1f5fbf' },
          encoding: { ...lonLat, text: { field: 'unit' } },
        },
      ],
    },
  };
}

function comparison(r: SitingReport): PageChart {
  const values = r.check.flatMap((row) => [
    {
      raid: row.name,
      layout: 'file',
      mean: row.baseline.mean,
      low: row.baseline.ciLow,
      high: row.baseline.ciHigh,
    },
    { raid: row.name, layout: 'sited', mean: row.sited.mean, low: row.sited.ciLow, high: row.sited.ciHigh },
  ]);
  const color = {
    field: 'layout',
    type: 'nominal',
    scale: { domain: ['file', 'sited'], range: ['#9d9d9d', '#1f5fbf'] },
  };
  return {
    id: 'comparison',
    title: `${r.objective.label}: file layout and sited layout`,
    caption: 'Mean and 95% confidence interval per raid, over the same seeds for both layouts.',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      width: 520,
      height: { step: 22 },
      data: { values },
      encoding: {
        y: { field: 'raid', type: 'nominal', title: null, sort: null },
        yOffset: { field: 'layout' },
        color,
      },
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x: { field: 'low', type: 'quantitative', title: r.objective.label, scale: { zero: false } },
            x2: { field: 'high' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x: { field: 'mean', type: 'quantitative' },
            tooltip: [{ field: 'layout' }, { field: 'mean' }, { field: 'low' }, { field: 'high' }],
          },
        },
      ],
    },
  };
}

function trace(r: SitingReport): PageChart {
  return {
    id: 'search-trace',
    title: 'Search trace',
    caption: `Every layout the search simulated, in order, with its mean ${r.objective.label} over the search's seeds; the line joins the layouts it kept.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      width: 520,
      height: 220,
      data: { values: r.search.trace },
      layer: [
        {
          mark: { type: 'point', color: '#9d9d9d' },
          encoding: {
            x: { field: 'layout', type: 'quantitative', title: 'layout evaluated' },
            y: { field: 'objective', type: 'quantitative', title: r.objective.label, scale: { zero: false } },
          },
        },
        {
          transform: [{ filter: 'datum.accepted' }],
          mark: { type: 'line', point: true, color: '#1f5fbf', interpolate: 'step-after' },
          encoding: {
            x: { field: 'layout', type: 'quantitative' },
            y: { field: 'objective', type: 'quantitative' },
          },
        },
      ],
    },
  };
}
