// The figures `bulwark calibrate` may fit: unverified numbers that drive the nightly tallies, each
// with the plausible range the fit stays inside and why. A figure is written into a night's
// scenario document: an EW zone's loss probability on every zone, a catalog kill probability as an
// override on every unit of that catalog type that does not set its own.

import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import type { TallyName } from '../../model/calibration.js';
import { catalogEntry } from '../../scenario/index.js';
import { CalibrationError } from './calibration-error.js';

export interface FitFigure {
  /** Name on the command line and in tables. */
  id: string;
  /** What it is and where it lives. */
  what: string;
  low: number;
  high: number;
  /** Why the range is plausible. */
  why: string;
  /** The tallies it moves most directly, for saying why it moved. */
  drives: TallyName[];
}

export interface FigureValue {
  figure: FitFigure;
  value: number;
}

export const FIT_FIGURES: readonly FitFigure[] = [
  {
    id: 'ew.pLoss',
    what: "loss probability of every EW zone (the scenario's `ew[].pLoss`; an assumption, no source)",
    low: 0.2,
    high: 0.8,
    why:
      'jamming and spoofing bring down or divert a large share of satellite-navigated drones (9 Jul 2025: ' +
      '57% "lost or jammed"), but never all of them',
    drives: ['dronesLostLocally', 'dronesHit'],
  },
  {
    id: 'interceptor-drone.pk',
    what: 'kill probability per launch of the `interceptor-drone` class (catalog, unverified)',
    low: 0.4,
    high: 0.8,
    why: 'the one public figure is 68% for Sting, with 2–3 launched per Shahed (Zelensky, Oct 2025)',
    drives: ['dronesShotDown', 'interceptorDroneKills'],
  },
  {
    id: 'mobile-fire-group.pk',
    what: 'kill probability per burst of a `mobile-fire-group` (catalog, unverified)',
    low: 0.04,
    high: 0.3,
    why:
      'heavy machine guns against a 3.5 m drone lit by searchlights within about 1–2 km: a burst ' +
      'rarely kills, a few bursts often do',
    drives: ['dronesShotDown', 'dronesHit'],
  },
];

export function figureById(id: string): FitFigure | undefined {
  return FIT_FIGURES.find((f) => f.id === id);
}

function defenderUnits(doc: Document): YAMLMap[] {
  const defenders = doc.get('defenders', true);
  return isSeq(defenders) ? defenders.items.filter((d): d is YAMLMap => isMap(d)) : [];
}

/** The figure's value in the base scenario (mean over the places it acts), or undefined when unused. */
export function currentValue(doc: Document, figure: FitFigure): number | undefined {
  const values: number[] = [];
  if (figure.id === 'ew.pLoss') {
    const ew = doc.get('ew', true);
    if (isSeq(ew)) for (const z of ew.items) if (isMap(z)) values.push(fraction(z.get('pLoss')));
  } else {
    const [type] = figure.id.split('.');
    const pk = catalogEntry('defenders', type)?.figures.pk?.typical;
    for (const unit of defenderUnits(doc))
      if (unit.get('type') === type) values.push(unit.has('pk') ? Number(unit.get('pk')) : (pk ?? NaN));
  }
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? undefined : finite.reduce((a, b) => a + b, 0) / finite.length;
}

function fraction(value: unknown): number {
  if (typeof value === 'string' && value.trim().endsWith('%')) return Number(value.trim().slice(0, -1)) / 100;
  return Number(value);
}

/**
 * Writes the figure's value into the document wherever it acts and names those places (EW zones,
 * units); a figure that acts nowhere is an error.
 */
export function applyFigure(doc: Document, { figure, value }: FigureValue): string[] {
  const places: string[] = [];
  if (figure.id === 'ew.pLoss') {
    const ew = doc.get('ew', true);
    if (isSeq(ew))
      for (const zone of ew.items)
        if (isMap(zone)) {
          zone.set('pLoss', value);
          places.push(String(zone.get('name')));
        }
  } else {
    const [type, key] = figure.id.split('.');
    const entry = catalogEntry('defenders', type);
    const threats = doc.get('threats', true);
    const threatTypes = isSeq(threats)
      ? [...new Set(threats.items.map((w) => (isMap(w) ? String(w.get('type')).split('@')[0] : '')))]
      : [];
    // The catalog's own figure against a type (`pk-kh-101`) is another figure: it stays.
    const general = threatTypes.filter((t) => t !== '' && entry?.figures[`pk-${t}`] === undefined);
    for (const unit of defenderUnits(doc)) {
      if (unit.get('type') !== type || unit.has(key) || general.length === 0) continue;
      unit.set(key, doc.createNode(Object.fromEntries(general.map((t) => [t, value])), { flow: true }));
      places.push(String(unit.get('name')));
    }
  }
  if (places.length === 0)
    throw new CalibrationError(
      `figure ${figure.id}: nothing in the base scenario uses it (no ${
        figure.id === 'ew.pLoss' ? 'EW zone' : `unit of type ${figure.id.split('.')[0]} without its own pk`
      })`,
    );
  return places;
}
