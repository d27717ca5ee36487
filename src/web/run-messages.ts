// What the page and the run worker say to each other.

import type { RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import type { ScenarioIssue } from '../scenario/index.js';

export interface RunRequest {
  text: string;
  file: string;
  seed?: number;
  sampleEveryS: number;
}

export type RunReply =
  | {
      ok: true;
      scenario: Scenario;
      log: RunLog;
      outcome: Outcome;
      /** Set when the run is stored on the server. */ runId?: string;
      /** The scenario file a stored run was made from, when it came from one. */
      source?: string;
    }
  | { ok: false; issues?: ScenarioIssue[]; error?: string };
