// Campaign format version 1: YAML (or JSON) text in, a validated Campaign out — or every problem
// at once, each located to file:line:column. The campaign names a tactical scenario file; the
// caller resolves it (io reads files, this stays pure) and the campaign is checked against it:
// threat types and defender units must exist there, and defaults come from it.

import {
  EVALUATION_MODES,
  POOL_KINDS,
  type AttackerPlan,
  type Campaign,
  type CrewPlan,
  type Delivery,
  type DefenderPlan,
  type EvaluationMode,
  type ForcePool,
  type FundingLever,
  type PoolKind,
  type ProductionLine,
  type RaidPolicy,
  type Schedule,
  type Sustainment,
  type ThreatProduction,
} from '../model/campaign.js';
import type { Scenario } from '../model/scenario.js';
import { budgetCategories } from './campaign-budget.js';
import type { FieldPath, ScenarioIssue } from './issue.js';
import { readDocument } from './document.js';
import { Reader, describe, type Raw, type RawObject } from './reader.js';

export type CampaignParseResult =
  { ok: true; campaign: Campaign; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Loads the tactical scenario a campaign names (a path as written); io supplies it. */
export type TacticalResolver = (
  path: string,
) => { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** A month is 30 days in campaign files and reports. */
export const DAYS_PER_MONTH = 30;
const DAY_S = 86_400;
/** Ten years: longer horizons are taken for a typo. */
export const MAX_HORIZON_DAYS = 3650;
const MAX_COUNT = 1e9;
const MAX_MONEY = 1e15;

const TOP_FIELDS = [
  'version',
  'name',
  'description',
  'tactical',
  'horizon',
  'seed',
  'evaluation',
  'attacker',
  'defender',
];

/** Fields only a tactical scenario has at the top: a file with several and no campaign fields is one. */
const TACTICAL_ONLY = ['start', 'duration', 'region', 'assets', 'threats', 'defenders', 'sensors', 'places'];

function isTacticalScenario(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const keys = Object.keys(raw);
  if (keys.some((k) => ['tactical', 'attacker', 'defender', 'horizon'].includes(k))) return false;
  return keys.filter((k) => TACTICAL_ONLY.includes(k)).length >= 3;
}

export function parseCampaign(text: string, file: string, resolve: TacticalResolver): CampaignParseResult {
  const read = readDocument(text, file);
  if (!read.ok) return read;
  const { reader: r, raw } = read;
  if (isTacticalScenario(raw)) {
    r.error([], 'this is a tactical scenario (one night), not a campaign', {
      hint: `run it with 'bulwark run ${file}', or name it in a campaign file's 'tactical' field (see scenarios/campaigns/kyiv-winter.yaml)`,
    });
    return { ok: false, issues: r.issues };
  }
  const top = r.object(raw, [], TOP_FIELDS);
  if (!top) return { ok: false, issues: r.issues };
  if (top.version !== undefined && top.version !== 1)
    r.error(['version'], 'unsupported campaign format version', {
      expected: '1',
      found: describe(top.version),
    });
  for (const key of ['name', 'tactical', 'horizon', 'attacker', 'defender']) r.required(top, key, []);

  let scenario: Scenario | undefined;
  const tacticalFile = top.tactical === undefined ? undefined : r.string(top.tactical, ['tactical']);
  if (tacticalFile !== undefined) {
    const loaded = resolve(tacticalFile);
    if (loaded.ok) scenario = loaded.scenario;
    else {
      r.error(['tactical'], `the tactical scenario '${tacticalFile}' has errors (listed below)`);
      r.issues.push(...loaded.issues);
    }
  }
  const p = new CampaignParser(r, scenario);
  const name = top.name === undefined ? '' : (r.string(top.name, ['name']) ?? '');
  const description = top.description === undefined ? '' : (r.string(top.description, ['description']) ?? '');
  const horizonDays = top.horizon === undefined ? 0 : (p.days(top.horizon, ['horizon'], { above: 0 }) ?? 0);
  if (horizonDays > MAX_HORIZON_DAYS)
    r.error(['horizon'], 'out of range', {
      expected: `at most ${MAX_HORIZON_DAYS} days`,
      found: describe(top.horizon),
    });
  const seed =
    top.seed === undefined
      ? 1
      : (r.number(top.seed, ['seed'], { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }) ?? 1);
  const evaluation: EvaluationMode =
    top.evaluation === undefined
      ? 'surrogate'
      : (r.choice(top.evaluation, ['evaluation'], EVALUATION_MODES, 'evaluation mode') ?? 'surrogate');
  const attacker = top.attacker === undefined ? undefined : p.attacker(top.attacker);
  const defender = top.defender === undefined ? undefined : p.defender(top.defender);
  if (r.issues.length > 0 || !attacker || !defender || !scenario || tacticalFile === undefined)
    return { ok: false, issues: r.issues };
  return {
    ok: true,
    scenario,
    campaign: {
      name,
      description,
      tacticalFile,
      horizonDays: Math.round(horizonDays),
      seed,
      evaluation,
      attacker,
      defender,
    },
  };
}

class CampaignParser {
  constructor(
    private readonly r: Reader,
    private readonly scenario: Scenario | undefined,
  ) {}

  /** A duration or a day: "90 d", "6 months", "6 weeks", or a bare number of days. */
  days(
    value: Raw,
    path: FieldPath,
    bounds: { above?: number; min?: number } = { min: 0 },
  ): number | undefined {
    const asSeconds = typeof value === 'number' ? value * DAY_S : value;
    const s = this.r.quantity(asSeconds, path, 'time', {
      ...(bounds.above !== undefined ? { above: bounds.above * DAY_S } : {}),
      ...(bounds.min !== undefined ? { min: bounds.min * DAY_S } : {}),
      max: MAX_HORIZON_DAYS * DAY_S,
    });
    return s === undefined ? undefined : s / DAY_S;
  }

  money(value: Raw, path: FieldPath): number | undefined {
    return this.r.quantity(value, path, 'money', { min: 0, max: MAX_MONEY }, '$');
  }

  count(value: Raw, path: FieldPath, integer = true): number | undefined {
    return this.r.number(value, path, { min: 0, max: MAX_COUNT, integer });
  }

  /**
   * A schedule of a rate given per month (or per day): a constant, or a ramp as a list of
   * [time, value] pairs, linear between them. Values are returned per day.
   */
  schedule(
    value: Raw,
    path: FieldPath,
    perDayDivisor: number,
    read: (v: Raw, p: FieldPath) => number | undefined,
  ): Schedule | undefined {
    if (!Array.isArray(value)) {
      const v = read(value, path);
      return v === undefined ? undefined : { points: [{ day: 0, value: v / perDayDivisor }] };
    }
    if (value.length === 0) {
      this.r.error(path, 'an empty ramp', { expected: 'a value, or a list of [time, value] pairs' });
      return undefined;
    }
    const points: Schedule['points'] = [];
    let ok = true;
    value.forEach((item, k) => {
      const at = [...path, k];
      if (!Array.isArray(item) || item.length !== 2) {
        this.r.error(at, 'not a ramp point', {
          expected: '[time, value] like ["6 months", 4000]',
          found: describe(item),
        });
        ok = false;
        return;
      }
      const day = this.days(item[0], [...at, 0]);
      const v = read(item[1], [...at, 1]);
      if (day === undefined || v === undefined) {
        ok = false;
        return;
      }
      if (points.length > 0 && day <= points[points.length - 1].day) {
        this.r.error([...at, 0], 'ramp times must increase', { found: describe(item[0]) });
        ok = false;
        return;
      }
      points.push({ day, value: v / perDayDivisor });
    });
    return ok ? { points } : undefined;
  }

  private threatTypeName(value: Raw, path: FieldPath): string | undefined {
    const names = this.scenario
      ? [...new Set(this.scenario.threatTypes.map((t) => t.name.split('@')[0]))]
      : [];
    if (!this.scenario) return this.r.string(value, path);
    return this.r.choice(value, path, names, 'threat type of the tactical scenario');
  }

  attacker(value: Raw): AttackerPlan | undefined {
    const r = this.r;
    const o = r.object(value, ['attacker'], ['production', 'raids', 'funding']);
    if (!o) return undefined;
    for (const key of ['production', 'raids']) r.required(o, key, ['attacker']);
    const production: ThreatProduction[] = [];
    const list = o.production === undefined ? undefined : r.list(o.production, ['attacker', 'production']);
    list?.forEach((item, i) => {
      const path = ['attacker', 'production', i];
      const p = r.object(item, path, ['type', 'stock', 'perMonth']);
      if (!p) return;
      for (const key of ['type', 'perMonth']) r.required(p, key, path);
      const threatType = p.type === undefined ? undefined : this.threatTypeName(p.type, [...path, 'type']);
      if (threatType !== undefined && production.some((q) => q.threatType === threatType))
        r.error([...path, 'type'], `threat type '${threatType}' is listed twice`);
      const stock = p.stock === undefined ? 0 : this.count(p.stock, [...path, 'stock']);
      const perDay =
        p.perMonth === undefined
          ? undefined
          : this.schedule(p.perMonth, [...path, 'perMonth'], DAYS_PER_MONTH, (v, q) =>
              this.count(v, q, false),
            );
      if (threatType !== undefined && stock !== undefined && perDay !== undefined)
        production.push({ threatType, stock, perDay });
    });
    const raids = o.raids === undefined ? undefined : this.raids(o.raids, list, production);
    const funding = o.funding === undefined ? undefined : this.funding(o.funding);
    if (!raids || (o.funding !== undefined && !funding)) return undefined;
    return { production, raids, ...(funding ? { funding } : {}) };
  }

  private raids(
    value: Raw,
    list: readonly Raw[] | undefined,
    production: readonly ThreatProduction[],
  ): RaidPolicy | undefined {
    const r = this.r;
    const path = ['attacker', 'raids'];
    const o = r.object(value, path, ['nightly', 'mass']);
    if (!o) return undefined;
    const nightly: RaidPolicy['nightly'] = [];
    if (o.nightly !== undefined) {
      const n = r.object(o.nightly, [...path, 'nightly'], Object.keys(isRecord(o.nightly) ? o.nightly : {}));
      for (const [key, v] of Object.entries(n ?? {})) {
        const at = [...path, 'nightly', key];
        const type = this.threatTypeName(key, at);
        const count = this.count(v, at);
        if (type === undefined || count === undefined) continue;
        // A production entry in error is not held against the raid (its own error says enough).
        const listed = (list ?? []).some((item) => isRecord(item) && item.type === type);
        if (!listed && production.length === (list ?? []).length)
          r.error(at, `no production or stock of '${type}'`, { hint: `add it under attacker.production` });
        else nightly.push({ threatType: type, count });
      }
    }
    let mass: RaidPolicy['mass'];
    if (o.mass !== undefined) {
      const m = r.object(o.mass, [...path, 'mass'], ['first', 'every', 'stockShare', 'max']);
      if (!m) return undefined;
      r.required(m, 'every', [...path, 'mass']);
      const firstDay = m.first === undefined ? 0 : this.days(m.first, [...path, 'mass', 'first']);
      const everyDays =
        m.every === undefined ? undefined : this.days(m.every, [...path, 'mass', 'every'], { min: 1 });
      const stockFraction =
        m.stockShare === undefined
          ? 0.5
          : r.number(m.stockShare, [...path, 'mass', 'stockShare'], { min: 0, max: 1 });
      const maxPerType = m.max === undefined ? MAX_COUNT : this.count(m.max, [...path, 'mass', 'max']);
      if (
        firstDay === undefined ||
        everyDays === undefined ||
        stockFraction === undefined ||
        maxPerType === undefined
      )
        return undefined;
      mass = { firstDay: Math.round(firstDay), everyDays: Math.round(everyDays), stockFraction, maxPerType };
    }
    return { nightly, ...(mass ? { mass } : {}) };
  }

  private funding(value: Raw): FundingLever | undefined {
    const r = this.r;
    const path = ['attacker', 'funding'];
    const o = r.object(value, path, ['revenuePressure', 'elasticity', 'note']);
    if (!o) return undefined;
    for (const key of ['revenuePressure', 'elasticity']) r.required(o, key, path);
    const revenuePressure =
      o.revenuePressure === undefined
        ? undefined
        : this.schedule(o.revenuePressure, [...path, 'revenuePressure'], 1, (v, q) =>
            r.number(v, q, { min: 0, max: 0.99 }),
          );
    const elasticity =
      o.elasticity === undefined
        ? undefined
        : r.number(o.elasticity, [...path, 'elasticity'], { min: 0, max: 10 });
    const note = o.note === undefined ? 'planning assumption' : r.string(o.note, [...path, 'note']);
    if (revenuePressure === undefined || elasticity === undefined || note === undefined) return undefined;
    return { revenuePressure, elasticity, note };
  }

  defender(value: Raw): DefenderPlan | undefined {
    const r = this.r;
    const o = r.object(value, ['defender'], ['budgetPerMonth', 'split', 'pools']);
    if (!o) return undefined;
    for (const key of ['budgetPerMonth', 'pools']) r.required(o, key, ['defender']);
    const budgetPerDay =
      o.budgetPerMonth === undefined
        ? undefined
        : this.schedule(o.budgetPerMonth, ['defender', 'budgetPerMonth'], DAYS_PER_MONTH, (v, q) =>
            this.money(v, q),
          );
    const pools: ForcePool[] = [];
    const list = o.pools === undefined ? undefined : r.list(o.pools, ['defender', 'pools']);
    list?.forEach((item, i) => {
      const pool = this.pool(item, ['defender', 'pools', i], pools);
      if (pool) pools.push(pool);
    });
    let split: Record<string, number> | undefined;
    // The categories follow from the pools: with a pool in error, the split cannot be checked yet.
    if (o.split !== undefined && list !== undefined && pools.length === list.length) {
      const categories = budgetCategories(pools);
      const s = r.object(o.split, ['defender', 'split'], categories);
      if (s) {
        split = {};
        let sum = 0;
        for (const c of categories) {
          const v = s[c] === undefined ? 0 : r.number(s[c], ['defender', 'split', c], { min: 0, max: 1 });
          split[c] = v ?? 0;
          sum += v ?? 0;
        }
        if (Math.abs(sum - 1) > 1e-6)
          r.error(['defender', 'split'], 'the shares do not sum to 1', {
            found: String(Number(sum.toFixed(6))),
          });
      }
    }
    if (!budgetPerDay) return undefined;
    return { budgetPerDay, ...(split ? { split } : {}), pools };
  }

  private pool(value: Raw, path: FieldPath, earlier: readonly ForcePool[]): ForcePool | undefined {
    const r = this.r;
    const o = r.object(value, path, [
      'name',
      'units',
      'stock',
      'cost',
      'lines',
      'deliveries',
      'crews',
      'sustainment',
    ]);
    if (!o || !r.required(o, 'name', path)) return undefined;
    const name = r.string(o.name, [...path, 'name']);
    if (name !== undefined && !/^[A-Za-z0-9_-]+$/.test(name)) {
      r.error([...path, 'name'], 'not a plain name', {
        expected: 'letters, digits, - and _',
        found: describe(o.name),
      });
      return undefined;
    }
    if (name !== undefined && earlier.some((p) => p.name === name))
      r.error([...path, 'name'], `duplicate pool name '${name}'`);
    const defenderNames = this.scenario?.defenders.map((d) => d.name) ?? [];
    const sensorNames = this.scenario?.sensors.map((d) => d.name) ?? [];
    const unitNames = [...defenderNames, ...sensorNames];
    // A pool without `units` feeds every defender unit no earlier pool feeds (not the sensors).
    let units: string[] | undefined = defenderNames.filter((u) => !earlier.some((p) => p.units.includes(u)));
    if (o.units !== undefined) {
      const list = r.list(o.units, [...path, 'units']);
      units = list
        ?.map((u, k) =>
          r.choice(u, [...path, 'units', k], unitNames, 'defender unit or sensor of the tactical scenario'),
        )
        .filter((u): u is string => u !== undefined);
      units?.forEach((u, k) => {
        if (earlier.some((p) => p.units.includes(u)) || units!.indexOf(u) < k)
          r.error([...path, 'units', k], `unit '${u}' is already fed by a pool`);
      });
    }
    if (units && units.length === 0 && !(Array.isArray(o.units) && o.units.length > 0))
      r.error([...path, 'units'], 'the pool feeds no defender unit');
    let kind: PoolKind = 'interceptor-drone';
    if (units && units.length > 0 && this.scenario) {
      const kindOf = (u: string) => {
        const d = this.scenario!.defenders.find((x) => x.name === u);
        return d ? d.kind : 'sensor';
      };
      const kinds = new Set(units.map(kindOf));
      const weapons = new Set(
        units.map((u) => this.scenario!.defenders.find((x) => x.name === u)?.catalogType ?? 'sensor'),
      );
      kind = kindOf(units[0]) as PoolKind;
      if (kinds.size > 1)
        r.error([...path, 'units'], 'a pool feeds units of one defender kind (or only sensors)', {
          found: [...kinds].join(', '),
        });
      else if (!(POOL_KINDS as readonly string[]).includes(kind))
        r.error([...path, 'units'], `no campaign pool for defender kind '${kind}'`, {
          expected: `units of kind ${POOL_KINDS.join(', ')}`,
        });
      // One munition per pool, so each kind of missile has its own stock and ledger.
      else if (weapons.size > 1)
        r.error([...path, 'units'], 'a pool feeds units of one catalog type (one kind of munition)', {
          found: [...weapons].join(', '),
        });
    }
    if (kind === 'sensor')
      for (const key of ['stock', 'cost', 'lines'])
        if (o[key] !== undefined)
          r.error([...path, key], `a sensor pool has no munitions: '${key}' does not apply`);
    const stock = o.stock === undefined ? undefined : this.count(o.stock, [...path, 'stock']);
    const unitCost = o.cost === undefined ? undefined : this.money(o.cost, [...path, 'cost']);
    const lines: ProductionLine[] = [];
    const lineList = o.lines === undefined ? [] : r.list(o.lines, [...path, 'lines']);
    lineList?.forEach((item, k) => {
      const line = this.line(item, [...path, 'lines', k], lines);
      if (line) lines.push(line);
    });
    const deliveries: Delivery[] = [];
    const deliveryList = o.deliveries === undefined ? [] : r.list(o.deliveries, [...path, 'deliveries']);
    deliveryList?.forEach((item, k) => {
      const d = this.delivery(item, [...path, 'deliveries', k]);
      if (d) deliveries.push(d);
      if (d && kind === 'sensor' && d.munitions > 0)
        r.error([...path, 'deliveries', k, 'munitions'], 'a sensor pool has no munitions');
    });
    deliveries.sort((a, b) => a.day - b.day);
    const crews = this.crews(o.crews, [...path, 'crews']);
    const sustainment = this.sustainment(o.sustainment, [...path, 'sustainment']);
    if (
      name === undefined ||
      !units ||
      !crews ||
      !sustainment ||
      (o.stock !== undefined && stock === undefined) ||
      (o.cost !== undefined && unitCost === undefined)
    )
      return undefined;
    return {
      name,
      kind,
      units,
      ...(stock !== undefined ? { stock } : {}),
      ...(unitCost !== undefined ? { unitCost } : {}),
      lines,
      deliveries,
      crews,
      sustainment,
    };
  }

  private sustainment(value: Raw, path: FieldPath): Sustainment | undefined {
    const r = this.r;
    if (value === undefined) return { costPerDay: 0, readiness: 1 };
    const o = r.object(value, path, ['costPerMonth', 'readiness']);
    if (!o) return undefined;
    const perMonth = o.costPerMonth === undefined ? 0 : this.money(o.costPerMonth, [...path, 'costPerMonth']);
    const readiness =
      o.readiness === undefined ? 1 : r.number(o.readiness, [...path, 'readiness'], { min: 0, max: 1 });
    if (perMonth === undefined || readiness === undefined) return undefined;
    return { costPerDay: perMonth / DAYS_PER_MONTH, readiness };
  }

  private line(value: Raw, path: FieldPath, earlier: readonly ProductionLine[]): ProductionLine | undefined {
    const r = this.r;
    const o = r.object(value, path, [
      'name',
      'capacityPerDay',
      'ramp',
      'cost',
      'start',
      'setupCost',
      'setupDelay',
    ]);
    if (!o) return undefined;
    for (const key of ['name', 'capacityPerDay', 'cost']) r.required(o, key, path);
    const name = o.name === undefined ? undefined : r.string(o.name, [...path, 'name']);
    if (name !== undefined && earlier.some((l) => l.name === name))
      r.error([...path, 'name'], `duplicate line name '${name}'`);
    const capacityPerDay =
      o.capacityPerDay === undefined
        ? undefined
        : this.schedule(o.capacityPerDay, [...path, 'capacityPerDay'], 1, (v, q) => this.count(v, q, false));
    const rampDays = o.ramp === undefined ? 0 : this.days(o.ramp, [...path, 'ramp']);
    const unitCost = o.cost === undefined ? undefined : this.money(o.cost, [...path, 'cost']);
    const startDay = o.start === undefined ? 0 : this.days(o.start, [...path, 'start']);
    const setupCost = o.setupCost === undefined ? 0 : this.money(o.setupCost, [...path, 'setupCost']);
    const setupDays = o.setupDelay === undefined ? 0 : this.days(o.setupDelay, [...path, 'setupDelay']);
    if (
      name === undefined ||
      capacityPerDay === undefined ||
      rampDays === undefined ||
      unitCost === undefined ||
      startDay === undefined ||
      setupCost === undefined ||
      setupDays === undefined
    )
      return undefined;
    return { name, capacityPerDay, rampDays, unitCost, startDay, setupCost, setupDays };
  }

  private delivery(value: Raw, path: FieldPath): Delivery | undefined {
    const r = this.r;
    const o = r.object(value, path, ['at', 'munitions', 'platforms', 'operators']);
    if (!o || !r.required(o, 'at', path)) return undefined;
    const day = this.days(o.at, [...path, 'at']);
    const munitions = o.munitions === undefined ? 0 : this.count(o.munitions, [...path, 'munitions']);
    const platforms = o.platforms === undefined ? 0 : this.count(o.platforms, [...path, 'platforms']);
    const operators = o.operators === undefined ? 0 : this.count(o.operators, [...path, 'operators']);
    if (o.munitions === undefined && o.platforms === undefined && o.operators === undefined)
      r.error(path, 'a delivery of nothing', { expected: 'munitions, platforms or operators' });
    if (day === undefined || munitions === undefined || platforms === undefined || operators === undefined)
      return undefined;
    return { day: Math.round(day), munitions, platforms, operators };
  }

  private crews(value: Raw, path: FieldPath): CrewPlan | undefined {
    const r = this.r;
    const fallback: CrewPlan = {
      operatorsPerCrew: 1,
      trainingPerDay: { points: [{ day: 0, value: 0 }] },
      trainingDays: 0,
      trainingCost: 0,
      platformsPerDay: { points: [{ day: 0, value: 0 }] },
      platformCost: 0,
    };
    if (value === undefined) return fallback;
    const o = r.object(value, path, [
      'operators',
      'platforms',
      'operatorsPerCrew',
      'trainingPerMonth',
      'trainingTime',
      'trainingCost',
      'platformsPerMonth',
      'platformCost',
    ]);
    if (!o) return undefined;
    const operators = o.operators === undefined ? undefined : this.count(o.operators, [...path, 'operators']);
    const platforms = o.platforms === undefined ? undefined : this.count(o.platforms, [...path, 'platforms']);
    const operatorsPerCrew =
      o.operatorsPerCrew === undefined
        ? 1
        : r.number(o.operatorsPerCrew, [...path, 'operatorsPerCrew'], { min: 1, max: 1000, integer: true });
    const trainingPerDay =
      o.trainingPerMonth === undefined
        ? fallback.trainingPerDay
        : this.schedule(o.trainingPerMonth, [...path, 'trainingPerMonth'], DAYS_PER_MONTH, (v, q) =>
            this.count(v, q, false),
          );
    const trainingDays =
      o.trainingTime === undefined ? 0 : this.days(o.trainingTime, [...path, 'trainingTime']);
    const trainingCost =
      o.trainingCost === undefined ? 0 : this.money(o.trainingCost, [...path, 'trainingCost']);
    const platformsPerDay =
      o.platformsPerMonth === undefined
        ? fallback.platformsPerDay
        : this.schedule(o.platformsPerMonth, [...path, 'platformsPerMonth'], DAYS_PER_MONTH, (v, q) =>
            this.count(v, q, false),
          );
    const platformCost =
      o.platformCost === undefined ? 0 : this.money(o.platformCost, [...path, 'platformCost']);
    if (
      (o.operators !== undefined && operators === undefined) ||
      (o.platforms !== undefined && platforms === undefined) ||
      operatorsPerCrew === undefined ||
      trainingPerDay === undefined ||
      trainingDays === undefined ||
      trainingCost === undefined ||
      platformsPerDay === undefined ||
      platformCost === undefined
    )
      return undefined;
    return {
      ...(operators !== undefined ? { operators } : {}),
      ...(platforms !== undefined ? { platforms } : {}),
      operatorsPerCrew,
      trainingPerDay,
      trainingDays: Math.round(trainingDays),
      trainingCost,
      platformsPerDay,
      platformCost,
    };
  }
}

function isRecord(value: unknown): value is RawObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
