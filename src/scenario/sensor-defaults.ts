// The figures a scenario's sensors run with when they set none of their own, from the catalog's
// `sensors` section (data/catalog/sensors.yaml), so each has a source and a verified flag.

import { catalogEntry } from './catalog.js';

/** A sensor type's default figure in SI units; a figure the catalog lacks is a build error. */
export function sensorFigure(sensorType: 'radar' | 'acoustic' | 'observer', figure: string): number {
  const value = catalogEntry('sensors', sensorType)?.figures[figure]?.typical;
  if (value === undefined) throw new Error(`catalog: sensors.${sensorType}.${figure} is missing`);
  return value;
}
