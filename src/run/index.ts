export { assemble } from './assemble.js';
export { runScenario, runAndMeasure, type RunResult, type RunOptions } from './run-scenario.js';
export { trajectoryObserver, type TrajectoryObserver } from './trajectory-observer.js';
