// The library as another program uses it: imported by the package's name ('bulwark'), from the
// compiled dist/ through package.json's `exports`, typed by its declarations.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

/** A folder outside the repository whose node_modules holds bulwark, as an installed dependency. */
function consumer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'bulwark'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return dir;
}

/** Runs an ES module given as text, without blocking the test worker (vitest's own calls go on). */
function node(code: string, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module'], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(code);
  });
}

describe("the library API ('bulwark')", () => {
  it("runs the README's example as it is", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Library API'));
    const example = /```js\n([\s\S]*?)```/.exec(section)![1];
    const r = await node(example, root);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^seed 7: \d+ of \d+ threats leaked$/);
    expect(lines[1]).toMatch(/^\d+ engagements mapped$/);
    // In-process and stored Monte Carlo of the same batch seed agree.
    const mean = /mean ([\d.]+)/.exec(lines[2])![1];
    expect(lines[3]).toMatch(new RegExp(`^stored batch mc-[0-9a-f]{10}: mean leakers ${mean}$`));
    expect(lines[4]).toMatch(/^weapons to targets \d, \d, expected surviving value [\d.]+$/);
  }, 240_000);

  it('is imported by its name from another package, and nothing but the entry point is exposed', async () => {
    const dir = consumer();
    const r = await node(
      `import * as bulwark from 'bulwark';
       import { readFileSync } from 'node:fs';
       const text = readFileSync(${JSON.stringify(join(root, 'test/fixtures/small-night.yaml'))}, 'utf8');
       const bad = bulwark.parseScenario(text.replace('count: 12', 'count: -1'), 'small.yaml');
       const scenario = bulwark.parseScenarioOrThrow(text, 'small.yaml');
       const a = bulwark.runAndMeasure(scenario, 3).outcome;
       const b = bulwark.monteCarlo(scenario, { runs: 2, seed: 3 });
       const plan = bulwark.solveWta({ values: [5, 1], pk: [0.9, 0.1, 0.9, 0.1], weapons: 2 }, { solver: 'exact' });
       let deep = 'resolved';
       try { await import('bulwark/dist/cli/main.js'); } catch (e) { deep = e.code; }
       console.log(JSON.stringify({
         names: Object.keys(bulwark).sort(),
         issue: bulwark.formatIssue(bad.issues[0]),
         launched: a.threatsLaunched,
         runs: b.aggregate.runs, seeds: b.seeds,
         plan: plan.assignment, proven: plan.proven,
         brovary: bulwark.lookupTown('Brovary').town.country,
         deep,
       }));`,
      dir,
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const name of [
      'loadScenario',
      'runScenario',
      'monteCarlo',
      'monteCarloStored',
      'solveWta',
      'openResultsStore',
    ])
      expect(out.names).toContain(name);
    expect(out.issue).toMatch(/^small\.yaml:\d+:\d+: threats\[0\]\.count: /);
    expect(out.launched).toBe(16);
    expect(out.runs).toBe(2);
    expect(out.seeds).toHaveLength(2);
    expect(out.plan).toEqual([0, 0]);
    expect(out.proven).toBe(true);
    expect(out.brovary).toBe('UA');
    expect(out.deep).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  }, 120_000);

  it('type-checks a TypeScript program against its declarations', () => {
    const dir = consumer();
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['good.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'good.ts'),
      `import { parseScenario, runAndMeasure, monteCarlo, type Outcome, type Scenario } from 'bulwark';
       const r = parseScenario('name: x', 'x.yaml');
       if (r.ok) {
         const s: Scenario = r.scenario;
         const o: Outcome = runAndMeasure(s, 1).outcome;
         const leaked: number = o.leaked;
         const mean: number = monteCarlo(s, { runs: 2 }).aggregate.measures[0].summary.mean;
         void [leaked, mean];
       } else {
         const line: number = r.issues[0].line;
         void line;
       }`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const good = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    expect(good.status, good.stdout).toBe(0);
    // A wrong use is caught: the declarations carry the types, not `any`.
    writeFileSync(
      join(dir, 'good.ts'),
      `import { runScenario } from 'bulwark';\nrunScenario('not a scenario');\n`,
    );
    const bad = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain("is not assignable to parameter of type 'Scenario'");
  }, 120_000);
});
