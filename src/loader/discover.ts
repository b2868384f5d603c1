// Paths, directories and globs → the sorted list of manifest files to read, plus one-line errors for what can't be read.
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export interface Discovery {
  /** Absolute paths, sorted by their displayed (relative) path so output never depends on disk order. */
  readonly files: string[];
  readonly errors: { readonly path: string; readonly message: string }[];
}

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
// Our own config files are not manifests; a file named on the command line is still read.
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.istio-lint.yaml', '.istio-lint.yml']);

export function isGlob(p: string): boolean {
  return picomatch.scan(p).isGlob;
}

/** `skipFiles`: absolute paths that directory walks pass over (custom rules files are YAML, not manifests). */
export function discover(inputs: readonly string[], cwd: string, ignorePatterns: readonly string[], skipFiles: ReadonlySet<string> = new Set()): Discovery {
  const ignored = ignorePatterns.length ? picomatch(ignorePatterns.map(normalizePattern), { dot: true }) : () => false;
  // Patterns are relative to the working directory, or absolute (a config file's, rebased to its folder).
  const isIgnored = (abs: string): boolean => {
    const rel = toPosix(relative(cwd, abs));
    const full = toPosix(abs);
    return ignored(rel) || ignored(rel + '/') || ignored(full) || ignored(full + '/');
  };
  // Real path → the name it is shown under: a file reached twice (symlinks, overlapping arguments) is read once.
  const byReal = new Map<string, string>();
  const found = {
    get size(): number {
      return byReal.size;
    },
    add(abs: string): void {
      let real = abs;
      try {
        real = realpathSync(abs);
      } catch {
        // unreadable: keep the name; reading it reports the problem
      }
      const prev = byReal.get(real);
      if (prev === undefined || compare(display(cwd, abs), display(cwd, prev)) < 0) byReal.set(real, abs);
    },
  };
  const errors: { path: string; message: string }[] = [];
  const seenDirs = new Set<string>();

  const walk = (dir: string, accept: (abs: string) => boolean): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (err) {
      errors.push({ path: display(cwd, dir), message: ioMessage(err) });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or the same tree named twice
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (err) {
      errors.push({ path: display(cwd, dir), message: ioMessage(err) });
      return;
    }
    for (const name of entries.sort()) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const abs = join(dir, name);
      if (isIgnored(abs)) continue;
      let st: Stats;
      try {
        st = statSync(abs);
      } catch (err) {
        // A dangling link or a file that vanished: say so rather than drop it.
        errors.push({ path: display(cwd, abs), message: ioMessage(err) });
        continue;
      }
      if (st.isDirectory()) walk(abs, accept);
      else if (st.isFile() && !skipFiles.has(abs) && accept(abs)) found.add(abs);
    }
  };

  // Sorted, so that which of two names for one directory is walked first never depends on argument order.
  for (const input of [...new Set(inputs)].sort(compare)) {
    if (isGlob(input)) {
      const scan = picomatch.scan(input);
      const base = resolve(cwd, scan.base || '.');
      const match = picomatch(toPosix(scan.glob), { dot: false });
      const before = found.size;
      const errorsBefore = errors.length;
      walk(base, (abs) => match(toPosix(relative(base, abs))));
      // An unreadable base folder has already been reported; "no match" would only repeat it.
      if (found.size === before && errors.length === errorsBefore) errors.push({ path: input, message: 'no files match this pattern' });
      continue;
    }
    const abs = resolve(cwd, input);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (err) {
      errors.push({ path: input, message: ioMessage(err) });
      continue;
    }
    // A file named explicitly is read whatever its extension or ignore patterns: the user asked for it.
    if (st.isDirectory()) walk(abs, (f) => MANIFEST_EXT.test(f));
    else found.add(abs);
  }
  const files = [...byReal.values()].sort((a, b) => compare(display(cwd, a), display(cwd, b)));
  return { files, errors };
}

/** Paths as reports show them: relative to the working directory, with forward slashes. */
export function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return toPosix(rel === '' ? '.' : rel);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

// "dir/" and "dir" both mean everything below dir, as in ESLint's ignorePatterns.
function normalizePattern(p: string): string {
  const t = p.replace(/^\.\//, '');
  if (t.endsWith('/')) return `${t}**`;
  return picomatch.scan(t).isGlob ? t : `{${t},${t}/**}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function ioMessage(err: unknown): string {
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENXIO':
      return 'not a file that can be read (a socket?)';
    default:
      return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
}
