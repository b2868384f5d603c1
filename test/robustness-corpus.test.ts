// Real manifests nobody here wrote (../shared/corpus): lint and report never exit 2 and never hit an internal error.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './helpers/cli.js';

const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
const folders = present ? readdirSync(CORPUS).filter((f) => statSync(join(CORPUS, f)).isDirectory()).sort() : [];

function healthy(run: CliRun): void {
  expect(run.code, run.stderr).toBeLessThan(2);
  expect(run.stdout).not.toMatch(/internal error/);
  // Anything on stderr is a one-line note naming a file and position, never a stack trace.
  for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^istio-lint: \S+:\d+:\d+: /);
}

describe.skipIf(!present)('the whole corpus', () => {
  it('in one lint run: findings, no exit 2, no internal error', async () => {
    const r = await runCli(['--no-config', '--format', 'json', CORPUS]);
    healthy(r);
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string }[]; summary: { files: number; resources: number } };
    expect(out.summary.files).toBeGreaterThan(100);
    expect(out.summary.resources).toBeGreaterThan(500);
    expect(out.findings.filter((f) => f.ruleId === 'read-error')).toEqual([]);
  });

  it('in one report run: every workload judged, no exit 2', async () => {
    const r = await runCli(['report', '--no-config', '--format', 'json', CORPUS]);
    healthy(r);
    const out = JSON.parse(r.stdout) as { workloads: unknown[]; pairs: { verdict: string }[] };
    expect(out.workloads.length).toBeGreaterThan(50);
    expect(new Set(out.pairs.map((p) => p.verdict)).size).toBeGreaterThan(2);
  });

  it('folder by folder, lint and report', async () => {
    for (const folder of folders) {
      healthy(await runCli(['--no-config', '--format', 'json', join(CORPUS, folder)]));
      healthy(await runCli(['report', '--no-config', '--format', 'json', join(CORPUS, folder)]));
    }
  }, 120_000);
});
