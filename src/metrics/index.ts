// Metrics observe a RunLog and never change it.

export { computeOutcome, quantile } from './outcome.js';
