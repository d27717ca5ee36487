/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report in a real browser: headless Debian Chromium opens the file with the network cut
// off, and every chart must render its marks (counted in the page's scenegraph and in the SVG),
// the map must hold every sampled intercept, and the CSV download must carry the same numbers.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridPoints, latinHypercubePoints, parseSetSpec } from '../src/analysis/sweep.js';
import { prepareBatch, runBatch, type BatchRequest } from '../src/io/batch-runner.js';
import { aggregatesCsv, gatherReport, type ReportData } from '../src/io/report-data.js';
import { renderReportHtml } from '../src/io/report-html.js';
import { openResultsStore, type ResultsStore } from '../src/io/results-store.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';
import { BROWSER_WAIT_MS, CHROMIUM, CHROMIUM_ARGS, openOfflineReport } from './e2e/browser.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'mc-night.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');

let dir: string;
let store: ResultsStore;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-report-'));
  store = openResultsStore(join(dir, 'results.db'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}, 2 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
}, 2 * BROWSER_WAIT_MS);

async function batch(request: Partial<BatchRequest>): Promise<ReportData> {
  const prepared = prepareBatch({
    kind: 'mc',
    scenarioFile: FIXTURE,
    scenarioText: TEXT,
    scenario: parseScenarioOrThrow(TEXT, FIXTURE),
    runsPerPoint: 12,
    batchSeed: 4,
    params: { runs: 12, seed: 4 },
    ...request,
  });
  const result = await runBatch(store, prepared, { workers: 2, handleSignals: false });
  return gatherReport(store, result.batch);
}

/** Features per `layer` property. */
function layerCounts(features: readonly { properties: Record<string, unknown> | null }[]) {
  const counts: Record<string, number> = {};
  for (const f of features) {
    const layer = String(f.properties?.layer);
    counts[layer] = (counts[layer] ?? 0) + 1;
  }
  return counts;
}

/** KML read back by togeojson through a standard XML parser, which must report no error. */
function readKml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return kmlToGeoJson(doc as unknown as Document);
}

interface PageReport {
  charts: { id: string; marks: number; error?: string }[];
  svgMarks: Record<string, number>;
  interceptSymbols: number;
  downloads: string[];
  aggregatesCsv: string;
  geojson: string;
  kml: string;
}

async function openReport(
  data: ReportData,
): Promise<{ page: PageReport; offsite: string[]; errors: string[] }> {
  const file = join(dir, `${data.batch.id}.html`);
  writeFileSync(file, renderReportHtml(data));
  const { context, tab, errors, offsite } = await openOfflineReport(browser, file, BROWSER_WAIT_MS, true);
  const page = await tab.evaluate(async () => {
    const report = (window as unknown as { bulwarkReport: { charts: PageReport['charts'] } }).bulwarkReport;
    const svgMarks: Record<string, number> = {};
    for (const chart of report.charts) {
      // Drawn marks in the SVG: children of mark groups, axes and legends left out.
      svgMarks[chart.id] = [...document.querySelectorAll(`#${chart.id} svg g.role-mark`)]
        .filter((g) => !g.closest('.role-axis, .role-legend'))
        .reduce((n, g) => n + g.querySelectorAll(':scope > path, :scope > text, :scope > line').length, 0);
    }
    const interceptGroup = document.querySelector('#map svg g.mark-symbol.role-mark');
    const links = [...document.querySelectorAll<HTMLAnchorElement>('#exports a')];
    const csvLink = links.find((a) => a.download.endsWith('-aggregates.csv'))!;
    const text = async (ending: string) => {
      const link = links.find((a) => a.download.endsWith(ending));
      return link ? await (await fetch(link.href)).text() : '';
    };
    return {
      charts: report.charts,
      svgMarks,
      interceptSymbols: interceptGroup ? interceptGroup.querySelectorAll(':scope > path').length : -1,
      downloads: links.map((a) => a.download),
      aggregatesCsv: await (await fetch(csvLink.href)).text(),
      geojson: await text('.geojson'),
      kml: await text('.kml'),
    };
  });
  await context.close();
  return { page, offsite, errors };
}

describe('HTML report in headless Chromium', { timeout: 2 * BROWSER_WAIT_MS }, () => {
  it('renders the distributions and the map of a Monte Carlo batch, offline', async () => {
    const data = await batch({});
    const { page, offsite, errors } = await openReport(data);
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    expect(page.charts.map((c) => c.id).sort()).toEqual(
      ['dist-assetValueLost', 'dist-costExchangeRatio', 'dist-leaked', 'map'].sort(),
    );
    for (const chart of page.charts) {
      expect(chart.error, chart.id).toBeUndefined();
      expect(chart.marks, chart.id).toBeGreaterThan(0);
      expect(page.svgMarks[chart.id], chart.id).toBeGreaterThan(0);
    }
    expect(data.map.intercepts.length).toBeGreaterThan(0);
    expect(page.interceptSymbols).toBe(data.map.intercepts.length);
    expect(page.downloads).toEqual([
      `${data.batch.id}-aggregates.csv`,
      `${data.batch.id}-runs.csv`,
      `${data.batch.id}.json`,
      `${data.batch.id}.geojson`,
      `${data.batch.id}.kml`,
    ]);
    expect(page.aggregatesCsv).toBe(aggregatesCsv(data));

    // The geodata downloads, read by maintained parsers: every kill the map draws and every impact
    // the sampled runs stored, at the places the scenario names.
    const stored = [...store.runs(data.batch.id, undefined, { marks: true })];
    const impacts = stored.reduce((n, r) => n + (r.marks?.impacts.length ?? 0), 0);
    const scenario = parseScenarioOrThrow(TEXT, FIXTURE);
    const expected = {
      asset: scenario.assets.length,
      unit: scenario.defenders.length,
      intercept: page.interceptSymbols,
      impact: impacts,
    };
    expect(data.map.sampledRuns).toBe(stored.length);
    const geojson = check(page.geojson) as FeatureCollection;
    expect(geojson.type).toBe('FeatureCollection');
    expect(layerCounts(geojson.features)).toMatchObject(expected);
    expect(impacts).toBeGreaterThan(0);
    const kml = readKml(page.kml);
    expect(layerCounts(kml.features)).toMatchObject(expected);
    expect(kml.features).toHaveLength(geojson.features.length);
    for (const f of geojson.features.filter((f) => f.properties?.layer === 'intercept'))
      expect(Date.parse(f.properties!.time as string)).toBeGreaterThan(Date.parse('2025-12-14T18:00:00Z'));
  });

  it('renders response curves with bands for a grid sweep and points for a Latin hypercube', async () => {
    const axes = [
      parseSetSpec('defenders.north-interceptors.stock=0..14:7'),
      parseSetSpec('defenders.north-interceptors.crews=1,2'),
    ];
    const grid = await batch({
      kind: 'sweep',
      runsPerPoint: 4,
      params: { runs: 4, sets: ['grid'] },
      points: gridPoints(axes),
    });
    const lhsAxes = [
      parseSetSpec('defenders.north-interceptors.stock=0..14'),
      parseSetSpec('threats.north-axis.count=5..15'),
    ];
    const lhs = await batch({
      kind: 'sweep',
      runsPerPoint: 3,
      params: { runs: 3, sets: ['lhs'], lhs: 5 },
      points: latinHypercubePoints(lhsAxes, 5, 4),
    });
    for (const data of [grid, lhs]) {
      const { page, errors, offsite } = await openReport(data);
      expect(errors).toEqual([]);
      expect(offsite).toEqual([]);
      expect(page.charts.filter((c) => c.id.startsWith('curve-'))).toHaveLength(3);
      for (const chart of page.charts) {
        expect(chart.error, chart.id).toBeUndefined();
        expect(chart.marks, chart.id).toBeGreaterThan(0);
        expect(page.svgMarks[chart.id], chart.id).toBeGreaterThan(0);
      }
    }
    expect(grid.points).toHaveLength(6);
  });
});
