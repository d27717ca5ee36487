// A report's class guess through the sensor's confusion matrix: the report says "decoy" with
// probability decoyAsDecoy for a decoy and threatAsDecoy for a real threat; it then carries the
// decoy probability that guess alone implies (even prior), which the tracker accumulates.

import type { RandomStream } from '../core/rng.js';
import type { ClassConfusion } from '../model/scenario.js';

/** pDecoy of a report on a true decoy (isDecoy) or threat; 0.5 when the sensor does not classify. */
export function guessDecoy(
  confusion: ClassConfusion | undefined,
  isDecoy: boolean,
  rng: RandomStream,
): number {
  if (!confusion) return 0.5;
  const a = confusion.decoyAsDecoy;
  const b = confusion.threatAsDecoy;
  const saysDecoy = rng.next() < (isDecoy ? a : b);
  if (saysDecoy) return a + b > 0 ? a / (a + b) : 0.5;
  return 2 - a - b > 0 ? (1 - a) / (2 - a - b) : 0.5;
}
