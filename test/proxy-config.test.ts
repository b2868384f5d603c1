// `report --proxy-config ns/workload`: the predicted clusters must be exactly the outbound service clusters that
// SEED.txt's `istioctl proxy-config clusters` shows for each pod (the kubernetes Service is not in the input).
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../src/reach/proxy-config.js';
import { runCli, tempTree } from './helpers/cli.js';

async function pc(workload: string, dir = 'fixtures/seed', cwd?: string): Promise<ProxyConfig> {
  const r = await runCli(['report', dir, '--proxy-config', workload, '--format', 'json'], cwd ? { cwd } : {});
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ProxyConfig;
}

const outbound = (p: ProxyConfig) => p.clusters.filter((c) => c.direction === 'outbound').map((c) => `${c.fqdn}:${c.port} ${c.type}`);

describe('proxy-config clusters (seed)', () => {
  it('default pod: helloworld.foo…:80 only, plus BlackHoleCluster, PassthroughCluster and inbound 80', async () => {
    const p = await pc('default/helloworld-default');
    expect(outbound(p)).toEqual(['helloworld.foo.svc.cluster.local:80 EDS']);
    expect(p.clusters.map((c) => c.fqdn || c.port)).toEqual(['80', 'BlackHoleCluster', 'PassthroughCluster', 'helloworld.foo.svc.cluster.local']);
    expect(p.clusters.find((c) => c.fqdn === 'BlackHoleCluster')!.type).toBe('STATIC');
  });

  it('foo pod: helloworld.default…:8080 and helloworld.foo…:8080', async () => {
    expect(outbound(await pc('foo/helloworld-foo'))).toEqual(['helloworld.default.svc.cluster.local:8080 EDS', 'helloworld.foo.svc.cluster.local:8080 EDS']);
  });

  it('prints istioctl-shaped tables, with the HTTP listener, its default chain and virtualOutbound', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--proxy-config', 'default/helloworld-default']);
    expect(r.stdout).toContain('SERVICE FQDN                       PORT   SUBSET   DIRECTION   TYPE           DESTINATION RULE\n');
    expect(r.stdout).toContain('helloworld.foo.svc.cluster.local   80     -        outbound    EDS\n');
    expect(r.stdout).toContain('0.0.0.0     80      Trans: raw_buffer; App: http/1.1,h2c   Route: 80\n');
    expect(r.stdout).toContain('0.0.0.0     80      ALL                                    BlackHoleCluster\n');
    expect(r.stdout).toContain('0.0.0.0     15001   ALL                                    BlackHoleCluster\n');
    expect(r.stdout).not.toMatch(/ 8080 /);
  });

  it('an unknown workload is a usage error; an unmeshed one says it has no sidecar', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--proxy-config', 'default/nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--proxy-config: no workload "default/nope" in the input');
    const plain = await runCli(['report', 'fixtures/seed', '--proxy-config', 'default/helloworld-default', '--no-assume-injected']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('has no sidecar');
  });
});

describe('proxy-config listeners and clusters beyond the seed', () => {
  const dir = tempTree({
    'all.yaml': `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio-injection: enabled}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: x}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: 10.0.0.5, selector: {app: web}, ports: [{name: tcp-pg, port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80}, {name: udp-x, port: 53, protocol: UDP}]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ext, namespace: shop}
spec:
  hosts: [api.example.com]
  location: MESH_EXTERNAL
  resolution: DNS
  ports: [{number: 443, name: tls, protocol: TLS}]
`,
  });

  it('lists VIP tcp_proxy listeners, SNI chains on 0.0.0.0 and cluster types; UDP gets nothing', async () => {
    const p = await pc('shop/web', '.', dir);
    expect(outbound(p)).toEqual(['api.example.com:443 STRICT_DNS', 'api.shop.svc.cluster.local:80 EDS', 'db.shop.svc.cluster.local:5432 EDS']);
    const rows = p.listeners.map((l) => `${l.address}:${l.port} ${l.match} → ${l.destination}`);
    expect(rows).toContain('10.0.0.5:5432 ALL → Cluster: outbound|5432||db.shop.svc.cluster.local');
    expect(rows).toContain('0.0.0.0:443 SNI: api.example.com → Cluster: outbound|443||api.example.com');
    expect(rows).toContain('0.0.0.0:443 ALL → PassthroughCluster');
    expect(rows.some((r) => r.includes(':53 '))).toBe(false);
  });
});
