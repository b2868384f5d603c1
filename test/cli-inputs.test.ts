// Every way of naming input: directories (recursive), globs, stdin, List, JSON, multi-document, non-Kubernetes YAML.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import { BAD_PORT, HALF, NS, out, VALUES, where } from './helpers/manifests.js';

describe('paths', () => {
  const tree = (): string =>
    tempTree({
      'top.yaml': BAD_PORT('top'),
      'deep/er/nested.yml': BAD_PORT('nested'),
      'deep/svc.json': JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'json' }, spec: { ports: [{ port: '80' }] } }, null, 2),
      'deep/notes.txt': BAD_PORT('txt'),
      'deep/README.md': '# not yaml\n',
      'node_modules/dep/x.yaml': BAD_PORT('dep'),
      '.git/y.yaml': BAD_PORT('git'),
      '.istio-lint.yml': 'rules: {}\n',
      'generated/z.yaml': BAD_PORT('generated'),
    });

  it('a directory is walked recursively for .yaml, .yml and .json; node_modules, .git and config files are skipped', async () => {
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: tree() });
    expect(where(r.stdout)).toEqual([
      'deep/er/nested.yml:7:11 error schema',
      'deep/svc.json:10:17 error schema',
      'generated/z.yaml:7:11 error schema',
      'top.yaml:7:11 error schema',
    ]);
    expect(out(r.stdout).summary).toMatchObject({ files: 4, resources: 4 });
  });

  it('no path means the working directory', async () => {
    const dir = tree();
    const none = await runCli(['--no-config', '--format', 'json'], { cwd: dir });
    const dot = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(none.stdout).toBe(dot.stdout);
  });

  it('globs match below their base, and a file named explicitly is read whatever its extension', async () => {
    const dir = tree();
    const glob = await runCli(['--no-config', '--format', 'json', 'deep/**/*.{yml,json}'], { cwd: dir });
    expect(where(glob.stdout)).toEqual(['deep/er/nested.yml:7:11 error schema', 'deep/svc.json:10:17 error schema']);
    const explicit = await runCli(['--no-config', '--format', 'json', 'deep/notes.txt'], { cwd: dir });
    expect(where(explicit.stdout)).toEqual(['deep/notes.txt:7:11 error schema']);
    const nothing = await runCli(['--no-config', '--format', 'json', 'top.yaml', 'deep/*.yaml', 'nowhere/*.yaml'], { cwd: dir });
    expect(out(nothing.stdout).findings.map((f) => `${f.file} ${f.ruleId} ${f.ruleId === 'schema' ? '' : f.message}`)).toEqual([
      'deep/*.yaml read-error cannot read "deep/*.yaml": no files match this pattern',
      'nowhere read-error cannot read "nowhere": no such file or directory',
      'top.yaml schema ',
    ]);
  });

  it('--ignore-pattern and config ignorePatterns skip paths', async () => {
    const dir = tree();
    const flag = await runCli(['--no-config', '--format', 'json', '--ignore-pattern', 'generated/', '--ignore-pattern', '**/*.json', '.'], { cwd: dir });
    expect(where(flag.stdout)).toEqual(['deep/er/nested.yml:7:11 error schema', 'top.yaml:7:11 error schema']);
  });
});

describe('stdin', () => {
  it('- reads stdin, named by --stdin-filename (helm template | istio-lint -)', async () => {
    const r = await runCli(['--no-config', '--format', 'json', '--stdin-filename', 'chart/templates/svc.yaml', '-'], { stdin: `---\n# Source: chart/templates/svc.yaml\n${BAD_PORT()}` });
    expect(where(r.stdout)).toEqual(['chart/templates/svc.yaml:9:11 error schema']);
    const unnamed = await runCli(['--no-config', '--format', 'json', '-'], { stdin: BAD_PORT() });
    expect(where(unnamed.stdout)).toEqual(['<stdin>:7:11 error schema']);
  });

  it('stdin and files together', async () => {
    const dir = tempTree({ 'a.yaml': BAD_PORT('a') });
    const r = await runCli(['--no-config', '--format', 'json', 'a.yaml', '-'], { cwd: dir, stdin: BAD_PORT('b') });
    expect(where(r.stdout)).toEqual(['<stdin>:7:11 error schema', 'a.yaml:7:11 error schema']);
    expect(out(r.stdout).summary).toMatchObject({ files: 2, resources: 2 });
  });
});

describe('documents', () => {
  it('multi-document files: each document is a resource with its own positions', async () => {
    const dir = tempTree({ 'multi.yaml': `${NS('one')}---\n${BAD_PORT('two')}---\n${BAD_PORT('three')}` });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(where(r.stdout)).toEqual(['multi.yaml:12:11 error schema', 'multi.yaml:21:11 error schema']);
    expect(out(r.stdout).findings.map((f) => f.resource?.name)).toEqual(['two', 'three']);
  });

  it('kind: List items are resources with positions inside the list (YAML and JSON)', async () => {
    const yaml = `apiVersion: v1\nkind: List\nitems:\n- ${NS('first').replace(/\n(?=.)/g, '\n  ')}- apiVersion: v1\n  kind: Service\n  metadata:\n    name: second\n  spec:\n    ports:\n    - port: "80"\n`;
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'ServiceList', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j' }, spec: { ports: [{ port: 'x' }] } }] }, null, 1);
    const dir = tempTree({ 'list.yaml': yaml, 'list.json': json });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(where(r.stdout)).toEqual(['list.json:14:15 error schema', 'list.yaml:14:13 error schema']);
    expect(out(r.stdout).findings.map((f) => f.resource)).toEqual([
      { kind: 'Service', namespace: 'default', name: 'j' },
      { kind: 'Service', namespace: 'default', name: 'second' },
    ]);
    expect(out(r.stdout).summary.resources).toBe(3);
  });

  it('findings point into nested nodes: the second egress host, a port deep in a pod template', async () => {
    const sidecar = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: ns1\nspec:\n  egress:\n  - hosts:\n    - "./*"\n    - 42\n';
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n      - name: c\n        image: i\n        ports:\n        - containerPort: "8080"\n';
    const dir = tempTree({ 'sidecar.yaml': sidecar, 'deploy.yaml': deployment });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    const schema = out(r.stdout).findings.filter((f) => f.ruleId === 'schema');
    expect(schema.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`)).toEqual(['deploy.yaml:16:26-16:32', 'sidecar.yaml:10:7-10:9']);
    expect(schema[1]!.resource).toEqual({ kind: 'Sidecar', namespace: 'ns1', name: 's' });
  });

  it('documents that are not Kubernetes objects are skipped with an info note, not an error', async () => {
    const dir = tempTree({ 'values.yaml': VALUES, 'mixed.yaml': `${NS('main')}---\n${VALUES}---\n- a\n- b\n` });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(out(r.stdout).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)).toEqual([
      'mixed.yaml:6:1 info not-a-resource skipped document 2: it has no apiVersion and kind, so it is not a Kubernetes object',
      'mixed.yaml:9:1 info not-a-resource skipped document 3: it is a list, not a Kubernetes object',
      'values.yaml:1:1 info not-a-resource skipped document 1: it has no apiVersion and kind, so it is not a Kubernetes object',
    ]);
    const half = await runCli(['--no-config', '--format', 'json', '-'], { stdin: HALF });
    expect(where(half.stdout)).toEqual(['<stdin>:1:1 warning not-a-resource']);
  });

  it('--namespace gives namespaced resources without one a namespace; cluster-scoped ones keep none', async () => {
    const dir = tempTree({ 'a.yaml': `${BAD_PORT('a')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels: [bad]\n` });
    const r = await runCli(['--no-config', '--format', 'json', '-n', 'team', '.'], { cwd: dir });
    expect(out(r.stdout).findings.map((f) => f.resource)).toEqual([
      { kind: 'Service', namespace: 'team', name: 'a' },
      { kind: 'Namespace', namespace: '', name: 'x' },
    ]);
  });
});
