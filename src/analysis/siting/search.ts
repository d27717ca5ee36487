// The refinement of siting by simulation: a compass (pattern) search over each unit's candidate
// positions, every layout judged by Monte Carlo on the same seeds (common random numbers, so two
// layouts differ by their positions, not by their dice). From the best starting layout, each unit
// in turn tries up to eight neighbours about `step` away, one per 45° sector; the best that lowers
// the mean is kept. A pass over all units that keeps nothing halves the step. The search stops
// when the step falls below the candidate spacing or the next layout would overrun the budget.
// Pure: the caller evaluates layouts (and shows progress).

export interface SearchUnit {
  /** Candidate positions in local metres. */
  candidates: { e: number; n: number }[];
}

export interface SearchOptions {
  /** Runs the search may spend in all: layouts evaluated × runs per layout. */
  budgetRuns: number;
  runsPerLayout: number;
  /** Layouts to start from (a candidate index per unit); the best one is the first incumbent. */
  starts: number[][];
  /** The first compass step, and the smallest worth trying (the candidate spacing). */
  stepM: number;
  minStepM: number;
}

/** One evaluated layout: what it scored, and whether it became the incumbent. */
export interface SearchStep {
  choice: number[];
  /** Mean of the objective to minimise over the runs. */
  loss: number;
  accepted: boolean;
}

export interface SearchResult {
  best: number[];
  bestLoss: number;
  history: SearchStep[];
  runsSpent: number;
}

/**
 * `evaluate` returns the mean loss of a layout over the search's seeds (lower is better; NaN
 * counts as worse than anything).
 */
export function compassSearch(
  units: readonly SearchUnit[],
  evaluate: (choice: readonly number[]) => number,
  options: SearchOptions,
): SearchResult {
  const seen = new Map<string, number>();
  const history: SearchStep[] = [];
  let runsSpent = 0;
  const affordable = () => runsSpent + options.runsPerLayout <= options.budgetRuns;
  const score = (choice: number[]): number | undefined => {
    const key = choice.join(',');
    const known = seen.get(key);
    if (known !== undefined) return known;
    if (!affordable()) return undefined;
    runsSpent += options.runsPerLayout;
    const raw = evaluate(choice);
    const loss = Number.isNaN(raw) ? Infinity : raw;
    seen.set(key, loss);
    history.push({ choice: [...choice], loss, accepted: false });
    return loss;
  };

  let best: number[] | undefined;
  let bestLoss = Infinity;
  for (const start of options.starts) {
    const loss = score([...start]);
    if (loss === undefined) break;
    if (best === undefined || loss < bestLoss) {
      best = [...start];
      bestLoss = loss;
    }
  }
  if (best === undefined) throw new Error('compassSearch: the budget does not cover one layout');
  markAccepted(history, best);

  let step = options.stepM;
  while (step >= options.minStepM && affordable()) {
    let improved = false;
    for (let u = 0; u < units.length && affordable(); u++) {
      let unitBest: number[] | undefined;
      let unitLoss = bestLoss;
      for (const c of compassNeighbours(units[u].candidates, best[u], step)) {
        const choice = [...best];
        choice[u] = c;
        const loss = score(choice);
        if (loss === undefined) break;
        if (loss < unitLoss) {
          unitBest = choice;
          unitLoss = loss;
        }
      }
      if (unitBest) {
        best = unitBest;
        bestLoss = unitLoss;
        markAccepted(history, best);
        improved = true;
      }
    }
    if (!improved) step /= 2;
  }
  return { best, bestLoss, history, runsSpent };
}

function markAccepted(history: SearchStep[], choice: readonly number[]): void {
  const key = choice.join(',');
  for (let i = history.length - 1; i >= 0; i--)
    if (history[i].choice.join(',') === key) {
      history[i].accepted = true;
      return;
    }
}

/**
 * Up to eight candidates about `step` from the current one: in each 45° sector around it, the
 * candidate whose distance is nearest `step`, among those between step/2 and 3·step/2.
 */
export function compassNeighbours(
  candidates: readonly { e: number; n: number }[],
  current: number,
  step: number,
): number[] {
  const at = candidates[current];
  const picks = new Array<number>(8).fill(-1);
  const miss = new Array<number>(8).fill(Infinity);
  candidates.forEach((c, i) => {
    if (i === current) return;
    const de = c.e - at.e;
    const dn = c.n - at.n;
    const d = Math.hypot(de, dn);
    if (d < step / 2 || d >= (3 * step) / 2) return;
    const sector =
      Math.floor(((Math.atan2(dn, de) + 2 * Math.PI + Math.PI / 8) % (2 * Math.PI)) / (Math.PI / 4)) % 8;
    const off = Math.abs(d - step);
    if (off < miss[sector]) {
      miss[sector] = off;
      picks[sector] = i;
    }
  });
  return picks.filter((i) => i >= 0);
}
