// The config file: found by walking up, or named; overridden by flags; shown by --print-config; refused when wrong.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import { BAD_PORT, HALF, out, where } from './helpers/manifests.js';

describe('config discovery', () => {
  const tree = (): string =>
    tempTree({
      '.istio-lint.yaml': 'rules:\n  schema: warning\nignorePatterns:\n  - app/generated/\nnamespace: from-config\n',
      'app/svc.yaml': BAD_PORT('svc'),
      'app/generated/out.yaml': BAD_PORT('generated'),
      'app/deeper/still/.keep': '',
      'other/.istio-lint.yml': 'rules:\n  schema: off\n',
      'other/svc.yaml': BAD_PORT('other'),
    });

  it('walks up from the working directory to the nearest .istio-lint.yaml; its ignorePatterns are relative to it', async () => {
    const root = tree();
    const r = await runCli(['--format', 'json', '../..'], { cwd: join(root, 'app/deeper/still') });
    // schema is a warning, app/generated/ is ignored, the namespace default comes from the config.
    expect(where(r.stdout)).toEqual(['../../svc.yaml:7:11 warning schema']);
    expect(out(r.stdout).findings[0]!.resource).toEqual({ kind: 'Service', namespace: 'from-config', name: 'svc' });
    expect(r.code).toBe(0);
  });

  it('the nearest config wins (.istio-lint.yml too), --config names one, --no-config ignores them', async () => {
    const root = tree();
    const nearest = await runCli(['--format', 'json', '.'], { cwd: join(root, 'other') });
    expect(where(nearest.stdout)).toEqual([]);
    const named = await runCli(['--format', 'json', '--config', '../.istio-lint.yaml', '.'], { cwd: join(root, 'other') });
    expect(where(named.stdout)).toEqual(['svc.yaml:7:11 warning schema']);
    const none = await runCli(['--format', 'json', '--no-config', '.'], { cwd: join(root, 'other') });
    expect(where(none.stdout)).toEqual(['svc.yaml:7:11 error schema']);
  });

  it('--rule ID=SEVERITY overrides the config file, and off turns a rule off', async () => {
    const root = tree();
    const err = await runCli(['--format', 'json', '--rule', 'schema=error', 'app/svc.yaml'], { cwd: root });
    expect(where(err.stdout)).toEqual(['app/svc.yaml:7:11 error schema']);
    expect(err.code).toBe(1);
    const off = await runCli(['--format', 'json', '--rule', 'schema=off', '--rule', 'not-a-resource=error', '-'], { cwd: root, stdin: BAD_PORT() + '---\n' + HALF });
    expect(where(off.stdout)).toEqual(['<stdin>:10:1 error not-a-resource']);
  });

  it('--print-config shows the effective configuration and exits 0', async () => {
    const root = tree();
    const r = await runCli(['--print-config', '--rule', 'duplicate-key=warning', '--ignore-pattern', 'x/'], { cwd: join(root, 'app') });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout) as Record<string, unknown> & { rules: Record<string, string> };
    expect(cfg.file).toBe(join(root, '.istio-lint.yaml'));
    expect(cfg.rules).toMatchObject({ schema: 'warning', 'duplicate-key': 'warning', 'parse-error': 'error', 'not-a-resource': 'info' });
    expect(cfg).toMatchObject({ ignorePatterns: ['app/generated/', 'x/'], namespace: 'from-config', failOn: 'error' });
  });
});

describe('config errors: exit 2 with one line naming the file and position', () => {
  it.each([
    ['an unknown key', 'rulez:\n  schema: off\n', /^istio-lint: \.istio-lint\.yaml:1:1: unknown key "rulez" in the config\n$/],
    ['a severity of the wrong type', 'rules:\n  schema: yes\n', /^istio-lint: \.istio-lint\.yaml:2:11: rules\.schema must be one of "off", "info", "warning", "error"\n$/],
    ['a bad severity', 'rules:\n  schema: loud\n', /^istio-lint: \.istio-lint\.yaml:2:11: rules\.schema must be one of "off", "info", "warning", "error"\n$/],
    ['an unknown rule', 'rules:\n  no-such-rule: off\n', /^istio-lint: .*unknown rule "no-such-rule"/],
    ['a YAML syntax error', 'rules: [\n', /^istio-lint: \.istio-lint\.yaml:2:1: .+\n$/],
    ['a duplicate key', 'rules: {}\nrules: {}\n', /^istio-lint: \.istio-lint\.yaml:2:1: key "rules" is already defined on line 1/],
    ['a list', '- a\n', /^istio-lint: \.istio-lint\.yaml:1:1: the config must be a mapping, got a list\n$/],
  ])('%s', async (_, text, message) => {
    const dir = tempTree({ '.istio-lint.yaml': text, 'a.yaml': BAD_PORT() });
    const r = await runCli(['a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('a missing --config file, a bad --rule and a bad --fail-on', async () => {
    const dir = tempTree({ 'a.yaml': BAD_PORT() });
    for (const [argv, message] of [
      [['--config', 'nope.yaml', 'a.yaml'], 'istio-lint: nope.yaml: cannot read the config file: no such file or directory\n'],
      [['--rule', 'schema', 'a.yaml'], 'istio-lint: --rule: expected ID=off|info|warning|error, got "schema"\n'],
      [['--rule', 'nope=off', 'a.yaml'], 'istio-lint: --rule: unknown rule "nope" (istio-lint rules lists them)\n'],
      [['--fail-on', 'loud', 'a.yaml'], 'istio-lint: --fail-on: expected error, warning or info, got "loud"\n'],
    ] as const) {
      const r = await runCli(['--no-config', ...argv].filter((a, i) => !(i === 0 && argv[0] === '--config')), { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(message);
    }
  });
});
