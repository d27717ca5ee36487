// What sensors pick up from each threat type unless a scenario says otherwise: its radar
// cross-section (the catalog's `rcs` figure) and engine-noise class (its `noise` trait), by catalog
// name; custom types named "base@variant" take their base's. A type the catalog does not know takes
// the sensor entries' `unknown-rcs` and `unknown-noise`. The figures and their sources live in
// data/catalog/threats.yaml and sensors.yaml.

import { NOISE_CLASSES, type NoiseClass } from '../model/scenario.js';
import { catalogEntry, type CatalogEntry } from './catalog.js';
import { sensorFigure } from './sensor-defaults.js';

export interface Signature {
  /** Radar cross-section, m² (frontal aspect, X/S band). */
  rcsM2: number;
  noise: NoiseClass;
}

function noiseClass(value: string | undefined, where: string): NoiseClass {
  const c = NOISE_CLASSES.find((n) => n === value);
  if (!c) throw new Error(`catalog: ${where} is '${value}', not a noise class (${NOISE_CLASSES.join(', ')})`);
  return c;
}

export const DEFAULT_SIGNATURE: Signature = {
  rcsM2: sensorFigure('radar', 'unknown-rcs'),
  noise: noiseClass(
    catalogEntry('sensors', 'acoustic')?.traits?.['unknown-noise']?.value,
    'acoustic.unknown-noise',
  ),
};

/** The catalog entry a threat type's signature comes from, if the catalog knows the type. */
export function signatureEntry(threatTypeName: string): CatalogEntry | undefined {
  return catalogEntry('threats', threatTypeName) ?? catalogEntry('threats', threatTypeName.split('@')[0]);
}

export function signatureOf(threatTypeName: string): Signature {
  const entry = signatureEntry(threatTypeName);
  if (!entry) return DEFAULT_SIGNATURE;
  return {
    rcsM2: entry.figures.rcs?.typical ?? DEFAULT_SIGNATURE.rcsM2,
    noise:
      entry.traits?.noise === undefined
        ? DEFAULT_SIGNATURE.noise
        : noiseClass(entry.traits.noise.value, `${entry.name}.noise`),
  };
}

/** Default slant range at which one microphone node hears each engine-noise class, m. */
export const HEARING_RANGE_M = Object.fromEntries(
  NOISE_CLASSES.map((c) => [c, sensorFigure('acoustic', `hearing-range-${c}`)]),
) as Record<NoiseClass, number>;
