// Address candidates in values (np-guard's heuristic) and which service they name.
import { describe, expect, it } from 'vitest';
import { parseInputs, modelOf } from '../src/engine.js';
import { addressesIn } from '../src/intent/addresses.js';
import { callsIn } from '../src/intent/calls.js';

const brief = (value: string): string[] => addressesIn(value).map((a) => `${a.scheme ? a.scheme + '://' : ''}${a.host}${a.port ? ':' + a.port : ''}${a.whole ? ' (whole)' : ''}`);

describe('addressesIn', () => {
  it('reads host, scheme and port from URLs and host:port, also after = and : inside a token', () => {
    expect(brief('productcatalogservice:3550')).toEqual(['productcatalogservice:3550 (whole)']);
    expect(brief('http://user:pw@cart.shop.svc.cluster.local:8080/a?b=c#d')).toEqual(['http://cart.shop.svc.cluster.local:8080 (whole)']);
    expect(brief('--addr=svc:5000')).toEqual(['svc:5000']);
    expect(brief('jdbc:mysql://db.data:3306/shop')).toContain('mysql://db.data:3306');
    expect(brief('redis.cache.svc.cluster.local.:6379')).toEqual(['redis.cache.svc.cluster.local:6379 (whole)']);
    expect(brief('grpc://Pay:http-api')[0]).toBe('grpc://pay:http-api (whole)');
  });

  it('splits longer text into tokens and skips numbers, addresses and impossible ports', () => {
    expect(brief('connect to "cart:7070", then (ads:9555); done')).toEqual(['connect', 'to', 'cart:7070', 'then', 'ads:9555', 'done']);
    expect(brief('10.0.0.1:80 127.0.0.1 8080')).toEqual([]);
    expect(brief('cart:99999 cart:-x')).toEqual([]);
    expect(brief('KEY=https://x.example.com')).toEqual(['https://x.example.com']);
  });
});

const MESH = `apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{name: http, port: 80}, {name: grpc, port: 7070}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {clusterIP: None, selector: {app: db}, ports: [{name: tcp, port: 5432}]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ext, namespace: shop}
spec: {hosts: ["*.example.com"], location: MESH_EXTERNAL, resolution: NONE, ports: [{number: 443, name: tls, protocol: TLS}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop, labels: {app: client}}
spec: {containers: [{name: c, image: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: data, labels: {app: other}}
spec: {containers: [{name: c, image: c}]}
`;

describe('callsIn', () => {
  const { mesh } = modelOf(parseInputs([{ path: 'm.yaml', text: MESH }], 'default'), { meshLayers: [], assumeInjected: true });
  const client = mesh.workloads.find((w) => w.id === 'shop/client')!;
  const other = mesh.workloads.find((w) => w.id === 'data/other')!;
  const calls = (w = client, value: string, origin: 'env' | 'arg' | 'command' | 'file' = 'env', name = 'X_ADDR'): string[] =>
    callsIn(mesh, w, value, origin, name).map((c) => `${c.service.hostname}:${c.ports.map((p) => p.port).join('/')}${c.anyPort ? ' any' : ''}`);

  it('resolves every Kubernetes form through the caller\'s search path', () => {
    expect(calls(client, 'cart:7070')).toEqual(['cart.shop.svc.cluster.local:7070']);
    expect(calls(client, 'cart.shop:grpc')).toEqual(['cart.shop.svc.cluster.local:7070']);
    expect(calls(client, 'http://cart.shop.svc/')).toEqual(['cart.shop.svc.cluster.local:80']);
    expect(calls(client, 'cart.shop.svc.cluster.local')).toEqual(['cart.shop.svc.cluster.local:80/7070 any']);
    expect(calls(client, 'postgres://u@db-0.db.data.svc.cluster.local:5432/x')).toEqual(['db.data.svc.cluster.local:5432']);
    expect(calls(client, 'https://api.example.com/v1')).toEqual(['*.example.com:443']);
    // A bare name resolves in the caller's namespace only.
    expect(calls(other, 'cart:7070')).toEqual([]);
    expect(calls(other, 'cart.shop:7070')).toEqual(['cart.shop.svc.cluster.local:7070']);
  });

  it('is conservative about bare names', () => {
    expect(calls(client, 'cart', 'env', 'CART_HOST')).toEqual(['cart.shop.svc.cluster.local:80/7070 any']);
    expect(calls(client, 'cart', 'env', 'DATABASE')).toEqual([]);
    expect(calls(client, 'cart', 'arg')).toEqual([]);
    expect(calls(client, 'use cart now', 'env', 'CART_HOST')).toEqual([]);
    expect(calls(client, 'cart.shop', 'arg')).toEqual(['cart.shop.svc.cluster.local:80/7070 any']);
    expect(calls(client, 'see cart.shop docs', 'file')).toEqual([]);
    expect(calls(client, 'see cart.shop.svc.cluster.local docs', 'file')).toEqual(['cart.shop.svc.cluster.local:80/7070 any']);
    expect(calls(client, 'cart:9999')).toEqual([]);
  });
});

describe('addressesIn on hostile values', () => {
  it('stays fast on a long value full of separators', () => {
    const started = Date.now();
    expect(addressesIn('a:'.repeat(200_000))).toEqual([]);
    expect(addressesIn(`x=${'b.'.repeat(100_000)}c:80 ${'a:a'.repeat(500)}`).length).toBeLessThan(20);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('addressesIn and qualified names', () => {
  it('does not read prefix/name (label keys, secret types) as a host with a path', () => {
    expect(brief('istio.io/key-and-cert')).toEqual([]);
    expect(brief('kubernetes.io/service-account-token app.kubernetes.io/name')).toEqual([]);
    expect(brief('cart:7070/api')).toEqual(['cart:7070 (whole)']);
    expect(brief('http://istio.io/x')).toEqual(['http://istio.io (whole)']);
  });
});
