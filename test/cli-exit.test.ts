// Exit codes, --fail-on, --max-warnings, --quiet, --output, and colour on a terminal / off with NO_COLOR.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import { BAD_PORT, HALF, NS, out, VALUES } from './helpers/manifests.js';

const ANSI = /\u001b\[\d+(;\d+)*m/;

describe('exit codes', () => {
  const dir = tempTree({ 'clean/ns.yaml': NS('clean'), 'error/svc.yaml': BAD_PORT(), 'warning/half.yaml': HALF, 'info/values.yaml': VALUES });
  const run = (...argv: string[]) => runCli(['--no-config', ...argv], { cwd: dir });

  it('0 when clean, 1 for errors, 2 for usage errors', async () => {
    expect((await run('clean')).code).toBe(0);
    expect((await run('error')).code).toBe(1);
    expect((await run('warning', 'info')).code).toBe(0);
    const usage = await run('--format', 'nope', 'clean');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^istio-lint: --format: unknown format "nope" \(one of .*\)\n$/);
  });

  it('--fail-on lowers the failing severity', async () => {
    expect((await run('--fail-on', 'warning', 'warning')).code).toBe(1);
    expect((await run('--fail-on', 'warning', 'info')).code).toBe(0);
    expect((await run('--fail-on', 'info', 'info')).code).toBe(1);
    const cfg = tempTree({ '.istio-lint.yaml': 'failOn: warning\n', 'half.yaml': HALF });
    expect((await runCli(['half.yaml'], { cwd: cfg })).code).toBe(1);
  });

  it('--max-warnings N fails when there are more than N warnings, with one line on stderr', async () => {
    const many = tempTree({ 'a.yaml': `${HALF}---\n${HALF}---\n${HALF}` });
    expect((await runCli(['--no-config', '--max-warnings', '3', '.'], { cwd: many })).code).toBe(0);
    const over = await runCli(['--no-config', '--max-warnings', '2', '.'], { cwd: many });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('istio-lint: 3 warnings, more than --max-warnings 2\n');
    const bad = await runCli(['--no-config', '--max-warnings', 'many', '.'], { cwd: many });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('istio-lint: --max-warnings: expected a whole number, got "many"\n');
    expect(bad.stdout).toBe('');
  });

  it('--quiet reports errors only', async () => {
    const r = await run('--quiet', '--format', 'json', 'error', 'warning', 'info');
    expect(out(r.stdout).findings.map((f) => f.severity)).toEqual(['error']);
    expect(r.code).toBe(1);
    const stylish = await run('--quiet', 'warning', 'info');
    expect(stylish.stdout).not.toMatch(/warning|info {2}/);
    expect(stylish.code).toBe(0);
  });
});

describe('output', () => {
  it('--output writes the report to a file instead of stdout', async () => {
    const dir = tempTree({ 'svc.yaml': BAD_PORT() });
    const r = await runCli(['--no-config', '--format', 'json', '--output', 'out/report.json', 'svc.yaml'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    const written = r.files[join(dir, 'out/report.json')]!;
    expect(out(written).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['svc.yaml:7:11 schema']);
  });

  it('colour on a terminal, none when piped, with NO_COLOR or --no-color; --color forces it', async () => {
    const dir = tempTree({ 'svc.yaml': BAD_PORT() });
    const run = (argv: string[], tty: boolean, env: Record<string, string> = {}) => runCli(['--no-config', ...argv, 'svc.yaml'], { cwd: dir, tty, env });
    expect((await run([], true)).stdout).toMatch(ANSI);
    expect((await run([], false)).stdout).not.toMatch(ANSI);
    expect((await run([], true, { NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await run(['--no-color'], true)).stdout).not.toMatch(ANSI);
    expect((await run(['--color'], false)).stdout).toMatch(ANSI);
    // Without colour the text is the same, minus the escapes.
    const plain = (await run([], false)).stdout;
    expect((await run(['--color'], false)).stdout.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain);
    expect(plain).toContain('svc.yaml\n  7:11  error  spec.ports[0].port');
    expect(plain).toMatch(/\n✖ 1 problem \(1 error, 0 warnings, 0 info\) in 1 file, 1 resource\n$/);
  });
});
