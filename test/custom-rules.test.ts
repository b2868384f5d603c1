// The house rule pack in fixtures/custom-rules: every rule fires where it should, at the right line:column, and
// stays quiet on resources that follow it.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const PACK = 'fixtures/custom-rules/house-rules.yaml';

async function custom(file: string, extra: string[] = []): Promise<{ code: number; found: string[]; messages: string[] }> {
  const r = await runCli(['--no-config', '--rules-file', PACK, '--format', 'json', ...extra, `fixtures/custom-rules/${file}`]);
  expect(r.stderr).toBe('');
  const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; column: number; message: string }[] }).findings.filter((f) =>
    f.ruleId.startsWith('org/'),
  );
  return { code: r.code, found: findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`), messages: findings.map((f) => f.message) };
}

describe('structural house rules', () => {
  it('stay quiet on Sidecars that follow them (and on other kinds)', async () => {
    expect((await custom('sidecars-pass.yaml')).found).toEqual([]);
  });

  it('fire at the node the JSONPath selects, or at the nearest existing parent', async () => {
    const r = await custom('sidecars-fail.yaml');
    expect(r.found).toEqual([
      // foo/default: no outboundTrafficPolicy → reported at `spec:`, the nearest node that exists.
      '7:1 org/require-registry-only',
      '9:7 org/egress-port-declared',
      '11:19 org/egress-port-declared',
      '14:11 org/no-import-all',
      // bar/legacy: no egress (imports */*), no selector, ALLOW_ANY.
      '21:1 org/no-import-all',
      '21:1 org/sidecar-scope',
      '23:11 org/require-registry-only',
      // bar/api: an empty selector selects every pod.
      '32:5 org/sidecar-scope',
    ]);
    expect(r.code).toBe(1);
  });

  it('fill message templates and explain function failures', async () => {
    const r = await custom('sidecars-fail.yaml');
    expect(r.messages).toEqual([
      'Sidecar foo/default: outboundTrafficPolicy.mode is absent, expected REGISTRY_ONLY',
      'spec.egress[0].port needs the key "name"',
      'spec.egress[0].port.protocol must be one of "HTTP", "HTTP2", "GRPC", "TCP", "TLS"',
      'Sidecar foo/default imports every namespace: spec.egress[0].hosts[1] is "*/*", expected it not to match /^\\*/\\*$/',
      'Sidecar bar/legacy imports every namespace: spec.egress is absent, expected at least 1',
      'Sidecar bar/legacy applies to the whole namespace: name it "default" or add spec.workloadSelector.labels',
      'Sidecar bar/legacy: outboundTrafficPolicy.mode is ALLOW_ANY, expected REGISTRY_ONLY',
      'Sidecar bar/api applies to the whole namespace: name it "default" or add spec.workloadSelector.labels',
    ]);
  });

  it('take their severity from the rule and from --rule', async () => {
    const r = await runCli(['--no-config', '--rules-file', PACK, '--format', 'json', '--rule', 'org/require-registry-only=info', 'fixtures/custom-rules/sidecars-fail.yaml']);
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[] };
    expect(out.findings.filter((f) => f.ruleId === 'org/require-registry-only').map((f) => f.severity)).toEqual(['info', 'info']);
    expect(out.findings.filter((f) => f.ruleId === 'org/no-import-all').map((f) => f.severity)).toEqual(['error', 'error']);
  });
});

describe('reach house rules', () => {
  it('stay quiet on a mesh that keeps payments and default contained and lets the frontend reach the API', async () => {
    const r = await custom('reach-pass.yaml');
    expect(r.found).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('report each violating pair at the governing Sidecar, or at the workload when none governs it', async () => {
    const r = await custom('reach-fail.yaml');
    expect(r.found).toEqual([
      // default/sleep: no Sidecar in default → at the Deployment's name.
      '151:9 org/default-isolated',
      // payments/default imports shop/* → at its egress key.
      '172:3 org/payments-contained',
      // shop/frontend imports only istio-system/* → at its egress key.
      '188:3 org/frontend-reaches-api',
    ]);
    expect(r.messages[0]).toMatch(/^call from default\/sleep to helloworld\.foo\.svc\.cluster\.local:80 gets 200, expected blackhole or 502: .*no Sidecar applies/);
    expect(r.messages[1]).toMatch(/^call from payments\/payments to api\.shop\.svc\.cluster\.local:8080 gets 200, expected blackhole or 502: .*Sidecar payments\/default/);
    expect(r.messages[2]).toMatch(/^the frontend must reach the API: shop\/frontend gets blackhole from api\.shop\.svc\.cluster\.local:8080 \(.*BlackHoleCluster/);
    expect(r.code).toBe(1);
  });

  it('flag the founding example: helloworld in default reaches foo on port 80', async () => {
    const r = await runCli(['--no-config', '--rules-file', PACK, '--format', 'json', 'fixtures/seed']);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; column: number; message: string }[] }).findings.filter((f) =>
      f.ruleId.startsWith('org/'),
    );
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['fixtures/seed/sidecar.yaml:10:3 org/default-isolated']);
    expect(findings[0]!.message).toContain('call from default/helloworld-default to helloworld.foo.svc.cluster.local:80 gets 200');
  });
});
