// `bulwark plan`: the budget split that minimises an expected campaign measure, or the smallest
// budget or production rate that keeps it below a target — a derivative-free search with restarts
// on the surrogate campaign.

import type { Command } from 'commander';
import Table from 'cli-table3';
import {
  optimiseSplit,
  PLAN_METRICS,
  SurrogateEvaluator,
  smallestLever,
  withBudget,
  type PlanMetric,
  type PlanSettings,
} from '../../analysis/campaign/index.js';
import { parseQuantity } from '../../core/units.js';
import {
  addEvaluationOptions,
  loadCampaignOrExit,
  progressCounter,
  surrogateFor,
  surrogateOnQueue,
  wholeNumber,
  type EvaluationOptions,
} from '../campaign-arg.js';
import { queueOptions, QUEUE_NAME_HELP } from '../batch-options.js';
import { UsageError } from '../errors.js';
import { formatAssumptions, formatSurrogateError, money } from '../format-campaign.js';

interface PlanCommandOptions extends EvaluationOptions {
  queue?: string;
  queueName?: string;
  objective: string;
  budget?: string;
  target?: string;
  find?: string;
  runs?: string;
  restarts?: string;
  evaluations?: string;
  json?: boolean;
}

const FIND = ['budget', 'production'] as const;

function formatMetric(metric: PlanMetric, v: number): string {
  if (metric === 'leak-rate') return `${(100 * v).toFixed(2)}%`;
  return v >= 1000 ? Math.round(v).toLocaleString('en') : v.toFixed(1);
}

export function registerPlan(program: Command): void {
  addEvaluationOptions(
    program
      .command('plan')
      .description(
        'optimise the budget split, or find the smallest budget or production rate meeting a target',
      )
      .argument('<campaign>', 'campaign file (YAML or JSON)')
      .requiredOption('--objective <measure>', `what to minimise or bound: ${PLAN_METRICS.join(', ')}`)
      .option('--budget <money>', "a constant monthly budget such as '8 M$' (default: the file's schedule)")
      .option(
        '--target <value>',
        'find the smallest budget (or production rate) keeping the objective at or below this',
      )
      .option('--find <lever>', `with --target: ${FIND.join(' or ')}`, 'budget')
      .option('--runs <n>', 'campaign runs averaged per evaluation (common seeds across plans)', '8')
      .option('--restarts <n>', 'random restarts of the search besides the centre and the file split', '3')
      .option(
        '--evaluations <n>',
        'campaign evaluations allowed to the split search (each averages --runs campaigns)',
        '400',
      ),
  )
    .option('--json', 'print the plan as JSON')
    .option(
      '--queue <redis-url>',
      "simulate the surrogate's tactical nights on queue workers through Redis: redis://[:password@]HOST:PORT",
    )
    .option('--queue-name <name>', QUEUE_NAME_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark plan scenarios/campaigns/kyiv-winter.yaml --objective damage --budget "30 M$" --surrogate winter.fit.json
  $ bulwark plan scenarios/campaigns/kyiv-winter.yaml --objective leak-rate --target 0.1 --runs 4
  $ bulwark plan scenarios/campaigns/kyiv-winter.yaml --objective outage-days --target 1500 --find production
  $ bulwark plan scenarios/campaigns/kyiv-winter.yaml --objective people-days --evaluations 100 --json
  $ bulwark plan scenarios/campaigns/kyiv-winter.yaml --objective damage --queue redis://10.0.0.5:6379

The surrogate is fitted once (minutes) and kept in .bulwark/surrogates/ (or the --surrogate file);
later plans of the same files read it back. --refit fits afresh.

Measures: damage (asset value lost), outage-days (asset-days out of service), people-days (people ×
days without service), leak-rate (leakers per non-decoy threat). The budget is split over each
pool's categories: <pool>/production (interceptor drones, or missiles such as MICA and IRIS-T),
<pool>/crews (operators, pilots, ground stations, airframes, radars), <pool>/sustainment (upkeep:
jets flying hours, fire units, radars) and <pool>/coproduction (a partner line's set-up). Plans are
searched on the surrogate; its error against direct simulation is printed with the plan. With
--queue, the tactical nights the surrogate is fitted to run on 'bulwark worker' processes (the same
fit as here; docs/scale-out.md).
See docs/campaign.md.`,
    )
    .action(async (file: string, options: PlanCommandOptions) => {
      if (!(PLAN_METRICS as readonly string[]).includes(options.objective))
        throw new UsageError(
          `--objective: expected one of ${PLAN_METRICS.join(', ')}, found '${options.objective}'`,
        );
      const metric = options.objective as PlanMetric;
      if (options.mode === 'direct')
        throw new UsageError(
          '--mode direct: plans evaluate hundreds of campaigns and run on the surrogate only',
        );
      if (!(FIND as readonly string[]).includes(options.find ?? 'budget'))
        throw new UsageError(`--find: expected one of ${FIND.join(', ')}, found '${options.find}'`);
      let target: number | undefined;
      if (options.target !== undefined) {
        target = Number(options.target);
        if (!Number.isFinite(target) || target < 0)
          throw new UsageError(`--target: expected a number at or above 0, found '${options.target}'`);
      }
      const c = loadCampaignOrExit(file, { ...options, mode: 'surrogate' });
      if (options.budget !== undefined) {
        const b = parseQuantity(options.budget, 'money');
        if (!b.ok || b.value < 0)
          throw new UsageError(
            `--budget: expected money per month such as '8 M$', found '${options.budget}'`,
          );
        c.context = withBudget(c.context, b.value);
      }
      const maxEvaluations = wholeNumber('--evaluations', options.evaluations ?? '400', 10, 1_000_000);
      const queue = queueOptions(options);
      const { surrogate } = queue ? await surrogateOnQueue(c, options, queue) : surrogateFor(c, options);
      // The searches stop at their evaluation budget: the bar counts up to it. A lever search
      // tries at most 16 levels (one, up to 8 doublings, about 6 bisections to 2%), each with a
      // split search of at most `leverBudget` evaluations.
      const leverSteps = 16;
      const leverBudget = Math.min(maxEvaluations, 120);
      const progress = progressCounter(
        'campaign evaluations (at most)',
        target === undefined ? maxEvaluations : leverSteps * leverBudget,
      );
      const settings: PlanSettings = {
        metric,
        runs: wholeNumber('--runs', options.runs ?? '8', 1, 10_000),
        restarts: wholeNumber('--restarts', options.restarts ?? '3', 0, 1000),
        seed: c.seed,
        maxEvaluations,
        onEvaluation: progress.tick,
      };
      const evaluator = new SurrogateEvaluator(surrogate);
      const printJson = (result: object) =>
        process.stdout.write(
          JSON.stringify(
            {
              campaign: c.context.campaign.name,
              evaluation: 'surrogate',
              metric,
              ...result,
              surrogateError: surrogate.heldOut ?? null,
            },
            null,
            2,
          ) + '\n',
        );
      const header = [
        `${c.context.campaign.name} — plan (${c.context.campaign.horizonDays} days, ${settings.runs} runs per evaluation, on the surrogate)`,
        surrogate.heldOut
          ? formatSurrogateError(surrogate.heldOut.points, surrogate.heldOut.errors)
          : '  Surrogate error not measured (--held-out 0).',
        formatAssumptions(c.context.campaign),
        '',
      ];
      if (target === undefined) {
        const plan = optimiseSplit(c.context, evaluator, settings);
        progress.done();
        if (options.json) {
          printJson({ plan });
          return;
        }
        const t = new Table({
          head: ['budget category', 'share'],
          style: { head: [], border: [], compact: true },
        });
        for (const cat of plan.categories) t.push([cat, `${(100 * plan.split[cat]).toFixed(1)}%`]);
        process.stdout.write(
          [
            ...header,
            `Budget split minimising expected ${metric}:`,
            t.toString(),
            `expected ${metric}: ${formatMetric(metric, plan.value)} (the file's own spending: ${formatMetric(metric, plan.baseline)})`,
            `${plan.evaluations} campaign evaluations × ${settings.runs} runs; best from each start: ${plan.startValues.map((v) => formatMetric(metric, v)).join(', ')}`,
          ].join('\n') + '\n',
        );
        return;
      }
      const lever = (options.find ?? 'budget') as 'budget' | 'production';
      const search = smallestLever(c.context, evaluator, lever, target, {
        ...settings,
        restarts: Math.min(settings.restarts, 1),
        maxEvaluations: leverBudget,
      });
      progress.done();
      if (options.json) {
        printJson({ search });
        return;
      }
      const what =
        lever === 'budget'
          ? money(search.value) + ' per month'
          : `${search.value.toFixed(2)} × the production lines' capacity`;
      const lines = [...header];
      if (!search.feasible)
        lines.push(
          `No ${lever} up to ${what} keeps expected ${metric} at or below ${formatMetric(metric, target)} (reached ${formatMetric(metric, search.metricValue)}).`,
        );
      else {
        lines.push(
          `Smallest ${lever} keeping expected ${metric} ≤ ${formatMetric(metric, target)}: ${what} (expected ${formatMetric(metric, search.metricValue)}).`,
        );
        if (search.split)
          lines.push(
            `with the split ${Object.entries(search.split)
              .map(([k, v]) => `${k} ${(100 * v).toFixed(1)}%`)
              .join(', ')}`,
          );
      }
      lines.push(
        `tried: ${search.steps.map((s) => `${lever === 'budget' ? money(s.value) : s.value.toFixed(2) + '×'} → ${formatMetric(metric, s.metric)}`).join('; ')}`,
      );
      process.stdout.write(lines.join('\n') + '\n');
    });
}
