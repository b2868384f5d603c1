// istio-lint diff --base-ref: the working tree against a git revision, read through git, and the Action's base-ref input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/action/main.js';
import type { ReachDiff } from '../src/diff/types.js';
import { ROOT, runCli, tempTree } from './helpers/cli.js';

const seed = (n: string): string => readFileSync(join(ROOT, 'fixtures/seed', `${n}.yaml`), 'utf8');
const HOST_REMOVED = readFileSync(join(ROOT, 'fixtures/diff/host-removed/sidecar.yaml'), 'utf8');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A repository whose first commit holds the seed under deploy/ (and a README), with a working tree changed by `edit`. */
function repo(edit: (dir: string) => void): string {
  const dir = tempTree({
    'README.md': '# app\n',
    'deploy/namespace.yaml': seed('namespace'),
    'deploy/service.yaml': seed('service'),
    'deploy/deployment.yaml': seed('deployment'),
    'deploy/sidecar.yaml': seed('sidecar'),
    'deploy/charts/ignored.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: ghost, namespace: foo}\nspec: {ports: [{name: http, port: 80}]}\n',
  });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'seed');
  edit(dir);
  return dir;
}

const rows = (d: ReachDiff): string[] => d.workloads.flatMap((w) => w.changes.map((c) => `${w.id} → ${c.to}: ${c.change}`));

describe('istio-lint diff --base-ref', () => {
  it('compares the working tree with a commit, without checking it out', async () => {
    const dir = repo((d) => writeFileSync(join(d, 'deploy/sidecar.yaml'), HOST_REMOVED));
    const r = await runCli(['diff', '--base-ref', 'HEAD', 'deploy', '--ignore-pattern', 'deploy/charts/', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(rows(JSON.parse(r.stdout) as ReachDiff)).toEqual([
      'foo/helloworld-foo → helloworld.default.svc.cluster.local:80: reason-changed',
      'foo/helloworld-foo → helloworld.default.svc.cluster.local:8080: newly-blocked',
    ]);
    // The working tree is untouched.
    expect(readFileSync(join(dir, 'deploy/sidecar.yaml'), 'utf8')).toBe(HOST_REMOVED);
    expect(git(dir, 'status', '--porcelain')).toBe(' M deploy/sidecar.yaml\n');
  });

  it('selects the same files at the revision as on disk: ignore patterns, deleted files, a subfolder as working directory', async () => {
    const dir = repo((d) => rmSync(join(d, 'deploy/charts/ignored.yaml')));
    // Without the ignore pattern, the ghost Service exists only at the revision: its pairs were removed.
    const all = JSON.parse((await runCli(['diff', '--base-ref', 'main', '--format', 'json'], { cwd: join(dir, 'deploy') })).stdout) as ReachDiff;
    expect(all.summary).toMatchObject({ removed: 2, newlyBlocked: 0, compared: 8 });
    const ignored = await runCli(['diff', '--base-ref', 'main', '--ignore-pattern', 'charts'], { cwd: join(dir, 'deploy') });
    expect(ignored).toMatchObject({ code: 0, stdout: 'no reachability changes (8 pairs compared; 0 added, 0 removed)\n' });
    // The config file's ignorePatterns apply too, relative to its folder.
    writeFileSync(join(dir, '.istio-lint.yaml'), 'ignorePatterns: ["deploy/charts/**"]\n');
    const viaConfig = await runCli(['diff', '--base-ref', 'main', 'deploy'], { cwd: dir });
    expect(viaConfig.stdout).toBe('no reachability changes (8 pairs compared; 0 added, 0 removed)\n');
  });

  it('says which revision or repository is missing (exit 2)', async () => {
    const dir = repo(() => undefined);
    const unknown = await runCli(['diff', '--base-ref', 'no-such-branch'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('istio-lint: --base-ref: no commit "no-such-branch" in this repository (fetch it first, e.g. git fetch origin main, or check out with fetch-depth: 0)\n');
    const outside = mkdtempSync(join(tmpdir(), 'istio-lint-nogit-'));
    writeFileSync(join(outside, 'sidecar.yaml'), seed('sidecar'));
    const none = await runCli(['diff', '--base-ref', 'main'], { cwd: outside });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^istio-lint: git rev-parse: fatal: not a git repository/);
  });
});

describe('GitHub Action base-ref input', () => {
  it('adds the reachability diff against the base revision to the job summary, without failing the step', async () => {
    const dir = repo((d) => writeFileSync(join(d, 'deploy/sidecar.yaml'), HOST_REMOVED));
    const runner = mkdtempSync(join(tmpdir(), 'istio-lint-runner-'));
    const summary = join(runner, 'summary.md');
    writeFileSync(summary, '');
    let stdout = '';
    const code = await runAction({
      env: { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, INPUT_PATHS: 'deploy', INPUT_SARIF_FILE: '', INPUT_REPORT: 'false', INPUT_BASE_REF: 'main', INPUT_ARGS: '--rule egress-port-trims-service=off' },
      cwd: '/nonexistent',
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('## Reachability changes since main\n\n**1 newly blocked**, 1 with another reason (10 pairs compared; 0 added, 0 removed)\n');
    expect(text).toContain('| 🔴 newly blocked | `helloworld.default.svc.cluster.local:8080` | 200 | 502 |');
    expect(stdout).not.toContain('::error');
  });

  it('says in the summary when the diff cannot be made', async () => {
    const dir = repo(() => undefined);
    const runner = mkdtempSync(join(tmpdir(), 'istio-lint-runner-'));
    const summary = join(runner, 'summary.md');
    writeFileSync(summary, '');
    const code = await runAction({
      env: { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, INPUT_PATHS: 'deploy', INPUT_SARIF_FILE: '', INPUT_REPORT: 'false', INPUT_BASE_REF: 'origin/main' },
      cwd: '/nonexistent',
      stdout: () => undefined,
      stderr: () => undefined,
    });
    expect(readFileSync(summary, 'utf8')).toContain('_The reachability diff against origin/main could not be made: --base-ref: no commit "origin/main" in this repository');
    expect(code).toBe(0);
  });
});
