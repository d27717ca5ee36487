import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classicProblem, evaluateAssignment } from '../c2/index.js';
import { RandomStream } from '../core/rng.js';
import { formatIssue } from './issue.js';
import { parseWtaText } from './wta-text-instance.js';

const DATA = 'bench/data/andersen-2022/';
// 2 weapon types x 2 units, 3 targets.
const tiny = '2 3 2\n10\n20\n5\n0 0 0.5\n0 1 0.1\n0 2 0\n1 0 0.2\n1 1 0.9\n1 2 6.5e-01\n';

/** The objective as the paper writes it: units n[i][j] of type i on target j. */
function paperCost(values: number[], p: number[][], n: number[][]): number {
  let cost = 0;
  for (let j = 0; j < values.length; j++) {
    let survive = 1;
    for (let i = 0; i < p.length; i++) survive *= (1 - p[i][j]) ** n[i][j];
    cost += values[j] * survive;
  }
  return cost;
}

describe('WTA instances in the Andersen–Pavlikov–Toffolo text format', () => {
  it('replicates each weapon type into its units', () => {
    const r = parseWtaText(tiny, 'dir/tiny.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.instance.name).toBe('tiny');
    expect(r.instance.weapons).toBe(4);
    expect(Array.from(r.instance.values)).toEqual([10, 20, 5]);
    expect(Array.from(r.instance.pk)).toEqual([0.5, 0.1, 0, 0.5, 0.1, 0, 0.2, 0.9, 0.65, 0.2, 0.9, 0.65]);
  });

  it('reads the shipped 50x100 instances: one matrix, 1, 2 and 3 units per type', () => {
    for (const k of [1, 2, 3]) {
      const r = parseWtaText(readFileSync(`${DATA}wta_50x100x${k}.txt`, 'utf8'), `wta_50x100x${k}.txt`);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const { weapons, targets, values, pk } = r.instance;
      expect([weapons, targets]).toEqual([50 * k, 100]);
      expect(values.reduce((a, b) => a + b, 0)).toBe(5521);
      // Type 40's row holds the one probability written in exponent form; every unit copies it.
      for (let u = 0; u < k; u++) expect(pk[(40 * k + u) * 100 + 57]).toBe(6.35597670195e-5);
      expect(pk[(49 * k + k - 1) * 100 + 99]).toBe(0.792880953021);
    }
  });

  it('prices every assignment as the paper does (units per type on each target)', () => {
    // Exhaustively on the tiny instance: the replicated problem's optimum is the paper's optimum
    // over unit counts (each type's k units spread over the targets).
    const r = parseWtaText(tiny, 'tiny.txt');
    if (!r.ok) throw new Error('tiny');
    const problem = classicProblem(r.instance.values, r.instance.pk, r.instance.weapons);
    const p = [
      [0.5, 0.1, 0],
      [0.2, 0.9, 0.65],
    ];
    let bestClassic = Infinity;
    for (let code = 0; code < 3 ** 4; code++) {
      const a = Int32Array.from([0, 1, 2, 3], (w) => Math.floor(code / 3 ** w) % 3);
      bestClassic = Math.min(bestClassic, evaluateAssignment(problem, a));
    }
    let bestPaper = Infinity;
    const splits = [
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
      [1, 1, 0],
      [1, 0, 1],
      [0, 1, 1],
    ];
    for (const n0 of splits)
      for (const n1 of splits) bestPaper = Math.min(bestPaper, paperCost([10, 20, 5], p, [n0, n1]));
    expect(bestClassic).toBeCloseTo(bestPaper, 12);

    // And on the real 50x100x3 file, for random assignments of its 150 units (seed 2022).
    const text = readFileSync(`${DATA}wta_50x100x3.txt`, 'utf8');
    const big = parseWtaText(text, 'wta_50x100x3.txt');
    if (!big.ok) throw new Error('50x100x3');
    const rows = text.split('\n').slice(101, 101 + 5000);
    const typeP = Array.from({ length: 50 }, (_, i) =>
      Array.from({ length: 100 }, (_, j) => Number(rows[i * 100 + j].split(' ')[2])),
    );
    const bigProblem = classicProblem(big.instance.values, big.instance.pk, big.instance.weapons);
    const rng = new RandomStream(2022, 50, 100, 3);
    for (let trial = 0; trial < 5; trial++) {
      const a = Int32Array.from({ length: 150 }, () => rng.int(100));
      const n = Array.from({ length: 50 }, () => new Array<number>(100).fill(0));
      for (let w = 0; w < 150; w++) n[Math.floor(w / 3)][a[w]]++;
      const paper = paperCost(Array.from(big.instance.values), typeP, n);
      expect(evaluateAssignment(bigProblem, a)).toBeCloseTo(paper, 9);
    }
  });

  it('locates malformed files to line and column', () => {
    const issue = (text: string) => {
      const r = parseWtaText(text, 't.txt');
      expect(r.ok).toBe(false);
      return r.ok ? '' : formatIssue(r.issues[0]);
    };
    expect(issue('')).toBe('t.txt:1:1: header: empty file; expected a line "W T k"');
    expect(issue('2 3\n')).toBe(
      't.txt:1:1: header: not a header; expected three whole numbers "W T k", found "2 3"',
    );
    expect(issue('2 0 1\n')).toBe('t.txt:1:3: header: no targets; expected at least 1, found 0');
    expect(issue(tiny.replace('1 2 6.5e-01\n', ''))).toBe(
      't.txt:10:1: lines: wrong number of lines; expected 10 (1 header, 3 values, 2*3 probabilities), found 9',
    );
    expect(issue(tiny + '1 2 0.5\n')).toMatch(/^t\.txt:11:1: lines: wrong number of lines/);
    expect(issue(tiny.replace('\n20\n', '\nx\n'))).toBe(
      't.txt:3:1: values[1]: not a target value; expected one number ≥ 0 on the line, found "x"',
    );
    expect(issue(tiny.replace('0 1 0.1\n0 2 0\n', '0 2 0\n0 1 0.1\n'))).toBe(
      't.txt:6:1: pk[0][1]: out of order; expected weapon type 0, target 1 (row-major, no gaps or repeats), found 0 2',
    );
    expect(issue(tiny.replace('1 1 0.9', '1 1 1.9'))).toBe(
      't.txt:9:5: pk[1][1]: not a probability; expected a number from 0 to 1, found 1.9',
    );
    expect(issue(tiny.replace('1 0 0.2', '1 0'))).toBe(
      't.txt:8:1: pk[1][0]: not a probability line; expected "1 0 p", found "1 0"',
    );
  });
});
