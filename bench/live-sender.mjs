// Sends the CoT messages of a file (one per line) over UDP at a steady rate; prints how many went.
// Run by bench/live.ts as its own process, so sending never borrows the receiver's event loop.
/* global process, performance, setTimeout, setImmediate */
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';

const [file, host, port, rate] = process.argv.slice(2);
const messages = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l !== '');
const socket = createSocket('udp4');
const start = performance.now();
let sent = 0;
let outstanding = 0;
while (sent < messages.length) {
  const due = start + (sent / Number(rate)) * 1000;
  const wait = due - performance.now();
  if (wait > 2) await new Promise((r) => setTimeout(r, wait));
  else if (sent % 16 === 0) await new Promise((r) => setImmediate(r));
  outstanding++;
  socket.send(messages[sent], Number(port), host, () => outstanding--);
  sent++;
}
while (outstanding > 0) await new Promise((r) => setTimeout(r, 5));
socket.close();
process.stdout.write(JSON.stringify({ sent, seconds: (performance.now() - start) / 1000 }) + '\n');
