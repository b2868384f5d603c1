// Listener construction (G1–G9, H1–H5): locked catch-all keys, reserved ports, protocol conflicts, port protocols,
// and the CDS union of trimmed services (F2, F3).
import { describe, expect, it } from 'vitest';
import { proxyConfigOf } from '../src/reach/proxy-config.js';
import { simulateCall } from '../src/reach/simulate.js';
import { deploy, entry, meshFrom, ns, reasonOf, sidecar, svc, verdicts } from './reach-fixtures.js';

describe('locked keys of the catch-all listener (G1, G3, I1)', () => {
  const mesh = meshFrom(
    ns('a') +
      ns('b') +
      deploy('c', 'a', '{app: c}') +
      deploy('api', 'b', '{app: api}') +
      svc('web', 'a', 'c', '[{name: http, port: 80}, {name: http-alt, port: 9090}]') +
      svc('db', 'a', 'c', '[{name: tcp-db, port: 80}]', 'clusterIP: 10.0.0.7, ') +
      svc('api', 'b', 'api') +
      sidecar('s', 'a', '{egress: [{port: {number: 80, protocol: HTTP, name: h}, hosts: ["b/*"]}, {hosts: ["./*"]}], outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'),
  );
  const v = verdicts(mesh);

  it('route "80" belongs to the port-80 listener: the catch-all cannot add HTTP services to it', () => {
    expect(v['a/c api.b:80']).toBe('200');
    expect(v['a/c web.a:80']).toBe('502');
    expect(reasonOf(mesh, 'a/c', 'web.a:80')).toContain('route "80" takes its virtual hosts from egress[0] (port 80 HTTP), which does not import it');
  });

  it('other ports and other listener keys (a VIP) are still built by the catch-all', () => {
    expect(v['a/c web.a:9090']).toBe('200');
    expect(v['a/c db.a:80']).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: 'db.a', port: 80, protocol: 'tcp' })).toMatchObject({ verdict: '200', listener: '10.0.0.7_80', cluster: 'outbound|80||db.a.svc.cluster.local' });
  });
});

describe('reserved ports (G9, errata 1–2)', () => {
  const mesh = meshFrom(
    ns('a') +
      deploy('c', 'a', '{app: c}') +
      svc('r', 'a', 'c', '[{name: http-in, port: 15006}, {name: http-out, port: 15001}, {name: http-status, port: 15021}]') +
      svc('t', 'a', 'c', '[{name: tcp-status, port: 15021}]', 'clusterIP: 10.0.0.9, '),
  );
  const v = verdicts(mesh);

  it('15001 and 15006 blackhole even under ALLOW_ANY', () => {
    expect(v['a/c r.a:15006']).toBe('blackhole');
    expect(v['a/c r.a:15001']).toBe('blackhole');
    expect(reasonOf(mesh, 'a/c', 'r.a:15006')).toContain('virtualInbound');
  });

  it('no wildcard listener on 15021 (unconfirmed outcome), but a VIP-bound TCP listener is allowed', () => {
    expect(v['a/c r.a:15021']).toBe('blackhole');
    expect(reasonOf(mesh, 'a/c', 'r.a:15021')).toContain('(unconfirmed:');
    expect(v['a/c t.a:15021']).toBe('200');
  });
});

describe('HTTP and TCP on one wildcard key (G4, J2)', () => {
  const mesh = meshFrom(
    ns('a') +
      deploy('c', 'a', '{app: c}') +
      svc('web', 'a', 'c', '[{name: http, port: 9000}]') +
      entry('db', 'a', '{hosts: [db.example.com], resolution: DNS, ports: [{number: 9000, name: tcp, protocol: TCP}]}'),
  );

  it('the listener sniffs: HTTP uses route "9000", anything else the VIP-less TCP service, whatever the IP', () => {
    const v = verdicts(mesh);
    expect(v['a/c web.a:9000']).toBe('200');
    expect(v['a/c db.example.com:9000']).toBe('200');
    expect(simulateCall(mesh, 'a/c', { host: '10.1.2.3', port: 9000, protocol: 'tcp' })).toMatchObject({ verdict: '200', listener: '0.0.0.0_9000', cluster: 'outbound|9000||db.example.com' });
    expect(simulateCall(mesh, 'a/c', { host: '10.1.2.3', port: 9000, hostHeader: 'unknown.example' })).toMatchObject({ verdict: 'passthrough', route: '9000' });
  });
});

describe('protocol from port name, appProtocol and well-known ports (H1)', () => {
  const mesh = meshFrom(
    ns('a') +
      deploy('c', 'a', '{app: c}') +
      svc('p', 'a', 'c', '[{name: web, port: 8000, appProtocol: http}, {port: 3306}, {port: 8080}, {name: grpc-web-x, port: 7000}]', 'clusterIP: 10.0.0.20, '),
  );

  it('appProtocol http and grpc-web names give wildcard HTTP listeners', () => {
    expect(simulateCall(mesh, 'a/c', { host: 'p.a', port: 8000 })).toMatchObject({ verdict: '200', listener: '0.0.0.0_8000', route: '8000' });
    expect(simulateCall(mesh, 'a/c', { host: 'p.a', port: 7000 })).toMatchObject({ verdict: '200', listener: '0.0.0.0_7000' });
  });

  it('an unnamed 3306 is TCP (raw TCP is sent); an unnamed 8080 is sniffed on the VIP with a per-service route', () => {
    expect(reasonOf(mesh, 'a/c', 'p.a:3306')).toMatch(/^raw TCP to p\.a\.svc\.cluster\.local:3306/);
    expect(simulateCall(mesh, 'a/c', { host: 'p.a', port: 3306, protocol: 'tcp' })).toMatchObject({ verdict: '200', listener: '10.0.0.20_3306' });
    expect(simulateCall(mesh, 'a/c', { host: 'p.a', port: 8080, hostHeader: 'anything' })).toMatchObject({ verdict: '200', listener: '10.0.0.20_8080', route: 'p.a.svc.cluster.local:8080' });
    expect(simulateCall(mesh, 'a/c', { host: 'p.a', port: 8080, protocol: 'tcp' })).toMatchObject({ verdict: '200', cluster: 'outbound|8080||p.a.svc.cluster.local' });
  });
});

describe('port trimming and merging (F2, F3)', () => {
  const mesh = meshFrom(
    ns('a') +
      deploy('c', 'a', '{app: c}') +
      svc('web', 'a', 'c', '[{name: http, port: 80}, {name: http-b, port: 8080}, {name: http-c, port: 9999}]') +
      sidecar('s', 'a', '{egress: [{port: {number: 80, protocol: HTTP, name: a}, hosts: ["./*"]}, {port: {number: 8080, protocol: HTTP, name: b}, hosts: ["./*"]}], outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'),
  );

  it('CDS holds the union of the trimmed copies and nothing else', () => {
    const pc = proxyConfigOf(mesh, 'a/c')!;
    expect(pc.clusters.filter((c) => c.direction === 'outbound').map((c) => `${c.fqdn}:${c.port}`)).toEqual(['web.a.svc.cluster.local:80', 'web.a.svc.cluster.local:8080']);
    const v = verdicts(mesh);
    expect([v['a/c web.a:80'], v['a/c web.a:8080'], v['a/c web.a:9999']]).toEqual(['200', '200', 'blackhole']);
    expect(reasonOf(mesh, 'a/c', 'web.a:9999')).toContain('add an egress listener for port 9999 with host "a/web.a.svc.cluster.local" to Sidecar a/s');
  });
});

describe('bound listeners (G10)', () => {
  const mesh = meshFrom(
    ns('a') +
      deploy('c', 'a', '{app: c}', '{sidecar.istio.io/interceptionMode: NONE}') +
      svc('web', 'a', 'c', '[{name: http, port: 8080}]') +
      sidecar('s', 'a', '{egress: [{port: {number: 8080, protocol: HTTP, name: h}, bind: 127.0.0.1, captureMode: NONE, hosts: ["./*"]}], outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'),
  );

  it('without iptables only the socket Envoy binds is reached; everything else goes direct', () => {
    expect(simulateCall(mesh, 'a/c', { host: '127.0.0.1', port: 8080, hostHeader: 'web.a' })).toMatchObject({ verdict: '200', listener: '127.0.0.1_8080', route: '8080' });
    expect(simulateCall(mesh, 'a/c', { host: 'web.a', port: 8080 }).verdict).toBe('direct');
    expect(simulateCall(mesh, 'a/c', { host: '127.0.0.1', port: 9999 }).reason).toContain('loopback traffic is never redirected');
    expect(verdicts(mesh)['a/c web.a:8080']).toBe('direct');
  });
});
