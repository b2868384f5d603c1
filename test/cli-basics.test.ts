import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

describe('lint command basics', () => {
  it('lints the seed example cleanly in json', async () => {
    const r = await runCli(['fixtures/seed', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ files: 4, resources: 7, errors: 0 });
    expect(r.code).toBe(0);
  });

  it('reports a YAML syntax error with its position and still lints other files', async () => {
    const dir = tempTree({
      'a.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n',
      'b.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n',
    });
    const r = await runCli(['--format', 'json', '.'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.findings[0]).toMatchObject({ ruleId: 'parse-error', file: 'a.yaml', severity: 'error' });
    expect(out.findings[0].line).toBeGreaterThan(1);
    expect(out.summary.resources).toBe(1);
    expect(r.code).toBe(1);
  });

  it('exits 2 with one line for an unknown option', async () => {
    const r = await runCli(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^istio-lint: .*bogus/);
  });
});
