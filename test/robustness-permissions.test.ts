// Unreadable directories and files. CI runs as root, and root reads anything whatever its mode, so the
// permission error is simulated there: node:fs refuses paths containing "LOCKED" with EACCES, as the kernel
// would for another user. As a normal user the same expectations also run against real chmod 000 paths.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = (syscall: string, p: unknown): void => {
    if (String(p).includes('LOCKED')) {
      throw Object.assign(new Error(`EACCES: permission denied, ${syscall} '${String(p)}'`), { code: 'EACCES', syscall, path: String(p) });
    }
  };
  const readdirSync = ((p: Parameters<typeof fs.readdirSync>[0], ...rest: unknown[]) => {
    refuse('scandir', p);
    return (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readdirSync;
  const openSync = ((p: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    refuse('open', p);
    return (fs.openSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, readdirSync, openSync }, readdirSync, openSync };
});

const NS = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const isRoot = process.getuid?.() === 0;

function brief(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { file: string; line: number; column: number; ruleId: string; message: string }[] }).findings.map(
    (f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`,
  );
}

describe('permissions (simulated)', () => {
  it('an unreadable directory and an unreadable file are read errors; the rest is linted', async () => {
    const dir = tempTree({ 'LOCKED-dir/x.yaml': NS('x'), 'open/LOCKED.yaml': NS('y'), 'open/ok.yaml': NS('ok') });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(brief(r.stdout)).toEqual([
      'LOCKED-dir:1:1 read-error cannot read "LOCKED-dir": permission denied',
      'open/LOCKED.yaml:1:1 read-error permission denied',
    ]);
    expect(JSON.parse(r.stdout).summary.resources).toBe(1);
  });

  it('an unreadable config file is a one-line error and exit 2', async () => {
    const dir = tempTree({ 'LOCKED/.istio-lint.yaml': 'rules: {}\n', 'a.yaml': NS('a') });
    const r = await runCli(['--config', 'LOCKED/.istio-lint.yaml', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: LOCKED/.istio-lint.yaml: cannot read the config file: permission denied\n');
  });
});

describe('permissions (real)', () => {
  it.skipIf(isRoot)('chmod 000 directory and file are read errors (skipped as root: root ignores file modes)', async () => {
    const dir = tempTree({ 'closed/x.yaml': NS('x'), 'open/nope.yaml': NS('y'), 'open/ok.yaml': NS('ok') });
    chmodSync(join(dir, 'closed'), 0o000);
    chmodSync(join(dir, 'open/nope.yaml'), 0o000);
    try {
      const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(brief(r.stdout)).toEqual([
        'closed:1:1 read-error cannot read "closed": permission denied',
        'open/nope.yaml:1:1 read-error permission denied',
      ]);
    } finally {
      chmodSync(join(dir, 'closed'), 0o755);
    }
  });
});
