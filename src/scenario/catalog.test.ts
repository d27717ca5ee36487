import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntry, typical, unverifiedFigures } from './catalog.js';

describe('platform catalog', () => {
  it('is generated from data/catalog and up to date', () => {
    const root = new URL('../../', import.meta.url).pathname;
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-catalog.ts', '--check'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('holds figures in SI units with sources', () => {
    const shahed = catalogEntry('threats', 'shahed-136')!;
    expect(typical(shahed, 'speed')).toBeCloseTo(185 / 3.6, 9);
    expect(typical(shahed, 'range')).toBe(2_000_000);
    expect(typical(shahed, 'dive')).toBeCloseTo(Math.PI / 6, 12);
    expect(typical(catalogEntry('defenders', 'sting-interceptor')!, 'endurance')).toBe(900);
    for (const section of Object.values(CATALOG)) {
      for (const entry of section) {
        for (const f of Object.values(entry.figures)) {
          expect(f.source.length).toBeGreaterThan(0);
          expect(Number.isFinite(f.typical)).toBe(true);
          if (f.low !== undefined) expect(f.low).toBeLessThanOrEqual(f.typical);
          if (f.high !== undefined) expect(f.high).toBeGreaterThanOrEqual(f.typical);
        }
      }
    }
  });

  it('lists the unverified figures of the types in use', () => {
    const flagged = unverifiedFigures('threats', ['shahed-136', 'kh-101']);
    expect(flagged).toContain('shahed-136.altitude');
    expect(flagged).toContain('kh-101.altitude');
    expect(flagged).not.toContain('shahed-136.speed');
  });
});
