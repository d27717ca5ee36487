import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario, plausibilityWarnings } from './index.js';

const small = readFileSync(new URL('../../test/fixtures/small-night.yaml', import.meta.url), 'utf8');

/** The warnings of a text that must still parse: warnings never make a file invalid. */
function warnings(text: string): string[] {
  expect(parseScenario(text, 'w.yaml').ok).toBe(true);
  return plausibilityWarnings(text, 'w.yaml').map(formatIssue);
}

/** 1-based line of the first line of `text` holding `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('plausibilityWarnings', () => {
  it('finds nothing in the shipped scenarios and the test night', () => {
    expect(warnings(small)).toEqual([]);
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      expect(plausibilityWarnings(readFileSync(new URL(name, dir), 'utf8'), name), name).toEqual([]);
    }
  });

  it('flags a position written [longitude, latitude], located to its value', () => {
    const text = small.replace('at: [50.40, 30.60]', 'at: [30.60, 50.40]');
    const out = warnings(text);
    expect(out).toHaveLength(1);
    const line = lineOf(text, '[30.60, 50.40]');
    const column = text.split('\n')[line - 1].indexOf('[30.60') + 1;
    expect(out[0]).toMatch(new RegExp(`^w\\.yaml:${line}:${column}: assets\\[1\\]\\.at: 2,\\d{3} km from`));
    expect(out[0]).toContain('did you mean [50.4, 30.6]?');
  });

  it('flags an origin written [longitude, latitude] when most positions lie near its swap', () => {
    const out = warnings(small.replace('origin: [50.45, 30.52]', 'origin: [30.52, 50.45]'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/region\.origin: 4 of 4 positions lie far from the origin/);
  });

  it('flags a Shahed at 5,000 km/h and one at walking pace, but not at 250 km/h', () => {
    const wave = 'count: 12\n';
    const fast = warnings(small.replace(wave, `${wave}    speed: 5000 km/h\n`));
    expect(fast).toHaveLength(1);
    expect(fast[0]).toMatch(
      /threats\[0\]\.speed: 5,000 km\/h is 17 times the fastest shahed-136 in the catalog \(185–300 km\/h\)/,
    );
    expect(warnings(small.replace(wave, `${wave}    speed: 5 km/h\n`))[0]).toMatch(/slower than the slowest/);
    expect(warnings(small.replace(wave, `${wave}    speed: 250 km/h\n`))).toEqual([]);
  });

  it('flags a bare speed that fits the type in km/h but is read in m/s', () => {
    const text = small.replace('count: 12\n', 'count: 12\n    speed: 180\n');
    const out = warnings(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(
      `w.yaml:${lineOf(text, 'speed: 180')}:12: threats[0].speed: a bare number is read in m/s`,
    );
    expect(out[0]).toContain(
      "180 m/s is 648 km/h (the catalog's shahed-136 flies 185–300 km/h; write '180 km/h'",
    );
    // A bare SI number that fits is the documented way of writing m/s: no warning.
    expect(warnings(small.replace('count: 12\n', 'count: 12\n    speed: 55\n'))).toEqual([]);
  });

  it('follows custom types to their catalog base', () => {
    const text = small.replace(
      'threats:\n',
      'threatTypes:\n  - { name: fast-shahed, base: shahed-136, speed: 900 km/h }\nthreats:\n',
    );
    expect(warnings(text)[0]).toMatch(/threatTypes\[0\]\.speed: 900 km\/h is 3\.0 times the fastest/);
  });

  it('flags a start time without a time-zone offset', () => {
    const text = small.replace('2025-12-14T20:00:00+02:00', '2025-12-14T20:00:00');
    const out = warnings(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`w.yaml:${lineOf(text, 'start:')}:8: start: no time-zone offset`);
    expect(warnings(small.replace('+02:00', 'Z'))).toEqual([]);
  });
});
