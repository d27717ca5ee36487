// Runs a long synchronous computation (a whole record night) on a worker thread and awaits it, so
// the test worker stays free to answer the test runner: vitest's worker gives up on a message
// after 60 s, and a night that blocks longer than that on a loaded machine fails the run.

import { Worker } from 'node:worker_threads';

/** Calls `name(...args)` exported by the TypeScript module at `module` on a fresh worker thread. */
export function offThread<T>(module: URL, name: string, args: unknown[]): Promise<T> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import('tsx/esm/api')
      .then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })
      .then((m) => parentPort.postMessage({ ok: true, value: m[${JSON.stringify(name)}](...workerData) }))
      .catch((e) => parentPort.postMessage({ ok: false, error: String(e && e.stack || e) }));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: args });
    worker.once('message', (m: { ok: boolean; value?: T; error?: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.value as T);
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
  });
}
