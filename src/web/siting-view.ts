// Siting results (`bulwark site`, kept beside the scenario as `<scenario>.siting.json`) in the
// console: pick one, and the map shows the file's layout and the sited one together (siting-layer)
// while the side panel gives the moves, the objective of both layouts with their 95% intervals on
// the whole night and on each raid axis (the robustness check), and buttons to replay either layout.

import type L from 'leaflet';
import { shortName, SitingLayer, type SitingData } from './siting-layer.js';

interface SitingEntry {
  id: string;
  ok: boolean;
  scenarioName: string;
  objective: string;
  moved: number;
  scenario: string | null;
  sited: string | null;
  error?: string;
}
interface SitingReply {
  id: string;
  scenario: string | null;
  sited: string | null;
  result: SitingData;
}
type Stat = { n: number | null; mean: number | null; ciLow: number | null; ciHigh: number | null };

const NS = 'http://www.w3.org/2000/svg';

/** As in the report: whole numbers from 100 up, three significant digits below; NaN as a dash. */
export function figure(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return Math.abs(v) >= 100 || Number.isInteger(v) ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3);
}
const interval = (s: Stat) => `${figure(s.mean)} [${figure(s.ciLow)}, ${figure(s.ciHigh)}]`;
const signed = (v: number | null) => (v !== null && v > 0 ? `+${figure(v)}` : figure(v));
const difference = (s: Stat) => `${signed(s.mean)} [${signed(s.ciLow)}, ${signed(s.ciHigh)}]`;

function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export class SitingView {
  readonly layer: SitingLayer;
  /** The siting result on show. */
  id: string | undefined;
  private result: SitingData | undefined;

  constructor(
    map: L.Map,
    mapContainer: HTMLElement,
    private readonly list: HTMLSelectElement,
    private readonly panel: HTMLElement,
    private readonly headers: () => HeadersInit,
    /** Replays a scenario of the server's folder (the file's or the sited layout). */
    private readonly replay: (scenarioId: string) => void,
    /** Told when a siting is opened or hidden, for the shared link. */
    private readonly changed: () => void,
  ) {
    this.layer = new SitingLayer(map, mapContainer);
    list.addEventListener('change', () => {
      if (list.value) void this.open(list.value);
      else this.close();
    });
    panel.querySelector<HTMLButtonElement>('#siting-close')!.addEventListener('click', () => this.close());
  }

  private get body(): HTMLElement {
    return this.panel.querySelector<HTMLElement>('#siting-body')!;
  }

  /** Fills the picker with the server's siting results; none offline. */
  async refreshList(): Promise<void> {
    const response = await fetch('api/sitings', { headers: this.headers() }).catch(() => undefined);
    const sitings = response?.ok ? ((await response.json()) as { sitings: SitingEntry[] }).sitings : [];
    this.list.replaceChildren(new Option(sitings.length ? '—' : 'none', ''));
    for (const s of sitings) {
      const option = new Option(
        s.ok ? `${s.scenarioName} · ${s.moved} moved · ${s.id}` : `${s.id} (damaged)`,
        s.id,
      );
      option.disabled = !s.ok;
      option.title = s.error ?? `${s.objective}; ${s.id}`;
      this.list.add(option);
    }
    this.list.disabled = sitings.length === 0;
    this.list.title = sitings.length
      ? "Results of `bulwark site`: the file's layout and the sited one on the map"
      : 'No siting results in the scenario folder: run `bulwark site SCENARIO --move …`';
    this.list.value = this.id ?? '';
  }

  async open(id: string): Promise<boolean> {
    this.panel.hidden = false;
    this.body.textContent = `opening ${id}…`;
    const response = await fetch(`api/sitings/${encodeURIComponent(id)}`, { headers: this.headers() }).catch(
      () => undefined,
    );
    if (!response?.ok) {
      const error = response
        ? (((await response.json().catch(() => ({}))) as { error?: string }).error ?? `cannot read ${id}`)
        : 'siting results need the server: start the console with `bulwark serve`';
      this.body.replaceChildren(element('p', error, 'error'));
      this.layer.clear();
      this.id = undefined;
      this.result = undefined;
      this.changed();
      return false;
    }
    const reply = (await response.json()) as SitingReply;
    this.id = id;
    this.result = reply.result;
    if ([...this.list.options].some((o) => o.value === id)) this.list.value = id;
    this.layer.show(reply.result);
    this.render(reply);
    this.changed();
    return true;
  }

  close(): void {
    this.id = undefined;
    this.result = undefined;
    this.layer.clear();
    this.panel.hidden = true;
    this.body.replaceChildren();
    this.list.value = '';
    this.changed();
  }

  /** Brings the layouts back into view (after a replay framed its own region). */
  frame(): void {
    this.layer.frame();
  }

  /** For the browser tests: what is on show. */
  state(): { id: string | undefined; moves: number; drawn: Record<string, number> } {
    const svg = this.panel.ownerDocument.querySelector('.siting-layer');
    const count = (selector: string) => svg?.querySelectorAll(selector).length ?? 0;
    return {
      id: this.id,
      moves: this.result?.moves.length ?? 0,
      drawn: {
        from: count('.siting-from'),
        to: count('.siting-to'),
        lines: count('.siting-move'),
        allowed: count('.siting-allowed'),
        noGo: count('.siting-no-go'),
        axes: count('.siting-axis'),
        assets: count('.siting-asset'),
        fixed: count('.siting-unit-fixed'),
      },
    };
  }

  private render(reply: SitingReply): void {
    const r = reply.result;
    const s = r.settings;
    const better = r.objective.sense === 'min' ? 'lower' : 'higher';
    const head = element(
      'p',
      `${r.scenarioName}: ${r.objective.label} (${better} is better). Search: ${r.search.layouts} layouts, ` +
        `${r.search.runsSpent} of ${s.budgetRuns} runs; compared on fresh seeds from seed ${s.seed}; trained on ` +
        `${(s.trainWaves ?? []).join(', ')}.`,
      'siting-head',
    );
    const legend = element('ul', undefined, 'siting-legend');
    const swatch = (cls: string, text: string) => {
      const li = element('li');
      const svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('viewBox', '-9 -9 18 18');
      svg.setAttribute('width', '14');
      svg.setAttribute('height', '14');
      const shape = document.createElementNS(NS, cls.startsWith('siting-move') ? 'line' : 'path');
      if (shape instanceof SVGLineElement) {
        shape.setAttribute('x1', '-8');
        shape.setAttribute('y1', '0');
        shape.setAttribute('x2', '8');
        shape.setAttribute('y2', '0');
      } else
        shape.setAttribute(
          'd',
          cls === 'siting-from' || cls === 'siting-to' ? 'M0,-8 L7,5 L-7,5 Z' : 'M-8,-6 H8 V6 H-8 Z',
        );
      shape.setAttribute('class', cls);
      svg.append(shape);
      li.append(svg, ` ${text}`);
      legend.append(li);
    };
    swatch('siting-from', "file's position");
    swatch('siting-to', 'sited position');
    swatch('siting-move', 'move');
    swatch('siting-allowed', 'allowed area');
    swatch('siting-no-go', 'no-go zone');
    swatch('siting-axis', 'raid axis');

    const moves = element('table', undefined, 'siting-moves');
    moves
      .createTHead()
      .insertRow()
      .append(...['unit', "file's (lat, lon)", 'sited (lat, lon)', 'km'].map((h) => element('th', h)));
    const movesBody = moves.createTBody();
    for (const m of r.moves) {
      const row = movesBody.insertRow();
      row.dataset.unit = m.unit;
      row.insertCell().textContent = shortName(m.unit);
      const from = row.insertCell();
      from.className = 'from';
      from.textContent = `${m.from.latDeg}, ${m.from.lonDeg}`;
      const to = row.insertCell();
      to.className = 'to';
      to.textContent = `${m.to.latDeg}, ${m.to.lonDeg}`;
      const km = row.insertCell();
      km.className = 'km';
      km.textContent = m.distanceM === null ? '–' : (m.distanceM / 1000).toFixed(1);
    }

    const rows = element('div', undefined, 'siting-check');
    for (const c of r.check) {
      const box = element('div', undefined, `siting-row${c.trained ? '' : ' held-out'}`);
      box.dataset.raid = c.name;
      const title = element('h4', `${c.name} · ${c.baseline.n} runs`);
      title.append(element('span', c.trained ? 'trained on' : 'not trained on', 'tag'));
      const dl = element('dl');
      for (const [term, value, cls] of [
        ["file's layout", interval(c.baseline), 'baseline'],
        ['sited layout', interval(c.sited), 'sited'],
        ['sited − file', difference(c.difference), 'difference'],
      ]) {
        const dd = element('dd', value, cls);
        dl.append(element('dt', term), dd);
      }
      const verdict = element('p', c.verdict ?? '', 'verdict');
      if (c.verdict?.startsWith('sited better')) verdict.classList.add('good');
      if (c.verdict?.startsWith('sited worse')) verdict.classList.add('bad');
      box.append(title, intervals(c.baseline, c.sited), dl, verdict);
      rows.append(box);
    }

    const actions = element('div', undefined, 'siting-actions');
    for (const [id, text] of [
      [reply.scenario, "Replay the file's layout"],
      [reply.sited, 'Replay the sited layout'],
    ] as const) {
      if (id === null) continue;
      const button = element('button', text);
      button.type = 'button';
      button.title = `Run ${id} and replay it (the siting stays on the map)`;
      button.addEventListener('click', () => this.replay(id));
      actions.append(button);
    }

    this.body.replaceChildren(
      head,
      legend,
      element('h3', `Moved units (${r.moves.length})`),
      moves,
      element('h3', `${r.objective.label}: mean, 95% CI`),
      rows,
      actions,
    );
  }
}

/** The two 95% intervals of one raid on a common scale: the file's above, the sited one below. */
function intervals(file: Stat, sited: Stat): SVGSVGElement {
  const W = 300;
  const H = 26;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'siting-intervals');
  const values = [file.ciLow, file.ciHigh, sited.ciLow, sited.ciHigh, file.mean, sited.mean].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  if (values.length === 0) return svg;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const x = (v: number) => 8 + ((v - lo) / (hi - lo)) * (W - 16);
  for (const [s, y, cls] of [
    [file, 7, 'baseline'],
    [sited, 19, 'sited'],
  ] as const) {
    if (s.ciLow === null || s.ciHigh === null || s.mean === null) continue;
    const line = document.createElementNS(NS, 'line');
    for (const [k, v] of Object.entries({ x1: x(s.ciLow), x2: x(s.ciHigh), y1: y, y2: y }))
      line.setAttribute(k, String(v));
    line.setAttribute('class', `ci ${cls}`);
    const dot = document.createElementNS(NS, 'circle');
    for (const [k, v] of Object.entries({ cx: x(s.mean), cy: y, r: 3.5 })) dot.setAttribute(k, String(v));
    dot.setAttribute('class', `mean ${cls}`);
    svg.append(line, dot);
  }
  return svg;
}
