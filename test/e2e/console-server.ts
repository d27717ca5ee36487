// The built console served by `bulwark serve`'s app on a free local port, for the browser tests.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { partState } from '../../scripts/build-state.mjs';
import { buildServer, type ServerConfig } from '../../src/server/app.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CONSOLE_DIR = join(ROOT, 'dist', 'console');

export async function serveConsole(
  config: Omit<ServerConfig, 'consoleDir'>,
): Promise<{ server: FastifyInstance; origin: string }> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html')))
    throw new Error('dist/console is missing: run `npm run build` first');
  if (partState('console') !== 'fresh')
    throw new Error('dist/console is older than src/: run `npm run build` (or drop BULWARK_TEST_BUILD=0)');
  const server = await buildServer({ ...config, consoleDir: CONSOLE_DIR });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  return { server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}
