// Both suppression forms, with reasons, and --report-unused-suppressions.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import { out, where } from './helpers/manifests.js';

const annotated = (ignore: string, reason?: string): string =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: a',
    '  annotations:',
    `    istio-lint.io/ignore: "${ignore}"`,
    ...(reason ? [`    istio-lint.io/ignore-reason: "${reason}"`] : []),
    'spec:',
    '  ports:',
    '  - port: "80"',
    '',
  ].join('\n');

interface SarifResult {
  ruleId: string;
  suppressions?: { kind: string; justification?: string }[];
}
const sarifResults = (stdout: string): SarifResult[] => (JSON.parse(stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;

describe('annotation istio-lint.io/ignore', () => {
  it('silences the named rules on that resource (with whitespace, lists and *), keeping the reason', async () => {
    for (const ignore of ['schema', ' parse-error , schema ', '*']) {
      const dir = tempTree({ 'a.yaml': annotated(ignore, 'legacy chart, fixed in 2.0') });
      const r = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
      expect(where(r.stdout)).toEqual([]);
      expect(out(r.stdout).summary.errors).toBe(0);
      expect(r.code).toBe(0);
      const sarif = await runCli(['--no-config', '--format', 'sarif', 'a.yaml'], { cwd: dir });
      const suppressed = sarifResults(sarif.stdout).filter((x) => x.ruleId === 'schema');
      expect(suppressed.map((x) => x.suppressions)).toEqual([[expect.objectContaining({ kind: 'inSource', justification: 'legacy chart, fixed in 2.0' })]]);
    }
  });

  it('does not silence other rules, or other resources', async () => {
    const dir = tempTree({ 'a.yaml': `${annotated('duplicate-key')}---\n${annotated('schema').replace('name: a', 'name: b')}` });
    const r = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    expect(where(r.stdout)).toEqual(['a.yaml:9:11 error schema']);
    expect(r.code).toBe(1);
  });
});

describe('comment directives', () => {
  const svc = (before: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  ports:\n${before}  - port: "80"\n`;

  it('# istio-lint-disable-next-line RULE -- reason silences the next line (blank and comment lines skipped)', async () => {
    const dir = tempTree({ 'a.yaml': svc('  # istio-lint-disable-next-line schema -- the chart quotes it\n\n  # another comment\n') });
    const r = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    expect(where(r.stdout)).toEqual([]);
    const sarif = await runCli(['--no-config', '--format', 'sarif', 'a.yaml'], { cwd: dir });
    expect(sarifResults(sarif.stdout).find((x) => x.ruleId === 'schema')?.suppressions).toEqual([expect.objectContaining({ justification: 'the chart quotes it' })]);
  });

  it('only for the rules it names', async () => {
    const dir = tempTree({ 'a.yaml': svc('  # istio-lint-disable-next-line duplicate-key, parse-error\n') });
    const r = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    expect(where(r.stdout)).toEqual(['a.yaml:8:11 error schema']);
  });

  it('# istio-lint-disable-file RULE silences the rule in the whole file, loader findings included', async () => {
    const text = `# istio-lint-disable-file schema, not-a-resource\n${svc('')}---\nreplicas: 3\n`;
    // Another Service than a.yaml's: a second copy of one object would be a duplicate-resource finding.
    const dir = tempTree({ 'a.yaml': text, 'b.yaml': svc('').replace('name: c', 'name: d') });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(where(r.stdout)).toEqual(['b.yaml:7:11 error schema']);
  });

  it('a "#" inside a quoted value is not a directive', async () => {
    const dir = tempTree({ 'a.yaml': svc('').replace('name: c', 'name: c\n  annotations: {note: "x # istio-lint-disable-file schema"}') });
    const r = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    expect(where(r.stdout)).toEqual(['a.yaml:8:11 error schema']);
  });
});

describe('--report-unused-suppressions', () => {
  it('flags annotations and comments that suppress nothing, at their position', async () => {
    const text = [
      '# istio-lint-disable-file duplicate-key', // 1: unused
      'apiVersion: v1', // 2
      'kind: Service', // 3
      'metadata:', // 4
      '  name: u', // 5
      '  annotations:', // 6
      '    istio-lint.io/ignore: "schema, parse-error"', // 7: schema used, parse-error unused
      'spec:', // 8
      '  ports:', // 9
      '  # istio-lint-disable-next-line schema', // 10: unused (the annotation wins)
      '  - port: "80"', // 11
      '',
    ].join('\n');
    const dir = tempTree({ 'a.yaml': text });
    const quiet = await runCli(['--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    expect(where(quiet.stdout)).toEqual([]);
    const r = await runCli(['--no-config', '--format', 'json', '--report-unused-suppressions', 'a.yaml'], { cwd: dir });
    expect(out(r.stdout).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)).toEqual([
      '1:1 warning unused-suppression "istio-lint-disable-file" for duplicate-key suppresses nothing; remove it',
      '7:27 warning unused-suppression annotation istio-lint.io/ignore names "parse-error", but no such finding is on this resource; remove it',
      '10:3 warning unused-suppression "istio-lint-disable-next-line" for schema suppresses nothing; remove it',
    ]);
    expect(r.code).toBe(0);
  });
});
