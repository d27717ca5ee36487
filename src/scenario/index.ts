// The scenario layer: text in, a validated Scenario or located issues out. Pure.

export {
  parseScenario,
  parseScenarioOrThrow,
  SENSOR_TYPE_NAMES,
  C2_POLICY_NAMES,
  type ParseResult,
  type ParseOptions,
} from './parse.js';
export type { ReadFile } from './geojson-import.js';
export { LAYOUT_KEYS } from './geojson-import.js';
export {
  lookupTown,
  gazetteerTowns,
  townLabel,
  GAZETTEER_SOURCE,
  type Town,
  type TownLookup,
} from './gazetteer.js';
export { formatIssue, formatPath, ScenarioError, type ScenarioIssue } from './issue.js';
export { LIMITS } from './limits.js';
export {
  CATALOG,
  catalogEntries,
  catalogEntry,
  typical,
  unverifiedFigures,
  type CatalogEntry,
  type Figure,
} from './catalog.js';
export { unverifiedFiguresInUse } from './figures-in-use.js';
export { figureProvenance, type FigureProvenance } from './figure-provenance.js';
export { humanValue } from './human-value.js';
export { DEFAULT_TRACKING, TRACKER_TYPE_NAMES } from './sensors.js';
export {
  parseCampaign,
  DAYS_PER_MONTH,
  MAX_HORIZON_DAYS,
  type CampaignParseResult,
  type TacticalResolver,
} from './campaign.js';
export { budgetCategories, categoryName, CATEGORY_KINDS, type CategoryKind } from './campaign-budget.js';
export { plausibilityWarnings } from './plausibility.js';
export { parseCalibrationNights, threatClassOf, type CalibrationParseResult } from './calibration-nights.js';
