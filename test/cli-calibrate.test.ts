// `bulwark calibrate` as a user runs it, on a small night and a two-night dataset: the backtest
// table, the fit, the page and its plot, runs kept in the store; and a malformed dataset refused
// with a located error and exit code 2.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'calibration-night.yaml');

const NIGHTS = `version: 1
nights:
  - date: 2025-01-01
    launched: { shahed-136: 30, gerbera: 10 }
    reported: { dronesShotDown: 7, dronesLostLocally: 22, dronesHit: 10 }
    sources: [a test]
  - date: 2025-01-02
    label: fewer Shaheds
    launched: { shahed-136: 20, gerbera: 20 }
    reported: { dronesDownedOrSuppressed: 30, dronesHit: 6 }
    sources: [a test]
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-calibrate-'));
  writeFileSync(join(dir, 'nights.yaml'), NIGHTS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (...more: string[]) => [
  'calibrate',
  FIXTURE,
  '--nights',
  'nights.yaml',
  '--runs',
  '3',
  '--seed',
  '4',
  '-w',
  '1',
  '--store',
  'results.db',
  ...more,
];

describe('bulwark calibrate', () => {
  it('backtests every night, fits a figure, holds the latest night out, cross-validates and writes the page and plot', async () => {
    const run = await runBulwark(
      args('--fit', 'ew.pLoss', '--grid', '2', '--cross-validate', '--markdown', 'cal.md'),
      {
        cwd: dir,
      },
    );
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2025-01-01\s*│ drones shot down\s*│ 7 /);
    expect(run.stdout).toMatch(/2025-01-02 \(held out\)/);
    expect(run.stdout).toMatch(/ew\.pLoss (moved from 0\.3 to|stays at) (0\.2|0\.8)/);
    expect(run.stdout).toMatch(
      /RMS error of the drone tallies .*training \d+\.\d% → \d+\.\d%; held out \d+\.\d% → \d+\.\d%/,
    );
    // (2 nights + 2 candidates + 1 held out) × 3 runs, and as much for each of the two folds (the
    // first fold's runs are the main fit's, read back from the store).
    expect(run.stderr).toMatch(/calibrate .*45\/45/);
    expect(run.stdout).toMatch(
      /\| 2025-01-01 +\| ew\.pLoss = 0\.[28] +\| \d+\.\d% → \d+\.\d% +\| \d+\.\d% → \d+\.\d% +\|/,
    );
    expect(run.stdout).toMatch(/\| 2025-01-02 +\| ew\.pLoss = 0\.[28] +\|/);
    const page = readFileSync(join(dir, 'cal.md'), 'utf8');
    expect(page).toContain('# Calibration against the public nightly tallies');
    expect(page).toContain('bulwark calibrate');
    expect(page).toContain('### 2025-01-02: fewer Shaheds (held out of the fit)');
    expect(page).toContain('![Reported tallies against the simulated 5–95% bands');
    expect(page).toContain('### Each night held out in turn');
    expect(page).toMatch(/\| held out \(2025-01-02\) +\| \d+\.\d% +\| \d+\.\d% +\|/);
    const svg = readFileSync(join(dir, 'cal.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // One row per reported tally: 3 + 2.
    expect(svg.match(/<title>reported/g)).toHaveLength(5);
    // Run again: every run is read back from the store, the numbers are the same.
    const again = await runBulwark(args('--fit', 'ew.pLoss', '--grid', '2', '--cross-validate'), {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(run.stdout);
  });

  it('backtests alone with --fit none and prints JSON', async () => {
    const run = await runBulwark(args('--fit', 'none', '--json'), { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      nights: {
        date: string;
        heldOut: boolean;
        base: { tally: string; reported?: number; median: number }[];
      }[];
      candidates: unknown[];
    };
    expect(result.nights.map((n) => [n.date, n.heldOut])).toEqual([
      ['2025-01-01', false],
      ['2025-01-02', false],
    ]);
    expect(result.nights[0].base.find((b) => b.tally === 'dronesHit')?.reported).toBe(10);
    expect(result.candidates).toEqual([]);
  });

  it('refuses a malformed dataset, an unknown figure and a hold-out date it does not have, with exit code 2', async () => {
    writeFileSync(join(dir, 'bad.yaml'), NIGHTS.replace('shahed-136: 30', 'shahed-136: thirty'));
    const bad = await runBulwark(args('--nights', 'bad.yaml'), { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "bad.yaml:4:29: nights[0].launched.shahed-136: wrong type; expected a number, found 'thirty'\n",
    );
    const figure = await runBulwark(args('--fit', 'ew.ploss'), { cwd: dir });
    expect(figure.code).toBe(2);
    expect(figure.stderr).toMatch(/^--fit: unknown figure 'ew\.ploss'; expected ew\.pLoss, /);
    const date = await runBulwark(args('--hold-out', '2025-01-03'), { cwd: dir });
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/^--hold-out: no night dated 2025-01-03/);
    expect(existsSync(join(dir, 'bad.md'))).toBe(false);
  });
});
