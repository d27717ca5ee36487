// Property tests: malformed scenario files never crash the parser; every rejection is located.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseScenario, type ParseResult } from './index.js';

const text = readFileSync(new URL('../../test/fixtures/small-night.yaml', import.meta.url), 'utf8');
const lineCount = text.split('\n').length;

function expectLocated(result: ParseResult, source: string): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  const lines = source.split('\n').length;
  for (const issue of result.issues) {
    expect(issue.file).toBe('fuzz.yaml');
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lines + 1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(issue.field.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

const edit = fc.oneof(
  // Truncate.
  fc.nat().map((n) => (s: string) => s.slice(0, n % (s.length + 1))),
  // Delete a span.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, len]) => (s: string) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + s.slice(i + len);
  }),
  // Insert noise, including YAML punctuation.
  fc
    .tuple(
      fc.nat(),
      fc.string({
        unit: fc.constantFrom(...'{}[]:,-#&*!|>\'"%@` \n\t0123456789.ekmhs/'.split('')),
        maxLength: 8,
      }),
    )
    .map(([at, noise]) => (s: string) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + noise + s.slice(i);
    }),
  // Swap two lines, breaking the structure.
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (s: string) => {
    const lines = s.split('\n');
    const i = a % lineCount;
    const j = b % lineCount;
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
  // Replace a number by something else.
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('-1', '1e309', 'NaN', '.inf', 'null', '~', '"x"', '[]', '{}', '999999999999'),
    )
    .map(([k, replacement]) => (s: string) => {
      const numbers = [...s.matchAll(/\d+(\.\d+)?/g)];
      if (numbers.length === 0) return s;
      const m = numbers[k % numbers.length];
      return s.slice(0, m.index) + replacement + s.slice(m.index! + m[0].length);
    }),
);

describe('scenario parser under malformed input', () => {
  it('never throws on mutated text, and locates every issue', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = edits.reduce((s, f) => f(s), text);
        expectLocated(parseScenario(mutated, 'fuzz.yaml'), mutated);
      }),
      { numRuns: 1500, seed: 20251214 },
    );
  });

  it('never throws when any field is replaced by an arbitrary value', () => {
    const doc = parseYaml(text) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(doc, []);
    fc.assert(
      fc.property(fc.nat(), fc.anything({ maxDepth: 2 }), (k, replacement) => {
        const path = paths[k % paths.length];
        const copy = structuredClone(doc);
        if (path.length === 0) return;
        let parent: Record<string | number, unknown> = copy;
        for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
        parent[path[path.length - 1]] = replacement;
        let json: string;
        try {
          json = JSON.stringify(copy);
        } catch {
          return; // not representable in a file
        }
        if (json === undefined) return;
        expectLocated(parseScenario(json, 'fuzz.yaml'), json);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
