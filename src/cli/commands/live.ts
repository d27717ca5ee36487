// `bulwark live`: decision support on a live track picture. Tracks come in as CoT (UDP, TCP) or
// newline-delimited GeoJSON, or as raw detections through the tracker; every re-plan goes out as one NDJSON line on stdout (and, with
// --cot-out, as CoT markers to a TAK endpoint); the operator answers over HTTP. With --replay a
// recorded night is played as a CoT stream, to this command itself or (--send-to) elsewhere.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  openSender,
  listenTcp,
  listenUdp,
  parseEndpoint,
  type Endpoint,
  type Listener,
} from '../../io/cot-transport.js';
import { playDetections } from '../../io/detection-source.js';
import { followFile, readLines, type LineFeed } from '../../io/line-feed.js';
import { LiveSession } from '../../io/live-session.js';
import { EventLogError, playNight, readEventLog } from '../../io/night-replay-source.js';
import { loadRecordingFile } from '../../io/recording-file.js';
import { PACKAGE_ROOT } from '../../io/scenario-file.js';
import { DetectionFeed } from '../../run/detection-feed.js';
import { ReplayMismatch } from '../../run/night-replay.js';
import { C2_POLICY_NAMES, formatIssue } from '../../scenario/index.js';
import { isLoopbackHost } from '../../server/auth.js';
import { buildLiveApi } from '../../server/live-api.js';
import { UsageError } from '../errors.js';
import { loadScenarioOrExit } from '../scenario-arg.js';

interface LiveOptions {
  udp?: string;
  tcp?: string;
  geojson?: string;
  replay?: string;
  detections?: string;
  sigma?: string;
  altitude: string;
  speed: string;
  every?: string;
  sendTo?: string;
  cotOut?: string;
  http?: string;
  token?: string;
  feedTimeout: string;
  stale: string;
  policy?: string;
}

function endpoint(flag: string, text: string, protocol?: 'udp' | 'tcp'): Endpoint {
  const e = parseEndpoint(protocol && !text.includes('://') ? `${protocol}://${text}` : text);
  if (!e)
    throw new UsageError(`${flag}: expected HOST:PORT or udp://HOST:PORT / tcp://HOST:PORT, found '${text}'`);
  return e;
}

function positive(flag: string, text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0)
    throw new UsageError(`${flag}: expected a positive number, found '${text}'`);
  return v;
}

export function registerLive(program: Command): void {
  program
    .command('live')
    .description('recommend engagements on a live track picture (CoT or GeoJSON in, NDJSON and CoT out)')
    .argument(
      '[scenario]',
      'scenario giving the region, assets and defender units; the built-in Kyiv night when omitted',
    )
    .option(
      '--udp <host:port>',
      'listen for CoT over UDP (default 127.0.0.1:4242 when no other input is given)',
    )
    .option('--tcp <host:port>', 'listen for CoT streams over TCP, e.g. 127.0.0.1:8087')
    .option(
      '--geojson <file>',
      "read newline-delimited GeoJSON track features from a file as it grows, or '-' for stdin",
    )
    .option('--replay <events.ndjson>', 'play a recorded night (bulwark run --events) as a CoT stream')
    .option(
      '--detections <recording.json>',
      "raw detections (the 'bulwark track' recording format, local metres of the scenario's frame) through the tracker",
    )
    .option('--sigma <m>', "detections: report error σ per axis, m (default: the recording's params.sigma)")
    .option('--altitude <m>', 'detections: altitude given to the tracks (the recordings are 2-D), m', '0')
    .option('--speed <x>', 'replay and detections: night seconds per wall second', '1')
    .option(
      '--every <s>',
      "replay: seconds between track updates (default: the scenario's scan period, else 2)",
    )
    .option(
      '--send-to <endpoint>',
      'replay: send the stream there (udp://host:port or tcp://host:port) and exit, instead of to this command',
    )
    .option(
      '--cot-out <endpoint>',
      'also send every recommendation as CoT to a TAK endpoint (udp://… or tcp://…)',
    )
    .option(
      '--http <host:port>',
      'operator API (GET /api/live/plan, POST /api/live/accept|reject|result) and the web console in live mode, e.g. 127.0.0.1:8731',
    )
    .option(
      '--token <token>',
      'token the operator API requires (default: none on loopback, a random one otherwise)',
    )
    .option('--feed-timeout <s>', "wall seconds without an accepted report before the feed is 'lost'", '10')
    .option('--stale <s>', 'staleness of GeoJSON reports that carry none, s', '30')
    .option('--policy <name>', `WTA solver instead of the scenario's: ${C2_POLICY_NAMES.join(', ')}`)
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark run my-city.yaml --policy lns --events night.ndjson
  $ bulwark live my-city.yaml --replay night.ndjson --speed 10          # the night, replayed into itself
  $ bulwark live my-city.yaml --udp 127.0.0.1:4242 --http 127.0.0.1:8731  # wait for CoT, operator API
  $ bulwark live my-city.yaml --replay night.ndjson --send-to udp://127.0.0.1:4242   # a source only
  $ bulwark live my-city.yaml --tcp 127.0.0.1:8087 --cot-out tcp://127.0.0.1:8088  # TAK in and out
  $ tail -f tracks.geojsonl | bulwark live my-city.yaml --geojson -
  $ bulwark live --detections data/recordings/swarm-ring-n20-s1-30scans.json --speed 5   # raw detections
  $ curl -XPOST 127.0.0.1:8731/api/live/accept -d '{"track":"bulwark.threat.1","unit":"team-1"}' -H 'content-type: application/json'

Output: one JSON object per line, {"plan": …} after every re-plan and {"status": …} when the feed
is lost or restored and at the end. Refused messages are counted and logged on stderr. See docs/live.md.`,
    )
    .action(async (file: string | undefined, options: LiveOptions) => {
      const loaded = loadScenarioOrExit(file).scenario;
      if (options.policy !== undefined && !(C2_POLICY_NAMES as readonly string[]).includes(options.policy))
        throw new UsageError(
          `--policy: unknown C2 policy '${options.policy}'; expected one of ${C2_POLICY_NAMES.join(', ')}`,
        );
      const scenario = options.policy ? { ...loaded, c2: { ...loaded.c2, policy: options.policy } } : loaded;
      const speed = positive('--speed', options.speed);
      const everyS =
        options.every !== undefined
          ? positive('--every', options.every)
          : (scenario.sensors.find((s) => s.type === 'ideal')?.scanPeriodS ?? 2);
      const events = options.replay ? loadEvents(options.replay) : undefined;
      if (events && options.detections)
        throw new UsageError('--replay and --detections: give one recorded source, not both');
      const detections = options.detections
        ? loadDetections(options.detections, options, positive('--stale', options.stale))
        : undefined;

      if (events && options.sendTo) {
        // A source only: play the night to the endpoint and stop.
        const to = endpoint('--send-to', options.sendTo);
        const sender = await openSender(to).catch((e: Error) => {
          throw new UsageError(`--send-to: cannot reach ${options.sendTo}: ${e.message}`);
        });
        const sent = await replay(scenario, events, { speed, everyS, send: (xml) => sender.send(xml) });
        const failed = sender.failed();
        await sender.close();
        process.stderr.write(
          `live: replay sent ${sent - failed} track reports to ${options.sendTo}${failed ? ` (${failed} refused by the system)` : ''}\n`,
        );
        return;
      }

      const binds: [string, string | undefined][] = [
        ['--udp', options.udp],
        ['--tcp', options.tcp],
        ['--http', options.http],
      ];
      const hostOf = ([flag, a]: [string, string | undefined]) =>
        a === undefined ? [] : [endpoint(flag, a).host];
      const remote = binds.flatMap(hostOf);
      const token =
        options.token ?? (remote.every(isLoopbackHost) ? undefined : randomBytes(18).toString('base64url'));
      const feedHosts = binds.slice(0, 2).flatMap(hostOf);
      if (!feedHosts.every(isLoopbackHost) && options.token === undefined)
        throw new UsageError(
          'a CoT listener off loopback needs --token (CoT carries no credentials: keep it behind your TAK server)',
        );

      const cotOut = options.cotOut
        ? await openSender(endpoint('--cot-out', options.cotOut)).catch((e: Error) => {
            throw new UsageError(`--cot-out: cannot reach ${options.cotOut}: ${e.message}`);
          })
        : undefined;
      const session = new LiveSession(scenario, {
        write: (line) => process.stdout.write(line),
        log: (line) => process.stderr.write(line + '\n'),
        feedTimeoutS: positive('--feed-timeout', options.feedTimeout),
        defaultStaleS: positive('--stale', options.stale),
        clockRate: events || detections ? speed : 1,
        ...(cotOut
          ? { sendCot: (xml: string) => void Promise.resolve(cotOut.send(xml)).catch(() => {}) }
          : {}),
      });
      const listeners: Listener[] = [];
      const feeds: LineFeed[] = [];
      const bind = async (flag: string, text: string, start: (e: Endpoint) => Promise<Listener>) => {
        const e = endpoint(flag, text);
        try {
          const l = await start(e);
          listeners.push(l);
          process.stderr.write(`live: ${flag.slice(2)} listening on ${e.host}:${l.port}\n`);
          return l;
        } catch (err) {
          throw new UsageError(`${flag}: cannot listen on ${text}: ${(err as Error).message}`);
        }
      };
      const noInput = !options.tcp && !options.geojson && !options.udp && !detections;
      const udpAddress = options.udp ?? (events ? '127.0.0.1:0' : noInput ? '127.0.0.1:4242' : undefined);
      const udp = udpAddress
        ? await bind('--udp', udpAddress, (e) =>
            listenUdp(e.host, e.port, (text, at) => session.cot(text, at, 'udp')),
          )
        : undefined;
      if (options.tcp)
        await bind('--tcp', options.tcp, (e) =>
          listenTcp(
            e.host,
            e.port,
            (text, at) => session.cot(text, at, 'tcp'),
            (bytes) => session.tooLarge(bytes, 'tcp'),
          ),
        );
      let stdinEnded: Promise<void> | undefined;
      if (options.geojson === '-') {
        stdinEnded = new Promise((done) =>
          feeds.push(
            readLines(
              process.stdin,
              (line, at) => session.geoJson(line, at),
              (n) => session.tooLarge(n, 'geojson'),
              done,
            ),
          ),
        );
      } else if (options.geojson) {
        feeds.push(
          followFile(
            options.geojson,
            (line, at) => session.geoJson(line, at),
            (n) => session.tooLarge(n, 'geojson'),
          ),
        );
      }
      let api: Awaited<ReturnType<typeof buildLiveApi>> | undefined;
      if (options.http) {
        const e = endpoint('--http', options.http, 'tcp');
        const consoleDir = join(PACKAGE_ROOT, 'dist', 'console');
        api = buildLiveApi(session, token, { consoleDir });
        try {
          await api.listen({ host: e.host, port: e.port });
        } catch (err) {
          throw new UsageError(`--http: cannot listen on ${options.http}: ${(err as Error).message}`);
        }
        const address = api.server.address();
        const port = typeof address === 'object' && address ? address.port : e.port;
        const shownHost = e.host.includes(':') ? `[${e.host}]` : e.host;
        process.stderr.write(
          `live: operator API on http://${shownHost}:${port}/api/live/plan${token ? ` (token ${token})` : ''}\n` +
            (existsSync(join(consoleDir, 'index.html'))
              ? `live: console on http://${shownHost}:${port}/?live${token ? `&token=${token}` : ''}\n`
              : 'live: the console is not built (npm run build): the API alone is served\n'),
        );
      }
      session.start();

      const stop = async () => {
        session.close();
        session.status('ended');
        for (const f of feeds) f.close();
        for (const l of listeners) await l.close();
        await api?.close();
        await cotOut?.close();
      };
      if (events && udp) {
        // Self-contained: the night goes out over UDP on loopback and comes back in through the
        // same path a real feed takes.
        const sender = await openSender({ protocol: 'udp', host: '127.0.0.1', port: udp.port });
        await replay(scenario, events, { speed, everyS, send: (xml) => sender.send(xml) });
        await sender.close();
        await new Promise((r) => setTimeout(r, 500));
        process.stderr.write('live: replay done\n');
        // With the operator API (and console) open, the picture stays up to look at until Ctrl+C.
        if (!api) {
          await stop();
          return;
        }
      }
      if (detections) {
        // The recording's scans through the tracker into the picture; the other feeds run alongside.
        const reports = await playDetections(detections, session, { speed });
        process.stderr.write(
          `live: ${detections.scans} scans of raw detections gave ${reports} confirmed-track reports\n`,
        );
        await new Promise((r) => setTimeout(r, 500));
        if (listeners.length === 0 && !api && feeds.length === 0) {
          await stop();
          return;
        }
      }
      const signalled = new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await Promise.race([
        signalled,
        ...(stdinEnded && listeners.length === 0 && !api
          ? [stdinEnded.then(() => new Promise((r) => setTimeout(r, 100)))]
          : []),
      ]);
      await stop();
    });
}

function loadDetections(path: string, options: LiveOptions, staleAfterS: number): DetectionFeed {
  const loaded = loadRecordingFile(path);
  if (!loaded.ok) throw new UsageError(loaded.issues.map(formatIssue).join('\n'));
  const sigmaM = options.sigma !== undefined ? positive('--sigma', options.sigma) : loaded.recording.sigmaM;
  if (sigmaM === undefined)
    throw new UsageError(`${path}: the file has no params.sigma; give the report error with --sigma <m>`);
  const altitudeM = Number(options.altitude);
  if (!Number.isFinite(altitudeM) || Math.abs(altitudeM) > 100_000)
    throw new UsageError(`--altitude: expected metres within ±100 km, found '${options.altitude}'`);
  if (loaded.recording.scanTimeS.length === 0) throw new UsageError(`${path}: the recording has no scans`);
  return new DetectionFeed(loaded.recording, { sigmaM, altitudeM, staleAfterS });
}

function loadEvents(path: string) {
  try {
    const events = readEventLog(path);
    if (!events.some((e) => e.kind === 'threat-launch'))
      throw new UsageError(
        `--replay: ${path} has no threat-launch events (write one with bulwark run --events)`,
      );
    return events;
  } catch (e) {
    if (e instanceof EventLogError) throw new UsageError(`--replay: ${e.message}`);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`--replay: no such file: ${path}`);
    throw e;
  }
}

async function replay(
  scenario: Parameters<typeof playNight>[0],
  events: Parameters<typeof playNight>[1],
  options: Parameters<typeof playNight>[2],
): Promise<number> {
  try {
    return await playNight(scenario, events, options);
  } catch (e) {
    if (e instanceof ReplayMismatch)
      throw new UsageError(`--replay: the log does not fit the scenario: ${e.message}`);
    throw e;
  }
}
