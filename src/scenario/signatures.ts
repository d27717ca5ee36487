// What sensors pick up from each threat type: radar cross-section and engine-noise class, by
// catalog name (custom types named "base@variant" take their base's entry). Public figures are
// rough; scenarios may override them per sensor.

import type { NoiseClass } from '../model/scenario.js';

export interface Signature {
  /** Radar cross-section, m² (frontal aspect, X/S band). */
  rcsM2: number;
  noise: NoiseClass;
  source: string;
}

export const SIGNATURES: Record<string, Signature> = {
  'shahed-136': {
    rcsM2: 0.1,
    noise: 'piston',
    source: 'composite airframe, 2-stroke piston engine (Mado MD550); RCS order 0.1 m² in open analyses',
  },
  gerbera: {
    rcsM2: 0.05,
    noise: 'piston',
    source: 'foam/plywood decoy with a small piston engine; modelling assumption',
  },
  'geran-3': { rcsM2: 0.1, noise: 'jet', source: 'jet-powered Shahed derivative; modelling assumption' },
  'kh-101': {
    rcsM2: 0.01,
    noise: 'jet',
    source: 'low-observable cruise missile, turbofan; order 0.01 m² reported',
  },
};

export const DEFAULT_SIGNATURE: Signature = { rcsM2: 0.1, noise: 'piston', source: 'modelling assumption' };

export function signatureOf(threatTypeName: string): Signature {
  return SIGNATURES[threatTypeName] ?? SIGNATURES[threatTypeName.split('@')[0]] ?? DEFAULT_SIGNATURE;
}

/** Default slant range at which one microphone node hears each engine-noise class, m. */
export const HEARING_RANGE_M: Record<NoiseClass, number> = {
  electric: 800,
  piston: 3000,
  jet: 5000,
  rocket: 8000,
};
