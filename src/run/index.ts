export { assemble } from './assemble.js';
export { runScenario, runAndMeasure, type RunResult } from './run-scenario.js';
