// A canvas laid over the map: sized to the map in device pixels, cleared, ready to draw in CSS pixels.

import type L from 'leaflet';

export function clearToMap(map: L.Map, canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): L.Point {
  const size = map.getSize();
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
    canvas.width = size.x * ratio;
    canvas.height = size.y * ratio;
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size.x, size.y);
  return size;
}

/** Spherical Mercator northing, up to a constant factor: linear in screen y for the map's projection. */
function mercatorY(latDeg: number): number {
  const lat = (Math.max(-85.05, Math.min(85.05, latDeg)) * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + lat / 2));
}

/** Ground metres per CSS pixel at the centre of the map's view (Web Mercator). */
export function metresPerPixel(map: L.Map): number {
  return (
    (40_075_016.686 * Math.cos((map.getCenter().lat * Math.PI) / 180)) / (256 * Math.pow(2, map.getZoom()))
  );
}

export interface Projector {
  /** The last projected point, overwritten by every call of `at`. */
  point: { x: number; y: number };
  at(lat: number, lon: number): void;
}

/**
 * Latitude/longitude to container pixels for the map's current view, without allocating: screen x
 * is linear in longitude and screen y in Mercator northing, so two reference points fix both.
 * Build one per frame; `point` is overwritten by every call.
 */
export function fastProjector(map: L.Map): Projector {
  const c = map.getCenter();
  const a = map.latLngToContainerPoint([c.lat - 1, c.lng - 1]);
  const b = map.latLngToContainerPoint([c.lat + 1, c.lng + 1]);
  const ax = (b.x - a.x) / 2;
  const bx = a.x - ax * (c.lng - 1);
  const ma = mercatorY(c.lat - 1);
  const mb = mercatorY(c.lat + 1);
  const ay = (b.y - a.y) / (mb - ma);
  const by = a.y - ay * ma;
  const point = { x: 0, y: 0 };
  return {
    point,
    at(lat: number, lon: number): void {
      point.x = ax * lon + bx;
      point.y = ay * mercatorY(lat) + by;
    },
  };
}
