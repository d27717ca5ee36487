// Newline-delimited input from stdin or from a file that another program keeps appending to
// (followed like `tail -f`, from its start). Each complete line goes to `onLine`; a line longer
// than the limit is cut off and reported once.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';

const MAX_LINE = 64 * 1024;
const POLL_MS = 100;

export interface LineFeed {
  close(): void;
}

function splitter(onLine: (line: string, receivedMs: number) => void, onTooLong: (bytes: number) => void) {
  let buffer = '';
  return (chunk: string) => {
    const now = performance.now();
    buffer += chunk;
    let start = 0;
    for (;;) {
      const end = buffer.indexOf('\n', start);
      if (end < 0) break;
      const line = buffer.slice(start, end).trim();
      start = end + 1;
      if (line !== '') onLine(line, now);
    }
    buffer = buffer.slice(start);
    if (buffer.length > MAX_LINE) {
      onTooLong(buffer.length);
      buffer = '';
    }
  };
}

export function readLines(
  stream: Readable,
  onLine: (line: string, receivedMs: number) => void,
  onTooLong: (bytes: number) => void,
  onEnd: () => void,
): LineFeed {
  stream.setEncoding('utf8');
  const split = splitter(onLine, onTooLong);
  stream.on('data', (chunk: string) => split(chunk));
  stream.on('end', onEnd);
  return { close: () => stream.pause() };
}

/** Follow a file as it grows; a file cut shorter (rotated) is read again from its start. */
export function followFile(
  path: string,
  onLine: (line: string, receivedMs: number) => void,
  onTooLong: (bytes: number) => void,
): LineFeed {
  const split = splitter(onLine, onTooLong);
  let offset = 0;
  const chunk = Buffer.alloc(1 << 16);
  const poll = () => {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return;
    }
    if (size < offset) offset = 0;
    if (size === offset) return;
    const fd = openSync(path, 'r');
    try {
      while (offset < size) {
        const n = readSync(fd, chunk, 0, chunk.length, offset);
        if (n <= 0) break;
        offset += n;
        split(chunk.toString('utf8', 0, n));
      }
    } finally {
      closeSync(fd);
    }
  };
  poll();
  const timer = setInterval(poll, POLL_MS);
  return { close: () => clearInterval(timer) };
}
