// Campaigns (`scenarios/campaigns/` on the server) in the console: pick one, run it on the server
// in the background with a progress bar, and read the trajectory as charts with their bands —
// damage and outages, leak rate, stocks and crews, spend on both sides, cost-exchange — with how
// the nights were evaluated (surrogate or direct) and the attacker funding assumption.

import type { CampaignTrajectory, OverJson } from '../model/campaign-trajectory.js';
import { bandChart, fmt, type BandSeries } from './charts.js';

type Num = number | null;
interface CampaignChoice {
  id: string;
  name: string;
  horizonDays: number;
  evaluation: string;
  ok: boolean;
}
interface Progress {
  phase: 'fit' | 'runs' | 'nights';
  done: number;
  total: number;
}
interface JobInfo {
  id: string;
  campaign: string;
  options: { runs?: number; mode?: string; days?: number; seed?: number };
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: Progress | null;
  error: string | null;
  elapsedMs: number | null;
  finishedAt: string | null;
}
/** What the server sends: `bulwark campaign --json`'s trajectory, NaN as null. */
export type Trajectory = OverJson<CampaignTrajectory>;

/** A finished run in the picker: when, and the options it was run with (the file's where unset). */
function describeRun(r: JobInfo): string {
  const when = r.finishedAt ? new Date(r.finishedAt).toLocaleString() : r.id;
  const o = r.options;
  const parts = [
    o.runs !== undefined ? `${o.runs} runs` : undefined,
    o.days !== undefined ? `${o.days} days` : undefined,
    o.mode,
    o.seed !== undefined ? `seed ${o.seed}` : undefined,
  ].filter((p) => p !== undefined);
  return `${when}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`;
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(Math.abs(v) < 0.1 ? 1 : 0)}%` : '–');
const money = (v: number) => (Number.isFinite(v) ? `$${fmt(v)}` : '–');
const num = (v: Num) => (v === null ? NaN : v);

/** The charts of a campaign, by the `chart` group of each series, in reading order. */
const CHARTS: { chart: string; title: string; axis: string; format?: (v: number) => string }[] = [
  { chart: 'damage', title: 'Infrastructure damaged', axis: 'share of asset value', format: pct },
  { chart: 'outage', title: 'Assets out of service', axis: 'assets' },
  { chart: 'people', title: 'People without service', axis: 'people' },
  { chart: 'leak', title: 'Leak rate', axis: 'leakers per threat', format: pct },
  { chart: 'stocks', title: 'Defender stocks', axis: 'munitions' },
  { chart: 'crews', title: 'Defender crews', axis: 'crews' },
  { chart: 'attacker', title: 'Attacker stocks', axis: 'threats' },
  { chart: 'spend', title: 'Spend on both sides (cumulative)', axis: 'money', format: money },
  { chart: 'exchange', title: 'Cost-exchange (cumulative)', axis: 'attacker loss per defense spend' },
];

const PHASES: Record<Progress['phase'], string> = {
  fit: 'fitting the surrogate: tactical runs',
  runs: 'campaign runs',
  nights: 'nights simulated',
};

export class CampaignView {
  private job: string | undefined;
  private readonly $ = <T extends HTMLElement>(id: string) => this.dialog.querySelector<T>(`#${id}`)!;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly headers: (json?: boolean) => HeadersInit,
  ) {
    this.$<HTMLButtonElement>('campaign-close').addEventListener('click', () => dialog.close());
    this.$<HTMLButtonElement>('campaign-run').addEventListener('click', () => void this.run());
    this.$<HTMLButtonElement>('campaign-cancel').addEventListener('click', () => void this.cancel());
    this.$<HTMLSelectElement>('campaign-list').addEventListener('change', () => void this.listFinished());
    const previous = this.$<HTMLSelectElement>('campaign-previous');
    previous.addEventListener('change', () => {
      if (previous.value) void this.showFinished(previous.value);
    });
  }

  private get body(): HTMLElement {
    return this.$('campaign-body');
  }

  private status(text: string, error = false): void {
    const s = this.$('campaign-status');
    s.textContent = text;
    s.className = error ? 'error' : '';
  }

  async open(): Promise<void> {
    if (!this.dialog.open) this.dialog.showModal();
    if (this.job) return;
    const list = this.$<HTMLSelectElement>('campaign-list');
    const keep = list.value;
    const response = await fetch('api/campaigns', { headers: this.headers() }).catch(() => undefined);
    if (!response?.ok) {
      this.$<HTMLButtonElement>('campaign-run').disabled = true;
      this.body.textContent = 'Campaigns need the server: start the console with `bulwark serve`.';
      return;
    }
    const { campaigns } = (await response.json()) as { campaigns: CampaignChoice[] };
    list.replaceChildren(
      ...campaigns.map((c) => {
        const o = new Option(
          c.ok ? `${c.name} · ${c.horizonDays} days · ${c.evaluation} (${c.id})` : `${c.id} (has errors)`,
          c.id,
        );
        o.disabled = !c.ok;
        return o;
      }),
    );
    if (campaigns.some((c) => c.id === keep)) list.value = keep;
    this.$<HTMLButtonElement>('campaign-run').disabled = campaigns.length === 0;
    if (campaigns.length === 0)
      this.body.textContent = 'No campaign files: put them in the scenario folder under campaigns/.';
    else if (!this.body.querySelector('.charts'))
      this.body.textContent = 'Choose a campaign and run it: the trajectory appears here.';
    await this.listFinished();
  }

  /** The finished runs of the chosen campaign kept on the server, newest first. */
  private async listFinished(): Promise<void> {
    const campaign = this.$<HTMLSelectElement>('campaign-list').value;
    const previous = this.$<HTMLSelectElement>('campaign-previous');
    const response = await fetch('api/campaign-runs', { headers: this.headers() }).catch(() => undefined);
    const runs = response?.ok ? ((await response.json()) as { runs: JobInfo[] }).runs : [];
    const done = runs.filter((r) => r.status === 'done' && r.campaign === campaign).reverse();
    const keep = previous.value;
    previous.replaceChildren(
      new Option(done.length > 0 ? `finished runs (${done.length})` : 'no finished runs', ''),
      ...done.map((r) => new Option(describeRun(r), r.id)),
    );
    previous.disabled = done.length === 0;
    if (done.some((r) => r.id === keep)) previous.value = keep;
  }

  /** Fetches a finished run's trajectory and draws it, with a status line about it. */
  private async showFinished(
    job: string,
    about = (t: Trajectory) =>
      `finished run ${job}: ${t.evaluation.runs} run${t.evaluation.runs === 1 ? '' : 's'}, ${t.evaluation.mode}`,
  ): Promise<void> {
    const response = await fetch(`api/campaign-runs/${job}/trajectory`, { headers: this.headers() });
    if (!response.ok) return this.status(`cannot read the trajectory of ${job}`, true);
    const t = (await response.json()) as Trajectory;
    this.show(t);
    this.status(about(t));
  }

  /** The options of the form, as the API takes them; undefined fields keep the file's. */
  private options(): Record<string, number | string> | string {
    const out: Record<string, number | string> = {};
    const fields: [string, string][] = [
      ['campaign-runs', 'runs'],
      ['campaign-days', 'days'],
      ['campaign-fit', 'surrogatePoints'],
      ['campaign-held-out', 'heldOut'],
    ];
    for (const [id, key] of fields) {
      const input = this.$<HTMLInputElement>(id);
      if (input.value === '') continue;
      const v = Number(input.value);
      if (!Number.isSafeInteger(v) || v < Number(input.min || 0))
        return `${input.getAttribute('aria-label')}: a whole number from ${input.min || 0}`;
      out[key] = v;
    }
    const mode = this.$<HTMLSelectElement>('campaign-mode').value;
    if (mode) out.mode = mode;
    return out;
  }

  async run(): Promise<void> {
    const id = this.$<HTMLSelectElement>('campaign-list').value;
    const options = this.options();
    if (!id) return;
    if (typeof options === 'string') return this.status(options, true);
    const response = await fetch(`api/campaigns/${encodeURIComponent(id)}/runs`, {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify(options),
    });
    const body = (await response.json()) as JobInfo & { error?: string; issues?: { message: string }[] };
    if (!response.ok) {
      const issues = body.issues?.map((i) => i.message).join('; ');
      return this.status(`${body.error ?? 'the campaign did not start'}${issues ? `: ${issues}` : ''}`, true);
    }
    this.job = body.id;
    this.busy(true);
    await this.poll(body.id);
  }

  private busy(on: boolean): void {
    this.$<HTMLButtonElement>('campaign-run').disabled = on;
    this.$<HTMLButtonElement>('campaign-cancel').hidden = !on;
    this.$<HTMLProgressElement>('campaign-progress').hidden = !on;
  }

  private async poll(job: string): Promise<void> {
    const bar = this.$<HTMLProgressElement>('campaign-progress');
    bar.removeAttribute('value');
    for (;;) {
      const response = await fetch(`api/campaign-runs/${job}`, { headers: this.headers() });
      const info = (await response.json()) as JobInfo & { error?: string };
      if (this.job !== job) return;
      if (!response.ok || info.status === 'failed' || info.status === 'cancelled') {
        this.job = undefined;
        this.busy(false);
        return this.status(
          info.status === 'cancelled' ? 'stopped' : (info.error ?? 'the campaign failed'),
          true,
        );
      }
      if (info.status === 'done') break;
      const p = info.progress;
      if (p) {
        bar.max = p.total;
        bar.value = p.done;
        this.status(`${PHASES[p.phase]} ${p.done} of ${p.total}`);
      } else this.status(info.status === 'queued' ? 'waiting for other campaigns' : 'starting…');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    this.job = undefined;
    this.busy(false);
    await this.showFinished(
      job,
      (t) =>
        `${t.evaluation.runs} run${t.evaluation.runs === 1 ? '' : 's'} of ${t.campaign.horizonDays} days, ${t.evaluation.mode}`,
    );
    await this.listFinished();
    this.$<HTMLSelectElement>('campaign-previous').value = job;
  }

  private async cancel(): Promise<void> {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    this.busy(false);
    await fetch(`api/campaign-runs/${job}`, { method: 'DELETE', headers: this.headers() });
    this.status('stopped');
  }

  show(t: Trajectory): void {
    const fragment = document.createDocumentFragment();
    const head = document.createElement('p');
    head.className = 'batch-head';
    head.textContent = `${t.campaign.name}: ${t.campaign.horizonDays} days on ${t.campaign.tacticalFile}, ${t.evaluation.runs} run${t.evaluation.runs === 1 ? '' : 's'}, seed ${t.evaluation.seed}. Lines: median over the runs; bands: 5th to 95th percentile.`;
    fragment.append(head, evaluation(t), assumption(t));
    const charts = document.createElement('div');
    charts.className = 'charts';
    for (const def of CHARTS) {
      const series: BandSeries[] = t.series
        .filter((s) => s.chart === def.chart)
        .map((s) => ({
          title: s.title,
          points: t.bands
            .filter((b) => b.series === s.name)
            .map((b) => ({ x: num(b.day), mid: num(b.median), lo: num(b.p5), hi: num(b.p95) })),
        }));
      if (series.length === 0 || series.every((s) => s.points.every((p) => !Number.isFinite(p.mid))))
        continue;
      const chart = bandChart(def.title, 'day', def.axis, series, def.format);
      chart.dataset.chart = def.chart;
      charts.append(chart);
    }
    fragment.append(charts, totals(t), ledger(t));
    this.body.replaceChildren(fragment);
  }
}

function paragraph(className: string, html: [string, string]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  const b = document.createElement('b');
  b.textContent = html[0];
  p.append(b, html[1]);
  return p;
}

/** Below this share of variance explained on held-out nights, the surrogate's figure is flagged. */
const POOR_FIT_R2 = 0.5;

/** Which evaluator ran the nights, and the surrogate's measured error when it was used. */
function evaluation(t: Trajectory): HTMLElement {
  const e = t.evaluation;
  const box = document.createElement('div');
  box.className = 'evaluation';
  box.dataset.mode = e.mode;
  if (e.mode === 'direct' || !e.surrogate) {
    box.append(
      paragraph('', ['Evaluation: direct', ' — every night was simulated with the tactical model.']),
    );
    return box;
  }
  const s = e.surrogate;
  box.append(
    paragraph('', [
      'Evaluation: surrogate',
      ` — fitted to ${s.points} simulated nights (a Latin hypercube over raid size and mix, stocks and crews)${s.cached ? ', read back from the server’s cache' : ''}.`,
    ]),
  );
  if (!s.heldOut) {
    box.append(
      paragraph('warn', [
        'Unmeasured:',
        ' the surrogate’s error against direct simulation was not measured.',
      ]),
    );
    return box;
  }
  const errors = s.heldOut.errors.filter((x) => !x.name.startsWith('damage:'));
  // R² below 0: the surrogate predicts these nights worse than their plain mean would.
  const poor = errors.filter((x) => num(x.r2) < POOR_FIT_R2);
  if (poor.length > 0) {
    box.append(
      paragraph('warn poor-fit', [
        'Poor fit:',
        ` the surrogate explains little or none of what simulated nights do for ${poor
          .map((x) => `${x.name} (R² ${fmt(num(x.r2))})`)
          .join(
            ', ',
          )}; read those charts with care, or fit on more nights (Fit on) or run the nights directly.`,
      ]),
    );
  }
  const t2 = table(
    `Surrogate error against direct simulation on ${s.heldOut.points} held-out nights`,
    ['per night', 'mean (simulated)', 'RMSE', 'MAE', 'bias', 'R²'],
    errors.map((x) => [x.name, ...[x.meanActual, x.rmse, x.mae, x.bias, x.r2].map((v) => fmt(num(v)))]),
  );
  errors.forEach((x, i) => {
    if (num(x.r2) < POOR_FIT_R2) t2.tBodies[0]?.rows[i]?.cells[5]?.classList.add('bad');
  });
  box.append(t2);
  return box;
}

/** The attacker funding lever, always labelled as the assumption it is. */
function assumption(t: Trajectory): HTMLElement {
  const f = t.assumptions.funding;
  if (!f) return paragraph('assumption', ['No funding lever:', ' attacker production as scheduled.']);
  const last = f.revenuePressure[f.revenuePressure.length - 1]?.value ?? 0;
  return paragraph('assumption warn', [
    'Assumption, not a fact:',
    ` attacker production × (1 − revenue pressure)^${f.elasticity} (funding elasticity ${f.elasticity}); the pressure rises to ${pct(num(last))}, so production falls to ${pct(num(f.finalProductionShare))} of plan${f.note ? ` — ${f.note}` : ''}.`,
  ]);
}

function table(caption: string, head: string[], rows: string[][]): HTMLTableElement {
  const t = document.createElement('table');
  t.className = 'batch-table';
  t.createCaption().textContent = caption;
  const h = t.createTHead().insertRow();
  for (const text of head) {
    const th = document.createElement('th');
    th.textContent = text;
    h.append(th);
  }
  const body = t.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    for (const c of r) row.insertCell().textContent = c;
  }
  return t;
}

const TOTALS: [string, keyof Trajectory['totals'], (v: number) => string][] = [
  ['threats launched', 'launched', fmt],
  ['shot down', 'destroyed', fmt],
  ['leakers', 'leaked', fmt],
  ['leak rate', 'leakRate', pct],
  ['asset value lost', 'valueLost', fmt],
  ['outage asset-days', 'outageAssetDays', fmt],
  ['people-days without service', 'peopleDays', fmt],
  ['defender spend', 'defenseSpend', money],
  ['munitions used (value)', 'munitionsValueSpent', money],
  ['attacker production cost', 'attackerSpend', money],
  ['attacker cost shot down', 'attackerLossDestroyed', money],
  ['cost-exchange ratio', 'costExchangeRatio', fmt],
];

function totals(t: Trajectory): HTMLTableElement {
  return table(
    'Campaign totals over the runs',
    ['total', 'median', '90% band', 'mean'],
    TOTALS.filter(([, key]) => t.totals[key]).map(([label, key, f]) => {
      const q = t.totals[key];
      return [label, f(num(q.median)), `${f(num(q.p5))} – ${f(num(q.p95))}`, f(num(q.mean))];
    }),
  );
}

function ledger(t: Trajectory): HTMLTableElement {
  return table(
    'Stock ledger of the first run: at the end = initial + produced + delivered − spent',
    ['pool', 'initial', 'produced', 'delivered', 'spent', 'at the end'],
    t.ledger.map((l) => [
      l.pool,
      ...[l.initial, l.produced, l.delivered, l.spent, l.stock].map((v) => fmt(num(v))),
    ]),
  );
}
