// CoT over the network: a UDP socket (one event per datagram) and a TCP server (events one after
// another on a stream, each ended by </event>), and the matching senders. A stream that grows past
// the largest message without an end tag is cut and counted as one too-large message.

import { createSocket, type Socket } from 'node:dgram';
import { createConnection, createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { MAX_COT_BYTES } from './cot-codec.js';

export interface Endpoint {
  protocol: 'udp' | 'tcp';
  host: string;
  port: number;
}

/** `udp://127.0.0.1:4242`, `tcp://host:8087`, or `host:port` (UDP). */
export function parseEndpoint(text: string): Endpoint | undefined {
  const m = /^(?:(udp|tcp):\/\/)?(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(text.trim());
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  return { protocol: (m[1] ?? 'udp') as 'udp' | 'tcp', host: m[2].replace(/^\[|\]$/g, ''), port };
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

/** Receive CoT datagrams; `onMessage` gets each datagram's text and its arrival (performance.now). */
export function listenUdp(
  host: string,
  port: number,
  onMessage: (text: string, receivedMs: number) => void,
): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket: Socket = createSocket({
      type: host.includes(':') ? 'udp6' : 'udp4',
      recvBufferSize: 8 << 20,
    });
    socket.on('message', (data) => onMessage(data.toString('utf8'), performance.now()));
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      socket.on('error', () => {});
      resolve({
        port: socket.address().port,
        close: () => new Promise((done) => socket.close(() => done())),
      });
    });
  });
}

/** Receive CoT streams over TCP from any number of clients. */
export function listenTcp(
  host: string,
  port: number,
  onMessage: (text: string, receivedMs: number) => void,
  onTooLarge: (bytes: number) => void,
): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const sockets = new Set<TcpSocket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      socket.setEncoding('utf8');
      let buffer = '';
      socket.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        for (;;) {
          const end = buffer.indexOf('</event>');
          if (end < 0) break;
          const message = buffer.slice(0, end + 8);
          buffer = buffer.slice(end + 8);
          if (message.trim() !== '') onMessage(message.trim(), now);
        }
        if (buffer.length > MAX_COT_BYTES) {
          onTooLarge(buffer.length);
          buffer = '';
        }
      });
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    });
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface Sender {
  /** UDP sends go out at once (a datagram is never waited for); TCP ones resolve once written. */
  send(xml: string): Promise<void> | void;
  /** Datagrams the system refused to send. */
  failed(): number;
  close(): Promise<void>;
}

/** Send CoT to an endpoint: one datagram per event over UDP, or a stream over TCP. */
export function openSender(to: Endpoint): Promise<Sender> {
  if (to.protocol === 'udp') {
    const socket = createSocket(to.host.includes(':') ? 'udp6' : 'udp4');
    let failed = 0;
    let outstanding = 0;
    let drained: (() => void) | undefined;
    socket.on('error', () => failed++);
    return Promise.resolve({
      send: (xml) => {
        outstanding++;
        socket.send(Buffer.from(xml, 'utf8'), to.port, to.host, (err) => {
          if (err) failed++;
          if (--outstanding === 0) drained?.();
        });
      },
      failed: () => failed,
      // Closing with datagrams still queued would lose them: wait for the last one.
      close: async () => {
        if (outstanding > 0) await new Promise<void>((done) => (drained = done));
        await new Promise<void>((done) => socket.close(() => done()));
      },
    });
  }
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: to.host, port: to.port }, () => {
      socket.off('error', reject);
      socket.on('error', () => {});
      resolve({
        send: (xml) =>
          new Promise((done, fail) => {
            if (socket.write(xml + '\n', 'utf8', (err) => (err ? fail(err) : undefined))) done();
            else socket.once('drain', () => done());
          }),
        failed: () => 0,
        close: () => new Promise((done) => socket.end(() => done())),
      });
    });
    socket.once('error', reject);
  });
}
