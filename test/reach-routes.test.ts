// Routes and virtual hosts (I1–I8): domain forms, block_all vs allow_any, and VirtualService effects (M, errata 3–4).
import { describe, expect, it } from 'vitest';
import { simulateCall } from '../src/reach/simulate.js';
import { deploy, meshFrom, ns, reasonOf, sidecar, svc, verdicts, vservice } from './reach-fixtures.js';

const BASE =
  ns('a') +
  ns('b') +
  deploy('c', 'a', '{app: c}') +
  deploy('o', 'b', '{app: o}') +
  svc('web', 'a', 'c', '[{name: http, port: 80}]', 'clusterIP: 10.0.0.10, ') +
  svc('web2', 'a', 'c', '[{name: http, port: 80}]', 'clusterIP: 10.0.0.12, ') +
  svc('other', 'b', 'o', '[{name: http, port: 80}]', 'clusterIP: 10.0.0.11, ') +
  svc('alt', 'a', 'c', '[{name: http, port: 8080}]', 'clusterIP: 10.0.0.13, ');
const REGISTRY_ONLY = sidecar('p', 'a', '{outboundTrafficPolicy: {mode: REGISTRY_ONLY}}');

describe('virtual host domains (I5, I8)', () => {
  const mesh = meshFrom(BASE + REGISTRY_ONLY);
  const call = (host: string, ip = '10.0.0.10') => simulateCall(mesh, 'a/c', { host: ip, port: 80, hostHeader: host }).verdict;

  it('same-namespace services answer to the bare name and every longer form, port and case ignored', () => {
    expect(['web', 'web.a', 'web.a.svc', 'web.a.svc.cluster.local', 'web.a.svc.cluster.local.', 'WEB.A:80', '10.0.0.10'].map((h) => call(h))).toEqual(Array(7).fill('200'));
  });

  it('other namespaces never by the bare name; an unknown Host gets block_all under REGISTRY_ONLY', () => {
    expect(call('other', '10.0.0.11')).toBe('502');
    expect(call('other.b', '10.0.0.11')).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: '10.0.0.10', port: 80, hostHeader: 'example.com' })).toMatchObject({ verdict: '502', listener: '0.0.0.0_80', route: '80' });
  });

  it('ALLOW_ANY answers an unknown Host with allow_any: passthrough', () => {
    expect(simulateCall(meshFrom(BASE), 'a/c', { host: '10.0.0.10', port: 80, hostHeader: 'example.com' })).toMatchObject({ verdict: 'passthrough', cluster: 'PassthroughCluster' });
  });
});

describe('VirtualService precedence (errata 4)', () => {
  it('an exact host beats a wildcard whatever their ages', () => {
    const mesh = meshFrom(
      BASE +
        vservice('wild', 'a', '{hosts: ["*.a.svc.cluster.local"], http: [{route: [{destination: {host: other.b.svc.cluster.local}}]}]}', '2020-01-01T00:00:00Z') +
        vservice('exact', 'a', '{hosts: [web], http: [{route: [{destination: {host: missing}}]}]}', '2024-01-01T00:00:00Z'),
    );
    const v = verdicts(mesh);
    expect(v['a/c web.a:80']).toBe('503');
    expect(reasonOf(mesh, 'a/c', 'web.a:80')).toContain('VirtualService a/exact');
    expect(reasonOf(mesh, 'a/c', 'web.a:80')).toContain('(unconfirmed: Envoy has no such cluster');
    expect(v['a/c web2.a:80']).toBe('200');
    expect(reasonOf(mesh, 'a/c', 'web2.a:80')).toContain('VirtualService a/wild http[0] sends it to other.b.svc.cluster.local');
    expect(simulateCall(mesh, 'a/c', { host: 'web', port: 80 }).verdict).toBe('other');
  });

  it('for the same host the oldest VirtualService wins, across namespaces', () => {
    const mesh = meshFrom(
      BASE +
        vservice('consumer', 'a', '{hosts: [web.a.svc.cluster.local], http: [{route: [{destination: {host: missing.a.svc.cluster.local}}]}]}', '2024-01-01T00:00:00Z') +
        vservice('producer', 'b', '{hosts: [web.a.svc.cluster.local], http: [{route: [{destination: {host: other}}]}]}', '2020-01-01T00:00:00Z'),
    );
    expect(verdicts(mesh)['a/c web.a:80']).toBe('200');
    expect(reasonOf(mesh, 'a/c', 'web.a:80')).toContain('VirtualService b/producer');
  });
});

describe('VirtualService hosts and ports (I7, errata 3)', () => {
  it('a VirtualService imported through one host brings virtual hosts for all its hosts', () => {
    const mesh = meshFrom(
      BASE +
        sidecar('p', 'a', '{egress: [{hosts: ["./web.a.svc.cluster.local"]}], outboundTrafficPolicy: {mode: REGISTRY_ONLY}}') +
        vservice('multi', 'a', '{hosts: [web.a.svc.cluster.local, ghost.a.svc.cluster.local], http: [{route: [{destination: {host: web}}]}]}'),
    );
    expect(simulateCall(mesh, 'a/c', { host: '10.0.0.10', port: 80, hostHeader: 'ghost.a.svc.cluster.local' })).toMatchObject({ verdict: '200', cluster: 'outbound|80||web.a.svc.cluster.local' });
    expect(simulateCall(mesh, 'a/c', { host: '10.0.0.10', port: 80, hostHeader: 'web2.a.svc.cluster.local' }).verdict).toBe('502');
  });

  it('a VirtualService for hosts outside the registry only gets virtual hosts on port 80', () => {
    const mesh = meshFrom(BASE + vservice('ext', 'a', '{hosts: [ext.example.com], http: [{route: [{destination: {host: web.a.svc.cluster.local}}]}]}'));
    expect(simulateCall(mesh, 'a/c', { host: '10.0.0.10', port: 80, hostHeader: 'ext.example.com' })).toMatchObject({ verdict: '200', cluster: 'outbound|80||web.a.svc.cluster.local' });
    expect(simulateCall(mesh, 'a/c', { host: '10.0.0.13', port: 8080, hostHeader: 'ext.example.com' }).verdict).toBe('passthrough');
  });

  it('routes match on the request: a uri-only route counts for the pair, not for a call to another path', () => {
    const mesh = meshFrom(BASE + vservice('paths', 'a', '{hosts: [web], http: [{match: [{uri: {prefix: /api}}], route: [{destination: {host: other.b.svc.cluster.local}}]}]}'));
    expect(verdicts(mesh)['a/c web.a:80']).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: 'web', port: 80, path: '/api/x' }).verdict).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: 'web', port: 80, path: '/' }).verdict).toBe('other');
  });
});

describe('fallthrough reasons (C3, wording per protocol)', () => {
  const base = ns('a') + ns('b') + deploy('c', 'a', '{app: c}') + deploy('z', 'b', '{app: z}') + svc('c', 'a', 'c') + svc('z', 'b', 'z', '[{name: http, port: 80}, {name: tls, port: 443}, {name: tcp, port: 5000}]');
  const only = (spec: string) => sidecar('sc', 'a', `{egress: [{hosts: ["./*", "istio-system/*"]}]${spec}}`);

  it('ALLOW_ANY passthrough says what leaves per protocol, and never calls TLS plaintext', () => {
    const mesh = meshFrom(base + only(''));
    expect(reasonOf(mesh, 'a/c', 'z.b:80')).toContain('PassthroughCluster (ALLOW_ANY');
    expect(reasonOf(mesh, 'a/c', 'z.b:80')).toContain('as plaintext HTTP');
    expect(reasonOf(mesh, 'a/c', 'z.b:443')).toContain("with the client's own TLS, untouched");
    expect(reasonOf(mesh, 'a/c', 'z.b:443')).not.toContain('plaintext');
    expect(reasonOf(mesh, 'a/c', 'z.b:5000')).toContain('as raw TCP');
  });

  it('an egressProxy replaces PassthroughCluster in both fallthrough paths: still passthrough, but the reason names the proxy', () => {
    const proxy = ', outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: squid.a.svc.cluster.local, port: {number: 3128}}}';
    const mesh = meshFrom(base + svc('squid', 'a', undefined, '[{name: tcp, port: 3128}]') + only(proxy));
    const v = verdicts(mesh);
    expect([v['a/c z.b:80'], v['a/c z.b:5000']]).toEqual(['passthrough', 'passthrough']);
    // z.b:80 meets the allow_any virtual host of the imported port-80 route; z.b:5000 meets virtualOutbound.
    expect(reasonOf(mesh, 'a/c', 'z.b:80')).toContain('catch-all virtual host allow_any');
    for (const to of ['z.b:80', 'z.b:5000']) {
      const r = reasonOf(mesh, 'a/c', to);
      expect(r).toContain('egressProxy cluster outbound|3128||squid.a.svc.cluster.local');
      expect(r).toContain('IST0002');
      expect(r).not.toContain('PassthroughCluster (ALLOW_ANY');
      expect(r).not.toContain('no such cluster');
    }
    const missing = meshFrom(base + only(proxy.replace('squid.a', 'squid.x')));
    expect(reasonOf(missing, 'a/c', 'z.b:80')).toContain("no such cluster unless the Sidecar's egress imports that host");
  });
});
