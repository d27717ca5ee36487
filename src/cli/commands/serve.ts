// `bulwark serve`: the web console and its JSON API on a local port.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE } from '../../io/results-store.js';
import { PACKAGE_ROOT } from '../../io/scenario-file.js';
import { buildServer } from '../../server/app.js';
import { isLoopbackHost } from '../../server/auth.js';
import { UsageError } from '../errors.js';

interface ServeOptions {
  port: string;
  host: string;
  open?: boolean;
  token?: string;
  scenarios?: string;
  results: string;
  store: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web console: watch a raid on a map, replay it, run scenarios')
    .option('--port <n>', 'port to listen on', '8720')
    .option('--host <address>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--open', 'open the console in the default browser')
    .option('--token <token>', 'API token (default: none on loopback, a random one otherwise)')
    .option(
      '--scenarios <dir>',
      'folder of scenario files offered (default: ./scenarios, else the built-in ones)',
    )
    .option('--results <dir>', 'folder where runs are stored', '.bulwark/runs')
    .option('--store <file>', 'Monte Carlo and sweep results shown as charts (read-only)', DEFAULT_STORE)
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark serve                          # http://127.0.0.1:8720/
  $ bulwark serve --port 9000 --open
  $ bulwark serve --host 0.0.0.0           # prints a URL with a fresh token
  $ bulwark serve --scenarios ./my-cities --results ./runs`,
    )
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port < 0 || port > 65535)
        throw new UsageError(`--port: expected a port number from 0 to 65535, found '${options.port}'`);
      const loopback = isLoopbackHost(options.host);
      const token = options.token ?? (loopback ? undefined : randomBytes(18).toString('base64url'));
      const scenariosDir = resolve(
        options.scenarios ?? (existsSync('scenarios') ? 'scenarios' : join(PACKAGE_ROOT, 'scenarios')),
      );
      if (!existsSync(scenariosDir)) throw new UsageError(`--scenarios: no such folder '${scenariosDir}'`);
      const app = await buildServer({
        scenariosDir,
        resultsDir: resolve(options.results),
        storeFile: resolve(options.store),
        consoleDir: join(PACKAGE_ROOT, 'dist', 'console'),
        ...(token ? { token } : {}),
      });
      try {
        await app.listen({ port, host: options.host });
      } catch (e) {
        const error = e as NodeJS.ErrnoException;
        if (error.code === 'EADDRINUSE') throw new UsageError(`--port: ${port} is already in use`);
        if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
          throw new UsageError(`--host: cannot bind '${options.host}'`);
        throw e;
      }
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
      const url = `http://${shownHost}:${actualPort}/${token ? `?token=${token}` : ''}`;
      process.stdout.write(`bulwark console at ${url}\n`);
      process.stdout.write(`scenarios from ${scenariosDir}; press Ctrl+C to stop\n`);
      if (options.open) openInBrowser(url);
      await new Promise<void>((done) => {
        const stop = () => void app.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`could not open a browser; visit ${url}\n`));
  child.unref();
}
