// Reach rules: selectors over the reachability report's pairs, positions at the governing Sidecar, and a report
// built once per run and only when an enabled reach rule needs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, runCli, tempTree } from './helpers/cli.js';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../src/reach/report.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../src/reach/report.js')>();
  return {
    ...mod,
    buildReachReport: (...args: Parameters<typeof mod.buildReachReport>) => {
      calls.n++;
      return mod.buildReachReport(...args);
    },
  };
});

const PACK = 'fixtures/custom-rules/house-rules.yaml';
const MESH = readFileSync(join(ROOT, 'fixtures/custom-rules/reach-fail.yaml'), 'utf8');

async function run(rules: string, mesh = MESH, extra: string[] = []): Promise<{ found: string[]; messages: string[] }> {
  const dir = tempTree({ 'rules.yaml': rules, 'mesh.yaml': mesh });
  const r = await runCli(['--no-config', '--rules-file', 'rules.yaml', '--format', 'json', ...extra, 'mesh.yaml'], { cwd: dir });
  expect(r.stderr).toBe('');
  const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; column: number; message: string }[] }).findings.filter((f) => f.ruleId.startsWith('t/'));
  return { found: findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`), messages: findings.map((f) => f.message) };
}

const reach = (body: string, message = ''): string => `customRules:\n  - id: t/r\n    description: d\n${message ? `    message: "${message}"\n` : ''}    reach:\n${body}`;

describe('the reachability report behind reach rules', () => {
  it('is built once per run however many reach rules are enabled', async () => {
    calls.n = 0;
    await runCli(['--no-config', '--rules-file', PACK, 'fixtures/custom-rules/reach-fail.yaml']);
    expect(calls.n).toBe(1);
    await runCli(['--no-config', '--rules-file', PACK, 'fixtures/custom-rules/reach-pass.yaml']);
    expect(calls.n).toBe(2);
  });

  it('is not built when every reach rule is off, or when only structural rules run', async () => {
    calls.n = 0;
    const off = ['org/payments-contained', 'org/default-isolated', 'org/frontend-reaches-api'].flatMap((id) => ['--rule', `${id}=off`]);
    const r = await runCli(['--no-config', '--rules-file', PACK, '--format', 'json', ...off, 'fixtures/custom-rules/reach-fail.yaml']);
    expect(r.code).toBe(0);
    const dir = tempTree({ 'rules.yaml': 'customRules:\n  - id: t/s\n    description: d\n    given: $.metadata.name\n    then: {function: truthy}\n' });
    await runCli(['--no-config', '--rules-file', `${dir}/rules.yaml`, 'fixtures/custom-rules/reach-fail.yaml']);
    expect(calls.n).toBe(0);
  });
});

describe('reach selectors', () => {
  const payments = '      from: {namespace: payments}\n';
  it('verdict: a list allows any of them; "!x" allows anything but x', async () => {
    expect((await run(reach(`${payments}      to: {namespace: shop}\n      verdict: ["!200"]\n`))).found).toEqual(['172:3 t/r']);
    expect((await run(reach(`${payments}      to: {namespace: shop}\n      verdict: ["!blackhole"]\n`))).found).toEqual([]);
    expect((await run(reach(`${payments}      to: {namespace: shop}\n      verdict: [200, 503]\n`))).found).toEqual([]);
  });

  it('to.port and to.host select pairs; "!" excludes', async () => {
    expect((await run(reach(`${payments}      to: {host: "*.shop.svc.cluster.local", port: 8080}\n      verdict: [502]\n`))).found).toEqual(['172:3 t/r']);
    expect((await run(reach(`${payments}      to: {host: "*.shop.svc.cluster.local", port: "!8080"}\n      verdict: [502]\n`))).found).toEqual([]);
    expect((await run(reach(`${payments}      to: {host: ["*.svc.cluster.local", "!api.*", "!payments.*", "!*.istio-system.*"]}\n      verdict: [blackhole]\n`))).found).toEqual([]);
  });

  it('from.workload globs and from.labels select source workloads', async () => {
    const to = '      to: {namespace: shop}\n      verdict: [blackhole]\n';
    expect((await run(reach(`      from: {labels: {app: payments}}\n${to}`))).found).toEqual(['172:3 t/r']);
    expect((await run(reach(`      from: {labels: {app: nope}}\n${to}`))).found).toEqual([]);
    expect((await run(reach(`      from: {namespace: payments, workload: "pay*"}\n${to}`))).found).toEqual(['172:3 t/r']);
    expect((await run(reach(`      from: {namespace: payments, workload: "!payments"}\n${to}`))).found).toEqual([]);
  });

  it('fill reach placeholders, naming the resource the finding is at', async () => {
    const r = await run(
      reach(`${payments}      to: {namespace: shop}\n      verdict: [blackhole, 502]\n`, '{{kind}} {{namespace}}/{{name}} ({{sidecar}}) lets {{workload}} reach {{host}} port {{port}}: {{verdict}}, not {{expected}}'),
    );
    expect(r.messages).toEqual(['Sidecar payments/default (payments/default) lets payments reach api.shop.svc.cluster.local port 8080: 200, not blackhole or 502']);
    const none = await run(reach('      from: {namespace: default}\n      to: {namespace: foo}\n      verdict: ["!200"]\n', '{{kind}} {{name}} {{sidecar}} {{expected}}'));
    expect(none.messages).toEqual(['Deployment sleep none anything but 200']);
  });
});

describe('suppressing reach findings', () => {
  const rule = reach('      from: {namespace: payments}\n      to: {namespace: shop}\n      verdict: [blackhole, 502]\n');
  it('by an annotation on the Sidecar the finding is reported at', async () => {
    const annotated = MESH.replace(
      'kind: Sidecar\nmetadata:\n  name: default\n  namespace: payments\n',
      'kind: Sidecar\nmetadata:\n  name: default\n  namespace: payments\n  annotations:\n    istio-lint.io/ignore: t/r\n',
    );
    expect(annotated).not.toBe(MESH);
    expect((await run(rule, annotated)).found).toEqual([]);
  });

  it('by a comment on the line before', async () => {
    const lines = MESH.split('\n');
    expect(lines[171]).toBe('  egress:');
    lines.splice(171, 0, '  # istio-lint-disable-next-line t/r -- payments calls the shop API during checkout');
    expect((await run(rule, lines.join('\n'))).found).toEqual([]);
  });
});
