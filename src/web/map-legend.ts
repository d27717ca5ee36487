// The legend of every symbol and colour the map draws, in the side panel: each entry a small
// canvas drawn with the same stamps, colours and dashes as the map itself.

import { damageColour } from './map-view.js';
import { SIDC, stamp } from './symbols.js';

const SIZE = 22;

type Draw = (ctx: CanvasRenderingContext2D) => void;

const symbol =
  (sidc: string, size = 16): Draw =>
  (ctx) => {
    const s = stamp(sidc, size);
    const scale = Math.min(1, (SIZE - 2) / Math.max(s.width, s.height));
    const w = s.width * scale;
    const h = s.height * scale;
    ctx.drawImage(s.canvas, (SIZE - w) / 2, (SIZE - h) / 2, w, h);
  };

const square =
  (fraction: number, ring = false): Draw =>
  (ctx) => {
    ctx.fillStyle = damageColour(fraction);
    ctx.strokeStyle = '#0b0f14';
    ctx.lineWidth = 2;
    ctx.fillRect(6, 6, 10, 10);
    ctx.strokeRect(6, 6, 10, 10);
    if (ring) {
      ctx.strokeStyle = 'rgba(255,70,50,0.9)';
      ctx.beginPath();
      ctx.arc(11, 11, 9.5, 0, 2 * Math.PI);
      ctx.stroke();
    }
  };

const line =
  (colour: string, dash: number[], width = 1.5): Draw =>
  (ctx) => {
    ctx.setLineDash(dash);
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.moveTo(2, SIZE - 5);
    ctx.lineTo(SIZE - 2, 5);
    ctx.stroke();
  };

const cross =
  (colour: string): Draw =>
  (ctx) => {
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.moveTo(5, 5);
    ctx.lineTo(17, 17);
    ctx.moveTo(17, 5);
    ctx.lineTo(5, 17);
    ctx.stroke();
  };

const dot =
  (colour: string): Draw =>
  (ctx) => {
    ctx.fillStyle = colour;
    ctx.fillRect(9, 9, 4, 4);
  };

const circle =
  (stroke: string, fill: string, dash: number[] = []): Draw =>
  (ctx) => {
    ctx.setLineDash(dash);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = stroke;
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(11, 11, 8.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  };

/** Every entry: a group heading, then [what it looks like, what it means]. */
export const LEGEND: [string, [Draw, string][]][] = [
  [
    'Threats (perfect sensing)',
    [
      [symbol(SIDC.hostileDrone), 'attack drone (hostile)'],
      [symbol(SIDC.hostileMissile), 'fast threat, over 540 km/h: cruise missile (hostile)'],
      [symbol(SIDC.unknownDrone), 'decoy (unknown)'],
      [line('rgba(255,120,100,0.6)', []), 'track history, last 2 min'],
    ],
  ],
  [
    'Track picture (real sensors)',
    [
      [symbol(SIDC.hostileAirTrack, 14), 'hostile track: decoy ≤ 25%, σ ≤ 2 km'],
      [symbol(SIDC.unknownAirTrack, 14), 'unknown track: likely decoy, or held roughly'],
      [circle('rgba(255,110,95,0.85)', 'rgba(255,90,78,0.08)'), '2-sigma error ellipse'],
      [dot('rgba(255,110,90,0.9)'), 'true threat under the picture'],
      [dot('rgba(255,220,90,0.9)'), 'true decoy under the picture'],
    ],
  ],
  [
    'Defense',
    [
      [symbol(SIDC.friendlyAirDefenseUnit, 18), 'interceptor-drone team'],
      [symbol(SIDC.friendlyAirDefenseMissile, 18), 'SAM battery'],
      [symbol(SIDC.friendlyAirDefenseGun, 18), 'air-defense gun'],
      [symbol(SIDC.friendlyMobileAirDefenseGun, 18), 'mobile fire group'],
      [symbol(SIDC.friendlyFighter), 'fighter (CAP, vectored, RTB)'],
      [symbol(SIDC.friendlyDrone, 13), 'interceptor drone in flight'],
      [symbol(SIDC.friendlySurfaceToAirMissile, 13), 'SAM missile in flight'],
      [symbol(SIDC.friendlyAirToAirMissile, 13), 'air-to-air missile in flight'],
      [line('rgba(126,195,255,0.9)', [4, 3], 1.2), 'interceptor → what it is after'],
    ],
  ],
  [
    'Outcomes and assets',
    [
      [cross('#7dff9b'), 'kill (bright for a minute)'],
      [cross('rgba(170,170,170,0.8)'), 'miss'],
      [square(0), 'asset intact'],
      [square(0.5, true), 'asset half lost, ring per hit'],
      [square(1, true), 'asset destroyed'],
      [circle('rgba(190,130,255,0.8)', 'rgba(190,130,255,0.08)', [4, 3]), 'electronic-warfare zone'],
    ],
  ],
];

/** Fills `target` with the legend (once). */
export function renderLegend(target: HTMLElement): void {
  const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const fragment = document.createDocumentFragment();
  for (const [heading, entries] of LEGEND) {
    const h = document.createElement('h3');
    h.textContent = heading;
    const list = document.createElement('ul');
    for (const [draw, meaning] of entries) {
      const li = document.createElement('li');
      const canvas = document.createElement('canvas');
      canvas.width = SIZE * ratio;
      canvas.height = SIZE * ratio;
      canvas.style.width = `${SIZE}px`;
      canvas.style.height = `${SIZE}px`;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(ratio, ratio);
      draw(ctx);
      const text = document.createElement('span');
      text.textContent = meaning;
      li.append(canvas, text);
      list.append(li);
    }
    fragment.append(h, list);
  }
  target.replaceChildren(fragment);
}
