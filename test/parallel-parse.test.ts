// The worker thread that parses and validates half of a big input (src/parallel/): the built executable prints the
// same bytes with it and without it. The thread runs only from dist/ (the tests run the TypeScript sources), so
// this is skipped, with a reason, when dist/ is missing or older than the sources it is built from.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMesh } from '../scripts/bench/generate.js';
import { PARALLEL_MIN_BYTES } from '../src/parallel/parse-many.js';
import { ROOT } from './helpers/cli.js';
import { BIN, builtFrom } from './helpers/bin.js';

const fresh = builtFrom(['src/parallel/parse-many.ts', 'src/parallel/parse-worker.ts', 'src/loader/fast-parse.ts', 'src/loader/parse.ts', 'src/schema.ts']);

describe.skipIf(!fresh)('lint and report with and without the worker thread (skipped when dist/ is stale: npm run build)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'istio-lint-parallel-'));
  // Big enough for a worker (about 1.4 MB). The last files fall to the worker: one with an anchor (read by `yaml`,
  // not by the fast path) and one with a duplicate key (a finding from `yaml`).
  generateMesh(dir, { namespaces: 40, servicesPerNamespace: 50 });
  writeFileSync(join(dir, 'zz-anchor.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: &n anchored\n  namespace: ns-001\nspec:\n  selector: {app: *n}\n  ports: [{name: http, port: 80}]\n');
  writeFileSync(join(dir, 'zz-duplicate.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: twice\n  name: again\n  namespace: ns-002\nspec:\n  ports: [{name: http, port: 80}]\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (workers: string, args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ISTIO_LINT_WORKERS: workers }, maxBuffer: 1 << 28 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('the input is big enough for a worker', () => {
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeGreaterThan(PARALLEL_MIN_BYTES);
  });

  it('lint: the same findings, positions and exit code', () => {
    const one = run('0', ['.', '--no-config', '--format', 'json']);
    const two = run('1', ['.', '--no-config', '--format', 'json']);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    const findings = JSON.parse(one.stdout).findings as { ruleId: string; file: string; line: number }[];
    expect(findings.length).toBeGreaterThan(100);
    expect(findings.filter((f) => f.ruleId === 'duplicate-key').map((f) => `${f.file}:${f.line}`)).toEqual(['zz-duplicate.yaml:5']);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('report --format summary: the same counts', () => {
    const one = run('0', ['report', '.', '--no-config', '--format', 'summary']);
    const two = run('1', ['report', '.', '--no-config', '--format', 'summary']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});
