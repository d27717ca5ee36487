// Output files the user named: a folder that does not exist or cannot be written is the user's
// error (exit 2 with the flag and the file), not a crash.

import { writeFileAtomic } from '../io/atomic-write.js';
import { UsageError } from './errors.js';

export function writeOutput(flag: string, file: string, content: string | Iterable<string>): void {
  try {
    writeFileAtomic(file, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR')
      throw new UsageError(`${flag}: cannot write '${file}': ${(e as Error).message}`);
    throw e;
  }
}
