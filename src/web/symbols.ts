// Military symbols (MIL-STD-2525C / APP-6 letter codes) drawn once by milsymbol into canvases and
// then stamped onto the map: red hostile threats, yellow unknown decoys, blue friendly units.

import ms from 'milsymbol';

export interface Stamp {
  canvas: HTMLCanvasElement;
  /** The symbol's anchor (its centre point) inside the canvas, CSS pixels. */
  ax: number;
  ay: number;
  width: number;
  height: number;
}

/** Symbol identification codes: affiliation at position 2 (H hostile, U unknown, F friend). */
export const SIDC = {
  hostileDrone: 'SHAPMFQ--------',
  hostileMissile: 'SHAPWM---------',
  /** Decoys carry no warhead; drawn as unknown air tracks so the eye separates them. */
  unknownDrone: 'SUAPMFQ--------',
  friendlyDrone: 'SFAPMFQ--------',
  friendlyAirDefenseUnit: 'SFGPUCD--------',
} as const;

const cache = new Map<string, Stamp>();

export function stamp(sidc: string, size: number, label?: string): Stamp {
  const key = `${sidc}|${size}|${label ?? ''}`;
  let s = cache.get(key);
  if (!s) {
    const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    const symbol = new ms.Symbol(sidc, {
      size: size * ratio,
      ...(label ? { uniqueDesignation: label, infoColor: '#d8dee9', infoSize: 45 } : {}),
      outlineColor: 'rgba(0,0,0,0.8)',
      outlineWidth: 3,
    });
    const canvas = symbol.asCanvas();
    const anchor = symbol.getAnchor();
    const sz = symbol.getSize();
    s = {
      canvas,
      ax: anchor.x / ratio,
      ay: anchor.y / ratio,
      width: sz.width / ratio,
      height: sz.height / ratio,
    };
    cache.set(key, s);
  }
  return s;
}
