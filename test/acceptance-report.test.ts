// Acceptance checks of the reachability report (issue 3) that no fixture folder can express: where mesh settings
// come from and in which order, the JSON contract's exact shape, which resources are workloads and which are
// columns, the cluster domain in every FQDN, and Sidecar ambiguity in the reason. Expectations come from the issue
// text and istio-semantics.md (rule letters in the test names), never from the engine's output.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReachReport } from '../src/reach/types.js';
import { runCli, tempTree } from './helpers/cli.js';

const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n  labels:\n    istio-injection: enabled\n';
const SVC =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: foo\nspec:\n  clusterIP: 10.0.0.10\n  selector:\n    app: web\n  ports:\n    - {port: 80, name: http}\n';
const POD = (name: string, app: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: foo\n  labels:\n    app: ${app}\nspec:\n  containers: [{name: c, image: x}]\n`;
// Imports nothing from foo on port 80, so a call to web.foo:80 shows the outbound mode: 502 (block_all) or passthrough.
const SIDECAR =
  'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: only-other\n  namespace: foo\nspec:\n  workloadSelector:\n    labels:\n      app: client\n  egress:\n    - hosts: ["other/*"]\n';
const OTHER =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: other\nspec:\n  clusterIP: 10.0.0.20\n  selector:\n    app: api\n  ports:\n    - {port: 80, name: http}\n';
const CONFIGMAP = (mode: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: ${mode}\n`;
const OPERATOR = (mode: string) =>
  `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: main\n  namespace: istio-system\nspec:\n  meshConfig:\n    outboundTrafficPolicy:\n      mode: ${mode}\n`;

async function report(dir: string, ...extra: string[]): Promise<ReachReport> {
  const r = await runCli(['report', '.', '--format', 'json', ...extra], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReachReport;
}

const verdictOf = (r: ReachReport, from: string, to: string) => r.pairs.find((p) => p.from === from && p.to === to)?.verdict;
const modeAssumption = (r: ReachReport) => r.assumptions.find((a) => a.startsWith('outboundTrafficPolicy.mode:'));

describe('mesh settings: --mesh-config, then the config file, then the input, then Istio defaults (C2)', () => {
  const base = { 'ns.yaml': NS, 'svc.yaml': SVC, 'other.yaml': OTHER, 'pods.yaml': `${POD('client', 'client')}---\n${POD('web', 'web')}`, 'sidecar.yaml': SIDECAR };
  const CALL = ['foo/client', 'web.foo.svc.cluster.local:80'] as const;

  it("uses Istio's default ALLOW_ANY when nothing sets it, and says so", async () => {
    const r = await report(tempTree(base));
    expect(verdictOf(r, ...CALL)).toBe('passthrough');
    expect(modeAssumption(r)).toMatch(/ALLOW_ANY.*Istio default/);
  });

  it('reads an IstioOperator spec.meshConfig and the istio ConfigMap data.mesh from the input', async () => {
    const op = await report(tempTree({ ...base, 'op.yaml': OPERATOR('REGISTRY_ONLY') }));
    expect(verdictOf(op, ...CALL)).toBe('502');
    expect(modeAssumption(op)).toMatch(/REGISTRY_ONLY.*IstioOperator istio-system\/main/);
    const cm = await report(tempTree({ ...base, 'cm.yaml': CONFIGMAP('REGISTRY_ONLY') }));
    expect(verdictOf(cm, ...CALL)).toBe('502');
    expect(modeAssumption(cm)).toMatch(/REGISTRY_ONLY.*ConfigMap istio-system\/istio/);
  });

  it('lets the config file override the input, and --mesh-config override both', async () => {
    const dir = tempTree({
      ...base,
      'cm.yaml': CONFIGMAP('REGISTRY_ONLY'),
      '.istio-lint.yaml': 'mesh:\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n',
      'mesh/mesh.yaml': 'outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n',
    });
    const fromConfig = await report(dir, '--ignore-pattern', 'mesh/**');
    expect(verdictOf(fromConfig, ...CALL)).toBe('passthrough');
    expect(modeAssumption(fromConfig)).toMatch(/ALLOW_ANY.*\.istio-lint\.yaml/);
    const fromFlag = await report(dir, '--ignore-pattern', 'mesh/**', '--mesh-config', join(dir, 'mesh/mesh.yaml'));
    expect(verdictOf(fromFlag, ...CALL)).toBe('502');
    expect(modeAssumption(fromFlag)).toMatch(/REGISTRY_ONLY.*--mesh-config/);
  });

  it('takes the cluster domain from the config file for every Service FQDN, short Host forms included (I5)', async () => {
    const r = await report(tempTree({ ...base, '.istio-lint.yaml': 'mesh:\n  clusterDomain: corp.internal\n' }));
    expect(r.pairs.map((p) => p.to)).toContain('web.foo.svc.corp.internal:80');
    expect(r.pairs.some((p) => p.to.endsWith('.cluster.local:80'))).toBe(false);
    expect(verdictOf(r, 'foo/web', 'web.foo.svc.corp.internal:80')).toBe('200');
  });
});

describe('the JSON contract', () => {
  const KINDS: Record<string, string> = {
    Deployment: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: foo}\nspec:\n  selector: {matchLabels: {k: d}}\n  template:\n    metadata: {labels: {k: d}}\n    spec: {containers: [{name: c, image: x}]}\n',
    StatefulSet: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s, namespace: foo}\nspec:\n  serviceName: s\n  selector: {matchLabels: {k: s}}\n  template:\n    metadata: {labels: {k: s}}\n    spec: {containers: [{name: c, image: x}]}\n',
    DaemonSet: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds, namespace: foo}\nspec:\n  selector: {matchLabels: {k: ds}}\n  template:\n    metadata: {labels: {k: ds}}\n    spec: {containers: [{name: c, image: x}]}\n',
    ReplicaSet: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs, namespace: foo}\nspec:\n  selector: {matchLabels: {k: rs}}\n  template:\n    metadata: {labels: {k: rs}}\n    spec: {containers: [{name: c, image: x}]}\n',
    Job: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: foo}\nspec:\n  template:\n    metadata: {labels: {k: j}}\n    spec: {containers: [{name: c, image: x}]}\n',
    CronJob: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj, namespace: foo}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {k: cj}}\n        spec: {containers: [{name: c, image: x}]}\n',
    Pod: POD('p', 'p'),
  };
  const SE =
    'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ext, namespace: foo}\nspec:\n  hosts: [api.example.com, www.example.com]\n  location: MESH_EXTERNAL\n  resolution: DNS\n  ports:\n    - {number: 443, name: tls, protocol: TLS}\n    - {number: 80, name: http, protocol: HTTP}\n';

  it('has exactly the documented keys, a row per workload × Service port and ServiceEntry host × port, sorted', async () => {
    const r = await report(tempTree({ 'ns.yaml': NS, 'svc.yaml': SVC, 'se.yaml': SE, 'w.yaml': Object.values(KINDS).join('---\n') }));
    expect(Object.keys(r).sort()).toEqual(['assumptions', 'pairs', 'workloads']);
    expect(r.workloads.map((w) => w.kind).sort()).toEqual(Object.keys(KINDS).sort());
    for (const w of r.workloads) expect(Object.keys(w).sort()).toEqual(['id', 'kind', 'meshed', 'outboundTrafficPolicy', 'sidecar']);
    for (const p of r.pairs) expect(Object.keys(p).sort()).toEqual(['from', 'reason', 'sidecar', 'to', 'verdict']);
    const columns = [...new Set(r.pairs.map((p) => p.to))];
    expect(columns.sort()).toEqual(['api.example.com:443', 'api.example.com:80', 'web.foo.svc.cluster.local:80', 'www.example.com:443', 'www.example.com:80']);
    expect(r.pairs).toHaveLength(Object.keys(KINDS).length * columns.length);
    const keys = r.pairs.map((p) => `${p.from}\u0000${p.to}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('reports two Sidecars that select one pod as ambiguous, naming both, and uses the older (B1 B4)', async () => {
    const sc = (name: string, ts: string, host: string) =>
      `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: ${name}\n  namespace: foo\n  creationTimestamp: "${ts}"\nspec:\n  workloadSelector:\n    labels:\n      app: client\n  egress:\n    - hosts: ["${host}"]\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n`;
    const dir = tempTree({ 'ns.yaml': NS, 'svc.yaml': SVC, 'other.yaml': OTHER, 'pods.yaml': POD('client', 'client'), 'a.yaml': sc('zz-older', '2024-01-01T00:00:00Z', 'other/*'), 'b.yaml': sc('aa-newer', '2024-06-01T00:00:00Z', './*') });
    const r = await report(dir);
    expect(r.workloads.find((w) => w.id === 'foo/client')?.sidecar).toBe('foo/zz-older');
    const pair = r.pairs.find((p) => p.from === 'foo/client' && p.to === 'web.foo.svc.cluster.local:80')!;
    expect(pair.verdict).toBe('502');
    expect(pair.reason).toMatch(/ambiguous/);
    expect(pair.reason).toContain('foo/aa-newer');
  });
});

describe('mesh settings from a ConfigMap defined twice', () => {
  it('come from the copy kubectl keeps (the last one), not the first', async () => {
    const cm = (mode: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: ${mode}\n`;
    const dir = tempTree({ 'a-mesh.yaml': cm('ALLOW_ANY'), 'b-mesh.yaml': cm('REGISTRY_ONLY') });
    const r = await runCli(['report', '.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).assumptions).toContain('outboundTrafficPolicy.mode: REGISTRY_ONLY (from ConfigMap istio-system/istio)');
  });
});
