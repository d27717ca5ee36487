import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from './issue.js';
import { parseWtaInstance } from './wta-instance.js';

const small = JSON.stringify(
  {
    name: 'tiny',
    family: 'B',
    weapons: 2,
    targets: 2,
    values: [10, 20],
    pk: [
      [0.5, 0.1],
      [0.2, 0.9],
    ],
    best: 6,
  },
  null,
  2,
);

describe('WTA instance files', () => {
  it('reads a valid instance, the shipped ones included', () => {
    const r = parseWtaInstance(small, 'tiny.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.instance.pk)).toEqual([0.5, 0.1, 0.2, 0.9]);
    expect(r.instance.best).toBe(6);
    const shipped = parseWtaInstance(readFileSync('data/wta/C-40x20-s1.json', 'utf8'), 'C.json');
    expect(shipped.ok).toBe(true);
    if (shipped.ok) expect(shipped.instance.bestAssignment?.length).toBe(40);
  });

  it('locates a probability out of range to its line and column', () => {
    const text = small.replace('0.9', '1.9');
    const r = parseWtaInstance(text, 'tiny.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(formatIssue)).toEqual([
      'tiny.json:17:7: pk[1][1]: not a probability; expected a number from 0 to 1, found 1.9',
    ]);
  });

  it('reports wrong shapes, unknown fields and missing fields together', () => {
    const text = JSON.stringify({ weapons: 2, targets: 3, values: [1, 2], pk: [[0.1, 0.2, 0.3]], colour: 1 });
    const r = parseWtaInstance(text, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.issues.map((i) => `${i.field}: ${i.message}`);
    expect(fields).toEqual([
      "colour: unknown field 'colour'",
      'values: wrong length',
      'pk: wrong number of rows',
    ]);
    expect(parseWtaInstance('{"values": [1]}', 'x.json').ok).toBe(false);
  });

  it('locates syntax errors and never throws on junk', () => {
    const r = parseWtaInstance('{"weapons": 2,\n  "targets": [1, }', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].line).toBe(2);
    for (const junk of ['', 'null', '[]', '"x"', '{"weapons": -1, "targets": 1.5}', '{"pk": {"a": 1}}'])
      expect(parseWtaInstance(junk, 'j.json').ok).toBe(false);
  });

  it('caps the number of reported broken entries', () => {
    const pk = Array.from({ length: 30 }, () => Array.from({ length: 30 }, () => 'x'));
    const r = parseWtaInstance(
      JSON.stringify({ weapons: 30, targets: 30, values: new Array(30).fill(1), pk }),
      'm.json',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.length).toBeLessThanOrEqual(12);
  });
});
