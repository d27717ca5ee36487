// The campaign and production-planning model: months of raids against production lines,
// deliveries, crews and budgets, evaluated night by night on a tactical scenario. Pure.

export { attackerTimeline, fundingFactor, type AttackerDay } from './attacker.js';
export { campaignBands, campaignSeries } from './bands.js';
export { monthlySummary, quantiles, runCampaigns, totalsSummary } from './batch.js';
export { campaignContext, type CampaignContext } from './context.js';
export { FORCE_ADAPTERS, forceAdapter, shareOut, type ForceAdapter } from './force-adapters.js';
export {
  DirectEvaluator,
  type NightEvaluator,
  type NightInput,
  type NightResult,
} from './night-evaluator.js';
export { nightScenario } from './night-scenario.js';
export {
  campaignTotals,
  simulateCampaign,
  type CampaignDay,
  type CampaignOptions,
  type CampaignRun,
} from './simulate-campaign.js';
export {
  buildSurrogate,
  defaultDesignPoints,
  planSurrogate,
  SURROGATE_FORMAT,
  SurrogateEvaluator,
  surrogateFromResults,
  type DesignNight,
  type Surrogate,
  type SurrogateBuildOptions,
  type SurrogatePlan,
} from './surrogate.js';
export {
  expectedMetric,
  optimiseSplit,
  PLAN_METRICS,
  smallestLever,
  withBudget,
  type LeverSearch,
  type PlanMetric,
  type PlanSettings,
  type SplitPlan,
} from './plan.js';
export { simplexSearch, type SimplexSearchResult } from './simplex-search.js';
