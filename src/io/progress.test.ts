import { describe, expect, it } from 'vitest';
import { formatDuration, Progress } from './progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return {
    stream: { isTTY, write: (c: string) => chunks.push(c) } as unknown as NodeJS.WritableStream,
    chunks,
  };
}

describe('Progress', () => {
  it('redraws a bar with rate and ETA in place on a terminal', () => {
    let t = 0;
    const { stream, chunks } = sink(true);
    const p = new Progress({ label: 'mc-1', total: 100, done: 20, stream, now: () => t });
    t = 10_000;
    p.advance(40, 1); // 40 runs in 10 s: 4 runs/s, 40 left → 10 s
    expect(chunks.at(-1)).toBe(
      '\r' + 'mc-1  [##############----------]  60/100  60.0%  4.0 runs/s  ETA 10s  1 failed\x1b[K',
    );
    t = 10_050;
    p.advance(1); // within 100 ms of the last draw: not redrawn
    expect(chunks).toHaveLength(1);
    p.finish();
    expect(chunks.at(-1)!.endsWith('\n')).toBe(true);
  });

  it('writes plain lines about every tenth of the work when not a terminal', () => {
    let t = 0;
    const { stream, chunks } = sink(false);
    const p = new Progress({ label: 'b', total: 50, stream, now: () => t });
    for (let i = 0; i < 50; i++) {
      t += 100;
      p.advance(1);
    }
    expect(chunks).toHaveLength(11); // the first run, then at each 10%
    expect(chunks.every((c) => c.endsWith('\n') && !c.includes('\r') && !c.includes('['))).toBe(true);
    expect(chunks.at(-1)).toBe('b  50/50  100.0%  10 runs/s  ETA 0s\n');
  });

  it('formats durations', () => {
    expect(formatDuration(NaN)).toBe('–');
    expect(formatDuration(59.4)).toBe('59s');
    expect(formatDuration(61)).toBe('1m01s');
    expect(formatDuration(7322)).toBe('2h02m');
  });
});
