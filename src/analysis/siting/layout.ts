// What siting moves and where it may put it: the units named by `--move`, the candidate positions
// each may take (from the scenario's siting areas), a layout applied to a Scenario, and the raid
// axes of the scenario. Positions are latitude/longitude rounded to 1e-5° (about a metre), the
// precision the written scenario file carries, so what is evaluated is exactly what is written.

import { LocalFrame, type Enu, type LatLon } from '../../core/geo.js';
import { insidePolygon } from '../../core/polygon.js';
import type { Scenario, Wave } from '../../model/scenario.js';
import { didYouMean } from '../../scenario/did-you-mean.js';

/** A user's mistake in what to site; the CLI prints it and exits 2. */
export class SitingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SitingError';
  }
}

export interface MovedUnit {
  /** As given: `defenders.fg-desna` or `sensors.radar-1`. */
  path: string;
  section: 'defenders' | 'sensors';
  name: string;
  /** Index into scenario.defenders or scenario.sensors. */
  index: number;
  /** Where the scenario file puts it. */
  original: LatLon;
  /** Positions it may take, rounded; the file's own position among them when it is allowed. */
  candidates: LatLon[];
  /** Index of the file's position in `candidates`, or -1 when it lies outside every allowed area. */
  originalIndex: number;
}

/** One position per moved unit, in the order of the moved units. */
export type Layout = LatLon[];

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
export const roundLatLon = (p: LatLon): LatLon => ({ latDeg: round5(p.latDeg), lonDeg: round5(p.lonDeg) });

/** Resolves `--move` paths against the scenario and gathers each unit's candidate positions. */
export function resolveMoves(scenario: Scenario, paths: readonly string[]): MovedUnit[] {
  const siting = scenario.siting;
  if (!siting || siting.areas.length === 0)
    throw new SitingError(
      "the scenario has no siting areas: add a 'siting:' block with areas naming the units (docs/siting.md)",
    );
  const frame = new LocalFrame(scenario.origin);
  const seen = new Set<string>();
  return paths.map((path) => {
    const [section, ...rest] = path.split('.');
    const name = rest.join('.');
    if ((section !== 'defenders' && section !== 'sensors') || name === '')
      throw new SitingError(`--move ${path}: expected defenders.<name> or sensors.<name>`);
    if (seen.has(path)) throw new SitingError(`--move ${path}: given twice`);
    seen.add(path);
    const names =
      section === 'defenders'
        ? scenario.defenders.map((d) => d.name)
        : scenario.sensors.filter((s) => s.type === 'radar').map((s) => s.name);
    const index =
      section === 'defenders'
        ? scenario.defenders.findIndex((d) => d.name === name)
        : scenario.sensors.findIndex((s) => s.type === 'radar' && s.name === name);
    if (index < 0) {
      const hint = didYouMean(name, names);
      throw new SitingError(
        `--move ${path}: no ${section === 'defenders' ? 'defender unit' : 'radar'} named '${name}'` +
          (hint ? ` (${hint})` : `; there are ${names.join(', ') || 'none'}`),
      );
    }
    const at = positionOf(scenario, section, index);
    const original = roundLatLon(frame.toLatLon(at.e, at.n));
    const areas = siting.areas.filter((a) => a.units.includes(name));
    if (areas.length === 0)
      throw new SitingError(
        `--move ${path}: no siting area allows '${name}'; name it in the units of an area under siting.areas`,
      );
    const candidates: LatLon[] = [];
    const keys = new Set<string>();
    const add = (p: LatLon) => {
      const key = `${p.latDeg},${p.lonDeg}`;
      if (keys.has(key)) return;
      keys.add(key);
      candidates.push(p);
    };
    // A fire group's patrol moves with its base: a position is a candidate only when the whole
    // patrol stays out of the no-go zones and, for polygon areas, inside an allowed polygon.
    const unit = section === 'defenders' ? scenario.defenders[index] : undefined;
    const patrolFits = (to: LatLon, polygonArea: boolean) => {
      if (unit?.kind !== 'fire-group' || unit.patrol.length < 2) return true;
      return shiftedPatrol(frame, unit.patrol, original, to).every((p) => {
        const at = frame.toEnu(p.latDeg, p.lonDeg);
        if (siting.noGo.some((z) => insidePolygon(at, z.polygon))) return false;
        return !polygonArea || areas.some((a) => a.polygon !== undefined && insidePolygon(at, a.polygon));
      });
    };
    for (const area of areas)
      for (const p of area.positions) {
        const ll = roundLatLon(frame.toLatLon(p.e, p.n));
        if (patrolFits(ll, area.polygon !== undefined)) add(ll);
      }
    // The file's own position is a candidate when an allowed polygon holds it, so the search can
    // always keep a unit where it is.
    const inNoGo = siting.noGo.some((z) => insidePolygon(at, z.polygon));
    const allowed = areas.some((a) => a.polygon !== undefined && insidePolygon(at, a.polygon));
    let originalIndex = candidates.findIndex(
      (c) => c.latDeg === original.latDeg && c.lonDeg === original.lonDeg,
    );
    if (originalIndex < 0 && allowed && !inNoGo) {
      add(original);
      originalIndex = candidates.length - 1;
    }
    if (candidates.length === 0)
      throw new SitingError(
        `--move ${path}: no allowed position keeps the patrol of '${name}' inside its areas and out of the no-go zones`,
      );
    return { path, section, name, index, original, candidates, originalIndex };
  });
}

function positionOf(scenario: Scenario, section: 'defenders' | 'sensors', index: number): Enu {
  if (section === 'defenders') return scenario.defenders[index].base;
  const sensor = scenario.sensors[index];
  if (sensor.type !== 'radar') throw new Error(`sensor ${sensor.name} has no single position`);
  return sensor.position;
}

/** The file's layout: every moved unit where the scenario puts it. */
export function originalLayout(moved: readonly MovedUnit[]): Layout {
  return moved.map((m) => m.original);
}

/**
 * The scenario with the moved units at the layout's positions, on the ground as a written
 * [lat, lon] puts them. A fire group's patrol moves with its base, keeping its shape; a jet's
 * patrol station stays where it is (it is flown to).
 */
export function applyLayout(scenario: Scenario, moved: readonly MovedUnit[], layout: Layout): Scenario {
  const frame = new LocalFrame(scenario.origin);
  const defenders = [...scenario.defenders];
  const sensors = [...scenario.sensors];
  moved.forEach((m, i) => {
    const to = layout[i];
    if (m.section === 'defenders') {
      const unit = defenders[m.index];
      const base = ground(frame, to);
      if (unit.kind === 'fire-group') {
        const patrol = shiftedPatrol(frame, unit.patrol, m.original, to).map((p) => ground(frame, p));
        defenders[m.index] = { ...unit, base, patrol: [base, ...patrol.slice(1)] };
      } else {
        defenders[m.index] = { ...unit, base };
      }
    } else {
      const sensor = sensors[m.index];
      if (sensor.type === 'radar') sensors[m.index] = { ...sensor, position: ground(frame, to) };
    }
  });
  return { ...scenario, defenders, sensors };
}

/** A written [lat, lon] as the scenario parser reads it: on the local plane, altitude 0. */
function ground(frame: LocalFrame, p: LatLon): Enu {
  const at = frame.toEnu(p.latDeg, p.lonDeg, 0);
  return { e: at.e, n: at.n, u: 0 };
}

/** Patrol points shifted by the move of the base, rounded as they are written; the first is the base. */
export function shiftedPatrol(frame: LocalFrame, patrol: readonly Enu[], from: LatLon, to: LatLon): LatLon[] {
  return patrol.map((p, k) => {
    if (k === 0) return to;
    const ll = frame.toLatLon(p.e, p.n);
    return roundLatLon({
      latDeg: ll.latDeg + to.latDeg - from.latDeg,
      lonDeg: ll.lonDeg + to.lonDeg - from.lonDeg,
    });
  });
}

/** The scenario-file edits that write a layout: a field path and the position(s) it takes. */
export interface PositionEdit {
  path: string;
  /** One position [lat, lon] or a list of them (a patrol). */
  value: number[] | number[][];
}

export function layoutEdits(scenario: Scenario, moved: readonly MovedUnit[], layout: Layout): PositionEdit[] {
  const frame = new LocalFrame(scenario.origin);
  const edits: PositionEdit[] = [];
  const point = (p: LatLon) => [p.latDeg, p.lonDeg];
  moved.forEach((m, i) => {
    const to = layout[i];
    if (m.section === 'defenders') {
      const unit = scenario.defenders[m.index];
      edits.push({ path: `defenders.${m.name}.base`, value: point(to) });
      if (unit.kind === 'fire-group' && unit.patrol.length > 1)
        edits.push({
          path: `defenders.${m.name}.patrol`,
          value: shiftedPatrol(frame, unit.patrol, m.original, to)
            .slice(1)
            .map((p) => point(p)),
        });
    } else {
      edits.push({ path: `sensors.${m.name}.at`, value: point(to) });
    }
  });
  return edits;
}

/** A raid axis: the waves that launch from the same place and fly the same route. */
export interface RaidAxis {
  name: string;
  waves: string[];
}

export function raidAxes(waves: readonly Wave[]): RaidAxis[] {
  const groups = new Map<string, string[]>();
  for (const w of waves) {
    const key = [w.launchCenter, ...w.route]
      .map((p) => `${Math.round(p.e / 100)},${Math.round(p.n / 100)}`)
      .join(';');
    const group = groups.get(key);
    if (group) group.push(w.name);
    else groups.set(key, [w.name]);
  }
  return [...groups.values()].map((names) => ({ name: axisName(names), waves: names }));
}

/** The waves' common name prefix (north-axis, north-decoys → north), or their names joined. */
function axisName(names: string[]): string {
  if (names.length === 1) return names[0];
  let prefix = names[0];
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Whole words only: east-drones and east-decoys make east, not east-d.
  if (!names.every((n) => n.length === prefix.length || /[-_ .]/.test(n[prefix.length])))
    prefix = prefix.slice(0, Math.max(0, prefix.search(/[-_ .][^-_ .]*$/)));
  prefix = prefix.replace(/[-_ .]+$/, '');
  return prefix.length >= 2 ? prefix : names.join('+');
}

/** The scenario with only the named waves; every other wave stays home. */
export function withWaves(scenario: Scenario, names: readonly string[]): Scenario {
  return { ...scenario, waves: scenario.waves.filter((w) => names.includes(w.name)) };
}
