// A Web Worker that parses and runs a scenario off the page's thread, with the same parser and
// simulation as the CLI, and sends back the run (with sampled positions for replay).

import { parseScenario } from '../scenario/index.js';
import { runAndMeasure } from '../run/index.js';
import type { RunRequest, RunReply } from './run-messages.js';

self.onmessage = (message: MessageEvent<RunRequest>) => {
  const { text, file, seed, sampleEveryS } = message.data;
  let reply: RunReply;
  try {
    const parsed = parseScenario(text, file);
    if (!parsed.ok) reply = { ok: false, issues: parsed.issues };
    else {
      const { log, outcome } = runAndMeasure(parsed.scenario, seed ?? parsed.scenario.seed, { sampleEveryS });
      reply = { ok: true, scenario: parsed.scenario, log, outcome };
    }
  } catch (e) {
    reply = { ok: false, error: String((e as Error).message ?? e) };
  }
  self.postMessage(reply);
};
