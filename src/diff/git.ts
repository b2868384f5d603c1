// The manifests of a git revision, read through git itself (ls-tree and one cat-file --batch), never a checkout: the
// same paths as on disk, selected as discovery selects them (manifest extensions under folders, ignore patterns).
import { spawnSync } from 'node:child_process';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { display, isGlob } from '../loader/discover.js';
import { decode } from '../loader/read.js';
import type { FileReport } from '../types.js';

export type Git = (args: readonly string[], input?: string) => { readonly ok: true; readonly stdout: Buffer } | { readonly ok: false; readonly message: string };

export class GitError extends Error {}

export function systemGit(cwd: string): Git {
  return (args, input) => {
    const r = spawnSync('git', [...args], { cwd, input, maxBuffer: 1 << 30 });
    if (r.error) return { ok: false, message: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed (or not on PATH)' : r.error.message };
    if (r.status !== 0) return { ok: false, message: r.stderr.toString('utf8').trim().split('\n')[0] || `git ${args[0]} exited with ${r.status}` };
    return { ok: true, stdout: r.stdout };
  };
}

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const SKIPPED = new Set(['node_modules', '.git', '.istio-lint.yaml', '.istio-lint.yml']);
const AT_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
const posix = (p: string): string => p.split('\\').join('/');

function run(git: Git, args: readonly string[], input?: string): Buffer {
  const r = git(args, input);
  if (!r.ok) throw new GitError(`git ${args[0]}: ${r.message}`);
  return r.stdout;
}

/** Ignore patterns as absolute globs: "dir/" and "dir" both mean everything below dir. */
export function ignoreMatcher(patterns: readonly { readonly pattern: string; readonly base: string }[]): (abs: string) => boolean {
  if (!patterns.length) return () => false;
  const globs = patterns.map(({ pattern, base }) => {
    const t = pattern.replace(/^\.\//, '');
    const abs = posix(isAbsolute(t) ? t : join(base, t)).replace(/\/+$/, '');
    return t.endsWith('/') ? `${abs}/**` : isGlob(t) ? abs : `{${abs},${abs}/**}`;
  });
  const match = picomatch(globs, { dot: true });
  return (abs) => match(posix(abs));
}

export interface RefInputs {
  readonly files: { readonly path: string; readonly text: string }[];
  readonly reports: FileReport[];
}

/** The files `paths` (relative to cwd) select at `ref`, shown under their working-tree names. */
export function filesAtRef(git: Git, cwd: string, ref: string, paths: readonly string[], ignored: (abs: string) => boolean, maxBytes: number): RefInputs {
  const top = run(git, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit.ok) throw new GitError(`--base-ref: no commit ${JSON.stringify(ref)} in this repository (fetch it first, e.g. git fetch origin main, or check out with fetch-depth: 0)`);
  const sha = commit.stdout.toString('utf8').trim();
  const selectors = paths.map((p) => {
    if (isGlob(p)) {
      const match = picomatch(posix(p), { dot: false });
      return (abs: string): boolean => match(display(cwd, abs));
    }
    const root = resolve(cwd, p);
    // A file named explicitly is read whatever its extension, as on disk.
    return (abs: string): boolean => abs === root || (abs.startsWith(root === '/' ? root : `${root}/`) && MANIFEST_EXT.test(abs));
  });
  const wanted: { abs: string; object: string }[] = [];
  for (const entry of run(git, ['ls-tree', '-r', '-z', '--full-tree', sha]).toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m || m[2] !== 'blob' || (m[1] !== '100644' && m[1] !== '100755')) continue;
    const abs = join(top, m[4]!);
    const rel = posix(relative(top, abs)).split('/');
    if (rel.some((seg) => SKIPPED.has(seg))) continue;
    if (!selectors.some((s) => s(abs))) continue;
    if (ignored(abs) || rel.slice(0, -1).some((_, i) => ignored(join(top, ...rel.slice(0, i + 1))))) continue;
    wanted.push({ abs, object: m[3]! });
  }
  const files: RefInputs['files'] = [];
  const reports: FileReport[] = [];
  if (!wanted.length) return { files, reports };
  const out = run(git, ['cat-file', '--batch'], wanted.map((w) => w.object).join('\n') + '\n');
  let at = 0;
  for (const w of wanted) {
    const nl = out.indexOf(0x0a, at);
    const header = out.subarray(at, nl).toString('utf8').split(' ');
    const size = Number(header[2]);
    const bytes = out.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
    const shown = display(cwd, w.abs);
    const text = decode(bytes, maxBytes);
    if (text.ok) files.push({ path: shown, text: text.text });
    else reports.push({ ruleId: text.ruleId, message: `${text.message} (at ${ref})`, file: shown, range: AT_START });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, reports };
}
