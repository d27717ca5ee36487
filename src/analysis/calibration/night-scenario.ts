// One reported night as a scenario: the base scenario's raid scaled to the night's launches by
// threat type (each wave keeps its share of its type), optionally with ideal sensing for speed, and
// the candidate figures written in. Works on the YAML document, so the result is scenario text that
// parseScenario validates like any file.

import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { CalibrationNight } from '../../model/calibration.js';
import { CalibrationError } from './calibration-error.js';
import { applyFigure, type FigureValue } from './figures.js';

export interface NightScenarioOptions {
  /** Replace the sensors by ideal sensing and drop the tracker (much faster; C2 sees the truth). */
  idealSensors: boolean;
  /** The candidate figures; none keeps the base scenario's and the catalog's. */
  figures?: readonly FigureValue[];
}

export function parseBase(text: string): Document {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new CalibrationError(`the base scenario is not valid YAML: ${doc.errors[0].message}`);
  return doc;
}

/** The waves of the base scenario as (index, type, count), in file order. */
function waves(doc: Document): { node: YAMLMap; type: string; count: number }[] {
  const threats = doc.get('threats', true);
  if (!isSeq(threats)) throw new CalibrationError('the base scenario has no list of threats');
  return threats.items.map((item, i) => {
    if (!isMap(item)) throw new CalibrationError(`the base scenario's threats[${i}] is not a wave`);
    return { node: item, type: String(item.get('type')), count: Number(item.get('count') ?? 1) };
  });
}

/**
 * Splits `total` over weights in proportion, in whole numbers that add up to it: floors first, the
 * remainder one by one to the largest fractional parts (earlier first on ties).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}

export function nightScenarioText(
  baseText: string,
  night: CalibrationNight,
  options: NightScenarioOptions,
): string {
  const doc = parseBase(baseText);
  const list = waves(doc);
  const byType = new Map<string, number[]>();
  list.forEach((w, i) => {
    const key = w.type.split('@')[0];
    byType.set(key, [...(byType.get(key) ?? []), i]);
  });
  const counts = list.map(() => 0);
  for (const [type, launched] of Object.entries(night.launched)) {
    const indices = byType.get(type);
    if (!indices)
      throw new CalibrationError(
        `the night of ${night.date} launches ${launched} ${type} but the base scenario has no wave of ` +
          `that type (its types: ${[...byType.keys()].join(', ')})`,
      );
    const shares = apportion(
      launched,
      indices.map((i) => list[i].count),
    );
    indices.forEach((i, k) => (counts[i] = shares[k]));
  }
  const threats = doc.get('threats', true) as { items: unknown[] };
  // Waves of a type the night did not launch, or scaled to nothing, leave the raid.
  for (let i = list.length - 1; i >= 0; i--) {
    if (counts[i] === 0) threats.items.splice(i, 1);
    else list[i].node.set('count', counts[i]);
  }
  if (options.idealSensors) {
    doc.set('sensors', doc.createNode([{ type: 'ideal' }], { flow: true }));
    doc.delete('tracking');
  }
  for (const f of options.figures ?? []) applyFigure(doc, f);
  const name = String(doc.get('name') ?? 'scenario');
  const figures = (options.figures ?? []).map((f) => `${f.figure.id}=${f.value}`).join(' ');
  doc.set('name', `${name} — ${night.date}${figures ? ` (${figures})` : ''}`);
  return doc.toString({ lineWidth: 0 });
}
