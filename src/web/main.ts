// The console's controller: scenario picker and run button, the replay clock (play, pause, speed,
// scrub), the map, the event feed and the outcome panel, the URL that shares a view, and the keys.

import './style.css';
import { BatchView } from './batch-view.js';
import { DetailsCard } from './details-card.js';
import { describeEntity, type Picked } from './entity-details.js';
import { CampaignView } from './campaign-view.js';
import { EventFeed } from './event-feed.js';
import { GeodataExport } from './geodata-export.js';
import { LiveView } from './live-view.js';
import { setIcon } from './icons.js';
import { renderLegend } from './map-legend.js';
import { MapView } from './map-view.js';
import { MapTools } from './map-tools.js';
import { TimeTicks } from './time-ticks.js';
import { Pairings } from './pairings.js';
import { renderOutcome } from './outcome-panel.js';
import { ProvenancePanel } from './provenance-panel.js';
import { Replay } from './replay.js';
import type { RunReply } from './run-messages.js';
import { clockLabel } from './scenario-clock.js';
import { DEFAULT_SCENARIO_ID, SAMPLE_EVERY_S, ScenarioSource } from './source.js';
import type { Outcome } from '../model/outcome.js';
import { formatIssue } from '../scenario/issue.js';
import { ScenarioEditor } from './scenario-editor.js';
import { readShareLink } from './share-link.js';
import { SitingView } from './siting-view.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  scenario: $<HTMLSelectElement>('scenario'),
  seed: $<HTMLInputElement>('seed'),
  where: $<HTMLSelectElement>('run-where'),
  stored: $<HTMLSelectElement>('stored-runs'),
  run: $<HTMLButtonElement>('run'),
  status: $<HTMLSpanElement>('status'),
  measures: $<HTMLElement>('measures'),
  events: $<HTMLOListElement>('events'),
  filter: $<HTMLSelectElement>('event-filter'),
  tiles: $<HTMLInputElement>('tiles'),
  play: $<HTMLButtonElement>('play'),
  speed: $<HTMLSelectElement>('speed'),
  scrub: $<HTMLInputElement>('scrub'),
  clock: $<HTMLOutputElement>('clock'),
  coverage: $<HTMLInputElement>('layer-coverage'),
  uncertainty: $<HTMLInputElement>('layer-uncertainty'),
};

const params = new URLSearchParams(location.search);
const source = new ScenarioSource(params.get('token') ?? undefined);
const mapView = new MapView($('map'));
const tools = new MapTools(mapView.map);
mapView.onTileLayer = (layer, template) => tools.watchTiles(layer, template);
tools.onRingsChange = () => updateUrl();
const ticks = new TimeTicks(ui.scrub);
let replay: Replay | undefined;
let t = 0;
let playing = false;
let lastFrame = 0;
let lastPanel = -1;
let lastOutcome = -1;
let panelOutcome: Outcome | undefined;
let lastFeed = -1;
let runs = 0;
let ready = false;
/** The stored run on show, when one was opened rather than run here. */
let storedRun: string | undefined;
const frameTimes: number[] = [];
const frameWork: number[] = [];
let recordFrames = false;

/** The live mode (`?live`, as `bulwark live --http` serves the console): the live picture, not a run. */
let live: LiveView | undefined;

// Details of what is under the pointer, or of what was clicked, followed as time moves.
let pairings = new Pairings([]);
const details = new DetailsCard(
  $('map'),
  (picked) =>
    live ? live.describe(picked) : replay ? describeEntity(replay, pairings, picked, t) : undefined,
  (picked) => {
    mapView.selected = picked;
    mapView.draw();
  },
);
mapView.map.on('click', (e) => {
  if (!tools.measuring) details.pin(mapView.pick(e.containerPoint.x, e.containerPoint.y));
});
mapView.map.on('mousemove', (e) => {
  const picked = mapView.pick(e.containerPoint.x, e.containerPoint.y);
  $('map').classList.toggle('over-entity', picked !== undefined);
  details.hover(picked);
});

const feed = new EventFeed(ui.events, (index) => jumpToEvent(index));
const batches = new BatchView($<HTMLDialogElement>('batches'), () => source.headers());
$<HTMLButtonElement>('open-batches').addEventListener('click', () => void batches.open());
const campaigns = new CampaignView($<HTMLDialogElement>('campaigns'), (json) => source.headers(json));
$<HTMLButtonElement>('open-campaigns').addEventListener('click', () => void campaigns.open());
const figures = new ProvenancePanel($('figures-panel'));
const geodata = new GeodataExport(ui.status);
const siting = new SitingView(
  mapView.map,
  $('map'),
  $<HTMLSelectElement>('siting-list'),
  $('siting-panel'),
  () => source.headers(),
  (id) => {
    ui.scenario.value = id;
    void run().then(() => siting.frame());
  },
  () => updateUrl(),
);
$('legend-panel').addEventListener('toggle', () => {
  if ($('legend').childElementCount === 0) renderLegend($('legend'));
});
const editor = new ScenarioEditor(ui.run, {
  currentText: () => source.text(ui.scenario.value),
  seed: () => (ui.seed.value === '' ? undefined : Number(ui.seed.value)),
  run: (text, file, seed) =>
    load(`running ${file}…`, undefined, () =>
      source.runInBrowser({ text, file, seed, sampleEveryS: SAMPLE_EVERY_S }),
    ),
});

function setStatus(text: string, error = false): void {
  ui.status.textContent = text;
  ui.status.className = error ? 'error' : '';
}

function updateUrl(): void {
  if (live) return;
  const url = new URL(location.href);
  if (storedRun) url.searchParams.set('run', storedRun);
  else url.searchParams.delete('run');
  url.searchParams.set('scenario', ui.scenario.value);
  if (ui.seed.value !== '') url.searchParams.set('seed', ui.seed.value);
  else url.searchParams.delete('seed');
  if (replay) url.searchParams.set('t', String(Math.round(t)));
  url.searchParams.set('speed', ui.speed.value);
  if (ui.tiles.value) url.searchParams.set('tiles', ui.tiles.value);
  else url.searchParams.delete('tiles');
  if (siting.id) url.searchParams.set('siting', siting.id);
  else url.searchParams.delete('siting');
  const layers = mapLayerParam();
  if (layers) url.searchParams.set('layers', layers);
  else url.searchParams.delete('layers');
  history.replaceState(null, '', url);
}

function render(): void {
  if (!replay) return;
  mapView.setTime(t);
  // The clock, the time bar, the feed and the panel are text and form controls: a few updates a
  // second are enough while playing, and each one costs the page a layout and a paint.
  const now = performance.now();
  if (!playing || now - lastFeed > 125) {
    lastFeed = now;
    ui.clock.value = clockLabel(replay.scenario.startIso, t);
    if (document.activeElement !== ui.scrub || !playing) ui.scrub.value = String(Math.round(t));
    feed.setTime(t);
  }
  if (!playing || now - lastPanel > 250) {
    lastPanel = now;
    // The outcome so far sums every event up to now (tens of thousands on a record night): once a
    // second is enough while playing; what is in the air is a lookup, fresh each time.
    if (!playing || !panelOutcome || now - lastOutcome > 1000) {
      lastOutcome = now;
      panelOutcome = replay.outcomeAt(t);
    }
    renderOutcome(ui.measures, panelOutcome, replay.airborneAt(t));
    details.refresh();
  }
}

function setTime(next: number): void {
  if (!replay) return;
  t = Math.max(0, Math.min(replay.endS, next));
  render();
}

function setPlaying(on: boolean): void {
  playing = on && replay !== undefined;
  setIcon(ui.play, playing ? 'pause' : 'play');
  ui.play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
  if (playing) {
    if (replay && t >= replay.endS) t = 0;
    lastFrame = performance.now();
    requestAnimationFrame(tick);
  } else updateUrl();
}

function tick(now: number): void {
  if (!playing || !replay) return;
  const dt = Math.min(0.25, (now - lastFrame) / 1000);
  const interval = now - lastFrame;
  lastFrame = now;
  const started = performance.now();
  setTime(t + dt * Number(ui.speed.value));
  if (recordFrames) {
    frameTimes.push(interval);
    frameWork.push(performance.now() - started);
  }
  if (t >= replay.endS) setPlaying(false);
  else requestAnimationFrame(tick);
}

function jumpToEvent(index: number): void {
  if (!replay) return;
  setPlaying(false);
  setTime(replay.events[index].t);
  const place = replay.placeOf(index);
  if (place) mapView.flyTo(place.lat, place.lon);
  updateUrl();
}

async function run(startAt?: number): Promise<void> {
  const id = ui.scenario.value;
  const seed = ui.seed.value === '' ? undefined : Number(ui.seed.value);
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    setStatus('Seed: a whole number from 0 up', true);
    return;
  }
  storedRun = undefined;
  ui.stored.value = '';
  const onServer = ui.where.value === 'server' && source.server;
  await load(`running ${id}…`, startAt, async () =>
    onServer
      ? source.runOnServer(id, seed)
      : source.runInBrowser({ text: await source.text(id), file: id, seed, sampleEveryS: SAMPLE_EVERY_S }),
  );
  if (onServer) await refreshStoredRuns();
}

async function openStored(id: string, startAt?: number): Promise<void> {
  storedRun = id;
  if ([...ui.stored.options].some((o) => o.value === id)) ui.stored.value = id;
  await load(`opening run ${id}…`, startAt, () => source.openStoredRun(id));
}

/** Gets a run (simulated here or on the server, or stored) and shows it from `startAt`. */
async function load(what: string, startAt: number | undefined, get: () => Promise<RunReply>): Promise<void> {
  setPlaying(false);
  ui.run.disabled = true;
  setStatus(what);
  const started = performance.now();
  try {
    const reply = await get();
    if (!reply.ok) {
      setStatus(reply.issues?.map(formatIssue).join('\n') || reply.error || 'the run failed', true);
      return;
    }
    storedRun = reply.runId;
    replay = new Replay(reply.scenario, reply.log);
    panelOutcome = undefined;
    pairings = new Pairings(replay.events);
    details.pin(undefined);
    if (ui.seed.value === '' || storedRun) ui.seed.value = String(reply.log.seed);
    // A stored run names the scenario file it was made from: the picker shows that one.
    if (reply.source && [...ui.scenario.options].some((o) => o.value === reply.source))
      ui.scenario.value = reply.source;
    ui.scrub.max = String(Math.ceil(replay.endS));
    mapView.show(replay);
    tools.show(reply.scenario);
    ticks.show(replay.events, replay.endS);
    figures.show(reply.scenario);
    geodata.show(reply.scenario, reply.log);
    feed.show(replay, ui.filter.value as 'key' | 'all');
    runs++;
    const o = reply.outcome;
    setStatus(
      `${reply.scenario.name}, seed ${reply.log.seed}: ${o.threatsLaunched} threats, ${o.destroyed} destroyed, ` +
        `${o.leaked} leaked · ${Math.round(performance.now() - started)} ms`,
    );
    setTime(startAt ?? 0);
    updateUrl();
  } catch (e) {
    setStatus(String((e as Error).message ?? e), true);
  } finally {
    ui.run.disabled = false;
  }
}

async function refreshStoredRuns(): Promise<void> {
  const stored = await source.storedRuns();
  const keep = storedRun ?? '';
  ui.stored.replaceChildren(new Option('—', ''));
  for (const r of stored) {
    const h = r.header;
    const option = new Option(h ? `${h.scenario}, seed ${h.seed}` : r.id, r.id);
    option.title = r.id;
    ui.stored.add(option);
  }
  ui.stored.value = stored.some((r) => r.id === keep) ? keep : '';
}

ui.run.addEventListener('click', () => void run());
ui.stored.addEventListener('change', () => {
  if (ui.stored.value) void openStored(ui.stored.value);
});
ui.play.addEventListener('click', () => setPlaying(!playing));
ui.scrub.addEventListener('input', () => setTime(Number(ui.scrub.value)));
ui.scrub.addEventListener('change', updateUrl);
ui.speed.addEventListener('change', updateUrl);
ui.filter.addEventListener('change', () => {
  if (!replay) return;
  feed.show(replay, ui.filter.value as 'key' | 'all');
  feed.setTime(t);
});
ui.tiles.addEventListener('change', () => {
  mapView.setTileServer(ui.tiles.value.trim() || undefined);
  updateUrl();
});

// Optional map layers: a checkbox each, a key each, and `layers=coverage,-ellipses` in the URL.
function mapLayerParam(): string {
  return [
    ui.coverage.checked ? 'coverage' : '',
    ui.uncertainty.checked ? '' : '-ellipses',
    tools.ringsOn ? 'ranges' : '',
  ]
    .filter(Boolean)
    .join(',');
}
function applyLayers(): void {
  mapView.setLayers({ coverage: ui.coverage.checked, uncertainty: ui.uncertainty.checked });
}
function syncLayers(): void {
  applyLayers();
  updateUrl();
}
ui.coverage.addEventListener('change', syncLayers);
ui.uncertainty.addEventListener('change', syncLayers);

const SPEEDS = [...ui.speed.options].map((o) => o.value);
function changeSpeed(step: number): void {
  const i = Math.max(0, Math.min(SPEEDS.length - 1, SPEEDS.indexOf(ui.speed.value) + step));
  ui.speed.value = SPEEDS[i];
  updateUrl();
}

document.addEventListener('keydown', (e) => {
  if (live) {
    if (e.key === 'Escape') details.pin(undefined);
    return;
  }
  const target = e.target as HTMLElement;
  const typing = target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range';
  if (typing || target.tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
  if ($<HTMLDialogElement>('batches').open || $<HTMLDialogElement>('campaigns').open) return;
  const big = e.shiftKey ? 60 : 10;
  switch (e.key) {
    case ' ':
      if (target.tagName === 'BUTTON' && target !== ui.play) return;
      e.preventDefault();
      setPlaying(!playing);
      break;
    case 'ArrowRight':
    case 'ArrowLeft':
      if (target.closest('#map')) return;
      e.preventDefault();
      setTime(t + (e.key === 'ArrowRight' ? big : -big));
      break;
    case 'Home':
      setTime(0);
      break;
    case 'End':
      if (replay) setTime(replay.endS);
      break;
    case '[':
      changeSpeed(-1);
      break;
    case ']':
      changeSpeed(1);
      break;
    case 'n':
    case 'p': {
      const index = feed.step(e.key === 'n' ? 1 : -1);
      if (index !== undefined) jumpToEvent(index);
      break;
    }
    case 'r':
      void run();
      break;
    case 'Escape':
      details.pin(undefined);
      tools.setMeasuring(false);
      break;
    case 'g':
      tools.setRings(!tools.ringsOn);
      updateUrl();
      break;
    case 'm':
      tools.setMeasuring(!tools.measuring);
      break;
    case 'b':
      void batches.open();
      break;
    case 'c':
      void campaigns.open();
      break;
    case 's':
    case 'e': {
      const box = e.key === 's' ? ui.coverage : ui.uncertainty;
      box.checked = !box.checked;
      syncLayers();
      break;
    }
  }
});

/** A small window into the console for the browser tests and the replay benchmark. */
declare global {
  interface Window {
    bulwark: unknown;
  }
}
window.bulwark = {
  state: () => {
    const c = mapView.map.getCenter();
    return {
      ready,
      runs,
      t,
      endS: replay?.endS ?? 0,
      playing,
      places: mapView.places.count,
      baseLayer: $('map').querySelector('.entity-layer')?.getAttribute('data-base') === 'loaded',
      center: { lat: c.lat, lon: c.lng },
      zoom: mapView.map.getZoom(),
      drawn: { ...mapView.stats },
      layers: { ...mapView.layers },
      coverage: mapView.coverageCounts,
      movers: mapView.movers(),
      baseMap: { ...mapView.baseDetail.counts },
      rings: tools.ringsDrawn.map((r) => ({ ...r })),
      measurement: { ...tools.measurement, points: tools.measurement.points.map((p) => ({ ...p })) },
      tiles: tools.tiles,
      aggregates: mapView.aggregates.map(({ x, y, column, row, count, ids }) => ({
        x,
        y,
        column,
        row,
        count,
        ids,
      })),
      ticks: ticks.counts,
      labels: { placed: mapView.labels.placed.map((p) => ({ ...p })), hidden: mapView.labels.hidden },
      live: live?.state(),
    };
  },
  setTime: (s: number) => setTime(s),
  /** The siting result on show and what of it is drawn. */
  siting: () => siting.state(),
  /** Where a latitude/longitude is on the screen now (container pixels). */
  project: (lat: number, lon: number) => {
    const p = mapView.map.latLngToContainerPoint([lat, lon]);
    return { x: p.x, y: p.y };
  },
  /** Where a threat, track, flight, unit or asset is on the screen now (container pixels). */
  screenOf: (kind: Picked['kind'], id: number) => mapView.screenOf({ kind, id }),
  /** Threats (or tracks) in the air now, by id. */
  inAir: (kind: 'threat' | 'track') => mapView.inAir(kind),
  /** Centres the map on a threat, track, flight, unit or asset where it is now. */
  centreOn: (kind: Picked['kind'], id: number) => {
    const place = mapView.locate({ kind, id });
    if (place) mapView.map.setView([place.lat, place.lon], mapView.map.getZoom(), { animate: false });
  },
  /** Flights in the air now, and what each is sent after. */
  pairings: () => (replay ? replay.flightsInAir(t).map((f) => [f, pairings.targetAt(f, t)]) : []),
  view: (lat: number, lon: number, zoom: number) => mapView.map.setView([lat, lon], zoom, { animate: false }),
  play: (on: boolean) => setPlaying(on),
  /** Over the next `frames` animation frames while playing: time between frames and time spent drawing, ms. */
  measureFrames: (frames: number) =>
    new Promise<{ intervals: number[]; work: number[] }>((resolve) => {
      frameTimes.length = 0;
      frameWork.length = 0;
      recordFrames = true;
      const check = () => {
        if (frameTimes.length >= frames || !playing) {
          recordFrames = false;
          resolve({ intervals: frameTimes.slice(1), work: frameWork.slice(1) });
        } else setTimeout(check, 50);
      };
      check();
    }),
};

/** Live mode: the run and replay controls go, the live panel and the operator's buttons come. */
async function bootLive(): Promise<void> {
  const hide = [
    ...['scenario', 'seed', 'run-where', 'stored-runs', 'speed'].map((id) => $(id).closest('label')!),
    ...['run', 'open-batches', 'open-campaigns', 'play', 'scrub'].map((id) => $(id)),
    $('measures').closest('section')!,
    ui.events.closest('section')!,
    document.querySelector<HTMLElement>('.timebar .keys')!,
    // Run downloads and siting results belong to runs, not to the live picture.
    ...[
      $('siting-list').closest('label') ?? $('siting-list'),
      document.querySelector<HTMLElement>('.geodata-export'),
    ].filter((e): e is HTMLElement => e !== null),
  ];
  live = new LiveView(
    mapView,
    details,
    { side: document.querySelector<HTMLElement>('aside.side')!, clock: ui.clock, hide },
    setStatus,
    params.get('token') ?? undefined,
  );
  ready = true;
  await live.start();
}

async function boot(): Promise<void> {
  const layers = (params.get('layers') ?? '').split(',');
  ui.coverage.checked = layers.includes('coverage');
  ui.uncertainty.checked = !layers.includes('-ellipses');
  tools.setRings(layers.includes('ranges'));
  applyLayers();
  const tiles = params.get('tiles');
  if (tiles) {
    ui.tiles.value = tiles;
    mapView.setTileServer(tiles);
  }
  if (params.has('live')) return bootLive();
  const choices = await source.list();
  for (const c of choices) ui.scenario.add(new Option(`${c.name} (${c.id})`, c.id));
  const wanted = params.get('scenario');
  ui.scenario.value = choices.some((c) => c.id === wanted)
    ? wanted!
    : choices.some((c) => c.id === DEFAULT_SCENARIO_ID)
      ? DEFAULT_SCENARIO_ID
      : (choices[0]?.id ?? '');
  if (params.get('seed')) ui.seed.value = params.get('seed')!;
  if (params.get('speed') && SPEEDS.includes(params.get('speed')!)) ui.speed.value = params.get('speed')!;
  if (!source.server) ui.where.querySelector<HTMLOptionElement>('option[value=server]')!.disabled = true;
  else if (params.get('where') === 'server') ui.where.value = 'server';
  ready = true;
  setStatus(source.server ? 'connected to the server' : 'offline: bundled scenarios, runs in this browser');
  await refreshStoredRuns();
  if (source.server) await siting.refreshList();
  else $<HTMLSelectElement>('siting-list').disabled = true;
  // A shared link names a stored run or a scenario: show it straight away, at the moment it was shared.
  const at = params.get('t') ? Number(params.get('t')) : undefined;
  const stored = params.get('run');
  // A link from the scenario editor carries the scenario itself, and its seed, in the fragment.
  const shared = await readShareLink(location.hash).catch(() => {
    setStatus('this link carries a damaged scenario', true);
    return undefined;
  });
  if (shared) {
    if (shared.seed !== undefined) ui.seed.value = String(shared.seed);
    await editor.open(shared.text);
    await editor.runShared();
  } else if (stored && source.server) await openStored(stored, at);
  else if (wanted) await run(at);
  // A siting in the link is drawn over whatever run it names, framed on the layouts.
  const sited = params.get('siting');
  if (sited && source.server) await siting.open(sited);
}

void boot();
