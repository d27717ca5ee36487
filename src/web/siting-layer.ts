// A siting result on the console's map: the file's layout and the sited one together. Each moved
// unit stands twice — a hollow triangle where the file puts it, a filled one where siting puts it,
// an arrow from the first to the second — over the allowed areas (green), the no-go zones (red,
// hatched), the raid axes (dashed), the assets and the units that were not moved. One SVG over the
// map, above the replay's canvases, redrawn when the view moves; it takes no pointer events.

import type L from 'leaflet';
import type { OverJson } from '../model/campaign-trajectory.js';
import type { SitingResult } from '../model/siting-result.js';

const NS = 'http://www.w3.org/2000/svg';
export type SitingData = OverJson<SitingResult>;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

/** The unit's name without its section: `defenders.fg-desna` → `fg-desna`. */
export const shortName = (unit: string) => unit.split('.').slice(1).join('.') || unit;

/** A triangle pointing up, centred on the origin: the symbol of a moved unit. */
const TRIANGLE = 'M0,-8 L7,5 L-7,5 Z';

export class SitingLayer {
  private readonly svg: SVGSVGElement;
  private result: SitingData | undefined;

  constructor(
    private readonly map: L.Map,
    container: HTMLElement,
  ) {
    this.svg = el('svg', { class: 'siting-layer', 'aria-hidden': 'true' });
    const defs = el('defs', {}, this.svg);
    const hatch = el(
      'pattern',
      {
        id: 'siting-hatch',
        width: 8,
        height: 8,
        patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      },
      defs,
    );
    el('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'siting-hatch-line' }, hatch);
    const arrow = el(
      'marker',
      {
        id: 'siting-arrow',
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto',
      },
      defs,
    );
    el('path', { d: 'M0,0 L10,5 L0,10 Z', class: 'siting-arrowhead' }, arrow);
    this.svg.style.display = 'none';
    container.appendChild(this.svg);
    map.on('move zoom resize viewreset', () => this.draw());
  }

  get shown(): boolean {
    return this.result !== undefined;
  }

  show(result: SitingData): void {
    this.result = result;
    this.svg.style.display = '';
    this.frame();
    this.draw();
  }

  clear(): void {
    this.result = undefined;
    this.svg.style.display = 'none';
    this.svg.querySelectorAll(':scope > g').forEach((g) => g.remove());
  }

  /** Fits the view to both layouts, the allowed areas and the assets. */
  frame(): void {
    const r = this.result;
    if (!r) return;
    const points: [number, number][] = [
      ...r.moves.flatMap((m) => [
        [m.from.latDeg, m.from.lonDeg] as [number, number],
        [m.to.latDeg, m.to.lonDeg] as [number, number],
      ]),
      ...r.map.assets.map((a) => [a.lat, a.lon] as [number, number]),
      ...r.map.allowed.flatMap((a) => a.ring.map(([lon, lat]) => [lat, lon] as [number, number])),
    ].filter(([lat, lon]) => lat !== null && lon !== null) as [number, number][];
    if (points.length === 0) return;
    const lats = points.map((p) => p[0]);
    const lons = points.map((p) => p[1]);
    this.map.fitBounds(
      [
        [Math.min(...lats), Math.min(...lons)],
        [Math.max(...lats), Math.max(...lons)],
      ],
      { padding: [40, 40], maxZoom: 12, animate: false },
    );
  }

  draw(): void {
    const r = this.result;
    if (!r) return;
    const size = this.map.getSize();
    this.svg.setAttribute('width', String(size.x));
    this.svg.setAttribute('height', String(size.y));
    this.svg.querySelectorAll(':scope > g').forEach((g) => g.remove());
    const at = (lat: number | null, lon: number | null) =>
      this.map.latLngToContainerPoint([lat ?? NaN, lon ?? NaN]);
    const ringPath = (ring: (number | null)[][]) =>
      ring
        .map(([lon, lat], i) => {
          const p = at(lat, lon);
          return `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
        })
        .join('') + 'Z';
    const label = (parent: Element, x: number, y: number, text: string, cls: string) => {
      el('text', { x: x + 9, y: y + 4, class: cls }, parent).textContent = text;
    };

    const zones = el('g', { class: 'siting-zones' }, this.svg);
    for (const a of r.map.allowed)
      el('path', { d: ringPath(a.ring), class: 'siting-allowed', 'data-name': a.name }, zones);
    for (const z of r.map.noGo)
      el('path', { d: ringPath(z.ring), class: 'siting-no-go', 'data-name': z.name }, zones);

    const axes = el('g', { class: 'siting-axes' }, this.svg);
    for (const a of r.map.axes) {
      const points = a.line.map(([lon, lat]) => at(lat, lon));
      el(
        'polyline',
        {
          points: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
          class: 'siting-axis',
          'data-wave': a.name,
        },
        axes,
      );
    }

    const fixed = el('g', { class: 'siting-fixed' }, this.svg);
    for (const a of r.map.assets) {
      const p = at(a.lat, a.lon);
      el('circle', { cx: p.x, cy: p.y, r: 5, class: 'siting-asset', 'data-name': a.name }, fixed);
      label(fixed, p.x, p.y, a.name, 'siting-label asset');
    }
    for (const u of r.map.fixedUnits) {
      const p = at(u.lat, u.lon);
      el(
        'rect',
        { x: p.x - 4, y: p.y - 4, width: 8, height: 8, class: 'siting-unit-fixed', 'data-name': u.name },
        fixed,
      );
      label(fixed, p.x, p.y, u.name, 'siting-label fixed');
    }

    const moves = el('g', { class: 'siting-moved' }, this.svg);
    for (const m of r.moves) {
      const from = at(m.from.latDeg, m.from.lonDeg);
      const to = at(m.to.latDeg, m.to.lonDeg);
      const unit = { 'data-unit': m.unit };
      // The arrow stops short of the sited symbol so that its head stays visible; a unit left where
      // it was has no arrow.
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const length = Math.hypot(dx, dy);
      if (m.from.latDeg !== m.to.latDeg || m.from.lonDeg !== m.to.lonDeg) {
        const k = Math.max(0, length - 9) / Math.max(length, 1e-9);
        el(
          'line',
          { x1: from.x, y1: from.y, x2: from.x + k * dx, y2: from.y + k * dy, class: 'siting-move', ...unit },
          moves,
        );
      }
      const symbol = (p: L.Point, cls: string, lat: number | null, lon: number | null) =>
        el(
          'path',
          {
            d: TRIANGLE,
            transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`,
            class: cls,
            'data-lat': String(lat),
            'data-lon': String(lon),
            ...unit,
          },
          moves,
        );
      symbol(from, 'siting-from', m.from.latDeg, m.from.lonDeg);
      symbol(to, 'siting-to', m.to.latDeg, m.to.lonDeg);
      label(moves, to.x, to.y, shortName(m.unit), 'siting-label sited');
    }
  }
}
