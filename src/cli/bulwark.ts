// Executable entry point.

import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bulwark: internal error\n${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
