// Writes a batch's report as one self-contained HTML file: Vega, Vega-Lite and vega-embed inlined
// from their packages, the numbers embedded as JSON, CSV and JSON downloads built in the page. It
// opens offline, from a mail attachment or a USB stick, with nothing fetched.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatStatistic, HEADLINE_MEASURES } from '../analysis/statistics.js';
import { formatDuration } from './progress.js';
import { aggregatesCsv, reportJson, runsCsv, type ReportData } from './report-data.js';
import { reportCharts } from './report-specs.js';

const LIBRARIES = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

/** The packaged browser build of a library: its package folder is found from its resolved entry. */
function libraryScript(name: string, file: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    !readFileSync(join(dir, 'package.json'), 'utf8').includes(`"name": "${name}"`)
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${name} package folder`);
    dir = up;
  }
  return readFileSync(join(dir, file), 'utf8');
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Text inside a <script> element must not close it. */
const scriptSafe = (text: string) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

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

export function renderReportHtml(data: ReportData): string {
  const b = data.batch;
  const charts = reportCharts(data);
  const payload = {
    charts,
    exports: {
      [`${b.id}-aggregates.csv`]: aggregatesCsv(data),
      [`${b.id}-runs.csv`]: runsCsv(data),
      [`${b.id}.json`]: reportJson(data),
    },
  };
  const libraries = LIBRARIES.map(
    ([name, file]) => `<script>${scriptSafe(libraryScript(name, file))}</script>`,
  ).join('\n');
  const title = `${b.scenarioName} — ${b.kind === 'mc' ? 'Monte Carlo' : 'sweep'} ${b.id}`;
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
<script type="application/json" id="report-data">${scriptSafe(JSON.stringify(payload))}</script>
<script>
(function () {
  var payload = JSON.parse(document.getElementById('report-data').textContent);
  var exportsEl = document.getElementById('exports');
  Object.keys(payload.exports).forEach(function (name) {
    var a = document.createElement('a');
    a.download = name;
    a.textContent = name;
    a.href = URL.createObjectURL(new Blob([payload.exports[name]], { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
    a.style.marginRight = '14px';
    exportsEl.appendChild(a);
  });
  // What rendered, for people and for tests: marks drawn per chart, or the error.
  window.bulwarkReport = { charts: [], views: {}, done: false };
  function countMarks(mark) {
    var n = mark.role === 'mark' && mark.marktype !== 'group' ? mark.items.length : 0;
    (mark.items || []).forEach(function (item) {
      (item.items || []).forEach(function (child) { n += countMarks(child); });
    });
    return n;
  }
  Promise.all(payload.charts.map(function (chart) {
    return vegaEmbed('#' + chart.id, chart.spec, { renderer: 'svg', actions: false }).then(function (result) {
      window.bulwarkReport.views[chart.id] = result.view;
      window.bulwarkReport.charts.push({ id: chart.id, marks: countMarks(result.view.scenegraph().root) });
    }, function (error) {
      window.bulwarkReport.charts.push({ id: chart.id, marks: 0, error: String(error) });
    });
  })).then(function () { window.bulwarkReport.done = true; });
})();
</script>
</body>
</html>
`;
}
