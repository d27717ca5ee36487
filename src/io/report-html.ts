// Writes a batch's report as one self-contained HTML file: Vega, Vega-Lite and vega-embed inlined
// from their packages, the numbers embedded as JSON, CSV and JSON downloads built in the page. It
// opens offline, from a mail attachment or a USB stick, with nothing fetched.

import { deflateRawSync } from 'node:zlib';
import { formatStatistic, HEADLINE_MEASURES } from '../analysis/statistics.js';
import { formatDuration } from './progress.js';
import { geoJsonToKml } from '../run/kml-export.js';
import { aggregatesCsv, reportJson, runsCsv, type ReportData } from './report-data.js';
import { reportCharts } from './report-specs.js';
import { chartsPageScript, escapeHtml, inlineVegaLibraries } from './vega-page.js';

const fmt = formatStatistic;

function statsTable(data: ReportData): string {
  const names = HEADLINE_MEASURES;
  if (data.batch.kind === 'mc') {
    const measures = data.points[0]?.measures ?? [];
    const rows = names
      .map((n) => measures.find((m) => m.name === n))
      .filter((m) => m !== undefined)
      .map(
        ({ name, summary: s }) =>
          `<tr><th>${escapeHtml(name)}</th><td>${fmt(s.mean)}</td><td>${fmt(s.median)}</td><td>${fmt(s.p5)}</td><td>${fmt(s.p95)}</td><td>${fmt(s.ciLow)} … ${fmt(s.ciHigh)}</td><td>${s.n}</td></tr>`,
      );
    return `<table><thead><tr><th>measure</th><th>mean</th><th>median</th><th>p5</th><th>p95</th><th>95% CI of mean</th><th>n</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  const axes = data.points[0]?.params.map((p) => p.path) ?? [];
  const shown = ['leaked', 'assetValueLost', 'costExchangeRatio'];
  const head = [...axes.map((a) => a.split('.').pop()!), ...shown.map((n) => `${n} mean [95% CI]`)];
  const rows = data.points.map((p) => {
    const cells = [
      ...p.params.map((v) => escapeHtml(String(v.value))),
      ...shown.map((n) => {
        const s = p.measures.find((m) => m.name === n)?.summary;
        return s ? `${fmt(s.mean)} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]` : '–';
      }),
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The batch's geodata as a GeoJSON file (RFC 7946), or undefined when the scenario did not parse. */
export function reportGeoJson(data: ReportData): string | undefined {
  return data.geodata && JSON.stringify(data.geodata) + '\n';
}

/** The same as KML 2.2 for Google Earth, one folder per layer. */
export function reportKml(data: ReportData): string | undefined {
  return data.geodata && geoJsonToKml(data.geodata, reportTitle(data));
}

/**
 * The geodata downloads of the page: `<batch>.geojson` and `<batch>.kml`, deflated (a kill and an
 * impact per feature over hundreds of runs is megabytes of text, which compresses about twenty
 * to one) and inflated by the page when it opens.
 */
function geodataFiles(data: ReportData): Record<string, { deflated: string }> {
  const geojson = reportGeoJson(data);
  const kml = reportKml(data);
  if (geojson === undefined || kml === undefined) return {};
  const pack = (text: string) => ({
    deflated: deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64'),
  });
  return { [`${data.batch.id}.geojson`]: pack(geojson), [`${data.batch.id}.kml`]: pack(kml) };
}

function reportTitle(data: ReportData): string {
  const b = data.batch;
  return `${b.scenarioName} — ${b.kind === 'mc' ? 'Monte Carlo' : 'sweep'} ${b.id}`;
}

export function renderReportHtml(data: ReportData): string {
  const b = data.batch;
  const charts = reportCharts(data);
  const payload = {
    charts,
    exports: {
      [`${b.id}-aggregates.csv`]: aggregatesCsv(data),
      [`${b.id}-runs.csv`]: runsCsv(data),
      [`${b.id}.json`]: reportJson(data),
      ...geodataFiles(data),
    },
  };
  const libraries = inlineVegaLibraries();
  const title = reportTitle(data);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1100px; color: #222; padding: 0 16px; }
  h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
  .meta { color: #555; } .warn { color: #a33; }
  table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 3px 10px; text-align: right; border-bottom: 1px solid #ddd; }
  th:first-child, td:first-child { text-align: left; } thead th { border-bottom: 2px solid #999; }
  .chart { margin: 8px 0 20px; } button { margin-right: 8px; }
</style>
${libraries}
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(b.scenarioFile)} · scenario hash ${b.scenarioHash.slice(0, 12)} · batch seed ${b.batchSeed} ·
${b.pointCount > 1 ? `${b.pointCount} points × ` : ''}${b.runsPerPoint} runs · ${b.doneRuns}/${b.totalRuns} stored ·
${formatDuration(b.elapsedMs / 1000)} of running · created ${escapeHtml(b.createdAt)}</p>
<p class="meta">parameters: <code>${escapeHtml(JSON.stringify(b.params))}</code></p>
${b.failedRuns > 0 ? `<p class="warn">${b.failedRuns} runs threw and are left out of the statistics; their seeds are in the runs CSV.</p>` : ''}
${b.doneRuns < b.totalRuns ? `<p class="warn">This batch is incomplete: re-run its command to finish it.</p>` : ''}
<h2>Statistics</h2>
${statsTable(data)}
<p>Downloads: <span id="exports"></span></p>
${charts.map((c) => `<h2>${escapeHtml(c.title)}</h2>\n<div class="chart" id="${c.id}"></div>`).join('\n')}
${chartsPageScript(payload)}
</body>
</html>
`;
}
