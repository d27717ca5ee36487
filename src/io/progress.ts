// Progress of a long batch on stderr: a bar with rate and ETA redrawn in place on a terminal,
// plain lines now and then when the output is a file or a pipe.

import type { WriteStream } from 'node:tty';

export interface ProgressOptions {
  label: string;
  total: number;
  /** Already done before this session (a resumed batch). */
  done?: number;
  stream?: NodeJS.WritableStream;
  now?: () => number;
}

export class Progress {
  private readonly stream: NodeJS.WritableStream;
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly started: number;
  private readonly startDone: number;
  private done: number;
  private failed = 0;
  private lastDraw = -Infinity;
  private lastLineFraction = -1;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = Boolean((this.stream as WriteStream).isTTY);
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.done = this.startDone = options.done ?? 0;
    if (!this.tty && this.startDone > 0)
      this.stream.write(
        `${options.label}: resuming, ${this.startDone} of ${options.total} runs already stored\n`,
      );
  }

  advance(runs: number, failed = 0): void {
    this.done += runs;
    this.failed += failed;
    const t = this.now();
    if (this.tty) {
      if (t - this.lastDraw >= 100 || this.done >= this.options.total) {
        this.lastDraw = t;
        this.stream.write(`\r${this.line(t, true)}\x1b[K`);
      }
    } else {
      // About every 10% of the work, or every 10 s when runs are slow.
      const fraction = Math.floor((10 * this.done) / this.options.total);
      if (fraction > this.lastLineFraction || t - this.lastDraw >= 10_000) {
        this.lastLineFraction = fraction;
        this.lastDraw = t;
        this.stream.write(`${this.line(t, false)}\n`);
      }
    }
  }

  finish(message?: string): void {
    if (this.tty) this.stream.write(`\r${this.line(this.now(), true)}\x1b[K\n`);
    if (message) this.stream.write(`${message}\n`);
  }

  /** `[#####-----] 512/1000 51.2%  8.3 runs/s  ETA 59s  1 failed` */
  line(t: number, bar: boolean): string {
    const { total, label } = this.options;
    const fraction = total > 0 ? this.done / total : 1;
    const width = 24;
    const filled = Math.round(fraction * width);
    const elapsedS = (t - this.started) / 1000;
    const rate = elapsedS > 0 ? (this.done - this.startDone) / elapsedS : 0;
    const etaS = rate > 0 ? (total - this.done) / rate : NaN;
    const parts = [
      label,
      bar ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : '',
      `${this.done}/${total}`,
      `${(100 * fraction).toFixed(1)}%`,
      `${rate.toFixed(rate >= 10 ? 0 : 1)} runs/s`,
      `ETA ${formatDuration(etaS)}`,
      this.failed > 0 ? `${this.failed} failed` : '',
    ];
    return parts.filter((p) => p !== '').join('  ');
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
