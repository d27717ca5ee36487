// The map: an offline base layer from Natural Earth (world-atlas, bundled), an optional tile
// server, and a canvas over it where the replay's assets, units, threats, tracks, interceptors,
// jets, fire groups and intercept/impact markers are drawn for the current moment.
//
// Drawing is split by how often things change. What moves only with the view or with damage
// (sensor coverage, EW zones, assets, fixed units, their labels) is drawn into a background canvas
// under the entity canvas, redrawn only when the view moves or an asset is hit; each frame redraws
// only what moves, in a handful of batched paths and pre-rendered symbol stamps, without
// allocating per entity. (Chromium rasterises a canvas's drawing when it hands the frame over, so
// every pixel drawn per frame costs: the background is composited, never copied.)

import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { BaseMapDetail } from './base-map.js';
import { CoverageLayer } from './coverage-layer.js';
import { clearToMap, fastProjector, metresPerPixel, type Projector } from './map-canvas.js';
import { PlaceLayer } from './place-layer.js';
import type { Picked } from './entity-details.js';
import { drawLabels, LabelPlacer, type Label } from './label-declutter.js';
import { findId, Pairings } from './pairings.js';
import { countUpTo, EntityPositions, type Replay } from './replay.js';
import { aggregate, AGGREGATE_BELOW_ZOOM, drawAggregate, type Aggregate } from './symbol-aggregation.js';
import { flightSidc, SIDC, stamp, trackIsHostile, unitSidc, type Stamp } from './symbols.js';
import { FireGroupMode, JetMode } from '../model/world.js';

/** Length of the track history drawn behind each threat. */
const TRAIL_S = 120;
/** Track error ellipses are drawn at two sigma (about 86% of the probability mass in 2-D). */
const ELLIPSE_SIGMAS = 2;

export interface DrawStats {
  assets: number;
  /** Defender units drawn (at their bases or, for jets and fire groups, where they are). */
  units: number;
  threats: number;
  flights: number;
  kills: number;
  impacts: number;
  /** Tracks of the picture drawn, and how many with an error ellipse big enough to see. */
  tracks: number;
  ellipses: number;
  /** Jets and fire groups away from their bases now. */
  movingUnits: number;
  /** Sensor footprints drawn (radars, acoustic nodes, observer posts in view); 0 when the layer is off. */
  coverage: number;
  /** Lines from interceptors in flight to the threat or track they are sent after. */
  pairings: number;
  /**
   * Count markers drawn for threats or tracks aggregated at low zoom, and how many threats or tracks
   * they hold (counted in `threats` or `tracks` too: those are everything of the kind in view).
   */
  aggregates: number;
  aggregated: number;
}

/** Optional layers, switched from the console. */
export interface MapLayers {
  /** Radar ranges and horizons, acoustic hearing footprints, observer posts. */
  coverage: boolean;
  /** Error ellipses around tracks. */
  uncertainty: boolean;
}

/** A jet or fire group where it is now, for the browser tests. */
export interface Mover {
  name: string;
  lat: number;
  lon: number;
  mode: number;
}

const noStats = (): DrawStats => ({
  assets: 0,
  units: 0,
  threats: 0,
  flights: 0,
  kills: 0,
  impacts: 0,
  tracks: 0,
  ellipses: 0,
  movingUnits: 0,
  coverage: 0,
  pairings: 0,
  aggregates: 0,
  aggregated: 0,
});

/** What a moving unit is doing, beside its name. */
function modeLabel(kind: string, mode: number): string {
  if (kind === 'jet') {
    if (mode === JetMode.Patrol) return ' · CAP';
    if (mode === JetMode.Intercept) return ' · vectored';
    if (mode === JetMode.Returning) return ' · RTB';
    if (mode === JetMode.Scrambling) return ' · scramble';
    return '';
  }
  return mode === FireGroupMode.Driving ? ' · moving' : '';
}

export class MapView {
  readonly map: L.Map;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** What changes only with the view or with damage: its own canvas, under the entity canvas. */
  private readonly background = document.createElement('canvas');
  private readonly backgroundCtx: CanvasRenderingContext2D;
  private backgroundKey = '';
  private backgroundStats = noStats();
  private viewVersion = 0;
  private tiles: L.TileLayer | undefined;
  readonly places: PlaceLayer;
  /** Rivers, lakes and region borders over the country areas. */
  readonly baseDetail: BaseMapDetail;
  readonly layers: MapLayers = { coverage: false, uncertainty: true };
  private replay: Replay | undefined;
  private coverage: CoverageLayer | undefined;
  private t = 0;
  private readonly threats = new EntityPositions();
  private readonly flights = new EntityPositions();
  private readonly trail = new EntityPositions();
  private readonly tracks = new EntityPositions();
  private readonly units = new EntityPositions();
  private threatStamps: Stamp[] = [];
  private flightStamps: Stamp[] = [];
  private unitStamps: Stamp[] = [];
  /** Air-track symbols of the picture: [unknown, hostile]. */
  private readonly trackStamps = [stamp(SIDC.unknownAirTrack, 14), stamp(SIDC.hostileAirTrack, 14)];
  /** 1 for jets and fire groups: drawn where they are each frame, not in the background. */
  private mobile = new Uint8Array(0);
  /** Kills and misses with a place, in time order: time, place, 1 for a miss. */
  private markT = new Float64Array(0);
  private markLat = new Float64Array(0);
  private markLon = new Float64Array(0);
  private markMiss = new Uint8Array(0);
  private impactT = new Float64Array(0);
  private pairings = new Pairings([]);
  /** Labels placed on the background (assets, fixed units); moving units' labels give way to them. */
  private backgroundLabels = new LabelPlacer();
  /** Every label on the map in the last frame, and how many were left out for overlapping. */
  labels = new LabelPlacer();
  /** Threats (ids) or tracks (ids) drawn as count markers in the last frame, at low zoom. */
  aggregates: (Aggregate & { ids: number[] })[] = [];
  /** Scratch screen positions for the aggregation. */
  private screenX = new Float64Array(0);
  private screenY = new Float64Array(0);
  /** The thing whose details are on show, ringed on the map. */
  selected: Picked | undefined;
  /** Drawn over the entities at the end of every frame (the live console's recommendations). */
  overlay: ((ctx: CanvasRenderingContext2D, project: Projector) => void) | undefined;
  stats: DrawStats = noStats();

  constructor(container: HTMLElement) {
    this.map = L.map(container, {
      preferCanvas: true,
      zoomControl: true,
      attributionControl: true,
      center: [50.45, 30.52],
      zoom: 8,
      minZoom: 3,
      maxZoom: 14,
      zoomSnap: 0.25,
      keyboard: true,
    });
    this.map.attributionControl.setPrefix(false).addAttribution('Natural Earth · GeoNames');
    const placeCanvas = document.createElement('canvas');
    placeCanvas.className = 'place-layer';
    container.appendChild(placeCanvas);
    this.places = new PlaceLayer(this.map, placeCanvas);
    this.baseDetail = new BaseMapDetail(this.map);
    this.background.className = 'background-layer';
    container.appendChild(this.background);
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'entity-layer';
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    this.backgroundCtx = this.background.getContext('2d')!;
    const redraw = () => {
      this.viewVersion++;
      this.draw();
    };
    this.map.on('move zoom resize viewreset', redraw);
    new ResizeObserver(() => {
      this.map.invalidateSize({ pan: false });
      this.places.draw();
      redraw();
    }).observe(container);
    void this.loadBaseLayer();
  }

  /** Natural Earth countries and borders, shipped in the world-atlas package: no network needed. */
  private async loadBaseLayer(): Promise<void> {
    const topology = (await (await fetch(countriesUrl)).json()) as Topology<{
      countries: GeometryCollection;
    }>;
    L.geoJSON(feature(topology, topology.objects.countries), {
      interactive: false,
      style: { color: 'transparent', weight: 0, fillColor: '#1d2633', fillOpacity: 1 },
    }).addTo(this.map);
    L.geoJSON(
      mesh(topology, topology.objects.countries, (a, b) => a !== b),
      {
        interactive: false,
        style: { color: '#6b7a90', weight: 1.2, dashArray: '4 3', opacity: 0.9 },
      },
    ).addTo(this.map);
    L.geoJSON(
      mesh(topology, topology.objects.countries, (a, b) => a === b),
      {
        interactive: false,
        style: { color: '#4c6a8a', weight: 1, opacity: 0.9 },
      },
    ).addTo(this.map);
    this.canvas.dataset.base = 'loaded';
  }

  /** Puts a tile server (URL template with {z}/{x}/{y}) under the overlay, or removes it. */
  setTileServer(template: string | undefined): void {
    this.tiles?.remove();
    this.tiles = undefined;
    if (template) {
      this.tiles = L.tileLayer(template, {
        maxZoom: 18,
        className: 'dark-tiles',
        attribution: 'tiles: your server',
      });
      this.tiles.addTo(this.map);
      this.tiles.bringToBack();
    }
    this.onTileLayer(this.tiles, template);
  }

  /** Told of every tile layer put under the map (undefined when it is removed). */
  onTileLayer: (layer: L.TileLayer | undefined, template: string | undefined) => void = () => {};

  show(replay: Replay): void {
    this.replay = replay;
    this.threatStamps = replay.scenario.threatTypes.map((type) =>
      stamp(
        type.decoy
          ? SIDC.unknownDrone
          : type.kind === 'cruise-missile'
            ? SIDC.hostileMissile
            : SIDC.hostileDrone,
        16,
      ),
    );
    const kinds = replay.bases.map((b) => b.kind);
    this.flightStamps = kinds.map((kind) => stamp(flightSidc(kind), 13));
    this.unitStamps = kinds.map((kind) => stamp(unitSidc(kind), kind === 'jet' ? 16 : 18));
    this.mobile = Uint8Array.from(kinds, (kind) => (kind === 'jet' || kind === 'fire-group' ? 1 : 0));
    this.coverage = new CoverageLayer(replay.scenario);
    this.pairings = new Pairings(replay.events);
    this.selected = undefined;
    const marks: number[] = [];
    const impacts: number[] = [];
    replay.events.forEach((e, i) => {
      if (e.kind === 'impact') impacts.push(e.t);
      if (e.kind !== 'kill' && e.kind !== 'miss') return;
      const place = replay.placeOf(i);
      if (place) marks.push(e.t, place.lat, place.lon, e.kind === 'miss' ? 1 : 0);
    });
    const n = marks.length / 4;
    this.markT = Float64Array.from({ length: n }, (_, k) => marks[4 * k]);
    this.markLat = Float64Array.from({ length: n }, (_, k) => marks[4 * k + 1]);
    this.markLon = Float64Array.from({ length: n }, (_, k) => marks[4 * k + 2]);
    this.markMiss = Uint8Array.from({ length: n }, (_, k) => marks[4 * k + 3]);
    this.impactT = Float64Array.from(impacts);
    this.backgroundKey = '';
    // Frame the defended region — the assets and the units defending them — not the launch points
    // hundreds of kilometres out, which would leave the city a corner of overlapping labels.
    const points: L.LatLngExpression[] = [
      ...replay.assets.map((a) => [a.lat, a.lon] as [number, number]),
      ...replay.bases.map((b) => [b.lat, b.lon] as [number, number]),
    ];
    if (points.length === 0)
      for (const e of replay.events)
        if (e.kind === 'threat-launch') points.push(this.toLatLng(replay, e.e, e.n));
    // No animation: a zoom animation whose transition never ends (a hidden or resized map) would leave
    // Leaflet ignoring every later setView.
    if (points.length > 0)
      this.map.fitBounds(L.latLngBounds(points), { padding: [60, 60], maxZoom: 11, animate: false });
    this.draw();
  }

  setTime(t: number): void {
    this.t = t;
    this.draw();
  }

  /** A new moment of the run on show, of the same scenario (the live picture): view and layers stay. */
  refresh(replay: Replay, t: number): void {
    this.replay = replay;
    this.t = t;
    this.backgroundKey = '';
    this.draw();
  }

  /** Switches an optional layer on or off and redraws. */
  /** Shows or hides the optional layers, and redraws once. */
  setLayers(layers: MapLayers): void {
    Object.assign(this.layers, layers);
    this.draw();
  }

  /** What the coverage layer holds for this run (nothing before a run or without sensors). */
  get coverageCounts() {
    return this.coverage?.counts ?? { radars: 0, acousticNodes: 0, observerPosts: 0 };
  }

  /** Jets and fire groups where they are at the current moment. */
  movers(): Mover[] {
    const replay = this.replay;
    if (!replay) return [];
    replay.unitsAt(this.t, this.units);
    const out: Mover[] = [];
    for (let u = 0; u < this.units.count; u++) {
      if (!this.mobile[u]) continue;
      out.push({
        name: replay.bases[u].name,
        lat: this.units.lat[u],
        lon: this.units.lon[u],
        mode: this.units.tag[u],
      });
    }
    return out;
  }

  flyTo(lat: number, lon: number): void {
    this.map.flyTo([lat, lon], Math.max(this.map.getZoom(), 10), { duration: 0.6 });
  }

  private toLatLng(replay: Replay, e: number, n: number): [number, number] {
    const p = replay.frame.toLatLon(e, n);
    return [p.latDeg, p.lonDeg];
  }

  /**
   * The cached background: sensor coverage (when on), EW zones, assets coloured by damage, the
   * units that never move, and their labels. Its statistics are kept for the frames that copy it.
   */
  private drawBackground(replay: Replay, t: number): void {
    const map = this.map;
    const ctx = this.backgroundCtx;
    const size = clearToMap(map, this.background, ctx);
    const stats = noStats();
    const fast = fastProjector(map);
    const at = fast.point;
    const mpp = metresPerPixel(map);
    if (this.layers.coverage && this.coverage)
      stats.coverage = this.coverage.draw(ctx, fast, mpp, size.x, size.y);

    // Electronic-warfare zones, where satellite-navigated threats may be lost.
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'alphabetic';
    for (const zone of replay.ewZones) {
      fast.at(zone.lat, zone.lon);
      const r = zone.radiusM / mpp;
      ctx.strokeStyle = 'rgba(190,130,255,0.8)';
      ctx.fillStyle = 'rgba(190,130,255,0.08)';
      ctx.beginPath();
      ctx.arc(at.x, at.y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = 'rgba(210,170,255,0.9)';
      ctx.fillText(`EW: ${zone.name}`, at.x - r * 0.7, at.y - r * 0.7);
    }
    ctx.setLineDash([]);

    const labels: Label[] = [];
    // Assets coloured by the share of their value lost so far; a red burst ring per impact.
    const outcome = replay.outcomeAt(t);
    const damage = new Map(outcome.assetsHit.map((a) => [a.name, a]));
    for (const asset of replay.assets) {
      fast.at(asset.lat, asset.lon);
      const x = at.x;
      const y = at.y;
      const hit = damage.get(asset.name);
      const fraction = Math.min(1, hit?.damageFraction ?? 0);
      if (hit) {
        stats.impacts += hit.hits;
        ctx.strokeStyle = 'rgba(255,70,50,0.9)';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(x, y, 11 + Math.min(10, 2 * hit.hits), 0, Math.PI * 2);
        ctx.stroke();
      }
      ctx.fillStyle = damageColour(fraction);
      ctx.strokeStyle = '#0b0f14';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.rect(x - 7, y - 7, 14, 14);
      ctx.fill();
      ctx.stroke();
      const label = fraction > 0 ? `${asset.name} ${Math.round(fraction * 100)}%` : asset.name;
      labels.push({
        text: label,
        x: x + 12,
        y,
        colour: fraction > 0 ? '#ffd2cc' : '#e6edf3',
        rank: asset.value,
      });
      stats.assets++;
    }

    // Units that stay where they are: interceptor-drone teams, guns and SAM batteries.
    replay.bases.forEach((base, u) => {
      if (this.mobile[u]) return;
      const s = this.unitStamps[u];
      fast.at(base.lat, base.lon);
      ctx.drawImage(s.canvas, Math.round(at.x - s.ax), Math.round(at.y - s.ay), s.width, s.height);
      labels.push({ text: base.name, x: at.x + s.width / 2 + 2, y: at.y, colour: '#9ecbff', rank: -1 });
      stats.units++;
    });
    this.backgroundLabels = new LabelPlacer();
    drawLabels(ctx, labels, this.backgroundLabels);
    this.backgroundStats = stats;
  }

  draw(): void {
    const ctx = this.ctx;
    const replay = this.replay;
    const size = clearToMap(this.map, this.canvas, ctx);
    if (!replay) {
      this.stats = noStats();
      return;
    }
    const t = this.t;
    const key = `${this.viewVersion} ${size.x} ${size.y} ${countUpTo(this.impactT, t)} ${this.layers.coverage}`;
    if (key !== this.backgroundKey) {
      this.drawBackground(replay, t);
      this.backgroundKey = key;
    }
    const stats = { ...this.backgroundStats };
    this.aggregates = [];

    const fast = fastProjector(this.map);
    const at = fast.point;
    const mpp = metresPerPixel(this.map);
    const inView = (margin: number) =>
      at.x > -margin && at.y > -margin && at.x < size.x + margin && at.y < size.y + margin;

    // Intercept markers: a green cross for each kill (bright for a minute), grey for each miss.
    const marks = countUpTo(this.markT, t);
    const styles = ['#7dff9b', 'rgba(80,220,120,0.75)', 'rgba(170,170,170,0.7)'];
    ctx.lineWidth = 2;
    for (let style = 0; style < styles.length; style++) {
      ctx.beginPath();
      for (let i = 0; i < marks; i++) {
        const miss = this.markMiss[i] === 1;
        const fresh = t - this.markT[i] < 60;
        if ((miss ? 2 : fresh ? 0 : 1) !== style) continue;
        if (!miss) stats.kills++;
        fast.at(this.markLat[i], this.markLon[i]);
        if (!inView(20)) continue;
        const r = fresh ? 6 : 4;
        ctx.moveTo(at.x - r, at.y - r);
        ctx.lineTo(at.x + r, at.y + r);
        ctx.moveTo(at.x + r, at.y - r);
        ctx.lineTo(at.x - r, at.y + r);
      }
      ctx.strokeStyle = styles[style];
      ctx.stroke();
    }

    // Track history: where each threat in the air was over the last minutes, as a faint line.
    replay.threatsAt(t, this.threats);
    replay.threatsAt(Math.max(0, t - TRAIL_S), this.trail);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0, j = 0; i < this.threats.count && j < this.trail.count;) {
      const a = this.threats.ids[i];
      const b = this.trail.ids[j];
      if (a < b) i++;
      else if (b < a) j++;
      else {
        fast.at(this.trail.lat[j], this.trail.lon[j]);
        ctx.moveTo(at.x, at.y);
        fast.at(this.threats.lat[i], this.threats.lon[i]);
        ctx.lineTo(at.x, at.y);
        i++;
        j++;
      }
    }
    ctx.strokeStyle = 'rgba(255,120,100,0.35)';
    ctx.stroke();

    if (replay.hasTracks) {
      // The truth under the picture: a small dot per threat (red) or decoy (yellow).
      for (let decoy = 0; decoy < 2; decoy++) {
        ctx.beginPath();
        for (let k = 0; k < this.threats.count; k++) {
          if (replay.threatDecoy[this.threats.ids[k]] !== decoy) continue;
          fast.at(this.threats.lat[k], this.threats.lon[k]);
          if (!inView(4)) continue;
          ctx.rect(Math.round(at.x) - 2, Math.round(at.y) - 2, 4, 4);
          stats.threats++;
        }
        ctx.fillStyle = decoy ? 'rgba(255,220,90,0.75)' : 'rgba(255,110,90,0.8)';
        ctx.fill();
      }
      this.drawTracks(replay, t, fast, mpp, inView, stats);
    } else {
      // Perfect sensing: the threats are the picture, drawn in their own symbols (or, zoomed
      // out, many at once as count markers).
      const before = stats.aggregated;
      const shown = this.aggregateInView(
        this.threats,
        fast,
        inView,
        stats,
        (id) => replay.threatDecoy[id] === 0,
      );
      stats.threats += stats.aggregated - before;
      for (const k of shown) {
        fast.at(this.threats.lat[k], this.threats.lon[k]);
        const s = this.threatStamps[replay.threatType[this.threats.ids[k]]];
        ctx.drawImage(s.canvas, Math.round(at.x - s.ax), Math.round(at.y - s.ay), s.width, s.height);
        stats.threats++;
      }
    }

    // Interceptor drones and missiles in flight, in the symbol of what their unit fires, each with
    // a line to what it is sent after (a track, or with perfect sensing the threat itself).
    replay.flightsAt(t, this.flights);
    const targets = replay.hasTracks ? this.tracks : this.threats;
    ctx.beginPath();
    for (let k = 0; k < this.flights.count; k++) {
      const j = findId(targets.ids, targets.count, this.pairings.targetAt(this.flights.ids[k], t));
      if (j < 0) continue;
      fast.at(this.flights.lat[k], this.flights.lon[k]);
      ctx.moveTo(at.x, at.y);
      fast.at(targets.lat[j], targets.lon[j]);
      ctx.lineTo(at.x, at.y);
      stats.pairings++;
    }
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = 'rgba(126,195,255,0.75)';
    ctx.stroke();
    ctx.setLineDash([]);
    for (let k = 0; k < this.flights.count; k++) {
      fast.at(this.flights.lat[k], this.flights.lon[k]);
      if (!inView(20)) continue;
      const s = this.flightStamps[replay.flightUnit[this.flights.ids[k]]];
      ctx.drawImage(s.canvas, Math.round(at.x - s.ax), Math.round(at.y - s.ay), s.width, s.height);
      stats.flights++;
    }

    // Jets and fire groups where they are now, named, with what they are doing.
    replay.unitsAt(t, this.units);
    const labels = this.backgroundLabels.clone();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0,0,0,0.85)';
    ctx.fillStyle = '#9ecbff';
    for (let u = 0; u < this.units.count; u++) {
      if (!this.mobile[u]) continue;
      const base = replay.bases[u];
      const lat = this.units.lat[u];
      const lon = this.units.lon[u];
      if (lat !== base.lat || lon !== base.lon) stats.movingUnits++;
      fast.at(lat, lon);
      stats.units++;
      if (!inView(30)) continue;
      const s = this.unitStamps[u];
      ctx.drawImage(s.canvas, Math.round(at.x - s.ax), Math.round(at.y - s.ay), s.width, s.height);
      const text = base.name + modeLabel(base.kind, this.units.tag[u]);
      const x = at.x + s.width / 2 + 2;
      if (!labels.take(text, [x, at.y - 7, x + ctx.measureText(text).width, at.y + 7])) continue;
      ctx.strokeText(text, x, at.y);
      ctx.fillText(text, x, at.y);
    }
    this.labels = labels;
    this.overlay?.(ctx, fast);
    this.drawSelection(replay, fast);
    this.stats = stats;
  }

  /**
   * The entities in view that are drawn on their own (indices into `p`); zoomed out, the rest are
   * drawn here as count markers, one per crowded cell of the screen grid.
   */
  private aggregateInView(
    p: EntityPositions,
    fast: Projector,
    inView: (margin: number) => boolean,
    stats: DrawStats,
    hostile: (id: number, k: number) => boolean,
  ): number[] {
    const at = fast.point;
    const index: number[] = [];
    if (this.screenX.length < p.count) {
      this.screenX = new Float64Array(p.count * 2);
      this.screenY = new Float64Array(p.count * 2);
    }
    for (let k = 0; k < p.count; k++) {
      fast.at(p.lat[k], p.lon[k]);
      if (!inView(20)) continue;
      this.screenX[index.length] = at.x;
      this.screenY[index.length] = at.y;
      index.push(k);
    }
    if (this.map.getZoom() >= AGGREGATE_BELOW_ZOOM) return index;
    const { aggregates, singles } = aggregate(this.screenX, this.screenY, index.length);
    for (const a of aggregates) {
      const members = a.members.map((m) => index[m]);
      drawAggregate(
        this.ctx,
        a,
        members.some((k) => hostile(p.ids[k], k)),
      );
      this.aggregates.push({ ...a, members, ids: members.map((k) => p.ids[k]) });
      stats.aggregates++;
      stats.aggregated += a.count;
    }
    return singles.map((m) => index[m]);
  }

  /** Where a picked thing is now, if it is on the map at this moment. */
  locate(picked: Picked): { lat: number; lon: number } | undefined {
    const replay = this.replay;
    if (!replay) return undefined;
    const find = (p: EntityPositions, id: number) => {
      const k = findId(p.ids, p.count, id);
      return k < 0 ? undefined : { lat: p.lat[k], lon: p.lon[k] };
    };
    switch (picked.kind) {
      case 'threat':
        return find(this.threats, picked.id);
      case 'track':
        return find(this.tracks, picked.id);
      case 'flight':
        return find(this.flights, picked.id);
      case 'unit':
        return picked.id < this.units.count
          ? { lat: this.units.lat[picked.id], lon: this.units.lon[picked.id] }
          : undefined;
      case 'asset':
        return replay.assets[picked.id];
    }
  }

  /** A ring around the thing whose details are on show. */
  private drawSelection(replay: Replay, fast: Projector): void {
    const place = this.selected && this.locate(this.selected);
    if (!place) return;
    fast.at(place.lat, place.lon);
    const ctx = this.ctx;
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(fast.point.x, fast.point.y, 14, 0, 2 * Math.PI);
    ctx.stroke();
  }

  /**
   * The thing drawn nearest a point of the map (container pixels), within `radius` pixels: a
   * threat or track, an interceptor, a unit or an asset, as drawn at the current moment.
   */
  pick(x: number, y: number, radius = 14): Picked | undefined {
    const replay = this.replay;
    if (!replay) return undefined;
    const fast = fastProjector(this.map);
    let best: Picked | undefined;
    let bestD = radius * radius;
    const consider = (kind: Picked['kind'], id: number, lat: number, lon: number) => {
      fast.at(lat, lon);
      const d = (fast.point.x - x) ** 2 + (fast.point.y - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = { kind, id };
      }
    };
    replay.assets.forEach((a, i) => consider('asset', i, a.lat, a.lon));
    for (let u = 0; u < this.units.count; u++) consider('unit', u, this.units.lat[u], this.units.lon[u]);
    const moving: [Picked['kind'], EntityPositions][] = [
      ['threat', this.threats],
      ['flight', this.flights],
    ];
    if (replay.hasTracks) moving.push(['track', this.tracks]);
    for (const [kind, p] of moving)
      for (let k = 0; k < p.count; k++) consider(kind, p.ids[k], p.lat[k], p.lon[k]);
    return best;
  }

  /** Ids of the threats (or tracks) in the air at the current moment, for the browser tests. */
  inAir(kind: 'threat' | 'track'): number[] {
    const p = kind === 'threat' ? this.threats : this.tracks;
    return Array.from(p.ids.subarray(0, p.count));
  }

  /** Screen position (container pixels) of a picked thing now, for the browser tests. */
  screenOf(picked: Picked): { x: number; y: number } | undefined {
    const place = this.locate(picked);
    if (!place) return undefined;
    const p = this.map.latLngToContainerPoint([place.lat, place.lon]);
    return { x: p.x, y: p.y };
  }

  /**
   * The track picture: a 2-sigma error ellipse (the tracker's horizontal covariance, which the
   * track table keeps as one sigma for both axes, so a circle) and an air-track symbol, hostile
   * in red or unknown in yellow, per confirmed track. Ellipses are batched in two paths.
   */
  private drawTracks(
    replay: Replay,
    t: number,
    fast: Projector,
    mpp: number,
    inView: (margin: number) => boolean,
    stats: DrawStats,
  ): void {
    const ctx = this.ctx;
    const at = fast.point;
    const tracks = this.tracks;
    replay.tracksAt(t, tracks);
    if (this.layers.uncertainty) {
      ctx.lineWidth = 1;
      for (let hostile = 0; hostile < 2; hostile++) {
        ctx.beginPath();
        for (let k = 0; k < tracks.count; k++) {
          if (+trackIsHostile(tracks.tag[k], tracks.sigma[k]) !== hostile) continue;
          const r = (ELLIPSE_SIGMAS * tracks.sigma[k]) / mpp;
          fast.at(tracks.lat[k], tracks.lon[k]);
          if (r < 3 || !inView(r)) continue;
          ctx.moveTo(at.x + r, at.y);
          ctx.ellipse(at.x, at.y, r, r, 0, 0, 2 * Math.PI);
          stats.ellipses++;
        }
        ctx.fillStyle = hostile ? 'rgba(255,90,78,0.08)' : 'rgba(255,220,90,0.07)';
        ctx.strokeStyle = hostile ? 'rgba(255,110,95,0.85)' : 'rgba(255,225,110,0.8)';
        ctx.fill();
        ctx.stroke();
      }
    }
    const before = stats.aggregated;
    const shown = this.aggregateInView(tracks, fast, inView, stats, (_, k) =>
      trackIsHostile(tracks.tag[k], tracks.sigma[k]),
    );
    stats.tracks += stats.aggregated - before;
    for (const k of shown) {
      fast.at(tracks.lat[k], tracks.lon[k]);
      const s = this.trackStamps[+trackIsHostile(tracks.tag[k], tracks.sigma[k])];
      ctx.drawImage(s.canvas, Math.round(at.x - s.ax), Math.round(at.y - s.ay), s.width, s.height);
      stats.tracks++;
    }
  }
}

/** Green when intact, through amber, to red when all its value is lost. */
export function damageColour(fraction: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const hue = 130 * (1 - f);
  return `hsl(${hue.toFixed(0)}, 80%, ${f > 0 ? 50 : 42}%)`;
}
