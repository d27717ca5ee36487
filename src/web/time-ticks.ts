// Ticks under the time bar's scrub where the night's kills, impacts (leakers hitting an asset) and
// losses to electronic warfare happened, so the busy moments can be found and scrubbed to.

import type { SimEvent } from '../model/events.js';

export const TICK_KINDS = ['kill', 'impact', 'lost-ew'] as const;
export type TickKind = (typeof TICK_KINDS)[number];

export const TICK_COLOURS: Record<TickKind, string> = {
  kill: '#5fd18b',
  impact: '#ff5a4e',
  'lost-ew': '#be82ff',
};

/** Half the width of Chromium's range thumb: the track's ends, where 0 and the end time sit. */
const THUMB_HALF_PX = 8;
const ROW_PX = 3;

/** The times of each kind of tick, in order. */
export function tickTimes(events: readonly SimEvent[]): Record<TickKind, number[]> {
  const times: Record<TickKind, number[]> = { kill: [], impact: [], 'lost-ew': [] };
  for (const e of events)
    if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'lost-ew') times[e.kind].push(e.t);
  return times;
}

export class TimeTicks {
  private readonly canvas = document.createElement('canvas');
  private times: Record<TickKind, number[]> = { kill: [], impact: [], 'lost-ew': [] };
  private endS = 0;

  constructor(private readonly scrub: HTMLInputElement) {
    const wrap = document.createElement('span');
    wrap.className = 'scrub-wrap';
    scrub.replaceWith(wrap);
    wrap.append(scrub, this.canvas);
    this.canvas.className = 'time-ticks';
    this.canvas.setAttribute('aria-hidden', 'true');
    new ResizeObserver(() => this.draw()).observe(wrap);
  }

  show(events: readonly SimEvent[], endS: number): void {
    this.times = tickTimes(events);
    this.endS = endS;
    this.draw();
  }

  /** Where a moment sits along the scrub, in the canvas's CSS pixels. */
  xOf(t: number): number {
    const width = this.scrub.clientWidth;
    return THUMB_HALF_PX + (this.endS > 0 ? t / this.endS : 0) * (width - 2 * THUMB_HALF_PX);
  }

  /** Ticks drawn, per kind, for the browser tests. */
  get counts(): Record<TickKind, number> {
    return {
      kill: this.times.kill.length,
      impact: this.times.impact.length,
      'lost-ew': this.times['lost-ew'].length,
    };
  }

  private draw(): void {
    const width = this.scrub.clientWidth;
    const height = ROW_PX * TICK_KINDS.length;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(width * ratio));
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    TICK_KINDS.forEach((kind, row) => {
      ctx.fillStyle = TICK_COLOURS[kind];
      for (const t of this.times[kind]) ctx.fillRect(Math.round(this.xOf(t)) - 0.5, row * ROW_PX, 1, ROW_PX);
    });
  }
}
