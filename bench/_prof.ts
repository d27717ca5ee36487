import { runScenario } from '/work/main/src/run/run-scenario.js';
import { kyivTenfold } from '/work/main/bench/scenarios.js';
const s = kyivTenfold();
runScenario(s, 1); runScenario(s, 2);
