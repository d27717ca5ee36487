// Static WTA instances in the plain-text format of Andersen, Pavlikov and Toffolo (2022), the
// public instances of github.com/tuliotoffolo/wta: text in, a checked instance or the first
// problem located to file:line:column out. Pure.
//
//   W T k            W weapon types, T targets, k units of every weapon type
//   V_0 … V_{T-1}    one target value per line
//   i j p            W*T lines in row-major order (i = 0..W-1, then j = 0..T-1): kill probability
//
// Their objective, sum_j V_j prod_i (1 - p_ij)^{units of type i on j} with at most k units of each
// type, is the classic static WTA over W*k weapons (type i's units become weapons i*k … i*k+k-1,
// each a copy of row i); using every unit costs nothing, so "at most" and "exactly" agree.

import type { ScenarioIssue } from './issue.js';
import type { WtaInstance, WtaInstanceResult } from './wta-instance.js';

/** Largest side accepted (weapons after replication, targets). */
const MAX_SIDE = 5000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COUNT = /^\d+$/;

export function parseWtaText(text: string, file = 'instance.txt'): WtaInstanceResult {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const fail = (line: number, column: number, field: string, message: string, extra = {}) => ({
    ok: false as const,
    issues: [{ file, line, column, field, message, ...extra } satisfies ScenarioIssue],
  });
  /** Whitespace-separated fields of a line, with their 1-based columns. */
  const fieldsOf = (n: number) => {
    const out: { text: string; column: number }[] = [];
    const line = lines[n].replace(/\r$/, '');
    const re = /\S+/g;
    for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 });
    return out;
  };

  if (lines.length === 0) return fail(1, 1, 'header', 'empty file; expected a line "W T k"');
  const head = fieldsOf(0);
  if (head.length !== 3 || !head.every((f) => COUNT.test(f.text)))
    return fail(1, 1, 'header', 'not a header', {
      expected: 'three whole numbers "W T k"',
      found: JSON.stringify(lines[0]),
    });
  const [types, targets, units] = head.map((f) => Number(f.text));
  const names = ['weapon types', 'targets', 'units per type'];
  for (let k = 0; k < 3; k++) {
    if (Number(head[k].text) < 1)
      return fail(1, head[k].column, 'header', `no ${names[k]}`, {
        expected: 'at least 1',
        found: head[k].text,
      });
  }
  if (types * units > MAX_SIDE || targets > MAX_SIDE)
    return fail(1, 1, 'header', 'instance too large', {
      expected: `at most ${MAX_SIDE} weapons (W*k) and ${MAX_SIDE} targets`,
      found: `${types * units} weapons, ${targets} targets`,
    });
  const expectedLines = 1 + targets + types * targets;
  if (lines.length !== expectedLines)
    // Located where the file ends early, or at its first extra line.
    return fail(Math.min(lines.length, expectedLines) + 1, 1, 'lines', 'wrong number of lines', {
      expected: `${expectedLines} (1 header, ${targets} values, ${types}*${targets} probabilities)`,
      found: String(lines.length),
    });

  const values = new Float64Array(targets);
  for (let j = 0; j < targets; j++) {
    const f = fieldsOf(1 + j);
    if (f.length !== 1 || !NUMBER.test(f[0].text) || Number(f[0].text) < 0)
      return fail(2 + j, f[0]?.column ?? 1, `values[${j}]`, 'not a target value', {
        expected: 'one number ≥ 0 on the line',
        found: JSON.stringify(lines[1 + j]),
      });
    values[j] = Number(f[0].text);
  }

  const weapons = types * units;
  const pk = new Float64Array(weapons * targets);
  for (let i = 0; i < types; i++) {
    for (let j = 0; j < targets; j++) {
      const n = 1 + targets + i * targets + j;
      const f = fieldsOf(n);
      const field = `pk[${i}][${j}]`;
      if (f.length !== 3 || !COUNT.test(f[0].text) || !COUNT.test(f[1].text))
        return fail(n + 1, 1, field, 'not a probability line', {
          expected: `"${i} ${j} p"`,
          found: JSON.stringify(lines[n]),
        });
      if (Number(f[0].text) !== i || Number(f[1].text) !== j)
        return fail(n + 1, 1, field, 'out of order', {
          expected: `weapon type ${i}, target ${j} (row-major, no gaps or repeats)`,
          found: `${f[0].text} ${f[1].text}`,
        });
      const p = Number(f[2].text);
      if (!NUMBER.test(f[2].text) || !(p >= 0 && p <= 1))
        return fail(n + 1, f[2].column, field, 'not a probability', {
          expected: 'a number from 0 to 1',
          found: f[2].text,
        });
      for (let u = 0; u < units; u++) pk[(i * units + u) * targets + j] = p;
    }
  }

  const base = file.replace(/^.*[\\/]/, '').replace(/\.txt$/, '');
  const instance: WtaInstance = {
    name: base,
    family: `andersen-2022 (${types} weapon types x ${units} units)`,
    weapons,
    targets,
    values,
    pk,
  };
  return { ok: true, instance };
}
