/// <reference lib="dom" />
// The campaign report in a real browser: headless Debian Chromium opens the file with the network
// cut off, and every chart must render marks without an error.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSurrogate,
  campaignBands,
  monthlySummary,
  runCampaigns,
  SurrogateEvaluator,
  totalsSummary,
} from '../src/analysis/campaign/index.js';
import { renderCampaignReport } from '../src/io/campaign-report.js';
import { smallLayeredCampaign } from './campaign-support.js';
import { BROWSER_WAIT_MS, CHROMIUM, openOfflineReport } from './e2e/browser.js';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-campaign-report-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}, 2 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
}, 2 * BROWSER_WAIT_MS);

describe('campaign report', () => {
  it(
    'renders every chart offline, with marks and no errors, and says how nights were evaluated',
    async () => {
      // The layered test campaign: drones, jets, fire units and radars each have their charts.
      const context = smallLayeredCampaign((t) => t.replace('2 months', '20 d'));
      const surrogate = buildSurrogate(context, { points: 10, runsPerPoint: 1, heldOutPoints: 3, seed: 2 });
      const runs = runCampaigns(context, new SurrogateEvaluator(surrogate), 5, 1);
      const file = join(dir, 'report.html');
      writeFileSync(
        file,
        renderCampaignReport({
          campaign: context.campaign,
          file: 'small-layered-campaign.yaml',
          tacticalFile: 'small-layered-night.yaml',
          mode: 'surrogate',
          runs: 5,
          seed: 1,
          surrogate,
          months: monthlySummary(context, runs),
          totals: totalsSummary(context, runs),
          bands: campaignBands(context, runs),
          ledger: runs[0].ledger,
          spendByCategory: runs[0].spendByCategory,
        }),
      );
      const { context: page, tab, errors, offsite } = await openOfflineReport(browser, file);
      const result = await tab.evaluate(() => ({
        charts: (
          window as unknown as { bulwarkReport: { charts: { id: string; marks: number; error?: string }[] } }
        ).bulwarkReport.charts,
        text: document.body.innerText,
        downloads: [...document.querySelectorAll<HTMLAnchorElement>('#exports a')].map((a) => a.download),
      }));
      await page.close();
      expect(errors).toEqual([]);
      expect(offsite).toEqual([]);
      expect(result.charts.map((c) => c.id).sort()).toEqual(
        [
          'attacker',
          'crews',
          'damage',
          'exchange',
          'leak',
          'missiles',
          'outage',
          'people',
          'spend',
          'stocks',
        ].sort(),
      );
      for (const chart of result.charts) {
        expect(chart.error).toBeUndefined();
        expect(chart.marks).toBeGreaterThan(0);
      }
      expect(result.text).toContain('Evaluation: surrogate');
      expect(result.text).toContain('held-out nights');
      expect(result.text).toContain('No funding lever');
      expect(result.text).toContain('platforms initial');
      expect(result.downloads).toEqual(['campaign-bands.csv', 'campaign.json']);
    },
    2 * BROWSER_WAIT_MS,
  );
});
