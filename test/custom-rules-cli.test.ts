// Custom rules take part everywhere built-in rules do: config, --rules-file, --rule, suppression, rules, explain, SARIF.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';

const RULE = `customRules:
  - id: org/require-registry-only
    severity: error
    description: Every Sidecar restricts outbound traffic to the registry.
    remediation: Set spec.outboundTrafficPolicy.mode to REGISTRY_ONLY.
    message: "{{kind}} {{namespace}}/{{name}}: outboundTrafficPolicy.mode is {{value}}, expected REGISTRY_ONLY"
    match: {kinds: [Sidecar], namespaces: ["*"]}
    given: $.spec.outboundTrafficPolicy.mode
    then: {function: enumeration, functionOptions: {values: [REGISTRY_ONLY]}}
`;

const sidecar = (name: string, mode: string, extraMetadata = ''): string => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: ${name}
  namespace: foo
${extraMetadata}spec:
  egress:
    - hosts: ["./*"]
  outboundTrafficPolicy:
    mode: ${mode}
`;


const customFindings = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId.includes('/')).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`);

describe('declaring custom rules', () => {
  it('reads customRules from .istio-lint.yaml', async () => {
    const dir = tempTree({ '.istio-lint.yaml': RULE, 'sc.yaml': sidecar('default', 'ALLOW_ANY') });
    const r = await runCli(['--format', 'json', 'sc.yaml'], { cwd: dir });
    expect(customFindings(r.stdout)).toEqual(['10:11 org/require-registry-only error']);
    expect(r.code).toBe(1);
  });

  it('reads rulesFiles relative to the config file, from a subfolder', async () => {
    const dir = tempTree({
      '.istio-lint.yaml': 'rulesFiles: [policy/house.yaml]\n',
      'policy/house.yaml': RULE,
      'manifests/sc.yaml': sidecar('default', 'ALLOW_ANY'),
    });
    const r = await runCli(['--format', 'json', 'sc.yaml'], { cwd: `${dir}/manifests` });
    expect(customFindings(r.stdout)).toEqual(['10:11 org/require-registry-only error']);
  });

  it('reads --rules-file (repeatable) relative to the working directory', async () => {
    const dir = tempTree({
      'a.yaml': RULE,
      'b.yaml': RULE.replace('org/require-registry-only', 'org/second'),
      'sc.yaml': sidecar('default', 'ALLOW_ANY'),
    });
    const r = await runCli(['--no-config', '--rules-file', 'a.yaml', '--rules-file', 'b.yaml', '--format', 'json', 'sc.yaml'], { cwd: dir });
    expect(customFindings(r.stdout)).toEqual(['10:11 org/require-registry-only error', '10:11 org/second error']);
  });

  it('stays quiet when the resource follows the rule', async () => {
    const dir = tempTree({ 'rules.yaml': RULE, 'sc.yaml': sidecar('default', 'REGISTRY_ONLY') });
    const r = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--format', 'json', 'sc.yaml'], { cwd: dir });
    expect(customFindings(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('custom rules in the engine', () => {
  it('are turned off with --rule org/x=off and re-levelled by the config rules map', async () => {
    const dir = tempTree({ 'rules.yaml': RULE, 'sc.yaml': sidecar('default', 'ALLOW_ANY') });
    const off = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--rule', 'org/require-registry-only=off', '--format', 'json', 'sc.yaml'], { cwd: dir });
    expect(customFindings(off.stdout)).toEqual([]);
    expect(off.code).toBe(0);

    const cfg = tempTree({ '.istio-lint.yaml': `${RULE}rules:\n  org/require-registry-only: warning\n`, 'sc.yaml': sidecar('default', 'ALLOW_ANY') });
    const warn = await runCli(['--format', 'json', 'sc.yaml'], { cwd: cfg });
    expect(customFindings(warn.stdout)).toEqual(['10:11 org/require-registry-only warning']);
  });

  it('rejects --rule for a custom id that is not declared', async () => {
    const r = await runCli(['--no-config', '--rule', 'org/nope=off', 'fixtures/seed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "org/nope"');
  });

  it('are suppressed by the istio-lint.io/ignore annotation', async () => {
    const annotated = sidecar('default', 'ALLOW_ANY', '  annotations:\n    istio-lint.io/ignore: org/require-registry-only\n    istio-lint.io/ignore-reason: migrating\n');
    const dir = tempTree({ 'rules.yaml': RULE, 'sc.yaml': annotated });
    const r = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--format', 'json', '--report-unused-suppressions', 'sc.yaml'], { cwd: dir });
    expect(customFindings(r.stdout)).toEqual([]);
    expect(r.stdout).not.toContain('unused-suppression');
    const sarif = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--format', 'sarif', 'sc.yaml'], { cwd: dir });
    const result = JSON.parse(sarif.stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'org/require-registry-only');
    expect(result.suppressions).toEqual([expect.objectContaining({ kind: 'inSource', justification: 'migrating' })]);
  });

  it('are suppressed by a comment directive', async () => {
    const commented = sidecar('default', 'ALLOW_ANY').replace('    mode: ALLOW_ANY', '    # istio-lint-disable-next-line org/require-registry-only -- legacy\n    mode: ALLOW_ANY');
    const dir = tempTree({ 'rules.yaml': RULE, 'sc.yaml': commented });
    const r = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--format', 'json', '--report-unused-suppressions', 'sc.yaml'], { cwd: dir });
    expect(customFindings(r.stdout)).toEqual([]);
    expect(r.stdout).not.toContain('unused-suppression');
    expect(r.code).toBe(0);
  });

  it('appear in SARIF tool.driver.rules with their descriptions', async () => {
    const dir = tempTree({ 'rules.yaml': RULE, 'sc.yaml': sidecar('default', 'ALLOW_ANY') });
    const r = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--format', 'sarif', 'sc.yaml'], { cwd: dir });
    const run = JSON.parse(r.stdout).runs[0];
    const rule = run.tool.driver.rules.find((d: { id: string }) => d.id === 'org/require-registry-only');
    expect(rule.shortDescription.text).toBe('Every Sidecar restricts outbound traffic to the registry.');
    expect(rule.defaultConfiguration.level).toBe('error');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'org/require-registry-only');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 10, startColumn: 11 });
  });

  it('show in --print-config with their severities', async () => {
    const dir = tempTree({ '.istio-lint.yaml': RULE });
    const r = await runCli(['--print-config'], { cwd: dir });
    expect(JSON.parse(r.stdout).rules['org/require-registry-only']).toBe('error');
  });
});

describe('rules and explain', () => {
  it('list custom rules after the built-ins', async () => {
    const dir = tempTree({ '.istio-lint.yaml': RULE });
    const r = await runCli(['rules'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^org\/require-registry-only\s+error\s+Every Sidecar restricts outbound traffic to the registry$/);
    const builtinOnly = await runCli(['rules', '--no-config'], { cwd: dir });
    expect(builtinOnly.stdout).not.toContain('org/');
    const viaFile = tempTree({ 'house.yaml': RULE });
    const listed = await runCli(['rules', '--format', 'json', '--no-config', '--rules-file', 'house.yaml'], { cwd: viaFile });
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((m) => m.id)).toContain('org/require-registry-only');
    const md = await runCli(['rules', '--format', 'markdown', '--rules-file', 'house.yaml'], { cwd: viaFile });
    expect(md.stdout).toContain('| `org/require-registry-only` | error | Every Sidecar restricts outbound traffic to the registry |');
  });

  it('explain a custom rule, naming where it is declared', async () => {
    const dir = tempTree({ 'house.yaml': RULE });
    const r = await runCli(['explain', 'org/require-registry-only', '--rules-file', 'house.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# org/require-registry-only');
    expect(r.stdout).toContain('Set spec.outboundTrafficPolicy.mode to REGISTRY_ONLY.');
    expect(r.stdout).toContain('Custom rule declared at house.yaml:2.');
    expect(r.stdout).toContain('  org/require-registry-only: off');
  });
});
