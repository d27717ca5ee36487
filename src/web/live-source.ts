// Where the live console's data comes from: the operator API of `bulwark live --http` (the
// scenario once; the plan, the feed's status and the track picture at every poll) and where the
// operator's answers go (accept, reject, engagement results). The replay's counterpart is source.ts.

import type { EngagementResult, LivePictureTrack, LivePlan } from '../model/live.js';
import type { Scenario } from '../model/scenario.js';

/** GET /api/live/status. */
export interface LiveStatus {
  feed: 'ok' | 'lost';
  t: number;
  tracks: number;
  counts: {
    received: number;
    accepted: number;
    rejected: Record<string, number>;
    plans: number;
    aged: number;
  };
  /** Weapons (or rounds) left per unit, by name. */
  stock: Record<string, number>;
  engagements: { track: string; unit: string; pk: number; acceptedS: number }[];
}

/** One poll: the last plan (null before the first), the status and the picture. */
export interface LiveSnapshot {
  plan: LivePlan | null;
  status: LiveStatus;
  tracks: LivePictureTrack[];
}

export type OperatorAnswer = 'accept' | 'reject' | EngagementResult;

export class LiveSource {
  constructor(private readonly token: string | undefined) {}

  private headers(json = false): HeadersInit {
    const h: Record<string, string> = {};
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (json) h['content-type'] = 'application/json';
    return h;
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: this.headers(), cache: 'no-store' });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new Error(body.error ?? `${path}: HTTP ${response.status}`);
    }
    return (await response.json()) as T;
  }

  async scenario(): Promise<Scenario> {
    return (await this.get<{ scenario: Scenario }>('api/live/scenario')).scenario;
  }

  async snapshot(): Promise<LiveSnapshot> {
    const [plan, status, picture] = await Promise.all([
      this.get<LivePlan | null>('api/live/plan'),
      this.get<LiveStatus>('api/live/status'),
      this.get<{ tracks: LivePictureTrack[] }>('api/live/picture'),
    ]);
    return { plan, status, tracks: picture.tracks };
  }

  /** Accept or reject a recommended shot, or report an accepted engagement's result. */
  async answer(
    answer: OperatorAnswer,
    track: string,
    unit: string,
  ): Promise<{ ok: boolean; error?: string }> {
    const path = answer === 'accept' || answer === 'reject' ? `api/live/${answer}` : 'api/live/result';
    const body =
      answer === 'accept' || answer === 'reject' ? { track, unit } : { track, unit, result: answer };
    const response = await fetch(path, {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify(body),
    });
    const reply = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string };
    return { ok: response.ok && reply.ok === true, ...(reply.error ? { error: reply.error } : {}) };
  }
}
