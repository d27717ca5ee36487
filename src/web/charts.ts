// Small SVG charts for batch results: a histogram of per-run values with the mean and its 95%
// interval, and a response curve of a measure's mean (with its interval) against a swept parameter.
// Hovering a bar or point shows its numbers. For campaigns: series over time with their bands, read
// with a cursor that follows the pointer or the arrow keys.

const NS = 'http://www.w3.org/2000/svg';
const W = 420;
const H = 220;
const M = { left: 48, right: 12, top: 22, bottom: 38 };

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  parent?: Element,
) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

function tip(node: Element, text: string): void {
  el('title', {}, node).textContent = text;
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e4) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)}k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** Nice round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.round(v / step) * step);
  return out;
}

function frame(
  title: string,
  xLabel: string,
  yLabel: string,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  yFormat: (v: number) => string = fmt,
  top = M.top,
) {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' });
  el('text', { x: M.left, y: 14, class: 'chart-title' }, svg).textContent = title;
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - top - M.bottom);
  for (const t of ticks(x0, x1)) {
    el('line', { x1: sx(t), x2: sx(t), y1: H - M.bottom, y2: H - M.bottom + 4, class: 'axis' }, svg);
    el('text', { x: sx(t), y: H - M.bottom + 15, 'text-anchor': 'middle', class: 'tick' }, svg).textContent =
      fmt(t);
  }
  for (const t of ticks(y0, y1, 4)) {
    el('line', { x1: M.left, x2: W - M.right, y1: sy(t), y2: sy(t), class: 'grid' }, svg);
    el('text', { x: M.left - 6, y: sy(t) + 4, 'text-anchor': 'end', class: 'tick' }, svg).textContent =
      yFormat(t);
  }
  el('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'axis' }, svg);
  el(
    'text',
    { x: (M.left + W - M.right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'label' },
    svg,
  ).textContent = xLabel;
  el(
    'text',
    {
      x: 12,
      y: (top + H - M.bottom) / 2,
      transform: `rotate(-90 12 ${(top + H - M.bottom) / 2})`,
      'text-anchor': 'middle',
      class: 'label',
    },
    svg,
  ).textContent = yLabel;
  return { svg, sx, sy };
}

/** Distribution of one measure over runs, with the mean and its 95% confidence interval. */
export function histogram(
  title: string,
  axis: string,
  values: readonly number[],
  mean: number,
  ci: [number, number],
): SVGSVGElement {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const integers = finite.every(Number.isInteger);
  const bins =
    integers && hi - lo <= 40
      ? Math.round(hi - lo) + 1
      : Math.min(30, Math.max(5, Math.ceil(Math.sqrt(finite.length))));
  const width = integers && hi - lo <= 40 ? 1 : (hi - lo) / bins;
  const start = integers && hi - lo <= 40 ? lo - 0.5 : lo;
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.floor((v - start) / width))]++;
  const top = Math.max(1, ...counts);
  const { svg, sx, sy } = frame(title, axis, 'runs', start, start + bins * width, 0, top);
  counts.forEach((c, i) => {
    const a = start + i * width;
    const bar = el(
      'rect',
      {
        x: sx(a) + 0.5,
        y: sy(c),
        width: Math.max(1, sx(a + width) - sx(a) - 1),
        height: sy(0) - sy(c),
        class: 'bar',
        tabindex: 0,
      },
      svg,
    );
    tip(bar, `${fmt(a)} – ${fmt(a + width)}: ${c} run${c === 1 ? '' : 's'}`);
  });
  if (Number.isFinite(ci[0]) && Number.isFinite(ci[1]))
    el(
      'rect',
      {
        x: sx(ci[0]),
        y: M.top,
        width: Math.max(1, sx(ci[1]) - sx(ci[0])),
        height: H - M.top - M.bottom,
        class: 'ci',
      },
      svg,
    );
  if (Number.isFinite(mean)) {
    const line = el('line', { x1: sx(mean), x2: sx(mean), y1: M.top, y2: H - M.bottom, class: 'mean' }, svg);
    tip(line, `mean ${fmt(mean)} (95% CI ${fmt(ci[0])} – ${fmt(ci[1])}), ${finite.length} runs`);
  }
  return svg;
}

export interface CurvePoint {
  x: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** A measure's mean against a swept parameter, with its 95% confidence band. */
export function responseCurve(
  title: string,
  xLabel: string,
  yLabel: string,
  points: readonly CurvePoint[],
): SVGSVGElement {
  const sorted = [...points].filter((p) => Number.isFinite(p.mean)).sort((a, b) => a.x - b.x);
  const ys = sorted.flatMap((p) => [p.ciLow, p.ciHigh, p.mean]).filter(Number.isFinite);
  const x0 = Math.min(...sorted.map((p) => p.x));
  const x1 = Math.max(...sorted.map((p) => p.x));
  const y0 = Math.min(0, ...ys);
  const y1 = Math.max(...ys, y0 + 1);
  const { svg, sx, sy } = frame(title, xLabel, yLabel, x0, x1 > x0 ? x1 : x0 + 1, y0, y1);
  const band = sorted.filter((p) => Number.isFinite(p.ciLow) && Number.isFinite(p.ciHigh));
  if (band.length > 1) {
    const d = [
      ...band.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x)},${sy(p.ciHigh)}`),
      ...[...band].reverse().map((p) => `L${sx(p.x)},${sy(p.ciLow)}`),
      'Z',
    ].join(' ');
    el('path', { d, class: 'ci' }, svg);
  }
  el(
    'path',
    { d: sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x)},${sy(p.mean)}`).join(' '), class: 'curve' },
    svg,
  );
  for (const p of sorted) {
    const dot = el('circle', { cx: sx(p.x), cy: sy(p.mean), r: 4, class: 'dot', tabindex: 0 }, svg);
    tip(dot, `${xLabel} ${fmt(p.x)}: mean ${fmt(p.mean)} (95% CI ${fmt(p.ciLow)} – ${fmt(p.ciHigh)})`);
  }
  return svg;
}

export interface BandPoint {
  x: number;
  /** The line (a median), and the band around it (e.g. 5th to 95th percentile). */
  mid: number;
  lo: number;
  hi: number;
}

export interface BandSeries {
  title: string;
  points: readonly BandPoint[];
}

/** Path of a line through the finite values, broken where a value is missing. */
function linePath(
  points: readonly BandPoint[],
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.mid)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.mid).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The band between lo and hi, one closed shape per run of finite values. */
function bandPath(
  points: readonly BandPoint[],
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const runs: BandPoint[][] = [[]];
  for (const p of points) {
    if (Number.isFinite(p.lo) && Number.isFinite(p.hi)) runs[runs.length - 1].push(p);
    else if (runs[runs.length - 1].length > 0) runs.push([]);
  }
  return runs
    .filter((r) => r.length > 1)
    .map(
      (r) =>
        r.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.hi).toFixed(1)}`).join('') +
        [...r]
          .reverse()
          .map((p) => `L${sx(p.x).toFixed(1)},${sy(p.lo).toFixed(1)}`)
          .join('') +
        'Z',
    )
    .join(' ');
}

/** Legend text is 10 px (style.css); a character is at most this wide on average, in chart units. */
const LEGEND_CHAR = 6.2;
const LEGEND_ROW = 13;

/** Legend entries left to right under the title, wrapped onto further rows where the width runs out. */
export function legendLayout(texts: readonly string[]): {
  rows: number;
  items: { text: string; x: number; y: number; width: number }[];
} {
  const items: { text: string; x: number; y: number; width: number }[] = [];
  let x = M.left;
  let row = 0;
  for (const text of texts) {
    const width = text.length * LEGEND_CHAR;
    if (x > M.left && x + width > W - M.right) {
      row++;
      x = M.left;
    }
    items.push({ text, x, y: 14 + LEGEND_ROW * (row + 1), width });
    x += width + 12;
  }
  return { rows: texts.length > 0 ? row + 1 : 0, items };
}

/**
 * Several series over a common x axis (days of a campaign), each a line with its band. A cursor
 * follows the pointer — or, once the chart has the focus, the arrow keys (Shift: ten times the
 * step; Home, End) — and reads every series out at that x.
 */
export function bandChart(
  title: string,
  xLabel: string,
  yLabel: string,
  series: readonly BandSeries[],
  yFormat: (v: number) => string = fmt,
): SVGSVGElement {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.flatMap((p) => [p.lo, p.hi, p.mid])).filter(Number.isFinite);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const y0 = Math.min(0, ...ys);
  const highest = Math.max(...ys);
  const y1 = highest > y0 ? highest : y0 + 1;
  // The legend takes its own rows under the title (never beside it, where long titles run into it).
  const legend = legendLayout(series.map((s) => `— ${s.title}`));
  const top = M.top + legend.rows * LEGEND_ROW;
  const { svg, sx, sy } = frame(title, xLabel, yLabel, x0, x1, y0, y1, yFormat, top);
  svg.setAttribute('tabindex', '0');
  svg.setAttribute(
    'aria-label',
    `${title}: ${series.map((s) => s.title).join(', ')}; arrow keys read the values`,
  );
  series.forEach((s, i) => {
    const band = bandPath(s.points, sx, sy);
    if (band) el('path', { d: band, class: `band s${i}` }, svg);
  });
  series.forEach((s, i) => el('path', { d: linePath(s.points, sx, sy), class: `line s${i}` }, svg));
  legend.items.forEach((item, i) => {
    el('text', { x: item.x, y: item.y, class: `legend s${i}` }, svg).textContent = item.text;
  });

  const cursor = el('line', { y1: top, y2: H - M.bottom, class: 'cursor', visibility: 'hidden' }, svg);
  const readout = el('g', { class: 'readout', visibility: 'hidden' }, svg);
  const lines = [xLabel, ...series.map((s) => s.title)].map((_, i) =>
    el('text', { x: M.left + 6, y: top + 11 + 12 * i, class: i === 0 ? 'readout-x' : `s${i - 1}` }, readout),
  );
  const hit = el(
    'rect',
    { x: M.left, y: top, width: W - M.left - M.right, height: H - top - M.bottom, class: 'hit' },
    svg,
  );
  const steps = [...new Set(xs)].sort((a, b) => a - b);
  let at = -1;
  const show = (index: number) => {
    at = Math.max(0, Math.min(steps.length - 1, index));
    const x = steps[at];
    cursor.setAttribute('x1', String(sx(x)));
    cursor.setAttribute('x2', String(sx(x)));
    cursor.setAttribute('visibility', 'visible');
    readout.setAttribute('visibility', 'visible');
    lines[0].textContent = `${xLabel} ${fmt(x)}`;
    series.forEach((s, i) => {
      const p = s.points.find((q) => q.x === x);
      lines[i + 1].textContent =
        p && Number.isFinite(p.mid)
          ? `${s.title}: ${yFormat(p.mid)} (${yFormat(p.lo)} – ${yFormat(p.hi)})`
          : `${s.title}: –`;
    });
    svg.dataset.cursor = String(x);
  };
  hit.addEventListener('pointermove', (e) => {
    const box = svg.getBoundingClientRect();
    const x = x0 + (((e.clientX - box.left) * (W / box.width) - M.left) / (W - M.left - M.right)) * (x1 - x0);
    let best = 0;
    steps.forEach((v, i) => {
      if (Math.abs(v - x) < Math.abs(steps[best] - x)) best = i;
    });
    show(best);
  });
  svg.addEventListener('keydown', (e) => {
    const big = e.shiftKey ? 10 : 1;
    // The first arrow press shows the first (or last) step; then each moves the cursor.
    const moves: Record<string, number> = {
      ArrowRight: at < 0 ? 0 : at + big,
      ArrowLeft: at < 0 ? steps.length - 1 : at - big,
      Home: 0,
      End: steps.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    e.stopPropagation();
    show(moves[e.key]);
  });
  return svg;
}
