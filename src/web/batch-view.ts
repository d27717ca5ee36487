// Monte Carlo and sweep batches from the results store (`bulwark mc`, `bulwark sweep`), as charts:
// for one point, the distribution of each headline measure over the runs; for a sweep, each
// measure's mean and 95% interval against the swept parameter.

import { histogram, responseCurve, fmt, type CurvePoint } from './charts.js';

/** What `GET /api/batches/:id` answers (the report data of the results store), as far as drawn here. */
interface Summary {
  n: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
  p5: number;
  p95: number;
}
interface BatchSummary {
  id: string;
  kind: 'mc' | 'sweep';
  scenarioName: string;
  pointCount: number;
  totalRuns: number;
  doneRuns: number;
  failedRuns: number;
  createdAt: string;
}
interface BatchReport {
  batch: BatchSummary;
  points: {
    point: number;
    params: { path: string; value: unknown }[];
    measures: { name: string; summary: Summary }[];
  }[];
  runs: Record<string, string | number | null>[];
}

const MEASURES = [
  { name: 'leaked', title: 'Leakers (threats that struck an asset)', axis: 'leakers' },
  { name: 'assetValueLost', title: 'Asset value lost', axis: 'asset value lost' },
  { name: 'costExchangeRatio', title: 'Cost-exchange ratio', axis: 'attacker loss per defense spend' },
];

export class BatchView {
  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly headers: () => HeadersInit,
  ) {
    dialog.querySelector<HTMLSelectElement>('#batch-list')!.addEventListener('change', (e) => {
      const id = (e.target as HTMLSelectElement).value;
      if (id) void this.showBatch(id);
    });
    dialog.querySelector<HTMLButtonElement>('#batch-close')!.addEventListener('click', () => dialog.close());
  }

  private get body(): HTMLElement {
    return this.dialog.querySelector<HTMLElement>('#batch-body')!;
  }

  async open(): Promise<void> {
    this.dialog.showModal();
    const list = this.dialog.querySelector<HTMLSelectElement>('#batch-list')!;
    list.replaceChildren(new Option('—', ''));
    const response = await fetch('api/batches', { headers: this.headers() }).catch(() => undefined);
    if (!response?.ok) {
      this.body.textContent =
        'No results store: batches need `bulwark serve` (run them with `bulwark mc` or `bulwark sweep`).';
      return;
    }
    const { batches } = (await response.json()) as { batches: BatchSummary[] };
    if (batches.length === 0) {
      this.body.textContent =
        'No batches yet: run `bulwark mc <scenario>` or `bulwark sweep …`, then reopen.';
      return;
    }
    for (const b of [...batches].reverse()) {
      list.add(
        new Option(`${b.kind} · ${b.scenarioName} · ${b.doneRuns}/${b.totalRuns} runs · ${b.id}`, b.id),
      );
    }
    list.value = list.options[1].value;
    await this.showBatch(list.value);
  }

  async showBatch(id: string): Promise<void> {
    this.body.textContent = 'loading…';
    const response = await fetch(`api/batches/${encodeURIComponent(id)}`, { headers: this.headers() });
    if (!response.ok) {
      this.body.textContent =
        ((await response.json()) as { error?: string }).error ?? `cannot read batch ${id}`;
      return;
    }
    const report = decode((await response.text()) as string) as BatchReport;
    const fragment = document.createDocumentFragment();
    const b = report.batch;
    const head = document.createElement('p');
    head.className = 'batch-head';
    head.textContent = `${b.kind === 'mc' ? 'Monte Carlo' : 'Sweep'} of ${b.scenarioName}: ${b.pointCount} point${b.pointCount === 1 ? '' : 's'}, ${b.doneRuns} of ${b.totalRuns} runs${b.failedRuns ? `, ${b.failedRuns} failed` : ''}.`;
    fragment.append(head);
    const charts = document.createElement('div');
    charts.className = 'charts';
    for (const m of MEASURES) {
      if (report.points.length === 1) {
        const summary = report.points[0].measures.find((x) => x.name === m.name)?.summary;
        const values = report.runs.map((r) => r[m.name]).filter((v): v is number => typeof v === 'number');
        if (!summary || values.length === 0) continue;
        charts.append(histogram(m.title, m.axis, values, summary.mean, [summary.ciLow, summary.ciHigh]));
      } else {
        const axis = report.points[0].params[0]?.path ?? 'point';
        const curve: CurvePoint[] = report.points.map((p) => {
          const s = p.measures.find((x) => x.name === m.name)?.summary;
          const v = p.params[0]?.value;
          return {
            x: typeof v === 'number' ? v : p.point,
            mean: s?.mean ?? NaN,
            ciLow: s?.ciLow ?? NaN,
            ciHigh: s?.ciHigh ?? NaN,
          };
        });
        charts.append(responseCurve(m.title, axis, m.axis, curve));
      }
    }
    fragment.append(charts, table(report));
    this.body.replaceChildren(fragment);
  }
}

/** JSON from the store writes NaN and ±Infinity as strings. */
function decode(text: string): unknown {
  return JSON.parse(text, (_k, v) => (v === 'NaN' || v === 'Infinity' || v === '-Infinity' ? Number(v) : v));
}

function table(report: BatchReport): HTMLTableElement {
  const t = document.createElement('table');
  t.className = 'batch-table';
  const axes = report.points[0]?.params.map((p) => p.path) ?? [];
  const head = t.createTHead().insertRow();
  for (const h of [...axes, ...MEASURES.map((m) => `${m.axis} (mean, 95% CI)`)]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = t.createTBody();
  for (const p of report.points) {
    const row = body.insertRow();
    for (const v of p.params) row.insertCell().textContent = String(v.value);
    for (const m of MEASURES) {
      const s = p.measures.find((x) => x.name === m.name)?.summary;
      row.insertCell().textContent = s ? `${fmt(s.mean)} (${fmt(s.ciLow)} – ${fmt(s.ciHigh)})` : '—';
    }
  }
  return t;
}
