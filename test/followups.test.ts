// Follow-ups found after the first round: bounded rules files, code frames of one-line files, nameless and duplicate
// objects in the model, the stdin bound, the README, and `report` (custom rules in html, --proxy-config formats).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { ReachReport } from '../src/reach/types.js';
import { ROOT, runCli, tempTree } from './helpers/cli.js';
import { BIN, builtFrom } from './helpers/bin.js';

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\ndata: {}\n';

describe('rules files are read with a size bound', () => {
  it('--rules-file /dev/zero is a one-line usage error, not an out-of-memory crash', async () => {
    const dir = tempTree({ 'a.yaml': CONFIGMAP });
    const r = await runCli(['--no-config', '--rules-file', '/dev/zero', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('istio-lint: --rules-file /dev/zero: cannot read the file: it is larger than 16MB, the most a rules file may hold\n');
  });

  it('a rules file over 16MB named in rulesFiles is named at its place in the config', async () => {
    const dir = tempTree({ '.istio-lint.yaml': 'rulesFiles:\n  - big.yaml\n', 'big.yaml': `# ${'x'.repeat(16 * 1024 * 1024)}\n`, 'a.yaml': CONFIGMAP });
    const r = await runCli(['a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: .istio-lint.yaml:2:5: cannot read the rules file "big.yaml": it is larger than 16MB, the most a rules file may hold\n');
  });

  it('a directory or a binary file says why it cannot be read', async () => {
    const dir = tempTree({ 'rules/keep': '', 'bin.yaml': 'a: \u0000\n', 'a.yaml': CONFIGMAP });
    const folder = await runCli(['--no-config', '--rules-file', 'rules', 'a.yaml'], { cwd: dir });
    expect([folder.code, folder.stderr]).toEqual([2, 'istio-lint: --rules-file rules: cannot read the file: is a directory\n']);
    const binary = await runCli(['--no-config', '--rules-file', 'bin.yaml', 'a.yaml'], { cwd: dir });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe('istio-lint: --rules-file bin.yaml: cannot read the file: binary file (it contains NUL bytes), not YAML or JSON (line 1, column 4)\n');
  });
});

describe('the stylish code frame of a very long line', () => {
  // A minified JSON Service whose bad port sits 100,000 characters into its only line.
  const pad = 'x'.repeat(100_000);
  const json = `{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default","annotations":{"pad":"${pad}"}},"spec":{"selector":{"app":"s"},"ports":[{"name":"http","port":"eighty"}]}}`;

  it('shows ~120 characters around the column, marked with …, with the caret under the offending value', async () => {
    const dir = tempTree({ 'svc.json': json });
    const r = await runCli(['--no-config', '--format', 'stylish', 'svc.json'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => /^ {2}1:\d+ {2}error {2}.*schema$/.test(l));
    expect(at, r.stdout.slice(0, 500)).toBeGreaterThan(-1);
    const column = Number(/^ {2}1:(\d+)/.exec(lines[at]!)![1]);
    expect(json.slice(column - 1, column + 7)).toBe('"eighty"');
    const [frame, caret] = [lines[at + 1]!, lines[at + 2]!];
    expect(frame.length).toBeLessThan(140);
    expect(frame).toMatch(/^ {4}1 \| …x+"}},"spec".*"port":"eighty"}]}}$/);
    expect(caret.trimEnd()).toMatch(/ \^+$/);
    // The carets start and end exactly under the quoted value.
    expect(frame.slice(caret.indexOf('^'), caret.trimEnd().length)).toBe('"eighty"');
  });

  it('marks both ends when the column is in the middle of the line', async () => {
    const mid = `{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},"spec":{"ports":[{"name":"http","port":"eighty"}]},"status":{"pad":"${pad}"}}`;
    const dir = tempTree({ 'svc.json': `{"pad":"${pad}","items":[${mid}],"kind":"List","apiVersion":"v1"}` });
    const r = await runCli(['--no-config', '--format', 'stylish', 'svc.json'], { cwd: dir });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => /"eighty"|"port"/.test(l) && /schema$/.test(l));
    const [frame, caret] = [lines[at + 1]!, lines[at + 2]!];
    expect(frame).toMatch(/^ {4}1 \| …[^…]+…$/);
    expect(frame.length).toBeLessThan(140);
    expect(frame.slice(caret.indexOf('^'), caret.trimEnd().length)).toBe('"eighty"');
  });

  it('prints a short line whole, as before', async () => {
    const dir = tempTree({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: default}\nspec:\n  ports:\n    - {name: http, port: eighty}\n' });
    const r = await runCli(['--no-config', '--format', 'stylish', 'svc.yaml'], { cwd: dir });
    expect(r.stdout).toContain('    6 |     - {name: http, port: eighty}\n                                 ^^^^^^\n');
  });
});

const deployment = (name: string | undefined, ns: string, app: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n${name ? `  name: ${name}\n` : ''}  namespace: ${ns}\nspec:\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec:\n      containers: [{name: c, image: c, ports: [{containerPort: 8080}]}]\n`;
const service = (name: string | undefined, ns: string, app: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n${name ? `  name: ${name}\n` : ''}  namespace: ${ns}\nspec:\n  selector: {app: ${app}}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n`;
const sidecar = (hosts: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n  egress:\n    - hosts: [${hosts}]\n`;

async function reach(files: Record<string, string>): Promise<ReachReport> {
  const r = await runCli(['report', '--no-config', '--format', 'json', '.'], { cwd: tempTree(files) });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReachReport;
}

describe('the model: nameless objects and duplicates', () => {
  it('a Service or Deployment without metadata.name is no workload and no destination', async () => {
    const report = await reach({ 'a.yaml': [service(undefined, 'foo', 'x'), deployment(undefined, 'foo', 'x'), deployment('client', 'foo', 'c')].join('---\n') });
    expect(report.workloads.map((w) => w.id)).toEqual(['foo/client']);
    expect(report.pairs.filter((p) => /^\.|\/$/.test(p.to) || p.to.startsWith('.foo.svc'))).toEqual([]);
    expect(report.pairs.map((p) => p.to).filter((t) => t.includes('.foo.svc.'))).toEqual([]);
  });

  it('a Service with only a generateName has no known DNS name: no destination; a generateName Pod is a workload', async () => {
    const gen = service(undefined, 'foo', 'x').replace('metadata:\n', 'metadata:\n  generateName: x-\n');
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: job-\n  namespace: foo\nspec:\n  containers: [{name: c, image: c}]\n';
    const report = await reach({ 'a.yaml': [gen, pod, deployment('client', 'foo', 'c')].join('---\n') });
    expect(report.workloads.map((w) => w.id)).toEqual(['foo/client', 'foo/job-']);
    expect(report.pairs.map((p) => p.to).filter((t) => t.startsWith('x-.'))).toEqual([]);
  });

  it('the schema rule still reports the missing name', async () => {
    const dir = tempTree({ 'a.yaml': service(undefined, 'foo', 'x') });
    const r = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings.some((f) => f.ruleId === 'schema' && /name/.test(f.message))).toBe(true);
  });

  // The client in foo calls x.bar:80 under REGISTRY_ONLY: it reaches it only if the Sidecar in effect imports bar/*.
  const base = { 'a-app.yaml': [deployment('client', 'foo', 'c'), deployment('x', 'bar', 'x'), service('x', 'bar', 'x')].join('---\n') };
  const verdict = (report: ReachReport): string | undefined => report.pairs.find((p) => p.from === 'foo/client' && p.to === 'x.bar.svc.cluster.local:80')?.verdict;

  it('of two copies of one Sidecar, the last one in file order is the one in effect', async () => {
    expect(verdict(await reach({ ...base, 'b.yaml': sidecar('"./*"'), 'c.yaml': sidecar('"./*", "bar/*"') }))).toBe('200');
    expect(verdict(await reach({ ...base, 'b.yaml': sidecar('"./*", "bar/*"'), 'c.yaml': sidecar('"./*"') }))).toBe('blackhole');
  });

  it('within one file, the later document wins', async () => {
    expect(verdict(await reach({ ...base, 'b.yaml': `${sidecar('"./*", "bar/*"')}---\n${sidecar('"./*"')}` }))).toBe('blackhole');
    expect(verdict(await reach({ ...base, 'b.yaml': `${sidecar('"./*"')}---\n${sidecar('"./*", "bar/*"')}` }))).toBe('200');
  });

  it('lint flags the earlier copy (duplicate-resource) and no longer reports a Sidecar conflicting with itself', async () => {
    const dir = tempTree({ ...base, 'b.yaml': sidecar('"./*"'), 'c.yaml': sidecar('"./*", "bar/*"') });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'duplicate-resource').map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'b.yaml:4 Sidecar "foo/default" is defined again at c.yaml:4; kubectl apply keeps that later copy, so this one never takes effect → merge its differences into that copy and remove this one',
    ]);
    expect(findings.filter((f) => f.ruleId === 'namespace-sidecar-conflict')).toEqual([]);
  });
});

describe('the stdin bound comes from the parsed options', () => {
  async function boundSeen(argv: string[]): Promise<number | undefined> {
    let seen: number | undefined;
    await main(argv, {
      cwd: ROOT,
      env: {},
      stdoutIsTTY: false,
      readStdin: async (maxBytes) => {
        seen = maxBytes;
        return CONFIGMAP;
      },
      stdout: () => {},
      stderr: () => {},
      writeFile: () => {},
    });
    return seen;
  }

  it('readStdin gets --max-file-size (or the default) for lint and report', async () => {
    expect(await boundSeen(['--no-config', '--max-file-size', '1KB', '-'])).toBe(1024);
    expect(await boundSeen(['report', '--no-config', '--max-file-size=2MB', '-'])).toBe(2 * 1024 * 1024);
    expect(await boundSeen(['--no-config', '-'])).toBe(20 * 1024 * 1024);
  });

  // The executable once scanned argv for the flag: a path after "--" that merely looks like it bound stdin.
  const built = builtFrom(['src/cli/bin.ts', 'src/cli/inputs.ts', 'src/cli/io.ts']);
  it.skipIf(!built)('the executable bounds stdin by the option main() parsed, not by anything in argv that looks like it', () => {
    const r = spawnSync(process.execPath, [BIN, '--no-config', '--format', 'json', '--stdin-filename', 'cm.yaml', '-', '--', '--max-file-size=10'], { cwd: ROOT, input: CONFIGMAP, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] }).findings;
    expect(findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['--max-file-size=10 read-error']);
  });
});

describe('README', () => {
  it('Usage says that config files are skipped in directory walks', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('### Exit codes'));
    expect(usage).toContain('`.istio-lint.yaml`');
    expect(usage).toContain('`.istio-lint.yml`');
  });

  it('and they are: a directory walk leaves them out', async () => {
    const dir = tempTree({ '.istio-lint.yml': 'rules: {}\n', 'sub/.istio-lint.yaml': 'not: [valid\n', 'sub/a.yaml': CONFIGMAP });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });
});

describe('report', () => {
  const RULE = `customRules:
  - id: org/registry-only
    severity: error
    description: Every Sidecar restricts outbound traffic to the registry.
    message: "outboundTrafficPolicy.mode is {{value}}, expected REGISTRY_ONLY"
    match: {kinds: [Sidecar], namespaces: ["*"]}
    given: $.spec.outboundTrafficPolicy.mode
    then: {function: enumeration, functionOptions: {values: [REGISTRY_ONLY]}}
`;
  const files = {
    'app.yaml': [deployment('client', 'foo', 'c'), sidecar('"./*"').replace('REGISTRY_ONLY', 'ALLOW_ANY')].join('---\n'),
    'policy/r.yaml': RULE,
  };

  it('the html page shows findings of custom rules from --rules-file', async () => {
    const r = await runCli(['report', '--no-config', '--format', 'html', '--rules-file', 'policy/r.yaml', 'app.yaml'], { cwd: tempTree(files) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('outboundTrafficPolicy.mode is ALLOW_ANY, expected REGISTRY_ONLY');
  });

  it('… and from the config file, at the severity it sets', async () => {
    const dir = tempTree({ ...files, '.istio-lint.yaml': 'rulesFiles: [policy/r.yaml]\nrules: {org/registry-only: warning}\n' });
    const r = await runCli(['report', '--format', 'html', 'app.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\["warning","org\/registry-only","outboundTrafficPolicy\.mode is ALLOW_ANY, expected REGISTRY_ONLY"/);
  });

  it('a malformed --rules-file is a usage error before any output', async () => {
    const dir = tempTree({ ...files, 'bad.yaml': 'customRules:\n  - id: nope\n' });
    const r = await runCli(['report', '--no-config', '--format', 'html', '--rules-file', 'bad.yaml', 'app.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^istio-lint: bad\.yaml:2:9: /);
  });

  it('--proxy-config with a format other than table or json is a one-line usage error', async () => {
    for (const format of ['html', 'dot', 'mermaid', 'markdown', 'csv', 'summary']) {
      const r = await runCli(['report', 'fixtures/seed', '--proxy-config', 'default/helloworld-default', '--format', format]);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `istio-lint: --proxy-config prints table or json, not --format ${format}\n`]);
    }
  });

  it('--proxy-config --format json prints the clusters and listeners as JSON', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--proxy-config', 'default/helloworld-default', '--format', 'json']);
    expect(r.code).toBe(0);
    const pc = JSON.parse(r.stdout) as { workload: string; clusters: unknown[]; listeners: unknown[] };
    expect(pc.workload).toBe('default/helloworld-default');
    expect(pc.clusters.length).toBeGreaterThan(0);
    expect(pc.listeners.length).toBeGreaterThan(0);
  });
});
