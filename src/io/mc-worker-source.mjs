// The batch worker when Bulwark runs from its TypeScript sources (the tests, bin/bulwark.js before a
// build): registers tsx in the worker thread, which does not inherit the main thread's loader, then
// loads mc-worker.ts. The compiled build loads dist/io/mc-worker.js directly.
import { register } from 'tsx/esm/api';

register();
// The same tasks as the compiled worker: runs of a batch (the default) and campaign nights by name.
const { runChunk, runNights } = await import('./mc-worker.ts');
export default runChunk;
export { runNights };
