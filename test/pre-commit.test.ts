// The pre-commit hooks, installed and run by the real pre-commit from a snapshot of this working tree.
// pre-commit installs `language: node` hooks with npm (the registry is needed): `try-repo` builds a fresh
// environment each time, a .pre-commit-config.yaml install is built once; each build takes 10–30 s with a warm
// npm cache, so the file takes two builds. Skipped only when pre-commit is absent outside CI.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asArray, asObject } from '../src/json.js';
import { parseYaml } from '../src/loader/parse.js';
import { ROOT } from './helpers/cli.js';

const available = spawnSync('pre-commit', ['--version']).status === 0;
if (process.env.CI && !available) throw new Error('CI must run the pre-commit test, but pre-commit is not installed (.ci/run installs it)');

const SEED = ['namespace.yaml', 'service.yaml', 'deployment.yaml', 'sidecar.yaml'];
// kubectl rejects this Sidecar: the egress listener has `hosts` twice.
const BROKEN_SIDECAR =
  'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  egress:\n    - hosts: ["./*"]\n      hosts: ["istio-system/*"]\n';

const git = (cwd: string, ...args: string[]): string => {
  const r = spawnSync('git', ['-c', 'user.name=istio-lint test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** try-repo clones the hook repository's HEAD, so uncommitted work is tested from a committed copy. */
function snapshotOfWorkingTree(into: string): void {
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(into, f)), { recursive: true });
    try {
      copyFileSync(join(ROOT, f), join(into, f));
    } catch {
      // Deleted in the working tree but still in the index.
    }
  }
  git(into, 'init', '-q');
  git(into, 'add', '-A');
  git(into, 'commit', '-q', '-m', 'snapshot');
}

function userRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'istio-lint-user-'));
  git(dir, 'init', '-q');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, 'add', '-A');
  return dir;
}

describe.skipIf(!available)('pre-commit hooks', () => {
  const work = mkdtempSync(join(tmpdir(), 'istio-lint-pre-commit-'));
  const project = join(work, 'istio-lint');
  const home = join(work, 'cache');
  const seed = Object.fromEntries(SEED.map((f) => [f, readFileSync(join(ROOT, 'fixtures/seed', f), 'utf8')]));

  const tryRepo = (repo: string, ...args: string[]): SpawnSyncReturns<string> =>
    spawnSync('pre-commit', ['try-repo', project, ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' },
      timeout: 600_000,
    });

  beforeAll(() => {
    mkdirSync(project);
    snapshotOfWorkingTree(project);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs with npm, builds through prepare, and fails on a broken Sidecar naming the rule', () => {
    const r = tryRepo(userRepo({ ...seed, 'sidecar-broken.yaml': BROKEN_SIDECAR }), 'istio-lint', '--all-files');
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(1);
    expect(out).toMatch(/istio-lint\.+Failed/);
    expect(out).toContain('sidecar-broken.yaml');
    expect(out).toMatch(/9:7\s+error\s+.*duplicate-key/);
  }, 600_000);

  // As users install it (the README's snippet): a .pre-commit-config.yaml pinning the repository. pre-commit
  // builds this environment once and reuses it for every run below.
  const configured = (files: Record<string, string>, hook: string, args: readonly string[] = []) => {
    const sha = git(project, 'rev-parse', 'HEAD').trim();
    const config = `repos:\n  - repo: ${project}\n    rev: ${sha}\n    hooks:\n      - id: ${hook}\n        args: ${JSON.stringify(args)}\n`;
    const repo = userRepo({ ...files, '.pre-commit-config.yaml': config });
    return (...runArgs: string[]) =>
      spawnSync('pre-commit', ['run', hook, ...runArgs], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' },
        timeout: 600_000,
      });
  };

  it('passes on a clean manifest set, linting the root given in args', () => {
    const files = Object.fromEntries(Object.entries(seed).map(([f, text]) => [`manifests/${f}`, text]));
    const r = configured({ ...files, 'elsewhere/broken.yaml': BROKEN_SIDECAR }, 'istio-lint', ['manifests/'])('--all-files');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/istio-lint\.+Passed/);
  }, 600_000);

  it('lints only the files given with istio-lint-changed', () => {
    const run = configured({ ...seed, 'sidecar-broken.yaml': BROKEN_SIDECAR, 'notes.txt': 'not a manifest\n' }, 'istio-lint-changed');
    const onlySeed = run('--files', ...SEED, 'notes.txt');
    expect(onlySeed.status, onlySeed.stdout + onlySeed.stderr).toBe(0);
    const broken = run('--files', 'sidecar-broken.yaml', 'notes.txt');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^sidecar-broken\.yaml$/m);
    expect(broken.stdout).toMatch(/^\s+9:7\s+error\s+.*duplicate-key$/m);
    expect(broken.stdout).not.toContain('sidecar.yaml');
  }, 600_000);
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares a whole-tree hook and a staged-files hook, both installed with npm', () => {
    const hooks = asArray(parseYaml('.pre-commit-hooks.yaml', readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')).documents[0]).map((h) => asObject(h)!);
    expect(hooks.map((h) => [h.id, h.language, h.entry, h.pass_filenames, h.files])).toEqual([
      ['istio-lint', 'node', 'istio-lint', false, '\\.(ya?ml|json)$'],
      ['istio-lint-changed', 'node', 'istio-lint', true, '\\.(ya?ml|json)$'],
    ]);
  });
});
