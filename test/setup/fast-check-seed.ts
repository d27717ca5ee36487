// Property tests draw their cases from one fixed seed, so a run of the suite cannot flake on a
// case no one can replay. FC_SEED=<n> explores other cases; a failure names its seed and path.
import fc from 'fast-check';

const explored = process.env.FC_SEED;
const seed = explored === undefined ? 20261204 : Number(explored);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${explored}'`);
fc.configureGlobal({ seed });
