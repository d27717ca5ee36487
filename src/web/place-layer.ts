// Town and city names on the offline map, more of them the closer one zooms in; largest first so
// that where labels would collide the bigger place keeps its name. Redrawn only when the view moves.

import type L from 'leaflet';
import { clearToMap } from './map-canvas.js';

type Place = [string, number, number, number];

/** Smallest population labelled at a zoom level. */
function minPopulation(zoom: number): number {
  if (zoom >= 10) return 20_000;
  if (zoom >= 9) return 40_000;
  if (zoom >= 8) return 80_000;
  if (zoom >= 7) return 150_000;
  if (zoom >= 6) return 400_000;
  return 1_000_000;
}

export class PlaceLayer {
  private places: Place[] = [];
  private readonly ctx: CanvasRenderingContext2D;

  constructor(
    private readonly map: L.Map,
    private readonly canvas: HTMLCanvasElement,
  ) {
    this.ctx = canvas.getContext('2d')!;
    map.on('move zoom resize viewreset', () => this.draw());
    void import('virtual:places').then((m) => {
      this.places = m.default;
      this.draw();
    });
  }

  get count(): number {
    return this.places.length;
  }

  draw(): void {
    const ctx = this.ctx;
    clearToMap(this.map, this.canvas, ctx);
    const bounds = this.map.getBounds().pad(0.05);
    const south = bounds.getSouth();
    const north = bounds.getNorth();
    const west = bounds.getWest();
    const east = bounds.getEast();
    const min = minPopulation(this.map.getZoom());
    const taken: [number, number, number, number][] = [];
    ctx.textBaseline = 'middle';
    for (const [name, lat, lon, population] of this.places) {
      if (population < min) break;
      if (lat < south || lat > north || lon < west || lon > east) continue;
      const p = this.map.latLngToContainerPoint([lat, lon]);
      const big = population >= 500_000;
      ctx.font = big ? '600 13px system-ui, sans-serif' : '11px system-ui, sans-serif';
      const w = ctx.measureText(name).width;
      const box: [number, number, number, number] = [p.x - 3, p.y - 8, p.x + 6 + w, p.y + 8];
      if (taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      taken.push(box);
      ctx.fillStyle = big ? '#aab6c6' : '#7d8898';
      ctx.beginPath();
      ctx.arc(p.x, p.y, big ? 3 : 2, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillText(name, p.x + 6, p.y);
    }
  }
}
