// A validated campaign: months of raids against production lines, deliveries, training and
// budgets, evaluated night by night on a tactical scenario. Produced by scenario/campaign*.ts from
// a file, read by analysis/campaign/. Days count from the campaign's first night (day 0); money is
// in the tactical scenario's currency; nothing here refers to text or units.

export const CAMPAIGN_FORMAT_VERSION = 1;

/** How each night is evaluated: the tactical simulation itself, or a surrogate fitted to it. */
export const EVALUATION_MODES = ['direct', 'surrogate'] as const;
export type EvaluationMode = (typeof EVALUATION_MODES)[number];

/**
 * A value over time: breakpoints (day, value), linear between them, constant before the first and
 * after the last. A single point is a constant.
 */
export interface Schedule {
  points: { day: number; value: number }[];
}

export interface Campaign {
  name: string;
  description: string;
  /** The tactical scenario file as written in the campaign file, relative to the campaign file. */
  tacticalFile: string;
  horizonDays: number;
  seed: number;
  evaluation: EvaluationMode;
  attacker: AttackerPlan;
  defender: DefenderPlan;
}

export interface AttackerPlan {
  /** One entry per threat type the attacker builds; names match the tactical scenario's threat types. */
  production: ThreatProduction[];
  raids: RaidPolicy;
  /** Optional funding lever: revenue pressure lowering production through an assumed elasticity. */
  funding?: FundingLever;
}

export interface ThreatProduction {
  threatType: string;
  /** Stock on hand at day 0. */
  stock: number;
  /** Production per day (the file gives it per month; a month is 30 days here). */
  perDay: Schedule;
}

export interface RaidPolicy {
  /** Launched every night (as far as the stock allows), by threat type. */
  nightly: { threatType: string; count: number }[];
  mass?: MassRaidPolicy;
}

export interface MassRaidPolicy {
  firstDay: number;
  everyDays: number;
  /** Share of each type's stock (after the nightly raid) thrown into a mass raid. */
  stockFraction: number;
  /** Largest mass raid per threat type, whatever the stock. */
  maxPerType: number;
}

/**
 * An assumption, not a fact: production is multiplied by (1 − pressure(day))^elasticity, where
 * pressure is the share of the attacker's revenue lost (sanctions, oil price) and elasticity the
 * responsiveness of production to revenue. Reports print it as an assumption.
 */
export interface FundingLever {
  revenuePressure: Schedule;
  elasticity: number;
  /** Where the figures come from, printed beside them. */
  note: string;
}

export interface DefenderPlan {
  /** Money per day (the file gives it per month of 30 days). */
  budgetPerDay: Schedule;
  /** How the budget is split across spending categories; undefined: one purse, spent by priority. */
  split?: BudgetSplit;
  pools: ForcePool[];
}

/** Shares of the budget by category name (see scenario/campaign-budget.ts); they sum to 1. */
export type BudgetSplit = Record<string, number>;

/** What a pool feeds: a defender kind of the tactical scenario, or its sensors. */
export const POOL_KINDS = ['interceptor-drone', 'jet', 'sam', 'sensor'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/**
 * A force pool: one kind of defender (or the sensors) in the tactical scenario, by unit name, fed
 * by stocks, production lines, deliveries, crews and sustainment. What "stock" and "crew" mean on
 * the tactical side is the kind's business (analysis/campaign/force-adapters.ts): for interceptor
 * drones the stock is airframes and a crew one concurrent flight (an operator team at a ground
 * station); for jets the stock is air-to-air missiles and a crew one aircraft flying tonight (pilots
 * and a sustained airframe); for SAMs the stock is missiles and a crew one manned fire unit; for
 * sensors there is no stock and a crew is one radar operating.
 */
export interface ForcePool {
  name: string;
  kind: PoolKind;
  /** The tactical scenario's defender units (or sensors) this pool feeds, in order of service. */
  units: string[];
  /** Munitions on hand at day 0; undefined: the units' stock in the tactical file. */
  stock?: number;
  /** Price of one munition when none of the lines says; undefined: the units' cost in the tactical file. */
  unitCost?: number;
  lines: ProductionLine[];
  deliveries: Delivery[];
  crews: CrewPlan;
  sustainment: Sustainment;
}

/**
 * Keeping platforms in service: each platform (airframe, fire unit, radar, ground station) costs
 * `costPerDay` to keep (flight hours, spares, maintenance); one left unpaid is grounded that day.
 * Of the crewed, sustained platforms, `readiness` (the mission-capable rate) are ready tonight.
 */
export interface Sustainment {
  costPerDay: number;
  readiness: number;
}

export interface ProductionLine {
  name: string;
  /** Full-rate capacity per day once ramped up. */
  capacityPerDay: Schedule;
  /** Days from the line's start to full rate, linearly. */
  rampDays: number;
  unitCost: number;
  /** Day the line starts (for a co-production line: the earliest day its set-up may start). */
  startDay: number;
  /** Co-production: money to be funded before set-up (0 for a running national line). */
  setupCost: number;
  /** Days from full funding to the first units. */
  setupDays: number;
}

export interface Delivery {
  day: number;
  /** Munitions delivered (missiles, interceptor drones). */
  munitions: number;
  /** Platforms delivered (ground stations, launchers, airframes, radars). */
  platforms: number;
  /** Trained operators delivered (a partner's training abroad). */
  operators: number;
}

/**
 * Crews: trained operators man platforms (ground stations for drones, airframes for jets); the
 * number of crews is the smaller of operators / operatorsPerCrew and platforms — either can be the
 * bottleneck.
 */
export interface CrewPlan {
  /** Operators at day 0; undefined: enough for the tactical file's crews. */
  operators?: number;
  /** Platforms at day 0; undefined: the tactical file's crews. */
  platforms?: number;
  operatorsPerCrew: number;
  /** Operators the schools can train per day (the file gives per month). */
  trainingPerDay: Schedule;
  trainingDays: number;
  trainingCost: number;
  /** Platforms that can be bought per day, at platformCost each. */
  platformsPerDay: Schedule;
  platformCost: number;
}
