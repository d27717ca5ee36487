// A campaign's HTML report: how the nights were evaluated (with the surrogate's measured error),
// the assumptions, totals, and the trajectory as Vega-Lite charts with 90% bands — damage and
// outages, leak rate, stocks and crews, the attacker's stocks, spend on both sides, cost-exchange.

import type { Surrogate } from '../analysis/campaign/index.js';
import type {
  BandPoint,
  CampaignTotals,
  LedgerRow,
  MonthRow,
  Quantiles,
} from '../model/campaign-trajectory.js';
import type { Campaign, EvaluationMode, PoolKind } from '../model/campaign.js';
import { writeFileAtomic } from './atomic-write.js';
import { escapeHtml, renderVegaPage, VEGA_LITE_SCHEMA, type PageChart } from './vega-page.js';

export interface CampaignReportData {
  campaign: Campaign;
  file: string;
  tacticalFile: string;
  mode: EvaluationMode;
  runs: number;
  seed: number;
  surrogate?: Surrogate;
  months: MonthRow[];
  totals: Record<keyof CampaignTotals, Quantiles>;
  bands: BandPoint[];
  ledger: LedgerRow[];
  spendByCategory: Record<string, number>;
}

interface ChartDef {
  id: string;
  title: string;
  caption: string;
  /** Band series drawn together, with their legend titles. */
  series: { name: string; title: string }[];
  axis: string;
  format?: string;
}

/** What a crew of each pool kind is, in the charts. */
const CREW_WORD: Record<PoolKind, string> = {
  'interceptor-drone': 'flights',
  jet: 'jets flying',
  sam: 'fire units manned',
  sensor: 'radars on',
};

function chartDefs(data: CampaignReportData): ChartDef[] {
  const pools = data.campaign.defender.pools;
  const drones = pools.filter((p) => p.kind === 'interceptor-drone');
  const missiles = pools.filter((p) => p.kind === 'jet' || p.kind === 'sam');
  const types = data.campaign.attacker.production.map((p) => p.threatType);
  return [
    {
      id: 'damage',
      title: 'Infrastructure damage',
      caption: 'Value-weighted share of the assets damaged and not yet repaired, after each night.',
      series: [{ name: 'damagedShare', title: 'damaged share' }],
      axis: 'share of asset value',
      format: '.0%',
    },
    {
      id: 'outage',
      title: 'Outages',
      caption: 'Assets out of service on each day (fractions of a day count).',
      series: [{ name: 'outageAssetDays', title: 'assets out' }],
      axis: 'assets out of service',
    },
    {
      id: 'people',
      title: 'People without service',
      caption: "People who lose a damaged asset's service, each day.",
      series: [{ name: 'peopleWithoutService', title: 'people' }],
      axis: 'people',
    },
    {
      id: 'leak',
      title: 'Leak rate',
      caption: 'Share of the non-decoy threats launched each night that struck an asset.',
      series: [{ name: 'leakRate', title: 'leak rate' }],
      axis: 'leakers per threat',
      format: '.0%',
    },
    ...(drones.length > 0
      ? [
          {
            id: 'stocks',
            title: 'Interceptor drones in stock',
            caption:
              'Interceptor drones on hand after each night: produced and delivered, less those used up.',
            series: drones.map((p) => ({ name: `stock:${p.name}`, title: `${p.name} stock` })),
            axis: 'interceptor drones',
          },
        ]
      : []),
    ...(missiles.length > 0
      ? [
          {
            id: 'missiles',
            title: 'Missiles in stock',
            caption:
              "Each pool's missiles on hand after each night (a jet pool's air-to-air missiles, a SAM pool's interceptors): delivered and bought, less those fired.",
            series: missiles.map((p) => ({ name: `stock:${p.name}`, title: `${p.name} missiles` })),
            axis: 'missiles',
          },
        ]
      : []),
    {
      id: 'crews',
      title: 'Crews ready each night',
      caption:
        'Interceptor-drone flights (operator teams at ground stations), jets flying, fire units manned and radars on: the smaller of trained crews and platforms kept up, times the readiness rate.',
      series: pools.map((p) => ({ name: `crews:${p.name}`, title: `${p.name} ${CREW_WORD[p.kind]}` })),
      axis: 'crews',
    },
    {
      id: 'attacker',
      title: 'Attacker stocks',
      caption: 'Threats the attacker holds after each night: production minus launches.',
      series: types.map((t) => ({ name: `attackerStock:${t}`, title: t })),
      axis: 'threats in stock',
    },
    {
      id: 'spend',
      title: 'Spend on both sides (cumulative)',
      caption:
        "The defender's spending (munitions, crews, upkeep, co-production set-up) against the cost of the attacker's production.",
      series: [
        { name: 'defenseSpend', title: 'defender spend' },
        { name: 'attackerSpend', title: 'attacker production' },
      ],
      axis: 'money',
      format: '$.3s',
    },
    {
      id: 'exchange',
      title: 'Cost-exchange ratio (cumulative)',
      caption:
        'Attacker cost shot down per value of defender munitions used up; above 1 the defense wins the exchange.',
      series: [{ name: 'costExchange', title: 'cost-exchange' }],
      axis: 'ratio',
    },
  ];
}

function bandChart(def: ChartDef, bands: readonly BandPoint[]): PageChart {
  const titles = new Map(def.series.map((s) => [s.name, s.title]));
  const values = bands
    .filter((b) => titles.has(b.series) && Number.isFinite(b.median))
    .map((b) => ({ day: b.day, series: titles.get(b.series)!, p5: b.p5, median: b.median, p95: b.p95 }));
  const y = {
    type: 'quantitative',
    title: def.axis,
    ...(def.format ? { axis: { format: def.format } } : {}),
  };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: def.series.map((s) => s.title) },
  };
  return {
    id: def.id,
    title: def.title,
    caption: `${def.caption} Line: median over runs; band: 5th to 95th percentile.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      width: 900,
      height: 220,
      data: { values },
      encoding: { x: { field: 'day', type: 'quantitative', title: 'day of the campaign' } },
      layer: [
        {
          mark: { type: 'area', opacity: 0.22 },
          encoding: { y: { field: 'p5', ...y }, y2: { field: 'p95' }, color },
        },
        {
          mark: { type: 'line', strokeWidth: 1.6 },
          encoding: {
            y: { field: 'median', ...y },
            color,
            tooltip: [
              { field: 'day', type: 'quantitative' },
              { field: 'series', type: 'nominal' },
              { field: 'median', type: 'quantitative', format: '.3~f' },
              { field: 'p5', type: 'quantitative', format: '.3~f' },
              { field: 'p95', type: 'quantitative', format: '.3~f' },
            ],
          },
        },
      ],
    },
  };
}

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? '–'
    : Math.abs(v) >= 100 || Number.isInteger(v)
      ? Math.round(v).toLocaleString('en')
      : v.toPrecision(3);

function table(head: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number) => `<td>${escapeHtml(typeof c === 'number' ? fmt(c) : c)}</td>`;
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map(cell).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function intro(data: CampaignReportData): string {
  const c = data.campaign;
  const parts: string[] = [
    `<p class="meta">${escapeHtml(data.file)} · tactical scenario ${escapeHtml(data.tacticalFile)} · ${c.horizonDays} days · ${data.runs} runs · seed ${data.seed}</p>`,
  ];
  if (data.mode === 'direct')
    parts.push('<p><b>Evaluation: direct</b> — every night was simulated with the tactical model.</p>');
  else {
    const s = data.surrogate!;
    parts.push(
      `<p><b>Evaluation: surrogate</b> — fitted to ${s.fit.points} simulated nights (a Latin hypercube over raid size and mix, stocks and crews).</p>`,
    );
    if (s.heldOut)
      parts.push(
        `<p>Its error against direct simulation on ${s.heldOut.points} held-out nights:</p>` +
          table(
            ['per night', 'mean (simulated)', 'RMSE', 'MAE', 'bias', 'R²'],
            s.heldOut.errors
              .filter((e) => !e.name.startsWith('damage:'))
              .map((e) => [e.name, e.meanActual, e.rmse, e.mae, e.bias, e.r2]),
          ),
      );
    else parts.push('<p class="warn">The surrogate\'s error against direct simulation was not measured.</p>');
  }
  const f = c.attacker.funding;
  parts.push(
    f
      ? `<p class="warn"><b>Assumption, not a fact:</b> attacker production × (1 − revenue pressure)<sup>${f.elasticity}</sup>, the pressure rising to ${(100 * f.revenuePressure.points[f.revenuePressure.points.length - 1].value).toFixed(0)}% — ${escapeHtml(f.note)}.</p>`
      : '<p>No funding lever: attacker production as scheduled.</p>',
  );
  const t = data.totals;
  const row = (label: string, q: Quantiles): (string | number)[] => [label, q.median, q.p5, q.p95, q.mean];
  parts.push(
    '<h2>Campaign totals</h2>' +
      table(
        ['total', 'median', 'p5', 'p95', 'mean'],
        [
          row('threats launched', t.launched),
          row('leakers', t.leaked),
          row('leak rate', t.leakRate),
          row('asset value lost', t.valueLost),
          row('outage asset-days', t.outageAssetDays),
          row('people-days without service', t.peopleDays),
          row('defender spend', t.defenseSpend),
          row('attacker production cost', t.attackerSpend),
          row('cost-exchange ratio', t.costExchangeRatio),
        ],
      ),
  );
  parts.push(
    '<h2>Stock ledger (first run)</h2><p class="caption">Munitions at the end = initial + produced + delivered − spent; platforms (ground stations, jets, fire units, radars) = initial + bought + delivered; operators (and pilots) = initial + trained + delivered.</p>' +
      table(
        ['pool', 'initial', 'produced', 'delivered', 'spent', 'stock at the end'],
        data.ledger.map((l) => [l.pool, l.initial, l.produced, l.delivered, l.spent, l.stock]),
      ) +
      table(
        [
          'pool',
          'platforms initial',
          'bought',
          'delivered',
          'at the end',
          'operators initial',
          'trained',
          'delivered',
          'at the end',
        ],
        data.ledger.map((l) => [
          l.pool,
          l.platformsInitial,
          l.platformsBought,
          l.platformsDelivered,
          l.platforms,
          l.operatorsInitial,
          l.trained,
          l.operatorsDelivered,
          l.operators,
        ]),
      ) +
      table(
        ['budget category', 'spent (first run)'],
        Object.entries(data.spendByCategory).map(([k, v]) => [k, v]),
      ),
  );
  return parts.join('\n');
}

function bandsCsv(bands: readonly BandPoint[]): string {
  return (
    [
      'day,series,mean,p5,median,p95',
      ...bands.map((b) => `${b.day},${b.series},${b.mean},${b.p5},${b.median},${b.p95}`),
    ].join('\n') + '\n'
  );
}

export function renderCampaignReport(data: CampaignReportData): string {
  return renderVegaPage({
    title: `${data.campaign.name} — campaign (${data.mode})`,
    intro: intro(data),
    charts: chartDefs(data).map((d) => bandChart(d, data.bands)),
    downloads: {
      'campaign-bands.csv': bandsCsv(data.bands),
      'campaign.json': JSON.stringify({ ...data, bands: undefined }, null, 2),
    },
  });
}

export function writeCampaignReport(file: string, data: CampaignReportData): void {
  writeFileAtomic(file, renderCampaignReport(data));
}
