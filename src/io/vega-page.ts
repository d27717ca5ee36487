// One self-contained HTML page of Vega-Lite charts: Vega, Vega-Lite and vega-embed inlined from
// their packages, the specs and downloads embedded as JSON. It opens offline, from a mail
// attachment or a USB stick, with nothing fetched. The Monte Carlo report (report-html.ts) and the
// campaign report share the library inlining and escaping; the campaign report builds its sections
// and chart specs and hands the whole page here.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type VegaLiteSpec = Record<string, unknown>;

export interface PageChart {
  id: string;
  title: string;
  /** A sentence under the title saying how to read the chart. */
  caption?: string;
  spec: VegaLiteSpec;
}

export interface VegaPage {
  title: string;
  /** HTML placed before the charts (already escaped by the caller). */
  intro: string;
  charts: PageChart[];
  /** Files offered for download: name → content. */
  downloads: Record<string, string>;
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

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
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${name} package folder`);
    dir = up;
  }
  return readFileSync(join(dir, file), 'utf8');
}

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Text inside a <script> element must not close it. */
export const scriptSafe = (text: string) =>
  text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/** Vega, Vega-Lite and vega-embed as inline <script> elements, read from their packages. */
export function inlineVegaLibraries(): string {
  return LIBRARIES.map(([name, file]) => `<script>${scriptSafe(libraryScript(name, file))}</script>`).join(
    '\n',
  );
}

/**
 * The page's data and script: the chart specs and downloads as JSON, download links built in the
 * page (into the element with id `exports`), every chart embedded, and `window.bulwarkReport`
 * telling people and tests what rendered — marks drawn per chart, or the error.
 */
export function chartsPageScript(payload: {
  charts: { id: string; spec: VegaLiteSpec }[];
  /** name → content, or its deflate-raw bytes in base64 (large geodata), inflated in the page. */
  exports: Record<string, string | { deflated: string }>;
}): string {
  return `<script type="application/json" id="report-data">${scriptSafe(JSON.stringify(payload))}</script>
<script>
(function () {
  var payload = JSON.parse(document.getElementById('report-data').textContent);
  var exportsEl = document.getElementById('exports');
  var types = { csv: 'text/csv', geojson: 'application/geo+json', kml: 'application/vnd.google-earth.kml+xml' };
  var inflating = [];
  Object.keys(payload.exports).forEach(function (name) {
    var a = document.createElement('a');
    var content = payload.exports[name];
    var type = types[name.split('.').pop()] || 'application/json';
    a.download = name;
    a.textContent = name;
    a.style.marginRight = '14px';
    exportsEl.appendChild(a);
    if (typeof content === 'string') {
      a.href = URL.createObjectURL(new Blob([content], { type: type }));
      return;
    }
    if (typeof DecompressionStream === 'undefined') {
      a.title = 'this browser cannot unpack the file: open the report in a current browser';
      return;
    }
    var bytes = Uint8Array.from(atob(content.deflated), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    inflating.push(new Response(stream).blob().then(function (blob) {
      a.href = URL.createObjectURL(new Blob([blob], { type: type }));
    }));
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
  }).concat(inflating)).then(function () { window.bulwarkReport.done = true; });
})();
</script>`;
}

export function renderVegaPage(page: VegaPage): string {
  const libraries = inlineVegaLibraries();
  const payload = { charts: page.charts.map((c) => ({ id: c.id, spec: c.spec })), exports: page.downloads };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1100px; color: #222; padding: 0 16px; }
  h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
  .meta, .caption { color: #555; } .warn { color: #a33; }
  table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 3px 10px; text-align: right; border-bottom: 1px solid #ddd; }
  th:first-child, td:first-child { text-align: left; } thead th { border-bottom: 2px solid #999; }
  .chart { margin: 8px 0 20px; }
</style>
${libraries}
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
${page.intro}
<p>Downloads: <span id="exports"></span></p>
${page.charts
  .map(
    (c) =>
      `<h2>${escapeHtml(c.title)}</h2>\n${c.caption ? `<p class="caption">${escapeHtml(c.caption)}</p>\n` : ''}<div class="chart" id="${c.id}"></div>`,
  )
  .join('\n')}
${chartsPageScript(payload)}
</body>
</html>
`;
}
