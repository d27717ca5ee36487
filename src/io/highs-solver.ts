// The MIP solver of siting's first cut: HiGHS (University of Edinburgh), compiled to WebAssembly
// by the `highs` npm package. Loading the runtime reads its .wasm file, so it lives in io/; the
// coverage model itself (analysis/siting/coverage.ts) only sees the LpSolver interface.

import * as highsModule from 'highs';
import type { LpSolver } from '../analysis/siting/coverage.js';

// The package is CommonJS to TypeScript but an ES module to Node, whose default export is the
// loader; TypeScript types that loader one `default` deeper.
type HighsLoader = typeof highsModule.default.default;
const loadHighs = highsModule.default as unknown as HighsLoader;

/** Stops a pathological model; the coverage MIPs of real scenarios solve in well under a second. */
const TIME_LIMIT_S = 60;

export async function loadHighsSolver(): Promise<LpSolver> {
  const highs = await loadHighs();
  return {
    solve(lp: string) {
      const solution = highs.solve(lp, { time_limit: TIME_LIMIT_S, output_flag: false });
      const values: Record<string, number> = {};
      if (solution.Status === 'Optimal' || solution.Status === 'Time limit reached')
        for (const [name, column] of Object.entries(solution.Columns))
          values[name] = (column as { Primal?: number }).Primal ?? 0;
      return { status: solution.Status, values };
    },
  };
}
