import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { C2_DEFAULTS } from '../model/scenario.js';
import { formatIssue, parseScenario } from './index.js';

const small = readFileSync(new URL('../../test/fixtures/small-night.yaml', import.meta.url), 'utf8');
const withC2 = (c2: string) => `${small}\nc2: ${c2}\n`;

function c2Of(c2: string) {
  const r = parseScenario(withC2(c2), 'n.yaml');
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.scenario.c2;
}

function errorsOf(c2: string): string[] {
  const r = parseScenario(withC2(c2), 'n.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.issues.map(formatIssue);
}

describe('the c2 block', () => {
  it('defaults to nearest, shoot-look-shoot and the documented terms', () => {
    const r = parseScenario(small, 'n.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.c2).toEqual({
      policy: 'nearest',
      cycleS: 2,
      salvoByThreatType: [1, 1],
      ...C2_DEFAULTS,
    });
  });

  it('reads policies, doctrines and the objective terms', () => {
    const c2 = c2Of(
      '{ policy: lns, cycle: 4 s, doctrine: { salvo: { shahed-136: 2, default: 1 } }, valuePerMoney: 0.01, reserve: { keep: 25%, value: 30 }, switchMargin: 0.5, iterations: 80 }',
    );
    expect(c2).toEqual({
      policy: 'lns',
      cycleS: 4,
      salvoByThreatType: [2, 1],
      valuePerMoney: 0.01,
      reserveFraction: 0.25,
      reserveValue: 30,
      switchMargin: 0.5,
      iterations: 80,
    });
    expect(c2Of('{ doctrine: { salvo: 3 } }').salvoByThreatType).toEqual([3, 3]);
    expect(c2Of('{ doctrine: shoot-look-shoot }').salvoByThreatType).toEqual([1, 1]);
    for (const policy of ['nearest', 'greedy-mmr', 'exact', 'lns'])
      expect(c2Of(`{ policy: ${policy} }`).policy).toBe(policy);
  });

  it('locates every mistake', () => {
    const errors = errorsOf(
      '{ policy: greedy, doctrine: { salvo: { shahed-136: 0, kh-101: 2 } }, reserve: { keep: lots }, iterations: 1.5 }',
    );
    const text = withC2('');
    const line = text.split('\n').length - 1;
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e.startsWith(`n.yaml:${line}:`)).toBe(true);
    expect(errors[0]).toContain(
      "c2.policy: unknown C2 policy 'greedy'; expected one of nearest, greedy-mmr, exact, lns",
    );
    expect(errors.join('\n')).toContain('c2.doctrine.salvo.shahed-136: out of range');
    expect(errors.join('\n')).toContain('c2.reserve.keep: not a share');
    expect(errors.join('\n')).toContain("c2.doctrine.salvo.kh-101: unknown field 'kh-101'");
    expect(errors.join('\n')).toContain('c2.iterations: not a whole number');
    expect(errorsOf('{ doctrine: salvo }')[0]).toContain("unknown doctrine 'salvo'");
  });
});
