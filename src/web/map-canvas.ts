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
