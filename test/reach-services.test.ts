// Services as Istio sees them: visibility (D), endpoints and 503 (K), headless (G7, K2), ExternalName aliases (L1, I6),
// ServiceEntries with and without addresses, CIDRs and TLS SNI (L3, J1), DNS capture.
import { describe, expect, it } from 'vitest';
import { simulateCall } from '../src/reach/simulate.js';
import { deploy, entry, meshFrom, ns, reasonOf, sidecar, svc, verdicts } from './reach-fixtures.js';

const CLIENT = ns('a') + ns('b') + deploy('c', 'a', '{app: c}') + deploy('s', 'b', '{app: s}');
const STRICT = (n: string, hosts: string) => sidecar('s', n, `{egress: [{hosts: ${hosts}}], outboundTrafficPolicy: {mode: REGISTRY_ONLY}}`);

describe('visibility (D1–D5)', () => {
  const yaml =
    CLIENT +
    svc('x', 'a', 'c') +
    svc('hidden', 'b', 's', undefined, '', '{networking.istio.io/exportTo: "."}') +
    svc('shared', 'b', 's', undefined, '', '{networking.istio.io/exportTo: "b, a"}') +
    svc('plain', 'b', 's') +
    entry('private', 'b', '{hosts: [only-b.example.com], exportTo: ["."], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}') +
    STRICT('a', '["./*", "b/*"]');

  it('the exportTo annotation and ServiceEntry exportTo hide services; the reason says which export to fix', () => {
    const mesh = meshFrom(yaml);
    const v = verdicts(mesh);
    expect(v['a/c hidden.b:80']).toBe('502');
    expect(v['a/c shared.b:80']).toBe('200');
    expect(v['a/c only-b.example.com:443']).toBe('blackhole');
    expect(reasonOf(mesh, 'a/c', 'hidden.b:80')).toContain('Service b/hidden is not exported to namespace a (exportTo ["."]): add "a" to its networking.istio.io/exportTo annotation');
    expect(reasonOf(mesh, 'a/c', 'only-b.example.com:443')).toContain('add "a" to its spec.exportTo');
  });

  it('the mesh defaultServiceExportTo applies to services without exportTo', () => {
    const mesh = meshFrom(yaml, [{ origin: 'test', config: { defaultServiceExportTo: ['.'] } }]);
    const v = verdicts(mesh);
    expect(v['a/c plain.b:80']).toBe('502');
    expect(v['a/c shared.b:80']).toBe('200');
    expect(v['b/s plain.b:80']).toBe('200');
  });
});

describe('endpoints (K1)', () => {
  const mesh = meshFrom(
    CLIENT +
      // Not "off": YAML 1.1 reads it as false, and a Deployment without a string name is no workload.
      deploy('idle', 'a', '{app: idle}', '{}', 'replicas: 0, ') +
      svc('nobody', 'a', 'missing') +
      svc('scaled', 'a', 'idle') +
      svc('named', 'a', 'c', '[{name: http, port: 80, targetPort: web}]') +
      svc('manual', 'a', undefined),
  );
  const v = verdicts(mesh);

  it('no selected pod, replicas: 0, or an undeclared named targetPort give 503', () => {
    expect([v['a/c nobody.a:80'], v['a/c scaled.a:80'], v['a/c named.a:80']]).toEqual(['503', '503', '503']);
    expect(reasonOf(mesh, 'a/c', 'nobody.a:80')).toContain('no workload in namespace a has labels app=missing');
    expect(reasonOf(mesh, 'a/c', 'scaled.a:80')).toContain('replicas: 0');
    expect(reasonOf(mesh, 'a/c', 'named.a:80')).toContain('named targetPort "web"');
  });

  it('a WorkloadEntry (a VM) the selector matches is an endpoint', () => {
    const vm = 'apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata: {name: vm-1, namespace: a}\nspec: {address: 10.5.0.1, labels: {app: vm}}\n---\n';
    const m = meshFrom(CLIENT + svc('legacy', 'a', 'vm') + vm);
    expect(verdicts(m)['a/c legacy.a:80']).toBe('200');
    expect(reasonOf(m, 'a/c', 'legacy.a:80')).toContain('WorkloadEntry a/vm-1');
  });

  it('a selector-less Service is assumed to have endpoints, and says so', () => {
    expect(v['a/c manual.a:80']).toBe('200');
    expect(reasonOf(mesh, 'a/c', 'manual.a:80')).toContain('(unconfirmed:');
  });
});

describe('headless Services (G7, K2)', () => {
  const mesh = meshFrom(
    CLIENT +
      deploy('db', 'a', '{app: db}') +
      svc('db', 'a', 'db', '[{name: http, port: 80}, {name: tcp-pg, port: 5432}]', 'clusterIP: None, ') +
      svc('empty', 'a', 'nothing', '[{name: tcp-pg, port: 5432}]', 'clusterIP: None, ') +
      STRICT('a', '["./*"]'),
  );

  it('HTTP ports use the wildcard listener; TCP ports get one listener per pod IP', () => {
    const v = verdicts(mesh);
    expect(v['a/c db.a:80']).toBe('200');
    expect(v['a/c db.a:5432']).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: 'db', port: 5432, protocol: 'tcp' })).toMatchObject({ verdict: '200', listener: 'PodIP(a/db)_5432' });
    expect(simulateCall(mesh, 'a/c', { host: 'db.a', port: 80, hostHeader: 'db-0.db.a.svc.cluster.local' })).toMatchObject({ verdict: '200' });
  });

  it('without pods the name does not resolve', () => {
    expect(verdicts(mesh)['a/c empty.a:5432']).toBe('503');
    expect(reasonOf(mesh, 'a/c', 'empty.a:5432')).toContain('no A records');
    expect(simulateCall(mesh, 'a/c', { host: 'empty.a', port: 5432, protocol: 'tcp' }).verdict).toBe('dns-failure');
  });
});

describe('EndpointSlices in the input (K1, G7)', () => {
  const slice = (service: string, ips: string, ready = true) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ${service}-x, namespace: a, labels: {kubernetes.io/service-name: ${service}}}\naddressType: IPv4\nendpoints: [{addresses: [${ips}], conditions: {ready: ${ready}}}]\nports: [{name: tcp-pg, port: 5432}]\n---\n`;
  const mesh = meshFrom(
    CLIENT +
      svc('db', 'a', 'nothing', '[{name: tcp-pg, port: 5432}]', 'clusterIP: None, ') +
      svc('cold', 'a', 'c', '[{name: tcp-pg, port: 5432}]', 'clusterIP: 10.0.0.40, ') +
      slice('db', '10.1.0.7') +
      slice('cold', '10.1.0.8', false),
  );

  it('their addresses are the endpoints and the headless listeners, whatever the selector matches', () => {
    expect(verdicts(mesh)['a/c db.a:5432']).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: '10.1.0.7', port: 5432, protocol: 'tcp' })).toMatchObject({ verdict: '200', listener: '10.1.0.7_5432' });
  });

  it('a slice without ready addresses means no endpoints, even when a workload matches', () => {
    expect(verdicts(mesh)['a/c cold.a:5432']).toBe('503');
    expect(reasonOf(mesh, 'a/c', 'cold.a:5432')).toContain('no ready address');
  });
});

describe('ExternalName aliases (L1, I6)', () => {
  const base = CLIENT + svc('concrete', 'a', 'c') + svc('alias', 'a', undefined, '[{name: http, port: 80}]', 'type: ExternalName, externalName: concrete.a.svc.cluster.local, ') + svc('web', 'a', 'c');

  it('the alias is a domain of the concrete vhost when the same host entry covers both', () => {
    const mesh = meshFrom(base + STRICT('a', '["./*"]'));
    expect(verdicts(mesh)['a/c alias.a:80']).toBe('200');
    expect(reasonOf(mesh, 'a/c', 'alias.a:80')).toContain('via the CNAME to concrete.a.svc.cluster.local');
  });

  it('an exact host for the concrete service drops the alias: 502', () => {
    const mesh = meshFrom(base + STRICT('a', '["./concrete.a.svc.cluster.local"]'));
    expect(verdicts(mesh)['a/c alias.a:80']).toBe('502');
    expect(verdicts(mesh)['a/c concrete.a:80']).toBe('200');
  });

  it('an alias of a name outside the cluster reaches whatever listens on the port', () => {
    const mesh = meshFrom(base + svc('out', 'a', undefined, '[{name: http, port: 80}]', 'type: ExternalName, externalName: api.example.org, ') + STRICT('a', '["./*"]'));
    expect(verdicts(mesh)['a/c out.a:80']).toBe('502');
  });
});

describe('ServiceEntries (L3, J1, J2)', () => {
  const mesh = meshFrom(
    CLIENT +
      entry('db', 'a', '{hosts: [db.corp], addresses: [10.9.9.9], location: MESH_INTERNAL, resolution: STATIC, endpoints: [{address: 10.9.9.10}], ports: [{number: 5432, name: tcp, protocol: TCP}]}') +
      entry('redis', 'a', '{hosts: [redis.corp], addresses: [10.20.0.0/16], resolution: NONE, ports: [{number: 6379, name: tcp, protocol: TCP}]}') +
      entry('empty', 'a', '{hosts: [empty.corp], resolution: STATIC, ports: [{number: 80, name: http, protocol: HTTP}]}') +
      entry('api', 'a', '{hosts: [api.example.com, "*.wiki.org"], resolution: NONE, ports: [{number: 443, name: tls, protocol: TLS}]}'),
  );

  it('with an address: a VIP listener, reached if the host resolves to it (unconfirmed without DNS capture)', () => {
    expect(verdicts(mesh)['a/c db.corp:5432']).toBe('200');
    expect(reasonOf(mesh, 'a/c', 'db.corp:5432')).toContain('(unconfirmed: assumes the host resolves to the ServiceEntry address');
    expect(simulateCall(mesh, 'a/c', { host: '10.9.9.9', port: 5432, protocol: 'tcp' })).toMatchObject({ listener: '10.9.9.9_5432' });
  });

  it('a CIDR address matches destinations inside it only', () => {
    expect(simulateCall(mesh, 'a/c', { host: '10.20.3.4', port: 6379, protocol: 'tcp' })).toMatchObject({ verdict: '200', cluster: 'outbound|6379||redis.corp' });
    expect(simulateCall(mesh, 'a/c', { host: '10.30.0.1', port: 6379, protocol: 'tcp' }).verdict).toBe('passthrough');
  });

  it('a STATIC entry without endpoints gives 503', () => {
    expect(verdicts(mesh)['a/c empty.corp:80']).toBe('503');
  });

  it('TLS without addresses is routed by SNI; other SNI and plaintext take the default chain', () => {
    expect(verdicts(mesh)['a/c api.example.com:443']).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: 'api.example.com', port: 443, protocol: 'tls' })).toMatchObject({ verdict: '200', cluster: 'outbound|443||api.example.com' });
    expect(simulateCall(mesh, 'a/c', { host: 'api.example.com', port: 443, protocol: 'tls', sni: 'other.example.com' }).verdict).toBe('passthrough');
    expect(simulateCall(mesh, 'a/c', { host: 'api.example.com', port: 443 }).verdict).toBe('passthrough');
  });

  it('a wildcard host is one pair, called with a name under the wildcard', () => {
    expect(verdicts(mesh)['a/c *.wiki.org:443']).toBe('200');
    expect(reasonOf(mesh, 'a/c', '*.wiki.org:443')).toContain('called as any.wiki.org');
  });

  it('under REGISTRY_ONLY the unmatched SNI is a blackhole', () => {
    const strict = meshFrom(CLIENT + entry('api', 'a', '{hosts: [api.example.com], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}') + STRICT('a', '["./*"]'));
    expect(simulateCall(strict, 'a/c', { host: 'api.example.com', port: 443, protocol: 'tls', sni: 'other.example.com' }).verdict).toBe('blackhole');
  });

  it('with DNS capture, a VIP-less TCP entry moves to an allocated address: other IPs are no longer captured', () => {
    const dns = '{proxy.istio.io/config: "proxyMetadata:\\n  ISTIO_META_DNS_CAPTURE: \\"true\\"\\n"}';
    const m = meshFrom(ns('a') + deploy('d', 'a', '{app: d}', dns) + deploy('c', 'a', '{app: c}') + entry('pg', 'a', '{hosts: [pg.example.com], resolution: DNS, ports: [{number: 5432, name: tcp, protocol: TCP}]}'));
    expect(verdicts(m)['a/d pg.example.com:5432']).toBe('200');
    expect(simulateCall(m, 'a/d', { host: '10.1.1.1', port: 5432, protocol: 'tcp' }).verdict).toBe('passthrough');
    expect(simulateCall(m, 'a/c', { host: '10.1.1.1', port: 5432, protocol: 'tcp' }).verdict).toBe('200');
  });
});

describe('a ServiceEntry reusing a Kubernetes Service hostname (L4)', () => {
  it('says the entry is ignored and that cluster DNS returns the ClusterIP', () => {
    const mesh = meshFrom(
      ns('a') + deploy('c', 'a', '{app: c}') + deploy('k', 'a', '{app: k}') + svc('k', 'a', 'k', '[{name: http, port: 80}]', 'clusterIP: 10.0.0.7, ') +
        entry('dup', 'a', '{hosts: [k.a.svc.cluster.local], addresses: [240.0.0.9], ports: [{number: 8080, name: http, protocol: HTTP}], resolution: STATIC, endpoints: [{address: 1.2.3.4}]}'),
    );
    const r = reasonOf(mesh, 'a/c', 'k.a:8080');
    expect(r).toContain('ServiceEntry a/dup is ignored: Kubernetes Service a/k has the same hostname, and cluster DNS answers that name with its ClusterIP');
    expect(r).toContain('10.0.0.7');
  });
});
