// The GitHub Action's entry point under a simulated runner: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/action/main.js';
import { readInputs, splitArgs } from '../src/action/inputs.js';
import { asObject } from '../src/json.js';
import { parseYaml } from '../src/loader/parse.js';
import { ROOT, runCli, tempTree } from './helpers/cli.js';

const CLEAN = {
  'deploy/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n  labels:\n    istio-injection: enabled\n',
};
// A Sidecar whose egress listener has its hosts twice: kubectl rejects it, and istio-lint says where.
const BROKEN = {
  ...CLEAN,
  'deploy/sidecar.yaml':
    'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  egress:\n    - hosts: ["./*"]\n      hosts: ["istio-system/*"]\n',
};

interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly workspace: string;
}

async function act(files: Record<string, string>, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const workspace = tempTree(files);
  const runner = mkdtempSync(join(tmpdir(), 'istio-lint-runner-'));
  const outputFile = join(runner, 'output');
  const summaryFile = join(runner, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // action.yml passes every input, with its default, as INPUT_<NAME> (dashes → underscores).
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    INPUT_PATHS: '.',
    INPUT_SARIF_FILE: 'istio-lint.sarif',
    INPUT_CATEGORY: 'istio-lint',
    INPUT_REPORT: 'true',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v])),
  };
  let stdout = '';
  let stderr = '';
  const code = await runAction({ env, cwd: '/nonexistent', stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace };
}

const sarifIn = (r: ActionRun, file = 'istio-lint.sarif') => JSON.parse(readFileSync(join(r.workspace, file), 'utf8')) as Log;

describe('GitHub Action entry point', () => {
  it('passes on a clean tree, still writing the SARIF, outputs and summary', async () => {
    const r = await act(CLEAN);
    expect(r.code).toBe(0);
    expect(sarifIn(r).runs[0]!.results).toEqual([]);
    expect(r.outputs).toEqual({ 'sarif-file': 'istio-lint.sarif', errors: '0', warnings: '0' });
    expect(r.summary).toContain('## istio-lint\n\n✔ no problems (1 file, 1 resource)');
    expect(r.stdout).not.toContain('::error');
  });

  it('fails on a broken Sidecar after writing the SARIF, annotations and outputs', async () => {
    const r = await act(BROKEN, { 'sarif-file': 'reports/lint.sarif' });
    expect(r.code).toBe(1);
    const results = sarifIn(r, 'reports/lint.sarif').runs[0]!.results!;
    const dup = results.find((x) => x.ruleId === 'duplicate-key')!;
    expect(dup.locations![0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'deploy/sidecar.yaml' }, region: { startLine: 9, startColumn: 7 } });
    expect(r.stdout).toMatch(/^::error file=deploy\/sidecar\.yaml,line=9,col=7,[^\n]*title=duplicate-key::/m);
    expect(r.outputs['sarif-file']).toBe('reports/lint.sarif');
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(1);
    expect(r.outputs.warnings).toMatch(/^\d+$/);
    expect(r.summary).toMatch(/\| error \| `duplicate-key` \| deploy\/sidecar\.yaml:9:7 \|/);
  });

  it('reports without failing when fail-on is never, and honours extra args', async () => {
    expect((await act(BROKEN, { 'fail-on': 'never' })).code).toBe(0);
    const off = await act(BROKEN, { args: '--rule duplicate-key=off' });
    expect(off.code).toBe(0);
    expect(sarifIn(off).runs[0]!.results!.some((x) => x.ruleId === 'duplicate-key')).toBe(false);
  });

  it('fails on a warning when fail-on is warning, and writes no SARIF when sarif-file is empty', async () => {
    const dir = { 'x.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n' };
    const r = await act(dir, { 'sarif-file': '', args: '--rule duplicate-key=warning', 'fail-on': 'warning' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ 'sarif-file': '', errors: '0', warnings: '1' });
    expect(existsSync(join(r.workspace, 'istio-lint.sarif'))).toBe(false);
    expect((await act(dir, { args: '--rule duplicate-key=warning' })).code).toBe(0);
  });

  it('fails with one error annotation, and no SARIF, when it cannot lint at all', async () => {
    const r = await act(CLEAN, { paths: 'missing/' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=istio-lint::.*missing/m);
    expect(existsSync(join(r.workspace, 'istio-lint.sarif'))).toBe(false);
    expect(r.summary).toContain('istio-lint could not lint');
    const bad = await act(CLEAN, { 'fail-on': 'sometimes' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('::error title=istio-lint::input fail-on: expected error, warning, info or never, got "sometimes"\n');
  });

  it('puts the reachability report in the job summary, or says why it could not', async () => {
    const r = await act(CLEAN);
    const report = await runCli(['report', '.', '--format', 'markdown'], { cwd: r.workspace });
    if (report.code < 2 && report.stdout.trim()) expect(r.summary).toContain(report.stdout);
    else expect(r.summary).toContain('_The reachability report could not be made: ');
    const none = await act(CLEAN, { report: 'false' });
    expect(none.summary).not.toContain('reachability');
    expect(none.summary).not.toContain(report.stdout.trim() || '\u0000');
  });
});

describe('action inputs', () => {
  it('splits paths and args like a shell, without expanding anything', () => {
    expect(splitArgs(` a  "b c" 'd "e"' --x=$HOME\n f`)).toEqual(['a', 'b c', 'd "e"', '--x=$HOME', 'f']);
    expect(() => splitArgs('"open')).toThrow(/unterminated/);
    expect(readInputs({ 'INPUT_FAIL-ON': 'info', INPUT_PATHS: 'a\nb' })).toMatchObject({ failOn: 'info', paths: ['a', 'b'], sarifFile: 'istio-lint.sarif', report: true });
  });

  it('matches action.yml: every input reaches the entry point, every output is set by it', () => {
    const action = asObject(parseYaml('action.yml', readFileSync(join(ROOT, 'action.yml'), 'utf8')).documents[0])!;
    const inputs = Object.keys(asObject(action.inputs)!);
    expect(inputs.sort()).toEqual(['args', 'base-ref', 'category', 'config', 'fail-on', 'namespace', 'paths', 'report', 'sarif-file']);
    const runs = asObject(action.runs)!;
    expect(runs.using).toBe('composite');
    const steps = (runs.steps as unknown[]).map((s) => asObject(s)!);
    const install = steps.find((s) => String(s.run).includes('npm ci'))!;
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    const lint = steps.find((s) => s.id === 'lint')!;
    expect(lint.run).toBe('node "$GITHUB_ACTION_PATH/dist/src/action/bin.js"');
    expect(existsSync(join(ROOT, 'src/action/bin.ts'))).toBe(true);
    expect(asObject(lint.env)).toEqual(Object.fromEntries(inputs.map((i) => [`INPUT_${i.toUpperCase().replace(/-/g, '_')}`, `\${{ inputs.${i} }}`])));
    const outputs = asObject(action.outputs)!;
    for (const [name, spec] of Object.entries(outputs)) expect(asObject(spec)!.value).toBe(`\${{ steps.lint.outputs.${name} }}`);
    expect(Object.keys(outputs).sort()).toEqual(['errors', 'sarif-file', 'warnings']);
    expect(asObject(asObject(action.inputs)!['sarif-file'])!.default).toBe('istio-lint.sarif');
  });
});
