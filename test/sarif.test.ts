import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { MAX_RESULTS, sarif, sarifLog } from '../src/formatters/sarif.js';
import { REPOSITORY_URL } from '../src/formatters/sarif-rules.js';
import { BUILTIN_RULES } from '../src/registry.js';
import { finding, formatInput, MANY, META } from './helpers/format-input.js';
import { runCli, tempTree } from './helpers/cli.js';

const run = (log: Log) => log.runs[0]!;
const byRule = (log: Log, id: string) => run(log).results!.filter((r) => r.ruleId === id);
const region = (r: Result) => r.locations![0]!.physicalLocation!.region;
const fingerprintOf = (r: Result) => Object.values(r.partialFingerprints ?? {})[0];

describe('sarif formatter', () => {
  const log = sarifLog(formatInput(MANY));

  it('describes the tool and every rule the way code scanning reads them', () => {
    const driver = run(log).tool.driver;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(driver).toMatchObject({ name: 'istio-lint', version: '1.2.3', semanticVersion: '1.2.3', informationUri: REPOSITORY_URL });
    expect(driver.rules!.map((r) => r.id)).toEqual(Object.keys(META));
    const rule = driver.rules!.find((r) => r.id === 'allow-any-unenforced')!;
    expect(rule.name).toBe('AllowAnyUnenforced');
    expect(rule.shortDescription!.text).toBe('Egress hosts restrict, but the outbound policy is ALLOW_ANY.');
    expect(rule.fullDescription!.text).toContain('destinations the hosts leave out still pass through');
    for (const part of ['still pass through', 'REGISTRY_ONLY', 'hosts: ["./*"]', 'KIA1004', '/docs/rules/allow-any-unenforced.md']) {
      expect(rule.help!.text).toContain(part);
      expect(rule.help!.markdown).toContain(part);
    }
    expect(rule.help!.markdown).toContain('```yaml\nkind: Sidecar');
    expect(rule.helpUri).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/allow-any-unenforced.md`);
    expect(rule.defaultConfiguration!.level).toBe('warning');
  });

  it('marks rules that let blocked traffic pass as security problems with a numeric severity', () => {
    const rules = run(log).tool.driver.rules!;
    const security = rules.find((r) => r.id === 'allow-any-unenforced')!.properties!;
    expect(security.tags).toContain('security');
    expect(Number(security['security-severity'])).toBeGreaterThanOrEqual(7);
    expect(typeof security['security-severity']).toBe('string');
    const plain = rules.find((r) => r.id === 'service-port-protocol')!.properties!;
    expect(plain).toMatchObject({ tags: ['istio', 'protocol'], precision: 'high', 'problem.severity': 'recommendation' });
    expect(plain['security-severity']).toBeUndefined();
    expect(rules.find((r) => r.id === 'parse-error')!.properties!.precision).toBe('very-high');
  });

  it('links built-in rules to their docs page, custom rules to nothing', () => {
    const custom = { id: 'org/require-registry-only', description: 'Every Sidecar is REGISTRY_ONLY', rationale: 'House rule.', remediation: 'Set the mode.', severity: 'error' as const, tags: ['custom'] };
    const [rule] = run(sarifLog(formatInput([], { rules: [custom] }))).tool.driver.rules!;
    expect(rule).toMatchObject({ id: 'org/require-registry-only', name: 'OrgRequireRegistryOnly', properties: { tags: ['istio', 'custom'] } });
    expect(rule!.helpUri).toBeUndefined();
    expect(rule!.help!.text).not.toContain('docs/rules');
  });

  it('lists every built-in rule with descriptions within GitHub limits', () => {
    const rules = run(sarifLog(formatInput([], { rules: BUILTIN_RULES.map((r) => r.meta) }))).tool.driver.rules!;
    expect(rules.find((r) => r.id === 'allow-any-unenforced')?.properties?.['security-severity']).toBe('7.0');
    expect(rules.find((r) => r.id === 'selector-no-match')?.properties).toMatchObject({ precision: 'medium', 'security-severity': '4.0' });
    expect(rules.find((r) => r.id === 'schema')?.properties?.precision).toBe('very-high');
    expect(rules.map((r) => r.id)).toEqual(BUILTIN_RULES.map((r) => r.meta.id));
    for (const r of rules) {
      expect(r.name!.toLowerCase()).not.toBe(r.id.toLowerCase());
      expect(r.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect((r.properties!.tags as string[]).length).toBeLessThanOrEqual(20);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration!.level);
    }
  });

  it('gives each result its rule index, level, relative location, region and resource', () => {
    const results = run(log).results!;
    const rules = run(log).tool.driver.rules!;
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const [host] = byRule(log, 'egress-host-format');
    expect(host).toMatchObject({ level: 'error', message: { text: 'egress host "helloworld" is not namespace/dnsName → write "foo/helloworld".' } });
    expect(host!.locations).toHaveLength(1);
    expect(host!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'deploy/sidecar.yaml', uriBaseId: '%SRCROOT%' });
    expect(region(host!)).toEqual({ startLine: 9, startColumn: 9, endLine: 9, endColumn: 21 });
    expect(host!.locations![0]!.logicalLocations).toEqual([{ name: 'restrict', fullyQualifiedName: 'Sidecar foo/restrict', kind: 'resource' }]);
    expect(host!.properties).toEqual({ jsonPath: 'spec.egress[0].hosts[1]' });
    expect(byRule(log, 'service-port-protocol')[0]!.level).toBe('note');
    expect(run(log).originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run(log).columnKind).toBe('utf16CodeUnits');
    expect(run(log).automationDetails).toEqual({ id: 'istio-lint/' });
  });

  it('keeps suppressed findings, saying how and why they were suppressed', () => {
    const suppressions = run(log).results!.map((r) => r.suppressions ?? null);
    expect(suppressions.filter(Boolean)).toEqual([
      [{ kind: 'inSource', status: 'accepted', justification: 'migrating next sprint' }],
      [{ kind: 'inSource', status: 'accepted' }],
      [{ kind: 'external', status: 'accepted', justification: 'bar is a sandbox' }],
    ]);
    expect(run(log).results).toHaveLength(MANY.length);
  });

  it('fingerprints a finding by rule, resource, path and message, so moving lines keeps the alert', () => {
    const base = finding({ ruleId: 'egress-host-format' });
    const fp = (f: typeof base) => fingerprintOf(run(sarifLog(formatInput([f]))).results![0]!);
    expect(fp({ ...base, line: 40, endLine: 40, file: 'other/place.yaml' })).toBe(fp(base));
    expect(fp({ ...base, path: ['spec', 'egress', 0, 'hosts', 2] })).not.toBe(fp(base));
    expect(fp({ ...base, resource: { kind: 'Sidecar', namespace: 'bar', name: 'restrict' } })).not.toBe(fp(base));
    expect(fp({ ...base, message: 'another message' })).not.toBe(fp(base));
    // Two identical findings stay distinct alerts.
    const twice = run(sarifLog(formatInput([base, base]))).results!.map(fingerprintOf);
    expect(new Set(twice).size).toBe(2);
    expect(Object.keys(run(log).results![0]!.partialFingerprints!)).not.toContain('primaryLocationLineHash');
  });

  it('ends a region on the last line it covers rather than at column 1 of the next', () => {
    const f = finding({ ruleId: 'parse-error', file: 'deploy/sidecar.yaml', line: 1, column: 1, endLine: 3, endColumn: 1 });
    expect(region(run(sarifLog(formatInput([f]))).results![0]!)).toEqual({ startLine: 1, startColumn: 1, endLine: 2, endColumn: 14 });
  });

  it('encodes odd file names and uses absolute file URIs outside the working directory', () => {
    const uris = ['my dir/a#1.yaml', '<stdin>', '../outside.yaml'].map(
      (file) => run(sarifLog(formatInput([finding({ ruleId: 'parse-error', file })]))).results![0]!.locations![0]!.physicalLocation!.artifactLocation,
    );
    expect(uris).toEqual([
      { uri: 'my%20dir/a%231.yaml', uriBaseId: '%SRCROOT%' },
      { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///work/outside.yaml' },
    ]);
  });

  it('stays within GitHub\'s 25,000 results per run, keeping the most severe', () => {
    const many = Array.from({ length: MAX_RESULTS + 10 }, (_, i) =>
      finding({ ruleId: 'service-port-protocol', severity: 'info', message: `info ${i}`, line: i + 1, endLine: i + 1 }),
    );
    many.push(finding({ ruleId: 'egress-host-format', line: 999_999, endLine: 999_999 }));
    const big = run(sarifLog(formatInput(many)));
    expect(big.results).toHaveLength(MAX_RESULTS);
    expect(big.results!.at(-1)!.ruleId).toBe('egress-host-format');
    expect(big.invocations![0]!.toolExecutionNotifications![0]!.message.text).toMatch(/^11 less severe results were left out/);
  });

  it('uses the category given, and is the same bytes every time', () => {
    expect(run(sarifLog(formatInput([], { category: 'deploy/prod/' }))).automationDetails).toEqual({ id: 'deploy/prod/' });
    expect(sarif(formatInput(MANY))).toBe(sarif(formatInput([...MANY])));
    expect(sarif(formatInput(MANY))).not.toMatch(/"(start|end)TimeUtc"/);
  });
});

describe('--format sarif from the command line', () => {
  it('prints results: [] on a clean run', async () => {
    const dir = tempTree({ 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n' });
    const r = await runCli(['--format', 'sarif', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Log;
    expect(run(out).results).toEqual([]);
    expect(run(out).tool.driver.rules!.length).toBe(BUILTIN_RULES.length);
  });

  it('writes SARIF to a file beside human output on stdout from one run', async () => {
    const dir = tempTree({ 'dup.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n' });
    const r = await runCli(['--format', 'stylish', '--format', 'sarif:out/results.sarif', '--sarif-category', 'manifests', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('5:3  error');
    expect(r.stdout).toContain('duplicate-key');
    const written = JSON.parse(r.files[`${dir}/out/results.sarif`]!) as Log;
    const [dup] = byRule(written, 'duplicate-key');
    expect(dup!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('dup.yaml');
    expect(region(dup!)).toMatchObject({ startLine: 5, startColumn: 3 });
    expect(run(written).automationDetails!.id).toBe('manifests/');
  });

  it('names stdin findings after --stdin-filename', async () => {
    const r = await runCli(['--format', 'sarif', '--stdin-filename', 'deploy/ns.yaml', '-'], { stdin: 'a: [\n' });
    const [res] = run(JSON.parse(r.stdout) as Log).results!;
    expect(res!.ruleId).toBe('parse-error');
    expect(res!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'deploy/ns.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('includes findings silenced by a comment, marked as suppressed', async () => {
    const dir = tempTree({
      'dup.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  # istio-lint-disable-next-line duplicate-key -- generated file\n  name: b\n',
    });
    const r = await runCli(['--format', 'sarif', '--format', 'json:out.json', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    const [dup] = byRule(JSON.parse(r.stdout) as Log, 'duplicate-key');
    expect(dup!.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'generated file' }]);
    expect(JSON.parse(r.files[`${dir}/out.json`]!).findings).toEqual([]);
  });
});
