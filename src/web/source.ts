// Where scenarios and runs come from: the `bulwark serve` API when the console is served by it,
// else the scenarios bundled into the console. Runs go to a Web Worker or to the server.

import kyivNight from '../../scenarios/kyiv-night.yaml?raw';
import { RunLogAssembler, type RunHeader, type RunLine } from '../model/run-log-lines.js';
import { upgradeStoredScenario } from '../scenario/stored-scenario.js';
import type { RunReply, RunRequest } from './run-messages.js';

export interface ScenarioChoice {
  id: string;
  name: string;
}

const BUNDLED: Record<string, string> = { 'kyiv-night.yaml': kyivNight };
export interface StoredRunChoice {
  id: string;
  header?: RunHeader;
}

export const DEFAULT_SCENARIO_ID = 'kyiv-night.yaml';
/** Seconds between sampled positions: smooth enough at any replay speed, small enough for 1000 threats. */
export const SAMPLE_EVERY_S = 5;

export class ScenarioSource {
  private serverAvailable = false;

  constructor(private readonly token: string | undefined) {}

  get server(): boolean {
    return this.serverAvailable;
  }

  headers(json = false): HeadersInit {
    const h: Record<string, string> = {};
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (json) h['content-type'] = 'application/json';
    return h;
  }

  async list(): Promise<ScenarioChoice[]> {
    try {
      const response = await fetch('api/scenarios', { headers: this.headers() });
      if (response.ok) {
        const body = (await response.json()) as { scenarios: { id: string; name: string }[] };
        this.serverAvailable = true;
        return body.scenarios.map((s) => ({ id: s.id, name: s.name }));
      }
    } catch {
      // No server: the console was opened from a static folder.
    }
    return Object.keys(BUNDLED).map((id) => ({ id, name: id.replace(/\.ya?ml$/, '') }));
  }

  async text(id: string): Promise<string> {
    if (this.serverAvailable) {
      const response = await fetch(`api/scenarios/${encodeURIComponent(id)}`, { headers: this.headers() });
      const body = (await response.json()) as { text?: string; error?: string };
      if (body.text !== undefined) return body.text;
      throw new Error(body.error ?? `cannot load ${id}`);
    }
    const text = BUNDLED[id];
    if (text === undefined) throw new Error(`no bundled scenario '${id}'`);
    return text;
  }

  /** Runs in a Web Worker of this page. */
  runInBrowser(request: RunRequest): Promise<RunReply> {
    return new Promise((resolve) => {
      const worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (message: MessageEvent<RunReply>) => {
        worker.terminate();
        resolve(message.data);
      };
      worker.onerror = (e) => {
        worker.terminate();
        resolve({ ok: false, error: e.message || 'the run worker failed' });
      };
      worker.postMessage(request);
    });
  }

  /** Runs on the server, then streams the stored run back. */
  async runOnServer(id: string, seed: number | undefined): Promise<RunReply> {
    const response = await fetch('api/runs', {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify({
        scenario: id,
        ...(seed !== undefined ? { seed } : {}),
        sampleEveryS: SAMPLE_EVERY_S,
      }),
    });
    const body = (await response.json()) as { id?: string; error?: string; issues?: [] };
    if (!response.ok || !body.id) return { ok: false, issues: body.issues, error: body.error };
    return this.openStoredRun(body.id);
  }

  /** The runs stored on the server, newest first. */
  async storedRuns(): Promise<StoredRunChoice[]> {
    if (!this.serverAvailable) return [];
    const response = await fetch('api/runs', { headers: this.headers() });
    if (!response.ok) return [];
    const body = (await response.json()) as { runs: StoredRunChoice[] };
    return body.runs.reverse();
  }

  /** A stored run, streamed line by line; it carries its own scenario. */
  async openStoredRun(id: string): Promise<RunReply> {
    const assembler = await streamRunLog(`api/runs/${encodeURIComponent(id)}/log`, this.headers());
    if (!assembler.spec || !assembler.outcome)
      return { ok: false, error: `run ${id} was stored without its scenario or outcome` };
    return {
      ok: true,
      scenario: upgradeStoredScenario(assembler.spec),
      log: assembler.finish(),
      outcome: assembler.outcome,
      runId: id,
      ...(assembler.header?.source !== undefined ? { source: assembler.header.source } : {}),
    };
  }
}

/** Reads an NDJSON run log as it arrives, never holding more than one partial line as text. */
async function streamRunLog(url: string, headers: HeadersInit): Promise<RunLogAssembler> {
  const response = await fetch(url, { headers });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `cannot read ${url}: ${response.status}`);
  }
  const assembler = new RunLogAssembler();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    rest += value;
    let newline: number;
    while ((newline = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, newline);
      rest = rest.slice(newline + 1);
      if (line.trim() !== '') assembler.add(JSON.parse(line) as RunLine);
    }
  }
  if (rest.trim() !== '') assembler.add(JSON.parse(rest) as RunLine);
  return assembler;
}
