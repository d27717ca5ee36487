// The map: an offline base layer from Natural Earth (world-atlas, bundled), an optional tile
// server, and a canvas over it where the replay's assets, units, threats, interceptors and
// intercept/impact markers are drawn for the current moment.

import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { clearToMap, fastProjector } from './map-canvas.js';
import { PlaceLayer } from './place-layer.js';
import { EntityPositions, type Replay } from './replay.js';
import { SIDC, stamp, type Stamp } from './symbols.js';

/** Length of the track history drawn behind each threat. */
const TRAIL_S = 120;

export interface DrawStats {
  assets: number;
  units: number;
  threats: number;
  flights: number;
  kills: number;
  impacts: number;
}

export class MapView {
  readonly map: L.Map;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private tiles: L.TileLayer | undefined;
  readonly places: PlaceLayer;
  private replay: Replay | undefined;
  private t = 0;
  private readonly threats = new EntityPositions();
  private readonly flights = new EntityPositions();
  private readonly trail = new EntityPositions();
  private threatStamps: Stamp[] = [];
  stats: DrawStats = { assets: 0, units: 0, threats: 0, flights: 0, kills: 0, impacts: 0 };

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
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'entity-layer';
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    const redraw = () => this.draw();
    this.map.on('move zoom resize viewreset', redraw);
    new ResizeObserver(() => {
      this.map.invalidateSize({ pan: false });
      this.places.draw();
      this.draw();
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
  }

  show(replay: Replay): void {
    this.replay = replay;
    this.threatStamps = replay.scenario.threatTypes.map((type) =>
      stamp(
        type.decoy ? SIDC.unknownDrone : type.speedMps > 150 ? SIDC.hostileMissile : SIDC.hostileDrone,
        16,
      ),
    );
    const points: L.LatLngExpression[] = [
      ...replay.assets.map((a) => [a.lat, a.lon] as [number, number]),
      ...replay.bases.map((b) => [b.lat, b.lon] as [number, number]),
    ];
    for (const e of replay.events)
      if (e.kind === 'threat-launch') points.push(this.toLatLng(replay, e.e, e.n));
    if (points.length > 0) this.map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 11 });
    this.draw();
  }

  setTime(t: number): void {
    this.t = t;
    this.draw();
  }

  flyTo(lat: number, lon: number): void {
    this.map.flyTo([lat, lon], Math.max(this.map.getZoom(), 10), { duration: 0.6 });
  }

  private toLatLng(replay: Replay, e: number, n: number): [number, number] {
    const p = replay.frame.toLatLon(e, n);
    return [p.latDeg, p.lonDeg];
  }

  draw(): void {
    const ctx = this.ctx;
    const size = clearToMap(this.map, this.canvas, ctx);
    const replay = this.replay;
    const stats: DrawStats = { assets: 0, units: 0, threats: 0, flights: 0, kills: 0, impacts: 0 };
    if (!replay) {
      this.stats = stats;
      return;
    }
    const map = this.map;
    const t = this.t;
    const project = (lat: number, lon: number) => map.latLngToContainerPoint([lat, lon]);
    const outcome = replay.outcomeAt(t);
    const damage = new Map(outcome.assetsHit.map((a) => [a.name, a]));

    // Electronic-warfare zones, where satellite-navigated threats may be lost.
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.font = '11px system-ui, sans-serif';
    for (const zone of replay.ewZones) {
      const c = project(zone.lat, zone.lon);
      const metresPerPixel =
        (40_075_016.686 * Math.cos((zone.lat * Math.PI) / 180)) / (256 * Math.pow(2, map.getZoom()));
      const r = zone.radiusM / metresPerPixel;
      ctx.strokeStyle = 'rgba(190,130,255,0.8)';
      ctx.fillStyle = 'rgba(190,130,255,0.08)';
      ctx.beginPath();
      ctx.arc(c.x, c.y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = 'rgba(210,170,255,0.9)';
      ctx.fillText(`EW: ${zone.name}`, c.x - r * 0.7, c.y - r * 0.7);
    }
    ctx.setLineDash([]);

    // Intercept markers: a green cross for each kill (bright for a minute), grey for each miss.
    const fast = fastProjector(map);
    const at = fast.point;
    const inView = () => at.x > -20 && at.y > -20 && at.x < size.x + 20 && at.y < size.y + 20;
    const count = replay.eventCountAt(t);
    const styles = ['#7dff9b', 'rgba(80,220,120,0.75)', 'rgba(170,170,170,0.7)'];
    ctx.lineWidth = 2;
    for (let style = 0; style < styles.length; style++) {
      ctx.beginPath();
      for (let i = 0; i < count; i++) {
        const e = replay.events[i];
        if (e.kind !== 'kill' && e.kind !== 'miss') continue;
        const fresh = t - e.t < 60;
        if ((e.kind === 'miss' ? 2 : fresh ? 0 : 1) !== style) continue;
        const place = replay.placeOf(i);
        if (!place) continue;
        if (e.kind === 'kill') stats.kills++;
        fast.at(place.lat, place.lon);
        if (!inView()) continue;
        const r = fresh ? 6 : 4;
        ctx.moveTo(at.x - r, at.y - r);
        ctx.lineTo(at.x + r, at.y + r);
        ctx.moveTo(at.x + r, at.y - r);
        ctx.lineTo(at.x - r, at.y + r);
      }
      ctx.strokeStyle = styles[style];
      ctx.stroke();
    }

    const labels: Label[] = [];
    // Assets coloured by the share of their value lost so far; a red burst ring per impact.
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const asset of replay.assets) {
      const p = project(asset.lat, asset.lon);
      const hit = damage.get(asset.name);
      const fraction = Math.min(1, hit?.damageFraction ?? 0);
      if (hit) {
        stats.impacts += hit.hits;
        ctx.strokeStyle = 'rgba(255,70,50,0.9)';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(p.x, p.y, 11 + Math.min(10, 2 * hit.hits), 0, Math.PI * 2);
        ctx.stroke();
      }
      ctx.fillStyle = damageColour(fraction);
      ctx.strokeStyle = '#0b0f14';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.rect(p.x - 7, p.y - 7, 14, 14);
      ctx.fill();
      ctx.stroke();
      const label = fraction > 0 ? `${asset.name} ${Math.round(fraction * 100)}%` : asset.name;
      labels.push({
        text: label,
        x: p.x + 12,
        y: p.y,
        colour: fraction > 0 ? '#ffd2cc' : '#e6edf3',
        rank: asset.value,
      });
      stats.assets++;
    }

    // Defender units at their bases: friendly air-defense unit symbols with their names.
    for (const base of replay.bases) {
      const s = stamp(SIDC.friendlyAirDefenseUnit, 18);
      const p = project(base.lat, base.lon);
      ctx.drawImage(s.canvas, p.x - s.ax, p.y - s.ay, s.width, s.height);
      labels.push({ text: base.name, x: p.x + s.width / 2 + 2, y: p.y, colour: '#9ecbff', rank: -1 });
      stats.units++;
    }
    drawLabels(ctx, labels);

    // Track history: where each threat in the air was over the last minutes, as a fading line.
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

    // Threats and interceptor flights where they are at this moment.
    for (let k = 0; k < this.threats.count; k++) {
      fast.at(this.threats.lat[k], this.threats.lon[k]);
      if (!inView()) continue;
      const s = this.threatStamps[replay.threatType[this.threats.ids[k]]];
      ctx.drawImage(s.canvas, at.x - s.ax, at.y - s.ay, s.width, s.height);
      stats.threats++;
    }
    replay.flightsAt(t, this.flights);
    const friendly = stamp(SIDC.friendlyDrone, 13);
    for (let k = 0; k < this.flights.count; k++) {
      fast.at(this.flights.lat[k], this.flights.lon[k]);
      if (!inView()) continue;
      ctx.drawImage(friendly.canvas, at.x - friendly.ax, at.y - friendly.ay, friendly.width, friendly.height);
      stats.flights++;
    }
    this.stats = stats;
  }
}

interface Label {
  text: string;
  x: number;
  y: number;
  colour: string;
  /** Higher first where labels would overlap. */
  rank: number;
}

/** Names beside their symbols, the most valuable first; one that would overlap another is left out. */
function drawLabels(ctx: CanvasRenderingContext2D, labels: Label[]): void {
  labels.sort((a, b) => b.rank - a.rank);
  const taken: [number, number, number, number][] = [];
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0,0,0,0.85)';
  for (const label of labels) {
    const w = ctx.measureText(label.text).width;
    const box: [number, number, number, number] = [label.x, label.y - 7, label.x + w, label.y + 7];
    if (taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    taken.push(box);
    ctx.fillStyle = label.colour;
    ctx.strokeText(label.text, label.x, label.y);
    ctx.fillText(label.text, label.x, label.y);
  }
}

/** Green when intact, through amber, to red when all its value is lost. */
export function damageColour(fraction: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const hue = 130 * (1 - f);
  return `hsl(${hue.toFixed(0)}, 80%, ${f > 0 ? 50 : 42}%)`;
}
