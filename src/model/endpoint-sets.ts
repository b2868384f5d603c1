// EndpointSlice (discovery.k8s.io) and Endpoints (v1) objects: the addresses a Service really has, when the input
// carries them (istioctl dumps, test data). They take precedence over guessing from selectors (K1).
import { asArray, asInt, asObject, asString } from '../json.js';
import type { Manifest } from '../types.js';
import type { EndpointSet } from './types.js';

export function readEndpointSet(m: Manifest): EndpointSet | undefined {
  if (m.kind === 'EndpointSlice') {
    const service = asString(asObject(asObject(m.value.metadata)?.labels)?.['kubernetes.io/service-name']);
    if (!service) return undefined;
    const addresses = asArray(m.value.endpoints).flatMap((e) => {
      const o = asObject(e);
      const ready = asObject(o?.conditions)?.ready !== false;
      return asArray(o?.addresses).flatMap((a) => (typeof a === 'string' ? [{ ip: a, ready }] : []));
    });
    return { namespace: m.namespace, service, addresses, ports: ports(asArray(m.value.ports)), manifest: m };
  }
  // Endpoints: subsets[].addresses (ready) and notReadyAddresses, with the subset's ports.
  const addresses: { ip: string; ready: boolean }[] = [];
  const allPorts: EndpointSet['ports'][number][] = [];
  for (const s of asArray(m.value.subsets)) {
    const o = asObject(s);
    for (const [key, ready] of [['addresses', true], ['notReadyAddresses', false]] as const) {
      for (const a of asArray(o?.[key])) {
        const ip = asString(asObject(a)?.ip);
        if (ip) addresses.push({ ip, ready });
      }
    }
    allPorts.push(...ports(asArray(o?.ports)));
  }
  return { namespace: m.namespace, service: m.name, addresses, ports: allPorts, manifest: m };
}

function ports(list: readonly unknown[]): EndpointSet['ports'][number][] {
  return list.flatMap((p) => {
    const o = asObject(p);
    const port = asInt(o?.port);
    return port === undefined ? [] : [{ port, ...(asString(o?.name) ? { name: asString(o?.name)! } : {}) }];
  });
}
