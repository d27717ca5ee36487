// A phase is one ordered step of the tick loop; the engine runs them in the order given and
// knows nothing of what they do.

import type { Clock } from './clock.js';

export interface Phase<W> {
  readonly name: string;
  step(world: W, clock: Clock): void;
}
