// `bulwark campaign`: months of raids night by night, many runs, the trajectory with 90% bands —
// damage and outages, stocks and crews, leak rate, spend on both sides, cost-exchange over time.

import type { Command } from 'commander';
import { campaignBands, monthlySummary, runCampaigns, totalsSummary } from '../../analysis/campaign/index.js';
import { writeCampaignReport } from '../../io/campaign-report.js';
import {
  addEvaluationOptions,
  evaluatorFor,
  loadCampaignOrExit,
  progressCounter,
  wholeNumber,
  type EvaluationOptions,
} from '../campaign-arg.js';
import { formatAssumptions, formatEvaluation, formatMonths, formatTotals } from '../format-campaign.js';

interface CampaignCommandOptions extends EvaluationOptions {
  runs?: string;
  json?: boolean;
  report?: string;
}

export function registerCampaign(program: Command): void {
  addEvaluationOptions(
    program
      .command('campaign')
      .description(
        'run a campaign of nights against production, deliveries, crews and budgets; bands over many runs',
      )
      .argument('<campaign>', 'campaign file (YAML or JSON) naming its tactical scenario')
      .option(
        '--runs <n>',
        'campaign runs for the uncertainty bands (default: 20 with the surrogate, 1 direct)',
      )
      .option(
        '--mode <mode>',
        "night evaluation: 'surrogate' (fast, fitted to the tactical model) or 'direct' (simulate every night); default: the file's",
      ),
  )
    .option('--json', 'print the results as JSON')
    .option('--report <file>', 'write an HTML report with charts (Vega-Lite)')
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark campaign scenarios/campaigns/kyiv-winter.yaml
  $ bulwark campaign scenarios/campaigns/kyiv-winter.yaml --runs 50 --report winter.html
  $ bulwark campaign scenarios/campaigns/kyiv-winter.yaml --surrogate winter.fit.json   # keep the fit here
  $ bulwark campaign scenarios/campaigns/kyiv-winter.yaml --refit                        # fit afresh
  $ bulwark campaign scenarios/campaigns/kyiv-winter.yaml --mode direct --days 30       # simulate every night

Each night's tactical scenario is built from the stocks and force of the day: interceptor drones and
their crews, the jets with pilots and paid-for upkeep and their missiles, the SAM fire units manned
and their missiles, the radars on. The surrogate is fitted to simulated nights once (minutes) and
kept in .bulwark/surrogates/ (or the --surrogate file): later runs with the same files and options
read it back in milliseconds. Its error against direct simulation (held-out nights) is printed with
the results. See docs/campaign.md.`,
    )
    .action((file: string, options: CampaignCommandOptions) => {
      const c = loadCampaignOrExit(file, options);
      const { evaluator, surrogate } = evaluatorFor(c, options);
      const runs = wholeNumber('--runs', options.runs ?? (c.mode === 'direct' ? '1' : '20'), 1, 100_000);
      // Direct nights take up to a second each: count nights then, runs on the surrogate.
      const days = c.context.campaign.horizonDays;
      const direct = c.mode === 'direct';
      const progress = progressCounter(
        direct ? 'nights simulated' : 'campaign runs',
        direct ? runs * days : runs,
      );
      const counted = direct
        ? {
            mode: evaluator.mode,
            evaluate: (...args: Parameters<typeof evaluator.evaluate>) => {
              const night = evaluator.evaluate(...args);
              progress.tick();
              return night;
            },
          }
        : evaluator;
      const results = runCampaigns(c.context, counted, runs, c.seed, {}, direct ? undefined : progress.tick);
      progress.done();
      const campaign = c.context.campaign;
      const months = monthlySummary(c.context, results);
      const totals = totalsSummary(c.context, results);
      const bands = campaignBands(c.context, results);
      if (options.report)
        writeCampaignReport(options.report, {
          campaign,
          file,
          tacticalFile: c.loaded.tacticalPath,
          mode: c.mode,
          runs,
          seed: c.seed,
          surrogate: surrogate?.surrogate,
          months,
          totals,
          bands,
          ledger: results[0].ledger,
          spendByCategory: results[0].spendByCategory,
        });
      if (options.json) {
        process.stdout.write(
          JSON.stringify(
            {
              campaign: campaign.name,
              file,
              evaluation: c.mode,
              runs,
              seed: c.seed,
              horizonDays: campaign.horizonDays,
              surrogate: surrogate
                ? {
                    fit: surrogate.surrogate.fit,
                    heldOut: surrogate.surrogate.heldOut ?? null,
                    cached: surrogate.cached,
                  }
                : null,
              assumptions: campaign.attacker.funding ? { funding: campaign.attacker.funding } : {},
              totals,
              months,
              ledger: results[0].ledger,
              spendByCategory: results[0].spendByCategory,
              bands,
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      const out = [
        `${campaign.name} — ${campaign.horizonDays} days (seed ${c.seed})`,
        formatEvaluation(c.mode, runs, surrogate),
        formatAssumptions(campaign),
        '',
        'By month (median [5th–95th percentile] over runs; stocks, crews and damage at month end):',
        formatMonths(campaign, months),
        '',
        formatTotals(totals),
      ];
      if (options.report) out.push('', `Report written to ${options.report}`);
      process.stdout.write(out.join('\n') + '\n');
    });
}
