// The map's instruments: a scale bar, the position under the pointer, range rings around the
// defending units and radars (on demand), a distance tool (two clicks, the great-circle distance
// between them) and a notice when the optional tile server fails.

import L from 'leaflet';
import './map-tools.css';
import { haversineM } from '../core/geo.js';
import type { Scenario } from '../model/scenario.js';
import {
  formatLatLon,
  greatCirclePoints,
  initialBearingDeg,
  rangeRings,
  type RangeRing,
} from './map-measure.js';

const RING_STYLE: Record<string, L.PathOptions> = {
  radar: { color: '#5fd3c6', weight: 1.2, opacity: 0.7, dashArray: '1 4', fill: false },
  default: { color: '#7ec3ff', weight: 1.2, opacity: 0.7, dashArray: '6 4', fill: false },
};

/** What the distance tool has measured, for the browser tests. */
export interface Measurement {
  points: { lat: number; lon: number }[];
  distanceKm: number | undefined;
  bearingDeg: number | undefined;
}

function control(position: L.ControlPosition, build: (div: HTMLDivElement) => void): L.Control {
  const Control = L.Control.extend({
    onAdd: () => {
      const div = L.DomUtil.create('div');
      L.DomEvent.disableClickPropagation(div);
      build(div);
      return div;
    },
  });
  return new Control({ position });
}

export class MapTools {
  private readonly rings: L.LayerGroup;
  private readonly measureLayer: L.LayerGroup;
  private readonly readout = document.createElement('output');
  private readonly distance = document.createElement('output');
  private readonly ringsButton = document.createElement('button');
  private readonly measureButton = document.createElement('button');
  private readonly tileNotice = document.createElement('div');
  private readonly renderer: L.Canvas;
  private ringList: RangeRing[] = [];
  private tileErrors = 0;
  private tileLoads = 0;
  /** Shown or hidden from outside too (the URL, a key): called on every change by the buttons. */
  onRingsChange: (on: boolean) => void = () => {};
  ringsOn = false;
  measuring = false;
  readonly measurement: Measurement = { points: [], distanceKm: undefined, bearingDeg: undefined };

  constructor(private readonly map: L.Map) {
    const pane = map.createPane('map-tools');
    pane.style.zIndex = '436';
    pane.style.pointerEvents = 'none';
    this.renderer = L.canvas({ pane: 'map-tools', padding: 0.3 });
    this.rings = L.layerGroup([], { pane: 'map-tools' });
    this.measureLayer = L.layerGroup([], { pane: 'map-tools' });
    this.measureLayer.addTo(map);

    L.control.scale({ position: 'bottomleft', imperial: false, maxWidth: 160 }).addTo(map);
    control('bottomleft', (div) => {
      div.className = 'map-readout leaflet-bar';
      this.readout.className = 'coordinates';
      this.readout.textContent = '—';
      this.readout.title = 'Position under the pointer';
      div.append(this.readout);
    }).addTo(map);
    map.on('mousemove', (e) => this.showPosition(e.latlng.lat, e.latlng.lng));
    map.on('mouseout', () => {
      this.readout.textContent = '—';
      delete this.readout.dataset.lat;
      delete this.readout.dataset.lon;
    });

    control('topleft', (div) => {
      div.className = 'map-tools leaflet-bar';
      this.ringsButton.type = 'button';
      this.ringsButton.className = 'rings-toggle';
      this.ringsButton.textContent = 'Ranges';
      this.ringsButton.title = 'Range rings of the defending units and radars (G)';
      this.ringsButton.setAttribute('aria-pressed', 'false');
      this.ringsButton.addEventListener('click', () => {
        this.setRings(!this.ringsOn);
        this.onRingsChange(this.ringsOn);
      });
      this.measureButton.type = 'button';
      this.measureButton.className = 'measure-toggle';
      this.measureButton.textContent = 'Measure';
      this.measureButton.title = 'Distance: click two points on the map (M; Escape stops)';
      this.measureButton.setAttribute('aria-pressed', 'false');
      this.measureButton.addEventListener('click', () => this.setMeasuring(!this.measuring));
      this.distance.className = 'distance';
      this.distance.hidden = true;
      div.append(this.ringsButton, this.measureButton, this.distance);
    }).addTo(map);
    map.on('click', (e) => {
      if (this.measuring) this.addPoint(e.latlng.lat, e.latlng.lng);
    });

    this.tileNotice.className = 'tile-notice';
    this.tileNotice.setAttribute('role', 'alert');
    this.tileNotice.hidden = true;
    map.getContainer().append(this.tileNotice);
  }

  showPosition(lat: number, lon: number): void {
    this.readout.textContent = formatLatLon(lat, lon);
    this.readout.dataset.lat = String(lat);
    this.readout.dataset.lon = String(lon);
  }

  /** The rings of a new run. */
  show(scenario: Scenario): void {
    this.ringList = rangeRings(scenario);
    this.rings.clearLayers();
    for (const ring of this.ringList)
      L.circle([ring.lat, ring.lon], {
        radius: ring.radiusM,
        pane: 'map-tools',
        renderer: this.renderer,
        interactive: false,
        ...(RING_STYLE[ring.kind] ?? RING_STYLE.default),
      }).addTo(this.rings);
  }

  setRings(on: boolean): void {
    this.ringsOn = on;
    this.ringsButton.setAttribute('aria-pressed', String(on));
    this.ringsButton.classList.toggle('active', on);
    if (on) this.rings.addTo(this.map);
    else this.rings.remove();
  }

  /** Rings on the map now (0 while hidden). */
  get ringsDrawn(): RangeRing[] {
    return this.ringsOn ? this.ringList : [];
  }

  setMeasuring(on: boolean): void {
    this.measuring = on;
    this.measureButton.setAttribute('aria-pressed', String(on));
    this.measureButton.classList.toggle('active', on);
    this.map.getContainer().classList.toggle('measuring', on);
    if (!on) {
      this.measureLayer.clearLayers();
      this.measurement.points = [];
      this.measurement.distanceKm = undefined;
      this.measurement.bearingDeg = undefined;
      this.distance.hidden = true;
    } else {
      this.distance.hidden = false;
      this.distance.textContent = 'click two points';
    }
  }

  /** A click of the distance tool: the first point, the second (and the distance), or a new start. */
  addPoint(lat: number, lon: number): void {
    const m = this.measurement;
    if (m.points.length >= 2) {
      m.points = [];
      this.measureLayer.clearLayers();
    }
    m.points.push({ lat, lon });
    L.circleMarker([lat, lon], {
      radius: 4,
      pane: 'map-tools',
      renderer: this.renderer,
      color: '#ffd479',
      weight: 2,
      fillOpacity: 1,
      interactive: false,
    }).addTo(this.measureLayer);
    if (m.points.length < 2) {
      m.distanceKm = undefined;
      m.bearingDeg = undefined;
      this.distance.textContent = 'click the second point';
      delete this.distance.dataset.km;
      return;
    }
    const [a, b] = m.points.map((p) => ({ latDeg: p.lat, lonDeg: p.lon }));
    m.distanceKm = haversineM(a, b) / 1000;
    m.bearingDeg = initialBearingDeg(a, b);
    L.polyline(greatCirclePoints(a, b), {
      pane: 'map-tools',
      renderer: this.renderer,
      color: '#ffd479',
      weight: 2,
      dashArray: '6 4',
      interactive: false,
    }).addTo(this.measureLayer);
    this.distance.textContent = `${m.distanceKm.toFixed(1)} km · ${Math.round(m.bearingDeg)}°`;
    this.distance.dataset.km = m.distanceKm.toFixed(3);
  }

  /** Follows a tile server's tiles: failures are said on screen until tiles load again. */
  watchTiles(layer: L.TileLayer | undefined, template?: string): void {
    this.tileErrors = 0;
    this.tileLoads = 0;
    this.tileNotice.hidden = true;
    if (!layer) return;
    layer.on('tileerror', () => {
      this.tileErrors++;
      this.tileNotice.hidden = false;
      this.tileNotice.textContent =
        `The tile server ${template ?? ''} is not answering (${this.tileErrors} tile` +
        `${this.tileErrors === 1 ? '' : 's'} failed): the offline base map shows where tiles are missing.`;
      this.tileNotice.dataset.errors = String(this.tileErrors);
    });
    layer.on('tileload', () => {
      this.tileLoads++;
    });
  }

  get tiles(): { errors: number; loads: number; notice: string | undefined } {
    return {
      errors: this.tileErrors,
      loads: this.tileLoads,
      notice: this.tileNotice.hidden ? undefined : (this.tileNotice.textContent ?? ''),
    };
  }
}
