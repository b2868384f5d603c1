// Which Sidecar applies (B1–B5), the effective outbound policy (C1, C2), who is meshed, and scope sharing.
import { describe, expect, it } from 'vitest';
import { engineFor } from '../src/reach/engine.js';
import { buildReachReport } from '../src/reach/report.js';
import { deploy, meshFrom, ns, sidecar, svc, verdicts } from './reach-fixtures.js';

const BASE = ns('a') + ns('b') + deploy('x', 'a', '{app: x}') + deploy('w', 'a', '{app: w}') + deploy('z', 'b', '{app: z}') + svc('x', 'a', 'x') + svc('z', 'b', 'z');

describe('which Sidecar applies', () => {
  const mesh = meshFrom(
    BASE +
      sidecar('ns-wide', 'a', '{egress: [{hosts: ["b/*"]}]}') +
      sidecar('sel', 'a', '{workloadSelector: {labels: {app: x}}, egress: [{hosts: ["./*"]}]}') +
      sidecar('default', 'istio-system', '{egress: [{hosts: ["./*"]}], outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'),
  );
  const report = buildReachReport(mesh);
  const summary = Object.fromEntries(report.workloads.map((w) => [w.id, `${w.sidecar} ${w.outboundTrafficPolicy}`]));

  it('a selector in the namespace beats the namespace-wide Sidecar, which beats the root one; no merging', () => {
    expect(summary).toEqual({ 'a/x': 'a/sel ALLOW_ANY', 'a/w': 'a/ns-wide ALLOW_ANY', 'b/z': 'istio-system/default REGISTRY_ONLY' });
    const v = verdicts(mesh);
    expect(v['a/x x.a:80']).toBe('200');
    // ./* of a/sel: b's Service is not imported, and 0.0.0.0_80 exists, so ALLOW_ANY's allow_any answers.
    expect(v['a/x z.b:80']).toBe('passthrough');
    expect(v['a/w z.b:80']).toBe('200');
    expect(v['a/w x.a:80']).toBe('passthrough');
  });

  it('the root Sidecar\'s "." means the pod\'s namespace, and its policy applies', () => {
    const v = verdicts(mesh);
    expect(v['b/z z.b:80']).toBe('200');
    expect(v['b/z x.a:80']).toBe('502');
  });

  it('without any Sidecar the implicit */* imports everything', () => {
    const v = verdicts(meshFrom(BASE));
    expect(new Set(Object.values(v))).toEqual(new Set(['200']));
    expect(buildReachReport(meshFrom(BASE)).workloads.every((w) => w.sidecar === null)).toBe(true);
  });
});

describe('ambiguous Sidecars', () => {
  it('the oldest selector Sidecar wins, and the reason says the choice is ambiguous', () => {
    const mesh = meshFrom(
      BASE +
        sidecar('a-new', 'a', '{workloadSelector: {labels: {app: x}}, egress: [{hosts: ["./*"]}]}', '2024-02-01T00:00:00Z') +
        sidecar('z-old', 'a', '{workloadSelector: {labels: {app: x}}, egress: [{hosts: ["b/*"]}]}', '2024-01-01T00:00:00Z'),
    );
    const report = buildReachReport(mesh, { from: ['a/x'] });
    expect(report.workloads[0]!.sidecar).toBe('a/z-old');
    const p = report.pairs.find((x) => x.to.startsWith('z.b'))!;
    expect(p.verdict).toBe('200');
    expect(p.reason).toContain('Sidecar a/z-old (workloadSelector app=x) — ambiguous: a/a-new also applies; Istio uses the oldest (creationTimestamp, then name)');
  });

  it('without timestamps the name decides; an empty selector outranks a namespace-wide Sidecar', () => {
    const mesh = meshFrom(
      BASE +
        sidecar('b', 'a', '{workloadSelector: {labels: {app: x}}, egress: [{hosts: ["./*"]}]}') +
        sidecar('a', 'a', '{workloadSelector: {labels: {app: x}}, egress: [{hosts: ["b/*"]}]}') +
        sidecar('everyone', 'a', '{workloadSelector: {labels: {}}, egress: [{hosts: ["b/*"]}]}') +
        sidecar('ns', 'a', '{egress: [{hosts: ["./*"]}]}', '2020-01-01T00:00:00Z'),
    );
    const s = Object.fromEntries(buildReachReport(mesh).workloads.map((w) => [w.id, w.sidecar]));
    expect(s['a/x']).toBe('a/a');
    expect(s['a/w']).toBe('a/everyone');
  });
});

describe('outbound policy', () => {
  it('outboundTrafficPolicy: {} is REGISTRY_ONLY; a Sidecar with only a policy imports */*', () => {
    const mesh = meshFrom(BASE + sidecar('p', 'a', '{outboundTrafficPolicy: {}}'));
    const report = buildReachReport(mesh, { from: ['a/*'] });
    expect(report.workloads.map((w) => w.outboundTrafficPolicy)).toEqual(['REGISTRY_ONLY', 'REGISTRY_ONLY']);
    expect(new Set(report.pairs.map((p) => p.verdict))).toEqual(new Set(['200']));
  });

  it('the mesh mode applies when the Sidecar has none (istio ConfigMap in the input)', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n---\n';
    const mesh = meshFrom(cm + BASE + sidecar('p', 'a', '{egress: [{hosts: ["./*"]}]}'));
    const report = buildReachReport(mesh, { from: ['a/x'], to: ['z.b.svc.cluster.local:80'] });
    expect(report.pairs[0]!.verdict).toBe('502');
    expect(report.pairs[0]!.reason).toContain('block_all');
    expect(report.assumptions).toContain('outboundTrafficPolicy.mode: REGISTRY_ONLY (from ConfigMap istio-system/istio)');
  });
});

describe('who has a sidecar', () => {
  it('unmeshed clients, gateways and excluded ports go direct, with the plain Kubernetes outcome', () => {
    const mesh = meshFrom(
      ns('a') +
        ns('plain', '{}') +
        deploy('x', 'a', '{app: x}', '{traffic.sidecar.istio.io/excludeOutboundPorts: "80"}') +
        deploy('gw', 'a', '{app: gw, istio: ingressgateway}', '{inject.istio.io/templates: gateway}') +
        deploy('p', 'plain', '{app: p}') +
        svc('x', 'a', 'x', '[{name: http, port: 80}, {name: http-alt, port: 8080}]') +
        svc('none', 'a', 'nothing'),
    );
    const report = buildReachReport(mesh);
    const v = Object.fromEntries(report.pairs.map((p) => [`${p.from} ${p.to}`, p]));
    expect(v['a/x x.a.svc.cluster.local:80']!.verdict).toBe('direct');
    expect(v['a/x x.a.svc.cluster.local:80']!.reason).toContain('excludeOutboundPorts');
    expect(v['a/x x.a.svc.cluster.local:8080']!.verdict).toBe('200');
    expect(v['a/gw x.a.svc.cluster.local:80']!.verdict).toBe('direct');
    expect(v['a/gw x.a.svc.cluster.local:80']!.reason).toContain('gateway');
    expect(v['plain/p x.a.svc.cluster.local:80']!.reason).toContain('kube-proxy takes it to pods of a/x');
    expect(v['plain/p none.a.svc.cluster.local:80']!.reason).toContain('no workload in namespace a has labels app=nothing');
    expect(report.workloads.find((w) => w.id === 'a/gw')!.meshed).toBe(false);
  });
});

describe('scopes are shared', () => {
  it('workloads with the same Sidecar and namespace share one scope, whatever their labels', () => {
    let yaml = ns('a') + svc('s', 'a', 'w0') + sidecar('all', 'a', '{egress: [{hosts: ["./*"]}]}');
    for (let i = 0; i < 40; i++) yaml += deploy(`w${i}`, 'a', `{app: w${i}}`);
    const mesh = meshFrom(yaml);
    const report = buildReachReport(mesh);
    expect(report.pairs).toHaveLength(40);
    expect(engineFor(mesh).scopeCount).toBe(1);
    expect(new Set(report.pairs.map((p) => p.reason)).size).toBe(1);
  });
});

describe('pairWithSidecar: a patched Sidecar gets the same capture bypass as the report (step 1.10)', () => {
  const ann = '{"traffic.sidecar.istio.io/excludeOutboundIPRanges": "10.0.0.0/24", "traffic.sidecar.istio.io/includeOutboundIPRanges": "10.9.0.0/16", "traffic.sidecar.istio.io/includeOutboundPorts": "81"}';
  const mesh = meshFrom(
    ns('a') + deploy('c', 'a', '{app: c}', ann) + svc('ex', 'a', 'x', '[{name: http, port: 80}]', 'clusterIP: 10.0.0.5, ') +
      svc('out', 'a', 'x', '[{name: http, port: 80}, {name: http2, port: 81}]', 'clusterIP: 10.1.0.5, ') + svc('in', 'a', 'x', '[{name: http, port: 80}]', 'clusterIP: 10.9.0.5, ') +
      deploy('x', 'a', '{app: x}') + sidecar('sc', 'a', '{egress: [{hosts: ["./*"]}]}'),
  );
  const engine = engineFor(mesh);
  const w = mesh.workloads.find((x) => x.name === 'c')!;
  const sc = mesh.sidecars.find((s) => s.name === 'sc')!;
  const none = { ...sc, egress: [{ ...sc.egress[0]!, hosts: [] }], egressDefaulted: false };
  const at = (to: string) => engine.targets.findIndex((t) => t.to === to);

  it('an excluded or not-included address bypasses Envoy whatever the Sidecar says; included ports and ranges are decided by it', () => {
    const v = (to: string) => [engine.pairWithSidecar(w, at(to), sc), engine.pairWithSidecar(w, at(to), none)];
    expect(v('ex.a.svc.cluster.local:80')).toEqual([undefined, undefined]);
    expect(v('out.a.svc.cluster.local:80')).toEqual([undefined, undefined]);
    expect(v('out.a.svc.cluster.local:81')).toEqual(['200', 'passthrough']);
    expect(v('in.a.svc.cluster.local:80')).toEqual(['200', 'passthrough']);
  });
});

describe('revisions (A2)', () => {
  it('every istio.io/rev value in namespaces or pods is listed as an assumed installed revision, and only then', () => {
    const mesh = meshFrom(ns('r', '{istio.io/rev: canary}') + deploy('p', 'r', '{app: p, istio.io/rev: stable}') + deploy('q', 'r', '{app: q}'));
    const revs = buildReachReport(mesh).assumptions.filter((a) => a.startsWith('istio.io/rev'));
    expect(revs).toEqual(['istio.io/rev "canary", "stable" are assumed to name installed revisions: a revision with no control plane injects nothing and the pods run without a sidecar']);
    expect(buildReachReport(meshFrom(BASE)).assumptions.some((a) => a.includes('istio.io/rev'))).toBe(false);
  });
});
