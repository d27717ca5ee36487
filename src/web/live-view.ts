// The console's live mode (`bulwark live --http`, opened at `/?live`): the same map and symbols as
// a replay, fed by the live picture instead of a finished run. Each poll's tracks become a one-
// moment run log (a sampled frame of the track picture) that the replay's own Replay and MapView
// draw; the plan's recommendations are drawn over it as lines from each unit to its intercept
// point, and listed with Accept and Reject buttons that answer the operator API. Only the data
// source differs from a replay.

import type { RunLog } from '../model/events.js';
import type { LivePictureTrack, LivePlan, LiveRecommendation } from '../model/live.js';
import type { Scenario } from '../model/scenario.js';
import type { DetailsCard } from './details-card.js';
import { describeEntity, type Details, type Picked } from './entity-details.js';
import { LiveSource, type LiveSnapshot, type OperatorAnswer } from './live-source.js';
import type { Projector } from './map-canvas.js';
import type { MapView } from './map-view.js';
import { Pairings } from './pairings.js';
import { Replay } from './replay.js';
import { clockLabel } from './scenario-clock.js';
import { trackIsHostile } from './symbols.js';

/** How often the console asks for the plan, the status and the picture, ms. */
export const POLL_MS = 1000;

/**
 * The live picture at picture time t as a run log the replay draws: no events, two sampled frames
 * of the track picture — now, and one second on by each track's reported velocity, so that the
 * details card reads speed and heading as it does in a replay.
 */
export function livePictureLog(scenario: Scenario, tracks: readonly LivePictureTrack[], t: number): RunLog {
  const sorted = [...tracks].sort((a, b) => a.id - b.id);
  const frame = (dt: number) => {
    const flat: number[] = [];
    for (const k of sorted)
      flat.push(k.id, k.e + k.vx * dt, k.n + k.vy * dt, Math.ceil(k.sigmaM), Math.round(k.pDecoy * 100));
    return { t: t + dt, threats: [], flights: [], tracks: flat };
  };
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    stepS: 1,
    durationS: scenario.durationS,
    endS: t,
    events: [],
    samples: { everyS: 1, frames: [frame(0), frame(1)] },
  };
}

/** A recommendation or an engagement under way as drawn: unit, intercept point (or none), track. */
interface Line {
  unit: [number, number];
  intercept: [number, number] | undefined;
  track: [number, number] | undefined;
  /** 0: a shot to order now, 1: a later shot, 2: an engagement under way. */
  style: number;
}

const LINE_STYLES = [
  { colour: 'rgba(126,195,255,0.95)', dash: [] as number[], width: 2 },
  { colour: 'rgba(126,195,255,0.5)', dash: [5, 4], width: 1.2 },
  { colour: 'rgba(95,209,139,0.95)', dash: [2, 3], width: 2 },
];

export interface LiveElements {
  side: HTMLElement;
  clock: HTMLOutputElement;
  /** Whatever makes no sense live: run and scenario controls, the replay's clock and feed. */
  hide: HTMLElement[];
}

/** What the browser tests read of the live view. */
export interface LiveState {
  seq: number;
  feed: string;
  tracks: number;
  recommendations: { track: string; unit: string; now: boolean }[];
  stock: Record<string, number>;
  engagements: { track: string; unit: string }[];
  /** Lines drawn on the map at the last frame: recommendations and engagements under way. */
  lines: number;
  polls: number;
}

export class LiveView {
  private readonly source: LiveSource;
  private scenario: Scenario | undefined;
  replay: Replay | undefined;
  private snapshot: LiveSnapshot | undefined;
  private lines: Line[] = [];
  private linesDrawn = 0;
  private polls = 0;
  private listKey = '';
  private readonly empty = new Pairings([]);
  private readonly panel = document.createElement('section');
  private readonly feedBadge = document.createElement('span');
  private readonly counts = document.createElement('dl');
  private readonly stock = document.createElement('table');
  private readonly recsTitle = document.createElement('h2');
  private readonly recs = document.createElement('ol');
  private readonly engaged = document.createElement('ol');
  private readonly message = document.createElement('p');

  constructor(
    private readonly map: MapView,
    private readonly details: DetailsCard,
    private readonly elements: LiveElements,
    private readonly setStatus: (text: string, error?: boolean) => void,
    token: string | undefined,
  ) {
    this.source = new LiveSource(token);
    document.body.classList.add('live');
    for (const e of elements.hide) e.classList.add('live-hidden');
    this.buildPanel();
    map.overlay = (ctx, project) => this.drawLines(ctx, project);
  }

  private buildPanel(): void {
    const p = this.panel;
    p.className = 'panel live-panel';
    p.setAttribute('aria-label', 'Live picture');
    const title = document.createElement('h2');
    title.textContent = 'Live picture ';
    this.feedBadge.className = 'live-feed';
    this.feedBadge.setAttribute('role', 'status');
    title.append(this.feedBadge);
    this.counts.className = 'live-counts';
    this.stock.className = 'live-stock';
    const engagedTitle = document.createElement('h3');
    engagedTitle.textContent = 'Engagements under way';
    this.engaged.className = 'live-engagements';
    this.recsTitle.textContent = 'Recommendations';
    this.recs.className = 'live-recommendations';
    this.message.className = 'live-message';
    this.message.setAttribute('role', 'status');
    const recPanel = document.createElement('section');
    recPanel.className = 'panel live-recs-panel';
    recPanel.append(this.recsTitle, this.message, this.recs);
    p.append(title, this.counts, this.stock, engagedTitle, this.engaged);
    this.elements.side.prepend(p, recPanel);
  }

  /** Loads the scenario, frames the region and polls until the page goes. */
  async start(): Promise<void> {
    this.setStatus('live: connecting to the operator API…');
    try {
      this.scenario = await this.source.scenario();
    } catch (e) {
      this.setStatus(`live: cannot read the scenario: ${(e as Error).message}`, true);
      return;
    }
    const first = new Replay(this.scenario, livePictureLog(this.scenario, [], 0));
    this.replay = first;
    this.map.show(first);
    await this.poll();
  }

  private async poll(): Promise<void> {
    try {
      this.update(await this.source.snapshot());
    } catch (e) {
      this.setStatus(`live: the operator API does not answer (${(e as Error).message})`, true);
    }
    setTimeout(() => void this.poll(), POLL_MS);
  }

  /** Shows one poll: the map, the panel, the recommendations. */
  update(snapshot: LiveSnapshot): void {
    const scenario = this.scenario;
    if (!scenario) return;
    this.polls++;
    this.snapshot = snapshot;
    const t = snapshot.status.t;
    const replay = new Replay(scenario, livePictureLog(scenario, snapshot.tracks, t));
    this.replay = replay;
    const trackPlace = new Map<string, [number, number]>();
    for (const k of snapshot.tracks) {
      const p = replay.frame.toLatLon(k.e, k.n);
      trackPlace.set(k.uid, [p.latDeg, p.lonDeg]);
    }
    const unitPlace = new Map(replay.bases.map((b) => [b.name, [b.lat, b.lon] as [number, number]]));
    this.lines = [
      ...(snapshot.plan?.recommendations ?? []).map((r): Line => ({
        unit: unitPlace.get(r.unit) ?? [NaN, NaN],
        intercept: r.interceptAt,
        track: trackPlace.get(r.track),
        style: r.now ? 0 : 1,
      })),
      ...snapshot.status.engagements.map((g): Line => ({
        unit: unitPlace.get(g.unit) ?? [NaN, NaN],
        intercept: undefined,
        track: trackPlace.get(g.track),
        style: 2,
      })),
    ];
    this.map.refresh(replay, t);
    this.elements.clock.value = clockLabel(scenario.startIso, t);
    this.renderPanel(snapshot, scenario);
    this.details.refresh();
    const plan = snapshot.plan;
    this.setStatus(
      `live: ${scenario.name} · ${plan ? `plan ${plan.seq}` : 'no plan yet'} · feed ${snapshot.status.feed}`,
      snapshot.status.feed === 'lost',
    );
  }

  private renderPanel(snapshot: LiveSnapshot, scenario: Scenario): void {
    const { status, plan } = snapshot;
    this.feedBadge.textContent = status.feed === 'ok' ? 'feed ok' : 'feed lost';
    this.feedBadge.dataset.feed = status.feed;
    const refused = Object.values(status.counts.rejected).reduce((a, b) => a + b, 0);
    const rows: [string, string][] = [
      ['picture time', clockLabel(scenario.startIso, status.t)],
      ['tracks', String(status.tracks)],
      ['reports received', String(status.counts.received)],
      ['taken / refused', `${status.counts.accepted} / ${refused}`],
      ['aged out', String(status.counts.aged)],
      ['plans', String(status.counts.plans)],
      ['value at stake', plan ? plan.valueAtStake.toFixed(1) : '—'],
      ['left to the attackers', plan ? plan.survivingValue.toFixed(1) : '—'],
    ];
    setRows(this.counts, rows);

    const units = scenario.defenders;
    if (this.stock.rows.length !== units.length + 1) {
      this.stock.replaceChildren();
      const head = this.stock.createTHead().insertRow();
      for (const h of ['unit', 'kind', 'left'])
        head.append(Object.assign(document.createElement('th'), { textContent: h }));
      const body = this.stock.createTBody();
      for (const u of units) {
        const row = body.insertRow();
        row.dataset.unit = u.name;
        row.insertCell().textContent = u.name;
        row.insertCell().textContent = u.kind;
        row.insertCell().className = 'num';
      }
    }
    units.forEach((u, i) => {
      const cell = this.stock.tBodies[0].rows[i].cells[2];
      const left = String(status.stock[u.name] ?? '—');
      if (cell.textContent !== left) cell.textContent = left;
    });

    // The lists are rebuilt only when what they say changes: a button must not move under a click.
    const recs = plan?.recommendations ?? [];
    const key = JSON.stringify([plan?.seq ?? -1, recs.map((r) => r.id), status.engagements]);
    if (key === this.listKey) return;
    this.listKey = key;
    this.recsTitle.textContent = `Recommendations (${recs.length}${plan ? `, plan ${plan.seq}` : ''})`;
    this.recs.replaceChildren(...recs.map((r) => this.recommendationItem(r, plan!)));
    if (recs.length === 0) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = plan ? 'no shot recommended' : 'waiting for the first plan';
      this.recs.append(none);
    }
    this.engaged.replaceChildren(
      ...status.engagements.map((g) => {
        const li = document.createElement('li');
        li.dataset.track = g.track;
        li.dataset.unit = g.unit;
        const text = document.createElement('span');
        text.textContent = `${g.unit} → ${g.track} · pk ${g.pk.toFixed(2)}`;
        li.append(
          text,
          ...(['kill', 'miss', 'aborted'] as const).map((r) => this.button(r, r, g.track, g.unit)),
        );
        return li;
      }),
    );
    if (status.engagements.length === 0) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'none';
      this.engaged.append(none);
    }
  }

  private recommendationItem(r: LiveRecommendation, plan: LivePlan): HTMLLIElement {
    const li = document.createElement('li');
    li.className = r.now ? 'now' : 'later';
    li.dataset.track = r.track;
    li.dataset.unit = r.unit;
    li.dataset.plan = String(plan.seq);
    const head = document.createElement('div');
    head.className = 'rec-head';
    const when = document.createElement('span');
    when.className = 'rec-when';
    when.textContent = r.now ? 'now' : `in ${Math.round(r.launchInS)} s`;
    const what = document.createElement('strong');
    what.className = 'rec-pair';
    what.textContent = `${r.unit} → ${r.track}`;
    head.append(when, what);
    const figures = document.createElement('dl');
    const alternatives = Array.isArray(r.explanation.alternatives)
      ? (r.explanation.alternatives as { track: string | null; gain: number }[])
          .map((a) => `${a.track ?? 'hold'} ${a.gain.toFixed(1)}`)
          .join(', ')
      : '';
    setRows(figures, [
      ['pk', r.pk.toFixed(2)],
      ['value saved', r.valueSaved.toFixed(2)],
      ['intercept in', `${Math.round(r.interceptInS)} s`],
      ['threat', `${r.threat.type} → ${r.threat.aim} (${Math.round(r.threat.aimProbability * 100)}%)`],
      ['time to impact', `${Math.round(r.threat.timeToImpactS)} s`],
      ['value at risk', `${r.threat.valueAtRisk.toFixed(1)} · P(real) ${r.threat.pReal.toFixed(2)}`],
      ...(typeof r.explanation.gain === 'number'
        ? ([['gain', (r.explanation.gain as number).toFixed(2)]] as [string, string][])
        : []),
      ...(alternatives ? ([['alternatives', alternatives]] as [string, string][]) : []),
    ]);
    const buttons = document.createElement('div');
    buttons.className = 'rec-buttons';
    buttons.append(
      this.button('accept', 'Accept', r.track, r.unit),
      this.button('reject', 'Reject', r.track, r.unit),
    );
    li.append(head, figures, buttons);
    return li;
  }

  private button(answer: OperatorAnswer, label: string, track: string, unit: string): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.answer = answer;
    if (answer === 'accept') b.className = 'primary';
    b.setAttribute('aria-label', `${label} ${unit} on ${track}`);
    b.addEventListener('click', () => void this.answer(b, answer, track, unit));
    return b;
  }

  private async answer(button: HTMLButtonElement, answer: OperatorAnswer, track: string, unit: string) {
    const siblings = [...(button.parentElement?.querySelectorAll('button') ?? [])];
    for (const s of siblings) s.disabled = true;
    try {
      const reply = await this.source.answer(answer, track, unit);
      this.message.textContent = reply.ok
        ? `${answer === 'accept' ? 'accepted' : answer === 'reject' ? 'rejected' : `reported ${answer}`}: ${unit} → ${track}`
        : `refused: ${reply.error ?? 'no reason given'}`;
      this.message.className = reply.ok ? 'live-message' : 'live-message error';
      if (!reply.ok) for (const s of siblings) s.disabled = false;
    } catch (e) {
      this.message.textContent = `the operator API did not answer: ${(e as Error).message}`;
      this.message.className = 'live-message error';
      for (const s of siblings) s.disabled = false;
    }
  }

  private drawLines(ctx: CanvasRenderingContext2D, project: Projector): void {
    let drawn = 0;
    const at = project.point;
    for (let style = 0; style < LINE_STYLES.length; style++) {
      const s = LINE_STYLES[style];
      ctx.beginPath();
      for (const line of this.lines) {
        if (line.style !== style || Number.isNaN(line.unit[0])) continue;
        const end = line.intercept ?? line.track;
        if (!end) continue;
        project.at(line.unit[0], line.unit[1]);
        ctx.moveTo(at.x, at.y);
        project.at(end[0], end[1]);
        ctx.lineTo(at.x, at.y);
        // The intercept point: a small ring, and a faint tie to the track it meets.
        if (line.intercept) {
          ctx.moveTo(at.x + 5, at.y);
          ctx.arc(at.x, at.y, 5, 0, 2 * Math.PI);
        }
        drawn++;
      }
      ctx.setLineDash(s.dash);
      ctx.lineWidth = s.width;
      ctx.strokeStyle = s.colour;
      ctx.stroke();
    }
    ctx.setLineDash([2, 4]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(126,195,255,0.35)';
    ctx.beginPath();
    for (const line of this.lines) {
      if (!line.intercept || !line.track) continue;
      project.at(line.intercept[0], line.intercept[1]);
      ctx.moveTo(at.x, at.y);
      project.at(line.track[0], line.track[1]);
      ctx.lineTo(at.x, at.y);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    this.linesDrawn = drawn;
  }

  /** The details card in live mode: tracks and units as the live loop knows them. */
  describe(picked: Picked): Details | undefined {
    const replay = this.replay;
    const snapshot = this.snapshot;
    if (!replay) return undefined;
    const t = snapshot?.status.t ?? 0;
    const recs = snapshot?.plan?.recommendations ?? [];
    const engagements = snapshot?.status.engagements ?? [];
    if (picked.kind === 'track' && snapshot) {
      const k = snapshot.tracks.find((x) => x.id === picked.id);
      if (!k) return undefined;
      const base = describeEntity(replay, this.empty, picked, t);
      const threat = recs.find((r) => r.track === k.uid)?.threat;
      const hostile = trackIsHostile(Math.round(k.pDecoy * 100), k.sigmaM);
      return {
        title: k.uid,
        rows: [
          ['identity', hostile ? 'hostile' : 'unknown'],
          ...(base?.rows.filter(([label]) => label === 'speed' || label === 'heading') ?? []),
          ['altitude', `${Math.round(k.u)} m`],
          ['track quality', k.sigmaM > 0 ? `σ ${Math.round(k.sigmaM)} m` : '—'],
          ['decoy probability', `${Math.round(k.pDecoy * 100)}%`],
          ['last report', clockLabel(replay.scenario.startIso, k.lastUpdateS)],
          ...(threat
            ? ([
                ['classified as', threat.type],
                ['aim', `${threat.aim} (${Math.round(threat.aimProbability * 100)}%)`],
                ['time to impact', `${Math.round(threat.timeToImpactS)} s`],
              ] as [string, string][])
            : []),
          [
            'recommended',
            recs
              .filter((r) => r.track === k.uid)
              .map((r) => r.unit)
              .join(', ') || 'no one',
          ],
          [
            'engaged by',
            engagements
              .filter((g) => g.track === k.uid)
              .map((g) => g.unit)
              .join(', ') || 'no one yet',
          ],
        ],
      };
    }
    if (picked.kind === 'unit' && snapshot) {
      const unit = replay.scenario.defenders[picked.id];
      if (!unit) return undefined;
      return {
        title: unit.name,
        rows: [
          ['type', `${unit.kind} (${unit.catalogType})`],
          ['weapons left', `${snapshot.status.stock[unit.name] ?? '—'} of ${unit.stock}`],
          [
            'recommended on',
            recs
              .filter((r) => r.unit === unit.name)
              .map((r) => r.track)
              .join(', ') || 'nothing',
          ],
          [
            'engaging',
            engagements
              .filter((g) => g.unit === unit.name)
              .map((g) => g.track)
              .join(', ') || 'nothing',
          ],
        ],
      };
    }
    return describeEntity(replay, this.empty, picked, t);
  }

  state(): LiveState {
    const s = this.snapshot;
    return {
      seq: s?.plan?.seq ?? -1,
      feed: s?.status.feed ?? '',
      tracks: s?.tracks.length ?? 0,
      recommendations: (s?.plan?.recommendations ?? []).map((r) => ({
        track: r.track,
        unit: r.unit,
        now: r.now,
      })),
      stock: { ...(s?.status.stock ?? {}) },
      engagements: (s?.status.engagements ?? []).map((g) => ({ track: g.track, unit: g.unit })),
      lines: this.linesDrawn,
      polls: this.polls,
    };
  }
}

/** A definition list of label/value rows, the value cells tagged with their label for the tests. */
function setRows(target: HTMLElement, rows: [string, string][]): void {
  if (target.childElementCount !== rows.length * 2) {
    target.replaceChildren(
      ...rows.flatMap(([label]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.dataset.measure = label;
        return [dt, dd];
      }),
    );
  }
  rows.forEach(([label, value], i) => {
    const dt = target.children[2 * i];
    const dd = target.children[2 * i + 1];
    if (dt.textContent !== label) dt.textContent = label;
    if (dd.textContent !== value) dd.textContent = value;
  });
}
