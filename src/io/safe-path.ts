// Names that come from outside (an HTTP request, a URL) resolved to files inside one folder and
// never anywhere else: no separators, no dot-dot, no hidden files, no symlink leading out.

import { readdirSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';

/** A plain file name: letters, digits, dot, dash, underscore; not starting with a dot. */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}

/**
 * The path of `name` inside `folder`, or undefined when the name is not a plain file name or the
 * file (after following links) lies outside the folder. A file that does not exist yet is allowed
 * when its name is safe.
 */
export function resolveInside(folder: string, name: string): string | undefined {
  if (!isSafeName(name)) return undefined;
  const path = join(folder, name);
  let real: string;
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    return undefined;
  }
  try {
    real = realpathSync(path);
  } catch {
    return path;
  }
  const rel = relative(realFolder, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return path;
}

/** The plain files of `folder` whose names match `pattern` and resolve inside it, sorted; none when it cannot be read. */
export function filesInside(folder: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isFile() && pattern.test(d.name))
      .map((d) => d.name);
  } catch {
    return [];
  }
  return names.filter((n) => resolveInside(folder, n) !== undefined).sort();
}
