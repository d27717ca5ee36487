// Military symbols (MIL-STD-2525C / APP-6 letter codes) drawn once by milsymbol into canvases and
// then stamped onto the map: red hostile threats and tracks, yellow unknown ones, blue friendly
// units, aircraft and missiles.

import ms from 'milsymbol';
import type { DefenderKind } from '../model/scenario.js';

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
  /** Tracks of the picture: air tracks with no platform named, hostile or unknown. */
  hostileAirTrack: 'SHAP-----------',
  unknownAirTrack: 'SUAP-----------',
  friendlyFighter: 'SFAPMFF--------',
  friendlySurfaceToAirMissile: 'SFAPWMSA-------',
  friendlyAirToAirMissile: 'SFAPWMAA-------',
  friendlyAirDefenseGun: 'SFGPUCDG-------',
  /** Mobile fire group: an air-defense gun unit on wheels (mobility modifier MO). */
  friendlyMobileAirDefenseGun: 'SFGPUCDG--MO---',
  friendlyAirDefenseMissile: 'SFGPUCDM-------',
} as const;

/** The ground or air symbol of a defender unit of each kind. */
export function unitSidc(kind: DefenderKind): string {
  switch (kind) {
    case 'jet':
      return SIDC.friendlyFighter;
    case 'fire-group':
      return SIDC.friendlyMobileAirDefenseGun;
    case 'gun':
      return SIDC.friendlyAirDefenseGun;
    case 'sam':
      return SIDC.friendlyAirDefenseMissile;
    case 'interceptor-drone':
      return SIDC.friendlyAirDefenseUnit;
  }
}

/** The symbol of what a unit of each kind sends up as a guided flight. */
export function flightSidc(kind: DefenderKind): string {
  return kind === 'sam'
    ? SIDC.friendlySurfaceToAirMissile
    : kind === 'jet'
      ? SIDC.friendlyAirToAirMissile
      : SIDC.friendlyDrone;
}

/** Decoy probability (percent) at or below which a track is called hostile rather than unknown. */
const HOSTILE_MAX_DECOY_PCT = 25;
/** One-sigma error (m) above which a track is too vague to call hostile: unknown. */
const HOSTILE_MAX_SIGMA_M = 2000;

/**
 * A track is hostile when the tracker is fairly sure it is a real threat (not a decoy) and holds
 * its position well; otherwise it is unknown, as a crew would mark a track not yet identified.
 */
export function trackIsHostile(pDecoyPct: number, sigmaM: number): boolean {
  return pDecoyPct <= HOSTILE_MAX_DECOY_PCT && sigmaM <= HOSTILE_MAX_SIGMA_M;
}

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
    // Stamped at the canvas's own pixel size (not milsymbol's fractional one): an unscaled copy.
    s = {
      canvas,
      ax: anchor.x / ratio,
      ay: anchor.y / ratio,
      width: canvas.width / ratio,
      height: canvas.height / ratio,
    };
    cache.set(key, s);
  }
  return s;
}
